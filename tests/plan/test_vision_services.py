"""Versioning and adoption of the vision (plan.services)."""

import pytest
from django.core.exceptions import PermissionDenied

from plan import services
from plan.models import VisionState, VisionVersion
from tests.factories import ThemeFactory
from tests.interviews.factories import ExcerptFactory
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.policies.factories import PassageFactory
from tests.workshops.factories import StatementFactory

pytestmark = pytest.mark.django_db


def test_new_version_copies_ambitions_with_their_themes_and_evidence(consultant):
    previous = VisionVersionFactory(number=3, state=VisionState.ADOPTED)
    theme, excerpt = ThemeFactory(), ExcerptFactory()
    statement, passage = StatementFactory(), PassageFactory()
    AmbitionFactory(
        version=previous,
        title="Verschillen benoemen",
        themes=[theme],
        excerpts=[excerpt],
        statements=[statement],
        passages=[passage],
    )
    AmbitionFactory(version=previous, title="Samen vieren")

    version = services.new_version(previous, consultant)

    assert version.number == 4 and version.state == VisionState.CONCEPT
    assert version.author == consultant and version.title == previous.title
    copy = version.ambitions.get(title="Verschillen benoemen")
    assert list(copy.themes.all()) == [theme]
    assert list(copy.excerpts.all()) == [excerpt]
    assert list(copy.statements.all()) == [statement]
    assert list(copy.passages.all()) == [passage]
    assert version.ambitions.count() == 2
    # The previous version keeps its own ambitions, untouched.
    assert previous.ambitions.count() == 2
    assert previous.ambitions.get(title="Verschillen benoemen").excerpts.get() == excerpt
    assert VisionVersion.objects.get(pk=previous.pk).state == VisionState.ADOPTED


def test_only_the_atlas_team_adopts_and_who_and_when_is_recorded(consultant, atlas_member):
    version = VisionVersionFactory()
    with pytest.raises(PermissionDenied):
        services.set_state(version, VisionState.ADOPTED, consultant)
    assert VisionVersion.objects.get(pk=version.pk).adopted_by is None

    services.set_state(version, VisionState.ADOPTED, atlas_member)

    version.refresh_from_db()
    assert version.state == VisionState.ADOPTED
    assert version.adopted_by == atlas_member and version.adopted_at is not None
    assert not version.is_editable()


def test_consultant_puts_a_version_in_aftoetsing_but_cannot_adopt_it_on_the_page(
    consultant_client, atlas_client, atlas_member
):
    version = VisionVersionFactory()
    url = f"/plan/vision/{version.pk}/state/"
    assert consultant_client.post(url, {"state": "validating"}).status_code == 302
    assert VisionVersion.objects.get(pk=version.pk).state == VisionState.VALIDATING
    assert consultant_client.post(url, {"state": "adopted"}).status_code == 403
    assert atlas_client.post(url, {"state": "adopted"}).status_code == 302
    version.refresh_from_db()
    assert version.adopted_by == atlas_member
    page = atlas_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert "Vastgesteld door" in page


def test_new_version_page_copies_and_opens_the_copy(consultant_client):
    previous = AmbitionFactory(version=VisionVersionFactory(state=VisionState.ADOPTED)).version
    response = consultant_client.post(f"/plan/vision/{previous.pk}/new-version/")
    copy = VisionVersion.objects.exclude(pk=previous.pk).get()
    assert response["Location"] == f"/plan/vision/{copy.pk}/"
    assert copy.ambitions.count() == 1 and copy.is_editable()
