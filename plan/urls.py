from django.urls import path

from plan.views import answer, validation, vision

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
