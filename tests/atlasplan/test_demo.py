"""The full demo case (`load_demo`, as after `make run`), loaded once for all these tests.

Loading the demo takes seconds; these tests read it, or load it again to prove that changes
nothing. The module's fixture loads it once inside a transaction that is rolled back when the
module is done, and each test runs in its own savepoint (pytest-django's ``db``), so a test's
writes never reach the next test and no other module ever sees the demo. A parallel run
(``--dist loadfile``, in pyproject.toml) keeps the module on one worker: one load.
"""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import get_resolver

from atlasplan.models import Theme
from atlasplan.roles import Role, roles_of
from interviews.models import ConsentScope, Excerpt, Interview, NoteAnswer, Transcript
from policies.models import Extraction, Level, Passage, PolicyDocument
from stakeholders.models import (
    Assessment,
    Contact,
    Interaction,
    Organisation,
    Progress,
    ShortlistEntry,
)
from tests.atlasplan.test_urls_anonymous import all_patterns, concrete
from tests.conftest import client_for, load_demo
from workshops.demo import TITLE
from workshops.models import Ballot, Statement, Vote, Workshop

PASSWORD = "demo-wachtwoord-1"
ROLES = ["consultant", "atlas", "lezer", "beheerder"]


def client_of(username: str) -> Client:
    return client_for(User.objects.get(username=username))


# --- The core: users per role, the codebook, the command's output ---------------------------


def test_load_demo_creates_one_user_per_role_and_the_codebook(demo_db):
    output = demo_db
    expected = {
        "consultant": Role.CONSULTANT,
        "atlas": Role.ATLAS,
        "lezer": Role.READER,
        "beheerder": Role.ADMINISTRATOR,
    }
    for username, role in expected.items():
        user = User.objects.get(username=username)
        assert roles_of(user) == {role}
        assert user.check_password(PASSWORD)
    assert Theme.objects.count() >= 10
    assert Theme.objects.filter(parent__isnull=False).exists()  # a tree, not a flat list
    assert "http://127.0.0.1:8000/" in output
    assert PASSWORD in output


def test_load_demo_twice_changes_nothing(demo_db):
    themes = list(Theme.objects.values_list("name", "parent__name", "colour"))
    Theme.objects.filter(name="Taal").update(description="Door de gebruiker aangepast")
    output = load_demo("--password", "tweede-wachtwoord")
    assert list(Theme.objects.values_list("name", "parent__name", "colour")) == themes
    assert Theme.objects.get(name="Taal").description == "Door de gebruiker aangepast"
    assert User.objects.get(username="atlas").check_password(PASSWORD)
    assert "tweede-wachtwoord" not in output


def test_every_url_answers_every_role_without_a_server_error(demo_db):
    """Walk every URL pattern as each demo role, on the full demo case: never a server
    error, and a reader never receives a contact's personal data."""
    emails = [email for email in Contact.objects.values_list("email", flat=True) if email]
    assert emails, "the demo has contacts with e-mail addresses"
    patterns = [(p, n) for p, n in all_patterns(get_resolver()) if not n.startswith("admin:")]
    failures, seen_by = [], set()
    for username in ROLES:
        client = Client(raise_request_exception=False)
        assert client.login(username=username, password=PASSWORD)
        for pattern, name in patterns:
            if name in {"account_logout"}:
                continue
            url = concrete(pattern, 1)
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{username} {url} ({name}) -> {response.status_code}")
            if response.status_code != 200 or response.streaming:
                continue
            body = response.content.decode(errors="ignore")
            if any(email in body for email in emails):
                seen_by.add(username)
    assert failures == []
    # The walk does reach contact details (so the reader's check below can fail) ...
    assert "consultant" in seen_by
    # ... and a reader never receives them, on any page.
    assert "lezer" not in seen_by


# --- Step 1: the policy library -------------------------------------------------------------


def test_demo_library_is_loaded_once_with_real_files(demo_db):
    documents = PolicyDocument.objects.all()
    assert documents.count() == 25
    assert set(documents.values_list("level", flat=True)) == set(Level.values)
    assert not documents.exclude(extraction=Extraction.TEXT).exists()  # text read from each file
    assert {d.file.name.rsplit(".", 1)[1] for d in documents} == {"pdf", "docx"}
    for document in documents:
        assert 2 <= document.passages.count() <= 5
        assert document.themes.exists()
        assert "Fictief" in document.extracted_text
    passages = Passage.objects.count()
    load_demo("--password", "x")
    assert PolicyDocument.objects.count() == 25
    assert Passage.objects.count() == passages


# --- Step 2: stakeholders -------------------------------------------------------------------


def stakeholder_counts() -> tuple[int, ...]:
    models = [Organisation, Contact, Assessment, Interaction, ShortlistEntry]
    return tuple(model.objects.count() for model in models)


def test_the_demo_holds_40_organisations_and_an_approved_shortlist_of_7(demo_db):
    assert Organisation.objects.count() == 40
    assert Organisation.objects.values("sector").distinct().count() == 12
    assert Contact.objects.count() >= 40
    reassessed = Organisation.objects.filter(assessments__isnull=False).values("pk")
    assert Assessment.objects.count() > reassessed.distinct().count()  # some re-assessed
    assert Interaction.objects.exclude(follow_up="").exists()
    approved = ShortlistEntry.objects.filter(decision="approved")
    assert approved.count() == 7
    assert set(approved.values_list("decided_by__username", flat=True)) == {"atlas"}
    assert all("Fictieve" in o.description for o in Organisation.objects.all())
    names = "".join(Organisation.objects.values_list("name", flat=True))
    assert any(ord(char) > 0x400 for char in names)  # several scripts, not only Latin


def test_loading_the_demo_twice_keeps_the_stakeholders(demo_db):
    before = stakeholder_counts()
    Organisation.objects.filter(name="Atheneum Kiel").update(description="Door de gebruiker")
    output = load_demo("--password", PASSWORD)
    assert stakeholder_counts() == before
    assert Organisation.objects.get(name="Atheneum Kiel").description == "Door de gebruiker"
    assert "+ 0 organisations" in output


# --- Step 3: interviews ---------------------------------------------------------------------


def test_the_demo_holds_seven_coded_interviews_with_every_consent_situation(demo_db):
    interviews = Interview.objects.select_related("consent")
    assert interviews.count() == 7
    scopes = {i.consent.scope for i in interviews}
    assert scopes == {ConsentScope.NAMED, ConsentScope.ANONYMOUS, ConsentScope.NOT_QUOTABLE}
    assert interviews.filter(consent__withdrawn_on__isnull=False).count() == 1
    for transcript in Transcript.objects.all():
        assert 2000 <= len(transcript.text.split()) <= 4000
        assert "Interviewer (fictief):" in transcript.text
    assert Transcript.objects.count() == 6
    assert interviews.filter(transcript__isnull=True, answers__isnull=False).distinct().count() == 1
    for interview in interviews:
        assert 15 <= interview.excerpts.count() <= 30
    for excerpt in Excerpt.objects.all():
        assert excerpt.source.text[excerpt.start : excerpt.end] == excerpt.text
    assert NoteAnswer.objects.exists()
    assert set(
        ShortlistEntry.objects.filter(decision="approved").values_list("progress", flat=True)
    ) == {Progress.INTERVIEWED}


def test_loading_the_demo_twice_keeps_the_interviews(demo_db):
    before = (Interview.objects.count(), Excerpt.objects.count(), Transcript.objects.count())
    load_demo("--password", PASSWORD)
    assert (
        Interview.objects.count(),
        Excerpt.objects.count(),
        Transcript.objects.count(),
    ) == before


def test_the_demo_pages_open_for_each_role(demo_db):
    interview = Interview.objects.filter(transcript__isnull=False).first()
    notes = Interview.objects.filter(transcript__isnull=True).first()
    note = notes.answers.first()
    expected = {
        "consultant": [200] * 7,
        "atlas": [200, 200, 200, 200, 404, 404, 200],
        "lezer": [200, 200, 200, 403, 404, 404, 200],
    }
    urls = ["/interviews/quotes/", "/interviews/positions/", "/interviews/codebook/",
            f"/interviews/{interview.pk}/", f"/interviews/{interview.pk}/transcript/",
            f"/interviews/{notes.pk}/notes/{note.pk}/", "/"]  # fmt: skip
    for username, statuses in expected.items():
        client = client_of(username)
        assert [client.get(url).status_code for url in urls] == statuses, username


# --- Step 4: the workshop -------------------------------------------------------------------


def test_the_demo_holds_a_workshop_with_votes_and_outcomes(demo_db):
    workshop = Workshop.objects.get(title=TITLE)
    assert workshop.state == Workshop.State.CLOSED
    assert workshop.statements.count() == 12
    assert Ballot.objects.filter(workshop=workshop).count() == 15
    assert Vote.objects.filter(statement__workshop=workshop).count() == 12 * 15
    assert workshop.statements.exclude(outcome="").count() >= 9
    reworded = workshop.statements.filter(outcome=Statement.Outcome.REWORDED)
    assert all(statement.reworded_text for statement in reworded)
    assert workshop.statements.filter(theme__isnull=False).count() == 12


def test_loading_the_demo_twice_keeps_the_workshop(demo_db):
    before = list(Vote.objects.order_by("pk").values_list("statement__text", "value"))
    Statement.objects.filter(order=1).update(discussion_notes="Door de gebruiker aangepast")
    output = load_demo("--password", PASSWORD)
    assert list(Vote.objects.order_by("pk").values_list("statement__text", "value")) == before
    assert Workshop.objects.count() == 1
    assert Statement.objects.get(order=1).discussion_notes == "Door de gebruiker aangepast"
    assert "= workshop" in output


def test_the_demo_results_show_consensus_and_division(demo_db):
    workshop = Workshop.objects.get(title=TITLE)
    html = client_of("consultant").get(f"/workshops/{workshop.pk}/results/").content.decode()
    assert "breed gedragen" in html
    assert "breed afgewezen" in html
    assert "verdeeld" in html
    assert "Rol: Communicatie" in html


# --- Each test leaves the demo as it found it ------------------------------------------------


def test_a_tests_writes_do_not_reach_the_next_test_part_1(demo_db):
    Organisation.objects.filter(name="Atheneum Kiel").update(description="Gewijzigd in deel 1")


def test_a_tests_writes_do_not_reach_the_next_test_part_2(demo_db):
    assert Organisation.objects.get(name="Atheneum Kiel").description != "Gewijzigd in deel 1"
