"""Refuse a save made on a stale copy: two people editing the same object at once.

An edit form carries the stamp of the object as it was read (:func:`stamp`, its
``updated_at``) in a hidden field. When the form comes back and the object has been saved
since, the save is refused: the form keeps everything this person typed (bound, re-rendered),
says so, and offers the values the other person saved (:meth:`StaleSaveMixin.current`), so
nothing is lost on either side. The refused form carries the new stamp: saving it again
deliberately overwrites, after the person has seen the other change.

Use: ``class MyForm(StaleSaveMixin, forms.ModelForm)``, and in the view
``render(..., status=form_status(form))``; ``includes/stale_save.html`` shows
the warning with the stored values of ``stale_fields``.
"""

from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlasplan.ids import parse_pk

FIELD = "read_at"
STALE_MESSAGE = _(
    "Iemand anders heeft dit intussen opgeslagen. Uw tekst is niet bewaard, "
    "maar staat hieronder nog in het formulier; de opgeslagen versie staat "
    "erboven. Neem over wat u wilt houden en sla opnieuw op."
)


def stamp(instance: models.Model | None) -> str:
    """The version of ``instance`` as last saved (empty for a new object)."""
    if instance is None or instance.pk is None:
        return ""
    value = getattr(instance, "updated_at", None)
    return value.isoformat() if value else ""


def _getlist(data, key: str) -> list:
    if hasattr(data, "getlist"):
        return data.getlist(key)
    value = data.get(key, [])
    return value if isinstance(value, list | tuple) else [value]


@dataclass(frozen=True)
class StoredValue:
    label: str
    value: str
    typed: str  # what this person typed, as text, to compare


class StaleSaveMixin(forms.BaseForm):
    """A ModelForm that refuses a save when its object changed after the form was read."""

    stale_fields: tuple[str, ...] = ()  # fields whose stored value the warning shows

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=stamp(self.instance)
        )
        self.stored = None  # the object as the other person saved it, when stale

    @property
    def is_stale(self) -> bool:
        return self.stored is not None

    def clean(self):
        cleaned = super().clean()
        read_at = (self.data.get(self.add_prefix(FIELD)) or "").strip()
        if self.instance.pk is not None and read_at != self._current_stamp():
            self._mark_stale(type(self.instance)._default_manager.get(pk=self.instance.pk))
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        return cleaned

    def refuse_as_stale(self, stored: models.Model) -> None:
        """Refuse a save found stale only when it was written: someone else created
        ``stored`` (the same object, by a unique constraint) after this form was read."""
        self._mark_stale(stored)
        self.add_error(None, forms.ValidationError(STALE_MESSAGE, code="stale"))

    def _mark_stale(self, stored: models.Model) -> None:
        self.stored = stored
        # The form shown again carries the new stamp: saving it once more, after seeing
        # the other change, is a deliberate choice and goes through.
        self.data = self.data.copy()
        self.data[self.add_prefix(FIELD)] = stamp(stored)

    def _current_stamp(self) -> str:
        if self.instance.pk is None:
            return ""
        row = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        value = row.values_list("updated_at", flat=True).first()
        return value.isoformat() if value else ""

    def current(self) -> list[StoredValue]:
        """The stored values of ``stale_fields`` beside what this person typed."""
        if self.stored is None:
            return []
        values = []
        for name in self.stale_fields:
            field = self.stored._meta.get_field(name)
            stored = getattr(self.stored, name)
            if field.many_to_many:
                stored = ", ".join(str(item) for item in stored.all())
            if field.many_to_many:
                ids = [parse_pk(pk) for pk in _getlist(self.data, self.add_prefix(name))]
                chosen = field.related_model._default_manager.filter(pk__in=[i for i in ids if i])
                typed = ", ".join(str(item) for item in chosen)
            else:
                typed = self.data.get(self.add_prefix(name), "")
            values.append(StoredValue(str(field.verbose_name), str(stored), str(typed)))
        return values

    def stored_by(self):
        """Who saved the stored version (from its history), if known."""
        history = getattr(self.stored, "history", None)
        record = history.select_related("history_user").first() if history is not None else None
        return record.history_user if record else None


def form_status(form: forms.BaseForm | None) -> int:
    """The status of a form page: 409 Conflict when a stale save was refused, else 200."""
    return 409 if getattr(form, "is_stale", False) else 200
