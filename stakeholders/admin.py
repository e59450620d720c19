from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from atlasplan.admin import ResearchAdminMixin
from stakeholders.models import (
    Assessment,
    Contact,
    Interaction,
    Organisation,
    Shortlist,
    ShortlistEntry,
)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "sector", "scope"]
    list_filter = ["sector", "scope"]
    search_fields = ["name", "description"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "function", "organisation", "email"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]


@admin.register(Assessment)
class AssessmentAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "assessed_on", "influence", "interest", "attitude"]
    list_select_related = ["organisation"]


@admin.register(Interaction)
class InteractionAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "date", "kind", "follow_up_due", "follow_up_done"]
    list_filter = ["kind", "follow_up_done"]
    list_select_related = ["organisation"]


@admin.register(Shortlist)
class ShortlistAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "target_size"]


@admin.register(ShortlistEntry)
class ShortlistEntryAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "position", "decision", "progress", "decided_by"]
    list_select_related = ["organisation", "decided_by"]
