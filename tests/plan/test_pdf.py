"""Issue 12: the plan as a PDF for the city (content, consent, draft mark, fetching, rights)."""

import datetime
import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from interviews.models import ConsentScope
from plan import pdf
from plan.models import PlanSection, PlanText, VisionState
from tests.conftest import client_for
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import (
    AmbitionFactory,
    AmbitionFeedbackFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)
from tests.plan.factories_plan import (
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
    TargetGroupFactory,
)
from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import OrganisationFactory
from tests.workshops.factories import StatementFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

with translation.override("nl"):
    CHAPTERS = [title for _, title in pdf.chapters()]


def pages(data: bytes) -> list[str]:
    """The text of each page, whitespace squeezed (pypdf)."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def coded(name: str, text: str, scope=ConsentScope.NAMED, **consent):
    interview = InterviewFactory(organisation=OrganisationFactory(name=name))
    ConsentFactory(interview=interview, scope=scope, **consent)
    return ExcerptFactory(transcript=TranscriptFactory(interview=interview), text=text)


@pytest.fixture
def plan():
    version = VisionVersionFactory(state=VisionState.ADOPTED, title="Antwerpen in meervoud")
    AmbitionFactory(
        version=version,
        title="Iedereen herkent zich in het beeld",
        excerpts=[
            coded("Vzw Benoemd", "Benoemd citaat over de stad"),
            coded("Vzw Anoniem", "Anoniem citaat over buurten", ConsentScope.ANONYMOUS),
            coded("Vzw Zwijgt", "Geheim citaat niet citeren", ConsentScope.NOT_QUOTABLE),
            coded("Vzw Weg", "Ingetrokken citaat", withdrawn_on=datetime.date.today()),
        ],
    )
    groups = [TargetGroupFactory(name=f"Doelgroep {name}") for name in ("Scholen", "Media")]
    objective = ObjectiveFactory(target_group=groups[0], text="Scholen kennen het verhaal")
    StepFactory(title="Campagne in de bibliotheken", objectives=[objective])
    StepPartnerFactory(
        step=StepFactory(
            title="Lerend netwerk met scholen",
            start=datetime.date(2029, 1, 1),
            end=datetime.date(2031, 1, 1),
        ),
        organisation=OrganisationFactory(name="Partner Stadsbib"),
    )
    PolicyDocumentFactory(title="Stedelijk integratiebeleid")
    StatementFactory(
        workshop=WorkshopFactory(title="Workshop beeldvorming"), text="Verschillen benoemen helpt"
    )
    return version


@pytest.fixture
def comments(plan):
    """Comments from the validation round on the plan's ambition, one per kind of consent."""
    ambition = plan.ambitions.get()
    for name, comment, consent in [
        ("Vzw Reageert", "Reactie bij naam", {"consent_scope": ConsentScope.NAMED}),
        ("Vzw Anoniem Reageert", "Reactie anoniem", {"consent_scope": ConsentScope.ANONYMOUS}),
        ("Vzw Stil", "Reactie niet citeren", {"consent_scope": ConsentScope.NOT_QUOTABLE}),
        (
            "Vzw Ingetrokken Reactie",
            "Reactie ingetrokken",
            {"consent_scope": ConsentScope.NAMED, "withdrawn_on": datetime.date.today()},
        ),
    ]:
        AmbitionFeedbackFactory(
            ambition=ambition,
            comment=comment,
            response__invitee__organisation=OrganisationFactory(name=name),
            response__invitee__round__version=plan,
            **{f"response__{key}": value for key, value in consent.items()},
        )


@pytest.fixture
def surprises(plan, comments):
    """The latest validation round's surprises, one per kind of consent."""
    round = ValidationRoundFactory(version=plan, title="Ronde bij de partners")
    today = datetime.date.today()
    for name, surprise, scope, withdrawn_on in [
        ("Vzw Verrast", "Verrast dat racisme benoemd wordt", ConsentScope.NAMED, None),
        ("Vzw Anoniem Verrast", "Verrast over de buurten", ConsentScope.ANONYMOUS, None),
        ("Vzw Zegt Niets", "Verrassing niet citeren", ConsentScope.NOT_QUOTABLE, None),
        ("Vzw Trok In", "Verrassing ingetrokken", ConsentScope.NAMED, today),
    ]:
        ValidationResponseFactory(
            invitee__round=round,
            invitee__organisation=OrganisationFactory(name=name),
            surprises=surprise,
            consent_scope=scope,
            withdrawn_on=withdrawn_on,
        )


@pytest.fixture
def rendered(plan, comments, surprises) -> list[str]:
    return pages(pdf.render(datetime.date(2026, 11, 30)))


def test_every_chapter_group_step_and_ambition_is_in_the_pdf(rendered):
    text = " ".join(rendered)
    for expected in [
        *CHAPTERS,
        "Doelgroep Scholen",
        "Doelgroep Media",
        "Campagne in de bibliotheken",
        "Lerend netwerk met scholen",
        "Iedereen herkent zich in het beeld",
        "Partner Stadsbib",
        "Stedelijk integratiebeleid",
        "Verschillen benoemen helpt",
        "Pagina 1 van",
    ]:
        assert expected in text, expected


def test_the_table_of_contents_gives_the_pages_where_the_chapters_start(rendered):
    toc = next(i for i, page in enumerate(rendered) if "Inhoud" in page)
    for title in CHAPTERS:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", rendered[toc])
        assert match, title
        number = int(match.group(1))
        # The chapter starts on that page: its title is there and not on the page before.
        assert title in rendered[number - 1], (title, number)
        assert number - 2 == toc or title not in rendered[number - 2], (title, number)


def test_quotes_leave_only_as_consent_allows(rendered):
    text = " ".join(rendered)
    assert "Benoemd citaat over de stad" in text and "Vzw Benoemd" in text
    assert "Anoniem citaat over buurten" in text and "Vzw Anoniem" not in text
    assert "Geheim citaat" not in text and "Vzw Zwijgt" not in text
    assert "Ingetrokken citaat" not in text and "Vzw Weg" not in text


def test_validation_comments_leave_only_as_their_answers_consent_allows(rendered):
    text = " ".join(rendered)
    assert "Reactie bij naam" in text and "Vzw Reageert" in text
    assert "Reactie anoniem" in text and "Vzw Anoniem Reageert" not in text
    assert "Reactie niet citeren" not in text and "Vzw Stil" not in text
    assert "Reactie ingetrokken" not in text and "Vzw Ingetrokken Reactie" not in text


def test_the_rounds_surprises_leave_only_as_their_answers_consent_allows(rendered):
    text = " ".join(rendered)
    assert "Waar zaten de verrassingen?" in text
    assert "Verrast dat racisme benoemd wordt" in text and "Vzw Verrast" in text
    assert "Verrast over de buurten" in text and "Vzw Anoniem Verrast" not in text
    assert "Verrassing niet citeren" not in text and "Vzw Zegt Niets" not in text
    assert "Verrassing ingetrokken" not in text and "Vzw Trok In" not in text
    # Only the latest round's: the earlier rounds' surprises stay out of this chapter.
    assert "Dat de visie zo ver gaat." not in text


def test_the_draft_mark_is_on_every_page_of_a_draft_only(plan):
    adopted = pages(pdf.render())
    assert not any("ONTWERP" in page for page in adopted)
    plan.state = VisionState.CONCEPT
    plan.save()
    draft = pages(pdf.render())
    assert all("ONTWERP" in page for page in draft)


def test_markup_typed_by_users_is_printed_as_text(plan):
    PlanText.objects.create(key=PlanSection.SUMMARY, text="Let op <b>vet</b> & <script>x</script>")
    text = " ".join(pages(pdf.render()))
    assert "<b>vet</b>" in text and "<script>x</script>" in text


def test_language_title_author_and_tags_are_set(plan):
    reader = PdfReader(io.BytesIO(pdf.render()))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "communicatieplan" in reader.metadata.title.lower()
    assert reader.metadata.author
    assert len(reader.outline) >= len(CHAPTERS)  # a bookmark per chapter


TABLES = """<html lang="nl"><title>t</title>
<table><caption>Per kolom</caption>
<thead><tr><th scope="col">Stap</th><th scope="col">Begin</th></tr></thead>
<tbody><tr><td>Folder</td><td>1 jan</td></tr><tr><td>Campagne</td><td>2 feb</td></tr></tbody></table>
<table><caption>Per rij</caption><tbody>
<tr><th scope="row">Weten</th><td>a</td></tr><tr><th scope="row">Doen</th><td>b</td></tr>
</tbody></table>"""


def header_scopes(data: bytes) -> list[str]:
    """The /Scope of every /TH in the structure tree, in document order."""
    reader = PdfReader(io.BytesIO(data))
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif hasattr(node, "get") and "/S" in node:
            if node["/S"] == "/TH":
                found.append(str(node.get("/A", {}).get("/Scope")))
            walk(node.get("/K", []))

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return found


def test_table_headers_carry_their_scope_for_screen_readers():
    """A column header in a thead is /Column, a ``<th scope="row">`` is /Row (PDF/UA-1 7.5:
    WeasyPrint itself writes no /Scope)."""
    assert header_scopes(pdf.write_pdf(TABLES)) == ["/Column", "/Column", "/Row", "/Row"]


def test_the_garbage_collector_runs_again_after_a_render_even_a_failed_one(monkeypatch):
    """The collector is paused while WeasyPrint works (for speed); a process left without it
    would grow until it is killed."""
    import gc

    seen = []

    def broken(self, **options):
        seen.append(gc.isenabled())
        raise RuntimeError("Pango is stuk")

    monkeypatch.setattr(pdf.HTML, "write_pdf", broken)
    with pytest.raises(RuntimeError):
        pdf.write_pdf("<p>Voor</p>")
    assert seen == [False]
    assert gc.isenabled()


SOURCES = ["http://example.com/tracker.png", "file:///etc/passwd", "/static/../../etc/passwd"]


@pytest.fixture
def asked_for(monkeypatch) -> list[str]:
    """Every URL WeasyPrint asks the fetcher for."""
    urls, real = [], pdf.StaticFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return real(self, url, headers)

    monkeypatch.setattr(pdf.StaticFetcher, "fetch", spy)
    return urls


def test_an_image_typed_in_a_plan_text_is_not_fetched(plan, asked_for):
    links = " ".join(f'![beeld]({s}) <img src="{s}">' for s in SOURCES)
    PlanText.objects.create(key=PlanSection.SUMMARY, text=f"Zie {links} hier.")
    text = " ".join(pages(pdf.render()))
    assert "Zie" in text and "hier." in text  # the PDF still renders
    assert all(url.startswith(pdf.BASE_URL + "static/") for url in asked_for), asked_for


@pytest.mark.parametrize("source", SOURCES)
def test_the_fetcher_refuses_everything_outside_static_and_the_pdf_still_renders(asked_for, source):
    document = f'<html lang="nl"><title>t</title><p>Voor</p><img src="{source}" alt="x"><p>Na</p>'
    text = " ".join(pages(pdf.write_pdf(document)))
    assert "Voor" in text and "Na" in text
    assert len(asked_for) == 1  # asked for once ...
    with pytest.raises(pdf.FetchRefused):  # ... and refused
        pdf.StaticFetcher().fetch(asked_for[0])


def test_the_static_logo_is_served_and_nothing_beside_it():
    fetcher = pdf.StaticFetcher()
    assert fetcher.fetch(pdf.BASE_URL + "static/img/plan-logo.svg").read().startswith(b"<svg")
    for url in [
        "file:///srv/atlasplan/static/img/plan-logo.svg",
        "https://example.com/static/x.svg",
    ]:
        with pytest.raises(pdf.FetchRefused):
            fetcher.fetch(url)


@pytest.mark.parametrize(
    "who, status",
    [("consultant", 200), ("atlas_member", 200), ("reader", 200), ("administrator", 403)],
)
def test_every_role_that_reads_the_plan_downloads_it(request, plan, who, status):
    response = client_for(request.getfixturevalue(who)).get("/plan/pdf/")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert re.fullmatch(
            r'attachment; filename="communicatieplan-atlas-\d{4}-\d\d-\d\d\.pdf"',
            response["Content-Disposition"],
        )


def test_post_is_not_allowed(reader_client):
    assert reader_client.post("/plan/pdf/").status_code == 405


def test_anonymous_is_sent_to_log_in(client):
    assert client.get("/plan/pdf/").status_code == 302


@pytest.mark.parametrize("who", ["consultant", "atlas_member", "reader"])
def test_the_plan_pages_and_the_adopted_vision_offer_the_pdf(request, plan, who):
    client = client_for(request.getfixturevalue(who))
    for url in ["/plan/targets/", f"/plan/vision/{plan.pk}/"]:
        html = client.get(url).content.decode()
        assert 'href="/plan/pdf/"' in html, url


def test_a_draft_vision_page_offers_no_pdf(reader_client):
    draft = VisionVersionFactory(state=VisionState.CONCEPT)
    html = reader_client.get(f"/plan/vision/{draft.pk}/").content.decode()
    assert 'href="/plan/pdf/"' not in html


def test_the_pdf_prints_quotes_only_through_the_boundary_and_component(plan, monkeypatch):
    import dataclasses

    from interviews import privacy
    from tests.interviews.test_quote_component import assert_only_in_component

    original, mark = privacy._value, "⟦boundary⟧"

    def value(*args, **kwargs):
        quote = original(*args, **kwargs)
        return dataclasses.replace(quote, text=f"{mark}{quote.text}")

    monkeypatch.setattr(privacy, "_value", value)
    coded("Vzw Getest", "verhalen over de stad")  # TEXT the component check looks for
    plan.ambitions.get().excerpts.add(coded("Vzw Getest 2", "verhalen over de stad"))
    assert_only_in_component(pdf.html(), "plan pdf")


def test_the_pdf_is_in_dutch_whatever_the_language_of_the_page(plan):
    from django.utils import translation

    with translation.override("en"):
        text = " ".join(pages(pdf.render()))
    assert "Inhoud" in text and "Pagina 1 van" in text and "Contents" not in text
