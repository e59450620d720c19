"""Step 6: the validation round: a vision version taken back to every stakeholder.

A :class:`ValidationRound` belongs to one vision version. Each invited organisation is an
:class:`Invitee` (contacts, the way it is asked, its state with dates). An invitee answers
once (:class:`ValidationResponse`, edited afterwards, never doubled), overall and per
ambition (:class:`AmbitionFeedback`). A response records how it may be quoted, as an
interview's consent does; the evidence boundary (``interviews.privacy``) applies it.
A "deels" or "niet" answer on an ambition is an objection; the next version decides on it
(:class:`ObjectionDecision`). An invitee can answer online through an :class:`AnswerLink`:
a random token kept only as a hash, for that invitee and round, until it expires or is
revoked.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from interviews.models import ConsentScope, withdrawn_after_consent
from plan.models.vision import Ambition, VisionVersion
from stakeholders.models import Scope


def hash_token(token: str) -> str:
    """Answer links keep only a hash of their token: a copy of the database cannot answer."""
    return hashlib.sha256(token.encode()).hexdigest()


class ValidationRound(models.Model):
    version = models.ForeignKey(
        VisionVersion,
        verbose_name=_("visieversie"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("titel"), max_length=200)
    opens_on = models.DateField(_("start"), default=datetime.date.today)
    closes_on = models.DateField(_("antwoorden tot"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgesloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("aftoetsingsronde")
        verbose_name_plural = _("aftoetsingsrondes")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(closes_on__gte=F("opens_on")),
                name="validation_round_closes_after_opening",
                violation_error_message=_("De einddatum ligt vóór de start."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan:validation_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Way(models.TextChoices):
    CONVERSATION = "conversation", _("gesprek")
    MAIL = "mail", _("mail")
    MEETING = "meeting", _("bijeenkomst")
    ONLINE = "online", _("online")


class InviteeState(models.TextChoices):
    INVITED = "invited", _("uitgenodigd")
    REMINDED = "reminded", _("herinnerd")
    ANSWERED = "answered", _("beantwoord")
    NO_RESPONSE = "no_response", _("geen reactie")


class Invitee(models.Model):
    State = InviteeState

    round = models.ForeignKey(
        ValidationRound,
        verbose_name=_("aftoetsingsronde"),
        on_delete=models.CASCADE,
        related_name="invitees",
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="validation_invitations",
    )
    contacts = models.ManyToManyField(
        "stakeholders.Contact",
        verbose_name=_("contactpersonen"),
        blank=True,
        related_name="validation_invitations",
    )
    way = models.CharField(_("hoe"), max_length=15, choices=Way, default=Way.CONVERSATION)
    state = models.CharField(
        _("status"), max_length=15, choices=InviteeState, default=InviteeState.INVITED
    )
    invited_on = models.DateField(_("uitgenodigd op"), default=datetime.date.today)
    reminded_on = models.DateField(_("herinnerd op"), null=True, blank=True)
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "organisation__name", "pk"]
        verbose_name = _("genodigde")
        verbose_name_plural = _("genodigden")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"],
                name="invitee_once_per_round",
                violation_error_message=_("Deze organisatie is al uitgenodigd voor deze ronde."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=InviteeState.values), name="invitee_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def is_internal(self) -> bool:
        return self.organisation.scope == Scope.INTERNAL


class AnswerLink(models.Model):
    """A personal link to answer online: the token is shown once and stored only as a hash."""

    invitee = models.ForeignKey(
        Invitee, verbose_name=_("genodigde"), on_delete=models.CASCADE, related_name="links"
    )
    token_hash = models.CharField(_("token-hash"), max_length=64, unique=True, editable=False)
    expires_on = models.DateField(_("geldig tot"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("antwoordlink")
        verbose_name_plural = _("antwoordlinks")

    def __str__(self) -> str:
        return str(_("Antwoordlink voor %(invitee)s") % {"invitee": self.invitee})

    def is_usable(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.expires_on >= today


class Endorsement(models.TextChoices):
    ENDORSE = "endorse", _("onderschrijft")
    PARTLY = "partly", _("deels")
    NOT = "not", _("onderschrijft niet")


OBJECTIONS = (Endorsement.PARTLY, Endorsement.NOT)


class ValidationResponse(models.Model):
    """One invitee's answer; its quotable texts leave the research space as ``consent_scope``
    allows, until ``withdrawn_on`` (the evidence boundary applies both at read time)."""

    invitee = models.OneToOneField(
        Invitee, verbose_name=_("genodigde"), on_delete=models.CASCADE, related_name="response"
    )
    answered_on = models.DateField(_("datum"), default=datetime.date.today)
    respondent = models.ForeignKey(
        "stakeholders.Contact",
        verbose_name=_("wie antwoordde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="validation_responses",
    )
    respondent_name = models.CharField(
        _("naam van wie antwoordde"),
        max_length=200,
        blank=True,
        help_text=_("Enkel als die persoon niet bij de contactpersonen staat."),
    )
    position = models.CharField(_("algemeen standpunt"), max_length=10, choices=Endorsement)
    surprises = models.TextField(_("waar zaten de verrassingen?"), blank=True)
    surprise_themes = models.ManyToManyField(
        "atlasplan.Theme",
        verbose_name=_("thema's van de verrassingen"),
        blank=True,
        related_name="validation_surprises",
    )
    remarks = models.TextField(_("opmerkingen"), blank=True)
    consent_scope = models.CharField(
        _("citeren"), max_length=15, choices=ConsentScope.choices, blank=False
    )
    consent_on = models.DateField(_("toestemming gegeven op"), default=datetime.date.today)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    online = models.BooleanField(_("online beantwoord"), default=False)
    submitted_at = models.DateTimeField(_("online ingediend op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["invitee__round", "invitee__organisation__name", "pk"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.CheckConstraint(
                condition=Q(position__in=Endorsement.values), name="response_position_valid"
            ),
            models.CheckConstraint(
                condition=Q(consent_scope__in=ConsentScope.values),
                name="response_consent_scope_valid",
            ),
            withdrawn_after_consent("consent_on", "response_withdrawn_after_consent"),
        ]

    def __str__(self) -> str:
        return str(_("Antwoord van %(invitee)s") % {"invitee": self.invitee})

    @property
    def allows_quotes(self) -> bool:
        return self.withdrawn_on is None and self.consent_scope in {
            ConsentScope.NAMED,
            ConsentScope.ANONYMOUS,
        }

    @property
    def consent_label(self) -> str:
        if self.withdrawn_on:
            return str(_("ingetrokken"))
        return str(self.get_consent_scope_display())


class AmbitionFeedback(models.Model):
    response = models.ForeignKey(
        ValidationResponse,
        verbose_name=_("antwoord"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    ambition = models.ForeignKey(
        Ambition, verbose_name=_("ambitie"), on_delete=models.CASCADE, related_name="feedback"
    )
    position = models.CharField(_("standpunt"), max_length=10, choices=Endorsement)
    comment = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["response", "ambition__position", "ambition__pk"]
        verbose_name = _("antwoord per ambitie")
        verbose_name_plural = _("antwoorden per ambitie")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "ambition"], name="feedback_once_per_ambition"
            ),
            models.CheckConstraint(
                condition=Q(position__in=Endorsement.values), name="feedback_position_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ambition}: {self.get_position_display()}"

    @property
    def is_objection(self) -> bool:
        return self.position in OBJECTIONS


class DecisionOutcome(models.TextChoices):
    PROCESSED = "processed", _("verwerkt")
    REJECTED = "rejected", _("niet overgenomen")


class ObjectionDecision(models.Model):
    """What was done with one objection: worked into a version (which change), or not (why)."""

    feedback = models.OneToOneField(
        AmbitionFeedback,
        verbose_name=_("bezwaar"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    outcome = models.CharField(_("beslissing"), max_length=10, choices=DecisionOutcome)
    version = models.ForeignKey(
        VisionVersion,
        verbose_name=_("verwerkt in versie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="objection_decisions",
    )
    ambitions = models.ManyToManyField(
        Ambition,
        verbose_name=_("gewijzigde ambities"),
        blank=True,
        related_name="objection_decisions",
        help_text=_("De ambities van de nieuwe versie die door dit bezwaar veranderden."),
    )
    explanation = models.TextField(
        _("toelichting"), help_text=_("Welke wijziging, of waarom niet overgenomen.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslist op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["feedback__response", "feedback__ambition__position", "pk"]
        verbose_name = _("beslissing over een bezwaar")
        verbose_name_plural = _("beslissingen over bezwaren")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=DecisionOutcome.values), name="decision_outcome_valid"
            ),
            models.CheckConstraint(
                condition=~Q(outcome=DecisionOutcome.PROCESSED) | Q(version__isnull=False),
                name="processed_decision_names_version",
                violation_error_message=_("Zeg in welke versie het bezwaar verwerkt is."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feedback}: {self.get_outcome_display()}"
