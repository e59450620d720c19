from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card, Progress
from interviews import privacy
from interviews.models import Excerpt, Interview, NoteAnswer, Status, Transcript


def card(request: HttpRequest) -> Card:
    """Step 3 on the dashboard: interviews held and coded, and what to do next."""
    totals = _totals()
    progress = _progress(totals)
    if not can(request.user, "interviews.view"):
        quotes = privacy.visible_excerpts(request.user).count()
        state = ngettext("%(count)d citaat", "%(count)d citaten", quotes) % {"count": quotes}
        url = reverse("interviews:position_map")
        return Card(state, _("Bekijk de standpunten"), url, quotes, progress)
    total = totals["total"]
    state = ngettext(
        "%(total)d interview, %(coded)d gecodeerd",
        "%(total)d interviews, %(coded)d gecodeerd",
        total,
    ) % {"total": total, "coded": totals["coded"]}
    action, url = _next_action(request, totals)
    return Card(state, action, url, total, progress)


def _totals() -> dict:
    """Counted in one query; coded: marked so, or with coded passages."""
    has_excerpts = Exists(Excerpt.objects.filter(interview=OuterRef("pk")))
    coded = Q(status=Status.CODED) | Q(has_excerpts)
    return Interview.objects.aggregate(
        total=Count("pk"),
        coded=Count("pk", filter=coded),
        to_code=Count("pk", filter=~coded & Q(_has_text())),
    )


def _has_text() -> Q:
    """A transcript or a note to code."""
    return Q(Exists(Transcript.objects.filter(interview=OuterRef("pk")))) | Q(
        Exists(NoteAnswer.objects.filter(interview=OuterRef("pk")).exclude(text=""))
    )


def _progress(totals: dict) -> str:
    """Done when every interview is coded."""
    if not totals["total"]:
        return Progress.NOT_STARTED
    return Progress.DONE if totals["coded"] == totals["total"] else Progress.STARTED


def _next_action(request: HttpRequest, totals: dict) -> tuple[str, str]:
    may_change = can(request.user, "interviews.change")
    if not totals["total"] and may_change:
        return _("Plan het eerste interview"), reverse("interviews:interview_create")
    if totals["to_code"] and can(request.user, "interviews.code"):
        return _("Codeer het transcript"), _first_to_code_url()
    if totals["coded"]:
        return _("Bekijk de standpunten"), reverse("interviews:position_map")
    return _("Bekijk de interviews"), reverse("interviews:interview_list")


def _first_to_code_url() -> str:
    """The coding page of the earliest interview with text and nothing coded."""
    interview = (
        Interview.objects.exclude(status=Status.CODED)
        .exclude(Exists(Excerpt.objects.filter(interview=OuterRef("pk"))))
        .filter(_has_text())
        .annotate(has_transcript=Exists(Transcript.objects.filter(interview=OuterRef("pk"))))
        .order_by("held_at", "pk")
        .first()
    )
    if interview.has_transcript:
        return reverse("interviews:transcript_detail", args=[interview.pk])
    return reverse("interviews:notes_edit", args=[interview.pk])
