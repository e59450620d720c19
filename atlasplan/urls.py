from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from atlasplan import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/new/", views.theme_create, name="theme_create"),
    path("themes/<int:pk>/edit/", views.theme_update, name="theme_update"),
    path("themes/<int:pk>/merge/", views.theme_merge, name="theme_merge"),
    path("themes/<int:pk>/delete/", views.theme_delete, name="theme_delete"),
    path("themes/<int:pk>/history/", views.theme_history, name="theme_history"),
    path("themes/colours.css", views.theme_css, name="theme_css"),
    # The method's steps, in their order.
    path("policies/", include("policies.urls")),
    path("stakeholders/", include("stakeholders.urls")),
    path("interviews/", include("interviews.urls")),
    path("workshops/", include("workshops.urls")),
    path("plan/", include("plan.urls")),
    path("v/", include("workshops.public_urls")),
    # The language switch works before login too (the login page offers it).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "atlasplan.errors.permission_denied"
handler404 = "atlasplan.errors.page_not_found"
handler500 = "atlasplan.errors.server_error"
