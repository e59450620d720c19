import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlasplan.roles import Role

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


class RoleAction(models.TextChoices):
    ADDED = "added", _("toegekend")
    REMOVED = "removed", _("ingetrokken")


class RoleChange(models.Model):
    """One role given to or taken from a user: who changed it, whose role, which, when.

    Written by atlasplan.signals for every path (admin, shell, data migration), never edited.
    Names are kept beside the links so the record survives a deleted account.
    """

    Action = RoleAction

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="role_changes",
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    action = models.CharField(_("wijziging"), max_length=10, choices=RoleAction.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="role_changes_made",
    )
    changed_by_name = models.CharField(_("gewijzigd door (naam)"), max_length=150, blank=True)
    changed_at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("rolwijziging")
        verbose_name_plural = _("rolwijzigingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="rolechange_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(action__in=RoleAction.values), name="rolechange_action_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username}: {self.get_role_display()} {self.get_action_display()}"


class UserSession(models.Model):
    """Which session belongs to which user, whatever the session engine.

    The cache engine (one shared cache for several app servers) cannot list a user's
    sessions, so atlasplan.sessions keeps this index on login (and after a session's key
    changes) and uses it to end every session of a user who is deactivated.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="atlasplan_sessions",
    )
    session_key = models.CharField(_("sessiesleutel"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.created_at:%Y-%m-%d %H:%M}"


class AuditKind(models.TextChoices):
    LOGIN = "login", _("aangemeld")
    LOGOUT = "logout", _("afgemeld")
    LOGIN_FAILED = "login_failed", _("aanmelden mislukt")
    LOCKOUT = "lockout", _("geblokkeerd na mislukte pogingen")
    ACCESS_DENIED = "access_denied", _("toegang geweigerd")
    ROLE_CHANGE = "role_change", _("rol of account gewijzigd")
    RAW_OPENED = "raw_opened", _("ruwe tekst geopend")
    EXPORT = "export", _("persoonsgegevens geëxporteerd")


class AuditEvent(models.Model):
    """One security event (atlasplan.audit.record): who, what, when, from which address.

    Written once and never changed: ``save`` refuses an update and ``delete`` refuses too;
    the admin shows the log to administrators without any way to add, change or delete.
    Names are kept beside the link so the record survives a deleted account.
    """

    Kind = AuditKind

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    kind = models.CharField(_("soort"), max_length=20, choices=AuditKind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    path = models.CharField(_("adres"), max_length=500, blank=True)
    target = models.CharField(_("onderwerp"), max_length=300, blank=True)
    detail = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AuditKind.values), name="auditevent_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise PermissionDenied(_("Het auditlog wordt nooit gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Het auditlog wordt nooit gewijzigd."))
