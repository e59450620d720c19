"""The course check ("koerscheck"): the plan held against the method's aims while it is written.

Seven rules, each a few queries whatever the plan's size: a rule counts the items that break
it in SQL and lists the first few (``limit``), each with the page where it is fixed; the
full list of one rule is paged (:func:`rule_page`). The page, the dashboard card and the PDF
read the same :func:`check` (the card and the PDF only the counts: ``limit=0``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
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
LIMIT = 20  # breaches a rule lists on the course-check page; the rest behind a link
PER_PAGE = 50  # breaches per page of one rule's full list


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
    total: int | None = None  # every breach, when ``breaches`` holds only the first few

    @property
    def count(self) -> int:
        return len(self.breaches) if self.total is None else self.total

    @property
    def holds(self) -> bool:
        return self.count == 0

    @property
    def more(self) -> int:
        return self.count - len(self.breaches)


@dataclass(frozen=True)
class Spec:
    """A rule as queries: the items breaking it (a queryset, or a list of one fixed item)
    and how one item reads as a breach."""

    key: str
    title: str | Promise
    explanation: str | Promise
    items: Callable
    breach: Callable[..., Breach]

    def rule(self, limit: int | None = None) -> Rule:
        items = self.items()
        if limit is None:
            return Rule(self.key, self.title, self.explanation, [self.breach(i) for i in items])
        first = [self.breach(item) for item in items[:limit]] if limit else []
        # Always counted, so the page costs the same queries whatever the plan holds.
        return Rule(self.key, self.title, self.explanation, first, _count(items))


def _count(items) -> int:
    return len(items) if isinstance(items, list) else items.count()


def specs() -> list[Spec]:
    """Every rule of the course check, in the order of the method's reasoning."""
    return [
        behaviour_spec(),
        outside_spec(),
        lasting_spec(),
        smart_spec(),
        ambitions_spec(),
        steps_serve_spec(),
        deadlines_spec(),
    ]


def check(limit: int | None = None) -> list[Rule]:
    """Every rule with its breaches (all of them, or the first ``limit``; 0: counts only)."""
    return [spec.rule(limit) for spec in specs()]


def spec_for(key: str) -> Spec | None:
    return next((spec for spec in specs() if spec.key == key), None)


def rule_page(spec: Spec, page_number) -> tuple[Page, list[Breach]]:
    """One page of the full list of breaches of one rule."""
    page = Paginator(spec.items(), PER_PAGE).get_page(page_number)
    return page, [spec.breach(item) for item in page.object_list]


def _day(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def behaviour_spec() -> Spec:
    def items():
        # An aggregate drops the model's ordering: every list below says its own.
        return (
            TargetGroup.objects.annotate(
                behaviour=Count("objectives", filter=Q(objectives__level=Level.BEHAVIOUR))
            )
            .filter(behaviour=0)
            .order_by("position", "name", "pk")
        )

    def breach(target) -> Breach:
        return Breach(
            target.name,
            reverse("plan:objective_create", args=[target.pk]),
            _("Voeg een doelstelling op gedrag toe"),
        )

    return Spec(
        "behaviour",
        gettext_lazy("Elke doelgroep heeft een doelstelling op gedrag"),
        gettext_lazy(
            "Het plan mikt op echte gedragsverandering: kennis en houding alleen volstaan niet."
        ),
        items,
        breach,
    )


def outside_spec() -> Spec:
    def items():
        outside = TargetGroup.objects.filter(outside_constituency=True)
        if not outside.exists():
            return [None]  # the one breach: no such target group yet
        return (
            outside.annotate(step_count=Count("objectives__steps", distinct=True))
            .filter(step_count=0)
            .order_by("position", "name", "pk")
        )

    def breach(target) -> Breach:
        if target is None:
            return Breach(
                _("Nog geen doelgroep buiten de eigen achterban"),
                reverse("plan:target_create"),
                _("Voeg een doelgroep toe"),
            )
        return Breach(
            target.name,
            target.get_absolute_url(),
            _("Plan stappen voor haar doelstellingen"),
            _("geen stappen"),
        )

    return Spec(
        "outside",
        gettext_lazy("Er zijn doelgroepen buiten de eigen achterban, en ze hebben stappen"),
        gettext_lazy("Atlas werkt ook aan de beeldvorming bij wie het vandaag niet bereikt."),
        items,
        breach,
    )


def lasting_spec() -> Spec:
    def items():
        return (
            Objective.objects.filter(level=Level.BEHAVIOUR)
            .select_related("target_group")
            .annotate(
                step_count=Count("steps", distinct=True),
                lasting=Count("steps", filter=Q(steps__kind__in=LASTING_KINDS), distinct=True),
            )
            .filter(lasting=0)
            .order_by("target_group__position", "target_group__name", "position", "pk")
        )

    def breach(objective) -> Breach:
        return Breach(
            str(objective),
            objective.get_absolute_url(),
            _("Koppel een structurele of terugkerende stap"),
            _("enkel eenmalige acties") if objective.step_count else _("nog geen stappen"),
        )

    return Spec(
        "lasting",
        gettext_lazy("Gedragsdoelstellingen dragen op structurele of terugkerende stappen"),
        gettext_lazy(
            "Gedrag verandert niet door één vluchtige campagne: elke doelstelling op gedrag "
            "heeft minstens één structurele of terugkerende stap."
        ),
        items,
        breach,
    )


def smart_spec() -> Spec:
    def items():
        return (
            Objective.objects.filter(
                Q(indicator="")
                | Q(baseline__isnull=True)
                | Q(target__isnull=True)
                | Q(deadline__isnull=True)
            )
            .select_related("target_group")
            .order_by("target_group__position", "target_group__name", "position", "pk")
        )

    def breach(objective) -> Breach:
        return Breach(
            str(objective),
            reverse("plan:objective_update", args=[objective.pk]),
            _("Vul de doelstelling aan"),
            _("mist: %(gaps)s") % {"gaps": ", ".join(str(g) for g in objective.smart_gaps())},
        )

    return Spec(
        "smart",
        gettext_lazy("Elke doelstelling is SMART"),
        gettext_lazy(
            "Een doelstelling heeft een indicator, een nulmeting, een streefwaarde en een "
            "deadline; anders is ze niet op te volgen."
        ),
        items,
        breach,
    )


def ambitions_spec() -> Spec:
    def items():
        version = adopted_version()
        if version is None:
            return [None]  # the one breach: no adopted vision yet
        earlier = Objective.objects.filter(ambitions=OuterRef("origin"))
        return (
            Ambition.objects.filter(version=version)
            .annotate(served=Count("objectives"), earlier=Exists(earlier))
            .filter(served=0)
            .order_by("position", "pk")
        )

    def breach(ambition) -> Breach:
        if ambition is None:
            return Breach(
                _("Nog geen vastgestelde visie"),
                reverse("plan:vision_list"),
                _("Naar de visie"),
                _("het Atlas-team stelt de visie vast"),
            )
        detail = _("enkel gekoppeld in een vorige versie van de visie") if ambition.earlier else ""
        return Breach(
            ambition.title, reverse("plan:target_list"), _("Koppel ze aan een doelstelling"), detail
        )

    return Spec(
        "ambitions",
        gettext_lazy("Elke ambitie van de vastgestelde visie wordt gediend"),
        gettext_lazy("Het plan voert de visie uit: elke ambitie heeft minstens één doelstelling."),
        items,
        breach,
    )


def steps_serve_spec() -> Spec:
    def items():
        return (
            Step.objects.annotate(objective_count=Count("objectives"))
            .filter(objective_count=0)
            .order_by(F("start").asc(nulls_last=True), "title", "pk")
        )

    def breach(step) -> Breach:
        return Breach(
            step.title, reverse("plan:step_update", args=[step.pk]), _("Koppel een doelstelling")
        )

    return Spec(
        "steps_serve",
        gettext_lazy("Elke stap dient een doelstelling"),
        gettext_lazy("Een stap zonder doelstelling is een activiteit, geen strategie."),
        items,
        breach,
    )


def deadlines_spec() -> Spec:
    def items():
        return (
            Step.objectives.through.objects.filter(
                step__end__isnull=False,
                objective__deadline__isnull=False,
                step__end__gt=F("objective__deadline"),
            )
            .select_related("step", "objective", "objective__target_group")
            .order_by("step__start", "step__title", "step__pk", "objective__pk")
        )

    def breach(link) -> Breach:
        return Breach(
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

    return Spec(
        "deadlines",
        gettext_lazy("Geen stap eindigt na de deadline van haar doelstelling"),
        gettext_lazy("Wat na de deadline nog loopt, helpt die doelstelling niet meer."),
        items,
        breach,
    )


def summary(rules: list[Rule]) -> tuple[int, int]:
    """How many rules hold, out of how many."""
    return sum(rule.holds for rule in rules), len(rules)
