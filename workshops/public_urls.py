"""The short public voting address, /v/, for participants without an account."""

from django.urls import path

from workshops import public_views

app_name = "vote"

urlpatterns = [
    path("", public_views.ballot_start, name="ballot_start"),
    path("<str:code>/", public_views.ballot_detail, name="ballot_detail"),
    path("<str:code>/role/", public_views.ballot_role, name="ballot_role"),
    path("<str:code>/state/", public_views.ballot_state, name="ballot_state"),
    path("<str:code>/s/<int:pk>/", public_views.vote_create, name="vote_create"),
    path("<str:code>/s/<int:pk>/comment/", public_views.comment_create, name="comment_create"),
]
