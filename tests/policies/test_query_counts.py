"""Pages of step 1 cost the same number of queries with ten more rows (no query per row)."""

import pytest

from atlasplan.models import Theme
from tests.helpers import assert_same_count
from tests.policies.factories import PassageFactory, PolicyDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(db):
    parent = Theme.objects.create(name="Beeldvorming", colour="#e76f51")
    return [parent, Theme.objects.create(name="Taal", colour="#2a9d8f", parent=parent)]


@pytest.mark.parametrize("role", ["consultant", "atlas"])
def test_document_page_passages(
    role, consultant_client, atlas_client, atlas_member, themes, django_assert_num_queries
):
    client = consultant_client if role == "consultant" else atlas_client
    document = PolicyDocumentFactory()
    document.themes.set(themes)

    def add_rows(n):
        for i in range(n):
            passage = PassageFactory(document=document, added_by=atlas_member if i % 2 else None)
            passage.themes.set(themes)

    add_rows(1)
    assert_same_count(
        client,
        f"/policies/{document.pk}/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="passage"',
    )


def test_search_results(consultant_client, themes, django_assert_num_queries):
    def add_rows(n):
        for i in range(n):
            document = PolicyDocumentFactory(title=f"Nota {i}", summary="Over taalbeleid.")
            document.themes.set(themes)
            PassageFactory(document=document, quote="Taalbeleid in de stad.")

    add_rows(1)
    assert_same_count(
        consultant_client,
        "/policies/",
        add_rows,
        django_assert_num_queries,
        params={"q": "taalbeleid"},
        marker="<mark>taalbeleid</mark>",
    )
