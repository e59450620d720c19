"""Issue 12: the demo plan's whole PDF, checked by its text and written to PNG pages.

Set PDF_DEMO_PNG_DIR to keep the PNG pages (pdftoppm) for a look; by default they go to a
temporary folder. Each page is checked to print something, and no page inside a chapter to be
left half empty."""

import io
import json
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
    images = sorted(f for f in os.listdir(out) if f.startswith("page") and f.endswith(".png"))
    assert len(images) == len(pages)
    fill = [body_fill(os.path.join(out, name)) for name in images]
    # Every page prints something between its running header and its footer.
    assert all(ink > 0.002 for ink, _ in fill), [ink for ink, _ in fill]
    # No half-empty page inside a chapter: a page followed by more of the same chapter is
    # printed at least halfway down (a block kept whole used to leave a few lines alone).
    starts = chapter_starts(pages, titles)
    for number, (_, depth) in enumerate(fill, start=1):
        if number > 2 and number + 1 not in starts and number < len(pages):
            assert depth > 0.5, (number, round(depth, 2), pages[number - 1][:80])


def chapter_starts(pages: list[str], titles: list[str]) -> set[int]:
    """The page numbers the table of contents gives for the chapters."""
    toc = next(i for i, page in enumerate(pages) if "Inhoud" in page)
    found = set()
    for title in titles:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", pages[toc])
        found.add(int(match.group(1)))
    return found


def body_fill(path: str) -> tuple[float, float]:
    """(share of inked pixels, how far down the last ink is) in a PNG page's body, between
    the running header and the footer (the page margins: 24 mm top, 22 mm bottom of 297)."""
    from PIL import Image

    with Image.open(path) as image:
        page = image.convert("L")
    width, height = page.size
    body = page.crop((0, round(height * 24 / 297), width, round(height * 275 / 297)))
    inked = body.point(lambda value: 255 if value < 200 else 0)
    box = inked.getbbox()
    share = sum(inked.histogram()[255:]) / (body.width * body.height)
    return share, (box[3] / body.height if box else 0.0)


def test_the_demo_pdf_passes_the_pdfua_machine_check_without_errors_or_warnings(demo_db, tmp_path):
    """The machine-checkable subset of PDF/UA-1 (the ``pdfua`` package, a dev dependency):
    no errors and no warnings (every table header carries its /Scope, no caption is left
    alone on a page as an empty table)."""
    import pdfua  # noqa: F401  (a dev dependency: the check must run, not skip)

    (path := tmp_path / "demo.pdf").write_bytes(pdf.render())
    check = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
    )
    report = json.loads(check.stdout)
    assert report["findings"] == [], check.stdout
    assert report["summary"]["errors"] == report["summary"]["warnings"] == 0
    assert report["summary"]["rules_run"] >= 11, report["skipped"]
    assert check.returncode == 0, check.stdout
