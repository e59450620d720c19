from django.urls import path

from plan import api
from plan.views import (
    answer,
    follow_up,
    plan,
    plan_overview,
    validation,
    validation_results,
    vision,
)
from plan.views import pdf as plan_pdf

app_name = "plan"

urlpatterns = [
    path("vision/", vision.vision_list, name="vision_list"),
    path("vision/new/", vision.vision_create, name="vision_create"),
    path("vision/compare/", vision.vision_compare, name="vision_compare"),
    path("vision/<int:pk>/", vision.vision_detail, name="vision_detail"),
    path("vision/<int:pk>/edit/", vision.vision_update, name="vision_update"),
    path("vision/<int:pk>/new-version/", vision.vision_new_version, name="vision_new_version"),
    path("vision/<int:pk>/state/", vision.vision_state, name="vision_state"),
    path("vision/<int:pk>/evidence/", vision.vision_evidence, name="vision_evidence"),
    path("vision/<int:pk>/history/", vision.vision_history, name="vision_history"),
    path("vision/<int:pk>/rationale/", vision.vision_rationale, name="vision_rationale"),
    path("vision/<int:pk>/ambitions/new/", vision.ambition_create, name="ambition_create"),
    path("vision/ambitions/<int:pk>/edit/", vision.ambition_update, name="ambition_update"),
    path("vision/ambitions/<int:pk>/delete/", vision.ambition_delete, name="ambition_delete"),
    # Step 6: the validation round.
    path("validation/", validation.round_list, name="validation_list"),
    path("validation/new/", validation.round_create, name="validation_create"),
    path("validation/<int:pk>/", validation.round_detail, name="validation_detail"),
    path("validation/<int:pk>/edit/", validation.round_update, name="validation_update"),
    path("validation/<int:pk>/state/", validation.round_state, name="validation_state"),
    path("validation/<int:pk>/history/", validation.round_history, name="validation_history"),
    path("validation/<int:pk>/invitees/add/", validation.invitee_add, name="invitee_add"),
    path("validation/invitees/<int:pk>/edit/", validation.invitee_update, name="invitee_update"),
    path("validation/invitees/<int:pk>/delete/", validation.invitee_delete, name="invitee_delete"),
    path(
        "validation/invitees/<int:pk>/response/",
        validation.response_update,
        name="response_update",
    ),
    path(
        "validation/invitees/<int:pk>/response/new/",
        validation.response_create,
        name="response_create",
    ),
    path(
        "validation/responses/<int:pk>/withdraw/",
        validation.response_withdraw,
        name="response_withdraw",
    ),
    path(
        "validation/responses/<int:pk>/history/",
        validation.response_history,
        name="response_history",
    ),
    path("validation/invitees/<int:pk>/links/", validation.answer_links, name="answer_links"),
    path(
        "validation/links/<int:pk>/revoke/",
        validation.answer_link_revoke,
        name="answer_link_revoke",
    ),
    # The invitee's own page, without an account (the token is the key).
    path("validation/answer/<str:token>/", answer.answer, name="answer"),
    path("validation/answer/<str:token>/thanks/", answer.answer_thanks, name="answer_thanks"),
]

# Step 7: the communication plan.
urlpatterns += [
    path("targets/", plan.target_list, name="target_list"),
    path("targets/new/", plan.target_create, name="target_create"),
    path("targets/<int:pk>/", plan.target_detail, name="target_detail"),
    path("targets/<int:pk>/edit/", plan.target_update, name="target_update"),
    path("targets/<int:pk>/delete/", plan.target_delete, name="target_delete"),
    path("targets/<int:pk>/history/", plan.target_history, name="target_history"),
    path("targets/<int:pk>/objectives/new/", plan.objective_create, name="objective_create"),
    path("objectives/<int:pk>/edit/", plan.objective_update, name="objective_update"),
    path("objectives/<int:pk>/delete/", plan.objective_delete, name="objective_delete"),
    path("objectives/<int:pk>/history/", plan.objective_history, name="objective_history"),
    path("steps/", plan.step_list, name="step_list"),
    path("steps/new/", plan.step_create, name="step_create"),
    path("steps/<int:pk>/", plan.step_detail, name="step_detail"),
    path("steps/<int:pk>/edit/", plan.step_update, name="step_update"),
    path("steps/<int:pk>/delete/", plan.step_delete, name="step_delete"),
    path("steps/<int:pk>/history/", plan.step_history, name="step_history"),
]
urlpatterns += [
    path(
        "objectives/<int:pk>/measurements/new/",
        plan.measurement_create,
        name="measurement_create",
    ),
    path("measurements/<int:pk>/edit/", plan.measurement_update, name="measurement_update"),
    path("measurements/<int:pk>/delete/", plan.measurement_delete, name="measurement_delete"),
    path("texts/", plan.plan_text_list, name="plan_text_list"),
    path("texts/<slug:key>/edit/", plan.plan_text_update, name="plan_text_update"),
    path("texts/<slug:key>/history/", plan.plan_text_history, name="plan_text_history"),
    # Step 6: results, objections and decisions, exports
    path(
        "validation/<int:pk>/results/",
        validation_results.validation_results,
        name="validation_results",
    ),
    path(
        "validation/<int:pk>/surprises/",
        validation_results.validation_surprises,
        name="validation_surprises",
    ),
    path(
        "validation/<int:pk>/objections/",
        validation_results.validation_objections,
        name="validation_objections",
    ),
    path(
        "validation/feedback/<int:pk>/decide/",
        validation_results.objection_decide,
        name="objection_decide",
    ),
    path(
        "validation/feedback/<int:pk>/history/",
        validation_results.objection_history,
        name="objection_history",
    ),
    path(
        "validation/<int:pk>/export.<str:fmt>",
        validation_results.validation_export,
        name="validation_export",
    ),
]
# Step 7 overviews: the course check, the partner matrix and the timeline.
urlpatterns += [
    path("check/", plan_overview.course_check_view, name="course_check"),
    path("partners/", plan_overview.partner_matrix, name="partner_matrix"),
    path("timeline/", plan_overview.timeline_view, name="timeline"),
]

# Step 7: follow-up and the read-only JSON view.
urlpatterns += [
    path("follow-up/", follow_up.follow_up_list, name="follow_up"),
    path("api/objectives/", api.objective_list, name="api_objective_list"),
    path("api/objectives/<int:pk>/", api.objective_detail, name="api_objective_detail"),
    path("api/steps/", api.step_list, name="api_step_list"),
]

# Issue 12: the plan as a PDF for the city.
urlpatterns += [
    path("pdf/", plan_pdf.plan_pdf, name="pdf"),
    path("pdf/<uuid:key>/", plan_pdf.plan_pdf_export, name="pdf_export"),
    path("pdf/<uuid:key>/download/", plan_pdf.plan_pdf_download, name="pdf_download"),
]
