"""A contact's requests about their personal data: export everything held, or be forgotten.

:func:`export_contact` gathers what the app holds about one person as a JSON-ready dict.
:func:`forget_contact` erases or pseudonymises it everywhere, in one transaction:

1. the contact row and its history keep only a pseudonym ("Vergeten persoon 12") and the
   organisation; function, e-mail, phone and notes are emptied (the links stay, so an
   interview's interviewees, a shortlist entry or a validation answer still count them);
2. each later step removes what it holds as files and links (:func:`register`);
3. a sweep over every text, file-name and JSON column of every model and historical model
   replaces every name and e-mail address the contact ever had (earlier ones from its
   history too) by the pseudonym, and speaker labels by their first or last name alone
   ("Amina:" at the start of a line); user accounts and sessions are not research data and
   are left to the administrator;
4. each step then repairs what depends on the changed text (re-anchoring excerpts,
   stored search vectors).

The research stays usable: transcripts, excerpts and answers remain, with the pseudonym.
Stakeholders is step 2 and may not import a later step, so interviews and plan add their
parts from their ``AppConfig.ready()``.
"""

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from atlasplan.files import delete_on_commit
from policies.models import PolicyDocument
from policies.search import update_search_vector as update_document_vector
from stakeholders.imports import STAGING_FOLDER
from stakeholders.models import Contact, ShortlistEntry

# Accounts and sessions belong to user management, not to the research.
SKIPPED_APPS = {
    "auth",
    "account",
    "socialaccount",
    "mfa",
    "usersessions",
    "sessions",
    "contenttypes",
}

Changed = dict[type[models.Model], set]


@dataclass(frozen=True)
class Part:
    """What one step holds about a contact: ``export`` returns it as JSON-ready data,
    ``forget`` removes its files and links before the sweep, ``repair`` fixes what depends
    on text the sweep changed (it receives the changed primary keys per model)."""

    name: str
    export: Callable[[Contact], Any]
    forget: Callable[[Contact], None] | None = None
    repair: Callable[[Changed], None] | None = None


_PARTS: dict[str, Part] = {}


def register(part: Part) -> None:
    _PARTS[part.name] = part


def parts() -> list[Part]:
    return sorted(_PARTS.values(), key=lambda part: part.name)


def pseudonym(contact: Contact) -> str:
    return f"Vergeten persoon {contact.pk}"


# --- Export ---------------------------------------------------------------------------------


def row(instance: models.Model, exclude: Iterable[str] = ()) -> dict:
    """The instance's own columns (a file by its stored name) as JSON-ready values."""
    data = {}
    for column in instance._meta.concrete_fields:
        if column.name in exclude or isinstance(column, SearchVectorField):
            continue
        value = getattr(instance, column.attname)
        if isinstance(column, models.FileField):
            value = value.name if value else ""
        data[column.attname] = value
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def history_rows(instance: models.Model) -> list[dict]:
    return [
        row(record, exclude=["history_user"]) | {"history_user": str(record.history_user or "")}
        for record in instance.history.order_by("history_date", "history_id")
    ]


def export_contact(contact: Contact) -> dict:
    data = {
        "contact": row(contact) | {"organisation": contact.organisation.name},
        "history": history_rows(contact),
        "shortlist": [row(entry) for entry in ShortlistEntry.objects.filter(contact=contact)],
    }
    for part in parts():
        data[part.name] = part.export(contact)
    return data


# --- Forget ---------------------------------------------------------------------------------


@dataclass
class Needles:
    """What identifies the person in free text, and its replacement."""

    replacement: str
    exact: list[str] = field(default_factory=list)  # full names, e-mail addresses
    speaker: list[str] = field(default_factory=list)  # first or last name at a line start

    def variants(self) -> set[str]:
        """Forms to look for in the database: as written, lower and upper case, and as JSON
        escapes them (SQLite stores JSON with ASCII escapes)."""
        found = set()
        for text in self.exact + self.speaker:
            for form in (text, text.lower(), text.upper(), text.title()):
                found |= {form, json.dumps(form)[1:-1]}
        return found

    def replace(self, text: str) -> str:
        if self.exact:  # whole words only: "Jo" is not replaced inside "Jongerenraad"
            # ... and as JSON text escapes them ("Ay\u015fe"), e.g. in the admin's log
            exact = set(self.exact) | {json.dumps(n)[1:-1] for n in self.exact}
            words = "|".join(re.escape(n) for n in sorted(exact, key=len, reverse=True))
            text = re.sub(rf"(?<!\w)(?:{words})(?!\w)", self.replacement, text, flags=re.I)
        if self.speaker:
            words = "|".join(re.escape(n) for n in sorted(self.speaker, key=len, reverse=True))
            label = rf"^([ \t]*)(?:{words})([ \t]*:)"
            text = re.sub(label, rf"\g<1>{self.replacement}\g<2>", text, flags=re.I | re.M)
        return text


def needles_for(contact: Contact) -> Needles:
    names, emails = {contact.name}, {contact.email}
    for record in contact.history.all():
        names.add(record.name)
        emails.add(record.email)
    names = {name.strip() for name in names if name and name.strip()}
    speaker = set()
    for name in names:
        words = name.split()
        if len(words) > 1:
            speaker |= {words[0], " ".join(words[1:])}
    return Needles(
        replacement=pseudonym(contact),
        exact=sorted(names | {email for email in emails if email}),
        speaker=sorted(word for word in speaker if len(word) >= 3),
    )


def swept_models() -> list[type[models.Model]]:
    user_model = settings.AUTH_USER_MODEL.split(".")[0]
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in SKIPPED_APPS | {user_model}
        and not model._meta.proxy
        and model._meta.managed
    ]


def text_columns(model: type[models.Model]) -> list[models.Field]:
    kinds = (models.CharField, models.TextField, models.JSONField, models.FileField)
    return [f for f in model._meta.concrete_fields if isinstance(f, kinds) and not f.choices]


def candidates(model: type[models.Model], column: models.Field, needles: Needles):
    """Rows whose ``column`` may hold a needle (the exact test is done in Python)."""
    queryset, lookup = model._base_manager.all(), column.name
    if isinstance(column, models.JSONField):
        queryset, lookup = queryset.annotate(_text=Cast(column.name, models.TextField())), "_text"
    condition = models.Q()
    for variant in needles.variants():
        condition |= models.Q(**{f"{lookup}__contains": variant})
        condition |= models.Q(**{f"{lookup}__icontains": variant})
    return queryset.filter(condition).order_by().values_list("pk", column.attname)


def replaced(value: Any, needles: Needles) -> Any:
    if isinstance(value, str):
        return needles.replace(value)
    if isinstance(value, list):
        return [replaced(item, needles) for item in value]
    if isinstance(value, dict):
        return {replaced(k, needles): replaced(v, needles) for k, v in value.items()}
    return value


def sweep_column(model, column, needles: Needles) -> set:
    changed = set()
    for pk, value in candidates(model, column, needles):
        if isinstance(column, models.FileField):
            spaced = (value or "").replace("_", " ")  # storages write spaces as "_"
            if spaced and needles.replace(spaced) != spaced:
                delete_on_commit(column.storage, value)  # a file named after the person
                model._base_manager.filter(pk=pk).update(**{column.attname: ""})
                changed.add(pk)
            continue
        new = replaced(value, needles)
        if new != value:
            if isinstance(new, str) and column.max_length:
                new = new[: column.max_length]
            model._base_manager.filter(pk=pk).update(**{column.attname: new})
            changed.add(pk)
    return changed


def sweep(needles: Needles) -> Changed:
    """Replace the needles in every text, file-name and JSON column of every model."""
    changed: Changed = defaultdict(set)
    for model in swept_models():
        for column in text_columns(model):
            changed[model] |= sweep_column(model, column, needles)
    return {model: pks for model, pks in changed.items() if pks}


def forget_staged_imports(needles: Needles) -> int:
    """Delete spreadsheet imports waiting for confirmation that name the person."""
    import tablib

    if not default_storage.exists(STAGING_FOLDER):
        return 0
    deleted = 0
    for name in default_storage.listdir(STAGING_FOLDER)[1]:
        path = f"{STAGING_FOLDER}/{name}"
        with default_storage.open(path, "rb") as stored:
            content = stored.read()
        if name.lower().endswith(".xlsx"):
            content = tablib.Dataset().load(content, format="xlsx").csv.encode()
        text = content.decode("utf-8", errors="replace")
        if needles.replace(text) != text:
            delete_on_commit(default_storage, path)
            deleted += 1
    return deleted


def pseudonymise_contact(contact: Contact) -> None:
    blank = {"function": "", "email": "", "phone": "", "notes": ""}
    contact.history.update(name=pseudonym(contact), **blank)
    for name, value in blank.items():
        setattr(contact, name, value)
    contact.name = pseudonym(contact)
    contact.forgotten_at = timezone.now()
    contact.save()  # recorded in its history: who forgot the person, and when


@transaction.atomic
def forget_contact(contact: Contact) -> Changed:
    """Erase or pseudonymise the contact's personal data everywhere (see the module's
    docstring); returns the rows changed by the sweep, per model."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    needles = needles_for(contact)
    for part in parts():
        if part.forget:
            part.forget(contact)
    forget_staged_imports(needles)
    pseudonymise_contact(contact)
    changed = sweep(needles)
    for document_pk in changed.get(PolicyDocument, ()):
        update_document_vector(document_pk)
    for part in parts():
        if part.repair:
            part.repair(changed)
    return changed
