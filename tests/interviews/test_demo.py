from io import StringIO

from django.core.management import call_command

from interviews.models import ConsentScope, Excerpt, Interview, NoteAnswer, Transcript
from stakeholders.models import Progress, ShortlistEntry


def load() -> None:
    call_command("load_demo", "--password", "demo-wachtwoord-1", stdout=StringIO())


def test_the_demo_holds_seven_coded_interviews_with_every_consent_situation(db):
    load()
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


def test_loading_the_demo_twice_changes_nothing(db):
    load()
    before = (Interview.objects.count(), Excerpt.objects.count(), Transcript.objects.count())
    load()
    assert (
        Interview.objects.count(),
        Excerpt.objects.count(),
        Transcript.objects.count(),
    ) == before


def test_the_demo_pages_open_for_each_role(db):
    from django.contrib.auth.models import User

    from tests.conftest import client_for

    load()
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
        client = client_for(User.objects.get(username=username))
        assert [client.get(url).status_code for url in urls] == statuses, username
