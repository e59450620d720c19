"""Near-duplicate organisation names ("Stad Antwerpen" vs "Stad Antwerpen "), in Python.

difflib over the existing names works on SQLite and PostgreSQL alike; the register holds
hundreds of organisations at most, so one query for the names is cheap.
"""

import difflib
import unicodedata

from stakeholders.models import Organisation

CUTOFF = 0.8


def normalise(name: str) -> str:
    """Case, accents and spacing do not make a different organisation."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.split())


def similar_names(name: str, exclude_pk: int | None = None, limit: int = 5) -> list[str]:
    """Existing organisation names close to ``name``, closest first."""
    wanted = normalise(name)
    if len(wanted) < 3:
        return []
    existing = Organisation.objects.exclude(pk=exclude_pk).values_list("name", flat=True)
    by_key = {normalise(other): other for other in existing}
    close = difflib.get_close_matches(wanted, list(by_key), n=limit, cutoff=CUTOFF)
    return [by_key[key] for key in close]
