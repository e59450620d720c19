"""The dashboard cards of step 5 (the vision), step 6 (the validation round) and step 7
(the communication plan)."""

from dataclasses import replace

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card, Progress
from plan import course_check, endorsement, follow_up
from plan.models import TargetGroup, ValidationRound, VisionState
from plan.views.validation_results import url_or_none
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
    adopted = visible_versions(request.user).filter(state=VisionState.ADOPTED).exists()
    progress = Progress.DONE if adopted else Progress.STARTED
    return Card(state, action, version.get_absolute_url(), version.number, progress)


def card_validation(request: HttpRequest) -> Card:
    """Step 6: the latest round (invited, answered, objections without a decision) and the
    next action; readers are shown the figures, with nothing to do."""
    latest = ValidationRound.objects.order_by("-opens_on", "-pk").first()
    staff = can(request.user, "validation.change")
    if latest is None:
        if staff:
            start = url_or_none("plan:validation_create")
            return Card(_("Nog geen aftoetsingsronde."), _("Start een aftoetsingsronde"), start, 0)
        return Card(
            _("Nog geen aftoetsingsronde."),
            _("De consultants leggen de visie voor aan de stakeholders."),
        )
    counts = endorsement.round_counts(ValidationRound.objects.filter(pk=latest.pk))[latest.pk]
    state = _("%(title)s: %(invited)d uitgenodigd, %(answered)d beantwoord.") % {
        "title": latest.title,
        "invited": counts["invited"],
        "answered": counts["answered"],
    }
    results = reverse("plan:validation_results", args=[latest.pk])
    done = not latest.is_open and not counts["undecided"]
    progress = Progress.DONE if done else Progress.STARTED
    if not staff:
        return Card(state, _("Bekijk het draagvlak"), results, counts["answered"], progress)
    return replace(_staff_validation_card(latest, state, counts, results), progress=progress)


def _staff_validation_card(latest: ValidationRound, state: str, counts: dict, results: str) -> Card:
    state = f"{state} {endorsement.undecided_phrase(counts['undecided'])}."
    if counts["undecided"]:
        objections = reverse("plan:validation_objections", args=[latest.pk])
        return Card(state, _("Beslis over de bezwaren"), objections, counts["undecided"])
    if latest.is_open and counts["answered"] < counts["invited"]:
        detail = url_or_none("plan:validation_detail", latest.pk) or results
        return Card(state, _("Volg de genodigden op"), detail, counts["answered"])
    return Card(state, _("Bekijk de resultaten"), results, counts["answered"])


def card_plan(request: HttpRequest) -> Card:
    """Step 7: how many rules of the course check hold, and what to do next for the role."""
    rules = course_check.check(limit=0)  # the counts only, each in SQL
    holding, total = course_check.summary(rules)
    state = _("%(holding)s van %(total)s regels in orde") % {"holding": holding, "total": total}
    state = " · ".join([state, *_attention_flags()])
    progress = Progress.STARTED if TargetGroup.objects.exists() else Progress.NOT_STARTED
    if progress == Progress.STARTED and holding == total:
        progress = Progress.DONE
    if not can(request.user, "plan.change"):
        return Card(state, _("Lees het plan"), reverse("plan:target_list"), holding, progress)
    if progress == Progress.NOT_STARTED:
        return Card(
            _("Nog geen doelgroepen."),
            _("Voeg de eerste doelgroep toe"),
            reverse("plan:target_create"),
            0,
        )
    broken = next((rule for rule in rules if not rule.holds), None)
    if broken is None:
        url = reverse("plan:timeline")
        return Card(state, _("Volg de stappen op de tijdlijn op"), url, holding, progress)
    action = _("Werk de koerscheck bij: %(rule)s") % {"rule": broken.title}
    url = f"{reverse('plan:course_check')}#rule-{broken.key}"
    return Card(state, action, url, holding, progress)


def _attention_flags() -> list[str]:
    """Overdue steps and objectives at risk or behind (the follow-up's traffic lights)."""
    attention = follow_up.attention()
    flags = []
    if attention.overdue_steps:
        flags.append(
            ngettext("%(n)d stap over tijd", "%(n)d stappen over tijd", attention.overdue_steps)
            % {"n": attention.overdue_steps}
        )
    lagging = attention.at_risk + attention.behind
    if lagging:
        flags.append(
            ngettext(
                "%(n)d doelstelling met risico of achter",
                "%(n)d doelstellingen met risico of achter",
                lagging,
            )
            % {"n": lagging}
        )
    return flags
