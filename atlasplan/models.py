import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Geef een kleur als #rrggbb, bijvoorbeeld #1f6f8b.")
)


class ThemeQuerySet(models.QuerySet):
    def tree(self) -> list[tuple["Theme", int]]:
        """All themes depth-first, each with its depth (0 for a root), in one query."""
        themes = list(self.order_by("name"))
        children: dict[int | None, list[Theme]] = {}
        for theme in themes:
            children.setdefault(theme.parent_id, []).append(theme)
        ordered: list[tuple[Theme, int]] = []

        def walk(parent_id: int | None, depth: int) -> None:
            for theme in children.get(parent_id, []):
                ordered.append((theme, depth))
                walk(theme.pk, depth + 1)

        walk(None, 0)
        return ordered


class Theme(models.Model):
    """One code of the shared codebook, used by passages, excerpts, statements and the plan."""

    name = models.CharField(_("naam"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("bovenliggend thema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("beschrijving"), blank=True)
    colour = models.CharField(
        _("kleur"), max_length=7, default="#1f6f8b", validators=[colour_validator]
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="theme_name_unique_ci",
                violation_error_message=_("Er bestaat al een thema met deze naam."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("theme_update", args=[self.pk])

    def descendant_ids(self) -> set[int]:
        """The ids of every theme below this one (two queries at most per level)."""
        found: set[int] = set()
        frontier = {self.pk}
        while frontier:
            frontier = set(
                Theme.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            frontier -= found
            found |= frontier
        return found


class Installation(models.Model):
    """This installation's identity: one row, made on first use, never changed.

    Exchange formats need ids that stay the same when the same data is exported again and
    that never collide with another installation's (two installations both have a record 1);
    :meth:`namespace` gives such a UUID namespace.
    """

    identifier = models.UUIDField(_("identificatie"), default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("installatie")
        verbose_name_plural = _("installaties")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="installation_single_row"),
        ]

    def __str__(self) -> str:
        return str(self.identifier)

    @classmethod
    def namespace(cls) -> uuid.UUID:
        return cls.objects.get_or_create(pk=1)[0].identifier
