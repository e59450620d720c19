import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlasplan.models import Theme


class Level(models.TextChoices):
    ATLAS = "atlas", _("Atlas")
    CITY = "city", _("Stad Antwerpen")
    FLEMISH = "flemish", _("Vlaamse overheid")
    FEDERAL = "federal", _("Federale overheid")
    EUROPEAN = "european", _("Europees")
    PARTNER = "partner", _("Partner / middenveld")


class Kind(models.TextChoices):
    POLICY_PLAN = "policy_plan", _("Beleidsplan")
    COALITION_AGREEMENT = "coalition_agreement", _("Bestuursakkoord")
    STRATEGIC_NOTE = "strategic_note", _("Strategische nota")
    ANNUAL_REPORT = "annual_report", _("Jaarverslag")
    REGULATION = "regulation", _("Regelgeving")
    STUDY = "study", _("Studie")
    OTHER = "other", _("Ander")


class ReadingStatus(models.TextChoices):
    TO_READ = "to_read", _("Te lezen")
    READ = "read", _("Gelezen")
    SUMMARISED = "summarised", _("Samengevat")


class Extraction(models.TextChoices):
    NO_FILE = "no_file", _("Geen bestand")
    TEXT = "text", _("Tekst gelezen")
    NO_TEXT = "no_text", _("Geen tekst gevonden")


def document_upload_to(instance: "PolicyDocument", filename: str) -> str:
    """A random name under policies/: never guessable, never colliding."""
    return f"policies/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class PolicyDocument(models.Model):
    """A policy framework in the desk-research library."""

    title = models.CharField(_("titel"), max_length=300)
    organisation = models.CharField(_("uitgevende organisatie"), max_length=200)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    published_on = models.DateField(_("datum"), null=True, blank=True)
    url = models.URLField(_("webadres"), max_length=500, blank=True)
    file = models.FileField(_("bestand"), upload_to=document_upload_to, blank=True)
    original_filename = models.CharField(
        _("oorspronkelijke bestandsnaam"), max_length=255, blank=True
    )
    extracted_text = models.TextField(_("tekst uit het bestand"), blank=True)
    page_count = models.PositiveIntegerField(_("aantal pagina's"), null=True, blank=True)
    extraction = models.CharField(
        _("tekstextractie"), max_length=10, choices=Extraction.choices, default=Extraction.NO_FILE
    )
    summary = models.TextField(_("samenvatting"), blank=True, help_text=_("Markdown."))
    relevance = models.PositiveSmallIntegerField(
        _("relevantie"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), blank=True, related_name="policy_documents"
    )
    status = models.CharField(
        _("leesstatus"), max_length=12, choices=ReadingStatus.choices, default=ReadingStatus.TO_READ
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # PostgreSQL only (kept up to date by policies.search; NULL and unused on SQLite).
    search = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search", "extracted_text", "page_count"])

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("beleidsdocument")
        verbose_name_plural = _("beleidsdocumenten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relevance__gte=1, relevance__lte=5),
                name="policydocument_relevance_1_5",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900, year__lte=2100),
                name="policydocument_year_range",
            ),
        ]
        indexes = [models.Index(fields=["level", "year"], name="policydoc_level_year")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policies:document_detail", args=[self.pk])

    @property
    def has_real_pages(self) -> bool:
        """A PDF has pages; the text of other files is shown in sections ("deel 1", ...)."""
        return self.page_count is not None


class DocumentPage(models.Model):
    """One page of a document's extracted text (a PDF page, or a section of another file).

    Derived from the file when it is uploaded (policies.services.store_pages), so it keeps no
    history of its own: the document's history records the file.
    """

    document = models.ForeignKey(
        PolicyDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveIntegerField(_("nummer"), validators=[MinValueValidator(1)])
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="documentpage_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="documentpage_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} · {self.number}"


class Passage(models.Model):
    """A key passage of a document: what the vision and the plan will cite."""

    document = models.ForeignKey(
        PolicyDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="passages",
    )
    quote = models.TextField(_("citaat"))
    page = models.PositiveIntegerField(_("pagina"), null=True, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), blank=True, related_name="policy_passages"
    )
    note = models.TextField(_("notitie"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "page", "pk"]
        verbose_name = _("passage")
        verbose_name_plural = _("passages")

    def __str__(self) -> str:
        short = self.quote if len(self.quote) <= 80 else f"{self.quote[:77]}…"
        return f"“{short}”"
