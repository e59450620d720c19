from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate
from atlasplan.models import Theme
from atlasplan.permissions import can
from interviews import versions
from interviews.forms import (
    ExcerptForm,
    TranscriptForm,
)
from interviews.highlight import highlighted
from interviews.models import (
    Excerpt,
    GuideQuestion,
    Interview,
    NoteAnswer,
    Transcript,
)
from interviews.services import (
    CodingError,
    StaleSave,
    create_excerpt,
    require_consent,
    save_note,
    save_transcript,
)
from interviews.views.access import get_excerpt_for_user, get_raw_interview_for_user, step_crumb

# --- Transcripts and notes: the raw material, and coding it --------------------------------


@require_http_methods(["GET", "POST"])
def transcript_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    transcript = Transcript.objects.filter(interview=interview).first()
    initial = {"text": transcript.text} if transcript else {}
    form = TranscriptForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        instance=transcript or Transcript(interview=interview),
    )
    if form.is_valid():
        try:
            transcript = save_transcript(
                interview,
                form.cleaned_data["text"],
                request.user,
                form.filename,
                read_at=form.cleaned_data["read_at"],
            )
        except StaleSave as stale:  # saved by someone else between the check and the write
            form.refuse_as_stale(stale.stored)
        else:
            _transcript_saved(request, transcript)
            return redirect("interviews:transcript_detail", pk=interview.pk)
    context = {"form": form, "interview": interview, "transcript": transcript}
    return render(request, "interviews/transcript_form.html", context, status=form_status(form))


def _transcript_saved(request: HttpRequest, transcript: Transcript) -> None:
    messages.success(request, _("Het transcript is opgeslagen."))
    flagged = transcript.excerpts.filter(anchor="flagged").count()
    if flagged:
        messages.warning(
            request,
            _("%(count)d gecodeerde fragmenten werden niet meer teruggevonden en zijn gemarkeerd.")
            % {"count": flagged},
        )


def _coding_context(request: HttpRequest, interview: Interview, source, form=None) -> dict:
    excerpts = list(source.excerpts.prefetch_related("themes").select_related("coder"))
    consent = getattr(interview, "consent", None)
    form = form or ExcerptForm(source_text=source.text)
    return {
        "interview": interview,
        "source": source,
        "is_transcript": isinstance(source, Transcript),
        "html": highlighted(source.text, excerpts),
        "excerpts": excerpts,
        "flagged": [e for e in excerpts if e.anchor == "flagged"],
        "consent": consent,
        "form": form,
        "chips": theme_chips(request.user, form),
        "may_code": consent is not None and can(request.user, "interviews.code", interview),
    }


RECENT_THEMES = 5


def recent_theme_ids(user) -> list[int]:
    """The themes this user coded with most recently, newest first."""
    rows = (
        Excerpt.themes.through.objects.filter(excerpt__coder=user)
        .order_by("-excerpt__created_at", "-excerpt__pk")
        .values_list("theme_id", flat=True)[:50]
    )
    return list(dict.fromkeys(rows))[:RECENT_THEMES]


def theme_chips(user, form) -> dict:
    """The codebook as chips: the recent themes first, then the tree by main theme."""
    chosen = {parse_pk(value) for value in form["themes"].value() or []}
    tree = Theme.objects.select_related("parent").tree()
    for theme, _depth in tree:
        theme.chosen = theme.pk in chosen
    recent_ids = recent_theme_ids(user)
    by_pk = {theme.pk: theme for theme, _depth in tree}
    recent = [by_pk[pk] for pk in recent_ids if pk in by_pk]
    branches: list[list[Theme]] = []
    for theme, depth in tree:
        if depth == 0:
            branches.append([])
        if theme.pk not in recent_ids:
            branches[-1].append(theme)
    return {"recent": recent, "branches": [b for b in branches if b]}


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
    shown = parse_pk(request.GET.get("text", ""))
    if shown is not None:  # one version's whole text, on request
        version = get_object_or_404(transcript.versions, number=shown)
        context = {"interview": interview, "transcript": transcript, "version": version}
        return render(request, "interviews/transcript_version.html", context)
    base = versions.with_sizes(transcript.versions.select_related("saved_by"))
    page = paginate(request, base.order_by("-number"), versions.PER_PAGE)
    on_page = list(page)
    older = (
        base.filter(number__lt=on_page[-1].number).order_by("-number").first() if on_page else None
    )
    requested = parse_pk(request.GET.get("changes", ""))
    versions.compare_page(transcript.versions, on_page, older, requested)
    context = {
        "interview": interview,
        "transcript": transcript,
        "versions": on_page,
        "page_obj": page,
        "preview_chars": versions.PREVIEW_CHARS,
    }
    return render(request, "interviews/transcript_history.html", context)


@require_GET
def notes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    answers = {a.question_id: a for a in interview.answers.all()}
    questions = list(interview.guide.questions.all()) if interview.guide else []
    # A question removed from the guide stays only where notes were typed under it.
    questions = [q for q in questions if not q.retired or q.pk in answers]
    for question in questions:
        question.number = None if question.retired else question.position
    rows = [(q, answers.get(q.pk)) for q in questions]
    context = {"interview": interview, "rows": rows, "free": answers.get(None)}
    return render(request, "interviews/notes_form.html", context)


@require_POST
def note_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Autosave of one answer (htmx); answers only the status, never the textarea."""
    interview = get_raw_interview_for_user(request, pk, "interviews.change")
    question_id = request.POST.get("question") or None
    if question_id is not None:
        question_id = parse_pk(question_id)
        questions = GuideQuestion.objects.filter(guide_id=interview.guide_id)
        if question_id is None or not questions.filter(pk=question_id).exists():
            raise Http404
    text, read_at = request.POST.get("text", ""), request.POST.get("read_at", "").strip()
    try:
        answer = save_note(interview, question_id, text, read_at=read_at)
    except StaleSave as stale:
        # Someone else saved this note since this browser read it: their text is shown
        # beside the box, which keeps what this person typed; saving it is their choice.
        context = {"answer": stale.stored, "stored_by": _saved_by(stale.stored)}
        return render(request, "interviews/includes/note_stale.html", context, status=409)
    return render(request, "interviews/includes/note_status.html", {"answer": answer})


def _saved_by(answer: NoteAnswer):
    record = answer.history.select_related("history_user").first()
    return record.history_user if record else None


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
    note_pk = parse_pk(kind.removeprefix("note:")) if kind.startswith("note:") else None
    if note_pk is not None:
        return get_object_or_404(NoteAnswer, pk=note_pk, interview=interview)
    raise Http404


def _live(request: HttpRequest, excerpt: Excerpt, message: str, created=None) -> HttpResponse:
    """The page's changing parts after a code is added, changed or removed (htmx)."""
    source = excerpt.transcript or excerpt.note
    context = _coding_context(request, excerpt.interview, source)
    context.update({"message": message, "created": created})
    return render(request, "interviews/includes/coding_live.html", context)


@require_POST
def excerpt_create(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_raw_interview_for_user(request, pk, "interviews.code")
    source = _source_for(interview, request)
    form = ExcerptForm(request.POST, source_text=source.text)
    try:
        require_consent(interview)
    except CodingError as error:
        if request.htmx:
            form.add_error(None, str(error))
            return _errors(request, form)
        messages.error(request, str(error))
        return redirect(_source_url(interview, source))
    if form.is_valid():
        try:
            data = form.cleaned_data
            values = {name: data[name] for name in ["stance", "surprising", "quotable", "memo"]}
            excerpt = create_excerpt(
                interview,
                source,
                request.user,
                start=data["start"],
                end=data["end"],
                themes=data["themes"],
                **values,
            )
        except CodingError as error:
            form.add_error(None, str(error))
        else:
            if request.htmx:
                return _live(request, excerpt, _("Het fragment is gecodeerd."), created=excerpt)
            messages.success(request, _("Het fragment is gecodeerd."))
            return redirect(f"{_source_url(interview, source)}#excerpt-{excerpt.pk}")
    if request.htmx:
        return _errors(request, form)
    context = _coding_context(request, interview, source, form)
    return render(request, "interviews/coding.html", context, status=400)


def _errors(request: HttpRequest, form) -> HttpResponse:
    """What was wrong with a code sent from the page (htmx): the form's errors only."""
    return render(request, "interviews/coding.html#errors", {"form": form}, status=400)


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
        if request.htmx:
            return _live(request, excerpt, _("Het fragment is opgeslagen."))
        messages.success(request, _("Het fragment is opgeslagen."))
        return redirect(f"{excerpt.get_absolute_url()}#excerpt-{excerpt.pk}")
    if request.htmx and request.method == "POST":
        return _errors(request, form)
    return render(request, "interviews/excerpt_form.html", {"form": form, "excerpt": excerpt})


@require_http_methods(["GET", "POST"])
def excerpt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    excerpt = get_excerpt_for_user(request, pk)
    if request.method == "POST":
        url = excerpt.get_absolute_url()
        excerpt.delete()
        if request.htmx:
            undone = request.POST.get("undo") == "1"
            message = _("Laatste codering ongedaan gemaakt.") if undone else None
            return _live(request, excerpt, message or _("De codering is verwijderd."))
        messages.success(request, _("De codering is verwijderd."))
        return redirect(url)
    return render(request, "interviews/excerpt_confirm_delete.html", {"excerpt": excerpt})


@require_GET
def excerpt_history(request: HttpRequest, pk: int) -> HttpResponse:
    excerpt = get_excerpt_for_user(request, pk, "interviews.view_transcript")
    interview = excerpt.interview
    parents = [step_crumb(), (interview.get_absolute_url(), str(interview))]
    return render_history(request, excerpt, parents=parents)
