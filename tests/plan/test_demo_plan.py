"""Steps 5 and 6 of the demo case (`load_demo`): the vision in two versions, the validation
round on v1, the decisions on its objections and the online answer link.

The demo is loaded once for this module, inside a transaction rolled back at the end (as in
``tests/atlasplan/test_demo.py``); each test runs in its own savepoint.
"""

import datetime
import re
from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.html import escape

from atlasplan.evidence import Attribution
from interviews.models import ConsentScope, Interview
from interviews.privacy import consented_quote
from plan import demo_data
from plan.models import (
    OBJECTIONS,
    Ambition,
    AmbitionFeedback,
    AnswerLink,
    DecisionOutcome,
    Endorsement,
    Invitee,
    InviteeState,
    ObjectionDecision,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from plan.models.validation import hash_token
from plan.services import link_for_token
from stakeholders.models import Scope
from tests.conftest import client_for

PASSWORD = "demo-wachtwoord-2"
LINK = re.compile(r"(/plan/validation/answer/([\w-]+)/)")


def versions() -> tuple[VisionVersion, VisionVersion]:
    return VisionVersion.objects.get(number=1), VisionVersion.objects.get(number=2)


def demo_round() -> ValidationRound:
    return ValidationRound.objects.get(title=demo_data.ROUND_TITLE)


def client_of(username: str) -> Client:
    return client_for(User.objects.get(username=username))


# --- Step 5: the vision ---------------------------------------------------------------------


def test_v1_is_validated_and_v2_adopted_by_the_atlas_team(demo_db):
    v1, v2 = versions()
    assert v1.state == VisionState.VALIDATING
    assert v2.state == VisionState.ADOPTED
    assert v2.adopted_by.username == "atlas"
    assert v1.created_at < v2.created_at < v2.adopted_at < timezone.now()
    for version in (v1, v2):
        assert 6 <= version.ambitions.count() <= 8
        assert "## " in version.body  # sections in Markdown
        assert "Fictieve" in version.introduction


def test_every_ambition_cites_evidence_coded_on_its_themes(demo_db):
    for ambition in Ambition.objects.filter(version__number__in=[1, 2]):
        themes = set(ambition.themes.values_list("pk", flat=True))
        assert themes, ambition
        assert ambition.excerpts.count() >= 2, ambition
        assert ambition.statements.exists() or ambition.passages.exists(), ambition
        for excerpt in ambition.excerpts.all():
            assert themes & set(excerpt.themes.values_list("pk", flat=True)), excerpt


def test_every_piece_of_evidence_the_demo_names_is_found_once(demo_db):
    """The evidence is looked up by keys in the other steps' demo data: a change there that
    loses a link shows here."""
    v1, v2 = versions()
    ambitions = {a.title: a for a in [*v1.ambitions.all(), *v2.ambitions.filter(origin=None)]}
    for spec in [*demo_data.AMBITIONS_V1, demo_data.NEW_V2]:
        ambition = ambitions[spec["title"]]
        assert ambition.excerpts.count() == len(spec["excerpts"]), spec["key"]
        assert ambition.statements.count() == len(spec["statements"]), spec["key"]
        assert ambition.passages.count() == len(spec["passages"]), spec["key"]
        texts = [text.lower() for text in ambition.excerpts.values_list("text", flat=True)]
        assert len(set(texts)) == len(texts), spec["key"]  # no sentence cited twice


def test_the_evidence_is_mostly_quotable_and_one_excerpt_is_withdrawn(demo_db):
    v1, _v2 = versions()
    interviews = Interview.objects.filter(excerpts__ambitions__version=v1).select_related("consent")
    consents = [interview.consent for interview in interviews]  # one per linked excerpt
    withdrawn = [consent for consent in consents if consent.withdrawn_on]
    quotable = [c for c in consents if not c.withdrawn_on and c.scope != ConsentScope.NOT_QUOTABLE]
    assert len(withdrawn) == 1
    assert len(quotable) == len(consents) - 1


def test_v2_copies_v1_rewords_merges_one_ambition_and_adds_one(demo_db):
    v1, v2 = versions()
    copies = {a.origin_id: a for a in v2.ambitions.all()}
    added = copies.pop(None)
    assert added.title == "Ontmoeting in de wijk"
    assert added.themes.filter(name="Wonen en buurt").exists()
    assert not v1.ambitions.filter(themes__name="Wonen en buurt").exists()  # the gap v1 left
    originals = {a.pk: a for a in v1.ambitions.all()}
    merged = [a for pk, a in originals.items() if pk not in copies]
    assert [a.title for a in merged] == ["Gelijke kansen op het werk"]
    reworded = [a for pk, a in copies.items() if a.text != originals[pk].text]
    assert len(reworded) == len(copies)  # every ambition kept from v1 changed words
    school = next(a for a in copies.values() if a.title.startswith("Gelijke kansen op school"))
    assert school.themes.filter(name="Werk").exists()  # the merged ambition's themes came along


def test_a_reader_sees_the_adopted_v2_and_not_v1(demo_db):
    v1, v2 = versions()
    reader = client_of("lezer")
    page = reader.get(f"/plan/vision/{v2.pk}/")
    assert page.status_code == 200
    assert "Ontmoeting in de wijk" in page.content.decode()
    assert reader.get(f"/plan/vision/{v1.pk}/").status_code == 404


def test_the_withdrawn_excerpt_shows_only_in_the_research_space(demo_db):
    v1, _v2 = versions()
    withdrawn = v1.ambitions.get(position=2).excerpts.get(
        interview__consent__withdrawn_on__isnull=False
    )
    shown = escape(withdrawn.text)
    assert shown in client_of("consultant").get(f"/plan/vision/{v1.pk}/").content.decode()
    assert shown not in client_of("atlas").get(f"/plan/vision/{v1.pk}/").content.decode()


# --- Step 6: the round on v1 ----------------------------------------------------------------


def test_the_round_on_v1_has_about_twelve_answers_internal_and_external(demo_db):
    v1, _v2 = versions()
    round_ = demo_round()
    assert round_.version == v1
    today = timezone.localdate()
    assert v1.created_at.date() < round_.opens_on < today
    assert round_.is_open and round_.closes_on > today  # the late invitee can still answer
    assert round_.invitees.count() == 14
    responses = ValidationResponse.objects.filter(invitee__round=round_).select_related(
        "invitee__organisation", "respondent"
    )
    assert responses.count() == 12
    scopes = [response.invitee.organisation.scope for response in responses]
    assert scopes.count(Scope.INTERNAL) >= 5 and scopes.count(Scope.EXTERNAL) >= 5
    assert {response.position for response in responses} == set(Endorsement.values)
    for response in responses:
        assert response.respondent.organisation == response.invitee.organisation
        assert round_.opens_on <= response.answered_on < today
        assert response.surprises and response.surprise_themes.exists()
    online = responses.filter(online=True)
    assert online.count() >= 2
    assert not online.filter(submitted_at__isnull=True).exists()


def test_invitee_states_and_dates_agree_with_the_answers(demo_db):
    round_ = demo_round()
    for invitee in round_.invitees.select_related("response"):
        response = getattr(invitee, "response", None)
        if response is None:
            assert invitee.state in {InviteeState.REMINDED, InviteeState.NO_RESPONSE}
            assert invitee.answered_on is None
        else:
            assert invitee.state == InviteeState.ANSWERED
            assert invitee.answered_on == response.answered_on
        if invitee.reminded_on:
            assert invitee.invited_on < invitee.reminded_on
        if invitee.reminded_on and invitee.answered_on:
            assert invitee.reminded_on <= invitee.answered_on
    states = list(round_.invitees.values_list("state", flat=True))
    assert states.count(InviteeState.NO_RESPONSE) == 1
    assert states.count(InviteeState.REMINDED) == 1


def test_most_answers_judge_every_ambition_and_explain_their_objections(demo_db):
    v1, _v2 = versions()
    ambitions = v1.ambitions.count()
    responses = ValidationResponse.objects.filter(invitee__round=demo_round())
    complete = [r for r in responses if r.feedback.count() == ambitions]
    assert len(complete) >= len(responses) - 2
    feedback = AmbitionFeedback.objects.filter(response__invitee__round=demo_round())
    assert set(feedback.values_list("position", flat=True)) == set(Endorsement.values)
    objections = feedback.filter(position__in=OBJECTIONS)
    assert objections.count() >= 10
    assert not objections.filter(comment="").exists()


def test_consent_is_mixed_with_one_not_quotable_and_one_withdrawn_answer(demo_db):
    responses = ValidationResponse.objects.filter(invitee__round=demo_round())
    scopes = list(responses.values_list("consent_scope", flat=True))
    assert scopes.count(ConsentScope.NOT_QUOTABLE) == 1
    assert scopes.count(ConsentScope.NAMED) >= 3 and scopes.count(ConsentScope.ANONYMOUS) >= 3
    assert responses.filter(withdrawn_on__isnull=False).count() == 1


def quote(response: ValidationResponse, text: str, viewer):
    organisation = response.invitee.organisation
    return consented_quote(
        text,
        viewer,
        organisation=organisation,
        people=[contact.name for contact in organisation.contacts.all()],
        scope=response.consent_scope,
        withdrawn=response.withdrawn_on is not None,
    )


def test_the_demo_answers_leave_the_research_space_only_as_their_consent_allows(demo_db):
    atlas, consultant = User.objects.get(username="atlas"), User.objects.get(username="consultant")
    responses = ValidationResponse.objects.filter(invitee__round=demo_round()).select_related(
        "invitee__organisation"
    )
    hidden = responses.filter(consent_scope=ConsentScope.NOT_QUOTABLE) | responses.filter(
        withdrawn_on__isnull=False
    )
    assert hidden.count() == 2
    for response in hidden:
        assert quote(response, response.surprises, atlas) is None
        assert quote(response, response.remarks, atlas) is None
        assert quote(response, response.surprises, consultant).text == response.surprises
    gazet = responses.get(invitee__organisation__name=demo_data.GAZET)
    anonymised = quote(gazet, gazet.remarks, atlas)
    assert anonymised.attribution == Attribution.ANONYMOUS
    assert demo_data.GAZET in gazet.remarks and demo_data.GAZET not in anonymised.text
    named = responses.get(invitee__organisation__name=demo_data.KABINET)
    assert quote(named, named.remarks, atlas).source_label == demo_data.KABINET


# --- Closing the loop: every objection decided in v2 ----------------------------------------


def test_every_objection_of_the_round_is_decided_in_v2(demo_db):
    _v1, v2 = versions()
    objections = AmbitionFeedback.objects.filter(
        response__invitee__round=demo_round(), position__in=OBJECTIONS
    )
    assert not objections.filter(decision__isnull=True).exists()
    decisions = ObjectionDecision.objects.filter(feedback__in=objections)
    assert decisions.count() == objections.count()
    assert set(decisions.values_list("version", flat=True)) == {v2.pk}
    processed = decisions.filter(outcome=DecisionOutcome.PROCESSED)
    rejected = decisions.filter(outcome=DecisionOutcome.REJECTED)
    assert processed.count() > rejected.count() >= 2
    for decision in processed:
        cited = list(decision.ambitions.all())
        assert cited and all(ambition.version == v2 for ambition in cited)
    assert not decisions.filter(explanation="").exists()
    assert ObjectionDecision.objects.filter(ambitions__origin__isnull=True).exists()  # the new one


def test_the_history_tells_who_wrote_what_and_when(demo_db):
    v1, v2 = versions()
    round_ = demo_round()
    first = v1.history.earliest("history_date")
    assert first.history_user.username == "consultant"
    assert first.history_date.date() < round_.opens_on
    adoption = v2.history.get(state=VisionState.ADOPTED)
    assert adoption.history_user.username == "atlas"
    assert adoption.history_date == v2.adopted_at
    for response in ValidationResponse.objects.filter(invitee__round=round_):
        record = response.history.get()
        assert timezone.localdate(record.history_date) == response.answered_on
        assert (record.history_user is None) == response.online  # nobody signs in online


# --- The online answer link ----------------------------------------------------------------


def test_the_printed_answer_link_works_for_the_invitee_that_has_not_answered(demo_db):
    found = LINK.findall(demo_db)
    assert len(found) == 1  # printed once
    path, token = found[0]
    link = link_for_token(token)
    assert link is not None
    assert link.invitee.organisation.name == demo_data.LINK_FOR
    assert link.invitee.round == demo_round()
    assert not ValidationResponse.objects.filter(invitee=link.invitee).exists()
    assert link.expires_on == timezone.localdate() + datetime.timedelta(days=60)
    assert link.token_hash == hash_token(token) != token
    assert not AnswerLink.objects.filter(token_hash=token).exists()
    try:
        resolve(path)
    except Resolver404:
        return  # the online answer page is not in this build yet
    assert Client().get(path).status_code == 200


# --- Loading again --------------------------------------------------------------------------


def counts() -> tuple[int, ...]:
    models = [VisionVersion, ValidationRound, Invitee, ValidationResponse, AmbitionFeedback]
    return tuple(model.objects.count() for model in [*models, ObjectionDecision, AnswerLink])


def test_loading_the_demo_again_changes_nothing_in_the_vision_or_the_round(demo_db):
    before = counts()
    v1, _v2 = versions()
    VisionVersion.objects.filter(pk=v1.pk).update(title="Door de gebruiker aangepast")
    out = StringIO()
    call_command("load_demo", "--password", PASSWORD, stdout=out)
    assert counts() == before
    assert VisionVersion.objects.get(pk=v1.pk).title == "Door de gebruiker aangepast"
    assert "= vision" in out.getvalue()
    assert not LINK.search(out.getvalue())  # a token exists only when its link is made
