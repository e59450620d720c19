"""Step 7 overviews: the course check, the partner matrix and the timeline (read-only)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from atlasplan.permissions import can, require
from atlasplan.search import clean_query
from plan import course_check, partners, timeline

VIEW, CHANGE = "plan.view", "plan.change"


@require_GET
def course_check_view(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    spec = course_check.spec_for(request.GET.get("rule", ""))
    if spec is not None:  # one rule's full list of breaches, paged
        page, breaches = course_check.rule_page(spec, request.GET.get("page"))
        context = {"spec": spec, "page_obj": page, "breaches": breaches, "tab": "check"}
        context["can_change"] = can(request.user, CHANGE)
        return render(request, "plan/plan/course_check_rule.html", context)
    rules = course_check.check(limit=course_check.LIMIT)
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
    """One page of organisations by steps, searchable by name; ``?signal=`` lists one
    signal in full (paged) instead."""
    require(request.user, VIEW)
    context = {
        "can_change": can(request.user, CHANGE),
        "may_open_register": can(request.user, "stakeholders.view"),
        "tab": "partners",
    }
    key = request.GET.get("signal", "")
    if key in partners.SIGNALS and partners.may_see_signal(request.user, key):
        page, items = partners.signal_page(key, request.GET.get("page"))
        context.update({"signal": key, "page_obj": page, "items": items})
        return render(request, "plan/plan/partner_signal.html", context)
    query = clean_query(request.GET.get("q", ""))[:100]
    matrix = partners.build(request.user, query, request.GET.get("page"))
    context.update({"matrix": matrix, "page_obj": matrix.page})
    return render(request, "plan/plan/partners.html", context)


@require_GET
def timeline_view(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    grouping = request.GET.get("group", timeline.GROUP_TARGET)
    grouping = grouping if grouping in timeline.GROUPINGS else timeline.GROUP_TARGET
    band = request.GET.get("band", "")
    steps = timeline.in_band(timeline.steps_queryset(), grouping, band) if band else None
    if steps is None:
        band = ""
    built = timeline.build(
        grouping,
        steps=steps,
        page_number=request.GET.get("page"),
        per_page=timeline.PER_PAGE,
    )
    context = {
        "timeline": built,
        "page_obj": built.page,
        "groupings": timeline.GROUPINGS,
        "bands": timeline.bands(grouping),
        "band": band,
        "tab": "timeline",
    }
    return render(request, "plan/plan/timeline.html", context)
