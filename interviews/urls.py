from django.urls import path

from interviews.views import coding, guides, interviews, results

app_name = "interviews"

urlpatterns = [
    path("", interviews.interview_list, name="interview_list"),
    path("new/", interviews.interview_create, name="interview_create"),
    path("<int:pk>/", interviews.interview_detail, name="interview_detail"),
    path("<int:pk>/edit/", interviews.interview_update, name="interview_update"),
    path("<int:pk>/delete/", interviews.interview_delete, name="interview_delete"),
    path("<int:pk>/history/", interviews.interview_history, name="interview_history"),
    path("<int:pk>/consent/", interviews.consent_edit, name="consent_edit"),
    path("<int:pk>/consent/file/", interviews.consent_file, name="consent_file"),
    path("<int:pk>/consent/history/", interviews.consent_history, name="consent_history"),
    path("<int:pk>/transcript/", coding.transcript_detail, name="transcript_detail"),
    path("<int:pk>/transcript/edit/", coding.transcript_edit, name="transcript_edit"),
    path("<int:pk>/transcript/history/", coding.transcript_history, name="transcript_history"),
    path("<int:pk>/notes/", coding.notes_edit, name="notes_edit"),
    path("<int:pk>/notes/save/", coding.note_save, name="note_save"),
    path("<int:pk>/notes/<int:note_pk>/", coding.note_detail, name="note_detail"),
    path("<int:pk>/excerpts/new/", coding.excerpt_create, name="excerpt_create"),
    path("excerpts/<int:pk>/edit/", coding.excerpt_update, name="excerpt_update"),
    path("excerpts/<int:pk>/delete/", coding.excerpt_delete, name="excerpt_delete"),
    path("excerpts/<int:pk>/history/", coding.excerpt_history, name="excerpt_history"),
    path("guides/", guides.guide_list, name="guide_list"),
    path("guides/new/", guides.guide_create, name="guide_create"),
    path("guides/<int:pk>/", guides.guide_detail, name="guide_detail"),
    path("guides/<int:pk>/edit/", guides.guide_update, name="guide_update"),
    path("guides/<int:pk>/delete/", guides.guide_delete, name="guide_delete"),
    path("guides/<int:pk>/copy/", guides.guide_copy, name="guide_copy"),
    path("guides/<int:pk>/history/", guides.guide_history, name="guide_history"),
    path("quotes/", results.quote_bank, name="quote_bank"),
    path("quotes/export.<str:fmt>", results.quote_export, name="quote_export"),
    path("positions/", results.position_map, name="position_map"),
    path("positions/<slug:row>/", results.organisation_positions, name="organisation_positions"),
    path("positions/<slug:row>/<int:theme_pk>/", results.position_cell, name="position_cell"),
    path(
        "positions/<slug:row>/<int:theme_pk>/history/",
        results.summary_history,
        name="summary_history",
    ),
    path("codebook/", results.codebook_report, name="codebook_report"),
    path("export.qdpx", results.project_export, name="project_export"),
    path("search/", results.search, name="search"),
]
