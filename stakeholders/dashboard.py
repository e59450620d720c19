"""The dashboard card of step 2: the shortlist's state and what to do next."""

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card, Progress
from stakeholders.models import Decision, Interaction, Shortlist, ShortlistEntry


def card(request: HttpRequest) -> Card:
    target = Shortlist.current().target_size
    counts = ShortlistEntry.objects.aggregate(
        approved=Count("pk", filter=Q(decision=Decision.APPROVED)),
        proposed=Count("pk", filter=Q(decision=Decision.PROPOSED)),
        rejected=Count("pk", filter=Q(decision=Decision.REJECTED)),
    )
    overdue = Interaction.objects.overdue().count()
    state = _("%(approved)s van %(target)s goedgekeurd") % {
        "approved": counts["approved"],
        "target": target,
    }
    if overdue:
        state += "; " + ngettext(
            "%(count)s opvolging te laat", "%(count)s opvolgingen te laat", overdue
        ) % {"count": overdue}
    action, url = _next_action(request, counts, target, overdue)
    return Card(
        state=state,
        next_action=action,
        next_url=url,
        count=counts["approved"],
        progress=_progress(counts, target),
        todo=_todo(request, counts),
        warning=_warning(counts, target),
    )


def _progress(counts: dict, target: int) -> str:
    """Done when the shortlist is approved: the target reached and no proposal open."""
    if counts["approved"] >= target and not counts["proposed"]:
        return Progress.DONE
    if counts["approved"] or counts["proposed"] or counts["rejected"]:
        return Progress.STARTED
    return Progress.NOT_STARTED


def _todo(request: HttpRequest, counts: dict) -> str | None:
    if not counts["proposed"] or not can(request.user, "stakeholders.approve_shortlist"):
        return None
    return ngettext(
        "%(count)s voorstel wacht op uw beslissing",
        "%(count)s voorstellen wachten op uw beslissing",
        counts["proposed"],
    ) % {"count": counts["proposed"]}


def _warning(counts: dict, target: int) -> str | None:
    if counts["approved"] <= target:
        return None
    return _(
        "Meer goedgekeurd dan het streefaantal van %(target)s: herbekijk de shortlist of "
        "verhoog het streefaantal."
    ) % {"target": target}


def _next_action(request: HttpRequest, counts: dict, target: int, overdue: int):
    shortlist = reverse("stakeholders:shortlist_detail")
    if overdue:
        url = reverse("stakeholders:interaction_list") + "?follow_up=overdue"
        return _("Werk de te late opvolgingen af"), url
    if counts["proposed"]:
        if can(request.user, "stakeholders.approve_shortlist"):
            return ngettext(
                "Beslis over %(count)s voorstel",
                "Beslis over %(count)s voorstellen",
                counts["proposed"],
            ) % {"count": counts["proposed"]}, shortlist
        return _("Wacht op de beslissing van het Atlas-team"), shortlist
    missing = target - counts["approved"]
    if missing > 0:
        if not can(request.user, "stakeholders.change"):
            return _("Wacht op nieuwe voorstellen van de consultants"), shortlist
        return ngettext(
            "Stel nog %(count)s stakeholder voor", "Stel nog %(count)s stakeholders voor", missing
        ) % {"count": missing}, shortlist
    return _("Plan de diepte-interviews met de shortlist"), shortlist
