"""The method section: figures generated from the research, counts only, on /plan/texts/."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from interviews.models import Status
from plan.method import figures, method_section
from plan.models import Endorsement
from policies.models import ReadingStatus
from stakeholders.models import Decision
from tests.interviews.factories import ExcerptFactory, InterviewFactory, TranscriptFactory
from tests.plan.factories import InviteeFactory, ValidationResponseFactory, ValidationRoundFactory
from tests.policies.factories import PassageFactory, PolicyDocumentFactory
from tests.stakeholders.factories import OrganisationFactory, ShortlistEntryFactory
from tests.workshops.factories import BallotFactory, StatementFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def research():
    """A small research project, made by hand."""
    documents = [
        PolicyDocumentFactory(status=ReadingStatus.READ),
        PolicyDocumentFactory(status=ReadingStatus.SUMMARISED),
        PolicyDocumentFactory(status=ReadingStatus.TO_READ),
    ]
    for document in documents[:2]:
        PassageFactory.create_batch(2, document=document)
    orgs = [OrganisationFactory(name=f"Geheime vzw {i}") for i in range(5)]
    for org in orgs[:3]:
        ShortlistEntryFactory(
            organisation=org, decision=Decision.APPROVED, decided_at=timezone.now()
        )
    ShortlistEntryFactory(organisation=orgs[3], decision=Decision.PROPOSED)
    InterviewFactory(organisation=orgs[0], status=Status.HELD)
    InterviewFactory(organisation=orgs[1], status=Status.HELD)
    coded = InterviewFactory(organisation=orgs[0], status=Status.CODED)
    InterviewFactory(organisation=orgs[2], status=Status.PLANNED)
    transcript = TranscriptFactory(interview=coded)
    ExcerptFactory.create_batch(2, transcript=transcript)
    workshop = WorkshopFactory()
    for outcome in ["kept", "kept", "reworded", "dropped", ""]:
        StatementFactory(workshop=workshop, outcome=outcome)
    BallotFactory.create_batch(3, workshop=workshop)
    round_ = ValidationRoundFactory()
    invitees = [InviteeFactory(round=round_, organisation=org) for org in orgs[:4]]
    positions = [Endorsement.ENDORSE, Endorsement.ENDORSE, Endorsement.PARTLY]
    for invitee, position in zip(invitees, positions, strict=False):
        ValidationResponseFactory(invitee=invitee, position=position)
    return orgs


def test_figures_count_the_research(research):
    f = figures()
    assert (f.documents, f.documents_read, f.passages) == (3, 2, 4)
    assert (f.organisations, f.shortlisted) == (5, 3)
    assert (f.interviews, f.interviewed, f.excerpts) == (3, 2, 2)  # the planned one not
    assert (f.workshops, f.ballots, f.statements) == (1, 3, 5)
    assert (f.kept, f.reworded, f.dropped) == (2, 1, 1)
    assert (f.rounds, f.invitees, f.responses) == (1, 4, 3)
    assert (f.endorse, f.partly, f.not_endorse) == (2, 1, 0)


def test_paragraphs_say_the_figures_in_dutch(research):
    text = " ".join(method_section())
    assert "3 beleidskaders in kaart (2 gelezen of samengevat)" in text
    assert "4 kernpassages" in text
    assert "telt 5 organisaties" in text and "kozen we er 3 voor een diepte-interview" in text
    assert "3 diepte-interviews af bij 2 organisaties" in text
    assert "Uitkomst: 2 behouden, 1 geherformuleerd en 1 geschrapt" in text
    assert "aan 4 stakeholders" in text
    assert "ontvingen we 3 antwoorden: 2 keer" in text and "0 keer" in text


def test_without_research_only_the_introduction_is_written():
    (intro,) = method_section()
    assert "zeven stappen" in intro


def test_figures_cost_a_fixed_number_of_queries(research, django_assert_num_queries):
    with django_assert_num_queries(12):
        figures()
    OrganisationFactory.create_batch(10)
    InterviewFactory.create_batch(10, status=Status.HELD)
    with django_assert_num_queries(12):
        figures()


@pytest.mark.parametrize("name", ["consultant_client", "atlas_client", "reader_client"])
def test_plan_texts_page_shows_the_generated_method_without_names(request, name, research):
    html = request.getfixturevalue(name).get("/plan/texts/").content.decode()
    assert 'data-testid="method-section"' in html and "gegenereerd uit het onderzoek" in html
    assert escape("telt 5 organisaties") in html
    assert "Geheime vzw" not in html


def test_administrator_does_not_see_the_plan_texts(admin_client_):
    assert admin_client_.get("/plan/texts/").status_code == 403


def test_every_figure_agrees_with_its_own_noun():
    from plan.method import MethodFigures, paragraphs

    fields = dict.fromkeys(MethodFigures.__dataclass_fields__, 1)
    text = " ".join(paragraphs(MethodFigures(**fields)))
    assert "1 beleidskader in kaart" in text and "1 kernpassage vast" in text
    assert "1 diepte-interview af bij 1 organisatie en codeerden 1 fragment op" in text
    assert "1 stelling af, met 1 stemformulier." in text
    assert "aan 1 stakeholder, intern en extern, en ontvingen we 1 antwoord:" in text
    for plural in ("kernpassages", "fragmenten", "stemformulieren", "antwoorden"):
        assert plural not in text
