"""Writes of steps 5-7 that touch several rows at once."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from atlasplan.permissions import can
from plan.models import (
    AmbitionFeedback,
    AnswerLink,
    Invitee,
    InviteeState,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from plan.models.validation import hash_token
from stakeholders.models import Contact, Decision, Organisation, Progress, ShortlistEntry
from stakeholders.services import record_progress


@transaction.atomic
def new_version(previous: VisionVersion, author) -> VisionVersion:
    """A concept copy of ``previous`` with its ambitions, their themes and evidence links."""
    number = (VisionVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
    version = VisionVersion.objects.create(
        number=number,
        title=previous.title,
        introduction=previous.introduction,
        body=previous.body,
        author=author,
    )
    for ambition in previous.ambitions.prefetch_related(
        "themes", "excerpts", "statements", "passages"
    ):
        links = {
            name: list(getattr(ambition, name).all())
            for name in ("themes", "excerpts", "statements", "passages")
        }
        ambition.origin_id = ambition.pk
        ambition.pk = None
        ambition._state.adding = True
        ambition.version = version
        ambition.save()
        for name, objects in links.items():
            getattr(ambition, name).set(objects)
    return version


@transaction.atomic
def set_state(version: VisionVersion, state: str, user) -> VisionVersion:
    """Move ``version`` to ``state``; only the Atlas team adopts, and who and when is kept."""
    # Undoing an adoption is the Atlas team's decision as much as adopting.
    adoption = VisionState.ADOPTED in {state, version.state}
    if adoption and not can(user, "vision.adopt"):
        raise PermissionDenied
    version.state = state
    if state == VisionState.ADOPTED:
        version.adopted_by, version.adopted_at = user, timezone.now()
    else:
        version.adopted_by, version.adopted_at = None, None
    version.save()
    return version


# --- Step 6: answer links ----------------------------------------------------------------


def issue_answer_link(invitee, expires_on, user) -> tuple[AnswerLink, str]:
    """A personal link for ``invitee`` to answer online; the token is returned once and only
    its hash is stored (as workshop ballots do)."""
    token = secrets.token_urlsafe(32)
    link = AnswerLink.objects.create(
        invitee=invitee, token_hash=hash_token(token), expires_on=expires_on, created_by=user
    )
    return link, token


def link_for_token(token: str) -> AnswerLink | None:
    """The usable link behind ``token`` (not revoked, not expired), or None. Any text is
    accepted: a forged or mangled token simply matches no hash."""
    if not token or len(token) > 200:
        return None
    link = (
        AnswerLink.objects.select_related("invitee__round__version", "invitee__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or not link.is_usable():
        return None
    return link


# --- Step 6: rounds, invitees and responses ------------------------------------------------


def shortlist_invitees() -> list[tuple[Organisation, list[Contact]]]:
    """Every organisation on the approved shortlist, with its proposed contact (or, without
    one, all its contacts): the round's default invitees."""
    entries = (
        ShortlistEntry.objects.filter(decision=Decision.APPROVED)
        .select_related("organisation", "contact")
        .prefetch_related("organisation__contacts")
    )
    return [
        (e.organisation, [e.contact] if e.contact_id else list(e.organisation.contacts.all()))
        for e in entries
    ]


@transaction.atomic
def create_round(round_: ValidationRound, user) -> ValidationRound:
    """Save a new round, invite the shortlist, and put a concept version "in aftoetsing"
    (the stakeholders answer on a text that no longer changes under them)."""
    round_.created_by = user
    round_.save()
    for organisation, contacts in shortlist_invitees():
        invite(round_, organisation, contacts)
    if round_.version.state == VisionState.CONCEPT:
        set_state(round_.version, VisionState.VALIDATING, user)
    return round_


def invite(round_: ValidationRound, organisation: Organisation, contacts=None) -> Invitee:
    invitee = Invitee.objects.create(round=round_, organisation=organisation)
    if contacts is None:
        contacts = organisation.contacts.all()
    invitee.contacts.set(contacts)
    return invitee


def set_round_open(round_: ValidationRound, is_open: bool, user) -> ValidationRound:
    round_.closed_at, round_.closed_by = (None, None) if is_open else (timezone.now(), user)
    round_.save(update_fields=["closed_at", "closed_by", "updated_at"])
    return round_


@transaction.atomic
def save_response(
    response: ValidationResponse, feedback: dict[int, tuple[str, str]], themes, user=None
) -> ValidationResponse:
    """Save ``response`` with its answer per ambition ({ambition pk: (position, comment)};
    an empty position removes that ambition's answer) and mark the invitee answered."""
    if response.pk is None and user is not None and user.is_authenticated:
        response.created_by = user
    response.save()
    if themes is not None:
        response.surprise_themes.set(themes)
    existing = {f.ambition_id: f for f in response.feedback.all()}
    for ambition_pk, (position, comment) in feedback.items():
        row = existing.get(ambition_pk)
        if not position:
            if row is not None:
                row.delete()
            continue
        row = row or AmbitionFeedback(response=response, ambition_id=ambition_pk)
        if row.pk is None or (row.position, row.comment) != (position, comment):
            row.position, row.comment = position, comment
            row.save()
    invitee = response.invitee
    invitee.state, invitee.answered_on = InviteeState.ANSWERED, response.answered_on
    invitee.save(update_fields=["state", "answered_on"])
    # The shortlist shows how far each stakeholder came: this one has validated the vision.
    record_progress(invitee.organisation, Progress.VALIDATED)
    return response


def withdraw_consent(response: ValidationResponse) -> ValidationResponse:
    """The respondent withdraws how they may be quoted: from now on no output quotes them."""
    response.withdrawn_on = max(timezone.localdate(), response.consent_on)
    response.save(update_fields=["withdrawn_on", "updated_at"])
    return response
