"""Interview guides: saving keeps answered questions aside (``retired``), copying, counting."""

import pytest
from django.db import IntegrityError, transaction

from interviews.models import GuideQuestion, InterviewGuide, NoteAnswer
from interviews.services import copy_guide, save_guide
from tests.helpers import read_at
from tests.interviews.factories import GuideFactory, GuideQuestionFactory, InterviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_guide():
    """A guide of two questions; the first has notes under it in an interview."""
    guide = GuideFactory(title="Leidraad")
    first = GuideQuestionFactory(guide=guide, position=1, text="Een?")
    GuideQuestionFactory(guide=guide, position=2, text="Twee?")
    NoteAnswer.objects.create(interview=InterviewFactory(guide=guide), question=first, text="x")
    return guide


def texts(guide: InterviewGuide) -> list[str]:
    return list(guide.questions.filter(retired=False).values_list("text", flat=True))


def test_save_guide_takes_an_instance_and_the_questions(answered_guide):
    answered_guide.title = "Nieuwe titel"
    save_guide(answered_guide, ["Drie?", "Twee?"])
    answered_guide.refresh_from_db()
    assert answered_guide.title == "Nieuwe titel"
    assert texts(answered_guide) == ["Drie?", "Twee?"]
    one = GuideQuestion.objects.get(text="Een?")
    assert one.retired and one.answers.exists()  # kept aside for its notes, not in the guide


def test_a_retired_question_comes_back_with_its_notes(answered_guide):
    save_guide(answered_guide, ["Twee?"])
    save_guide(answered_guide, ["Twee?", "Een?"])
    one = GuideQuestion.objects.get(text="Een?")
    assert (one.retired, one.position) == (False, 2)
    assert texts(answered_guide) == ["Twee?", "Een?"]


def test_an_unanswered_removed_question_is_deleted(answered_guide):
    save_guide(answered_guide, ["Een?"])
    assert not GuideQuestion.objects.filter(text="Twee?").exists()


def test_only_questions_in_the_guide_hold_a_position(answered_guide):
    """Two questions in the guide never share a position; retired ones may."""
    save_guide(answered_guide, ["Twee?"])
    GuideQuestionFactory(guide=answered_guide, position=1, text="Ook een", retired=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        GuideQuestionFactory(guide=answered_guide, position=1, text="Botsing")


def test_copy_guide_copies_only_the_questions_in_the_guide(answered_guide):
    save_guide(answered_guide, ["Twee?", "Drie?"])
    copy = copy_guide(answered_guide)
    assert copy.title == "Kopie van Leidraad"
    assert texts(copy) == ["Twee?", "Drie?"]
    assert copy_guide(answered_guide).title == "Kopie 2 van Leidraad"


def test_guide_list_counts_only_the_questions_in_the_guide(consultant_client, answered_guide):
    url = f"/interviews/guides/{answered_guide.pk}/edit/"
    consultant_client.post(
        url, {"title": "Leidraad", "questions": "Drie?", "read_at": read_at(consultant_client, url)}
    )
    html = consultant_client.get("/interviews/guides/").content.decode()
    assert "1 vraag" in html and "2 vragen" not in html


def test_editing_a_guide_offers_only_its_current_questions(consultant_client, answered_guide):
    url = f"/interviews/guides/{answered_guide.pk}/edit/"
    stamp = read_at(consultant_client, url)
    consultant_client.post(url, {"title": "Leidraad", "questions": "Drie?", "read_at": stamp})
    form = consultant_client.get(url).content.decode()
    assert "Drie?" in form and "Een?" not in form


def test_questions_parked_at_10000_plus_id_become_retired(answered_guide):
    """The data migration: a question parked the old way is retired, and back again."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("interviews.migrations.0002_guide_question_retired")
    parked = GuideQuestion.objects.get(text="Een?")
    GuideQuestion.objects.filter(pk=parked.pk).update(position=10_000 + parked.pk)
    migration.flag_parked_questions(apps, None)
    parked.refresh_from_db()
    assert parked.retired and texts(answered_guide) == ["Twee?"]
    migration.park_retired_questions(apps, None)
    parked.refresh_from_db()
    assert (parked.retired, parked.position) == (False, 10_000 + parked.pk)
