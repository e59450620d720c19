"""Every place that renders an interview quote goes through the one boundary and component.

Two halves: a scan lists every template (and Python module) that renders an excerpt's text,
and only the component and the raw research pages may; then every page and export that
shows quotes is rendered with the boundary's values marked, and each quote on it must
carry the mark and sit inside the component's markup.
"""

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings

from interviews import privacy
from tests.conftest import client_for
from tests.workshops.factories import StatementFactory

ROOT = Path(settings.BASE_DIR)
COMPONENT = "includes/quote.html"
# The coding workspace shows the raw source to those who may read it raw (may_read_raw):
# it is the source itself, not a quote leaving the research space.
RAW_RESEARCH_TEMPLATES = {
    "interviews/coding.html",
    "interviews/excerpt_form.html",
    "interviews/excerpt_confirm_delete.html",
}
EVIDENCE_NAMES = {"excerpt", "quote", "source_quote", "source_excerpt"}
SHOWN_FIELDS = {"text", "source_label", "memo", *EVIDENCE_NAMES}
VARIABLE = re.compile(r"\{\{\s*([\w.]+)")
MARK = "⟦boundary⟧"
TEXT = "verhalen over de stad"


def renders_evidence(path: str) -> bool:
    """Whether a variable path prints an excerpt's text, label, memo or the object itself
    (a policy passage's ``quote`` is a published document, not interview evidence, and so is
    the field of the form that adds one on a policy document's page)."""
    parts = path.split(".")
    if parts[0] == "passage" or "source_passage" in parts or path == "form.quote":
        return False
    return bool(EVIDENCE_NAMES & set(parts)) and parts[-1] in SHOWN_FIELDS


def template_places() -> dict[str, set[str]]:
    places: dict[str, set[str]] = {}
    for file in (ROOT / "templates").rglob("*.html"):
        name = file.relative_to(ROOT / "templates").as_posix()
        for path in VARIABLE.findall(file.read_text()):
            if renders_evidence(path):
                places.setdefault(name, set()).add(path)
    return places


def test_only_the_component_and_raw_research_pages_print_an_excerpt():
    places = template_places()
    assert COMPONENT in places  # the scan finds what it looks for
    assert set(places) - RAW_RESEARCH_TEMPLATES == {COMPONENT}, places


def test_every_template_showing_a_quote_value_uses_the_component():
    users = set()
    for file in (ROOT / "templates").rglob("*.html"):
        text = file.read_text()
        assert 'include "interviews/includes/quote.html"' not in text, file
        if "{% evidence_quote" in text:
            users.add(file.relative_to(ROOT / "templates").as_posix())
    assert users == {
        "atlasplan/history.html",
        "interviews/interview_detail.html",
        "interviews/organisation_positions.html",
        "interviews/position_cell.html",
        "interviews/quote_bank.html",
        "interviews/search.html",
        "plan/evidence_picker.html",
        "plan/validation/surprises.html",
        "plan/vision/version_compare.html",
        "plan/pdf/document.html",
        "plan/plan/target_detail.html",
        "plan/validation/_objection.html",
        "plan/validation/results.html",
        "plan/vision/version_detail.html",
        "workshops/workshop_detail.html",
    }
    assert not (ROOT / "templates/interviews/includes/quote.html").exists()


def test_python_reads_an_excerpts_text_only_in_the_boundary_and_raw_research_code():
    allowed = {
        "interviews/privacy.py",  # the boundary
        "interviews/services.py",  # re-anchoring after a transcript edit, no output
        "interviews/exports.py",  # the .qdpx: raw sources for the research space
        "interviews/qdpx.py",
        "interviews/retention.py",  # anonymising the excerpts kept past retention, no output
    }
    found = set()
    for file in ROOT.glob("*/**/*.py"):
        name = file.relative_to(ROOT).as_posix()
        if name.startswith((".venv/", "tests/")):
            continue
        if re.search(r"excerpt\.(text|memo)\b|str\(excerpt\)", file.read_text()):
            found.add(name)
    assert found <= allowed, found - allowed
    assert "interviews/privacy.py" in found


# --- Rendering every page with marked values -----------------------------------------------


@pytest.fixture
def marked(monkeypatch):
    """Every value the boundary builds carries MARK before its text."""
    original = privacy._value

    def value(*args, **kwargs):
        quote = original(*args, **kwargs)
        return dataclasses.replace(quote, text=f"{MARK}{quote.text}")

    monkeypatch.setattr(privacy, "_value", value)


COMPONENT_BLOCKS = re.compile(
    r'<figure[^>]*data-testid="quote">.*?</figure>|<small[^>]*data-quote="compact">.*?</small>',
    re.DOTALL,
)


def assert_only_in_component(html: str, where: str) -> None:
    assert f"{MARK}{TEXT}" in html, where
    assert html.count(TEXT) == html.count(f"{MARK}{TEXT}"), where
    outside = COMPONENT_BLOCKS.sub("", html)
    assert TEXT not in outside and MARK not in outside, where


def test_every_page_showing_a_quote_renders_it_through_the_component(
    marked, coded, theme, atlas_member, reader
):
    named = coded["named"]
    organisation = named.interview.organisation
    statement = StatementFactory(text="De verhalen zijn eenzijdig.")
    statement.source_excerpt = named
    statement.save()
    pages = {
        atlas_member: [
            "/interviews/quotes/",
            "/interviews/search/?q=verhalen",
            f"/interviews/positions/org-{organisation.pk}/{theme.pk}/",
            f"/interviews/positions/org-{organisation.pk}/",
            f"/interviews/{named.interview_id}/",
            f"/workshops/{statement.workshop_id}/",
            f"/workshops/statements/{statement.pk}/history/",
        ],
        reader: [
            "/interviews/quotes/",
            "/interviews/search/?q=verhalen",
            f"/interviews/positions/sector-civil_society/{theme.pk}/",
        ],
    }
    for user, urls in pages.items():
        client = client_for(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert_only_in_component(response.content.decode(), url)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_every_quote_export_is_built_from_the_values(marked, fmt, coded, atlas_member):
    response = client_for(atlas_member).get(f"/interviews/quotes/export.{fmt}")
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    else:
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            text = archive.read("word/document.xml").decode()
    assert text.count(TEXT) == 2
    assert text.count(f"{MARK}{TEXT}") == 2
