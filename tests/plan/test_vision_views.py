"""Step 5 pages: who may open what, and what a locked version does."""

import pytest

from plan.models import VisionState, VisionVersion
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFactory, VisionVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept():
    return AmbitionFactory(version=VisionVersionFactory(title="Concepttekst")).version


@pytest.fixture
def adopted():
    return AmbitionFactory(version=VisionVersionFactory(state=VisionState.ADOPTED)).version


def pages(version) -> dict[str, str]:
    ambition = version.ambitions.first()
    return {
        "list": "/plan/vision/",
        "detail": f"/plan/vision/{version.pk}/",
        "history": f"/plan/vision/{version.pk}/history/",
        "create": "/plan/vision/new/",
        "update": f"/plan/vision/{version.pk}/edit/",
        "ambition_create": f"/plan/vision/{version.pk}/ambitions/new/",
        "ambition_update": f"/plan/vision/ambitions/{ambition.pk}/edit/",
        "ambition_delete": f"/plan/vision/ambitions/{ambition.pk}/delete/",
    }


READ = {"list", "detail", "history"}


@pytest.mark.parametrize("who", ["consultant", "atlas_member"])
def test_staff_open_every_page_of_a_concept(request, who, concept):
    client = client_for(request.getfixturevalue(who))
    for name, url in pages(concept).items():
        assert client.get(url).status_code == 200, name


def test_reader_reads_an_adopted_version_only(reader_client, adopted, concept):
    for name, url in pages(adopted).items():
        expected = 200 if name in READ else 403
        assert reader_client.get(url).status_code == expected, name
    for name, url in pages(concept).items():
        if name not in {"list", "create"}:
            assert reader_client.get(url).status_code in {403, 404}, name
    assert reader_client.get(f"/plan/vision/{concept.pk}/").status_code == 404
    assert "Concepttekst" not in reader_client.get("/plan/vision/").content.decode()


def test_administrator_is_refused_everywhere(admin_client_, adopted):
    for name, url in pages(adopted).items():
        assert admin_client_.get(url).status_code == 403, name


def test_writes_refuse_get(consultant_client, concept):
    for action in ["new-version", "state"]:
        assert consultant_client.get(f"/plan/vision/{concept.pk}/{action}/").status_code == 405


def test_reader_cannot_make_a_new_version(reader_client, adopted):
    assert reader_client.post(f"/plan/vision/{adopted.pk}/new-version/").status_code == 403


def test_consultant_writes_a_version_and_an_ambition(consultant_client, consultant):
    response = consultant_client.post(
        "/plan/vision/new/", {"title": "Samen stad", "introduction": "Intro", "body": "Tekst"}
    )
    assert response.status_code == 302

    version = VisionVersion.objects.get()
    assert version.author == consultant and version.state == VisionState.CONCEPT
    response = consultant_client.post(
        f"/plan/vision/{version.pk}/ambitions/new/",
        {"title": "Verschillen benoemen", "position": 1, "text": "Open gesprek"},
    )
    assert response.status_code == 302
    assert version.ambitions.get().title == "Verschillen benoemen"


def test_editing_a_version_in_aftoetsing_is_refused_with_the_offer_of_a_new_version(
    consultant_client, concept
):
    concept.state = VisionState.VALIDATING
    concept.save()
    ambition = concept.ambitions.get()
    for url in pages(concept).values():
        if "edit" in url or "ambitions" in url:
            response = consultant_client.post(url, {"title": "Anders"}, follow=True)
            assert response.status_code == 200
            assert "kan niet meer bewerkt worden" in response.content.decode()
            assert "Nieuwe versie" in response.content.decode()
    concept.refresh_from_db()
    ambition.refresh_from_db()
    assert concept.title == "Concepttekst" and ambition.title != "Anders"
    assert concept.ambitions.exists()


def test_ambition_delete_asks_for_confirmation(consultant_client, concept):
    ambition = concept.ambitions.get()
    response = consultant_client.get(f"/plan/vision/ambitions/{ambition.pk}/delete/")
    assert "Wilt u de ambitie" in response.content.decode()
    assert concept.ambitions.exists()
    consultant_client.post(f"/plan/vision/ambitions/{ambition.pk}/delete/")
    assert not concept.ambitions.exists()


def test_markdown_is_sanitised(consultant_client):
    version = VisionVersionFactory(
        introduction="Hallo <script>alert('x')</script>", body="**vet** <img src=x onerror=y>"
    )
    html = consultant_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<strong>vet</strong>" in html


def test_list_query_count_is_constant(consultant_client, django_assert_num_queries):
    VisionVersionFactory()

    def add_rows(n):
        for _ in range(n):
            AmbitionFactory()

    assert_same_count(
        consultant_client,
        "/plan/vision/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="version-row"',
    )


def test_dashboard_card_shows_the_current_version_as_each_role_may_see_it(
    consultant_client, reader_client, adopted
):
    VisionVersionFactory(number=adopted.number + 1)
    assert f"Versie {adopted.number + 1}: concept." in consultant_client.get("/").content.decode()
    html = reader_client.get("/").content.decode()
    assert f"Versie {adopted.number}: vastgesteld." in html
    assert f"Versie {adopted.number + 1}" not in html
