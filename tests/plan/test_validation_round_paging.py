"""The round page at agency scale: invitees 50 a page, searchable and filterable, the
whole round's counts above them, and every save landing on the page that holds its row."""

import pytest
from django.utils.html import escape

from plan.models import InviteeState
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def invite(round_, count: int, start: int = 1) -> list:
    """``count`` invitees named "Organisatie 001", "Organisatie 002", ... (their page order)."""
    return [
        InviteeFactory(
            round=round_, organisation=OrganisationFactory(name=f"Organisatie {number:03d}")
        )
        for number in range(start, start + count)
    ]


def rows(response) -> int:
    return response.content.decode().count('data-testid="invitee-row"')


@pytest.fixture
def round_():
    return ValidationRoundFactory()


def test_page_two_shows_the_51st_invitee_and_the_counts_stay_whole_round(consultant_client, round_):
    invitees = invite(round_, 51)
    ValidationResponseFactory(invitee=invitees[0], online=True)
    InviteeFactory._meta.model.objects.filter(pk=invitees[0].pk).update(state=InviteeState.ANSWERED)
    url = f"/plan/validation/{round_.pk}/"

    first = consultant_client.get(url)
    second = consultant_client.get(url, {"page": 2})

    assert rows(first) == 50 and rows(second) == 1
    assert "Organisatie 051" not in first.content.decode()
    assert f'id="invitee-{invitees[50].pk}"' in second.content.decode()
    for page in (first, second):
        html = page.content.decode()
        assert 'data-testid="count-invited">51<' in html
        assert 'data-testid="count-answered">1<' in html
        assert 'data-testid="count-waiting">50<' in html
        assert 'data-testid="count-online">1<' in html
    assert "51–51 van 51" in second.content.decode()


def test_recording_a_response_for_an_invitee_on_page_three_lands_on_page_three(
    consultant_client, round_
):
    first, second = (
        AmbitionFactory(version=round_.version, position=n, title=f"Ambitie {n}") for n in (1, 2)
    )
    invitees = invite(round_, 120)
    target = invitees[104]  # the 105th by name: page 3 (101-150)
    contact = ContactFactory(organisation=target.organisation)
    data = {
        "answered_on": "2026-03-10",
        "respondent": contact.pk,
        "respondent_name": "",
        "position": "endorse",
        "surprises": "",
        "remarks": "",
        "consent_scope": "anonymous",
        "consent_on": "2026-03-10",
        f"a{first.pk}_position": "endorse",
        f"a{first.pk}_comment": "",
        f"a{second.pk}_position": "partly",
        f"a{second.pk}_comment": "Graag concreter.",
    }

    saved = consultant_client.post(f"/plan/validation/invitees/{target.pk}/response/new/", data)

    assert saved.status_code == 302
    assert saved.url == f"/plan/validation/{round_.pk}/?page=3#invitee-{target.pk}"
    page = consultant_client.get(saved.url.split("#")[0]).content.decode()
    assert f'id="invitee-{target.pk}"' in page


def test_editing_an_invitee_on_page_two_lands_on_page_two(consultant_client, round_):
    invitees = invite(round_, 60)
    target = invitees[55]

    saved = consultant_client.post(
        f"/plan/validation/invitees/{target.pk}/edit/",
        {"way": "mail", "state": InviteeState.REMINDED, "invited_on": "2026-03-01"},
    )

    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert saved.url == f"/plan/validation/{round_.pk}/?page=2#invitee-{target.pk}"


def test_an_invitee_on_the_first_page_lands_without_a_page_number(consultant_client, round_):
    outside = OrganisationFactory(name="Aaa Stadsmagazine")
    invite(round_, 60)

    added = consultant_client.post(
        f"/plan/validation/{round_.pk}/invitees/add/", {"organisation": outside.pk}
    )

    invitee = round_.invitees.get(organisation=outside)
    assert added.url == f"/plan/validation/{round_.pk}/#invitee-{invitee.pk}"


def test_search_by_organisation_name_and_filter_by_state(consultant_client, round_):
    invite(round_, 55)
    brug = InviteeFactory(round=round_, organisation=OrganisationFactory(name="Vzw De Brug"))
    InviteeFactory._meta.model.objects.filter(pk=brug.pk).update(state=InviteeState.REMINDED)
    url = f"/plan/validation/{round_.pk}/"

    found = consultant_client.get(url, {"q": "brug"}).content.decode()
    reminded = consultant_client.get(url, {"state": InviteeState.REMINDED}).content.decode()
    nothing = consultant_client.get(url, {"q": "onbekend"}).content.decode()

    assert found.count('data-testid="invitee-row"') == 1 and escape("Vzw De Brug") in found
    assert 'data-testid="count-invited">56<' in found  # the counts stay the round's
    assert reminded.count('data-testid="invitee-row"') == 1
    assert 'data-testid="no-invitee-found"' in nothing


def test_htmx_search_returns_only_the_rows(consultant_client, round_):
    invite(round_, 3)

    response = consultant_client.get(
        f"/plan/validation/{round_.pk}/", {"q": "002"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.count('data-testid="invitee-row"') == 1
    assert "<html" not in html and 'data-testid="round-counts"' not in html
