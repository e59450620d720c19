from django.db.models.signals import post_save
from django.dispatch import receiver

from interviews.models import Transcript
from interviews.search import update_search_vector


@receiver(post_save, sender=Transcript, dispatch_uid="interviews_transcript_search")
def transcript_saved(sender, instance: Transcript, update_fields=None, **kwargs) -> None:
    if update_fields is None or "text" in update_fields:
        update_search_vector(instance.pk)
