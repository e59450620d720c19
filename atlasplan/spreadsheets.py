"""Spreadsheet exports that are safe to open (XLSX, CSV)."""

from import_export import resources
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text typed by users never becomes a formula in a spreadsheet (a leading ' keeps it
    text), nor carries a control character (openpyxl refuses those, failing the export)."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeExportResource(resources.ModelResource):
    """A django-import-export resource whose exported cells pass through :func:`safe_cell`."""

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))


def unquote_cell(value):
    """Undo :func:`safe_cell` when a spreadsheet we exported comes back as an import."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
