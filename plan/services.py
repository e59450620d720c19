"""Writes of steps 5-7 that touch several rows at once."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from atlasplan.permissions import can
from plan.models import VisionState, VisionVersion


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
