"""Step 6 round pages: who opens what, the round's invitees, and what bad input does."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils.html import escape

from plan.models import (
    Invitee,
    InviteeState,
    ValidationResponse,
    ValidationRound,
    VisionState,
)
from stakeholders.models import Decision, Scope
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)
from tests.stakeholders.factories import (
    ContactFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def round_():
    round_ = ValidationRoundFactory(title="Ronde voorjaar")
    AmbitionFactory(version=round_.version, title="Verschillen benoemen", position=1)
    AmbitionFactory(version=round_.version, title="Eigen taal", position=2)
    return round_


@pytest.fixture
def invitee(round_):
    organisation = OrganisationFactory(name="Vzw De Brug")
    contact = ContactFactory(organisation=organisation, name="Hatice Kaya")
    invitee = InviteeFactory(round=round_, organisation=organisation)
    invitee.contacts.set([contact])
    return invitee


@pytest.fixture
def answered(round_):
    invitee = InviteeFactory(round=round_, organisation=OrganisationFactory(name="Huis Kunst"))
    return ValidationResponseFactory(invitee=invitee)


def pages(round_, invitee, answered) -> dict[str, str]:
    return {
        "list": "/plan/validation/",
        "create": f"/plan/validation/new/?version={round_.version.pk}",
        "detail": f"/plan/validation/{round_.pk}/",
        "update": f"/plan/validation/{round_.pk}/edit/",
        "history": f"/plan/validation/{round_.pk}/history/",
        "invitee_update": f"/plan/validation/invitees/{invitee.pk}/edit/",
        "invitee_delete": f"/plan/validation/invitees/{invitee.pk}/delete/",
        "response_create": f"/plan/validation/invitees/{invitee.pk}/response/new/",
        "response_update": f"/plan/validation/invitees/{answered.invitee.pk}/response/",
        "response_history": f"/plan/validation/responses/{answered.pk}/history/",
        "links": f"/plan/validation/invitees/{invitee.pk}/links/",
    }


# --- Rights per role -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["consultant", "atlas_member"])
def test_consultants_and_atlas_team_open_every_round_page(request, who, round_, invitee, answered):
    client = client_for(request.getfixturevalue(who))
    for name, url in pages(round_, invitee, answered).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["reader", "administrator"])
def test_readers_and_the_administrator_open_no_round_page(request, who, round_, invitee, answered):
    client = client_for(request.getfixturevalue(who))
    for name, url in pages(round_, invitee, answered).items():
        assert client.get(url).status_code == 403, name
    assert (
        client.post(f"/plan/validation/{round_.pk}/state/", {"action": "close"}).status_code == 403
    )
    round_.refresh_from_db()
    assert round_.is_open


def test_reader_cannot_write_a_response(reader_client, invitee):
    url = f"/plan/validation/invitees/{invitee.pk}/response/new/"
    assert reader_client.post(url, {"position": "endorse"}).status_code == 403
    assert not ValidationResponse.objects.exists()


def test_anonymous_visitor_is_sent_to_login(client, round_):
    response = client.get(f"/plan/validation/{round_.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_writes_refuse_get(consultant_client, round_, answered, invitee):
    link_url = f"/plan/validation/invitees/{invitee.pk}/links/"
    consultant_client.post(link_url, {"expires_on": "2099-01-01"})
    link = invitee.links.get()
    for url in [
        f"/plan/validation/{round_.pk}/state/",
        f"/plan/validation/{round_.pk}/invitees/add/",
        f"/plan/validation/responses/{answered.pk}/withdraw/",
        f"/plan/validation/links/{link.pk}/revoke/",
    ]:
        assert consultant_client.get(url).status_code == 405, url


def test_unknown_round_is_404(consultant_client):
    assert consultant_client.get("/plan/validation/999999/").status_code == 404


# --- Round list ----------------------------------------------------------------------------


def test_round_list_searches_by_title_and_filters_open_or_closed(consultant_client):
    ValidationRoundFactory(title="Ronde voorjaar")
    closed = ValidationRoundFactory(title="Ronde najaar")
    closed.closed_at = closed.opens_on and datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    closed.save()

    page = consultant_client.get("/plan/validation/", {"q": "voorjaar"}).content.decode()
    assert "Ronde voorjaar" in page and "Ronde najaar" not in page
    page = consultant_client.get("/plan/validation/", {"state": "closed"}).content.decode()
    assert "Ronde najaar" in page and "Ronde voorjaar" not in page
    page = consultant_client.get("/plan/validation/", {"state": "open"}).content.decode()
    assert "Ronde voorjaar" in page and "Ronde najaar" not in page


def test_empty_round_list_says_what_to_do_next(consultant_client):
    page = consultant_client.get("/plan/validation/").content.decode()
    assert "Schrijf eerst een visie" in page
    VisionVersionFactory()
    page = consultant_client.get("/plan/validation/").content.decode()
    assert "Start een ronde" in page


def test_round_list_query_count_does_not_grow(consultant_client, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            InviteeFactory(round=ValidationRoundFactory())

    add(2)
    assert_same_count(
        consultant_client,
        "/plan/validation/",
        add,
        django_assert_num_queries,
        marker='data-testid="round-row"',
    )


# --- Creating a round ----------------------------------------------------------------------


def test_new_round_invites_the_approved_shortlist_and_puts_the_concept_in_validation(
    consultant_client, consultant
):
    version = VisionVersionFactory()
    approved = ShortlistEntryFactory(decision=Decision.APPROVED, decided_at=version.created_at)
    first, second = ContactFactory.create_batch(2, organisation=approved.organisation)
    proposed_contact = ContactFactory()
    ContactFactory(organisation=proposed_contact.organisation)  # not the proposed one
    with_contact = ShortlistEntryFactory(
        organisation=proposed_contact.organisation,
        contact=proposed_contact,
        decision=Decision.APPROVED,
        decided_at=version.created_at,
    )
    ShortlistEntryFactory()  # only proposed: not invited
    ShortlistEntryFactory(decision=Decision.REJECTED, decided_at=version.created_at)

    assert consultant_client.get(f"/plan/validation/new/?version={version.pk}").status_code == 200
    response = consultant_client.post(
        "/plan/validation/new/",
        {"version": version.pk, "title": "Ronde 1", "opens_on": "2026-03-01"},
    )

    round_ = ValidationRound.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plan/validation/{round_.pk}/"
    assert round_.created_by == consultant
    invited = {i.organisation: set(i.contacts.all()) for i in round_.invitees.all()}
    assert invited == {
        approved.organisation: {first, second},
        with_contact.organisation: {proposed_contact},
    }
    version.refresh_from_db()
    assert version.state == VisionState.VALIDATING


def test_no_round_on_an_adopted_version(consultant_client):
    adopted = VisionVersionFactory(state=VisionState.ADOPTED)
    response = consultant_client.get(f"/plan/validation/new/?version={adopted.pk}")
    assert response.status_code == 302 and response["Location"] == adopted.get_absolute_url()
    assert any("vastgesteld" in m for m in messages_of(response))

    response = consultant_client.post(
        "/plan/validation/new/",
        {"version": adopted.pk, "title": "Te laat", "opens_on": "2026-03-01"},
    )
    assert response.status_code == 200
    assert not ValidationRound.objects.exists()


@pytest.mark.parametrize("odd", ["²", "99999999999999999999999", "abc", "\x00"])
def test_odd_version_ids_are_no_version(consultant_client, odd):
    assert consultant_client.get("/plan/validation/new/", {"version": odd}).status_code == 200
    response = consultant_client.post(
        "/plan/validation/new/", {"version": odd, "title": "X", "opens_on": "2026-03-01"}
    )
    assert response.status_code == 200 and not ValidationRound.objects.exists()


def test_closing_date_before_the_start_is_refused(consultant_client):
    version = VisionVersionFactory()
    response = consultant_client.post(
        "/plan/validation/new/",
        {"version": version.pk, "title": "X", "opens_on": "2026-03-01", "closes_on": "2026-02-01"},
    )
    assert response.status_code == 200 and "vóór de start" in response.content.decode()
    assert not ValidationRound.objects.exists()


# --- The round page and its invitees -------------------------------------------------------


def test_round_page_lists_invitees_with_counts_and_results_place(
    consultant_client, round_, invitee, answered
):
    answered.online = True
    answered.save()
    answered.invitee.state = InviteeState.ANSWERED
    answered.invitee.save()

    page = consultant_client.get(f"/plan/validation/{round_.pk}/").content.decode()

    assert 'id="round-results"' in page
    assert escape("Vzw De Brug") in page and "Hatice Kaya" in page
    assert "online beantwoord" in page
    assert 'data-testid="count-invited">2<' in page
    assert 'data-testid="count-answered">1<' in page
    assert 'data-testid="count-waiting">1<' in page


def test_round_page_query_count_does_not_grow_with_invitees(
    consultant_client, round_, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            invitee = InviteeFactory(round=round_)
            invitee.contacts.set(ContactFactory.create_batch(2, organisation=invitee.organisation))
            ValidationResponseFactory(invitee=invitee, online=True)

    add(2)
    assert_same_count(
        consultant_client,
        f"/plan/validation/{round_.pk}/",
        add,
        django_assert_num_queries,
        marker='data-testid="invitee-row"',
    )


def test_add_an_external_organisation_from_the_register(consultant_client, round_):
    outside = OrganisationFactory(name="Stadsmagazine", scope=Scope.EXTERNAL)
    ContactFactory(organisation=outside, name="Jef Peeters")

    response = consultant_client.post(
        f"/plan/validation/{round_.pk}/invitees/add/", {"organisation": outside.pk}
    )

    invitee = round_.invitees.get()
    assert response.status_code == 302
    assert invitee.organisation == outside
    assert [c.name for c in invitee.contacts.all()] == ["Jef Peeters"]
    again = consultant_client.post(
        f"/plan/validation/{round_.pk}/invitees/add/", {"organisation": outside.pk}
    )
    assert any("nog niet uitgenodigd" in m for m in messages_of(again))
    assert round_.invitees.count() == 1


def test_invitee_edit_refuses_a_contact_of_another_organisation(consultant_client, invitee):
    own = invitee.organisation.contacts.get()
    stranger = ContactFactory(name="Iemand Anders")
    url = f"/plan/validation/invitees/{invitee.pk}/edit/"
    data = {
        "way": "mail",
        "state": "reminded",
        "invited_on": "2026-03-01",
        "reminded_on": "2026-03-08",
    }

    response = consultant_client.post(url, {**data, "contacts": [own.pk, stranger.pk]})
    assert response.status_code == 200
    assert "Iemand Anders hoort niet bij Vzw De Brug" in response.content.decode()
    invitee.refresh_from_db()
    assert invitee.state == InviteeState.INVITED

    response = consultant_client.post(url, {**data, "contacts": [own.pk]})
    assert response.status_code == 302
    invitee.refresh_from_db()
    assert invitee.state == InviteeState.REMINDED and invitee.way == "mail"
    assert invitee.reminded_on == datetime.date(2026, 3, 8)


def test_remove_an_invitee_after_confirmation_but_not_one_that_answered(
    consultant_client, invitee, answered
):
    url = f"/plan/validation/invitees/{invitee.pk}/delete/"
    assert "Vzw De Brug" in consultant_client.get(url).content.decode()
    assert consultant_client.post(url).status_code == 302
    assert not Invitee.objects.filter(pk=invitee.pk).exists()

    response = consultant_client.post(f"/plan/validation/invitees/{answered.invitee.pk}/delete/")
    assert any("al geantwoord" in m for m in messages_of(response))
    assert Invitee.objects.filter(pk=answered.invitee.pk).exists()


def test_close_and_reopen_a_round(consultant_client, consultant, round_):
    url = f"/plan/validation/{round_.pk}/state/"
    consultant_client.post(url, {"action": "close"})
    round_.refresh_from_db()
    assert not round_.is_open and round_.closed_by == consultant
    assert "afgesloten" in consultant_client.get(f"/plan/validation/{round_.pk}/").content.decode()
    consultant_client.post(url, {"action": "reopen"})
    round_.refresh_from_db()
    assert round_.is_open and round_.closed_by is None
    response = consultant_client.post(url, {"action": "explode"})
    assert response.status_code == 302


def test_round_history_shows_who_closed_it(consultant_client, round_):
    consultant_client.post(f"/plan/validation/{round_.pk}/state/", {"action": "close"})
    page = consultant_client.get(f"/plan/validation/{round_.pk}/history/").content.decode()
    assert page.count('data-testid="history-row"') == 2


def test_filtering_with_htmx_returns_only_the_rows(consultant_client):
    ValidationRoundFactory(title="Ronde voorjaar")
    response = consultant_client.get(
        "/plan/validation/", {"q": "voorjaar"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="rows">') and "Ronde voorjaar" in page
    assert "<html" not in page
