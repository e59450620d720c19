from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.permissions import require
from interviews.forms import (
    GuideForm,
)
from interviews.models import InterviewGuide
from interviews.services import copy_guide, save_guide
from interviews.views.access import step_crumb

# --- Guides --------------------------------------------------------------------------------


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view")
    guides = InterviewGuide.objects.annotate(
        question_count=Count("questions", filter=Q(questions__retired=False), distinct=True)
    )
    return render(request, "interviews/guide_list.html", {"guides": guides})


@require_http_methods(["GET", "POST"])
def guide_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.change")
    form = GuideForm(request.POST or None)
    if form.is_valid():
        guide = save_guide(form.save(commit=False), form.cleaned_data["questions"])
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
    questions = guide.questions.filter(retired=False)
    return render(request, "interviews/guide_detail.html", {"guide": guide, "questions": questions})


@require_http_methods(["GET", "POST"])
def guide_update(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk, "interviews.change")
    form = GuideForm(request.POST or None, instance=guide)
    if form.is_valid():
        save_guide(form.save(commit=False), form.cleaned_data["questions"])
        messages.success(request, _("De leidraad is opgeslagen."))
        return redirect(guide)
    context = {"form": form, "guide": guide}
    return render(request, "interviews/guide_form.html", context, status=form_status(form))


@require_POST
def guide_copy(request: HttpRequest, pk: int) -> HttpResponse:
    guide = get_guide_for_user(request, pk, "interviews.change")
    copy = copy_guide(guide)
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
    parents = [step_crumb(), (reverse("interviews:guide_list"), _("Leidraden"))]
    return render_history(request, guide, parents=parents)
