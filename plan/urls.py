from django.urls import path

from plan.views import plan, vision

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
]
