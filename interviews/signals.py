from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from atlasplan.files import delete_on_commit, delete_replaced_on_commit
from interviews.models import Consent, Interview, Transcript
from interviews.search import update_search_vector
from interviews.services import purge_interview_history


@receiver(post_save, sender=Transcript, dispatch_uid="interviews_transcript_search")
def transcript_saved(sender, instance: Transcript, update_fields=None, **kwargs) -> None:
    if update_fields is None or "text" in update_fields:
        update_search_vector(instance.pk)


@receiver(pre_save, sender=Consent, dispatch_uid="interviews_consent_form_replaced")
def consent_form_replaced(sender, instance: Consent, **kwargs) -> None:
    """A replaced or cleared consent form leaves no signed copy behind in media."""
    delete_replaced_on_commit(instance, "form")


@receiver(post_delete, sender=Consent, dispatch_uid="interviews_consent_form_deleted")
def consent_deleted(sender, instance: Consent, **kwargs) -> None:
    if instance.form:
        delete_on_commit(instance.form.storage, instance.form.name)


@receiver(post_delete, sender=Interview, dispatch_uid="interviews_interview_history")
def interview_deleted(sender, instance: Interview, **kwargs) -> None:
    """Runs after the cascade (and after simple-history recorded each deletion), inside the
    same transaction, from a view, the admin or the shell alike."""
    purge_interview_history(instance.pk)
