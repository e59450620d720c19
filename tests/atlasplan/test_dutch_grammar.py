"""Dutch as a careful Dutch reader expects it: formal "u" with the right verb forms.

The known wrong forms fail here in every template, script and catalogue string (the English
catalogue's msgids are every Dutch string of the code; the Dutch catalogue's msgstrs are
our Dutch for Django's own strings).
"""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]

# wrong form -> what a Dutch reader expects (with "u" the verb takes -t: "Wilt u", "Kunt u")
WRONG = {
    r"\bWil u\b": "Wilt u",
    r"\bKan u\b": "Kunt u",
    r"\bZal u\b": "Zult u",
    r"\bHeb u\b": "Hebt u / Heeft u",
    r"\bWord u\b": "Wordt u",
    r"\bVind u\b": "Vindt u",
    r"\bZie u\b": "Ziet u",
    r"\bu (wil|kan|zal|heb|word|vind|zie)\b": "u wilt / kunt / zult / hebt / wordt / vindt / ziet",
    r"\b(je|jij|jou|jouw)\b": "u / uw (the interface says u throughout)",
    r"\bWil je\b|\bKan je\b": "Wilt u / Kunt u",
}
PATTERNS = [(re.compile(wrong, re.IGNORECASE), right) for wrong, right in WRONG.items()]


def _dutch_texts():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield str(path.relative_to(ROOT)), path.read_text()
    for path in sorted((ROOT / "static/js").glob("*.js")):
        yield str(path.relative_to(ROOT)), path.read_text()
    for entry in polib.pofile(str(ROOT / "atlasplan/locale/en/LC_MESSAGES/django.po")):
        yield f"en/django.po: {entry.msgid[:60]}", f"{entry.msgid}\n{entry.msgid_plural}"
    for entry in polib.pofile(str(ROOT / "atlasplan/locale/nl/LC_MESSAGES/django.po")):
        yield f"nl/django.po: {entry.msgid[:60]}", entry.msgstr


def _mistakes(text: str) -> list[str]:
    # Template tags and variables are code, not Dutch ({% if ... %}, {{ ... }}).
    prose = re.sub(r"{%.*?%}|{{.*?}}|<script.*?</script>", " ", text, flags=re.DOTALL)
    return [
        f"{match.group(0)!r} -> {right}"
        for pattern, right in PATTERNS
        for match in pattern.finditer(prose)
    ]


def test_no_known_wrong_dutch_anywhere():
    found = [f"{where}: {m}" for where, text in _dutch_texts() for m in _mistakes(text)]
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wil u de stelling verwijderen?", ["'Wil u' -> Wilt u"]),
        ("Welke rol zie u?", ["'zie u' -> Ziet u"]),
        ("Als u dat wil, kan je het wijzigen.", None),
        ("Wilt u de stelling verwijderen? Welke rol ziet u? Kunt u ze onderschrijven?", []),
        ("{% if may_change %}Kies een thema{% endif %}", []),
    ],
)
def test_the_check_knows_the_wrong_forms_and_leaves_the_right_ones(text, expected):
    found = _mistakes(text)
    if expected is None:
        assert len(found) >= 2  # "u ... wil" is not caught, "kan je" twice (je; Kan je)
    else:
        assert found == expected
