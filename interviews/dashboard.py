from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card
from interviews import privacy
from interviews.models import Excerpt, Interview, Status


def card(request: HttpRequest) -> Card:
    """Step 3 on the dashboard: interviews held and coded, and what to do next."""
    if not can(request.user, "interviews.view"):
        quotes = privacy.visible_excerpts(request.user).count()
        state = ngettext("%(count)d citaat", "%(count)d citaten", quotes) % {"count": quotes}
        return Card(state, _("Bekijk de standpunten"), reverse("interviews:position_map"), quotes)
    # coded: marked so, or with coded passages (the status is set by hand and often lags)
    has_excerpts = Exists(Excerpt.objects.filter(interview=OuterRef("pk")))
    totals = Interview.objects.aggregate(
        total=Count("pk"),
        coded=Count("pk", filter=Q(status=Status.CODED) | Q(has_excerpts)),
        planned=Count("pk", filter=Q(status=Status.PLANNED)),
    )
    total = totals["total"]
    state = ngettext(
        "%(total)d interview, %(coded)d gecodeerd",
        "%(total)d interviews, %(coded)d gecodeerd",
        total,
    ) % {"total": total, "coded": totals["coded"]}
    if not total and can(request.user, "interviews.change"):
        return Card(
            state, _("Plan het eerste interview"), reverse("interviews:interview_create"), 0
        )
    if totals["coded"]:
        return Card(state, _("Bekijk de standpunten"), reverse("interviews:position_map"), total)
    return Card(state, _("Bekijk de interviews"), reverse("interviews:interview_list"), total)
