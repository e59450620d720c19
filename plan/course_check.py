"""The course check ("koerscheck"): the plan held against the method's aims while it is written.

Seven rules, each a few queries whatever the plan's size. A rule lists the items that break
it, each with the page where it is fixed. The page, the dashboard card and (later) the PDF
read the same :func:`check`.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plan.models import Ambition, Objective, Step, StepKind, TargetGroup
from plan.models.plan import Level, adopted_version

# Kinds of step that carry behaviour change beyond a one-off campaign.
LASTING_KINDS = (StepKind.STRUCTURAL, StepKind.RECURRING)


@dataclass(frozen=True)
class Breach:
    """One item that breaks a rule, and where to fix it."""

    label: str
    url: str
    fix: str
    detail: str = ""


@dataclass(frozen=True)
class Rule:
    key: str
    title: str | Promise
    explanation: str | Promise
    breaches: list[Breach] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.breaches

    @property
    def count(self) -> int:
        return len(self.breaches)


def check() -> list[Rule]:
    """Every rule of the course check, in the order of the method's reasoning."""
    return [
        behaviour_rule(),
        outside_rule(),
        lasting_rule(),
        smart_rule(),
        ambitions_rule(),
        steps_serve_rule(),
        deadlines_rule(),
    ]


def _day(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def behaviour_rule() -> Rule:
    # An aggregate drops the model's ordering: every list below says its own.
    targets = (
        TargetGroup.objects.annotate(
            behaviour=Count("objectives", filter=Q(objectives__level=Level.BEHAVIOUR))
        )
        .filter(behaviour=0)
        .order_by("position", "name", "pk")
    )
    return Rule(
        "behaviour",
        gettext_lazy("Elke doelgroep heeft een doelstelling op gedrag"),
        gettext_lazy(
            "Het plan mikt op echte gedragsverandering: kennis en houding alleen volstaan niet."
        ),
        [
            Breach(
                target.name,
                reverse("plan:objective_create", args=[target.pk]),
                _("Voeg een doelstelling op gedrag toe"),
            )
            for target in targets
        ],
    )


def outside_rule() -> Rule:
    outside = (
        TargetGroup.objects.filter(outside_constituency=True)
        .annotate(step_count=Count("objectives__steps", distinct=True))
        .order_by("position", "name", "pk")
    )
    targets = list(outside)
    if not targets:
        breaches = [
            Breach(
                _("Nog geen doelgroep buiten de eigen achterban"),
                reverse("plan:target_create"),
                _("Voeg een doelgroep toe"),
            )
        ]
    else:
        breaches = [
            Breach(
                target.name,
                target.get_absolute_url(),
                _("Plan stappen voor haar doelstellingen"),
                _("geen stappen"),
            )
            for target in targets
            if not target.step_count
        ]
    return Rule(
        "outside",
        gettext_lazy("Er zijn doelgroepen buiten de eigen achterban, en ze hebben stappen"),
        gettext_lazy("Atlas werkt ook aan de beeldvorming bij wie het vandaag niet bereikt."),
        breaches,
    )


def lasting_rule() -> Rule:
    objectives = (
        Objective.objects.filter(level=Level.BEHAVIOUR)
        .select_related("target_group")
        .annotate(
            step_count=Count("steps", distinct=True),
            lasting=Count("steps", filter=Q(steps__kind__in=LASTING_KINDS), distinct=True),
        )
        .filter(lasting=0)
        .order_by("target_group__position", "target_group__name", "position", "pk")
    )
    return Rule(
        "lasting",
        gettext_lazy("Gedragsdoelstellingen dragen op structurele of terugkerende stappen"),
        gettext_lazy(
            "Gedrag verandert niet door één vluchtige campagne: elke doelstelling op gedrag "
            "heeft minstens één structurele of terugkerende stap."
        ),
        [
            Breach(
                str(objective),
                objective.get_absolute_url(),
                _("Koppel een structurele of terugkerende stap"),
                _("enkel eenmalige acties") if objective.step_count else _("nog geen stappen"),
            )
            for objective in objectives
        ],
    )


def smart_rule() -> Rule:
    objectives = Objective.objects.filter(
        Q(indicator="")
        | Q(baseline__isnull=True)
        | Q(target__isnull=True)
        | Q(deadline__isnull=True)
    ).select_related("target_group")
    return Rule(
        "smart",
        gettext_lazy("Elke doelstelling is SMART"),
        gettext_lazy(
            "Een doelstelling heeft een indicator, een nulmeting, een streefwaarde en een "
            "deadline; anders is ze niet op te volgen."
        ),
        [
            Breach(
                str(objective),
                reverse("plan:objective_update", args=[objective.pk]),
                _("Vul de doelstelling aan"),
                _("mist: %(gaps)s") % {"gaps": ", ".join(str(g) for g in objective.smart_gaps())},
            )
            for objective in objectives
        ],
    )


def ambitions_rule() -> Rule:
    title = gettext_lazy("Elke ambitie van de vastgestelde visie wordt gediend")
    explanation = gettext_lazy(
        "Het plan voert de visie uit: elke ambitie heeft minstens één doelstelling."
    )
    version = adopted_version()
    if version is None:
        breach = Breach(
            _("Nog geen vastgestelde visie"),
            reverse("plan:vision_list"),
            _("Naar de visie"),
            _("het Atlas-team stelt de visie vast"),
        )
        return Rule("ambitions", title, explanation, [breach])
    earlier = Objective.objects.filter(ambitions=OuterRef("origin"))
    ambitions = (
        Ambition.objects.filter(version=version)
        .annotate(served=Count("objectives"), earlier=Exists(earlier))
        .filter(served=0)
        .order_by("position", "pk")
    )
    breaches = []
    for ambition in ambitions:
        detail = _("enkel gekoppeld in een vorige versie van de visie") if ambition.earlier else ""
        breaches.append(
            Breach(
                ambition.title,
                reverse("plan:target_list"),
                _("Koppel ze aan een doelstelling"),
                detail,
            )
        )
    return Rule("ambitions", title, explanation, breaches)


def steps_serve_rule() -> Rule:
    steps = Step.objects.annotate(objective_count=Count("objectives")).filter(objective_count=0)
    return Rule(
        "steps_serve",
        gettext_lazy("Elke stap dient een doelstelling"),
        gettext_lazy("Een stap zonder doelstelling is een activiteit, geen strategie."),
        [
            Breach(
                step.title,
                reverse("plan:step_update", args=[step.pk]),
                _("Koppel een doelstelling"),
            )
            for step in steps.order_by(F("start").asc(nulls_last=True), "title", "pk")
        ],
    )


def deadlines_rule() -> Rule:
    late = (
        Step.objectives.through.objects.filter(
            step__end__isnull=False,
            objective__deadline__isnull=False,
            step__end__gt=F("objective__deadline"),
        )
        .select_related("step", "objective")
        .order_by("step__start", "step__title", "step__pk", "objective__pk")
    )
    return Rule(
        "deadlines",
        gettext_lazy("Geen stap eindigt na de deadline van haar doelstelling"),
        gettext_lazy("Wat na de deadline nog loopt, helpt die doelstelling niet meer."),
        [
            Breach(
                link.step.title,
                reverse("plan:step_update", args=[link.step.pk]),
                _("Pas de einddatum of de deadline aan"),
                _("eindigt op %(end)s, na de deadline %(deadline)s van “%(objective)s”")
                % {
                    "end": _day(link.step.end),
                    "deadline": _day(link.objective.deadline),
                    "objective": link.objective,
                },
            )
            for link in late
        ],
    )


def summary(rules: list[Rule]) -> tuple[int, int]:
    """How many rules hold, out of how many."""
    return sum(rule.holds for rule in rules), len(rules)
