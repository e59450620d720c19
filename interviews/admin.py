"""Only the guides are in the Django admin: the administrator manages users, not research,
and must never read raw transcripts or notes (so those models are deliberately absent)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from atlasplan.admin import ResearchAdminMixin
from interviews.models import GuideQuestion, InterviewGuide


class GuideQuestionInline(admin.TabularInline):
    model = GuideQuestion
    extra = 0


@admin.register(InterviewGuide)
class InterviewGuideAdmin(ResearchAdminMixin, SimpleHistoryAdmin):
    list_display = ["title"]
    inlines = [GuideQuestionInline]
