from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from workshops.models import Ballot, ManualCount, Statement, Vote, Workshop


class StatementInline(admin.TabularInline):
    model = Statement
    fields = ["order", "text", "theme", "outcome"]
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "state", "code", "facilitator"]
    list_filter = ["state"]
    search_fields = ["title", "description", "code"]
    list_select_related = ["facilitator"]
    readonly_fields = ["code"]
    inlines = [StatementInline]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["text", "workshop", "order", "theme", "outcome"]
    list_filter = ["outcome", "workshop"]
    search_fields = ["text", "reworded_text"]
    list_select_related = ["workshop", "theme"]


@admin.register(Ballot)
class BallotAdmin(admin.ModelAdmin):
    list_display = ["pk", "workshop", "role", "created_at"]
    list_select_related = ["workshop"]
    readonly_fields = ["token_hash"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["statement", "ballot", "value", "updated_at"]
    list_select_related = ["statement", "ballot"]


@admin.register(ManualCount)
class ManualCountAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "value", "count"]
    list_select_related = ["statement"]
