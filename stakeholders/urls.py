from django.urls import path

from stakeholders.views import contacts, import_export, interactions, organisations, shortlist

app_name = "stakeholders"

urlpatterns = [
    path("", organisations.organisation_list, name="organisation_list"),
    path("new/", organisations.organisation_create, name="organisation_create"),
    path("similar/", organisations.organisation_similar, name="organisation_similar"),
    path("grid/", organisations.organisation_grid, name="organisation_grid"),
    path("<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("<int:pk>/edit/", organisations.organisation_update, name="organisation_update"),
    path("<int:pk>/delete/", organisations.organisation_delete, name="organisation_delete"),
    path("<int:pk>/history/", organisations.organisation_history, name="organisation_history"),
    path("<int:pk>/assess/", organisations.assessment_create, name="assessment_create"),
    path("<int:pk>/contacts/new/", contacts.contact_create, name="contact_create"),
    path("<int:pk>/interactions/new/", interactions.interaction_create, name="interaction_create"),
    path("contacts/", contacts.contact_list, name="contact_list"),
    path("contacts/<int:pk>/edit/", contacts.contact_update, name="contact_update"),
    path("contacts/<int:pk>/delete/", contacts.contact_delete, name="contact_delete"),
    path("contacts/<int:pk>/history/", contacts.contact_history, name="contact_history"),
    path("contacts/<int:pk>/export/", contacts.contact_export, name="contact_export"),
    path("contacts/<int:pk>/forget/", contacts.contact_forget, name="contact_forget"),
    path("interactions/", interactions.interaction_list, name="interaction_list"),
    path("interactions/<int:pk>/edit/", interactions.interaction_update, name="interaction_update"),
    path("interactions/<int:pk>/done/", interactions.interaction_done, name="interaction_done"),
    path(
        "interactions/<int:pk>/delete/", interactions.interaction_delete, name="interaction_delete"
    ),
    path(
        "interactions/<int:pk>/history/",
        interactions.interaction_history,
        name="interaction_history",
    ),
    path("shortlist/", shortlist.shortlist_detail, name="shortlist_detail"),
    path("shortlist/target/", shortlist.shortlist_update, name="shortlist_update"),
    path("shortlist/new/", shortlist.shortlist_entry_create, name="shortlist_entry_create"),
    path(
        "shortlist/<int:pk>/edit/", shortlist.shortlist_entry_update, name="shortlist_entry_update"
    ),
    path("shortlist/<int:pk>/move/", shortlist.shortlist_entry_move, name="shortlist_entry_move"),
    path(
        "shortlist/<int:pk>/decide/",
        shortlist.shortlist_entry_decide,
        name="shortlist_entry_decide",
    ),
    path(
        "shortlist/<int:pk>/delete/",
        shortlist.shortlist_entry_delete,
        name="shortlist_entry_delete",
    ),
    path(
        "shortlist/<int:pk>/history/",
        shortlist.shortlist_entry_history,
        name="shortlist_entry_history",
    ),
    path(
        "export/<slug:kind>.<slug:file_format>",
        import_export.organisation_export,
        name="organisation_export",
    ),
    path("import/", import_export.organisation_import, name="organisation_import"),
    path(
        "import/preview/",
        import_export.organisation_import_preview,
        name="organisation_import_preview",
    ),
    path(
        "import/confirm/",
        import_export.organisation_import_confirm,
        name="organisation_import_confirm",
    ),
    path(
        "import/cancel/",
        import_export.organisation_import_cancel,
        name="organisation_import_cancel",
    ),
]
