from django.urls import path

from policies import views

app_name = "policies"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("map/", views.policy_map, name="policy_map"),
    path("new/", views.document_create, name="document_create"),
    path("upload/", views.document_upload, name="document_upload"),
    path("export.<str:fmt>", views.document_export, name="document_export"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/edit/", views.document_update, name="document_update"),
    path("<int:pk>/delete/", views.document_delete, name="document_delete"),
    path("<int:pk>/file/", views.document_file, name="document_file"),
    path("<int:pk>/history/", views.document_history, name="document_history"),
    path("<int:pk>/passages/new/", views.passage_create, name="passage_create"),
    path("<int:pk>/passages/tag/", views.passage_tag, name="passage_tag"),
    path("<int:pk>/passages/<int:passage_pk>/edit/", views.passage_update, name="passage_update"),
    path("<int:pk>/passages/<int:passage_pk>/delete/", views.passage_delete, name="passage_delete"),
]
