"""The library as a spreadsheet (XLSX or CSV), one row per document with its passages."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields
from import_export.formats.base_formats import CSV, XLSX

from atlasplan.spreadsheets import SafeExportResource
from policies.models import PolicyDocument

FORMATS = {"xlsx": XLSX, "csv": CSV}


class PolicyDocumentResource(SafeExportResource):
    level = fields.Field(attribute="get_level_display", column_name="niveau")
    kind = fields.Field(attribute="get_kind_display", column_name="soort")
    status = fields.Field(attribute="get_status_display", column_name="leesstatus")
    themes = fields.Field(column_name="thema's")
    passages = fields.Field(column_name="passages")

    class Meta:
        model = PolicyDocument
        fields = [
            "id", "title", "organisation", "level", "kind", "year", "published_on", "url",
            "relevance", "status", "themes", "summary", "passages", "original_filename",
        ]  # fmt: skip
        export_order = fields

    def get_export_headers(self, selected_fields=None):
        names = {
            "id": "id", "title": "titel", "organisation": "organisatie", "year": "jaar",
            "published_on": "datum", "url": "webadres", "relevance": "relevantie",
            "summary": "samenvatting", "original_filename": "bestand",
        }  # fmt: skip
        headers = super().get_export_headers(selected_fields)
        return [names.get(header, header) for header in headers]

    def dehydrate_themes(self, document: PolicyDocument) -> str:
        return ", ".join(theme.name for theme in document.themes.all())

    def dehydrate_passages(self, document: PolicyDocument) -> str:
        return "\n\n".join(
            f"{passage.quote}" + (f" (p. {passage.page})" if passage.page else "")
            for passage in document.passages.all()
        )


def export_response(documents, fmt: str) -> HttpResponse:
    dataset = PolicyDocumentResource().export(queryset=documents)
    dataset.title = _("Beleidskaders")
    export_format = FORMATS[fmt]()
    content = export_format.export_data(dataset)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content, content_type=export_format.get_content_type())
    response["Content-Disposition"] = f'attachment; filename="beleidskaders-{stamp}.{fmt}"'
    return response
