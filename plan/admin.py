"""The plan's models stay out of the admin; only the background tasks' results are listed.

django-tasks-db registers its task results for every staff user. Those rows carry the ids of
what was rendered and who asked, so they open as research data does (atlasplan.admin)."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from atlasplan.admin import ResearchAdminMixin

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(ResearchAdminMixin, DBTaskResultAdmin):
    pass
