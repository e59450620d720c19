"""Step 3: interview guides, interviews, consent, transcripts, notes, coded excerpts, positions.

Who may read what is decided in :mod:`interviews.privacy`, never here or in a template.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class InterviewGuide(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("interviewleidraad")
        verbose_name_plural = _("interviewleidraden")
        constraints = [
            models.UniqueConstraint(fields=["title"], name="interviewguide_title_unique"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("interviews:guide_detail", args=[self.pk])


class GuideQuestion(models.Model):
    guide = models.ForeignKey(
        InterviewGuide,
        verbose_name=_("leidraad"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("vraag"))
    # A question removed from the guide while notes were typed under it is kept for those
    # notes, out of the guide: it has no number and may share its old position.
    retired = models.BooleanField(_("uit de leidraad gehaald"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["guide", "retired", "position", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "position"],
                condition=Q(retired=False),
                name="guidequestion_active_position_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Mode(models.TextChoices):
    ON_SITE = "on_site", _("Ter plaatse")
    VIDEO = "video", _("Video")
    PHONE = "phone", _("Telefoon")


class Status(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Afgenomen")
    TRANSCRIBED = "transcribed", _("Uitgeschreven")
    CODED = "coded", _("Gecodeerd")


class Interview(models.Model):
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="interviews",
    )
    interviewees = models.ManyToManyField(
        "stakeholders.Contact", verbose_name=_("geïnterviewden"), blank=True, related_name="+"
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interviewers"),
        blank=True,
        related_name="interviews_held",
    )
    held_at = models.DateTimeField(_("datum en uur"))
    mode = models.CharField(_("vorm"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    duration = models.PositiveSmallIntegerField(
        _("duur (minuten)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    guide = models.ForeignKey(
        InterviewGuide,
        verbose_name=_("leidraad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interviews",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    notes = models.TextField(_("praktische notities"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[interviewers])

    class Meta:
        ordering = ["-held_at", "pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration__isnull=True) | Q(duration__gte=1),
                name="interview_duration_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.held_at:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("interviews:interview_detail", args=[self.pk])


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Schriftelijk")
    ORAL_RECORDED = "oral_recorded", _("Mondeling, opgenomen")


class ConsentScope(models.TextChoices):
    NAMED = "named", _("Bij naam citeren")
    ANONYMOUS = "anonymous", _("Enkel anoniem citeren")
    NOT_QUOTABLE = "not_quotable", _("Niet citeren")


def withdrawn_after_consent(consent_field: str, name: str) -> models.CheckConstraint:
    """The one rule for every record of consent: a withdrawal cannot precede the consent."""
    return models.CheckConstraint(
        condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F(consent_field)),
        name=name,
        violation_error_message=_("Een intrekking kan niet vóór de toestemming liggen."),
    )


def consent_upload_to(consent: "Consent", filename: str) -> str:
    return f"interviews/consent/{consent.interview_id}/{filename}"


class Consent(models.Model):
    interview = models.OneToOneField(
        Interview, verbose_name=_("interview"), on_delete=models.CASCADE, related_name="consent"
    )
    given = models.BooleanField(_("toestemming gegeven"), default=True)
    date = models.DateField(_("datum"), default=datetime.date.today)
    method = models.CharField(
        _("hoe"), max_length=15, choices=ConsentMethod.choices, default=ConsentMethod.WRITTEN
    )
    scope = models.CharField(
        _("citeren"), max_length=15, choices=ConsentScope.choices, default=ConsentScope.ANONYMOUS
    )
    form = models.FileField(_("getekend formulier"), upload_to=consent_upload_to, blank=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["interview"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            withdrawn_after_consent("date", "consent_withdrawn_after_given"),
        ]

    def __str__(self) -> str:
        return str(_("Toestemming voor %(interview)s") % {"interview": self.interview})

    @property
    def state_label(self) -> str:
        """The consent as the research space is told it: withdrawn, refused, or its scope."""
        if self.withdrawn_on:
            return _("ingetrokken")
        if not self.given:
            return _("geweigerd")
        return self.get_scope_display()

    @property
    def allows_quotes(self) -> bool:
        return (
            self.given
            and self.withdrawn_on is None
            and self.scope in {ConsentScope.NAMED, ConsentScope.ANONYMOUS}
        )


class Transcript(models.Model):
    """The current text; every saved text is also kept as a :class:`TranscriptVersion`."""

    interview = models.OneToOneField(
        Interview, verbose_name=_("interview"), on_delete=models.CASCADE, related_name="transcript"
    )
    text = models.TextField(_("tekst"))
    original_filename = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # PostgreSQL only (GIN-indexed, kept up to date by interviews.search; NULL on SQLite).
    search = SearchVectorField(null=True, editable=False)

    # Each text is kept once, as a TranscriptVersion; the history records who saved when.
    history = HistoricalRecords(excluded_fields=["text", "search"])

    class Meta:
        ordering = ["interview"]
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripten")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="transcript_not_empty"),
        ]

    def __str__(self) -> str:
        return str(_("Transcript van %(interview)s") % {"interview": self.interview})


class TranscriptVersion(models.Model):
    """One saved text of a transcript, as it was saved; never changed afterwards."""

    transcript = models.ForeignKey(
        Transcript, verbose_name=_("transcript"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versie"))
    text = models.TextField(_("tekst"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeslagen door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    # A version is never edited: it is its own history (no simple-history copy of its text).

    class Meta:
        ordering = ["transcript", "-number"]
        verbose_name = _("transcriptversie")
        verbose_name_plural = _("transcriptversies")
        constraints = [
            models.UniqueConstraint(
                fields=["transcript", "number"], name="transcriptversion_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.transcript} v{self.number}"


class NoteAnswer(models.Model):
    """What the interviewer noted under one guide question (or free notes: no question)."""

    interview = models.ForeignKey(
        Interview, verbose_name=_("interview"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        GuideQuestion,
        verbose_name=_("vraag"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    text = models.TextField(_("notities"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["interview", "question__retired", "question__position", "pk"]
        verbose_name = _("notitie bij een vraag")
        verbose_name_plural = _("notities bij vragen")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "question"], name="noteanswer_one_per_question"
            ),
            models.UniqueConstraint(
                fields=["interview"],
                condition=Q(question__isnull=True),
                name="noteanswer_one_free_note",
            ),
        ]

    def __str__(self) -> str:
        return str(self.question or _("Vrije notities"))


class Stance(models.TextChoices):
    SUPPORTIVE = "supportive", _("Steunend")
    NUANCED = "nuanced", _("Genuanceerd")
    CRITICAL = "critical", _("Kritisch")
    NEUTRAL = "neutral", _("Neutraal")


class Anchor(models.TextChoices):
    OK = "ok", _("In orde")
    REANCHORED = "reanchored", _("Opnieuw verankerd")
    FLAGGED = "flagged", _("Niet meer gevonden")


class Excerpt(models.Model):
    """A coded span of a transcript or of a note answer; ``text`` keeps the span itself."""

    interview = models.ForeignKey(
        Interview, verbose_name=_("interview"), on_delete=models.CASCADE, related_name="excerpts"
    )
    transcript = models.ForeignKey(
        Transcript,
        verbose_name=_("transcript"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="excerpts",
    )
    note = models.ForeignKey(
        NoteAnswer,
        verbose_name=_("notitie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="excerpts",
    )
    start = models.PositiveIntegerField(_("begin"))
    end = models.PositiveIntegerField(_("einde"))
    text = models.TextField(_("fragment"))
    themes = models.ManyToManyField(
        "atlasplan.Theme", verbose_name=_("thema's"), related_name="excerpts"
    )
    stance = models.CharField(
        _("standpunt"), max_length=12, choices=Stance.choices, default=Stance.NEUTRAL
    )
    surprising = models.BooleanField(_("verrassend"), default=False)
    quotable = models.BooleanField(_("citeerbaar"), default=False)
    memo = models.TextField(_("memo"), blank=True)
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecodeerd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anchor = models.CharField(
        _("verankering"), max_length=12, choices=Anchor.choices, default=Anchor.OK
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["interview", "start", "pk"]
        verbose_name = _("fragment")
        verbose_name_plural = _("fragmenten")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="excerpt_end_after_start"),
            models.CheckConstraint(
                condition=Q(transcript__isnull=False, note__isnull=True)
                | Q(transcript__isnull=True, note__isnull=False),
                name="excerpt_has_one_source",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        if self.transcript_id:
            return reverse("interviews:transcript_detail", args=[self.interview_id])
        return reverse("interviews:note_detail", args=[self.interview_id, self.note_id])

    @property
    def source(self) -> Transcript | NoteAnswer:
        return self.transcript if self.transcript_id else self.note


class PositionSummary(models.Model):
    """The consultants' written position of one organisation on one theme."""

    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="position_summaries",
    )
    theme = models.ForeignKey(
        "atlasplan.Theme",
        verbose_name=_("thema"),
        on_delete=models.CASCADE,
        related_name="position_summaries",
    )
    text = models.TextField(_("samenvatting van het standpunt"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "theme"]
        verbose_name = _("standpuntsamenvatting")
        verbose_name_plural = _("standpuntsamenvattingen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "theme"], name="positionsummary_one_per_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.theme}"

    def save(self, *args, **kwargs) -> None:
        """When a theme merge moves this summary onto a theme that already has one for the
        same organisation, both texts are kept in that one instead of failing."""
        other = None
        if self.pk:
            other = (
                PositionSummary.objects.filter(
                    organisation_id=self.organisation_id, theme_id=self.theme_id
                )
                .exclude(pk=self.pk)
                .first()
            )
        if other is None:
            super().save(*args, **kwargs)
            return
        other.text = f"{other.text}\n\n{self.text}"
        other.save()
        self.delete()
