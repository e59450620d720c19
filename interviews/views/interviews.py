from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import can, require
from interviews import privacy
from interviews.filters import InterviewFilter
from interviews.forms import (
    ConsentForm,
    InterviewForm,
)
from interviews.models import (
    Consent,
    Transcript,
)
from interviews.services import (
    save_interview,
)
from interviews.views.access import (
    get_interview_for_user,
    get_raw_interview_for_user,
    interview_queryset,
    step_crumb,
)
from stakeholders.pickers import is_refresh, shown_again

SORTS = {"date": "held_at", "organisation": "organisation__name", "status": "status"}


# --- Interviews ----------------------------------------------------------------------------


@require_GET
def interview_list(request: HttpRequest) -> HttpResponse:
    if not can(request.user, "interviews.view"):
        require(request.user, "interviews.view_results")
        return redirect("interviews:quote_bank")  # readers land on the anonymised results
    queryset = interview_queryset().annotate(excerpt_count=Count("excerpts", distinct=True))
    filterset = InterviewFilter(request.GET, queryset=queryset)
    interviews, sort = sort_by(request, filterset.qs, SORTS, default="-date")
    context = {
        "filterset": filterset,
        "page_obj": paginate(request, interviews),
        "sort": sort,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render_list(request, "interviews/interview_list.html", context)


def people(form: InterviewForm) -> dict:
    return {name: form.cleaned_data[name] for name in ["interviewers", "interviewees"]}


@require_http_methods(["GET", "POST"])
def interview_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.change")
    initial = {"interviewers": [request.user.pk]}
    organisation = parse_pk(request.GET.get("organisation"))
    if organisation is not None:  # "Interview plannen" on an organisation's page
        initial["organisation"] = organisation
    form = InterviewForm(request.POST or None, initial=initial)
    if is_refresh(request):  # another organisation chosen: its contacts, nothing saved yet
        return render(request, "interviews/interview_form.html", {"form": shown_again(form)})
    if form.is_valid():
        interview = save_interview(form.save(commit=False), **people(form))
        messages.success(request, _("Het interview is gepland."))
        return redirect(interview)
    return render(request, "interviews/interview_form.html", {"form": form})


@require_GET
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk)
    may_read_raw = privacy.may_read_raw(request.user, interview)
    quotes = privacy.quotes_for(request.user, interview.excerpts.all())
    context = {
        "interview": interview,
        "may_read_raw": may_read_raw,
        "consent": getattr(interview, "consent", None),
        "transcript": Transcript.objects.filter(interview=interview).first()
        if may_read_raw
        else None,
        "answers": interview.answers.select_related("question") if may_read_raw else [],
        # This page names the organisation: a quote it may show only anonymously stays in
        # the quote bank and the position map, where it is not beside that name.
        "quotes": [quote for quote in quotes if not quote.is_anonymous],
        "coded": interview.excerpts.exists(),
    }
    return render(request, "interviews/interview_detail.html", context)


@require_http_methods(["GET", "POST"])
def interview_update(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk, "interviews.change")
    form = InterviewForm(request.POST or None, instance=interview)
    if is_refresh(request):  # another organisation chosen: its contacts, nothing saved yet
        context = {"form": shown_again(form), "interview": interview}
        return render(request, "interviews/interview_form.html", context)
    if form.is_valid():
        save_interview(form.save(commit=False), **people(form))
        messages.success(request, _("Het interview is opgeslagen."))
        return redirect(interview)
    context = {"form": form, "interview": interview}
    return render(request, "interviews/interview_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def interview_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk, "interviews.change")
    if request.method == "POST":
        interview.delete()
        messages.success(request, _("Het interview is verwijderd."))
        return redirect("interviews:interview_list")
    return render(request, "interviews/interview_confirm_delete.html", {"interview": interview})


@require_GET
def interview_history(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk)
    return render_history(request, interview, parents=[step_crumb()])


# --- Consent -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def consent_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk, "interviews.change")
    consent = getattr(interview, "consent", None) or Consent(interview=interview)
    form = ConsentForm(request.POST or None, request.FILES or None, instance=consent)
    if form.is_valid():
        form.save()
        messages.success(request, _("De toestemming is opgeslagen."))
        return redirect(interview)
    return render(request, "interviews/consent_form.html", {"form": form, "interview": interview})


@require_GET
def consent_file(request: HttpRequest, pk: int) -> FileResponse:
    interview = get_raw_interview_for_user(request, pk)
    consent = getattr(interview, "consent", None)
    if consent is None or not consent.form:
        raise Http404
    try:
        handle = consent.form.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=consent.form.name.rsplit("/", 1)[-1])


@require_GET
def consent_history(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk)
    consent = getattr(interview, "consent", None)
    if consent is None:
        raise Http404
    return render_history(request, consent, interview.get_absolute_url(), [step_crumb()])
