"""A PDF of the plan rendered in the background (issue 12): one row per request."""

import contextlib
import os
import uuid
from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


class ExportState(models.TextChoices):
    WAITING = "waiting", _("in de wachtrij")
    RUNNING = "running", _("wordt opgemaakt")
    READY = "ready", _("klaar")
    FAILED = "failed", _("mislukt")


FOLDER = "plan-pdf"  # each export's file is FOLDER/<key>/<filename>


class PlanExport(models.Model):
    """One request for the plan's PDF. The key is random, so each request's document is
    its own; the file lives in the default storage under that key."""

    State = ExportState

    key = models.UUIDField(_("sleutel"), default=uuid.uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    state = models.CharField(
        _("status"), max_length=10, choices=ExportState, default=ExportState.WAITING
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    task_id = models.CharField(_("taak"), max_length=64, blank=True)
    file = models.FileField(_("bestand"), upload_to=f"{FOLDER}/", blank=True)
    filename = models.CharField(_("bestandsnaam"), max_length=100, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("PDF van het plan")
        verbose_name_plural = _("PDF's van het plan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ExportState.values), name="plan_export_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="plan_export_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return str(self.key)

    @property
    def done(self) -> bool:
        return self.state in {ExportState.READY, ExportState.FAILED}


@receiver(post_delete, sender=PlanExport)
def delete_file_with_export(sender, instance: PlanExport, **kwargs) -> None:
    """An export's file goes with its row, once the deletion is committed (a rollback keeps
    both)."""
    if instance.file:
        transaction.on_commit(partial(delete_stored, instance.file.storage, instance.file.name))


def delete_stored(storage, name: str) -> None:
    """Delete ``name`` and, on a local disk, its export's folder once it is empty."""
    storage.delete(name)
    with contextlib.suppress(NotImplementedError, OSError):  # not local, or not empty
        os.rmdir(os.path.dirname(storage.path(name)))
