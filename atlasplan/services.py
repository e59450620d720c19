"""Writes of the shared core that touch more than one row."""

from django.db import transaction
from django.db.models import ManyToManyRel, ManyToOneRel, OneToOneRel
from django.utils.translation import gettext as _

from atlasplan.models import Theme


def theme_usage(theme: Theme) -> int:
    """How many objects in any app use this theme (found by the relations pointing at it)."""
    total = 0
    for relation in Theme._meta.related_objects:
        if relation.related_model is Theme:
            continue  # children are not uses
        total += getattr(theme, relation.get_accessor_name()).count()
    return total


@transaction.atomic
def merge_themes(source: Theme, target: Theme) -> None:
    """Move every use of ``source`` to ``target``, then delete ``source``.

    Every relation to Theme is found through the model's meta data, so a step that starts
    tagging with themes is covered without touching this function. Every object that moves
    is saved one by one, so that its history records the move (who, when, which themes).
    """
    if source.pk == target.pk:
        raise ValueError(_("Een thema kan niet met zichzelf worden samengevoegd."))
    if target.pk in source.descendant_ids():
        target.parent = source.parent  # lift the target out of the subtree that moves
        target.save()
    for relation in Theme._meta.related_objects:
        if isinstance(relation, ManyToManyRel):
            _move_many_to_many(relation, source, target)
        elif isinstance(relation, ManyToOneRel | OneToOneRel):
            _move_foreign_keys(relation, source, target)
    source._change_reason = f"merged into {target.pk}"
    source.delete()


def _move_foreign_keys(relation: ManyToOneRel, source: Theme, target: Theme) -> None:
    name = relation.field.name
    users = relation.related_model._default_manager.filter(**{name: source})
    for obj in users.exclude(pk=target.pk) if relation.related_model is Theme else users:
        setattr(obj, name, target)
        obj._change_reason = f"theme {source.pk} merged into {target.pk}"
        obj.save()


def _move_many_to_many(relation: ManyToManyRel, source: Theme, target: Theme) -> None:
    through = relation.through
    theme_field = relation.field.m2m_reverse_field_name()
    owner_field = relation.field.m2m_field_name()
    already = through.objects.filter(**{theme_field: target}).values(owner_field)
    rows = through.objects.filter(**{theme_field: source})
    owner_ids = list(rows.values_list(owner_field, flat=True))
    rows.filter(**{f"{owner_field}__in": already}).delete()
    rows.update(**{theme_field: target})
    owner_model = relation.related_model
    if getattr(owner_model._meta, "simple_history_manager_attribute", None) is None:
        return  # a model without history has nothing to record
    for owner in owner_model._default_manager.filter(pk__in=owner_ids):
        owner._change_reason = f"theme {source.pk} merged into {target.pk}"
        owner.save()  # its history row holds the tags as they are now
