"""Two people edit the same text: the later save on a stale copy is refused, nothing lost."""

import pytest
from django.utils.html import escape

from atlasplan.concurrency import stamp
from plan.models import Ambition, VisionVersion
from tests.plan.factories import AmbitionFactory, VisionVersionFactory

pytestmark = pytest.mark.django_db


def opened(client, url: str) -> str:
    """The stamp the form carried when ``client`` opened it."""
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]["read_at"].value()


def test_stamp_follows_each_save():
    version = VisionVersionFactory()
    first = stamp(version)
    version.title = "Anders"
    version.save()
    assert first and stamp(version) != first
    assert stamp(VisionVersion()) == ""


def test_second_save_of_a_version_is_refused_and_hands_back_what_was_typed(
    consultant_client, atlas_client, atlas_member
):
    version = VisionVersionFactory(title="Samen stad", body="Oude tekst.")
    url = f"/plan/vision/{version.pk}/edit/"
    read_by_atlas, read_by_consultant = opened(atlas_client, url), opened(consultant_client, url)

    first = atlas_client.post(
        url,
        {"title": "Samen open stad", "body": "Tekst van het Atlas-team.", "read_at": read_by_atlas},
    )
    assert first.status_code == 302
    second = consultant_client.post(
        url,
        {"title": "Samen stad", "body": "Tekst van de consultant.", "read_at": read_by_consultant},
    )

    assert second.status_code == 409
    html = second.content.decode()
    assert "Tekst van de consultant." in html  # what this person typed, still in the form
    assert 'data-testid="stale-save"' in html
    assert "Tekst van het Atlas-team." in html  # the other person's change, shown beside it
    assert escape(atlas_member.get_full_name()) in html
    version.refresh_from_db()
    assert version.body == "Tekst van het Atlas-team." and version.title == "Samen open stad"


def test_saving_the_refused_form_again_goes_through(consultant_client, atlas_client):
    version = VisionVersionFactory(body="Oud.")
    url = f"/plan/vision/{version.pk}/edit/"
    read = opened(consultant_client, url)
    atlas_client.post(
        url, {"title": "A", "body": "Van Atlas.", "read_at": opened(atlas_client, url)}
    )
    refused = consultant_client.post(url, {"title": "B", "body": "Van mij.", "read_at": read})
    assert refused.status_code == 409
    again = refused.context["form"]["read_at"].value()
    assert again == stamp(VisionVersion.objects.get(pk=version.pk))
    response = consultant_client.post(url, {"title": "B", "body": "Van mij.", "read_at": again})
    assert response.status_code == 302
    assert VisionVersion.objects.get(pk=version.pk).body == "Van mij."


def test_a_save_without_the_stamp_is_refused_not_lost(consultant_client):
    version = VisionVersionFactory(body="Oud.")
    response = consultant_client.post(
        f"/plan/vision/{version.pk}/edit/", {"title": "T", "body": "Nieuw."}
    )
    assert response.status_code == 409
    assert "Nieuw." in response.content.decode()
    assert VisionVersion.objects.get(pk=version.pk).body == "Oud."


def test_second_save_of_an_ambition_is_refused_and_hands_back_what_was_typed(
    consultant_client, atlas_client
):
    ambition = AmbitionFactory(title="Taal als sleutel", text="Oud.")
    url = f"/plan/vision/ambitions/{ambition.pk}/edit/"
    read_by_atlas, read_by_consultant = opened(atlas_client, url), opened(consultant_client, url)
    first = atlas_client.post(
        url,
        {
            "title": "Taal als hefboom",
            "position": 1,
            "text": "Van Atlas.",
            "read_at": read_by_atlas,
        },
    )
    assert first.status_code == 302
    second = consultant_client.post(
        url,
        {"title": "Taal als sleutel", "position": 1, "text": "Mijn lange toelichting.",
         "read_at": read_by_consultant},
    )  # fmt: skip
    assert second.status_code == 409
    html = second.content.decode()
    assert "Mijn lange toelichting." in html and "Taal als hefboom" in html
    ambition = Ambition.objects.get(pk=ambition.pk)
    assert (ambition.title, ambition.text) == ("Taal als hefboom", "Van Atlas.")


def test_a_new_object_needs_no_stamp(consultant_client):
    version = VisionVersionFactory()
    response = consultant_client.post(
        f"/plan/vision/{version.pk}/ambitions/new/", {"title": "Nieuw", "position": 1}
    )
    assert response.status_code == 302
