"""The dashboard card of step 2: the shortlist's state and what to do next."""

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card
from stakeholders.models import Decision, Interaction, Shortlist, ShortlistEntry


def card(request: HttpRequest) -> Card:
    target = Shortlist.current().target_size
    counts = ShortlistEntry.objects.aggregate(
        approved=Count("pk", filter=Q(decision=Decision.APPROVED)),
        proposed=Count("pk", filter=Q(decision=Decision.PROPOSED)),
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
    return Card(state=state, next_action=action, next_url=url, count=counts["approved"])


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
