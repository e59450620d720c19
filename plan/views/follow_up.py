"""Step 7 follow-up: every objective's traffic light and latest measurement, overdue steps."""

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from atlasplan.lists import paginate, render_list
from atlasplan.permissions import require
from plan.filters_plan import IdModelChoiceFilter
from plan.follow_up import Light, follow_up, lights, objectives_with_measurements, overdue_steps
from plan.models import Objective, TargetGroup
from stakeholders.filters import StyledFilterSet

VIEW = "plan.view"
OVERDUE_LIMIT = 50  # overdue steps listed; the count covers them all


def _unchanged(queryset: QuerySet, name: str, value) -> QuerySet:
    """The light is computed in Python (it depends on the latest measurement)."""
    return queryset


class FollowUpFilter(StyledFilterSet):
    light = django_filters.ChoiceFilter(
        label=_("Verkeerslicht"),
        choices=Light.choices,
        empty_label=_("Elk verkeerslicht"),
        method=_unchanged,
    )
    target_group = IdModelChoiceFilter(
        label=_("Doelgroep"),
        queryset=TargetGroup.objects.all(),
        empty_label=_("Alle doelgroepen"),
    )


@require_GET
def follow_up_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    filterset = FollowUpFilter(request.GET, queryset=objectives_with_measurements())
    objectives = filterset.qs.order_by(
        "target_group__position", "target_group__name", "position", "pk"
    )
    light = filterset.form.cleaned_data.get("light") if filterset.is_valid() else ""
    if light:  # the light needs only the latest measurement, computed in SQL
        found = lights(Objective.objects.filter(pk__in=objectives.values("pk")))
        objectives = objectives.filter(pk__in=[pk for pk, lit in found.items() if lit == light])
    page = paginate(request, objectives)  # measurements are loaded for this page only
    page.object_list = [follow_up(objective) for objective in page.object_list]
    today = timezone.localdate()
    overdue = overdue_steps(today).select_related("owner_user").order_by("end", "pk")
    context = {
        "filterset": filterset,
        "page_obj": page,
        "total": Objective.objects.count(),
        "overdue": overdue[:OVERDUE_LIMIT],
        "overdue_count": overdue.count(),
        "today": today,
        "tab": "follow_up",
    }
    return render_list(request, "plan/plan/follow_up.html", context)
