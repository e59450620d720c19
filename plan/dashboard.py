"""The dashboard cards of step 5 (the vision) and step 7 (the communication plan)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from atlasplan.permissions import can
from atlasplan.steps import Card
from plan import course_check
from plan.models import TargetGroup
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


def card_plan(request: HttpRequest) -> Card:
    """Step 7: how many rules of the course check hold, and what to do next for the role."""
    rules = course_check.check()
    holding, total = course_check.summary(rules)
    state = _("%(holding)s van %(total)s regels in orde") % {"holding": holding, "total": total}
    if not can(request.user, "plan.change"):
        return Card(state, _("Lees het plan"), reverse("plan:target_list"), holding)
    if not TargetGroup.objects.exists():
        return Card(
            _("Nog geen doelgroepen."),
            _("Voeg de eerste doelgroep toe"),
            reverse("plan:target_create"),
            0,
        )
    broken = next((rule for rule in rules if not rule.holds), None)
    if broken is None:
        return Card(
            state, _("Volg de stappen op de tijdlijn op"), reverse("plan:timeline"), holding
        )
    action = _("Werk de koerscheck bij: %(rule)s") % {"rule": broken.title}
    return Card(state, action, f"{reverse('plan:course_check')}#rule-{broken.key}", holding)
