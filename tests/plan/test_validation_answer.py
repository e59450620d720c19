"""The online answer: a personal link (hash stored, scope, expiry, revocation), the public
form without an account, and changing an answer until the round closes."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from plan import services
from plan.models import AnswerLink, InviteeState, ValidationResponse
from plan.models.validation import hash_token
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def round_():
    version = VisionVersionFactory(
        title="Antwerpen, stad van iedereen",
        introduction="Een stad waar **iedereen** meetelt.",
        body="<script>alert(1)</script>\n\n## Samenleven",
    )
    round_ = ValidationRoundFactory(version=version, title="Ronde voorjaar")
    AmbitionFactory(version=version, title="Verschillen benoemen", position=1)
    AmbitionFactory(version=version, title="Eigen taal", position=2)
    return round_


@pytest.fixture
def invitee(round_):
    organisation = OrganisationFactory(name="Vzw De Brug")
    contact = ContactFactory(organisation=organisation, name="Hatice Kaya")
    invitee = InviteeFactory(round=round_, organisation=organisation)
    invitee.contacts.set([contact])
    return invitee


@pytest.fixture
def other_invitee(round_):
    return InviteeFactory(round=round_, organisation=OrganisationFactory(name="Geheime Vzw"))


@pytest.fixture
def token(invitee, consultant):
    _link, token = services.issue_answer_link(invitee, TOMORROW, consultant)
    return token


def form_data(round_, **extra) -> dict:
    first, second = round_.version.ambitions.order_by("position")
    return {
        "respondent_name": "Hatice Kaya",
        "position": "partly",
        "surprises": "Dat taal zo centraal staat.",
        "remarks": "",
        "consent_scope": "named",
        f"a{first.pk}_position": "endorse",
        f"a{first.pk}_comment": "",
        f"a{second.pk}_position": "not",
        f"a{second.pk}_comment": "Te vaag.",
        **extra,
    }


def page_url(token: str) -> str:
    return f"/plan/validation/answer/{token}/"


# --- The link ------------------------------------------------------------------------------


def test_consultant_makes_a_link_shown_once_and_stored_as_a_hash(consultant_client, invitee):
    url = f"/plan/validation/invitees/{invitee.pk}/links/"
    response = consultant_client.post(url, {"expires_on": TOMORROW.isoformat()})

    page = response.content.decode()
    shown = re.search(r"/plan/validation/answer/([\w-]+)/", page).group(1)
    link = AnswerLink.objects.get()
    assert link.token_hash == hash_token(shown) and shown not in link.token_hash
    assert len(shown) >= 40
    assert "data:image/svg+xml" in page  # the QR code, inline
    assert response["Cache-Control"].startswith("max-age=0")
    assert shown not in consultant_client.get(url).content.decode()  # never shown again
    assert "actief" in consultant_client.get(url).content.decode()


def test_link_default_expiry_is_the_round_end(consultant_client, invitee, round_):
    round_.closes_on = timezone.localdate() + datetime.timedelta(days=9)
    round_.save()
    page = consultant_client.get(f"/plan/validation/invitees/{invitee.pk}/links/").content.decode()
    assert f'value="{round_.closes_on:%d-%m-%Y}"' in page  # the interface's date format


def test_link_with_a_past_expiry_is_refused(consultant_client, invitee):
    response = consultant_client.post(
        f"/plan/validation/invitees/{invitee.pk}/links/", {"expires_on": "2020-01-01"}
    )
    assert response.status_code == 400 and "al voorbij" in response.content.decode()
    assert not AnswerLink.objects.exists()


def test_revoked_link_opens_nothing(consultant_client, invitee, token):
    link = AnswerLink.objects.get()
    consultant_client.post(f"/plan/validation/links/{link.pk}/revoke/")
    link.refresh_from_db()
    assert link.revoked_at is not None
    response = consultant_client.get(page_url(token))
    assert response.status_code == 410
    assert "Vzw De Brug" not in response.content.decode()
    page = consultant_client.get(f"/plan/validation/invitees/{invitee.pk}/links/")
    assert "ingetrokken op" in page.content.decode()


def test_reader_cannot_make_or_revoke_links(reader_client, invitee, token):
    url = f"/plan/validation/invitees/{invitee.pk}/links/"
    assert reader_client.post(url, {"expires_on": TOMORROW.isoformat()}).status_code == 403
    link = AnswerLink.objects.get()
    assert reader_client.post(f"/plan/validation/links/{link.pk}/revoke/").status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None


# --- The public page -----------------------------------------------------------------------


def test_invitee_opens_the_vision_and_the_form_without_an_account(client, token, other_invitee):
    response = client.get(page_url(token))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Antwerpen, stad van iedereen" in page
    assert "<strong>iedereen</strong>" in page  # Markdown rendered
    assert "<script>alert(1)" not in page  # and sanitised
    assert "Verschillen benoemen" in page and "Eigen taal" in page
    assert escape("Vzw De Brug") in page
    # That one form and nothing else: no other invitee, no navigation, no internal fields.
    assert "Geheime Vzw" not in page
    assert not re.search(r'href="/(?!static/)', page)
    assert 'name="respondent"' not in page and 'name="answered_on"' not in page
    assert 'name="surprise_themes"' not in page
    assert not re.findall(r'<input[^>]*name="consent_scope"[^>]*checked', page)


def test_online_answer_is_saved_and_marked_online(client, token, invitee, round_):
    response = client.post(page_url(token), form_data(round_))

    assert response.status_code == 302 and response["Location"] == f"{page_url(token)}thanks/"
    saved = ValidationResponse.objects.get()
    assert saved.invitee == invitee and saved.online and saved.submitted_at
    assert saved.respondent_name == "Hatice Kaya" and saved.created_by is None
    assert saved.consent_scope == "named" and saved.consent_on == timezone.localdate()
    assert {f.ambition.title: f.position for f in saved.feedback.all()} == {
        "Verschillen benoemen": "endorse",
        "Eigen taal": "not",
    }
    invitee.refresh_from_db()
    assert invitee.state == InviteeState.ANSWERED
    assert AnswerLink.objects.get().last_used_at is not None
    assert "Bedankt" in client.get(f"{page_url(token)}thanks/").content.decode()


def test_the_consultant_sees_it_arrive_online(client, consultant_client, token, round_):
    client.post(page_url(token), form_data(round_))
    page = consultant_client.get(f"/plan/validation/{round_.pk}/").content.decode()
    assert 'data-testid="answered-online"' in page
    assert 'data-testid="count-online">1<' in page


def test_bad_input_keeps_what_was_typed(client, token, round_):
    data = form_data(round_, position="", respondent_name="")
    response = client.post(page_url(token), data)
    assert response.status_code == 400
    assert "Dat taal zo centraal staat." in response.content.decode()
    assert not ValidationResponse.objects.exists()


def test_the_answer_can_be_changed_until_the_round_closes(client, token, round_):
    client.post(page_url(token), form_data(round_))
    page = client.get(page_url(token)).content.decode()
    assert "al geantwoord" in page and "Dat taal zo centraal staat." in page

    client.post(page_url(token), form_data(round_, position="endorse"))
    assert ValidationResponse.objects.get().position == "endorse"

    round_.closed_at = timezone.now()
    round_.save()
    page = client.get(page_url(token))
    assert page.status_code == 200 and 'data-testid="answer-closed"' in page.content.decode()
    assert '<form method="post" novalidate>' not in page.content.decode()
    refused = client.post(page_url(token), form_data(round_, position="not"))
    assert refused.status_code == 409
    assert ValidationResponse.objects.get().position == "endorse"


def test_online_edit_keeps_the_consultants_theme_coding(client, token, invitee, round_):
    from tests.factories import ThemeFactory

    existing = ValidationResponseFactory(invitee=invitee)
    theme = ThemeFactory()
    existing.surprise_themes.set([theme])
    client.post(page_url(token), form_data(round_))
    assert list(ValidationResponse.objects.get().surprise_themes.all()) == [theme]


@pytest.mark.parametrize("forged", ["x", "a" * 43, "a" * 500, "²", "%00"])
def test_forged_token_is_404_and_leaks_nothing(client, token, forged):
    response = client.get(page_url(forged))
    assert response.status_code == 404
    assert "Vzw De Brug" not in response.content.decode()
    assert client.post(page_url(forged), {"position": "not"}).status_code == 404
    assert not ValidationResponse.objects.exists()


def test_expired_link_is_410(client, invitee, consultant):
    _link, token = services.issue_answer_link(
        invitee, timezone.localdate() - datetime.timedelta(days=1), consultant
    )
    response = client.get(page_url(token))
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    assert "Vzw De Brug" not in response.content.decode()


def test_a_link_answers_for_its_own_invitee_and_round_only(client, consultant, token, round_):
    other_round = ValidationRoundFactory(title="Andere ronde")
    AmbitionFactory(version=other_round.version, title="Andere ambitie")
    stranger = InviteeFactory(round=other_round, organisation=OrganisationFactory(name="Verre Vzw"))
    _link, other_token = services.issue_answer_link(stranger, TOMORROW, consultant)

    page = client.get(page_url(other_token)).content.decode()
    assert "Andere ambitie" in page and "Verschillen benoemen" not in page
    # An ambition of the other round posted through this link is ignored.
    foreign = other_round.version.ambitions.get()
    client.post(page_url(token), form_data(round_, **{f"a{foreign.pk}_position": "not"}))
    saved = ValidationResponse.objects.get()
    assert saved.invitee.round == round_
    assert not saved.feedback.filter(ambition=foreign).exists()


def test_too_many_wrong_tokens_are_slowed_down(client, token):
    for attempt in range(25):
        client.get(page_url(f"wrong{attempt}"))
    assert client.get(page_url("wrong-again")).status_code == 429
    assert client.get(page_url(token)).status_code == 200  # the real link still opens


def test_answer_page_costs_the_same_queries_with_more_ambitions(
    client, token, round_, django_assert_num_queries
):
    from tests.helpers import assert_same_count

    def add(n):
        for _ in range(n):
            AmbitionFactory(version=round_.version)

    assert_same_count(
        client,
        page_url(token),
        add,
        django_assert_num_queries,
        marker='data-testid="ambition-answer"',
    )


def test_no_online_answer_after_the_rounds_last_day(client, token, round_):
    round_.opens_on = timezone.localdate() - datetime.timedelta(days=10)
    round_.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    round_.save()
    page = client.get(page_url(token))
    assert page.status_code == 200 and 'data-testid="answer-closed"' in page.content.decode()
    assert client.post(page_url(token), form_data(round_)).status_code == 409
    assert not ValidationResponse.objects.exists()


def test_a_first_answer_racing_another_first_answer_is_refused_not_a_server_error(
    client, token, invitee, round_, monkeypatch
):
    # Two browsers opened the link before either saved: the second one's first answer meets
    # the answer the first one just stored (the one-answer-per-invitee constraint).
    data = form_data(round_, surprises="Mijn eigen tekst die niet verloren mag gaan")
    real_save = services.save_response

    def first_browser_wins(response, *args, **kwargs):
        ValidationResponseFactory(invitee=invitee, surprises="Het antwoord van het andere venster")
        return real_save(response, *args, **kwargs)

    monkeypatch.setattr(services, "save_response", first_browser_wins)
    refused = client.post(page_url(token), data)
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Intussen werd al een antwoord bewaard" in page
    assert "Mijn eigen tekst die niet verloren mag gaan" in page
    assert ValidationResponse.objects.get(invitee=invitee).surprises == (
        "Het antwoord van het andere venster"
    )
