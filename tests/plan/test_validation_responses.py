"""A response per invitee, entered by a consultant or the Atlas team: one each, per ambition,
its own consent and its withdrawal, refused once the round is closed."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from interviews.models import ConsentScope
from plan.models import AmbitionFeedback, Endorsement, InviteeState, ValidationResponse
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def round_():
    return ValidationRoundFactory()


@pytest.fixture
def ambitions(round_):
    return [
        AmbitionFactory(version=round_.version, title="Verschillen benoemen", position=1),
        AmbitionFactory(version=round_.version, title="Eigen taal", position=2),
    ]


@pytest.fixture
def invitee(round_, ambitions):
    organisation = OrganisationFactory(name="Vzw De Brug")
    ContactFactory(organisation=organisation, name="Hatice Kaya")
    return InviteeFactory(round=round_, organisation=organisation)


def answer(invitee, ambitions, **extra) -> dict:
    first, second = ambitions
    return {
        "answered_on": "2026-03-10",
        "respondent": invitee.organisation.contacts.get().pk,
        "respondent_name": "",
        "position": "partly",
        "surprises": "Dat taal zo centraal staat.",
        "remarks": "Goed werk.",
        "consent_scope": "anonymous",
        "consent_on": "2026-03-10",
        f"a{first.pk}_position": "endorse",
        f"a{first.pk}_comment": "",
        f"a{second.pk}_position": "not",
        f"a{second.pk}_comment": "Te vaag.",
        **extra,
    }


def url(invitee, new=False) -> str:
    return f"/plan/validation/invitees/{invitee.pk}/response/{'new/' if new else ''}"


def test_atlas_member_enters_a_response_per_ambition(
    atlas_client, atlas_member, invitee, ambitions
):
    response = atlas_client.post(url(invitee, new=True), answer(invitee, ambitions))

    assert response.status_code == 302
    saved = ValidationResponse.objects.get()
    assert saved.invitee == invitee and saved.created_by == atlas_member
    assert saved.position == Endorsement.PARTLY and saved.consent_scope == ConsentScope.ANONYMOUS
    assert saved.respondent.name == "Hatice Kaya" and not saved.online
    feedback = {f.ambition.title: (f.position, f.comment) for f in saved.feedback.all()}
    assert feedback == {"Verschillen benoemen": ("endorse", ""), "Eigen taal": ("not", "Te vaag.")}
    invitee.refresh_from_db()
    assert invitee.state == InviteeState.ANSWERED
    assert invitee.answered_on == datetime.date(2026, 3, 10)


def test_an_ambition_left_without_answer_gets_no_feedback_row(
    consultant_client, invitee, ambitions
):
    first, second = ambitions
    data = answer(invitee, ambitions, **{f"a{second.pk}_position": "", f"a{second.pk}_comment": ""})
    consultant_client.post(url(invitee, new=True), data)
    assert [f.ambition for f in AmbitionFeedback.objects.all()] == [first]

    # Changing an answer to "geen antwoord" removes it.
    data = answer(invitee, ambitions, **{f"a{first.pk}_position": ""})
    consultant_client.post(url(invitee), data)
    assert [f.ambition for f in AmbitionFeedback.objects.all()] == [second]


def test_a_comment_without_a_position_is_refused_and_kept(consultant_client, invitee, ambitions):
    _, second = ambitions
    data = answer(invitee, ambitions, **{f"a{second.pk}_position": ""})
    response = consultant_client.post(url(invitee, new=True), data)
    page = response.content.decode()
    assert response.status_code == 200 and "Kies een standpunt bij uw toelichting" in page
    assert "Te vaag." in page  # what was typed is still there
    assert not ValidationResponse.objects.exists()


def test_consent_scope_is_asked_not_preselected(consultant_client, invitee, ambitions):
    page = consultant_client.get(url(invitee, new=True)).content.decode()
    radios = re.findall(r'<input[^>]*name="consent_scope"[^>]*>', page)
    assert len(radios) == len(ConsentScope.values)
    assert not [radio for radio in radios if "checked" in radio]
    data = answer(invitee, ambitions)
    del data["consent_scope"]
    response = consultant_client.post(url(invitee, new=True), data)
    assert response.status_code == 200 and not ValidationResponse.objects.exists()


def test_a_second_response_opens_the_first_for_editing(consultant_client, invitee, ambitions):
    consultant_client.post(url(invitee, new=True), answer(invitee, ambitions))

    response = consultant_client.get(url(invitee, new=True))
    assert response.status_code == 302 and response["Location"] == url(invitee)
    assert any("al een antwoord" in m for m in messages_of(response))

    # Posted on a create form while a response was saved meanwhile: nothing is lost.
    late = answer(invitee, ambitions, remarks="Toch nog dit.")
    response = consultant_client.post(url(invitee, new=True), late)
    assert response.status_code == 409
    assert "Toch nog dit." in response.content.decode()
    assert ValidationResponse.objects.count() == 1
    assert ValidationResponse.objects.get().remarks == "Goed werk."

    consultant_client.post(url(invitee), late)
    assert ValidationResponse.objects.get().remarks == "Toch nog dit."


def test_edit_page_without_a_response_goes_to_create(consultant_client, invitee):
    response = consultant_client.get(url(invitee))
    assert response.status_code == 302 and response["Location"] == url(invitee, new=True)


def test_respondent_of_another_organisation_is_refused(consultant_client, invitee, ambitions):
    stranger = ContactFactory(name="Iemand Anders")
    response = consultant_client.post(
        url(invitee, new=True), answer(invitee, ambitions, respondent=stranger.pk)
    )
    assert response.status_code == 200 and not ValidationResponse.objects.exists()


def test_an_answer_for_an_ambition_of_another_version_is_ignored(
    consultant_client, invitee, ambitions
):
    foreign = AmbitionFactory(title="Andere versie")
    data = answer(invitee, ambitions, **{f"a{foreign.pk}_position": "not"})
    consultant_client.post(url(invitee, new=True), data)
    assert not AmbitionFeedback.objects.filter(ambition=foreign).exists()


def test_no_response_on_a_closed_round(consultant_client, invitee, ambitions, round_):
    round_.closed_at = timezone.now()
    round_.save()
    response = consultant_client.post(url(invitee, new=True), answer(invitee, ambitions))
    assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
    assert any("afgesloten" in m for m in messages_of(response))
    assert not ValidationResponse.objects.exists()


def test_withdrawing_consent_dates_it_and_keeps_the_answer(consultant_client, invitee):
    saved = ValidationResponseFactory(invitee=invitee, consent_on=datetime.date(2026, 3, 1))
    response = consultant_client.post(f"/plan/validation/responses/{saved.pk}/withdraw/")
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.withdrawn_on == timezone.localdate() and not saved.allows_quotes
    page = consultant_client.get(url(invitee)).content.decode()
    assert "ingetrokken" in page and "Toestemming intrekken" not in page


def test_response_history_is_for_staff_only(consultant_client, reader_client, invitee, ambitions):
    consultant_client.post(url(invitee, new=True), answer(invitee, ambitions))
    consultant_client.post(url(invitee), answer(invitee, ambitions, remarks="Gewijzigd."))
    saved = ValidationResponse.objects.get()
    history = f"/plan/validation/responses/{saved.pk}/history/"
    page = consultant_client.get(history).content.decode()
    assert page.count('data-testid="history-row"') == 2
    assert reader_client.get(history).status_code == 403


def test_an_answer_moves_the_shortlist_entry_to_validated(consultant_client, invitee, ambitions):
    from stakeholders.models import Decision, Progress
    from tests.stakeholders.factories import ShortlistEntryFactory

    entry = ShortlistEntryFactory(
        organisation=invitee.organisation, decision=Decision.APPROVED, decided_at=timezone.now()
    )
    consultant_client.post(url(invitee, new=True), answer(invitee, ambitions))
    entry.refresh_from_db()
    assert entry.progress == Progress.VALIDATED
