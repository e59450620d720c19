"""Writes that touch several rows or models, each in one transaction."""

from django.db import transaction
from django.utils import timezone

from stakeholders.models import Contact, Decision, Organisation, Progress, ShortlistEntry


@transaction.atomic
def propose_entry(entry: ShortlistEntry, user) -> ShortlistEntry:
    """Add a proposal at the end of the shortlist."""
    last = ShortlistEntry.objects.select_for_update().order_by("-position").first()
    entry.position = (last.position + 1) if last else 1
    entry.proposed_by = user
    entry.save()
    return entry


@transaction.atomic
def move_entry(entry: ShortlistEntry, offset: int) -> None:
    """Move an entry up (-1) or down (+1) and renumber the shortlist 1..n."""
    entries = list(ShortlistEntry.objects.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(entries) if other.pk == entry.pk)
    target = max(0, min(len(entries) - 1, index + offset))
    entries.insert(target, entries.pop(index))
    for position, other in enumerate(entries, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])


@transaction.atomic
def decide_entry(entry: ShortlistEntry, user, decision: str, reason: str) -> ShortlistEntry:
    """Record the Atlas team's approval or rejection, with who and when."""
    entry.decision = decision
    entry.decision_reason = reason.strip()
    entry.decided_by = user
    entry.decided_at = timezone.now()
    entry.save()
    return entry


def reopen_entry_if_changed(entry: ShortlistEntry, changed: list[str]) -> None:
    """A proposal whose organisation, contact or rationale changes needs a new decision."""
    if entry.decision != Decision.PROPOSED and changed:
        entry.decision = Decision.PROPOSED
        entry.decided_by = None
        entry.decided_at = None
        entry.decision_reason = ""


def record_progress(organisation: Organisation, progress: str) -> bool:
    """Public for later steps (interviews, validation): where an approved entry stands now.

    Returns False when the organisation has no approved shortlist entry.
    """
    entry = ShortlistEntry.objects.filter(
        organisation=organisation, decision=Decision.APPROVED
    ).first()
    if entry is None:
        return False
    entry.progress = Progress(progress)
    entry.save(update_fields=["progress"])
    return True


PERSONAL_FIELDS = {"name": "", "function": "", "email": "", "phone": "", "notes": ""}


@transaction.atomic
def delete_contact(contact: Contact) -> None:
    """Delete a contact and erase its personal data from the history (DOMAIN: erasure on
    request). The history keeps that a contact existed, when it changed and by whom."""
    pk = contact.pk
    contact.delete()
    Contact.history.filter(id=pk).update(**PERSONAL_FIELDS)


@transaction.atomic
def delete_organisation(organisation: Organisation) -> None:
    """Delete an organisation with everything it holds; its contacts are erased as above."""
    contact_pks = list(organisation.contacts.values_list("pk", flat=True))
    organisation.delete()
    Contact.history.filter(id__in=contact_pks).update(**PERSONAL_FIELDS)
