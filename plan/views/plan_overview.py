"""Step 7 overviews: the course check, the partner matrix and the timeline (read-only)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atlasplan.permissions import can, require
from plan import course_check, partners, timeline

VIEW, CHANGE = "plan.view", "plan.change"


@require_GET
def course_check_view(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    rules = course_check.check()
    holding, total = course_check.summary(rules)
    context = {
        "rules": rules,
        "holding": holding,
        "total": total,
        "can_change": can(request.user, CHANGE),
        "tab": "check",
    }
    return render(request, "plan/plan/course_check.html", context)


@require_GET
def partner_matrix(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    context = {
        "matrix": partners.build(request.user),
        "can_change": can(request.user, CHANGE),
        "may_open_register": can(request.user, "stakeholders.view"),
        "tab": "partners",
    }
    return render(request, "plan/plan/partners.html", context)


@require_GET
def timeline_view(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    grouping = request.GET.get("group", timeline.GROUP_TARGET)
    context = {
        "timeline": timeline.build(grouping),
        "groupings": timeline.GROUPINGS,
        "tab": "timeline",
    }
    return render(request, "plan/plan/timeline.html", context)
