import difflib

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.history import history_of
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.models import Theme
from atlasplan.permissions import can, require
from interviews import exports, positions, privacy
from interviews.filters import InterviewFilter, QuoteFilter
from interviews.forms import (
    ConsentForm,
    ExcerptForm,
    GuideForm,
    InterviewForm,
    PositionSummaryForm,
    TranscriptForm,
)
from interviews.highlight import highlighted
from interviews.models import (
    Consent,
    Excerpt,
    GuideQuestion,
    Interview,
    InterviewGuide,
    NoteAnswer,
    PositionSummary,
    Transcript,
)
from interviews.search import search_everything
from interviews.services import (
    CodingError,
    create_excerpt,
    require_consent,
    save_interview,
    save_note,
    save_transcript,
)

SORTS = {"date": "held_at", "organisation": "organisation__name", "status": "status"}
MAX_ID_DIGITS = 18  # larger numbers overflow the database's integers: no such object


# --- Access helpers -------------------------------------------------------------------------


def interview_queryset() -> QuerySet:
    return Interview.objects.select_related("organisation", "guide", "consent").prefetch_related(
        "interviewers", "interviewees"
    )


def get_interview_for_user(request: HttpRequest, pk: int, action: str = "interviews.view"):
    require(request.user, "interviews.view")
    interview = get_object_or_404(interview_queryset(), pk=pk)
    require(request.user, action, interview)
    return interview


def get_raw_interview_for_user(request: HttpRequest, pk: int, action: str | None = None):
    """An interview whose raw transcript and notes the user may read; 404 for everyone else."""
    interview = get_object_or_404(interview_queryset(), pk=pk)
    if not privacy.may_read_raw(request.user, interview):
        raise Http404
    if action:
        require(request.user, action, interview)
    return interview


def get_excerpt_for_user(request: HttpRequest, pk: int, action: str = "interviews.code"):
    excerpt = get_object_or_404(
        Excerpt.objects.select_related("interview", "transcript", "note"), pk=pk
    )
    if not privacy.may_read_raw(request.user, excerpt.interview):
        raise Http404
    require(request.user, action, excerpt.interview)
    return excerpt


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
        "filter": filterset,
        "page_obj": paginate(request, interviews),
        "sort": sort,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render_list(request, "interviews/interview_list.html", context)


@require_http_methods(["GET", "POST"])
def interview_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.change")
    initial = {"interviewers": [request.user.pk]}
    organisation = request.GET.get("organisation", "").strip()
    if organisation.isdigit() and len(organisation) <= MAX_ID_DIGITS:  # "Interview plannen"
        initial["organisation"] = int(organisation)
    form = InterviewForm(request.POST or None, initial=initial)
    if form.is_valid():
        interview = save_interview(form, request.user)
        messages.success(request, _("Het interview is gepland."))
        return redirect(interview)
    return render(request, "interviews/interview_form.html", {"form": form})


@require_GET
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk)
    may_read_raw = privacy.may_read_raw(request.user, interview)
    excerpts = privacy.visible_excerpts(
        request.user,
        interview.excerpts.select_related(
            "interview__organisation", "interview__consent"
        ).prefetch_related("themes", "interview__interviewers"),
    )
    context = {
        "interview": interview,
        "may_read_raw": may_read_raw,
        "consent": getattr(interview, "consent", None),
        "transcript": Transcript.objects.filter(interview=interview).first()
        if may_read_raw
        else None,
        # This page names the organisation: a quote it may show only anonymously stays in
        # the quote bank and the position map, where it is not beside that name.
        "quotes": [
            quote
            for quote in privacy.visible_quotes(excerpts, request.user)
            if quote.attribution != privacy.Attribution.ANONYMOUS
        ],
    }
    return render(request, "interviews/interview_detail.html", context)


@require_http_methods(["GET", "POST"])
def interview_update(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview_for_user(request, pk, "interviews.change")
    form = InterviewForm(request.POST or None, instance=interview)
    if form.is_valid():
        save_interview(form, request.user)
        messages.success(request, _("Het interview is opgeslagen."))
        return redirect(interview)
    return render(request, "interviews/interview_form.html", {"form": form, "interview": interview})


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
    context = {
        "object": interview,
        "entries": history_of(interview),
        "back_url": interview.get_absolute_url(),
    }
    return render(request, "atlasplan/history.html", context)


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
    context = {
        "object": consent,
        "entries": history_of(consent),
        "back_url": interview.get_absolute_url(),
    }
    return render(request, "atlasplan/history.html", context)


# --- Transcripts and notes: the raw material, and coding it --------------------------------


@require_http_methods(["GET", "POST"])
def transcript_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    transcript = Transcript.objects.filter(interview=interview).first()
    initial = {"text": transcript.text} if transcript else {}
    form = TranscriptForm(request.POST or None, request.FILES or None, initial=initial)
    if form.is_valid():
        transcript = save_transcript(
            interview, form.cleaned_data["text"], request.user, form.filename
        )
        flagged = transcript.excerpts.filter(anchor="flagged").count()
        messages.success(request, _("Het transcript is opgeslagen."))
        if flagged:
            messages.warning(
                request,
                _(
                    "%(count)d gecodeerde fragmenten werden niet meer teruggevonden en zijn gemarkeerd."
                )
                % {"count": flagged},
            )
        return redirect("interviews:transcript_detail", pk=interview.pk)
    context = {"form": form, "interview": interview, "transcript": transcript}
    return render(request, "interviews/transcript_form.html", context)


def _coding_context(request: HttpRequest, interview: Interview, source, form=None) -> dict:
    excerpts = list(source.excerpts.prefetch_related("themes").select_related("coder"))
    consent = getattr(interview, "consent", None)
    return {
        "interview": interview,
        "source": source,
        "is_transcript": isinstance(source, Transcript),
        "html": highlighted(source.text, excerpts),
        "excerpts": excerpts,
        "flagged": [e for e in excerpts if e.anchor == "flagged"],
        "consent": consent,
        "form": form or ExcerptForm(source_text=source.text),
        "legend": Theme.objects.filter(excerpts__in=excerpts).distinct(),
        "may_code": consent is not None and can(request.user, "interviews.code", interview),
    }


@require_GET
def transcript_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk)
    transcript = get_object_or_404(Transcript, interview=interview)
    return render(
        request, "interviews/coding.html", _coding_context(request, interview, transcript)
    )


@require_GET
def transcript_history(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk)
    transcript = get_object_or_404(Transcript, interview=interview)
    versions = list(transcript.versions.select_related("saved_by"))
    for index, newer in enumerate(versions):
        older = versions[index + 1] if index + 1 < len(versions) else None
        newer.changes = changed_lines(older.text, newer.text) if older else []
    context = {"interview": interview, "transcript": transcript, "versions": versions}
    return render(request, "interviews/transcript_history.html", context)


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    """The paragraphs removed ("-") and added ("+") between two versions of a text."""
    differ = difflib.ndiff(old.splitlines(), new.splitlines())
    return [(line[0], line[2:]) for line in differ if line[:1] in {"-", "+"} and line[2:].strip()]


@require_GET
def notes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    answers = {a.question_id: a for a in interview.answers.all()}
    questions = list(interview.guide.questions.all()) if interview.guide else []
    # A question removed from the guide stays only where notes were typed under it.
    questions = [q for q in questions if q.position < RETIRED or q.pk in answers]
    for question in questions:
        question.number = question.position if question.position < RETIRED else None
    rows = [(q, answers.get(q.pk)) for q in questions]
    context = {"interview": interview, "rows": rows, "free": answers.get(None)}
    return render(request, "interviews/notes_form.html", context)


@require_POST
def note_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Autosave of one answer (htmx); answers only the status, never the textarea."""
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    question_id = request.POST.get("question") or None
    if question_id is not None:
        if (
            not question_id.isdigit()
            or not GuideQuestion.objects.filter(
                pk=question_id, guide_id=interview.guide_id
            ).exists()
        ):
            raise Http404
        question_id = int(question_id)
    answer = save_note(interview, question_id, request.POST.get("text", ""))
    return render(request, "interviews/includes/note_status.html", {"answer": answer})


@require_GET
def note_detail(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk)
    note = get_object_or_404(
        NoteAnswer.objects.select_related("question"), pk=note_pk, interview=interview
    )
    return render(request, "interviews/coding.html", _coding_context(request, interview, note))


def _source_for(interview: Interview, request: HttpRequest):
    kind = request.POST.get("source", "transcript")
    if kind == "transcript":
        return get_object_or_404(Transcript, interview=interview)
    if kind.startswith("note:") and kind[5:].isdigit():
        return get_object_or_404(NoteAnswer, pk=int(kind[5:]), interview=interview)
    raise Http404


@require_POST
def excerpt_create(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.code")
    source = _source_for(interview, request)
    form = ExcerptForm(request.POST, source_text=source.text)
    try:
        require_consent(interview)
    except CodingError as error:
        messages.error(request, str(error))
        return redirect(_source_url(interview, source))
    if form.is_valid():
        try:
            excerpt = create_excerpt(form, interview, source, request.user)
        except CodingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het fragment is gecodeerd."))
            return redirect(f"{_source_url(interview, source)}#excerpt-{excerpt.pk}")
    context = _coding_context(request, interview, source, form)
    return render(request, "interviews/coding.html", context, status=400)


def _source_url(interview: Interview, source) -> str:
    if isinstance(source, Transcript):
        return reverse("interviews:transcript_detail", args=[interview.pk])
    return reverse("interviews:note_detail", args=[interview.pk, source.pk])


@require_http_methods(["GET", "POST"])
def excerpt_update(request: HttpRequest, pk: int) -> HttpResponse:
    excerpt = get_excerpt_for_user(request, pk)
    form = ExcerptForm(request.POST or None, instance=excerpt)
    if form.is_valid():
        form.save()
        messages.success(request, _("Het fragment is opgeslagen."))
        return redirect(f"{excerpt.get_absolute_url()}#excerpt-{excerpt.pk}")
    return render(request, "interviews/excerpt_form.html", {"form": form, "excerpt": excerpt})


@require_http_methods(["GET", "POST"])
def excerpt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    excerpt = get_excerpt_for_user(request, pk)
    if request.method == "POST":
        url = excerpt.get_absolute_url()
        excerpt.delete()
        messages.success(request, _("De codering is verwijderd."))
        return redirect(url)
    return render(request, "interviews/excerpt_confirm_delete.html", {"excerpt": excerpt})


@require_GET
def excerpt_history(request: HttpRequest, pk: int) -> HttpResponse:
    excerpt = get_excerpt_for_user(request, pk, "interviews.view_transcript")
    context = {
        "object": excerpt,
        "entries": history_of(excerpt),
        "back_url": excerpt.get_absolute_url(),
    }
    return render(request, "atlasplan/history.html", context)


@require_GET
def theme_css(request: HttpRequest) -> HttpResponse:
    """One class per theme colour, so highlights need no inline style (strict CSP)."""
    require(request.user, "interviews.view_results")
    rules = [
        f".code-theme-{pk}{{background-color:{colour}40;border-bottom:3px solid {colour}}}"
        f".swatch-theme-{pk}{{background-color:{colour}}}"
        for pk, colour in Theme.objects.values_list("pk", "colour")
    ]
    return HttpResponse("\n".join(rules), content_type="text/css")


# --- Guides --------------------------------------------------------------------------------


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view")
    guides = InterviewGuide.objects.annotate(question_count=Count("questions", distinct=True))
    return render(request, "interviews/guide_list.html", {"guides": guides})


# Questions removed from a guide that already have notes are kept aside (nothing lost)
# at RETIRED + their id, a position no active question uses.
RETIRED = 10_000


@transaction.atomic
def _save_guide(form: GuideForm) -> InterviewGuide:
    guide = form.save()
    questions = form.cleaned_data["questions"]
    existing = list(guide.questions.all())
    if [q.text for q in existing] == questions:
        return guide
    for question in existing:  # move aside so the new order never collides
        question.position = RETIRED + question.pk
        question.save(update_fields=["position"])
    for position, text in enumerate(questions, start=1):
        match = next((q for q in existing if q.text == text and q.position >= RETIRED), None)
        if match:
            match.position = position
            match.save(update_fields=["position"])
        else:
            GuideQuestion.objects.create(guide=guide, position=position, text=text)
    for question in existing:
        if question.position >= RETIRED and not question.answers.exists():
            question.delete()
    return guide


@require_http_methods(["GET", "POST"])
def guide_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.change")
    form = GuideForm(request.POST or None)
    if form.is_valid():
        guide = _save_guide(form)
        messages.success(request, _("De leidraad is opgeslagen."))
        return redirect(guide)
    return render(request, "interviews/guide_form.html", {"form": form})


def get_guide_for_user(request: HttpRequest, pk: int, action: str = "interviews.view"):
    require(request.user, "interviews.view")
    guide = get_object_or_404(InterviewGuide, pk=pk)
    require(request.user, action, guide)
    return guide


@require_GET
def guide_detail(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk)
    questions = guide.questions.filter(position__lt=RETIRED)
    return render(request, "interviews/guide_detail.html", {"guide": guide, "questions": questions})


@require_http_methods(["GET", "POST"])
def guide_update(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk, "interviews.change")
    form = GuideForm(request.POST or None, instance=guide)
    if form.is_valid():
        _save_guide(form)
        messages.success(request, _("De leidraad is opgeslagen."))
        return redirect(guide)
    return render(request, "interviews/guide_form.html", {"form": form, "guide": guide})


@require_POST
def guide_copy(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk, "interviews.change")
    with transaction.atomic():
        title, n = _("Kopie van %(title)s") % {"title": guide.title}, 1
        while InterviewGuide.objects.filter(title=title[:200]).exists():
            n += 1
            title = _("Kopie %(n)d van %(title)s") % {"n": n, "title": guide.title}
        copy = InterviewGuide.objects.create(title=title[:200], description=guide.description)
        for question in guide.questions.filter(position__lt=RETIRED):
            GuideQuestion.objects.create(guide=copy, position=question.position, text=question.text)
    messages.success(request, _("De leidraad is gekopieerd."))
    return redirect(copy)


@require_http_methods(["GET", "POST"])
def guide_delete(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk, "interviews.change")
    in_use = guide.interviews.exists()
    if request.method == "POST":
        if in_use:
            messages.error(
                request, _("Deze leidraad wordt gebruikt door interviews: kopieer of bewerk hem.")
            )
        else:
            guide.delete()
            messages.success(request, _("De leidraad is verwijderd."))
            return redirect("interviews:guide_list")
    return render(
        request, "interviews/guide_confirm_delete.html", {"guide": guide, "in_use": in_use}
    )


@require_GET
def guide_history(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk)
    context = {"object": guide, "entries": history_of(guide), "back_url": guide.get_absolute_url()}
    return render(request, "atlasplan/history.html", context)


# --- Results: quote bank, position map, codebook report, exports, search --------------------


@require_GET
def quote_bank(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    filterset = QuoteFilter(
        request.GET, queryset=privacy.quote_queryset(request.user), user=request.user
    )
    page = paginate(request, filterset.qs)
    context = {
        "filter": filterset,
        "page_obj": page,
        "quotes": privacy.visible_quotes(page.object_list, request.user),
        "filtered": any(v for k, v in request.GET.items() if k != "page"),
    }
    return render_list(request, "interviews/quote_bank.html", context)


@require_GET
def quote_export(request: HttpRequest, fmt: str) -> HttpResponse:
    require(request.user, "interviews.export")
    if fmt not in exports.FORMATS:
        raise Http404
    filterset = QuoteFilter(
        request.GET, queryset=privacy.quote_queryset(request.user), user=request.user
    )
    quotes = privacy.visible_quotes(filterset.qs, request.user)
    return exports.quotes_response(quotes, fmt, request.user)


@require_GET
def project_export(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.export_project")
    return exports.qdpx_response(request.user)


@require_GET
def position_map(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    quotes = privacy.visible_quotes(privacy.quote_queryset(request.user), request.user)
    context = positions.position_map(quotes)
    return render(request, "interviews/position_map.html", context)


@require_http_methods(["GET", "POST"])
def position_cell(request: HttpRequest, row: str, theme_pk: int) -> HttpResponse:
    """The evidence behind one cell of the map, and (for organisations) its written summary."""
    require(request.user, "interviews.view_results")
    theme = get_object_or_404(Theme, pk=theme_pk)
    excerpts = privacy.quote_queryset(request.user).filter(themes=theme)
    quotes = [
        q for q in privacy.visible_quotes(excerpts, request.user) if positions.row_key(q) == row
    ]
    organisation = (
        positions.organisation_of_row(row) if can(request.user, "interviews.view") else None
    )
    summary = form = None
    if organisation is not None:
        summary = PositionSummary.objects.filter(organisation=organisation, theme=theme).first()
        if can(request.user, "interviews.change_summary"):
            instance = summary or PositionSummary(organisation=organisation, theme=theme)
            form = PositionSummaryForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form is None:
            require(request.user, "interviews.change_summary")
            raise Http404
        if form.is_valid():
            summary = form.save(commit=False)
            summary.updated_by = request.user
            summary.save()
            messages.success(request, _("De samenvatting is opgeslagen."))
            return redirect(request.path)
    if not quotes and summary is None and form is None:
        raise Http404
    context = {
        "theme": theme,
        "row_label": positions.row_label(row, quotes, organisation),
        "quotes": quotes,
        "summary": summary,
        "form": form,
        "organisation": organisation,
        "row_key": row,
    }
    return render(request, "interviews/position_cell.html", context)


@require_GET
def organisation_positions(request: HttpRequest, row: str) -> HttpResponse:
    """One organisation's written positions per theme, each with its visible evidence."""
    require(request.user, "interviews.view")
    organisation = positions.organisation_of_row(row)
    if organisation is None:
        raise Http404
    excerpts = privacy.quote_queryset(request.user).filter(interview__organisation=organisation)
    quotes = [
        q for q in privacy.visible_quotes(excerpts, request.user) if positions.row_key(q) == row
    ]
    summaries = {s.theme_id: s for s in organisation.position_summaries.select_related("theme")}
    by_theme: dict[int, list] = {}
    for quote in quotes:
        for theme in quote.excerpt.themes.all():
            by_theme.setdefault(theme.pk, []).append(quote)
    themes = Theme.objects.filter(pk__in={*by_theme, *summaries}).order_by("name")
    sections = [(theme, summaries.get(theme.pk), by_theme.get(theme.pk, [])) for theme in themes]
    context = {"organisation": organisation, "row_key": row, "sections": sections}
    return render(request, "interviews/organisation_positions.html", context)


@require_GET
def summary_history(request: HttpRequest, row: str, theme_pk: int) -> HttpResponse:
    require(request.user, "interviews.view")
    organisation = positions.organisation_of_row(row)
    theme = get_object_or_404(Theme, pk=theme_pk)  # a pk lookup copes with any number
    summary = get_object_or_404(PositionSummary, organisation=organisation, theme=theme)
    back = reverse("interviews:position_cell", args=[row, theme_pk])
    context = {"object": summary, "entries": history_of(summary), "back_url": back}
    return render(request, "atlasplan/history.html", context)


@require_GET
def codebook_report(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    visible = privacy.visible_excerpts(request.user, Excerpt.objects.all())
    counts = {
        row["themes"]: row
        for row in visible.values("themes").annotate(
            excerpts=Count("pk", distinct=True), interviews=Count("interview", distinct=True)
        )
    }
    rows = [
        (
            theme,
            depth,
            counts.get(theme.pk, {}).get("excerpts", 0),
            counts.get(theme.pk, {}).get("interviews", 0),
        )
        for theme, depth in Theme.objects.tree()
    ]
    return render(request, "interviews/codebook_report.html", {"rows": rows})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    text = request.GET.get("q", "").replace("\x00", "").strip()[:200]  # PostgreSQL refuses NUL
    results = search_everything(request.user, text) if text else None
    return render(request, "interviews/search.html", {"q": text, "results": results})
