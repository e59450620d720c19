"""A transcript's text is stored as the current text and once per saved version, not more."""

from django.apps import apps
from django.db import models

from tests.interviews.factories import InterviewFactory


def stored_copies(text: str) -> dict[str, int]:
    """Every row in the database that holds this text, per table."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField):
                count = model._default_manager.filter(**{field.name: text}).count()
                if count:
                    found[model._meta.db_table] = found.get(model._meta.db_table, 0) + count
    return found


def test_a_transcript_save_stores_the_text_once_as_current_and_once_as_a_version(
    consultant_client, db
):
    interview = InterviewFactory()
    url = f"/interviews/{interview.pk}/transcript/edit/"
    first = "Interviewer: Hoe kijkt u naar de stad?\n\nAnna: Met veel verhalen."
    second = first + "\n\nAnna: En nog een aanvulling."
    assert consultant_client.post(url, {"text": first}).status_code == 302
    read_at = consultant_client.get(url).context["form"]["read_at"].value()
    assert consultant_client.post(url, {"text": second, "read_at": read_at}).status_code == 302
    assert stored_copies(second) == {
        "interviews_transcript": 1,
        "interviews_transcriptversion": 1,
    }
    assert stored_copies(first) == {"interviews_transcriptversion": 1}
    history = consultant_client.get(f"/interviews/{interview.pk}/transcript/history/")
    assert "En nog een aanvulling." in history.content.decode()  # the versions page still shows it
