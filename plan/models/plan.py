"""Step 7: the strategic communication plan (target groups, objectives, steps, partners)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlasplan.people import person_name
from plan.models.vision import VisionState, VisionVersion
from plan.smart import smart_gaps
from plan.terms import Term, derive_term
from stakeholders.models import Scope


class Level(models.TextChoices):
    KNOWLEDGE = "knowledge", _("kennis")
    ATTITUDE = "attitude", _("houding")
    BEHAVIOUR = "behaviour", _("gedrag")


class StepKind(models.TextChoices):
    ONE_OFF = "one_off", _("eenmalige actie of campagne")
    STRUCTURAL = "structural", _("structurele werking")
    RECURRING = "recurring", _("terugkerend")


class StepState(models.TextChoices):
    PLANNED = "planned", _("gepland")
    RUNNING = "running", _("lopend")
    DONE = "done", _("afgerond")
    POSTPONED = "postponed", _("uitgesteld")


class PlanSection(models.TextChoices):
    INTRODUCTION = "introduction", _("inleiding")
    CONTEXT = "context", _("context")
    SUMMARY = "summary", _("samenvatting")


class TargetGroup(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    outside_constituency = models.BooleanField(
        _("buiten de eigen achterban"),
        default=False,
        help_text=_("Mensen die Atlas vandaag niet of nauwelijks bereikt."),
    )
    scope = models.CharField(
        _("intern of extern"), max_length=10, choices=Scope, default=Scope.EXTERNAL
    )
    estimated_size = models.PositiveIntegerField(_("geschatte omvang"), null=True, blank=True)
    know = models.TextField(_("wat ze moeten weten"), blank=True)
    feel = models.TextField(_("wat ze moeten voelen"), blank=True)
    do = models.TextField(_("wat ze moeten doen"), blank=True)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name", "pk"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="target_group_name_unique_ci",
                violation_error_message=_("Er bestaat al een doelgroep met deze naam."),
            ),
            models.CheckConstraint(
                condition=models.Q(scope__in=Scope.values), name="target_group_scope_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plan:target_detail", args=[self.pk])


class Objective(models.Model):
    Level = Level

    target_group = models.ForeignKey(
        TargetGroup,
        verbose_name=_("doelgroep"),
        on_delete=models.PROTECT,
        related_name="objectives",
    )
    text = models.TextField(_("doelstelling"))
    level = models.CharField(_("niveau"), max_length=10, choices=Level, default=Level.KNOWLEDGE)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    baseline = models.DecimalField(
        _("nulmeting"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_on = models.DateField(_("datum nulmeting"), null=True, blank=True)
    target = models.DecimalField(
        _("streefwaarde"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("eenheid"), max_length=50, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    measured_how = models.TextField(_("hoe gemeten"), blank=True)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    ambitions = models.ManyToManyField(
        "plan.Ambition", verbose_name=_("ambities"), blank=True, related_name="objectives"
    )
    excerpts = models.ManyToManyField(
        "interviews.Excerpt",
        verbose_name=_("interviewfragmenten"),
        blank=True,
        related_name="objectives",
    )
    statements = models.ManyToManyField(
        "workshops.Statement",
        verbose_name=_("workshopstellingen"),
        blank=True,
        related_name="objectives",
    )
    passages = models.ManyToManyField(
        "policies.Passage",
        verbose_name=_("beleidspassages"),
        blank=True,
        related_name="objectives",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    # The links to the vision's ambitions are part of the plan's history too.
    history = HistoricalRecords(m2m_fields=[ambitions])

    class Meta:
        ordering = ["target_group", "position", "pk"]
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(baseline__isnull=True)
                | models.Q(target__isnull=True)
                | ~models.Q(target=models.F("baseline")),
                name="objective_target_differs_from_baseline",
                violation_error_message=_(
                    "De streefwaarde is gelijk aan de nulmeting: dan valt er niets te bereiken. "
                    "Geef een andere streefwaarde."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values), name="objective_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def get_absolute_url(self) -> str:
        return f"{self.target_group.get_absolute_url()}#objective-{self.pk}"

    def smart_gaps(self) -> list:
        """What is missing before this objective is SMART (empty when it is)."""
        return smart_gaps(self.indicator, self.baseline, self.target, self.deadline)

    @property
    def is_smart(self) -> bool:
        return not self.smart_gaps()


class Step(models.Model):
    Kind = StepKind
    State = StepState

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    objectives = models.ManyToManyField(
        Objective, verbose_name=_("doelstellingen"), blank=True, related_name="steps"
    )
    kind = models.CharField(_("soort"), max_length=12, choices=StepKind, default=StepKind.ONE_OFF)
    term_choice = models.CharField(
        _("termijn (gekozen)"),
        max_length=8,
        choices=Term,
        blank=True,
        help_text=_("Laat leeg om de termijn af te leiden uit de begin- en einddatum."),
    )
    term = models.CharField(_("termijn"), max_length=8, choices=Term, blank=True, editable=False)
    start = models.DateField(_("begin"), null=True, blank=True)
    end = models.DateField(_("einde"), null=True, blank=True)
    owner_name = models.CharField(_("eigenaar"), max_length=200, blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar (gebruiker)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("kanaal"), max_length=200, blank=True)
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    state = models.CharField(
        _("status"), max_length=10, choices=StepState, default=StepState.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    partners = models.ManyToManyField(
        "stakeholders.Organisation",
        verbose_name=_("partners"),
        through="plan.StepPartner",
        blank=True,
        related_name="plan_steps",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    # Which objectives a step serves is part of the plan's history too.
    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        ordering = ["start", "title", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="step_end_not_before_start",
                violation_error_message=_(
                    "De einddatum ligt vóór de begindatum. Pas een van beide aan."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100),
                name="step_progress_at_most_100",
                violation_error_message=_("De voortgang is een percentage van 0 tot 100."),
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=StepState.values), name="step_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=StepKind.values), name="step_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.term = self.term_choice or derive_term(self.start, self.end)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "term"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("plan:step_detail", args=[self.pk])

    @property
    def term_is_derived(self) -> bool:
        return not self.term_choice

    @property
    def owner_label(self) -> str:
        if self.owner_user_id:
            return person_name(self.owner_user)
        return self.owner_name


class StepPartner(models.Model):
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), on_delete=models.CASCADE, related_name="step_partners"
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="plan_step_roles",
    )
    role = models.CharField(_("rol"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["step", "organisation__name", "pk"]
        verbose_name = _("partner van een stap")
        verbose_name_plural = _("partners van stappen")
        constraints = [
            models.UniqueConstraint(
                fields=["step", "organisation"],
                name="step_partner_unique",
                violation_error_message=_("Deze organisatie is al partner van deze stap."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.role}" if self.role else str(self.organisation)


class Measurement(models.Model):
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("doelstelling"),
        on_delete=models.PROTECT,
        related_name="measurements",
    )
    measured_on = models.DateField(_("datum"))
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    note = models.TextField(_("opmerking"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "measured_on", "pk"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"

    def clean(self) -> None:
        """A measurement lies between the objective's baseline and today."""
        super().clean()
        if self.measured_on is None:
            return
        if self.measured_on > timezone.localdate():
            raise ValidationError({"measured_on": _("Een meting kan niet in de toekomst liggen.")})
        baseline_on = self.objective.baseline_on if self.objective_id else None
        if baseline_on and self.measured_on < baseline_on:
            raise ValidationError(
                {
                    "measured_on": _(
                        "Deze meting ligt vóór de nulmeting (%(date)s) van de doelstelling."
                    )
                    % {"date": _date(baseline_on)}
                }
            )


def _date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


class PlanText(models.Model):
    """One of the plan's own texts (introduction, context, summary), in Markdown."""

    Section = PlanSection

    key = models.CharField(_("onderdeel"), max_length=20, choices=PlanSection, unique=True)
    text = models.TextField(_("tekst"), blank=True, help_text=_("Markdown."))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("plantekst")
        verbose_name_plural = _("planteksten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(key__in=PlanSection.values), name="plan_text_key_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_key_display()).capitalize()

    def get_absolute_url(self) -> str:
        return f"{reverse('plan:plan_text_list')}#section-{self.key}"


def adopted_version():
    """The vastgestelde vision: the latest adopted version, which the plan builds on."""
    return VisionVersion.objects.filter(state=VisionState.ADOPTED).order_by("-number").first()
