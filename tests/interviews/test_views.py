"""Every view per role: allowed (200), hidden (404), forbidden (403), wrong method (405)."""

import datetime
import re

import pytest
from django.urls import reverse

from interviews.models import Status
from stakeholders.models import Decision, Progress
from tests.conftest import client_for
from tests.helpers import queries_for, read_at
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    GuideQuestionFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import (
    ContactFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)


@pytest.fixture
def excerpt(theme, interviewer):
    interview = InterviewFactory(interviewers=[interviewer])
    ConsentFactory(interview=interview)
    return ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme])


def pages(excerpt) -> dict[str, str]:
    pk = excerpt.interview_id
    return {
        "list": "/interviews/",
        "detail": f"/interviews/{pk}/",
        "history": f"/interviews/{pk}/history/",
        "consent_history": f"/interviews/{pk}/consent/history/",
        "guides": "/interviews/guides/",
        "quotes": "/interviews/quotes/",
        "positions": "/interviews/positions/",
        "cell": f"/interviews/positions/org-{excerpt.interview.organisation_id}/{excerpt.themes.first().pk}/",
        "codebook": "/interviews/codebook/",
        "search": "/interviews/search/?q=stad",
    }


RAW = ["transcript", "transcript_history", "excerpt_history"]


def raw_pages(excerpt) -> dict[str, str]:
    pk = excerpt.interview_id
    return {
        "transcript": f"/interviews/{pk}/transcript/",
        "transcript_history": f"/interviews/{pk}/transcript/history/",
        "excerpt_history": f"/interviews/excerpts/{excerpt.pk}/history/",
    }


def test_consultant_opens_every_page(consultant_client, excerpt):
    for name, url in {**pages(excerpt), **raw_pages(excerpt)}.items():
        assert consultant_client.get(url).status_code == 200, name
    pk = excerpt.interview_id
    for url in [f"/interviews/{pk}/edit/", f"/interviews/{pk}/consent/", f"/interviews/{pk}/transcript/edit/",
                f"/interviews/{pk}/notes/", "/interviews/new/", "/interviews/guides/new/",
                f"/interviews/excerpts/{excerpt.pk}/edit/", f"/interviews/excerpts/{excerpt.pk}/delete/",
                f"/interviews/{pk}/delete/"]:  # fmt: skip
        assert consultant_client.get(url).status_code == 200, url


def test_interviewer_reads_the_raw_transcript(interviewer, excerpt):
    client = client_for(interviewer)
    for name, url in raw_pages(excerpt).items():
        if name != "excerpt_history":
            assert client.get(url).status_code == 200, name


def test_atlas_member_not_interviewer_gets_404_on_raw_material(atlas_client, excerpt):
    for name, url in raw_pages(excerpt).items():
        assert atlas_client.get(url).status_code == 404, name
    assert atlas_client.get(f"/interviews/{excerpt.interview_id}/notes/").status_code == 404
    html = atlas_client.get(f"/interviews/{excerpt.interview_id}/").content.decode()
    assert "Transcript lezen en coderen" not in html


def test_atlas_member_may_read_but_not_change(atlas_client, excerpt):
    for name, url in pages(excerpt).items():
        assert atlas_client.get(url).status_code == 200, name
    assert atlas_client.get("/interviews/new/").status_code == 403
    assert atlas_client.get(f"/interviews/{excerpt.interview_id}/edit/").status_code == 403
    assert atlas_client.get(f"/interviews/{excerpt.interview_id}/consent/").status_code == 403


def test_reader_opens_only_the_anonymised_results(reader_client, excerpt):
    urls = pages(excerpt)
    for name in ["quotes", "positions", "codebook", "search"]:
        assert reader_client.get(urls[name]).status_code == 200, name
    assert reader_client.get(urls["list"]).url == reverse("interviews:quote_bank")
    for name in ["detail", "history", "guides"]:
        assert reader_client.get(urls[name]).status_code == 403, name
    for name, url in raw_pages(excerpt).items():
        assert reader_client.get(url).status_code == 404, name
    assert reader_client.get("/interviews/export.qdpx").status_code == 403


def test_administrator_has_no_research_rights(admin_client_, excerpt):
    for name, url in pages(excerpt).items():
        assert admin_client_.get(url).status_code == 403, name
    for name, url in raw_pages(excerpt).items():
        assert admin_client_.get(url).status_code == 404, name


def test_writes_refuse_get(consultant_client, excerpt):
    pk = excerpt.interview_id
    for url in [f"/interviews/{pk}/excerpts/new/", f"/interviews/{pk}/notes/save/",
                f"/interviews/guides/{GuideQuestionFactory().guide_id}/copy/"]:  # fmt: skip
        assert consultant_client.get(url).status_code == 405, url
    assert consultant_client.put("/interviews/quotes/").status_code == 405


def test_planning_an_interview_moves_the_shortlist_entry(consultant_client, consultant):
    organisation = OrganisationFactory(name="Moskeefederatie")
    entry = ShortlistEntryFactory(organisation=organisation, decision=Decision.APPROVED,
                                  decided_at="2026-01-01T10:00Z")  # fmt: skip
    response = consultant_client.post(
        "/interviews/new/",
        {"organisation": organisation.pk, "held_at": "2026-12-01T10:00", "mode": "video",
         "status": Status.PLANNED, "interviewers": [consultant.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.progress == Progress.INTERVIEW_PLANNED
    interview = organisation.interviews.get()
    url = f"/interviews/{interview.pk}/edit/"
    consultant_client.post(
        url,
        {"organisation": organisation.pk, "held_at": "2026-12-01T10:00", "mode": "video",
         "status": Status.HELD, "interviewers": [consultant.pk],
         "read_at": read_at(consultant_client, url)},
    )  # fmt: skip
    entry.refresh_from_db()
    assert entry.progress == Progress.INTERVIEWED


def test_approved_shortlist_organisations_are_offered_first(consultant_client):
    OrganisationFactory(name="Aaa niet op de shortlist")
    ShortlistEntryFactory(organisation=OrganisationFactory(name="Zzz goedgekeurd"),
                          decision=Decision.APPROVED, decided_at="2026-01-01T10:00Z")  # fmt: skip
    html = consultant_client.get("/interviews/new/").content.decode()
    assert html.index("Zzz goedgekeurd") < html.index("Aaa niet op de shortlist")


def test_guide_is_created_ordered_and_copied(consultant_client):
    response = consultant_client.post(
        "/interviews/guides/new/",
        {"title": "Leidraad stakeholders", "questions": "Eerste?\n\nTweede?"},
    )
    guide_url = response.url
    html = consultant_client.get(guide_url).content.decode()
    assert html.index("Eerste?") < html.index("Tweede?")
    pk = int(guide_url.rstrip("/").rsplit("/", 1)[-1])
    copy = consultant_client.post(f"/interviews/guides/{pk}/copy/").url
    assert "Tweede?" in consultant_client.get(copy).content.decode()
    assert "Kopie van Leidraad stakeholders" in consultant_client.get(copy).content.decode()


def test_consent_withdrawal_is_recorded_with_history(consultant_client, excerpt):
    pk = excerpt.interview_id
    response = consultant_client.post(
        f"/interviews/{pk}/consent/",
        {"given": "True", "date": "2026-01-10", "method": "written", "scope": "named",
         "withdrawn_on": "2026-02-01"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "ingetrokken op" in consultant_client.get(f"/interviews/{pk}/").content.decode()
    history = consultant_client.get(f"/interviews/{pk}/consent/history/").content.decode()
    assert "Ingetrokken op" in history


@pytest.mark.parametrize(
    "who, url",
    [
        ("consultant", "/interviews/quotes/"),
        ("consultant", "/interviews/positions/"),
        ("consultant", "/interviews/"),
        ("atlas_member", "/interviews/quotes/"),
        ("atlas_member", "/interviews/positions/"),
        ("reader", "/interviews/quotes/"),
        ("reader", "/interviews/positions/"),
    ],
)
def test_list_query_counts_do_not_grow_with_rows(who, url, request, theme):
    user = request.getfixturevalue(who)
    client = client_for(user)
    scopes = ["named", "anonymous", "not_quotable"]

    def add(n):
        """Rows taking every branch: by name, anonymised (names masked), the viewer's own
        interview in the research space, a withdrawn one of theirs, hidden."""
        for i in range(n):
            interview = InterviewFactory(interviewers=[user] if i % 2 else [])
            interview.interviewees.set([ContactFactory(organisation=interview.organisation)])
            withdrawn = {"withdrawn_on": datetime.date.today()} if i % 4 == 3 else {}
            ConsentFactory(interview=interview, scope=scopes[i % 3], **withdrawn)
            ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme])

    add(6)
    queries_for(client, url)  # warm caches (content types, sessions)
    before = queries_for(client, url)
    add(10)
    assert queries_for(client, url) == before


def test_interviewees_are_offered_from_the_chosen_organisation(consultant_client):
    from tests.stakeholders.factories import ContactFactory

    mine = ContactFactory(name="Sara Haddad")
    ContactFactory(name="Iemand Anders")
    html = consultant_client.get(
        f"/interviews/new/?organisation={mine.organisation_id}"
    ).content.decode()
    assert "Sara Haddad" in html
    assert "Iemand Anders" not in html
    assert html.count('id="div_id_interviewees"') == 1  # the htmx target and selection


def test_signed_consent_form_is_stored_and_served_only_to_raw_readers(
    consultant_client, atlas_client, excerpt
):
    from tests.policies.files import pdf_bytes, upload

    pk = excerpt.interview_id
    consultant_client.post(
        f"/interviews/{pk}/consent/",
        {"given": "True", "date": "2026-01-10", "method": "written", "scope": "named",
         "form": upload("toestemming.pdf", pdf_bytes("Ik stem toe."))},
    )  # fmt: skip
    assert consultant_client.get(f"/interviews/{pk}/consent/file/").status_code == 200
    assert atlas_client.get(f"/interviews/{pk}/consent/file/").status_code == 404
    refused = consultant_client.post(
        f"/interviews/{pk}/consent/",
        {"given": "True", "date": "2026-01-10", "method": "written", "scope": "named",
         "form": upload("toestemming.pdf", b"geen pdf")},
    )  # fmt: skip
    assert "geen geldig PDF-bestand" in refused.content.decode()


def test_editing_a_guide_keeps_answered_questions_and_reorders(consultant_client):
    from interviews.models import NoteAnswer
    from tests.interviews.factories import GuideFactory

    guide = GuideFactory(title="Leidraad")
    first = GuideQuestionFactory(guide=guide, position=1, text="Een?")
    GuideQuestionFactory(guide=guide, position=2, text="Twee?")
    NoteAnswer.objects.create(interview=InterviewFactory(guide=guide), question=first, text="x")
    url = f"/interviews/guides/{guide.pk}/edit/"
    for questions in ["Twee?\nDrie?", "Drie?\nTwee?\nVier?", "Een?\nDrie?"]:
        data = {"title": "Leidraad", "questions": questions}
        response = consultant_client.post(url, {**data, "read_at": read_at(consultant_client, url)})
        assert response.status_code == 302
    html = consultant_client.get(f"/interviews/guides/{guide.pk}/").content.decode()
    assert html.index("Een?") < html.index("Drie?") and "Twee?" not in html
    first.refresh_from_db()
    assert first.position == 1  # the answered question came back, its notes intact


def test_a_guide_in_use_is_not_deleted(consultant_client, atlas_client):
    from interviews.models import InterviewGuide
    from tests.interviews.factories import GuideFactory

    used, unused = GuideFactory(), GuideFactory()
    InterviewFactory(guide=used)
    assert atlas_client.post(f"/interviews/guides/{unused.pk}/delete/").status_code == 403
    response = consultant_client.post(f"/interviews/guides/{used.pk}/delete/")
    assert "wordt gebruikt door interviews" in response.content.decode()
    assert consultant_client.post(f"/interviews/guides/{unused.pk}/delete/").status_code == 302
    assert list(InterviewGuide.objects.all()) == [used]


HUGE = "9" * 25  # beyond any database integer


def test_huge_ids_are_a_404_or_a_form_error_never_a_500(consultant_client, excerpt):
    row = f"org-{excerpt.interview.organisation_id}"
    pk = excerpt.interview_id
    assert consultant_client.get(f"/interviews/positions/{row}/{HUGE}/history/").status_code == 404
    assert consultant_client.get(f"/interviews/new/?organisation={HUGE}").status_code == 200
    response = consultant_client.post("/interviews/new/", {"organisation": HUGE})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    response = consultant_client.post(
        f"/interviews/{pk}/excerpts/new/",
        {"source": "transcript", "themes": [HUGE], "stance": "neutral", "start": 0, "end": 5},
    )
    assert response.status_code == 400
    assert "themes" in response.context["form"].errors


def test_an_organisation_with_interviews_is_not_deleted_and_says_why(consultant_client, excerpt):
    organisation = excerpt.interview.organisation
    response = consultant_client.post(f"/stakeholders/{organisation.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "wordt nog gebruikt" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.interviews.count() == 1


def test_interview_guides_are_not_open_to_the_administrator_in_the_admin(admin_client_):
    """The admin is for users and roles; the guides are research like every other step's."""
    GuideQuestionFactory(text="Geheime vraag")
    assert admin_client_.get("/admin/interviews/interviewguide/").status_code == 403
    assert "/admin/interviews/" not in admin_client_.get("/admin/").content.decode()


def test_a_follow_up_interview_never_moves_the_shortlist_entry_back(consultant_client, consultant):
    """Planning a second interview, or editing one, after the organisation was interviewed
    (or its validation recorded) must not set the entry back to "Interview gepland"."""
    organisation = OrganisationFactory(name="Moskeefederatie")
    entry = ShortlistEntryFactory(organisation=organisation, decision=Decision.APPROVED,
                                  decided_at="2026-01-01T10:00Z", progress=Progress.INTERVIEWED)  # fmt: skip
    data = {"organisation": organisation.pk, "held_at": "2026-12-01T10:00", "mode": "video",
            "status": Status.PLANNED, "interviewers": [consultant.pk]}  # fmt: skip
    assert consultant_client.post("/interviews/new/", data).status_code == 302
    entry.refresh_from_db()
    assert entry.progress == Progress.INTERVIEWED
    entry.progress = Progress.VALIDATED
    entry.save()
    interview = organisation.interviews.get()
    url = f"/interviews/{interview.pk}/edit/"
    stamp = read_at(consultant_client, url)
    edited = consultant_client.post(url, {**data, "status": Status.HELD, "read_at": stamp})
    assert edited.status_code == 302
    entry.refresh_from_db()
    assert entry.progress == Progress.VALIDATED


def test_notes_page_keeps_a_removed_question_only_where_it_was_answered(consultant_client):
    """A question removed from the guide is kept aside (retired) for the notes typed under
    it; the notes page shows it without a number, and only where answered."""
    from interviews.models import NoteAnswer
    from tests.interviews.factories import GuideFactory

    guide = GuideFactory(title="Leidraad")
    old = GuideQuestionFactory(guide=guide, position=1, text="Oude vraag?")
    answered = InterviewFactory(guide=guide)
    NoteAnswer.objects.create(interview=answered, question=old, text="x")
    other = InterviewFactory(guide=guide)
    url = f"/interviews/guides/{guide.pk}/edit/"
    consultant_client.post(
        url,
        {"title": "Leidraad", "questions": "Nieuw?", "read_at": read_at(consultant_client, url)},
    )
    old.refresh_from_db()
    assert old.retired
    html = consultant_client.get(f"/interviews/{answered.pk}/notes/").content.decode()
    assert "Oude vraag?" in html and ". Oude vraag?" not in html  # shown without a number
    assert "1. Nieuw?" in html
    assert (
        "Oude vraag?"
        not in consultant_client.get(f"/interviews/{other.pk}/notes/").content.decode()
    )


def test_a_new_interview_says_nothing_is_coded_yet(consultant_client, atlas_client, excerpt):
    new = InterviewFactory()
    html = consultant_client.get(f"/interviews/{new.pk}/").content.decode()
    assert "Nog geen fragmenten gecodeerd." in html
    assert "die u hier mag zien" not in html
    coded = consultant_client.get(f"/interviews/{excerpt.interview_id}/").content.decode()
    assert "Nog geen fragmenten gecodeerd." not in coded


def test_consent_is_never_pre_ticked_and_needs_its_answer_and_date(consultant_client):
    from interviews.models import Consent

    interview = InterviewFactory()
    url = f"/interviews/{interview.pk}/consent/"
    html = consultant_client.get(url).content.decode()
    assert "Heeft de geïnterviewde toestemming gegeven?" in html
    assert "checked" not in html  # no answer chosen for the person interviewed
    assert 'name="date" value=' not in html  # and no date assumed
    response = consultant_client.post(url, {"method": "written", "scope": "named"})
    assert response.status_code == 200
    assert not Consent.objects.exists()
    consultant_client.post(
        url, {"given": "True", "date": "2026-01-10", "method": "written", "scope": "named"}
    )
    consent = Consent.objects.get()
    assert consent.given and consent.date == datetime.date(2026, 1, 10)
    consultant_client.post(
        url, {"given": "False", "date": "2026-01-11", "method": "written", "scope": "named"}
    )
    consent.refresh_from_db()
    assert not consent.given
    edit = consultant_client.get(url).content.decode()
    assert re.search(r'value="False"[^>]*checked', edit)  # a stored answer is shown as given
    assert not re.search(r'value="True"[^>]*checked', edit)
