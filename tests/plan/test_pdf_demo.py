"""Issue 12: the demo plan's whole PDF, checked by its text and written to PNG pages.

Set PDF_DEMO_PNG_DIR to keep the PNG pages (pdftoppm) for a look; by default they go to a
temporary folder."""

import io
import os
import re
import subprocess
import sys

from django.utils import translation
from pypdf import PdfReader

from plan import pdf
from plan.endorsement import ambition_figures
from plan.models import Ambition, Step, TargetGroup

PASSWORD = "demo-pdf-wachtwoord"


def test_the_demo_plan_as_pdf(demo_db, tmp_path):
    data = pdf.render()
    reader = PdfReader(io.BytesIO(data))
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    assert len(pages) >= 10
    with translation.override("nl"):
        titles = [title for _, title in pdf.chapters()]
    for title in titles:
        assert title in text, title
    for name in TargetGroup.objects.values_list("name", flat=True):
        assert re.sub(r"\s+", " ", name) in text, name
    for title in Step.objects.values_list("title", flat=True):
        assert re.sub(r"\s+", " ", title) in text, title
    version = pdf.vision_version()
    ambitions = list(Ambition.objects.filter(version=version))
    # The adopted version's ambitions carry the endorsement of their earlier wording.
    figures = ambition_figures([a.origin or a for a in ambitions], pdf.READER_LIKE)
    endorsed = [a for a in ambitions if figures[(a.origin or a).pk].total.endorse]
    assert endorsed
    for ambition in endorsed:
        assert re.sub(r"\s+", " ", ambition.title) in text, ambition.title
    assert "Draagvlak in de aftoetsing van versie 1" in text
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
    out = os.environ.get("PDF_DEMO_PNG_DIR") or str(tmp_path)
    (path := tmp_path.joinpath(out, "demo.pdf")).write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), f"{out}/page"], check=True)
    assert len([f for f in os.listdir(out) if f.startswith("page")]) == len(pages)


def test_the_demo_pdf_passes_the_pdfua_machine_check_without_errors(demo_db, tmp_path):
    """The machine-checkable subset of PDF/UA-1 (the ``pdfua`` package, a dev dependency).
    Its warnings about table header scope remain: WeasyPrint does not write /Scope on TH
    cells."""
    import pdfua  # noqa: F401  (a dev dependency: the check must run, not skip)

    (path := tmp_path / "demo.pdf").write_bytes(pdf.render())
    check = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--min-severity", "error", str(path)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
