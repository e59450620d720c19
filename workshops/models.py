"""Step 4: workshops that test statements, anonymous ballots and their votes."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlasplan.models import Theme
from atlasplan.roles import Role, roles_of

# Short codes avoid characters that are easily confused when read off a projector (0/O, 1/I).
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def hash_token(token: str) -> str:
    """Ballots keep only a hash of their token: a copy of the database cannot vote."""
    return hashlib.sha256(token.encode()).hexdigest()


class WorkshopQuerySet(models.QuerySet):
    def visible_to(self, user) -> "WorkshopQuerySet":
        """Consultants and the Atlas team read every workshop (DOMAIN: the Atlas team reads
        everything but raw transcripts); others none."""
        if roles_of(user) & {Role.CONSULTANT, Role.ATLAS}:
            return self
        return self.none()


class WorkshopState(models.TextChoices):
    PREPARING = "preparing", _("voorbereiding")
    OPEN = "open", _("open")
    CLOSED = "closed", _("gesloten")


class StatementOutcome(models.TextChoices):
    PENDING = "", _("nog niet besproken")
    KEPT = "kept", _("behouden")
    REWORDED = "reworded", _("herformuleerd")
    DROPPED = "dropped", _("geschrapt")


class Workshop(models.Model):
    State = WorkshopState

    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_workshops",
    )
    description = models.TextField(_("beschrijving"), blank=True)
    expected_participants = models.PositiveSmallIntegerField(
        _("verwachte deelnemers"), null=True, blank=True
    )
    state = models.CharField(_("status"), max_length=10, choices=State, default=State.PREPARING)
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, editable=False)
    ask_role = models.BooleanField(
        _("rol vragen"),
        default=False,
        help_text=_("Deelnemers kiezen hun rol uit de lijst hieronder, voor resultaten per groep."),
    )
    role_options = models.TextField(
        _("rollen"), blank=True, help_text=_("Eén rol per regel, bijvoorbeeld “communicatie”.")
    )
    results_revealed = models.BooleanField(_("resultaten getoond"), default=False)
    presented_statement = models.ForeignKey(
        "Statement",
        verbose_name=_("getoonde stelling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    follow_presenter = models.BooleanField(
        _("volg de presentator"),
        default=True,
        help_text=_(
            "De gsm's tonen de stelling die op het scherm staat. Uit: deelnemers bladeren zelf."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=WorkshopState.values),
                name="workshop_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.code:
            self.code = self._unused_code()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("workshops:workshop_detail", args=[self.pk])

    def ballot_limit(self) -> int:
        """How many ballots the workshop accepts: room for twice the expected group (people
        who change phones, late-comers), so one client cannot stuff the vote; without an
        expected group size, the default of the settings."""
        if not self.expected_participants:
            return settings.WORKSHOP_DEFAULT_BALLOT_LIMIT
        return max(2 * self.expected_participants, self.expected_participants + 10)

    @property
    def has_default_ballot_limit(self) -> bool:
        return not self.expected_participants

    def is_full(self) -> bool:
        return self.ballots.count() >= self.ballot_limit()

    def admits(self, ballot: "Ballot") -> bool:
        """Whether ``ballot`` is one of the first ballots, within the limit."""
        return self.ballots.filter(pk__lt=ballot.pk).count() < self.ballot_limit()

    @staticmethod
    def _unused_code() -> str:
        while True:
            code = new_code()
            if not Workshop.objects.filter(code=code).exists():
                return code

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def roles(self) -> list[str]:
        """The roles participants may pick from, when the workshop asks for one."""
        if not self.ask_role:
            return []
        return [line.strip() for line in self.role_options.splitlines() if line.strip()]


class Statement(models.Model):
    Outcome = StatementOutcome

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="statements"
    )
    text = models.TextField(_("stelling"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    source_passage = models.ForeignKey(
        "policies.Passage",
        verbose_name=_("bron: beleidspassage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_("Een kernpassage uit de bibliotheek (stap 1) waarop de stelling steunt."),
    )
    source_excerpt = models.ForeignKey(
        "interviews.Excerpt",
        verbose_name=_("bron: interviewfragment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_(
            "Een gecodeerd fragment uit de interviews (stap 3). Het wordt getoond zoals de "
            "toestemming van dat interview het toelaat."
        ),
    )
    source = models.CharField(
        _("bron (vrije tekst)"),
        max_length=300,
        blank=True,
        help_text=_("Een andere bron, in een paar woorden."),
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=10, choices=Outcome, default=Outcome.PENDING, blank=True
    )
    reworded_text = models.TextField(_("geherformuleerde tekst"), blank=True)
    discussion_notes = models.TextField(_("notities bij de bespreking"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["workshop", "order", "pk"]
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=StatementOutcome.values),
                name="statement_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def get_absolute_url(self) -> str:
        return reverse("workshops:statement_update", args=[self.pk])


class Answer(models.IntegerChoices):
    """The five-point agreement scale and a pass. Pass is 0 so the scale stays 1-5."""

    PASS = 0, _("pas / weet niet")
    STRONGLY_DISAGREE = 1, _("helemaal oneens")
    DISAGREE = 2, _("oneens")
    NEUTRAL = 3, _("neutraal")
    AGREE = 4, _("eens")
    STRONGLY_AGREE = 5, _("helemaal eens")


class Ballot(models.Model):
    """One anonymous participant of one workshop: no name, no IP address, only a token hash."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="ballots"
    )
    token_hash = models.CharField(_("token-hash"), max_length=64, unique=True, editable=False)
    role = models.CharField(_("rol"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["workshop", "pk"]
        verbose_name = _("stembiljet")
        verbose_name_plural = _("stembiljetten")

    def __str__(self) -> str:
        return f"{self.workshop} #{self.pk}"


class Vote(models.Model):
    ballot = models.ForeignKey(
        Ballot, verbose_name=_("stembiljet"), on_delete=models.CASCADE, related_name="votes"
    )
    statement = models.ForeignKey(
        Statement, verbose_name=_("stelling"), on_delete=models.CASCADE, related_name="votes"
    )
    value = models.PositiveSmallIntegerField(_("antwoord"), choices=Answer)
    comment = models.TextField(_("opmerking"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["statement", "ballot"]
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "statement"], name="vote_one_per_ballot_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=Answer.values), name="vote_value_on_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.get_value_display()}"


class ManualCount(models.Model):
    """Counts per answer entered by the facilitator when phones were not an option."""

    statement = models.ForeignKey(
        Statement,
        verbose_name=_("stelling"),
        on_delete=models.CASCADE,
        related_name="manual_counts",
    )
    value = models.PositiveSmallIntegerField(_("antwoord"), choices=Answer)
    count = models.PositiveIntegerField(_("aantal"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "value"]
        verbose_name = _("handmatige telling")
        verbose_name_plural = _("handmatige tellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "value"], name="manualcount_one_per_answer"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=Answer.values), name="manualcount_value_on_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.get_value_display()} x {self.count}"
