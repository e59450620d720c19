"""Stored files that must go when their row goes (or when a new file replaces them).

A file is removed only after the transaction that dropped it commits, so a rolled-back
delete or save keeps its file, and only through the storage's own ``delete``, so the rule
holds for the local media folder and for S3-compatible storage alike.
"""

from django.core.files.storage import Storage
from django.db import transaction


def delete_on_commit(storage: Storage, name: str) -> None:
    """Delete ``name`` from ``storage`` once the current transaction commits."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def delete_replaced_on_commit(instance, field_name: str) -> None:
    """Before ``instance`` is saved: if the stored row held another file in ``field_name``
    (replaced or cleared), delete that one once the save commits."""
    if instance.pk is None:
        return
    model = type(instance)
    previous = (
        model._default_manager.filter(pk=instance.pk).values_list(field_name, flat=True).first()
    )
    current = getattr(instance, field_name)
    # The same name again (a storage that overwrites, e.g. S3 by default) is the new file.
    if previous and previous != current.name:
        delete_on_commit(current.storage, previous)
