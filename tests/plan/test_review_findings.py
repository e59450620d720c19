"""Findings of the outside review of issue 10 (steps 5 and 6), each pinned by a test."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from plan import services
from plan.models import ObjectionDecision, VisionState
from tests.plan.factories import VisionVersionFactory
from tests.plan.test_vision_compare import decided, three_versions  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html.split('class="navbar-nav step-nav')[1].split("</ol>")[0]


@pytest.mark.parametrize("who", ["consultant_client", "atlas_client"])
def test_step_6_in_the_navigation_leads_staff_to_the_rounds(request, who):
    client = request.getfixturevalue(who)
    with translation.override("nl"):
        nav = _nav(client.get("/").content.decode())
    assert 'href="/plan/validation/"' in nav
    assert client.get("/plan/validation/").status_code == 200


@pytest.mark.parametrize("who", ["reader_client", "admin_client_"])
def test_step_6_is_not_a_link_to_a_refusal_for_readers_and_the_administrator(request, who):
    client = request.getfixturevalue(who)
    nav = _nav(client.get("/").content.decode())
    assert "/plan/validation/" not in nav  # the round pages answer them "Geen toegang"
    assert "Aftoetsing" in nav  # the step is still named, greyed


def test_consultant_sees_that_a_quoted_objection_may_not_be_quoted(consultant_client, decided):  # noqa: F811
    v1, _, v3 = decided
    html = consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    rejected = html.split('data-testid="rejected"')[1]
    assert "Niet citeerbare opmerking." in rejected  # the research space sees it all...
    assert 'data-testid="quote-consent">Niet citeren' in rejected  # ...and is told so


def test_consultant_sees_that_a_withdrawn_answer_is_withdrawn(consultant_client, decided):  # noqa: F811
    v1, _, v3 = decided
    response = ObjectionDecision.objects.get(outcome="processed").feedback.response
    response.withdrawn_on = datetime.date.today()
    response.save()
    html = consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    rationale = html.split('data-testid="rationale"')[1].split("</aside>")[0]
    assert 'data-testid="quote-consent">ingetrokken' in rationale


def test_the_atlas_team_is_not_shown_consent_labels(atlas_client, decided):  # noqa: F811
    v1, _, v3 = decided
    html = atlas_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v3.pk}").content.decode()
    assert 'data-testid="quote-consent"' not in html


def test_comparing_a_version_with_itself_is_refused_not_counted_as_all_changed(
    consultant_client,
    three_versions,  # noqa: F811
):
    v1, _, _ = three_versions
    response = consultant_client.get(f"/plan/vision/compare/?a={v1.pk}&b={v1.pk}")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies twee verschillende versies om te vergelijken." in html
    assert 'data-testid="compare-summary"' not in html  # no "7 toegevoegd, 7 geschrapt"
    assert f'<option value="{v1.pk}" selected' in html  # the choice stays in the form


def test_a_consultant_cannot_undo_the_atlas_teams_adoption(consultant_client, atlas_member):
    version = VisionVersionFactory()
    services.set_state(version, VisionState.ADOPTED, atlas_member)
    page = consultant_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert f'action="/plan/vision/{version.pk}/state/"' not in page  # no "concept" preselected
    response = consultant_client.post(
        f"/plan/vision/{version.pk}/state/", {"state": "concept"}, follow=True
    )
    assert "enkel het Atlas-team kan de status nog wijzigen" in response.content.decode()
    version.refresh_from_db()
    assert version.state == VisionState.ADOPTED
    assert version.adopted_by == atlas_member and version.adopted_at is not None


def test_the_atlas_team_may_still_reopen_an_adopted_version(atlas_client, atlas_member):
    version = VisionVersionFactory()
    services.set_state(version, VisionState.ADOPTED, atlas_member)
    page = atlas_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert f'action="/plan/vision/{version.pk}/state/"' in page
    atlas_client.post(f"/plan/vision/{version.pk}/state/", {"state": "concept"})
    version.refresh_from_db()
    assert version.state == VisionState.CONCEPT and version.adopted_by is None


def test_the_service_refuses_an_undo_of_the_adoption_too(consultant, atlas_member):
    version = VisionVersionFactory()
    services.set_state(version, VisionState.ADOPTED, atlas_member)
    with pytest.raises(PermissionDenied):
        services.set_state(version, VisionState.CONCEPT, consultant)


def test_the_new_round_form_offers_its_versions_in_dutch(consultant_client):
    VisionVersionFactory()
    with translation.override("nl"):
        html = consultant_client.get("/plan/validation/new/").content.decode()
    assert "Select an option" not in html
    assert "— kies een versie —" in html


def test_a_closed_round_does_not_invite_an_answer_it_will_refuse(client, consultant):
    from django.utils import timezone

    from tests.plan.factories import InviteeFactory, ValidationRoundFactory

    closes_on = timezone.localdate() + datetime.timedelta(days=7)
    round_ = ValidationRoundFactory(closes_on=closes_on, closed_at=timezone.now())
    invitee = InviteeFactory(round=round_)
    _link, token = services.issue_answer_link(invitee, closes_on, consultant)
    with translation.override("nl"):
        html = client.get(f"/plan/validation/answer/{token}/").content.decode()
    assert "Antwoorden kan tot" not in html  # no deadline ahead on a closed round
    assert "Van uw organisatie kwam geen antwoord binnen." in html
    assert "Hieronder staat wat u antwoordde" not in html  # there is nothing below


@pytest.fixture
def edited_answer(consultant):
    """An answer whose surprises were changed once, so its history holds both texts."""
    from interviews.models import ConsentScope
    from tests.plan.factories import ValidationResponseFactory
    from tests.stakeholders.factories import ContactFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Vzw De Brug")
    ContactFactory(organisation=organisation, name="Hatice Kaya")
    response = ValidationResponseFactory(
        invitee__organisation=organisation,
        consent_scope=ConsentScope.NOT_QUOTABLE,
        surprises="Eerste verrassing van Hatice Kaya.",
    )
    response.surprises = "Tweede verrassing van Hatice Kaya."
    response.save()
    return response


def _history(client, response) -> str:
    with translation.override("nl"):
        return client.get(f"/plan/validation/responses/{response.pk}/history/").content.decode()


def test_history_of_a_not_quotable_answer_hides_its_texts_from_the_atlas_team(
    atlas_client, edited_answer
):
    html = _history(atlas_client, edited_answer)
    assert "Eerste verrassing" not in html and "Tweede verrassing" not in html
    assert "niet getoond: Niet citeren" in html


def test_history_shows_the_consultant_every_text_with_its_consent(consultant_client, edited_answer):
    html = _history(consultant_client, edited_answer)
    assert "Eerste verrassing van Hatice Kaya." in html
    assert "Tweede verrassing van Hatice Kaya." in html
    assert 'data-testid="quote-consent">Niet citeren' in html


def test_history_of_an_anonymised_answer_masks_names_and_hides_after_withdrawal(
    atlas_client, edited_answer
):
    from interviews.models import ConsentScope

    edited_answer.consent_scope = ConsentScope.ANONYMOUS
    edited_answer.save()
    html = _history(atlas_client, edited_answer)
    assert "Tweede verrassing van" in html and "Eerste verrassing van" in html
    assert "Hatice" not in html and "Vzw De Brug</span>" not in html
    edited_answer.withdrawn_on = datetime.date.today()
    edited_answer.save()
    html = _history(atlas_client, edited_answer)
    assert "Eerste verrassing" not in html  # a withdrawal hides the earlier texts too
    assert "Tweede verrassing" not in html and "niet getoond: ingetrokken" in html


@pytest.fixture
def objection():
    """A "niet" answer on v1's ambition, not yet decided, and a concept v2."""
    from plan.models import Endorsement
    from tests.plan.factories import AmbitionFactory, AmbitionFeedbackFactory

    v1 = AmbitionFactory(version=VisionVersionFactory(number=1)).version
    feedback = AmbitionFeedbackFactory(
        response__invitee__round__version=v1,
        ambition=v1.ambitions.get(),
        position=Endorsement.NOT,
        comment="Te vaag.",
    )
    return feedback, VisionVersionFactory(number=2)


def test_adopting_with_undecided_objections_asks_for_confirmation(atlas_client, objection):
    _feedback, v2 = objection
    url = f"/plan/vision/{v2.pk}/state/"
    with translation.override("nl"):
        page = atlas_client.post(url, {"state": "adopted"}).content.decode()
    assert "Er is nog 1 bezwaar uit de aftoetsing zonder beslissing" in page
    assert 'name="confirm" value="1"' in page
    v2.refresh_from_db()
    assert v2.state == VisionState.CONCEPT  # nothing happened yet
    atlas_client.post(url, {"state": "adopted", "confirm": "1"})
    v2.refresh_from_db()
    assert v2.state == VisionState.ADOPTED


def test_adopting_with_every_objection_decided_needs_no_confirmation(atlas_client, objection):
    from plan.models import DecisionOutcome

    feedback, v2 = objection
    ObjectionDecision.objects.create(
        feedback=feedback, outcome=DecisionOutcome.REJECTED, explanation="Bewust zo."
    )
    response = atlas_client.post(f"/plan/vision/{v2.pk}/state/", {"state": "adopted"})
    assert response.status_code == 302
    v2.refresh_from_db()
    assert v2.state == VisionState.ADOPTED


def test_an_atlas_team_edit_keeps_evidence_it_may_not_see(atlas_client):
    """An ambition cites an excerpt whose consent was withdrawn: the Atlas team does not see
    it, and saving the ambition's new title must not silently unlink it."""
    from tests.plan.factories import AmbitionFactory
    from tests.plan.test_vision_picker import excerpt

    withdrawn = excerpt("ingetrokken fragment", withdrawn_on=datetime.date.today())
    visible = excerpt("zichtbaar fragment")
    ambition = AmbitionFactory(version=VisionVersionFactory(), excerpts=[withdrawn, visible])
    url = f"/plan/vision/ambitions/{ambition.pk}/edit/"
    form = atlas_client.get(url).context["form"]
    assert "ingetrokken fragment" not in atlas_client.get(url).content.decode()
    response = atlas_client.post(
        url,
        {
            "title": "Nieuwe titel",
            "position": 1,
            "read_at": form["read_at"].value(),
            "excerpts": [visible.pk],  # all the form showed, ticked
        },
    )
    assert response.status_code == 302
    assert set(ambition.excerpts.values_list("pk", flat=True)) == {withdrawn.pk, visible.pk}
    page = atlas_client.get(url).content.decode()
    assert "1 gekoppeld fragment mag u niet zien" in page and "ingetrokken fragment" not in page


def test_the_compare_form_starts_on_the_two_latest_versions(consultant_client, three_versions):  # noqa: F811
    _v1, v2, v3 = three_versions
    html = consultant_client.get("/plan/vision/compare/").content.decode()
    older = html.split('id="compare-a"')[1].split("</select>")[0]
    newer = html.split('id="compare-b"')[1].split("</select>")[0]
    assert f'<option value="{v2.pk}" selected' in older  # not the latest against itself
    assert f'<option value="{v3.pk}" selected' in newer


@pytest.mark.parametrize("count", [0, 1])
def test_the_compare_page_says_when_there_is_nothing_to_compare(consultant_client, count):
    for number in range(1, count + 1):
        VisionVersionFactory(number=number)
    with translation.override("nl"):
        html = consultant_client.get("/plan/vision/compare/").content.decode()
    assert "Er zijn nog geen twee versies om te vergelijken." in html
    assert 'id="compare-a"' not in html


def test_answer_history_query_count_is_constant(
    atlas_client, edited_answer, django_assert_num_queries
):
    from interviews.models import ConsentScope
    from tests.helpers import assert_same_count

    edited_answer.consent_scope = ConsentScope.ANONYMOUS
    edited_answer.save()

    def add_rows(n):
        for i in range(n):
            edited_answer.remarks = f"Opmerking {i} van Hatice Kaya."
            edited_answer.save()

    url = f"/plan/validation/responses/{edited_answer.pk}/history/"
    assert_same_count(
        atlas_client, url, add_rows, django_assert_num_queries, marker='data-testid="history-row"'
    )
