"""The dashboard card of step 4."""

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card, Progress
from workshops.models import Statement, Workshop


def card(request: HttpRequest) -> Card:
    workshops = Workshop.objects.visible_to(request.user)
    figures = workshops.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(state=Workshop.State.OPEN)),
        closed=Count("pk", filter=Q(state=Workshop.State.CLOSED)),
    )
    if not figures["total"]:
        if can(request.user, "workshops.change"):
            return Card(
                _("Nog geen workshop."),
                _("Maak een workshop aan"),
                reverse("workshops:workshop_create"),
                0,
            )
        return Card(_("Nog geen workshop."), _("Een consultant bereidt de workshop voor."))
    state = ngettext(
        "%(total)d workshop, %(open)d open voor stemmen.",
        "%(total)d workshops, %(open)d open voor stemmen.",
        figures["total"],
    ) % {"total": figures["total"], "open": figures["open"]}
    waiting = Statement.objects.filter(
        workshop__in=workshops.filter(state=Workshop.State.CLOSED), outcome=""
    )
    pending = waiting.count()
    # done: a workshop closed and every statement of the closed ones has its outcome
    progress = Progress.DONE if figures["closed"] and not pending else Progress.STARTED
    if pending:
        latest = waiting.order_by("-workshop__date", "-workshop_id").first().workshop_id
        state += " " + ngettext(
            "%(n)d stelling wacht op een uitkomst.",
            "%(n)d stellingen wachten op een uitkomst.",
            pending,
        ) % {"n": pending}
        return Card(
            state,
            _("Leg de uitkomsten vast"),
            reverse("workshops:workshop_results", args=[latest]),
            figures["total"],
            progress,
        )
    running = workshops.filter(state=Workshop.State.OPEN).order_by("-date", "-pk").first()
    if running:
        url = running.get_absolute_url()
        return Card(state, _("Naar de open workshop"), url, figures["total"], progress)
    url = reverse("workshops:workshop_list")
    return Card(state, _("Bekijk de workshops"), url, figures["total"], progress)
