"""Step 5: the vision, its versions and its ambitions with their evidence."""

from functools import cache

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list
from atlasplan.permissions import can, require
from interviews import privacy
from interviews.models import Excerpt
from plan import compare as comparing
from plan import endorsement, services
from plan.compare import Change, compare
from plan.forms import AmbitionForm, VisionVersionForm
from plan.models import (
    Ambition,
    ObjectionDecision,
    VisionState,
    VisionVersion,
)
from plan.overview import overview
from plan.views import picker
from policies.models import Passage
from workshops.models import Statement


def visible_versions(user):
    """Staff see every version; readers only the vastgestelde ones."""
    versions = VisionVersion.objects.all()
    if can(user, "vision.change"):
        return versions
    return versions.filter(state=VisionState.ADOPTED)


def get_version_for_user(
    request: HttpRequest, pk: int, action: str = "vision.view"
) -> VisionVersion:
    """The version if the user may see it (else 404) and do ``action`` to it (else 403)."""
    require(request.user, "vision.view")
    queryset = visible_versions(request.user).select_related("author", "adopted_by")
    version = get_object_or_404(queryset, pk=pk)
    require(request.user, action, version)
    return version


def get_ambition_for_user(request: HttpRequest, pk: int, action: str = "vision.view") -> Ambition:
    require(request.user, "vision.view")
    queryset = Ambition.objects.select_related("version")
    ambition = get_object_or_404(queryset, pk=pk)
    if not visible_versions(request.user).filter(pk=ambition.version_id).exists():
        raise Http404
    require(request.user, action, ambition.version)
    return ambition


def get_ambition_to_change(request: HttpRequest, pk: int) -> tuple[Ambition, HttpResponse | None]:
    """The ambition to edit or delete, and the refusal to return instead when its version is
    no longer concept (a message and the way back to the version)."""
    ambition = get_ambition_for_user(request, pk, "vision.change")
    return ambition, _refuse_locked(request, ambition.version)


def _refuse_locked(request: HttpRequest, version: VisionVersion) -> HttpResponse | None:
    """A clear message and the offer of a new version when ``version`` is no longer concept."""
    if version.is_editable():
        return None
    messages.warning(
        request,
        _(
            "Versie %(number)s is %(state)s en kan niet meer bewerkt worden. "
            "Maak een nieuwe versie om verder te schrijven."
        )
        % {"number": version.number, "state": version.get_state_display()},
    )
    return redirect(version)


# --- Versions ------------------------------------------------------------------------------


@require_GET
def vision_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "vision.view")
    versions = (
        visible_versions(request.user)
        .select_related("author", "adopted_by")
        .annotate(ambition_count=Count("ambitions"))
        .order_by("-number")
    )
    context = {"page_obj": paginate(request, versions)}
    return render_list(request, "plan/vision/version_list.html", context)


def _ambitions(version: VisionVersion):
    excerpts = privacy.excerpt_queryset(Excerpt.objects.order_by("pk"))
    return version.ambitions.select_related("origin__version").prefetch_related(
        "themes",
        Prefetch("excerpts", queryset=excerpts),
        Prefetch("statements", queryset=Statement.objects.select_related("workshop")),
        Prefetch("passages", queryset=Passage.objects.select_related("document")),
    )


@require_GET
def vision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk)
    ambitions = list(_ambitions(version))
    # Each cited excerpt is shown only as this viewer may see it (consent, withdrawal).
    cited = {e.pk: e for a in ambitions for e in a.excerpts.all()}
    quotes = privacy.quotes_by_pk(cited.values(), request.user)
    figures = endorsement.ambition_figures(ambitions, request.user)
    # An ambition not validated itself shows how its earlier wording was received.
    unvalidated = [a for a in ambitions if a.origin and not figures[a.pk].total.total]
    earlier = endorsement.ambition_figures([a.origin for a in unvalidated], request.user)
    for ambition in ambitions:
        ambition.quotes = [quotes[e.pk] for e in ambition.excerpts.all() if e.pk in quotes]
        ambition.endorsement = figures[ambition.pk]  # once validated: its endorsement
        ambition.earlier_endorsement = earlier.get(ambition.origin_id)
    context = {
        "version": version,
        "ambitions": ambitions,
        "states": VisionState,
        "can_change": can(request.user, "vision.change"),
        "can_adopt": can(request.user, "vision.adopt"),
        "previous": _previous(request.user, version),
        "rounds": list(version.rounds.order_by("opens_on", "pk")),
    }
    return render(request, "plan/vision/version_detail.html", context)


@require_http_methods(["GET", "POST"])
def vision_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "vision.change")
    form = VisionVersionForm(request.POST or None)
    if form.is_valid():
        version = form.save(commit=False)
        last = VisionVersion.objects.order_by("-number").first()
        version.number = last.number + 1 if last else 1
        version.author = request.user
        version.save()
        messages.success(
            request, _("Versie %(number)s is aangemaakt.") % {"number": version.number}
        )
        return redirect(version)
    return render(request, "plan/vision/version_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def vision_update(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, "vision.change")
    if refused := _refuse_locked(request, version):
        return refused
    form = VisionVersionForm(request.POST or None, instance=version)
    if form.is_valid():
        form.save()
        messages.success(
            request, _("Versie %(number)s is opgeslagen.") % {"number": version.number}
        )
        return redirect(version)
    context = {"form": form, "version": version}
    return render(request, "plan/vision/version_form.html", context, status=form_status(form))


@require_POST
def vision_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    previous = get_version_for_user(request, pk, "vision.change")
    version = services.new_version(previous, request.user)
    messages.success(
        request,
        _("Versie %(number)s is aangemaakt als kopie van versie %(previous)s.")
        % {"number": version.number, "previous": previous.number},
    )
    return redirect(version)


@require_POST
def vision_state(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, "vision.change")
    state = request.POST.get("state")
    if state not in VisionState.values:
        messages.error(request, _("Deze status bestaat niet."))
        return redirect(version)
    if version.state == VisionState.ADOPTED and not can(request.user, "vision.adopt"):
        messages.error(
            request,
            _(
                "Versie %(number)s is vastgesteld door het Atlas-team: enkel het Atlas-team "
                "kan de status nog wijzigen. Maak een nieuwe versie om verder te schrijven."
            )
            % {"number": version.number},
        )
        return redirect(version)
    if state == VisionState.ADOPTED and not can(request.user, "vision.adopt"):
        raise PermissionDenied
    # Publishing with objections still undecided is allowed, but only on purpose.
    confirmed = state != VisionState.ADOPTED or request.POST.get("confirm")
    if not confirmed and (undecided := endorsement.undecided_before(version)):
        context = {"version": version, "undecided": undecided}
        return render(request, "plan/vision/state_confirm.html", context)
    services.set_state(version, state, request.user)
    messages.success(
        request,
        _("Versie %(number)s is nu %(state)s.")
        % {"number": version.number, "state": version.get_state_display()},
    )
    return redirect(version)


@require_GET
def vision_history(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk)
    crumbs = [(reverse("plan:vision_list"), _("Visie"))]
    return render_history(request, version, parents=crumbs)


# --- Ambitions -----------------------------------------------------------------------------


def _ambition_form(
    request: HttpRequest, version: VisionVersion, ambition: Ambition | None = None
) -> HttpResponse:
    """The ambition form with its evidence picker. A POST with ``_search`` only searches the
    evidence (with htmx: only the lists come back); anything typed stays in the form."""
    searching = picker.is_search(request)
    initial = {"position": version.ambitions.count() + 1} if ambition is None else {}
    form = picker.bind(
        request, AmbitionForm, multiple={"themes"}, initial=initial, instance=ambition
    )
    if request.method == "POST" and not searching and form.is_valid():
        form.instance.version = version
        saved = form.save()
        if ambition:
            message = _("Ambitie “%(title)s” is opgeslagen.")
        else:
            message = _("Ambitie “%(title)s” is toegevoegd.")
        messages.success(request, message % {"title": saved})
        return redirect(version)
    context = {"form": form, "version": version, "ambition": ambition}
    context |= picker.picker_context(request, form)
    if searching and request.htmx:
        return render(request, picker.LISTS, context)
    return render(request, "plan/vision/ambition_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def ambition_create(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, "vision.change")
    if refused := _refuse_locked(request, version):
        return refused
    return _ambition_form(request, version)


@require_http_methods(["GET", "POST"])
def ambition_update(request: HttpRequest, pk: int) -> HttpResponse:
    ambition, refused = get_ambition_to_change(request, pk)
    return refused or _ambition_form(request, ambition.version, ambition)


@require_http_methods(["GET", "POST"])
def ambition_delete(request: HttpRequest, pk: int) -> HttpResponse:
    ambition, refused = get_ambition_to_change(request, pk)
    if refused:
        return refused
    version = ambition.version
    if request.method == "POST":
        title = str(ambition)
        ambition.delete()
        messages.success(request, _("Ambitie “%(title)s” is verwijderd.") % {"title": title})
        return redirect(version)
    context = {"ambition": ambition, "version": version}
    return render(request, "plan/vision/ambition_confirm_delete.html", context)


# --- Evidence overview and comparison ------------------------------------------------------


@require_GET
def vision_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """Per theme: the evidence the research holds against what this version's ambitions use."""
    version = get_version_for_user(request, pk)
    rows = overview(version)
    context = {
        "version": version,
        "rows": rows,
        "ignored": [row for row in rows if row.ignored],
    }
    return render(request, "plan/vision/version_evidence.html", context)


def _previous(user, version: VisionVersion) -> VisionVersion | None:
    earlier = visible_versions(user).filter(number__lt=version.number)
    return earlier.order_by("-number").first()


@require_GET
def vision_compare(request: HttpRequest) -> HttpResponse:
    """Two versions side by side: ``?a=<pk>&b=<pk>`` (``b`` alone: against its predecessor)."""
    require(request.user, "vision.view")
    versions = list(visible_versions(request.user).order_by("-number"))
    given = {key: request.GET.get(key, "") for key in ("a", "b")}
    ids = {key: parse_pk(value) for key, value in given.items()}
    context = {"versions": versions, "chosen": ids}
    bad = [key for key, value in given.items() if value and ids[key] is None]
    if bad or (given["a"] and not given["b"]):
        messages.error(
            request, _("Kies twee versies om te vergelijken: deze keuze kennen we niet.")
        )
        return render(request, "plan/vision/version_compare.html", context, status=400)
    if not ids["b"]:
        return render(request, "plan/vision/version_compare.html", context)
    b = get_version_for_user(request, ids["b"])
    a = get_version_for_user(request, ids["a"]) if ids["a"] else _previous(request.user, b)
    if a is None:
        messages.info(
            request, _("Versie %(number)s heeft geen vorige versie.") % {"number": b.number}
        )
        return render(request, "plan/vision/version_compare.html", context)
    if a.pk == b.pk:
        # Against itself every ambition would count as both removed and added.
        messages.error(request, _("Kies twee verschillende versies om te vergelijken."))
        context["chosen"] = {"a": a.pk, "b": b.pk}
        return render(request, "plan/vision/version_compare.html", context, status=400)
    old, new = sorted([a, b], key=lambda version: version.number)
    comparison = compare(old, new)
    _quote_comments(comparison, request.user)
    context.update(comparison=comparison, chosen={"a": old.pk, "b": new.pk}, changes=Change)
    return render(request, "plan/vision/version_compare.html", context)


def _quote_comments(comparison, viewer) -> None:
    """Each decision's objection comment as the viewer may see it (the answer's consent)."""
    decisions = [d for pair in comparison.pairs for d in pair.decisions] + comparison.rejected
    _quote_decisions(decisions, viewer)


def _quote_decisions(decisions, viewer) -> None:
    sizes = cache(privacy.sector_sizes)  # one query for the page, not one per anonymised quote
    for decision in decisions:
        decision.quote = _comment_quote(decision, viewer, sizes)


@require_GET
def vision_rationale(request: HttpRequest, pk: int) -> HttpResponse:
    """Every decision behind one ambition of a version (``?ambition=<pk>``), or every
    objection the version did not take over, a page at a time (the comparison shows the
    first few)."""
    version = get_version_for_user(request, pk)
    ambition = None
    if "ambition" in request.GET:
        ambition_pk = parse_pk(request.GET["ambition"]) or 0
        ambition = get_object_or_404(version.ambitions, pk=ambition_pk)
        chosen = comparing.decisions().filter(ambitions=ambition)
    else:
        chosen = comparing.rejected_in(version)
    page = paginate(request, chosen)
    _quote_decisions(page.object_list, request.user)
    context = {"version": version, "ambition": ambition, "page_obj": page}
    return render_list(request, "plan/vision/rationale.html", context)


def _comment_quote(decision: ObjectionDecision, viewer, sizes=None):
    feedback = decision.feedback
    response = feedback.response
    organisation = response.invitee.organisation
    people = [contact.name for contact in organisation.contacts.all()]
    if response.respondent:
        people.append(response.respondent.name)
    if response.respondent_name:
        people.append(response.respondent_name)
    return privacy.consented_quote(
        feedback.comment,
        viewer,
        organisation=organisation,
        people=people,
        scope=response.consent_scope,
        withdrawn=response.withdrawn_on is not None,
        sizes=sizes,
        # Research space only (dropped for everyone else): "niet citeerbaar", "ingetrokken".
        consent_label=response.consent_label,
        stance=feedback.position,
        stance_label=str(feedback.get_position_display()),
    )
