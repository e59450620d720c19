"""A read-only JSON view of the plan (objectives, indicators, measurements, steps), so the
city can follow the plan in its own dashboards.

The same access rules as the pages (``plan.view``); an anonymous visitor is sent to the
login like everywhere else. No quotes or evidence texts: the plan's own fields only.
"""

import datetime
from decimal import Decimal

from django.core.paginator import Page
from django.db.models import Prefetch
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from atlasplan.lists import paginate
from atlasplan.permissions import can
from plan.follow_up import follow_up, objectives_with_measurements
from plan.models import Objective, Step, StepPartner

VIEW = "plan.view"
PER_PAGE = 50


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _share(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _refused(request: HttpRequest) -> JsonResponse | None:
    if can(request.user, VIEW):
        return None
    message = _("U hebt geen toegang tot het communicatieplan.")
    return JsonResponse({"error": message}, status=403)


def _page(request: HttpRequest, page: Page, rows: list[dict]) -> JsonResponse:
    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": rows,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _objectives():
    return objectives_with_measurements().prefetch_related(
        Prefetch("ambitions", to_attr="ambition_list"),
        Prefetch("steps", queryset=Step.objects.order_by("pk"), to_attr="step_list"),
    )


def objective_data(objective: Objective) -> dict:
    result = follow_up(objective)
    group = objective.target_group
    return {
        "id": objective.pk,
        "url": reverse("plan:target_detail", args=[group.pk]) + f"#objective-{objective.pk}",
        "target_group": {
            "id": group.pk,
            "name": group.name,
            "scope": group.scope,
            "outside_constituency": group.outside_constituency,
        },
        "text": objective.text,
        "level": objective.level,
        "level_label": str(objective.get_level_display()),
        "indicator": objective.indicator,
        "baseline": _number(objective.baseline),
        "baseline_on": _day(objective.baseline_on),
        "target": _number(objective.target),
        "unit": objective.unit,
        "deadline": _day(objective.deadline),
        "measured_how": objective.measured_how,
        "smart": not objective.smart_gaps(),
        "smart_missing": [str(gap) for gap in objective.smart_gaps()],
        "ambitions": [ambition.pk for ambition in objective.ambition_list],
        "steps": [step.pk for step in objective.step_list],
        "traffic_light": {
            "code": result.light.value,
            "label": str(result.light.label),
            "progress": _share(result.progress),
            "planned": _share(result.planned),
        },
        "measurements": [
            {
                "date": _day(m.measured_on),
                "value": _number(m.value),
                "source": m.source,
                "note": m.note,
            }
            for m in result.measurements
        ],
    }


def step_data(step: Step) -> dict:
    return {
        "id": step.pk,
        "url": step.get_absolute_url(),
        "title": step.title,
        "kind": step.kind,
        "kind_label": str(step.get_kind_display()),
        "term": step.term,
        "term_label": str(step.get_term_display()),
        "start": _day(step.start),
        "end": _day(step.end),
        "state": step.state,
        "state_label": str(step.get_state_display()),
        "progress": step.progress,
        "owner": step.owner_label,
        "channel": step.channel,
        "budget": _number(step.budget),
        "objectives": [objective.pk for objective in step.objective_list],
        "partners": [
            {"id": p.organisation_id, "name": p.organisation.name, "role": p.role}
            for p in step.step_partners.all()
        ],
    }


@require_GET
def objective_list(request: HttpRequest) -> JsonResponse:
    if refused := _refused(request):
        return refused
    queryset = _objectives().order_by(
        "target_group__position", "target_group__name", "position", "pk"
    )
    page = paginate(request, queryset, PER_PAGE)
    return _page(request, page, [objective_data(o) for o in page])


@require_GET
def objective_detail(request: HttpRequest, pk: int) -> JsonResponse:
    if refused := _refused(request):
        return refused
    objective = _objectives().filter(pk=pk).first()
    if objective is None:
        return JsonResponse({"error": _("Deze doelstelling bestaat niet.")}, status=404)
    return JsonResponse(objective_data(objective), json_dumps_params={"ensure_ascii": False})


@require_GET
def step_list(request: HttpRequest) -> JsonResponse:
    if refused := _refused(request):
        return refused
    partners = StepPartner.objects.select_related("organisation").order_by("organisation__name")
    queryset = (
        Step.objects.select_related("owner_user")
        .prefetch_related(
            Prefetch(
                "objectives", queryset=Objective.objects.order_by("pk"), to_attr="objective_list"
            ),
            Prefetch("step_partners", queryset=partners),
        )
        .order_by("start", "title", "pk")
    )
    page = paginate(request, queryset, PER_PAGE)
    return _page(request, page, [step_data(s) for s in page])
