"""An interview is "gecodeerd" as soon as a passage of it is coded: the list and the detail
say so, and the list filters on it."""

import importlib

from django.apps import apps as django_apps

from interviews.models import Interview, Status
from tests.interviews.factories import (
    TRANSCRIPT,
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import OrganisationFactory


def code_first_passage(client, interview, theme):
    start = TRANSCRIPT.index("verhalen over de stad")
    payload = {"source": "transcript", "themes": [theme.pk], "stance": "supportive"}
    payload |= {"start": start, "end": start + 21}
    return client.post(f"/interviews/{interview.pk}/excerpts/new/", payload)


def test_coding_a_passage_marks_the_interview_coded(consultant_client, theme):
    interview = InterviewFactory(organisation=OrganisationFactory(name="Buurtwerk Noord"))
    ConsentFactory(interview=interview)
    consultant_client.post(f"/interviews/{interview.pk}/transcript/edit/", {"text": TRANSCRIPT})
    detail = f"/interviews/{interview.pk}/"
    assert ">Uitgeschreven</dd>" in consultant_client.get(detail).content.decode()

    assert code_first_passage(consultant_client, interview, theme).status_code == 302

    interview.refresh_from_db()
    assert interview.status == Status.CODED
    assert ">Gecodeerd</dd>" in consultant_client.get(detail).content.decode()


def test_the_list_filters_on_coded(consultant_client, theme):
    coded = InterviewFactory(organisation=OrganisationFactory(name="Gecodeerde vzw"))
    ConsentFactory(interview=coded)
    consultant_client.post(f"/interviews/{coded.pk}/transcript/edit/", {"text": TRANSCRIPT})
    code_first_passage(consultant_client, coded, theme)
    uncoded = InterviewFactory(organisation=OrganisationFactory(name="Nog te coderen vzw"))
    html = consultant_client.get("/interviews/?status=coded").content.decode()
    assert f'href="/interviews/{coded.pk}/"' in html
    assert f'href="/interviews/{uncoded.pk}/"' not in html
    assert "Gecodeerd" in consultant_client.get("/interviews/").content.decode()


def test_the_migration_marks_interviews_with_excerpts_coded(theme):
    coded = InterviewFactory(status=Status.TRANSCRIBED)
    ExcerptFactory(transcript=TranscriptFactory(interview=coded), themes=[theme])
    bare = InterviewFactory(status=Status.TRANSCRIBED)
    TranscriptFactory(interview=bare)
    migration = importlib.import_module(
        "interviews.migrations.0006_mark_interviews_with_excerpts_coded"
    )
    migration.mark_coded(django_apps, None)
    assert Interview.objects.get(pk=coded.pk).status == Status.CODED
    assert Interview.objects.get(pk=bare.pk).status == Status.TRANSCRIBED
