from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from atlasplan.models import Theme

admin.site.site_header = _("AtlasPlan beheer")
admin.site.site_title = _("AtlasPlan beheer")


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent", "colour"]
    search_fields = ["name", "description"]
    list_select_related = ["parent"]
