"""Writes of steps 5-7 that touch several rows at once."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from atlasplan.permissions import can
from plan.models import AnswerLink, VisionState, VisionVersion
from plan.models.validation import hash_token


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
    if state == VisionState.ADOPTED and not can(user, "vision.adopt"):
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
