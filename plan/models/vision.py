"""Step 5: the vision, in versions, with ambitions traced to the evidence."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class VisionState(models.TextChoices):
    CONCEPT = "concept", _("concept")
    VALIDATING = "validating", _("in aftoetsing")
    ADOPTED = "adopted", _("vastgesteld")


class VisionVersion(models.Model):
    State = VisionState

    number = models.PositiveIntegerField(_("versienummer"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    introduction = models.TextField(_("inleiding"), blank=True, help_text=_("Markdown."))
    body = models.TextField(_("tekst"), blank=True, help_text=_("Markdown, met secties."))
    state = models.CharField(_("status"), max_length=12, choices=State, default=State.CONCEPT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("visieversie")
        verbose_name_plural = _("visieversies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=VisionState.values), name="vision_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"v{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("plan:vision_detail", args=[self.pk])

    def is_editable(self) -> bool:
        """Only a concept is written in; a version in aftoetsing or vastgesteld is a record."""
        return self.state == VisionState.CONCEPT


class Ambition(models.Model):
    version = models.ForeignKey(
        VisionVersion,
        verbose_name=_("visieversie"),
        on_delete=models.CASCADE,
        related_name="ambitions",
    )
    origin = models.ForeignKey(
        "self",
        verbose_name=_("overgenomen van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text=_("De ambitie van de vorige versie waarvan deze een kopie is."),
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"), blank=True, help_text=_("Markdown."))
    themes = models.ManyToManyField(
        "atlasplan.Theme", verbose_name=_("thema's"), blank=True, related_name="ambitions"
    )
    excerpts = models.ManyToManyField(
        "interviews.Excerpt",
        verbose_name=_("interviewfragmenten"),
        blank=True,
        related_name="ambitions",
    )
    statements = models.ManyToManyField(
        "workshops.Statement",
        verbose_name=_("workshopstellingen"),
        blank=True,
        related_name="ambitions",
    )
    passages = models.ManyToManyField(
        "policies.Passage",
        verbose_name=_("beleidspassages"),
        blank=True,
        related_name="ambitions",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")

    def __str__(self) -> str:
        return self.title
