"""The dashboard card of step 5."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from atlasplan.permissions import can
from atlasplan.steps import Card
from plan.views.vision import visible_versions


def card(request: HttpRequest) -> Card:
    """The current version and its state, and the next action for the user's role."""
    version = visible_versions(request.user).order_by("-number").first()
    if version is None:
        if can(request.user, "vision.change"):
            return Card(
                _("Nog geen visie."),
                _("Schrijf de eerste versie"),
                reverse("plan:vision_create"),
                0,
            )
        return Card(_("Nog geen vastgestelde visie."), _("Het Atlas-team stelt de visie vast."))
    state = _("Versie %(number)s: %(state)s.") % {
        "number": version.number,
        "state": version.get_state_display(),
    }
    if version.is_editable() and can(request.user, "vision.change"):
        action = _("Schrijf verder aan de visie")
    else:
        action = _("Lees de visie")
    return Card(state, action, version.get_absolute_url(), version.number)
