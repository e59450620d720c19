"""Issue 12: names and quotes in every script Antwerp writes come back from the PDF, with
real glyphs (no empty box: glyph 0, .notdef, is never drawn)."""

import logging
import subprocess
import unicodedata

import pytest

from plan import pdf
from plan.models import PlanSection, PlanText
from tests.plan.factories_plan import TargetGroupFactory

pytestmark = pytest.mark.django_db

LINES = {
    "vietnamese": "Tiếng Việt: Nguyễn Thị Ánh Tuyết",
    "turkish": "Türkçe: Şükrü Çağlar Işık İğdır",
    "polish": "Polski: Łukasz Żółć Gęślą",
    "greek": "Ελληνικά: Αθηνά Παπαδοπούλου",
    "cyrillic": "Русский: Святослав Жуков",
    "arabic": "محمد الحسن",
    "hebrew": "שלום עליכם",
    "tifinagh": "ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵎⴰⵣⵉⵖ",
    "ethiopic": "አማርኛ ሰላም",
    "chinese": "安特卫普欢迎你",
}
MIXED = "Wij zeggen שלום עליכם tegen iedereen"


@pytest.fixture
def document(tmp_path) -> tuple:
    text = "\n\n".join([*LINES.values(), MIXED])
    PlanText.objects.create(key=PlanSection.SUMMARY, text=text)
    TargetGroupFactory(name="Nguyễn Thị Ánh & Şükrü Çağlar")
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf.render())
    return path


def extracted(path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return unicodedata.normalize("NFC", result.stdout.decode())


@pytest.mark.parametrize("script", LINES)
def test_every_script_comes_back_from_the_pdf(document, script):
    text = extracted(document)
    words = LINES[script].split()
    # Right-to-left words may come back in visual order: each word must be there intact.
    assert all(word in text or word[::-1] in text for word in words), (script, words)


def test_hebrew_in_a_dutch_line_and_a_name_in_a_heading_come_back(document):
    text = extracted(document)
    assert "Wij zeggen" in text and "tegen iedereen" in text
    assert "Nguyễn Thị Ánh & Şükrü Çağlar" in text


def notdefs(records) -> list[str]:
    """WeasyPrint's word for each character that no font could draw (an empty box)."""
    return [r.getMessage() for r in records if ".notdef glyph" in r.getMessage()]


def test_no_glyph_fell_back_to_an_empty_box(caplog):
    PlanText.objects.create(key=PlanSection.SUMMARY, text="\n\n".join([*LINES.values(), MIXED]))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.render()
    assert not notdefs(caplog.records)


def test_the_empty_box_check_finds_a_character_no_font_has(caplog):
    # U+0378 is unassigned: no font draws it, so the check above would fail.
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.write_pdf('<html lang="nl"><title>t</title><p>a\u0378b</p></html>')
    assert notdefs(caplog.records)


def test_the_fonts_cover_each_script(document):
    fonts = subprocess.run(["pdffonts", str(document)], capture_output=True, check=True)
    names = fonts.stdout.decode()
    for family in ["Noto-Sans ", "Arabic", "Hebrew", "Tifinagh", "Ethiopic", "CJK-SC"]:
        assert family in names, family
