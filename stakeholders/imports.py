"""Spreadsheet import and export of organisations and contacts (django-import-export).

Columns carry Dutch headers, as a consultant's spreadsheet does; choices may be given by
their Dutch label ("Middenveld") or their code ("civil_society"). An import is always run
twice: first as a dry run for the preview, then for real after confirmation, in one
transaction that is rolled back if any row fails.
"""

import csv
import uuid
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets
from import_export.formats.base_formats import CSV, XLSX

from atlasplan.spreadsheets import SafeExportResource, unquote_cell
from atlasplan.text import without_control
from stakeholders.models import Contact, Language, Organisation, Scope, Sector
from stakeholders.similarity import normalise


class ChoiceWidget(widgets.Widget):
    """A TextChoices value read from its code or its Dutch label, written as its label."""

    def __init__(self, choices: type[TextChoices], default: str | None = None) -> None:
        super().__init__()
        self.choices = choices
        self.default = default

    def clean(self, value, row=None, **kwargs):
        text = normalise(str(value or ""))
        if not text:
            return self.default or ""
        for choice in self.choices:
            if text in {normalise(choice.value), normalise(str(choice.label))}:
                return choice.value
        raise ValueError(_("onbekende waarde “%(value)s”") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class OrganisationByNameWidget(widgets.ForeignKeyWidget):
    def __init__(self) -> None:
        super().__init__(Organisation, "name")

    def clean(self, value, row=None, **kwargs):
        name = " ".join(str(value or "").split())
        if not name:
            raise ValueError(_("de organisatie ontbreekt"))
        found = Organisation.objects.filter(name__iexact=name).first()
        if found is None:
            raise ValueError(_("onbekende organisatie “%(name)s”") % {"name": name})
        return found


class TrimmedCharWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return " ".join(str(value).split()) if value is not None else ""


class OrganisationResource(SafeExportResource):
    name = fields.Field("name", "naam", widget=TrimmedCharWidget())
    sector = fields.Field("sector", "sector", widget=ChoiceWidget(Sector))
    scope = fields.Field(
        "scope", "intern/extern", widget=ChoiceWidget(Scope, default=Scope.EXTERNAL)
    )
    website = fields.Field("website", "website", widget=TrimmedCharWidget())
    description = fields.Field("description", "beschrijving", widget=widgets.CharWidget())

    class Meta:
        model = Organisation
        fields = ("name", "sector", "scope", "website", "description")
        import_id_fields = ("name",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        name = " ".join(str(row.get("naam") or "").split())
        return Organisation.objects.filter(name__iexact=name).first() if name else None


class ContactResource(SafeExportResource):
    organisation = fields.Field("organisation", "organisatie", widget=OrganisationByNameWidget())
    name = fields.Field("name", "naam", widget=TrimmedCharWidget())
    function = fields.Field("function", "functie", widget=TrimmedCharWidget())
    email = fields.Field("email", "e-mail", widget=TrimmedCharWidget())
    phone = fields.Field("phone", "telefoon", widget=TrimmedCharWidget())
    language = fields.Field(
        "language", "taal", widget=ChoiceWidget(Language, default=Language.DUTCH)
    )
    notes = fields.Field("notes", "notities", widget=widgets.CharWidget())

    class Meta:
        model = Contact
        fields = ("organisation", "name", "function", "email", "phone", "language", "notes")
        import_id_fields = ("organisation", "name")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Contact.objects.select_related("organisation")

    def get_instance(self, instance_loader, row):
        organisation = " ".join(str(row.get("organisatie") or "").split())
        name = " ".join(str(row.get("naam") or "").split())
        matches = Contact.objects.filter(organisation__name__iexact=organisation, name__iexact=name)
        return matches.first() if organisation and name else None


RESOURCES = {"organisations": OrganisationResource, "contacts": ContactResource}
EXPORT_FORMATS = {"xlsx": XLSX, "csv": CSV}
REQUIRED_COLUMNS = {"organisations": ["naam", "sector"], "contacts": ["organisatie", "naam"]}
ACTIONS = {
    "new": gettext_lazy("nieuw"),
    "update": gettext_lazy("bijgewerkt"),
    "skip": gettext_lazy("ongewijzigd"),
    "invalid": gettext_lazy("fout"),
    "error": gettext_lazy("fout"),
}


class ImportFileError(Exception):
    """The file cannot be read as a table with the expected columns; the message says why."""


@dataclass
class PreviewRow:
    number: int
    action: str
    label: str
    errors: list[str] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return str(ACTIONS["error" if self.errors else self.action])


@dataclass
class Preview:
    rows: list[PreviewRow]
    columns: list[str]

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def new_count(self) -> int:
        return self.count("new")

    @property
    def update_count(self) -> int:
        return self.count("update")

    @property
    def skip_count(self) -> int:
        return self.count("skip")


def read_dataset(content: bytes, filename: str, kind: str) -> tablib.Dataset:
    """The file as a dataset with lower-case headers; ImportFileError if unreadable."""
    try:
        if filename.lower().endswith(".xlsx"):
            dataset = tablib.Dataset().load(content, format="xlsx")
        else:
            text = _decode(content)
            delimiter = _delimiter(text)
            dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except Exception as error:  # tablib raises many kinds for a broken file
        raise ImportFileError(
            _("Het bestand kan niet gelezen worden. Is het een geldig .xlsx- of .csv-bestand?")
        ) from error
    headers = [
        without_control(str(header or "")).strip().lower() for header in dataset.headers or []
    ]
    rows = [tuple(_cell(cell) for cell in row) for row in dataset]
    dataset = tablib.Dataset(*rows, headers=headers)
    missing = [column for column in REQUIRED_COLUMNS[kind] if column not in dataset.headers]
    if missing:
        raise ImportFileError(
            _("Deze kolommen ontbreken: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if not dataset.height:
        raise ImportFileError(_("Het bestand bevat geen rijen onder de kopregel."))
    return dataset


def _cell(value):
    """A cell as it may be stored: a NUL (PostgreSQL refuses it, SQLite kept it) or another
    control character is dropped at the import's door, on every database alike."""
    return unquote_cell(without_control(value) if isinstance(value, str) else value)


def _decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what Excel on Windows writes as CSV."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def _delimiter(text: str) -> str:
    """Excel in Dutch and French writes CSV with semicolons; sniff it from the header row."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def preview(dataset: tablib.Dataset, kind: str) -> Preview:
    """A dry run: what each row would do, with its errors. Nothing is saved."""
    resource = RESOURCES[kind]()
    result = resource.import_data(dataset, dry_run=True, use_transactions=True)
    return _preview_of(result, dataset, resource, kind)


def run_import(dataset: tablib.Dataset, kind: str) -> Preview:
    """Import for real; if any row fails, roll everything back and return the errors."""
    resource = RESOURCES[kind]()
    with transaction.atomic():
        result = resource.import_data(dataset, dry_run=False, use_transactions=True)
        outcome = _preview_of(result, dataset, resource, kind)
        if outcome.error_count:
            transaction.set_rollback(True)
    return outcome


def export(kind: str, file_format: str) -> bytes | str:
    resource = RESOURCES[kind]()
    dataset = resource.export(resource.get_queryset())
    dataset.title = _("Organisaties") if kind == "organisations" else _("Contactpersonen")
    # Through import-export's format, so its export settings (illegal characters) apply.
    return EXPORT_FORMATS[file_format]().export_data(dataset)


def _preview_of(result, dataset: tablib.Dataset, resource, kind: str) -> Preview:
    labels = {f.attribute: f.column_name for f in resource.fields.values()}
    rows = []
    for number, (row_result, values) in enumerate(zip(result.rows, dataset.dict, strict=False)):
        label = " · ".join(str(values.get(c) or "") for c in REQUIRED_COLUMNS[kind])
        rows.append(
            PreviewRow(
                number=number + 2,  # the spreadsheet's row number, below the header
                action=row_result.import_type,
                label=label,
                errors=_errors_of(row_result, labels),
            )
        )
    for error in result.base_errors:
        rows.append(PreviewRow(number=0, action="error", label="", errors=[str(error.error)]))
    return Preview(rows=rows, columns=list(dataset.headers))


def _errors_of(row_result, labels: dict[str, str]) -> list[str]:
    messages = [str(error.error) for error in row_result.errors]
    error = row_result.validation_error
    if isinstance(error, ValidationError):
        for field_name, field_messages in error.message_dict.items():
            column = "" if field_name == NON_FIELD_ERRORS else labels.get(field_name, field_name)
            messages += [f"{column}: {m}" if column else m for m in field_messages]
    return messages


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- Staging: an upload waits, in storage and named in the session, until confirmed ----------

SESSION_KEY = "stakeholders_import"
STAGING_FOLDER = "stakeholder-imports"  # emptied of stale files by clear_stale_imports


def stage(session, upload, kind: str) -> None:
    """Check that ``upload`` reads as a table of ``kind`` (ImportFileError if not) and keep
    it, replacing any import still waiting, until it is confirmed or cancelled."""
    content = upload.read()
    read_dataset(content, upload.name, kind)
    forget(session)
    extension = upload.name.rsplit(".", 1)[-1].lower()
    path = default_storage.save(
        f"{STAGING_FOLDER}/{uuid.uuid4().hex}.{extension}", ContentFile(content)
    )
    session[SESSION_KEY] = {"path": path, "name": upload.name, "kind": kind}


def pending(session) -> tuple[dict | None, tablib.Dataset | None]:
    """The staged upload ({path, name, kind}) and its dataset, or (None, None)."""
    staged = session.get(SESSION_KEY)
    if not staged or not default_storage.exists(staged["path"]):
        return None, None
    with default_storage.open(staged["path"], "rb") as stored:
        content = stored.read()
    return staged, read_dataset(content, staged["name"], staged["kind"])


def forget(session) -> None:
    """Drop the staged upload, if any, with its file."""
    staged = session.pop(SESSION_KEY, None)
    if staged and default_storage.exists(staged["path"]):
        default_storage.delete(staged["path"])
