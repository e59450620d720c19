from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.concurrency import form_status
from atlasplan.forms import ThemeForm, ThemeMergeForm
from atlasplan.history import render_history
from atlasplan.models import Theme
from atlasplan.permissions import require
from atlasplan.services import merge_themes, theme_usage
from atlasplan.steps import Progress, all_steps


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    cards = []
    for step in all_steps():
        opens = step.opens_for(request.user)
        card = step.card(request) if opens and step.card else None
        cards.append({"step": step, "opens": opens, "card": card})
    _mark_progress(cards)
    todos = [item for item in cards if item["card"] and item["card"].todo]
    started = any(item["card"] and item["card"].progress != Progress.NOT_STARTED for item in cards)
    first = cards[0] if cards and cards[0]["card"] and not started else None
    context = {"cards": cards, "todos": todos, "welcome": first}
    return render(request, "atlasplan/dashboard.html", context)


def _mark_progress(cards: list[dict]) -> None:
    """Each card's place in the method: done, current or not started. A step is current
    when it has started without being done, and so is the first step not yet done."""
    first_open = True
    for item in cards:
        card = item["card"]
        if card is None:
            item["progress"] = None  # closed for this role: its state is not shown
        elif card.progress == Progress.DONE:
            item["progress"] = "done"
        elif card.progress == Progress.STARTED or first_open:
            item["progress"] = "current"
        else:
            item["progress"] = "not_started"
        if card is not None and card.progress != Progress.DONE:
            first_open = False


@login_not_required
@never_cache
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form came back without its security token (a page kept open for long, a cookie
    cleared): a page in the house style that says to reload, instead of Django's technical
    one. It leads back to the page the form was on, when that page is on this site."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    return render(request, "403_csrf.html", {"back": back}, status=403)


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def get_theme_for_user(request: HttpRequest, pk: int, action: str = "themes.view") -> Theme:
    require(request.user, "themes.view")
    theme = get_object_or_404(Theme.objects.select_related("parent"), pk=pk)
    require(request.user, action, theme)
    return theme


@require_GET
def theme_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "themes.view")
    return render(
        request,
        "atlasplan/theme_list.html",
        {"tree": Theme.objects.select_related("parent").tree()},
    )


@require_http_methods(["GET", "POST"])
def theme_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "themes.change")
    form = ThemeForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    if form.is_valid():
        theme = form.save()
        messages.success(request, _("Thema “%(name)s” is toegevoegd.") % {"name": theme})
        return redirect("theme_list")
    return render(request, "atlasplan/theme_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def theme_update(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, "themes.change")
    form = ThemeForm(request.POST or None, instance=theme)
    if form.is_valid():
        form.save()
        messages.success(request, _("Thema “%(name)s” is opgeslagen.") % {"name": theme})
        return redirect("theme_list")
    context = {"form": form, "theme": theme}
    return render(request, "atlasplan/theme_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def theme_merge(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, "themes.change")
    form = ThemeMergeForm(request.POST or None, source=theme)
    if form.is_valid():
        target = form.cleaned_data["target"]
        merge_themes(theme, target)
        messages.success(
            request,
            _("“%(source)s” is samengevoegd met “%(target)s”.")
            % {"source": theme.name, "target": target.name},
        )
        return redirect("theme_list")
    context = {"form": form, "theme": theme, "usage": theme_usage(theme)}
    return render(request, "atlasplan/theme_merge.html", context)


@require_http_methods(["GET", "POST"])
def theme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, "themes.change")
    usage = theme_usage(theme)
    in_use = usage > 0 or theme.children.exists()
    if request.method == "POST":
        if not in_use and _delete_unless_protected(theme):
            messages.success(request, _("Thema “%(name)s” is verwijderd.") % {"name": theme})
            return redirect("theme_list")
        in_use = True
        messages.error(request, _("Dit thema is in gebruik: voeg het samen met een ander thema."))
    context = {"theme": theme, "usage": usage, "in_use": in_use}
    return render(request, "atlasplan/theme_confirm_delete.html", context)


def _delete_unless_protected(theme: Theme) -> bool:
    try:
        theme.delete()
    except ProtectedError:  # came into use since the page was shown
        return False
    return True


@require_GET
def theme_history(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk)
    return render_history(request, theme, reverse("theme_list"))


@require_GET
def theme_css(request: HttpRequest) -> HttpResponse:
    """One class per theme colour, so highlights need no inline style (strict CSP)."""
    require(request.user, "themes.view")
    rules = [
        f".code-theme-{pk}{{background-color:{colour}40;border-bottom:3px solid {colour}}}"
        f".swatch-theme-{pk}{{background-color:{colour}}}"
        for pk, colour in Theme.objects.values_list("pk", "colour")
    ]
    return HttpResponse("\n".join(rules), content_type="text/css")
