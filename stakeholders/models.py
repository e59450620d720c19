"""Step 2: the stakeholder register, assessments, the interaction log and the shortlist."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# A score from this value up counts as "high" on the influence/interest grid.
HIGH_FROM = 3
SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Sector(models.TextChoices):
    CITY_ADMINISTRATION = "city_administration", _("Stedelijke administratie")
    CITY_POLITICS = "city_politics", _("Stedelijk beleid")
    CIVIL_SOCIETY = "civil_society", _("Middenveld")
    EDUCATION = "education", _("Onderwijs")
    CULTURE = "culture", _("Cultuur")
    MEDIA = "media", _("Media")
    WELFARE = "welfare", _("Welzijn en zorg")
    ECONOMY = "economy", _("Werk en economie")
    BELIEF = "belief", _("Levensbeschouwing")
    GOVERNMENT = "government", _("Vlaamse of federale overheid")
    ATLAS = "atlas", _("Atlas intern")
    OTHER = "other", _("Ander")


class Scope(models.TextChoices):
    INTERNAL = "internal", _("Intern")
    EXTERNAL = "external", _("Extern")


class Attitude(models.TextChoices):
    SUPPORTIVE = "supportive", _("Steunend")
    NEUTRAL = "neutral", _("Neutraal")
    CRITICAL = "critical", _("Kritisch")
    UNKNOWN = "unknown", _("Onbekend")


class Quadrant(models.TextChoices):
    MANAGE_CLOSELY = "manage_closely", _("Nauw betrekken")
    KEEP_SATISFIED = "keep_satisfied", _("Tevreden houden")
    KEEP_INFORMED = "keep_informed", _("Informeren")
    MONITOR = "monitor", _("Monitoren")


def quadrant_for(influence: int, interest: int) -> Quadrant:
    """Mendelow's grid: influence decides satisfied/closely, interest decides informed."""
    high_influence, high_interest = influence >= HIGH_FROM, interest >= HIGH_FROM
    if high_influence:
        return Quadrant.MANAGE_CLOSELY if high_interest else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if high_interest else Quadrant.MONITOR


class OrganisationQuerySet(models.QuerySet):
    def with_latest_assessment(self) -> "OrganisationQuerySet":
        """Annotate the latest assessment's scores (``influence``, ``interest``, ``attitude``)."""
        latest = Assessment.objects.filter(organisation=OuterRef("pk")).order_by(
            "-assessed_on", "-pk"
        )
        return self.annotate(
            influence=Subquery(latest.values("influence")[:1]),
            interest=Subquery(latest.values("interest")[:1]),
            attitude=Subquery(latest.values("attitude")[:1]),
        )


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    scope = models.CharField(
        _("intern of extern"), max_length=10, choices=Scope.choices, default=Scope.EXTERNAL
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique_ci",
                violation_error_message=_("Er bestaat al een organisatie met deze naam."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stakeholders:organisation_detail", args=[self.pk])

    @property
    def quadrant(self) -> Quadrant | None:
        """The grid quadrant, on an organisation annotated by ``with_latest_assessment``."""
        influence, interest = getattr(self, "influence", None), getattr(self, "interest", None)
        if influence is None or interest is None:
            return None
        return quadrant_for(influence, interest)

    def get_attitude_display(self) -> str:
        attitude = getattr(self, "attitude", None)
        return Attitude(attitude).label if attitude else ""


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    FRENCH = "fr", _("Frans")
    ENGLISH = "en", _("Engels")
    OTHER = "other", _("Andere taal")


class Contact(models.Model):
    """A person at an organisation. Personal data: only consultants and the Atlas team see it."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("naam"), max_length=200)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    language = models.CharField(
        _("voorkeurtaal"), max_length=10, choices=Language.choices, default=Language.DUTCH
    )
    notes = models.TextField(_("notities"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # Set when the person asked to be forgotten (stakeholders.erasure): only a pseudonym is left.
    forgotten_at = models.DateTimeField(_("vergeten op"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("name"),
                name="contact_name_unique_per_organisation",
                violation_error_message=_(
                    "Deze organisatie heeft al een contactpersoon met deze naam."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One dated judgement of an organisation; a re-assessment adds a row, earlier ones stay."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    assessed_on = models.DateField(_("beoordeeld op"), default=datetime.date.today)
    influence = models.PositiveSmallIntegerField(_("invloed"), validators=SCORE_VALIDATORS)
    interest = models.PositiveSmallIntegerField(_("belang"), validators=SCORE_VALIDATORS)
    attitude = models.CharField(
        _("houding"), max_length=12, choices=Attitude.choices, default=Attitude.UNKNOWN
    )
    rationale = models.TextField(_("motivering"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(influence__gte=1, influence__lte=5),
                name="assessment_influence_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(interest__gte=1, interest__lte=5),
                name="assessment_interest_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.assessed_on:%d-%m-%Y})"

    @property
    def quadrant(self) -> Quadrant:
        return quadrant_for(self.influence, self.interest)


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Overleg")
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    EVENT = "event", _("Evenement")
    OTHER = "other", _("Ander")


class InteractionQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None) -> "InteractionQuerySet":
        today = today or timezone.localdate()
        return self.filter(follow_up_done=False, follow_up_due__lt=today)


class Interaction(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    date = models.DateField(_("datum"), default=datetime.date.today)
    kind = models.CharField(
        _("soort"), max_length=10, choices=InteractionKind.choices, default=InteractionKind.MEETING
    )
    summary = models.TextField(_("samenvatting"))
    follow_up = models.CharField(_("opvolging"), max_length=300, blank=True)
    follow_up_due = models.DateField(_("opvolgen tegen"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("opvolging afgerond"), default=False)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("genoteerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_due__isnull=True) | ~Q(follow_up=""),
                name="interaction_due_date_needs_follow_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.date:%d-%m-%Y})"

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.follow_up_due
            and not self.follow_up_done
            and self.follow_up_due < timezone.localdate()
        )


class Shortlist(models.Model):
    """The one shortlist of the project; holds its target size."""

    target_size = models.PositiveSmallIntegerField(
        _("streefaantal"), default=7, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("shortlist")
        verbose_name_plural = _("shortlists")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_size__gte=1), name="shortlist_target_size_positive"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Shortlist"))

    @classmethod
    def current(cls) -> "Shortlist":
        shortlist, _created = cls.objects.get_or_create(pk=1)
        return shortlist


class Decision(models.TextChoices):
    PROPOSED = "proposed", _("Voorgesteld")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class Progress(models.TextChoices):
    """Where an approved entry stands next; later steps (interviews, validation) fill this."""

    NONE = "", _("Nog niet gepland")
    INTERVIEW_PLANNED = "interview_planned", _("Interview gepland")
    INTERVIEWED = "interviewed", _("Geïnterviewd")
    VALIDATED = "validated", _("Afgetoetst")


class ShortlistEntry(models.Model):
    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="shortlist_entry",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("voorgestelde contactpersoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    rationale = models.TextField(_("motivering"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    decision = models.CharField(
        _("beslissing"), max_length=10, choices=Decision.choices, default=Decision.PROPOSED
    )
    decision_reason = models.TextField(_("reden van de beslissing"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    progress = models.CharField(
        _("voortgang"), max_length=20, choices=Progress.choices, default=Progress.NONE, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("shortlistvoorstel")
        verbose_name_plural = _("shortlistvoorstellen")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision=Decision.PROPOSED) | Q(decided_at__isnull=False),
                name="shortlist_entry_decision_is_dated",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def stands_at(self) -> str:
        """What the entry waits for or has reached, in the method's order."""
        if self.decision != Decision.APPROVED:
            return self.get_decision_display()
        if self.progress:
            return self.get_progress_display()
        return str(Decision.APPROVED.label)
