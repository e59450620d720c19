from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from atlasplan.models import Theme
from atlasplan.permissions import can

admin.site.site_header = _("AtlasPlan beheer")
admin.site.site_title = _("AtlasPlan beheer")


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent", "colour"]
    search_fields = ["name", "description"]
    list_select_related = ["parent"]


class ResearchAdminMixin:
    """Research data opens in the admin only for a consultant who is also staff.

    DOMAIN.md gives the administrator user and role management, not the research (contact
    details, interviews, votes); Django would open every model to a superuser, so each
    research ModelAdmin asks atlasplan.permissions as the views do.
    """

    research_rule = "admin.research"

    def _may(self, request) -> bool:
        return can(request.user, self.research_rule)

    def has_module_permission(self, request) -> bool:
        return self._may(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args) -> bool:
        return self._may(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may(request) and super().has_delete_permission(request, obj)
