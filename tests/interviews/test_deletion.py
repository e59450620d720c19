"""Deleting an interview takes its signed consent form out of media and its research text
out of the history tables; a replaced or cleared consent form leaves no old copy behind."""

from pathlib import Path

import pytest
from django.db import transaction

from interviews.models import Consent, Excerpt, Interview, NoteAnswer, Transcript
from interviews.services import save_note, save_transcript
from tests.interviews.factories import ConsentFactory, ExcerptFactory, TranscriptFactory
from tests.policies.files import pdf_bytes, upload

SECRET = "Amina El Idrissi"


def post_consent(client, pk: int, filename: str, **extra):
    data = {"given": "True", "date": "2026-01-10", "method": "written", "scope": "named", **extra}
    if filename:
        data["form"] = upload(filename, pdf_bytes("Ik stem toe."))
    return client.post(f"/interviews/{pk}/consent/", data)


def files_in(media_root) -> list[str]:
    root = Path(media_root)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def history_rows(interview_id: int) -> dict[str, int]:
    counts = {
        model.__name__: model.history.model.objects.filter(interview_id=interview_id).count()
        for model in (Excerpt, NoteAnswer, Transcript, Consent)
    }
    themes = Excerpt.history.model._meta.get_field("historicalexcerpt_themes").related_model
    counts["themes"] = themes.objects.filter(history__interview_id=interview_id).count()
    return counts


@pytest.fixture
def coded_interview(consultant_client, consultant, theme, media_root):
    """An interview with a signed form, two transcript texts, a note and a coded excerpt."""
    excerpt = ExcerptFactory(transcript=TranscriptFactory(), themes=[theme])
    interview = excerpt.interview
    ConsentFactory(interview=interview)
    post_consent(consultant_client, interview.pk, "toestemming.pdf")
    save_transcript(interview, excerpt.transcript.text + f"\n{SECRET}: Nog iets.", consultant)
    save_note(interview, None, f"{SECRET} vertelde over de wijk.")
    excerpt.memo = f"Sterk citaat van {SECRET}"
    excerpt.save()
    return interview


def test_deleting_an_interview_removes_its_consent_form_and_history(
    consultant_client, coded_interview, media_root, django_capture_on_commit_callbacks
):
    pk = coded_interview.pk
    assert files_in(media_root) == [f"interviews/consent/{pk}/toestemming.pdf"]
    assert all(history_rows(pk).values())  # every kind of research text was recorded

    with django_capture_on_commit_callbacks(execute=True):
        response = consultant_client.post(f"/interviews/{pk}/delete/")

    assert response.status_code == 302
    assert not Interview.objects.filter(pk=pk).exists()
    assert files_in(media_root) == []
    assert history_rows(pk) == dict.fromkeys(history_rows(pk), 0)
    # Who deleted it and when is still on record, without its practical notes.
    deleted = Interview.history.filter(id=pk, history_type="-").get()
    assert deleted.history_user.username == "consultant"


def test_no_history_table_keeps_text_of_a_deleted_interview(
    consultant_client, coded_interview, django_capture_on_commit_callbacks
):
    from django.apps import apps
    from django.db import models

    with django_capture_on_commit_callbacks(execute=True):
        consultant_client.post(f"/interviews/{coded_interview.pk}/delete/")
    for model in apps.get_models():
        if not model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField | models.CharField):
                hits = model.objects.filter(**{f"{field.name}__contains": SECRET})
                assert not hits.exists(), f"{model.__name__}.{field.name}"


def test_a_rolled_back_delete_keeps_the_file(coded_interview, media_root):
    with pytest.raises(RuntimeError), transaction.atomic():
        Interview.objects.get(pk=coded_interview.pk).delete()
        raise RuntimeError("the request failed after the delete")
    assert len(files_in(media_root)) == 1
    assert Interview.objects.filter(pk=coded_interview.pk).exists()


def test_a_replaced_consent_form_leaves_no_old_file(
    consultant_client, coded_interview, media_root, django_capture_on_commit_callbacks
):
    pk = coded_interview.pk
    with django_capture_on_commit_callbacks(execute=True):
        post_consent(consultant_client, pk, "nieuw-formulier.pdf")
    assert files_in(media_root) == [f"interviews/consent/{pk}/nieuw-formulier.pdf"]
    # Saving again without a new file keeps the form.
    with django_capture_on_commit_callbacks(execute=True):
        post_consent(consultant_client, pk, "")
    assert files_in(media_root) == [f"interviews/consent/{pk}/nieuw-formulier.pdf"]


def test_a_cleared_consent_form_is_deleted(
    consultant_client, coded_interview, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_consent(consultant_client, coded_interview.pk, "", **{"form-clear": "on"})
    assert files_in(media_root) == []
    assert not Consent.objects.get(interview=coded_interview).form
