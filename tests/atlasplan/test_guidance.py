"""The dashboard guides through the method: each step done, current or not started by its
own rule (explained on the page), one next action per step for the user's role, and what
waits for this user's decision first."""

import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from atlasplan.roles import Role
from interviews import services
from interviews.models import Interview, Status
from policies.models import ReadingStatus
from tests.conftest import client_for
from tests.factories import ThemeFactory
from tests.helpers import assert_same_count
from tests.interviews.factories import ConsentFactory, InterviewFactory, TranscriptFactory
from tests.policies.factories import PassageFactory, PolicyDocumentFactory
from tests.stakeholders.factories import OrganisationFactory, ShortlistEntryFactory

PASSWORD = "gids-demo-wachtwoord"
CARD = re.compile(
    r'id="step-(\d)-title".*?data-progress="(\w*)"', re.DOTALL
)  # the progress marker inside each card


def progress(client) -> dict[int, str]:
    html = client.get("/").content.decode()
    return {int(number): state for number, state in CARD.findall(html)}


def card_html(client, number: int) -> str:
    html = client.get("/").content.decode()
    start = html.index(f'id="step-{number}-title"')
    end = html.find(f'id="step-{number + 1}-title"')
    return html[start : end if end > 0 else len(html)]


def approve(count: int) -> None:
    for organisation in OrganisationFactory.create_batch(count):
        ShortlistEntryFactory(
            organisation=organisation, decision="approved", decided_at=timezone.now()
        )


def test_an_empty_project_starts_at_step_one_and_explains_each_rule(consultant_client, db):
    assert progress(consultant_client) == {
        1: "current",
        2: "not_started",
        3: "not_started",
        4: "not_started",
        5: "not_started",
        6: "not_started",
        7: "not_started",
    }
    html = consultant_client.get("/").content.decode()
    assert "Huidige stap" in html and "Niet gestart" in html
    assert "Afgerond wanneer de shortlist is goedgekeurd" in html
    assert "Afgerond wanneer elk interview gecodeerd is." in html
    assert html.count('data-testid="done-rule"') == 7


def test_a_read_library_is_done_and_the_shortlist_becomes_current(consultant_client, db):
    PassageFactory(document=PolicyDocumentFactory(status=ReadingStatus.READ))
    states = progress(consultant_client)
    assert (states[1], states[2]) == ("done", "current")
    assert "Afgerond" in card_html(consultant_client, 1)
    PolicyDocumentFactory(status=ReadingStatus.TO_READ)
    assert progress(consultant_client)[1] == "current"


def test_step_two_is_done_when_the_shortlist_is_approved(consultant_client, db):
    approve(6)
    assert progress(consultant_client)[2] == "current"
    approve(1)
    assert progress(consultant_client)[2] == "done"
    ShortlistEntryFactory()  # a new proposal reopens the step
    assert progress(consultant_client)[2] == "current"


def test_an_atlas_member_sees_the_waiting_proposal_first(atlas_client, db):
    approve(3)
    ShortlistEntryFactory()
    html = atlas_client.get("/").content.decode()
    assert "1 voorstel wacht op uw beslissing" in html
    todo = html.index('data-testid="todos"')
    assert todo < html.index('data-testid="step-card"'), "the decision comes before the steps"
    assert 'href="/stakeholders/shortlist/"' in html[todo : html.index('data-testid="step-card"')]


def test_two_proposals_are_counted_in_the_plural(atlas_client, db):
    ShortlistEntryFactory.create_batch(2)
    assert "2 voorstellen wachten op uw beslissing" in atlas_client.get("/").content.decode()


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.READER])
def test_who_may_not_decide_gets_no_decision_to_do(users, role, db):
    ShortlistEntryFactory()
    html = client_for(users[role]).get("/").content.decode()
    assert "wacht op uw beslissing" not in html
    assert 'data-testid="todos"' not in html


def test_more_approved_than_the_target_warns(consultant_client, db):
    approve(8)
    html = card_html(consultant_client, 2)
    assert "8 van 7 goedgekeurd" in html
    assert 'data-testid="step-warning"' in html
    assert "Meer goedgekeurd dan het streefaantal van 7" in html


def test_exactly_the_target_does_not_warn(consultant_client, db):
    approve(7)
    assert 'data-testid="step-warning"' not in card_html(consultant_client, 2)


def test_a_new_uncoded_interview_asks_to_code_its_transcript(consultant_client, db):
    theme = ThemeFactory()
    coded = InterviewFactory(status=Status.CODED)
    ConsentFactory(interview=coded)
    new = InterviewFactory(status=Status.TRANSCRIBED)
    ConsentFactory(interview=new)
    transcript = TranscriptFactory(interview=new)
    html = card_html(consultant_client, 3)
    assert "Codeer het transcript" in html
    assert f'href="/interviews/{new.pk}/transcript/"' in html
    assert "Bekijk de standpunten" not in html
    assert progress(consultant_client)[3] == "current"

    services.create_excerpt(
        new, transcript, None, start=0, end=20, themes=[theme], stance="supportive"
    )
    assert Interview.objects.get(pk=new.pk).status == Status.CODED
    html = card_html(consultant_client, 3)
    assert "Codeer het transcript" not in html and "Bekijk de standpunten" in html
    assert progress(consultant_client)[3] == "done"


def test_the_atlas_team_is_not_asked_to_code(atlas_client, db):
    TranscriptFactory(interview=InterviewFactory(status=Status.TRANSCRIBED))
    assert "Codeer het transcript" not in card_html(atlas_client, 3)


def test_the_dashboard_costs_the_same_queries_with_more_rows(
    atlas_client, db, django_assert_num_queries
):
    def add_rows(count: int) -> None:
        for _n in range(count):
            PassageFactory()
            ShortlistEntryFactory()
            TranscriptFactory(interview=InterviewFactory(status=Status.TRANSCRIBED))

    add_rows(2)
    assert_same_count(atlas_client, "/", add_rows, django_assert_num_queries)


# --- On the demo case: every role's next actions lead to pages it may open -----------------


DEMO_USERS = {
    Role.CONSULTANT: "consultant",
    Role.ATLAS: "atlas",
    Role.READER: "lezer",
    Role.ADMINISTRATOR: "beheerder",
}


@pytest.mark.parametrize("role", list(Role))
def test_no_role_is_given_a_next_action_it_cannot_open(demo_db, role):
    client = client_for(User.objects.get(username=DEMO_USERS[role]))
    html = client.get("/").content.decode()
    links = re.findall(r'<a class="[^"]*alert-link[^"]*" href="([^"]+)"', html)
    links += re.findall(r'Volgende stap:</strong>\s*<a href="([^"]+)"', html)
    assert links or role == Role.ADMINISTRATOR
    for url in links:
        response = client.get(url.replace("&amp;", "&"))
        assert response.status_code == 200, (role, url, response.status_code)


def test_the_demo_shows_a_project_well_under_way(demo_db):
    states = progress(client_for(User.objects.get(username="consultant")))
    # the shortlist is approved and every interview coded; some documents wait to be read
    assert (states[1], states[2], states[3]) == ("current", "done", "done"), states
    assert "not_started" not in states.values()
