"""Step 6: the validation round, its invitees, their responses and online answer links.

Only consultants and the Atlas team open these pages (``validation.change``): they hold
who was asked and what each stakeholder answered, research data. Readers see the round's
anonymised figures on the results pages, not here.
"""

from dataclasses import replace
from functools import cache

import segno
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.history import Change, render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list
from atlasplan.permissions import require
from interviews import privacy
from plan import endorsement, services
from plan.forms_validation import (
    AnswerLinkForm,
    InviteeAddForm,
    InviteeFilter,
    InviteeForm,
    ResponseForm,
    RoundFilter,
    RoundForm,
    default_expiry,
)
from plan.models import (
    AnswerLink,
    Invitee,
    InviteeState,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from stakeholders.models import Contact

RULE = "validation.change"


def get_round_for_user(request: HttpRequest, pk: int) -> ValidationRound:
    require(request.user, RULE)
    queryset = ValidationRound.objects.select_related("version", "closed_by", "created_by")
    return get_object_or_404(queryset, pk=pk)


def get_invitee_for_user(request: HttpRequest, pk: int) -> Invitee:
    require(request.user, RULE)
    queryset = Invitee.objects.select_related("round__version", "organisation")
    return get_object_or_404(queryset, pk=pk)


def get_response_for_user(request: HttpRequest, pk: int) -> ValidationResponse:
    require(request.user, RULE)
    queryset = ValidationResponse.objects.select_related("invitee__round", "invitee__organisation")
    return get_object_or_404(queryset, pk=pk)


def _refuse_closed(request: HttpRequest, round_: ValidationRound) -> HttpResponse | None:
    if round_.is_open:
        return None
    messages.warning(
        request,
        _("De ronde “%(title)s” is afgesloten: heropen ze om nog iets te wijzigen.")
        % {"title": round_},
    )
    return redirect(round_)


# --- Rounds --------------------------------------------------------------------------------


@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    require(request.user, RULE)
    rounds = (
        ValidationRound.objects.select_related("version")
        .annotate(
            invited=Count("invitees", distinct=True),
            answered=Count(
                "invitees", filter=Q(invitees__state=InviteeState.ANSWERED), distinct=True
            ),
        )
        .order_by("-opens_on", "-pk")
    )
    filterset = RoundFilter(request.GET, queryset=rounds)
    context = {
        "filterset": filterset,
        "page_obj": paginate(request, filterset.qs),
        "total": ValidationRound.objects.count(),
        "open_versions": VisionVersion.objects.exclude(state=VisionState.ADOPTED).exists(),
    }
    return render_list(request, "plan/validation/round_list.html", context)


@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    require(request.user, RULE)
    initial = {}
    if version_pk := parse_pk(request.GET.get("version")):
        version = VisionVersion.objects.filter(pk=version_pk).first()
        if version and version.state == VisionState.ADOPTED:
            messages.error(
                request,
                _(
                    "Versie %(number)s is vastgesteld: een aftoetsingsronde kan niet meer. "
                    "Maak een nieuwe versie en toets die af."
                )
                % {"number": version.number},
            )
            return redirect(version)
        if version:
            initial = {"version": version, "title": _("Aftoetsing van %(v)s") % {"v": version}}
    form = RoundForm(request.POST or None, initial=initial)
    if form.is_valid():
        round_ = services.create_round(form.save(commit=False), request.user)
        messages.success(
            request,
            _(
                "De ronde is aangemaakt met %(count)s genodigden van de shortlist. "
                "Versie %(number)s is nu %(state)s."
            )
            % {
                "count": round_.invitees.count(),
                "number": round_.version.number,
                "state": round_.version.get_state_display(),
            },
        )
        return redirect(round_)
    return render(request, "plan/validation/round_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def round_update(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    form = RoundForm(request.POST or None, instance=round_)
    if form.is_valid():
        form.save()
        messages.success(request, _("De ronde is opgeslagen."))
        return redirect(round_)
    context = {"form": form, "round": round_}
    return render(request, "plan/validation/round_form.html", context)


INVITEES_PER_PAGE = 50
INVITEE_ORDER = ("organisation__name", "pk")


def _invitees(round_: ValidationRound):
    return (
        round_.invitees.select_related("organisation", "response")
        .prefetch_related(Prefetch("contacts", queryset=Contact.objects.order_by("name")))
        .order_by(*INVITEE_ORDER)
    )


def _round_counts(round_: ValidationRound) -> dict[str, int]:
    """The whole round's figures (not the page's), counted in one query."""
    counts = round_.invitees.order_by().aggregate(
        invited=Count("pk"),
        answered=Count("pk", filter=Q(state=InviteeState.ANSWERED)),
        online=Count("pk", filter=Q(response__online=True)),
    )
    counts["waiting"] = counts["invited"] - counts["answered"]
    return counts


def invitee_url(invitee: Invitee) -> str:
    """The round page at the page that holds ``invitee`` (unfiltered list), at its row."""
    name = invitee.organisation.name
    before = invitee.round.invitees.filter(
        Q(organisation__name__lt=name) | Q(organisation__name=name, pk__lt=invitee.pk)
    ).count()
    page = before // INVITEES_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"{invitee.round.get_absolute_url()}{query}#invitee-{invitee.pk}"


@require_GET
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    filterset = InviteeFilter(request.GET, queryset=_invitees(round_))
    context = {
        "round": round_,
        "filterset": filterset,
        "page_obj": paginate(request, filterset.qs, per_page=INVITEES_PER_PAGE),
        "counts": _round_counts(round_),
        "add_form": InviteeAddForm(round_=round_),
        "undecided": _undecided_phrase(round_),
    }
    return render_list(request, "plan/validation/round_detail.html", context)


def _undecided_phrase(round_: ValidationRound) -> str:
    figures = endorsement.round_counts(ValidationRound.objects.filter(pk=round_.pk))
    return endorsement.undecided_phrase(figures.get(round_.pk, {}).get("undecided", 0))


def _response(invitee: Invitee) -> ValidationResponse | None:
    return getattr(invitee, "response", None)


@require_POST
def round_state(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    action = request.POST.get("action")
    if action not in {"close", "reopen"}:
        messages.error(request, _("Kies afsluiten of heropenen."))
        return redirect(round_)
    services.set_round_open(round_, action == "reopen", request.user)
    if action == "close":
        message = _("De ronde is afgesloten: antwoorden, ook online, kan niet meer.")
    else:
        message = _("De ronde is heropend: antwoorden kan weer.")
    messages.success(request, message)
    return redirect(round_)


@require_GET
def round_history(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    crumbs = [(reverse("plan:validation_list"), _("Aftoetsing"))]
    return render_history(request, round_, parents=crumbs)


# --- Invitees ------------------------------------------------------------------------------


@require_POST
def invitee_add(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    if refused := _refuse_closed(request, round_):
        return refused
    form = InviteeAddForm(request.POST, round_=round_)
    if not form.is_valid():
        for error in form.errors.get("organisation", []):
            messages.error(request, error)
        return redirect(f"{round_.get_absolute_url()}#invitees")
    invitee = services.invite(round_, form.cleaned_data["organisation"])
    messages.success(
        request,
        _("%(organisation)s is uitgenodigd, met %(count)s contactpersonen.")
        % {"organisation": invitee.organisation, "count": invitee.contacts.count()},
    )
    return redirect(invitee_url(invitee))


@require_http_methods(["GET", "POST"])
def invitee_update(request: HttpRequest, pk: int) -> HttpResponse:
    invitee = get_invitee_for_user(request, pk)
    round_ = invitee.round
    form = InviteeForm(request.POST or None, instance=invitee)
    if form.is_valid():
        form.save()
        messages.success(
            request, _("%(organisation)s is opgeslagen.") % {"organisation": invitee.organisation}
        )
        return redirect(invitee_url(invitee))
    context = {"form": form, "invitee": invitee, "round": round_}
    return render(request, "plan/validation/invitee_form.html", context)


@require_http_methods(["GET", "POST"])
def invitee_delete(request: HttpRequest, pk: int) -> HttpResponse:
    invitee = get_invitee_for_user(request, pk)
    round_ = invitee.round
    if refused := _refuse_closed(request, round_):
        return refused
    if _response(invitee):
        messages.error(
            request,
            _(
                "%(organisation)s heeft al geantwoord: een genodigde met een antwoord "
                "blijft in de ronde."
            )
            % {"organisation": invitee.organisation},
        )
        return redirect(round_)
    if request.method == "POST":
        name = str(invitee.organisation)
        invitee.delete()
        messages.success(request, _("%(organisation)s is geschrapt.") % {"organisation": name})
        return redirect(round_)
    context = {"invitee": invitee, "round": round_}
    return render(request, "plan/validation/invitee_confirm_delete.html", context)


# --- Responses -----------------------------------------------------------------------------


def _ambitions(invitee: Invitee):
    return invitee.round.version.ambitions.order_by("position", "pk")


def _response_page(request, invitee, form, status=200) -> HttpResponse:
    context = {"form": form, "invitee": invitee, "round": invitee.round}
    return render(request, "plan/validation/response_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def response_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new response; when the invitee has one, the edit of that one (exactly one each)."""
    invitee = get_invitee_for_user(request, pk)
    existing = ValidationResponse.objects.filter(invitee=invitee).first()
    if existing is not None:
        message = _(
            "%(organisation)s heeft al een antwoord: u bewerkt dat antwoord "
            "(er is één antwoord per genodigde)."
        ) % {"organisation": invitee.organisation}
        if request.method == "GET":
            messages.info(request, message)
            return redirect("plan:response_update", pk=invitee.pk)
        # Posted on a create form while someone else saved one: keep what was typed.
        messages.warning(request, f"{message} {_('Kijk uw invoer na en sla opnieuw op.')}")
        form = ResponseForm(
            request.POST, instance=existing, invitee=invitee, ambitions=_ambitions(invitee)
        )
        form.is_valid()
        return _response_page(request, invitee, form, status=409)
    return _save_response(request, invitee, None)


@require_http_methods(["GET", "POST"])
def response_update(request: HttpRequest, pk: int) -> HttpResponse:
    invitee = get_invitee_for_user(request, pk)
    response = ValidationResponse.objects.filter(invitee=invitee).first()
    if response is None:
        return redirect("plan:response_create", pk=invitee.pk)
    return _save_response(request, invitee, response)


def _save_response(request, invitee: Invitee, response) -> HttpResponse:
    if refused := _refuse_closed(request, invitee.round):
        return refused
    form = ResponseForm(
        request.POST or None, instance=response, invitee=invitee, ambitions=_ambitions(invitee)
    )
    if form.is_valid():
        saved = form.save(commit=False)
        services.save_response(
            saved, form.feedback(), form.cleaned_data["surprise_themes"], request.user
        )
        messages.success(
            request,
            _("Het antwoord van %(organisation)s is bewaard.")
            % {"organisation": invitee.organisation},
        )
        return redirect(invitee_url(invitee))
    return _response_page(request, invitee, form)


@require_POST
def response_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    response = get_response_for_user(request, pk)
    if response.withdrawn_on:
        messages.info(request, _("De toestemming was al ingetrokken."))
    else:
        services.withdraw_consent(response)
        messages.success(
            request,
            _(
                "De toestemming om %(organisation)s te citeren is ingetrokken: "
                "geen pagina of export toont nog een citaat uit dit antwoord."
            )
            % {"organisation": response.invitee.organisation},
        )
    return redirect("plan:response_update", pk=response.invitee_id)


@require_GET
def response_history(request: HttpRequest, pk: int) -> HttpResponse:
    response = get_response_for_user(request, pk)
    round_ = response.invitee.round
    crumbs = [
        (reverse("plan:validation_list"), _("Aftoetsing")),
        (round_.get_absolute_url(), str(round_)),
    ]
    back = reverse("plan:response_update", args=[response.invitee_id])
    quote = _answer_quoter(response, request.user)
    quoted = {str(ValidationResponse._meta.get_field(name).verbose_name) for name in QUOTED}

    def shown(change: Change) -> Change:
        """The surprises and remarks as the answer's consent lets the viewer see them now
        (a withdrawal hides the earlier texts too): a quote value, or a note."""
        if change.field not in quoted:
            return change
        return replace(change, old=quote(change.old), new=quote(change.new))

    return render_history(request, response, back_url=back, parents=crumbs, shown=shown)


QUOTED = ("surprises", "remarks")


def _answer_quoter(response: ValidationResponse, viewer):
    """A function giving a text of ``response`` as ``viewer`` may see it (people and sector
    sizes looked up once per page)."""
    organisation = response.invitee.organisation
    people = [contact.name for contact in organisation.contacts.all()]
    people += [name for name in [response.respondent_name] if name]
    if response.respondent:
        people.append(response.respondent.name)
    sizes = cache(privacy.sector_sizes)
    hidden = _("(niet getoond: %(consent)s)") % {"consent": response.consent_label}

    def quote(text):
        if not text:
            return text
        shown = privacy.consented_quote(
            text,
            viewer,
            organisation=organisation,
            people=people,
            scope=response.consent_scope,
            withdrawn=response.withdrawn_on is not None,
            sizes=sizes,
            consent_label=response.consent_label,
        )
        return hidden if shown is None else shown

    return quote


# --- Online answer links -------------------------------------------------------------------


def _links_page(request, invitee, form, new_url: str = "", status: int = 200) -> HttpResponse:
    context = {
        "invitee": invitee,
        "round": invitee.round,
        "links": invitee.links.select_related("created_by"),
        "form": form,
        "new_url": new_url,
        "new_qr": _qr_data_uri(new_url) if new_url else "",
        "today": timezone.localdate(),
    }
    return render(request, "plan/validation/answer_links.html", context, status=status)


def _qr_data_uri(url: str) -> str:
    """The QR code inline: the address exists only in this answer, never at another URL."""
    return segno.make(url, error="m").svg_data_uri(scale=5)


@never_cache
@require_http_methods(["GET", "POST"])
def answer_links(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitee's links; a new link's address is shown once, in the answer to its POST
    (only its hash is kept, so it can never be shown again)."""
    invitee = get_invitee_for_user(request, pk)
    if request.method == "GET":
        form = AnswerLinkForm(initial={"expires_on": default_expiry(invitee.round)})
        return _links_page(request, invitee, form)
    if refused := _refuse_closed(request, invitee.round):
        return refused
    form = AnswerLinkForm(request.POST)
    if not form.is_valid():
        return _links_page(request, invitee, form, status=400)
    _link, token = services.issue_answer_link(
        invitee, form.cleaned_data["expires_on"], request.user
    )
    url = request.build_absolute_uri(reverse("plan:answer", args=[token]))
    messages.success(
        request,
        _(
            "De link is aangemaakt. Kopieer hem nu: hij wordt maar één keer getoond "
            "(AtlasPlan bewaart enkel een onherkenbare vingerafdruk)."
        ),
    )
    form = AnswerLinkForm(initial={"expires_on": default_expiry(invitee.round)})
    return _links_page(request, invitee, form, new_url=url)


@require_POST
def answer_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, RULE)
    link = get_object_or_404(AnswerLink.objects.select_related("invitee"), pk=pk)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        messages.success(request, _("De link is ingetrokken: hij opent niets meer."))
    return redirect("plan:answer_links", pk=link.invitee_id)
