from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from policies.models import Passage, PolicyDocument
from policies.search import update_search_vector


@receiver(post_save, sender=PolicyDocument, dispatch_uid="policies_document_search")
def document_saved(sender, instance: PolicyDocument, **kwargs) -> None:
    update_search_vector(instance.pk)


@receiver(post_save, sender=Passage, dispatch_uid="policies_passage_saved_search")
@receiver(post_delete, sender=Passage, dispatch_uid="policies_passage_deleted_search")
def passage_changed(sender, instance: Passage, **kwargs) -> None:
    if PolicyDocument.objects.filter(pk=instance.document_id).exists():
        update_search_vector(instance.document_id)


@receiver(post_delete, sender=PolicyDocument, dispatch_uid="policies_document_file")
def document_deleted(sender, instance: PolicyDocument, **kwargs) -> None:
    """A deleted document takes its file with it (media must not keep orphans)."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)
