"""``manage.py seed_scale``: synthetic data at a tiny factor, on SQLite and PostgreSQL."""

from io import StringIO

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.db.models import F
from django.urls import reverse

from atlasplan.scale import MARK
from atlasplan.search import uses_postgres
from interviews.models import Consent, Excerpt, Interview, Transcript, TranscriptVersion
from policies.models import Passage, PolicyDocument
from stakeholders.models import Assessment, Contact, Interaction, Organisation
from workshops.models import Answer, Statement, Vote, Workshop

# Issue 16's sizes at factor 0.01.
EXPECTED = {
    PolicyDocument: 100,
    Passage: 300,
    Organisation: 20,
    Assessment: 20,
    Contact: 40,
    Interaction: 60,
    Interview: 5,
    Consent: 5,
    Transcript: 4,
    TranscriptVersion: 4,
    Excerpt: 100,
    Workshop: 1,
    Statement: 12,
    Vote: 230,
}


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_scale", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> str:
    return seed("--factor", "0.01")


def test_counts_per_model_follow_the_factor(seeded):
    assert {model: model.objects.count() for model in EXPECTED} == EXPECTED


def test_a_second_run_adds_as_much_again(seeded):
    seed("--factor", "0.01")
    assert Organisation.objects.count() == 40
    assert Vote.objects.count() == 460


def test_everything_is_marked_synthetic(seeded):
    assert not Organisation.objects.exclude(name__contains=MARK).exists()
    assert not PolicyDocument.objects.exclude(title__contains=MARK).exists()
    assert not Workshop.objects.exclude(title__contains=MARK).exists()


def test_excerpts_point_into_their_transcript(seeded):
    excerpts = Excerpt.objects.select_related("transcript")
    assert excerpts.count() == 100
    for excerpt in excerpts:
        assert excerpt.transcript.interview_id == excerpt.interview_id
        assert 0 <= excerpt.start < excerpt.end <= len(excerpt.transcript.text)
        assert excerpt.transcript.text[excerpt.start : excerpt.end] == excerpt.text
        assert excerpt.themes.exists()


def test_transcripts_are_about_2300_words(seeded):
    for transcript in Transcript.objects.all():
        assert 2300 <= len(transcript.text.split()) <= 2500


def test_consent_is_mixed_so_the_evidence_boundary_has_work(seeded):
    scopes = set(Consent.objects.values_list("scope", flat=True))
    assert {"named", "anonymous"} <= scopes


def test_votes_are_on_the_scale_and_within_their_workshop(seeded):
    assert not Vote.objects.exclude(value__in=Answer.values).exists()
    assert not Vote.objects.exclude(statement__workshop=F("ballot__workshop")).exists()


def test_search_finds_a_common_word(seeded, consultant_client):
    if uses_postgres():  # through the stored vectors
        query = SearchQuery("stad", config="dutch")
        assert PolicyDocument.objects.filter(search=query).count() > 50
        assert Transcript.objects.filter(search=query).count() == 4
    response = consultant_client.get(reverse("policies:document_list"), {"q": "stad"})
    assert response.status_code == 200
    assert MARK in response.content.decode()
    response = consultant_client.get(reverse("interviews:search"), {"q": "stad"})
    assert response.status_code == 200
    page = response.content.decode()
    for interview_pk in Transcript.objects.values_list("interview_id", flat=True):
        assert reverse("interviews:transcript_detail", args=[interview_pk]) in page


@pytest.mark.skipif(not uses_postgres(), reason="stored vectors exist on PostgreSQL only")
def test_stored_vectors_equal_what_a_save_would_store(seeded):
    from interviews.search import update_search_vector as update_transcript
    from policies.search import update_search_vector as update_document

    document, transcript = PolicyDocument.objects.first(), Transcript.objects.first()
    assert document.search and transcript.search
    update_document(document.pk)
    update_transcript(transcript.pk)
    document_after = PolicyDocument.objects.get(pk=document.pk)
    assert document_after.search == document.search
    assert Transcript.objects.get(pk=transcript.pk).search == transcript.search


def test_every_step_opens_for_a_consultant_on_the_seeded_data(seeded, consultant_client):
    interview = Interview.objects.filter(transcript__isnull=False).first()
    workshop = Workshop.objects.get()
    urls = [
        reverse("dashboard"),
        reverse("policies:document_list"),
        reverse("policies:policy_map"),
        reverse("policies:document_detail", args=[PolicyDocument.objects.first().pk]),
        reverse("stakeholders:organisation_list"),
        reverse("stakeholders:organisation_grid"),
        reverse("stakeholders:contact_list"),
        reverse("stakeholders:interaction_list"),
        reverse("stakeholders:organisation_detail", args=[Organisation.objects.first().pk]),
        reverse("interviews:interview_list"),
        reverse("interviews:interview_detail", args=[interview.pk]),
        reverse("interviews:transcript_detail", args=[interview.pk]),
        reverse("interviews:quote_bank"),
        reverse("interviews:position_map"),
        reverse("workshops:workshop_list"),
        reverse("workshops:workshop_detail", args=[workshop.pk]),
        reverse("workshops:workshop_results", args=[workshop.pk]),
        reverse("plan:vision_list"),
        reverse("plan:validation_list"),
        reverse("plan:target_list"),
        reverse("plan:step_list"),
    ]
    for url in urls:
        assert consultant_client.get(url).status_code == 200, url


def test_refuses_a_database_with_real_data_unless_forced(db):
    Organisation.objects.create(name="Vzw De Wijk", sector="civil_society")
    with pytest.raises(CommandError, match="--force"):
        seed("--factor", "0.01")
    assert PolicyDocument.objects.count() == 0
    seed("--factor", "0.01", "--force")
    assert Organisation.objects.count() == 21


@pytest.mark.parametrize("factor", ["0", "-1", "100"])
def test_refuses_a_factor_out_of_range(db, factor):
    with pytest.raises(CommandError, match="--factor"):
        seed("--factor", factor)
    assert Organisation.objects.count() == 0
