from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from policies.models import Passage, PolicyDocument


class PassageInline(admin.TabularInline):
    model = Passage
    extra = 0
    fields = ["quote", "page", "note"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "level", "kind", "year", "status"]
    list_filter = ["level", "kind", "status"]
    search_fields = ["title", "organisation"]
    exclude = ["extracted_text"]
    inlines = [PassageInline]
