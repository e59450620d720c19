from django.urls import path

from stakeholders import views

app_name = "stakeholders"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("new/", views.organisation_create, name="organisation_create"),
    path("similar/", views.organisation_similar, name="organisation_similar"),
    path("grid/", views.organisation_grid, name="organisation_grid"),
    path("<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("<int:pk>/edit/", views.organisation_update, name="organisation_update"),
    path("<int:pk>/delete/", views.organisation_delete, name="organisation_delete"),
    path("<int:pk>/history/", views.organisation_history, name="organisation_history"),
    path("<int:pk>/assess/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("<int:pk>/interactions/new/", views.interaction_create, name="interaction_create"),
    path("contacts/", views.contact_list, name="contact_list"),
    path("contacts/<int:pk>/edit/", views.contact_update, name="contact_update"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("contacts/<int:pk>/history/", views.contact_history, name="contact_history"),
    path("interactions/", views.interaction_list, name="interaction_list"),
    path("interactions/<int:pk>/edit/", views.interaction_update, name="interaction_update"),
    path("interactions/<int:pk>/done/", views.interaction_done, name="interaction_done"),
    path("interactions/<int:pk>/delete/", views.interaction_delete, name="interaction_delete"),
    path("interactions/<int:pk>/history/", views.interaction_history, name="interaction_history"),
    path("shortlist/", views.shortlist_detail, name="shortlist_detail"),
    path("shortlist/target/", views.shortlist_update, name="shortlist_update"),
    path("shortlist/new/", views.shortlist_entry_create, name="shortlist_entry_create"),
    path("shortlist/<int:pk>/edit/", views.shortlist_entry_update, name="shortlist_entry_update"),
    path("shortlist/<int:pk>/move/", views.shortlist_entry_move, name="shortlist_entry_move"),
    path("shortlist/<int:pk>/decide/", views.shortlist_entry_decide, name="shortlist_entry_decide"),
    path("shortlist/<int:pk>/delete/", views.shortlist_entry_delete, name="shortlist_entry_delete"),
    path(
        "shortlist/<int:pk>/history/",
        views.shortlist_entry_history,
        name="shortlist_entry_history",
    ),
    path(
        "export/<slug:kind>.<slug:file_format>",
        views.organisation_export,
        name="organisation_export",
    ),
    path("import/", views.organisation_import, name="organisation_import"),
    path("import/preview/", views.organisation_import_preview, name="organisation_import_preview"),
    path("import/confirm/", views.organisation_import_confirm, name="organisation_import_confirm"),
    path("import/cancel/", views.organisation_import_cancel, name="organisation_import_cancel"),
]
