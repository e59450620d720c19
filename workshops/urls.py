from django.urls import path

from workshops import views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="workshop_list"),
    path("new/", views.workshop_create, name="workshop_create"),
    path("<int:pk>/", views.workshop_detail, name="workshop_detail"),
    path("<int:pk>/edit/", views.workshop_update, name="workshop_update"),
    path("<int:pk>/delete/", views.workshop_delete, name="workshop_delete"),
    path("<int:pk>/history/", views.workshop_history, name="workshop_history"),
    path("<int:pk>/state/", views.workshop_state, name="workshop_state"),
    path("<int:pk>/qr.svg", views.workshop_qr, name="workshop_qr"),
    path("<int:pk>/present/", views.workshop_present, name="workshop_present"),
    path("<int:pk>/present/live/", views.workshop_live, name="workshop_live"),
    path("<int:pk>/present/control/", views.workshop_control, name="workshop_control"),
    path("<int:pk>/present/go/", views.workshop_navigate, name="workshop_navigate"),
    path("<int:pk>/reveal/", views.workshop_reveal, name="workshop_reveal"),
    path("<int:pk>/results/", views.workshop_results, name="workshop_results"),
    path(
        "<int:pk>/export/<str:what>.<str:fmt>",
        views.workshop_export,
        name="workshop_export",
    ),
    path("<int:pk>/statements/new/", views.statement_create, name="statement_create"),
    path("<int:pk>/statements/paste/", views.statement_paste, name="statement_paste"),
    path("statements/<int:pk>/edit/", views.statement_update, name="statement_update"),
    path("statements/<int:pk>/delete/", views.statement_delete, name="statement_delete"),
    path("statements/<int:pk>/outcome/", views.statement_outcome, name="statement_outcome"),
    path("statements/<int:pk>/counts/", views.statement_counts, name="statement_counts"),
    path("statements/<int:pk>/history/", views.statement_history, name="statement_history"),
]
