import pytest
from django.urls import reverse
from django.utils.html import escape

from atlasplan.models import Theme
from atlasplan.roles import Role
from atlasplan.services import merge_themes
from tests.conftest import client_for
from tests.factories import ThemeFactory
from tests.helpers import queries_for, read_at


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Beeldvorming", description="Hoe mensen denken")


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CONSULTANT, 200), (Role.ATLAS, 200), (Role.READER, 200), (Role.ADMINISTRATOR, 403)],
)
def test_codebook_list_per_role(users, theme, role, status):
    response = client_for(users[role]).get("/themes/")
    assert response.status_code == status
    if status == 200:
        assert "Beeldvorming" in response.content.decode()


@pytest.mark.parametrize("role", [Role.ATLAS, Role.READER, Role.ADMINISTRATOR])
def test_only_consultants_change_the_codebook(users, theme, role):
    client = client_for(users[role])
    assert client.get("/themes/new/").status_code == 403
    assert client.post("/themes/new/", {"name": "Nieuw", "colour": "#000000"}).status_code == 403
    assert client.post(f"/themes/{theme.pk}/edit/", {"name": "X"}).status_code == 403
    assert client.post(f"/themes/{theme.pk}/merge/", {"target": theme.pk}).status_code == 403
    assert client.post(f"/themes/{theme.pk}/delete/").status_code == 403
    assert Theme.objects.filter(name="Nieuw").count() == 0
    theme.refresh_from_db()
    assert theme.name == "Beeldvorming"


def test_readers_do_not_see_edit_buttons(reader_client, theme):
    html = reader_client.get("/themes/").content.decode()
    assert f"/themes/{theme.pk}/edit/" not in html


def test_consultant_creates_a_sub_theme(consultant_client, theme):
    response = consultant_client.post(
        "/themes/new/", {"name": "  Media   en beeld ", "parent": theme.pk, "colour": "#2a9d8f"}
    )
    assert response.status_code == 302
    created = Theme.objects.get(name="Media en beeld")
    assert created.parent == theme
    html = consultant_client.get("/themes/").content.decode()
    rows = html[html.index("<tbody>") :]
    assert rows.index("Beeldvorming") < rows.index("Media en beeld")
    assert "(onder Beeldvorming)" in rows


def test_duplicate_name_is_refused_with_a_message(consultant_client, theme):
    response = consultant_client.post("/themes/new/", {"name": "beeldvorming", "colour": "#000000"})
    assert response.status_code == 200
    assert "Er bestaat al een thema met deze naam." in response.content.decode()
    assert Theme.objects.count() == 1


def test_invalid_colour_is_refused(consultant_client):
    response = consultant_client.post("/themes/new/", {"name": "Taal", "colour": "red; x"})
    assert "#rrggbb" in response.content.decode()
    assert not Theme.objects.exists()


def test_a_theme_cannot_become_its_own_descendant(consultant_client, theme):
    child = ThemeFactory(name="Kind", parent=theme)
    url = f"/themes/{theme.pk}/edit/"
    response = consultant_client.post(
        url,
        {"name": "Beeldvorming", "parent": child.pk, "colour": "#000000",
         "read_at": read_at(consultant_client, url)},
    )  # fmt: skip
    assert response.status_code == 200  # the form shows an error
    theme.refresh_from_db()
    assert theme.parent is None


def test_unknown_theme_is_404(consultant_client, db):
    assert consultant_client.get("/themes/999999/edit/").status_code == 404


def test_wrong_method_is_405(consultant_client, theme):
    assert consultant_client.put("/themes/new/").status_code == 405
    assert consultant_client.delete(f"/themes/{theme.pk}/delete/").status_code == 405
    assert consultant_client.post(f"/themes/{theme.pk}/history/").status_code == 405


def test_merge_moves_children_and_deletes_the_source(consultant_client, theme):
    target = ThemeFactory(name="Imago")
    child = ThemeFactory(name="Stereotypen", parent=theme)
    response = consultant_client.post(f"/themes/{theme.pk}/merge/", {"target": target.pk})
    assert response.status_code == 302
    assert not Theme.objects.filter(pk=theme.pk).exists()
    child.refresh_from_db()
    assert child.parent == target


def test_merge_into_a_descendant_lifts_it_out_first(theme):
    child = ThemeFactory(name="Kind", parent=theme)
    grandchild = ThemeFactory(name="Kleinkind", parent=child)
    merge_themes(theme, grandchild)
    grandchild.refresh_from_db()
    child.refresh_from_db()
    assert grandchild.parent is None
    assert child.parent == grandchild


def test_merge_with_itself_is_not_offered(consultant_client, theme):
    response = consultant_client.post(f"/themes/{theme.pk}/merge/", {"target": theme.pk})
    assert response.status_code == 200
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_delete_asks_for_confirmation_first(consultant_client, theme):
    response = consultant_client.get(f"/themes/{theme.pk}/delete/")
    assert "Ja, verwijderen" in response.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()
    consultant_client.post(f"/themes/{theme.pk}/delete/")
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_a_theme_with_sub_themes_is_not_deleted(consultant_client, theme):
    ThemeFactory(name="Kind", parent=theme)
    response = consultant_client.post(f"/themes/{theme.pk}/delete/", follow=True)
    assert "samen" in response.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_history_shows_who_changed_what(consultant, consultant_client, theme):
    url = f"/themes/{theme.pk}/edit/"
    consultant_client.post(
        url,
        {"name": "Beeldvorming en imago", "colour": "#1f6f8b",
         "read_at": read_at(consultant_client, url)},
    )  # fmt: skip
    html = consultant_client.get(f"/themes/{theme.pk}/history/").content.decode()
    assert escape(consultant.get_full_name()) in html
    assert "Beeldvorming en imago" in html
    assert "Gewijzigd" in html


def test_empty_codebook_says_what_to_do(consultant_client):
    html = consultant_client.get("/themes/").content.decode()
    assert "Het codeboek is nog leeg" in html  # the empty state's heading
    assert "Voeg het eerste thema toe" in html


def test_codebook_query_count_does_not_grow_with_rows(consultant_client):
    ThemeFactory.create_batch(5)
    few = queries_for(consultant_client, "/themes/")
    parents = ThemeFactory.create_batch(5)
    ThemeFactory.create_batch(5, parent=parents[0])
    assert queries_for(consultant_client, "/themes/") == few


def test_history_names_a_changed_parent_instead_of_its_id(consultant_client, theme):
    parent = ThemeFactory(name="Samenleven")
    url = f"/themes/{theme.pk}/edit/"
    consultant_client.post(
        url,
        {"name": theme.name, "parent": parent.pk, "colour": "#1f6f8b",
         "read_at": read_at(consultant_client, url)},
    )  # fmt: skip
    html = consultant_client.get(f"/themes/{theme.pk}/history/").content.decode()
    assert "<ins>Samenleven</ins>" in html


def test_merge_records_each_moved_tag_in_the_history(consultant_client, consultant, theme):
    from tests.interviews.factories import ExcerptFactory
    from tests.policies.factories import PassageFactory

    target = ThemeFactory(name="Imago")
    excerpt = ExcerptFactory(themes=[theme])
    passage = PassageFactory()
    passage.themes.add(theme)
    before = {"excerpt": excerpt.history.count(), "passage": passage.history.count()}
    consultant_client.post(f"/themes/{theme.pk}/merge/", {"target": target.pk})
    assert excerpt.history.count() == before["excerpt"] + 1
    latest = excerpt.history.latest()
    assert [row.theme for row in latest.themes.all()] == [target]
    assert latest.history_user == consultant
    assert passage.history.count() == before["passage"] + 1
    assert passage.history.latest().history_user == consultant


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CONSULTANT, 200), (Role.ATLAS, 200), (Role.READER, 200), (Role.ADMINISTRATOR, 403)],
)
def test_theme_colours_come_from_the_core_stylesheet(users, theme, role, status):
    response = client_for(users[role]).get(reverse("theme_css"))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "text/css"
        assert f".code-theme-{theme.pk}{{background-color:#1f6f8b40" in response.content.decode()


def test_the_coding_page_links_the_core_stylesheet(consultant_client):
    from tests.interviews.factories import ExcerptFactory

    excerpt = ExcerptFactory()
    html = consultant_client.get(f"/interviews/{excerpt.interview_id}/transcript/").content
    assert f'href="{reverse("theme_css")}"'.encode() in html


@pytest.fixture
def codebook(db):
    """Two roots with children, named so that alphabetical order is not the tree's order."""
    werk = ThemeFactory(name="Werk")
    beeld = ThemeFactory(name="Beeldvorming")
    ThemeFactory(name="Arbeidsmarkt", parent=werk)
    ThemeFactory(name="Media", parent=beeld)
    ThemeFactory(name="Zwart-wit", parent=Theme.objects.get(name="Media"))
    return ["Beeldvorming", "Media", "Zwart-wit", "Werk", "Arbeidsmarkt"]


def _checkbox_tree(html: str) -> list[tuple[str, str]]:
    import re

    return re.findall(
        r'name="themes" value="\d+"[^>]*data-depth="(\d)"[^>]*>\s*<label[^>]*>\s*([^<]+?)\s*<',
        html,
    )


def test_theme_pickers_show_the_codebook_as_a_tree(consultant_client, codebook):
    url = "/policies/new/"
    html = consultant_client.get(url).content.decode()
    tree = _checkbox_tree(html)
    assert [name for _depth, name in tree] == codebook
    assert [depth for depth, _name in tree] == ["0", "1", "2", "0", "1"]
    assert "›" not in html  # no "Werk › Arbeidsmarkt" labels any more


def test_theme_selects_indent_children_in_tree_order(consultant_client, codebook):
    html = consultant_client.get("/policies/").content.decode()
    options = html[html.index('name="theme"') :]
    options = options[: options.index("</select>")]
    assert options.index(">Beeldvorming<") < options.index(">\xa0\xa0Media<")
    assert options.index(">\xa0\xa0\xa0\xa0Zwart-wit<") < options.index(">Werk<")


def test_the_codebook_page_shows_the_same_tree(consultant_client, codebook):
    html = consultant_client.get("/themes/").content.decode()
    positions = [html.index(f"{name}\n") for name in codebook]
    assert positions == sorted(positions)
    assert "tree-indent-2" in html
