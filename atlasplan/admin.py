from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from atlasplan.models import AuditEvent, RoleChange, Theme
from atlasplan.permissions import can
from atlasplan.roles import ROLE_BY_GROUP
from atlasplan.services import theme_usage
from atlasplan.signals import SELF_ASSIGNED

admin.site.site_header = _("AtlasPlan beheer")
admin.site.site_title = _("AtlasPlan beheer")


@login_not_required
def login_through_accounts(request: HttpRequest, extra_context=None) -> HttpResponse:
    """The admin has no login form of its own: one login page, one lockout (allauth's).

    Django's admin login would check passwords without allauth's limit on failed attempts.
    A signed-in user without admin rights lands here too: refused, not sent round in a loop.
    """
    if request.user.is_authenticated:
        if admin.site.has_permission(request):
            return redirect("admin:index")
        raise PermissionDenied
    target = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


admin.site.login = login_through_accounts


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


@admin.register(Theme)
class ThemeAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    """The codebook is research: consultants change it, in the app or here.

    A theme in use is not deleted here (that would drop its tags without a word): the
    codebook page offers to merge it into another theme instead.
    """

    list_display = ["name", "parent", "colour"]
    search_fields = ["name", "description"]
    list_select_related = ["parent"]

    def has_delete_permission(self, request, obj=None) -> bool:
        in_use = obj is not None and theme_usage(obj) > 0
        return not in_use and super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)  # would skip the check on each theme
        return actions


class RoleAwareUserChangeForm(UserChangeForm):
    """The user form that refuses, with a message, a research role given to oneself."""

    acting_user = None  # set per request by AtlasUserAdmin.get_form

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if self.acting_user is not None and self.instance.pk == self.acting_user.pk:
            held = set(self.instance.groups.values_list("pk", flat=True))
            if any(g.pk not in held and g.name in ROLE_BY_GROUP for g in groups):
                raise forms.ValidationError(SELF_ASSIGNED, code="self_assigned_role")
        return groups


class AtlasUserAdmin(UserAdmin):
    form = RoleAwareUserChangeForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.acting_user = request.user
        return form


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), AtlasUserAdmin)


@admin.register(RoleChange)
class RoleChangeAdmin(admin.ModelAdmin):
    """The record of every role given or taken, for the administrator; nobody edits it."""

    list_display = ["changed_at", "username", "role", "action", "changed_by_name"]
    list_filter = ["role", "action"]
    search_fields = ["username", "changed_by_name"]
    date_hierarchy = "changed_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, for administrators only; nobody adds, changes or deletes a row, not
    even a superuser (the model refuses too)."""

    list_display = ["at", "kind", "username", "ip_address", "target", "path"]
    list_filter = ["kind"]
    search_fields = ["username", "target", "path", "ip_address"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_module_permission(self, request) -> bool:
        return can(request.user, "admin.open")

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, "admin.open")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
