"""Step 7: the communication plan's target groups, objectives, steps, measurements and texts."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list
from atlasplan.permissions import can, require
from interviews import privacy
from interviews.models import Excerpt
from plan.filters_plan import StepFilter, TargetGroupFilter
from plan.forms_plan import (
    MeasurementForm,
    ObjectiveForm,
    PartnerFormSet,
    PlanTextForm,
    StepForm,
    TargetGroupForm,
)
from plan.models import (
    Ambition,
    Measurement,
    Objective,
    PlanSection,
    PlanText,
    Step,
    StepPartner,
    TargetGroup,
)
from plan.models.plan import adopted_version
from plan.terms import MEDIUM_YEARS, SHORT_YEARS
from plan.views import picker
from policies.models import Passage
from workshops.models import Statement

VIEW, CHANGE = "plan.view", "plan.change"
# The database side of Objective.smart_gaps(): an objective missing a measure.
NOT_SMART = (
    Q(objectives__indicator="")
    | Q(objectives__baseline__isnull=True)
    | Q(objectives__target__isnull=True)
    | Q(objectives__deadline__isnull=True)
)


def get_target_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> TargetGroup:
    """The target group (404 if there is none) if the user may do ``action`` (else 403)."""
    require(request.user, VIEW)
    target = get_object_or_404(TargetGroup, pk=pk)
    require(request.user, action, target)
    return target


def get_objective_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Objective:
    require(request.user, VIEW)
    objective = get_object_or_404(Objective.objects.select_related("target_group"), pk=pk)
    require(request.user, action, objective)
    return objective


def get_step_for_user(request: HttpRequest, pk: int, action: str = VIEW, queryset=None) -> Step:
    require(request.user, VIEW)
    queryset = queryset if queryset is not None else Step.objects.select_related("owner_user")
    step = get_object_or_404(queryset, pk=pk)
    require(request.user, action, step)
    return step


def _crumbs(*extra) -> list[tuple[str, str]]:
    return [(reverse("plan:target_list"), _("Communicatieplan")), *extra]


# --- Target groups -------------------------------------------------------------------------


@require_GET
def target_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    base = TargetGroup.objects.annotate(
        objective_count=Count("objectives", distinct=True),
        behaviour_count=Count(
            "objectives", filter=Q(objectives__level=Objective.Level.BEHAVIOUR), distinct=True
        ),
        step_count=Count("objectives__steps", distinct=True),
        not_smart_count=Count("objectives", filter=NOT_SMART, distinct=True),
    )
    filterset = TargetGroupFilter(request.GET, queryset=base)
    context = {
        "filterset": filterset,
        "page_obj": paginate(request, filterset.qs.order_by("position", "name", "pk")),
        "total": TargetGroup.objects.count(),
        "tab": "targets",
    }
    return render_list(request, "plan/plan/target_list.html", context)


def _objectives(target: TargetGroup):
    excerpts = privacy.excerpt_queryset(Excerpt.objects.order_by("pk"))
    return target.objectives.prefetch_related(
        Prefetch("ambitions", queryset=_ambition_queryset()),
        Prefetch("excerpts", queryset=excerpts),
        Prefetch("statements", queryset=Statement.objects.select_related("workshop")),
        Prefetch("passages", queryset=Passage.objects.select_related("document")),
        Prefetch("steps", queryset=Step.objects.order_by("start", "pk")),
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk")),
    )


def _ambition_queryset():
    return Ambition.objects.select_related("version").order_by("position", "pk")


@require_GET
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_target_for_user(request, pk)
    objectives = list(_objectives(target))
    # Each cited excerpt is shown only as this viewer may see it (consent, withdrawal).
    cited = {e.pk: e for o in objectives for e in o.excerpts.all()}
    quotes = privacy.quotes_by_pk(cited.values(), request.user)
    for objective in objectives:
        objective.quotes = [quotes[e.pk] for e in objective.excerpts.all() if e.pk in quotes]
    version = adopted_version()
    context = {
        "target": target,
        "objectives": objectives,
        "adopted_pk": version.pk if version else None,
        "can_change": can(request.user, CHANGE),
        "tab": "targets",
    }
    return render(request, "plan/plan/target_detail.html", context)


@require_http_methods(["GET", "POST"])
def target_create(request: HttpRequest) -> HttpResponse:
    require(request.user, CHANGE)
    position = TargetGroup.objects.count() + 1
    form = TargetGroupForm(request.POST or None, initial={"position": position})
    if form.is_valid():
        target = form.save()
        messages.success(request, _("Doelgroep “%(name)s” is aangemaakt.") % {"name": target})
        return redirect(target)
    return render(request, "plan/plan/target_form.html", {"form": form, "tab": "targets"})


@require_http_methods(["GET", "POST"])
def target_update(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_target_for_user(request, pk, CHANGE)
    form = TargetGroupForm(request.POST or None, instance=target)
    if form.is_valid():
        form.save()
        messages.success(request, _("Doelgroep “%(name)s” is opgeslagen.") % {"name": target})
        return redirect(target)
    context = {"form": form, "target": target, "tab": "targets"}
    return render(request, "plan/plan/target_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_target_for_user(request, pk, CHANGE)
    dependants = list(target.objectives.all())
    if request.method == "POST" and not dependants:
        name = str(target)
        target.delete()
        messages.success(request, _("Doelgroep “%(name)s” is verwijderd.") % {"name": name})
        return redirect("plan:target_list")
    if request.method == "POST":
        messages.error(
            request,
            _("Doelgroep “%(name)s” heeft nog doelstellingen en is niet verwijderd.")
            % {"name": target},
        )
    context = {"target": target, "dependants": dependants, "tab": "targets"}
    status = 409 if request.method == "POST" else 200
    return render(request, "plan/plan/target_confirm_delete.html", context, status=status)


@require_GET
def target_history(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_target_for_user(request, pk)
    return render_history(request, target, parents=_crumbs())


# --- Objectives ----------------------------------------------------------------------------


def _objective_form(
    request: HttpRequest, target: TargetGroup, objective: Objective | None = None
) -> HttpResponse:
    """The objective form with the evidence picker (a search saves nothing, keeps the typing)."""
    searching = picker.is_search(request)
    initial = {"position": target.objectives.count() + 1} if objective is None else None
    form = picker.bind(
        request, ObjectiveForm, multiple={"ambitions"}, initial=initial, instance=objective
    )
    if request.method == "POST" and not searching and form.is_valid():
        form.instance.target_group = target
        saved = form.save()
        if objective:
            message = _("Doelstelling “%(text)s” is opgeslagen.")
        else:
            message = _("Doelstelling “%(text)s” is toegevoegd.")
        messages.success(request, message % {"text": saved})
        return redirect(saved.get_absolute_url())
    context = {"form": form, "target": target, "objective": objective, "tab": "targets"}
    context |= picker.picker_context(request, form)
    if searching and request.htmx:
        return render(request, picker.LISTS, context)
    return render(request, "plan/plan/objective_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def objective_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _objective_form(request, get_target_for_user(request, pk, CHANGE))


@require_http_methods(["GET", "POST"])
def objective_update(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request, pk, CHANGE)
    return _objective_form(request, objective.target_group, objective)


@require_http_methods(["GET", "POST"])
def objective_delete(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request, pk, CHANGE)
    target = objective.target_group
    steps = list(objective.steps.order_by("start", "pk"))
    measurement_count = objective.measurements.count()
    blocked = bool(steps or measurement_count)
    if request.method == "POST" and not blocked:
        text = str(objective)
        objective.delete()
        messages.success(request, _("Doelstelling “%(text)s” is verwijderd.") % {"text": text})
        return redirect(target)
    if request.method == "POST":
        messages.error(request, _("Deze doelstelling wordt nog gebruikt en is niet verwijderd."))
    context = {
        "objective": objective,
        "target": target,
        "steps": steps,
        "measurement_count": measurement_count,
        "blocked": blocked,
        "tab": "targets",
    }
    status = 409 if request.method == "POST" else 200
    return render(request, "plan/plan/objective_confirm_delete.html", context, status=status)


@require_GET
def objective_history(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request, pk)
    crumbs = _crumbs((objective.target_group.get_absolute_url(), objective.target_group.name))
    return render_history(request, objective, parents=crumbs)


# --- Steps ---------------------------------------------------------------------------------


def _step_queryset():
    objectives = Objective.objects.select_related("target_group").order_by("pk")
    partners = StepPartner.objects.select_related("organisation").order_by("organisation__name")
    return Step.objects.select_related("owner_user").prefetch_related(
        Prefetch("objectives", queryset=objectives),
        Prefetch("step_partners", queryset=partners),
    )


@require_GET
def step_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    filterset = StepFilter(request.GET, queryset=_step_queryset())
    context = {
        "filterset": filterset,
        "page_obj": paginate(request, filterset.qs.order_by("start", "title", "pk")),
        "total": Step.objects.count(),
        "short_years": SHORT_YEARS,
        "medium_years": MEDIUM_YEARS,
        "tab": "steps",
    }
    return render_list(request, "plan/plan/step_list.html", context)


@require_GET
def step_detail(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, queryset=_step_queryset())
    context = {
        "step": step,
        "can_change": can(request.user, CHANGE),
        # Readers do not open the stakeholder register: the partner's name, not a link.
        "may_open_register": can(request.user, "stakeholders.view"),
        "tab": "steps",
    }
    return render(request, "plan/plan/step_detail.html", context)


def _save_step(request: HttpRequest, step: Step | None) -> HttpResponse:
    form = StepForm(request.POST or None, instance=step)
    formset = PartnerFormSet(request.POST or None, instance=form.instance, prefix="partners")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            saved = form.save()
            formset.instance = saved
            formset.save()
        messages.success(request, _("Stap “%(title)s” is opgeslagen.") % {"title": saved})
        return redirect(saved)
    context = {"form": form, "formset": formset, "step": step, "tab": "steps"}
    return render(request, "plan/plan/step_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def step_create(request: HttpRequest) -> HttpResponse:
    require(request.user, CHANGE)
    return _save_step(request, None)


@require_http_methods(["GET", "POST"])
def step_update(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, CHANGE)
    return _save_step(request, step)


@require_http_methods(["GET", "POST"])
def step_delete(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, CHANGE)
    if request.method == "POST":
        title = str(step)
        step.delete()
        messages.success(request, _("Stap “%(title)s” is verwijderd.") % {"title": title})
        return redirect("plan:step_list")
    context = {"step": step, "partner_count": step.step_partners.count(), "tab": "steps"}
    return render(request, "plan/plan/step_confirm_delete.html", context)


@require_GET
def step_history(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk)
    return render_history(request, step, parents=_crumbs((reverse("plan:step_list"), _("Stappen"))))


# --- Measurements --------------------------------------------------------------------------


def get_measurement_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Measurement:
    require(request.user, VIEW)
    queryset = Measurement.objects.select_related("objective__target_group")
    measurement = get_object_or_404(queryset, pk=pk)
    require(request.user, action, measurement)
    return measurement


def _measurement_form(request, objective: Objective, measurement=None) -> HttpResponse:
    form = MeasurementForm(request.POST or None, instance=measurement, objective=objective)
    if form.is_valid():
        form.save()
        messages.success(request, _("De meting is opgeslagen."))
        return redirect(objective.get_absolute_url())
    context = {
        "form": form,
        "objective": objective,
        "measurement": measurement,
        "target": objective.target_group,
        "tab": "targets",
    }
    return render(request, "plan/plan/measurement_form.html", context)


@require_http_methods(["GET", "POST"])
def measurement_create(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request, pk, CHANGE)
    return _measurement_form(request, objective)


@require_http_methods(["GET", "POST"])
def measurement_update(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = get_measurement_for_user(request, pk, CHANGE)
    return _measurement_form(request, measurement.objective, measurement)


@require_http_methods(["GET", "POST"])
def measurement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = get_measurement_for_user(request, pk, CHANGE)
    objective = measurement.objective
    if request.method == "POST":
        measurement.delete()
        messages.success(request, _("De meting is verwijderd."))
        return redirect(objective.get_absolute_url())
    context = {
        "measurement": measurement,
        "objective": objective,
        "target": objective.target_group,
        "tab": "targets",
    }
    return render(request, "plan/plan/measurement_confirm_delete.html", context)


# --- The plan's own texts ------------------------------------------------------------------


def _stamp(text: PlanText | None) -> str:
    """Which version of a section a writer saw ("" while it was never written)."""
    return text.updated_at.isoformat() if text else ""


@require_GET
def plan_text_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    texts = {t.key: t for t in PlanText.objects.select_related("updated_by")}
    sections = [(key, label, texts.get(key)) for key, label in PlanSection.choices]
    context = {"sections": sections, "can_change": can(request.user, CHANGE), "tab": "texts"}
    return render(request, "plan/plan/plan_text_list.html", context)


def _save_text(key: str, form: PlanTextForm, user) -> PlanText | None:
    """Save the section unless someone saved it since the writer opened it; then return
    that newer version and save nothing."""
    with transaction.atomic():
        current = PlanText.objects.select_for_update().filter(key=key).first()
        if _stamp(current) != form.cleaned_data["seen"]:
            return current or PlanText(key=key)
        text = current or PlanText(key=key)
        text.text = form.cleaned_data["text"]
        text.updated_by = user
        text.save()
    return None


@require_http_methods(["GET", "POST"])
def plan_text_update(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, CHANGE)
    if key not in PlanSection.values:
        raise Http404
    current = PlanText.objects.select_related("updated_by").filter(key=key).first()
    initial = {"text": current.text if current else "", "seen": _stamp(current)}
    form = PlanTextForm(request.POST or None, initial=initial)
    newer = None
    if form.is_valid():
        newer = _save_text(key, form, request.user)
        if newer is None:
            messages.success(request, _("De tekst is opgeslagen."))
            return redirect(f"{reverse('plan:plan_text_list')}#section-{key}")
        # Keep what this writer typed; a second save now knowingly replaces the newer text.
        data = request.POST.copy()
        data["seen"] = _stamp(newer) if newer.pk else ""
        form = PlanTextForm(data)
        form.is_valid()
    context = {
        "form": form,
        "newer": newer,
        "label": PlanSection(key).label,
        "tab": "texts",
    }
    return render(request, "plan/plan/plan_text_form.html", context, status=409 if newer else 200)


@require_GET
def plan_text_history(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, VIEW)
    text = get_object_or_404(PlanText, key=key)
    return render_history(
        request, text, parents=_crumbs((reverse("plan:plan_text_list"), _("Planteksten")))
    )
