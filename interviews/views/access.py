from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from atlasplan import audit
from atlasplan.permissions import require
from interviews import privacy
from interviews.models import (
    Excerpt,
    Interview,
)


def step_crumb() -> tuple[str, str]:
    """The step's first breadcrumb, for pages (such as history pages) built outside its
    templates."""
    return reverse("interviews:interview_list"), _("3 Interviews")


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
    if request.method == "GET":  # every opening of raw text is logged, not each autosave
        audit.record(audit.Kind.RAW_OPENED, request, target=f"interview {interview.pk}")
    return interview


def get_excerpt_for_user(request: HttpRequest, pk: int, action: str = "interviews.code"):
    excerpt = get_object_or_404(
        Excerpt.objects.select_related("interview", "transcript", "note"), pk=pk
    )
    if not privacy.may_read_raw(request.user, excerpt.interview):
        raise Http404
    require(request.user, action, excerpt.interview)
    return excerpt
