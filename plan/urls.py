from django.urls import path

from plan.views import validation_results, vision

app_name = "plan"

urlpatterns = [
    path("vision/", vision.vision_list, name="vision_list"),
    path("vision/new/", vision.vision_create, name="vision_create"),
    path("vision/<int:pk>/", vision.vision_detail, name="vision_detail"),
    path("vision/<int:pk>/edit/", vision.vision_update, name="vision_update"),
    path("vision/<int:pk>/new-version/", vision.vision_new_version, name="vision_new_version"),
    path("vision/<int:pk>/state/", vision.vision_state, name="vision_state"),
    path("vision/<int:pk>/history/", vision.vision_history, name="vision_history"),
    path("vision/<int:pk>/ambitions/new/", vision.ambition_create, name="ambition_create"),
    path("vision/ambitions/<int:pk>/edit/", vision.ambition_update, name="ambition_update"),
    path("vision/ambitions/<int:pk>/delete/", vision.ambition_delete, name="ambition_delete"),
    # Step 6: results, objections and decisions, exports
    path(
        "validation/<int:pk>/results/",
        validation_results.validation_results,
        name="validation_results",
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
