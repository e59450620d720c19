"""The partner matrix: organisations by steps with their roles, and its three signals, as each
role may see them."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from interviews.models import Status
from plan.models import Endorsement
from stakeholders.models import Decision, Scope, Sector
from tests.helpers import assert_same_count
from tests.interviews.factories import InterviewFactory
from tests.plan.factories import (
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
)
from tests.plan.factories_plan import StepFactory, StepPartnerFactory
from tests.stakeholders.factories import OrganisationFactory, ShortlistEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    brug = OrganisationFactory(name="Vzw De Brug")
    team = OrganisationFactory(name="Atlas Onthaal", sector=Sector.ATLAS, scope=Scope.INTERNAL)
    campaign = StepFactory(title="Wijkcampagne")
    network = StepFactory(title="Intern lerend netwerk")
    StepPartnerFactory(step=campaign, organisation=brug, role="gastheer & co")
    StepPartnerFactory(step=campaign, organisation=team, role="")
    StepPartnerFactory(step=network, organisation=team, role="trekker")
    StepFactory(title="Stap zonder partners")
    return {"brug": brug, "team": team, "campaign": campaign, "network": network}


def matrix_rows(html: str) -> int:
    return html.count('data-testid="partner-row"')


def test_matrix_shows_each_partners_role_per_step(consultant_client, plan):
    html = consultant_client.get("/plan/partners/").content.decode()
    assert matrix_rows(html) == 2
    assert escape("gastheer & co") in html and "trekker" in html
    # a partner without a role is still a partner; an empty cell says so to screen readers
    assert ">partner</td>" in html and "niet betrokken" in html
    assert '<th scope="col" class="partner-matrix-step">' in html
    assert html.index("Atlas Onthaal") < html.index("Vzw De Brug")  # rows by name


def test_steps_without_a_partner_outside_atlas_are_flagged(reader_client, plan):
    html = reader_client.get("/plan/partners/").content.decode()
    flagged = html[html.index('data-testid="signal-outside"') :]
    flagged = flagged[: flagged.index("</section>")]
    assert "Intern lerend netwerk" in flagged and "Stap zonder partners" in flagged
    assert "Wijkcampagne" not in flagged
    # the matrix shows only the steps of the page's partners: not the step without partners
    assert html.count('data-testid="column-no-outside"') == 1


def test_shortlisted_or_interviewed_stakeholders_not_in_the_plan_are_flagged(
    consultant_client, plan
):
    ShortlistEntryFactory(
        organisation=OrganisationFactory(name="Stadsbibliotheek"),
        decision=Decision.APPROVED,
        decided_at=timezone.now(),
    )
    ShortlistEntryFactory(organisation=OrganisationFactory(name="Voorstel nog open"))
    both = OrganisationFactory(name="Moskeefederatie")
    ShortlistEntryFactory(organisation=both, decision=Decision.APPROVED, decided_at=timezone.now())
    InterviewFactory(organisation=both, status=Status.CODED)
    InterviewFactory(organisation=OrganisationFactory(name="Nog te spreken"))  # only planned
    InterviewFactory(organisation=plan["brug"], status=Status.HELD)  # involved: no flag
    html = consultant_client.get("/plan/partners/").content.decode()
    flags = html.count('data-testid="flag-uninvolved"')
    assert flags == 2
    assert "Moskeefederatie</a> (op de shortlist, geïnterviewd)" in html
    assert "Stadsbibliotheek</a> (op de shortlist)" in html
    assert "Voorstel nog open" not in html and "Nog te spreken" not in html


def test_partners_whose_latest_answer_does_not_endorse_are_flagged_for_staff(
    consultant_client, atlas_client, plan
):
    earlier = ValidationRoundFactory(opens_on="2026-01-10")
    later = ValidationRoundFactory(opens_on="2026-05-10")
    ValidationResponseFactory(
        invitee=InviteeFactory(round=earlier, organisation=plan["team"]),
        position=Endorsement.NOT,
    )
    ValidationResponseFactory(
        invitee=InviteeFactory(round=later, organisation=plan["team"]),
        position=Endorsement.ENDORSE,
    )  # changed its mind: no flag
    ValidationResponseFactory(
        invitee=InviteeFactory(round=later, organisation=plan["brug"]),
        position=Endorsement.NOT,
    )
    outsider = OrganisationFactory(name="Geen partner")
    ValidationResponseFactory(
        invitee=InviteeFactory(round=later, organisation=outsider), position=Endorsement.NOT
    )
    for client in (consultant_client, atlas_client):
        html = client.get("/plan/partners/").content.decode()
        assert html.count('data-testid="flag-objecting"') == 1
        assert "Vzw De Brug (1 stap)" in html
        assert html.count('data-testid="row-objecting"') == 1


def test_readers_see_the_matrix_without_the_research_signals(reader_client, plan):
    ValidationResponseFactory(
        invitee=InviteeFactory(organisation=plan["brug"]), position=Endorsement.NOT
    )
    ShortlistEntryFactory(
        organisation=OrganisationFactory(name="Stadsbibliotheek"),
        decision=Decision.APPROVED,
        decided_at=timezone.now(),
    )
    html = reader_client.get("/plan/partners/").content.decode()
    assert matrix_rows(html) == 2 and "Vzw De Brug" in html
    assert "onderschrijft niet" not in html and "Stadsbibliotheek" not in html
    assert 'data-testid="signal-objecting"' not in html
    assert 'data-testid="signal-uninvolved"' not in html
    assert "/stakeholders/" not in html  # readers do not open the register


def test_rights_per_role(consultant_client, atlas_client, reader_client, admin_client_, plan):
    for client in (consultant_client, atlas_client, reader_client):
        assert client.get("/plan/partners/").status_code == 200
    assert admin_client_.get("/plan/partners/").status_code == 403
    assert consultant_client.post("/plan/partners/").status_code == 405


def test_an_empty_plan_says_what_to_do(consultant_client, reader_client):
    assert "Voeg de eerste stap toe" in consultant_client.get("/plan/partners/").content.decode()
    assert "Voeg de eerste stap toe" not in reader_client.get("/plan/partners/").content.decode()


def test_matrix_costs_the_same_queries_for_more_partners(
    consultant_client, plan, django_assert_num_queries
):
    round_ = ValidationRoundFactory()

    def add_rows(count: int) -> None:
        for _n in range(count):
            partner = StepPartnerFactory(step=StepFactory())
            ValidationResponseFactory(
                invitee=InviteeFactory(round=round_, organisation=partner.organisation),
                position=Endorsement.NOT,
            )
            ShortlistEntryFactory(decision=Decision.APPROVED, decided_at=timezone.now())
            InterviewFactory(status=Status.HELD)

    assert_same_count(
        consultant_client,
        "/plan/partners/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="partner-row"',
    )


def _partners(count: int, prefix: str = "Organisatie") -> list:
    """``count`` partners named so they sort in creation order, each in its own step."""
    return [
        StepPartnerFactory(
            step=StepFactory(title=f"Stap van {prefix} {n:03d}"),
            organisation=OrganisationFactory(name=f"{prefix} {n:03d}"),
        ).organisation
        for n in range(count)
    ]


def test_the_26th_organisation_is_on_page_two_with_only_its_steps(consultant_client):
    _partners(26)
    first = consultant_client.get("/plan/partners/").content.decode()
    assert matrix_rows(first) == 25
    assert "Organisatie 024" in first and "Organisatie 025" not in first
    assert "Stap van Organisatie 025" not in first  # only the steps of this page's partners
    assert "26 organisaties zijn partner in het plan" in first
    second = consultant_client.get("/plan/partners/?page=2").content.decode()
    assert matrix_rows(second) == 1
    assert "Organisatie 025" in second and "Stap van Organisatie 025" in second
    assert "Organisatie 000" not in second


def test_search_finds_an_organisation_on_any_page(consultant_client):
    _partners(30)
    html = consultant_client.get("/plan/partners/?q=atie 029").content.decode()
    assert matrix_rows(html) == 1 and "Organisatie 029" in html
    assert (
        "Geen partner gevonden"
        in consultant_client.get("/plan/partners/?q=onbestaand").content.decode()
    )


def test_signals_count_partners_on_other_pages(consultant_client):
    organisations = _partners(30)
    late = organisations[-1]  # on page 2
    late.sector = Sector.ATLAS
    late.save()
    ValidationResponseFactory(invitee=InviteeFactory(organisation=late), position=Endorsement.NOT)
    html = consultant_client.get("/plan/partners/").content.decode()
    assert "Organisatie 029" not in html.split('data-testid="partner-matrix"')[1]
    objecting = html[html.index('data-testid="signal-objecting"') :]
    assert "Organisatie 029 (1 stap)" in objecting[: objecting.index("</section>")]
    outside = html[html.index('data-testid="signal-outside"') :]
    assert "Stap van Organisatie 029" in outside[: outside.index("</section>")]


def test_a_long_signal_lists_its_first_items_and_links_to_all(consultant_client, reader_client):
    for n in range(25):
        StepFactory(title=f"Interne stap {n:03d}")
    html = consultant_client.get("/plan/partners/").content.decode()
    assert html.count('data-testid="flag-no-outside"') == 20
    assert "Toon alle 25" in html and "?signal=no_outside" in html
    page = reader_client.get("/plan/partners/?signal=no_outside").content.decode()
    assert page.count('data-testid="flag-no-outside"') == 25
    # readers do not open the research signals, not even by their address
    assert (
        'data-testid="flag-objecting"'
        not in reader_client.get("/plan/partners/?signal=objecting").content.decode()
    )


def test_a_signals_full_list_costs_the_same_queries_for_more_items(
    consultant_client, django_assert_num_queries
):
    def add_rows(count: int) -> None:
        for _n in range(count):
            ShortlistEntryFactory(decision=Decision.APPROVED, decided_at=timezone.now())

    add_rows(2)
    assert_same_count(
        consultant_client,
        "/plan/partners/",
        add_rows,
        django_assert_num_queries,
        params={"signal": "uninvolved"},
        marker='data-testid="flag-uninvolved"',
    )
