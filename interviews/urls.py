from django.urls import path

from interviews import views

app_name = "interviews"

urlpatterns = [
    path("", views.interview_list, name="interview_list"),
    path("new/", views.interview_create, name="interview_create"),
    path("<int:pk>/", views.interview_detail, name="interview_detail"),
    path("<int:pk>/edit/", views.interview_update, name="interview_update"),
    path("<int:pk>/delete/", views.interview_delete, name="interview_delete"),
    path("<int:pk>/history/", views.interview_history, name="interview_history"),
    path("<int:pk>/consent/", views.consent_edit, name="consent_edit"),
    path("<int:pk>/consent/file/", views.consent_file, name="consent_file"),
    path("<int:pk>/consent/history/", views.consent_history, name="consent_history"),
    path("<int:pk>/transcript/", views.transcript_detail, name="transcript_detail"),
    path("<int:pk>/transcript/edit/", views.transcript_edit, name="transcript_edit"),
    path("<int:pk>/transcript/history/", views.transcript_history, name="transcript_history"),
    path("<int:pk>/notes/", views.notes_edit, name="notes_edit"),
    path("<int:pk>/notes/save/", views.note_save, name="note_save"),
    path("<int:pk>/notes/<int:note_pk>/", views.note_detail, name="note_detail"),
    path("<int:pk>/excerpts/new/", views.excerpt_create, name="excerpt_create"),
    path("excerpts/<int:pk>/edit/", views.excerpt_update, name="excerpt_update"),
    path("excerpts/<int:pk>/delete/", views.excerpt_delete, name="excerpt_delete"),
    path("excerpts/<int:pk>/history/", views.excerpt_history, name="excerpt_history"),
    path("themes.css", views.theme_css, name="theme_css"),
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/new/", views.guide_create, name="guide_create"),
    path("guides/<int:pk>/", views.guide_detail, name="guide_detail"),
    path("guides/<int:pk>/edit/", views.guide_update, name="guide_update"),
    path("guides/<int:pk>/delete/", views.guide_delete, name="guide_delete"),
    path("guides/<int:pk>/copy/", views.guide_copy, name="guide_copy"),
    path("guides/<int:pk>/history/", views.guide_history, name="guide_history"),
    path("quotes/", views.quote_bank, name="quote_bank"),
    path("quotes/export.<str:fmt>", views.quote_export, name="quote_export"),
    path("positions/", views.position_map, name="position_map"),
    path("positions/<slug:row>/", views.organisation_positions, name="organisation_positions"),
    path("positions/<slug:row>/<int:theme_pk>/", views.position_cell, name="position_cell"),
    path(
        "positions/<slug:row>/<int:theme_pk>/history/",
        views.summary_history,
        name="summary_history",
    ),
    path("codebook/", views.codebook_report, name="codebook_report"),
    path("export.qdpx", views.project_export, name="project_export"),
    path("search/", views.search, name="search"),
]
