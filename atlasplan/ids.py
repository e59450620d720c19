"""Ids that come from a request (query string, form, htmx) before they reach the database.

``"²".isdigit()`` is True and ``int("²")`` fails; a number beyond the database's integers
raises OverflowError on SQLite. Every id read from a request goes through :func:`parse_pk`
(or a form field of atlasplan.forms built on it), so odd values mean "no such object".
"""

# The database's largest integer (a BigAutoField) has 19 digits; 18 always fit.
MAX_ID_DIGITS = 18


def parse_pk(value: object) -> int | None:
    """``value`` as an id when it is plain ASCII digits within the limit, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 and len(str(value)) <= MAX_ID_DIGITS else None
    if not isinstance(value, str):
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > MAX_ID_DIGITS:
        return None
    return int(value) or None
