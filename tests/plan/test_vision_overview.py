"""The evidence overview: per theme, the research's evidence against the version's ambitions."""

import pytest

from atlasplan.models import Theme
from plan.overview import overview
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.interviews.factories import ExcerptFactory
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.policies.factories import PassageFactory
from tests.workshops.factories import StatementFactory, votes

pytestmark = pytest.mark.django_db


def passage(*themes):
    made = PassageFactory()
    made.themes.set(themes)
    return made


@pytest.fixture
def example():
    """By hand: Taal has 2 passages, 3 excerpts (2 critical, 1 supportive), 2 statements
    (kept, reworded); Beeldvorming 1 passage, 1 nuanced excerpt and a dropped statement that
    6 of 6 endorse, but no ambition; Wonen nothing; Onderwijs sits under Taal."""
    taal = Theme.objects.create(name="Taal")
    onderwijs = Theme.objects.create(name="Onderwijs", parent=taal)
    beeld = Theme.objects.create(name="Beeldvorming")
    wonen = Theme.objects.create(name="Wonen")
    taal_passage = passage(taal)
    passage(taal)
    passage(beeld)
    critical = ExcerptFactory(themes=[taal], stance="critical")
    ExcerptFactory(themes=[taal], stance="critical")
    ExcerptFactory(themes=[taal], stance="supportive")
    ExcerptFactory(themes=[beeld], stance="nuanced")
    kept = StatementFactory(theme=taal, outcome="kept")
    StatementFactory(theme=taal, outcome="reworded")
    votes(StatementFactory(theme=beeld, outcome="dropped"), {5: 6})
    version = VisionVersionFactory()
    AmbitionFactory(
        version=version,
        themes=[taal],
        passages=[taal_passage],
        excerpts=[critical],
        statements=[kept],
    )
    AmbitionFactory(version=version, themes=[taal, onderwijs], excerpts=[critical])
    AmbitionFactory(themes=[beeld])  # another version's ambition does not count
    return version, {"taal": taal, "onderwijs": onderwijs, "beeld": beeld, "wonen": wonen}


def test_counts_per_theme_on_a_hand_made_example(example):
    version, _ = example
    rows = {row.theme.name: row for row in overview(version)}
    taal = rows["Taal"]
    assert taal.passages == 2
    assert taal.excerpts == {"critical": 2, "supportive": 1}
    assert taal.statements == {"kept": 1, "reworded": 1}
    assert taal.ambitions == 2
    assert (taal.linked_passages, taal.linked_excerpts, taal.linked_statements) == (1, 1, 1)
    beeld = rows["Beeldvorming"]
    assert (beeld.passages, beeld.excerpt_total, beeld.ambitions) == (1, 1, 0)
    assert beeld.statements == {"dropped": 1} and beeld.results == {"endorsed": 1}
    assert rows["Onderwijs"].ambitions == 1 and rows["Onderwijs"].depth == 1
    assert rows["Wonen"].evidence_total == 0


def test_a_theme_the_interviews_raised_and_the_vision_ignores_stands_out(example):
    version, _ = example
    flagged = [row.theme.name for row in overview(version) if row.ignored]
    assert flagged == ["Beeldvorming"]  # Wonen has no excerpts: nothing was ignored


def test_themes_come_in_codebook_tree_order(example):
    version, _ = example
    names = [row.theme.name for row in overview(version)]
    assert names == ["Beeldvorming", "Taal", "Onderwijs", "Wonen"]


def test_page_shows_the_figures_and_the_badge(consultant_client, example):
    version, themes = example
    html = consultant_client.get(f"/plan/vision/{version.pk}/evidence/").content.decode()
    row = html.split(f'id="theme-{themes["beeld"].pk}"')[1].split("</tr>")[0]
    assert "niet in de visie" in row and 'data-ignored="true"' in row
    assert html.count('data-testid="not-in-vision"') == 1
    taal = html.split(f'id="theme-{themes["taal"].pk}"')[1].split("</tr>")[0]
    assert "(steunend 1, kritisch 2)" in taal and "(behouden 1, herformuleerd 1)" in taal
    beeld = html.split(f'id="theme-{themes["beeld"].pk}"')[1].split("</tr>")[0]
    assert "resultaat: breed gedragen 1" in beeld
    assert "1 fragm., 1 stell., 1 pass." in taal
    summary = html.split('data-testid="ignored-themes"')[1].split("</div>")[0]
    assert "Beeldvorming" in summary and "Taal" not in summary


def test_detail_page_links_to_the_overview(consultant_client, example):
    version, _ = example
    html = consultant_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert f"/plan/vision/{version.pk}/evidence/" in html


def test_overview_rights_per_role(request, example):
    version, _ = example
    url = f"/plan/vision/{version.pk}/evidence/"

    expected = {"consultant": 200, "atlas_member": 200, "reader": 404, "administrator": 403}
    for who, status in expected.items():
        assert client_for(request.getfixturevalue(who)).get(url).status_code == status, who
    version.state = "adopted"
    version.save()
    assert client_for(request.getfixturevalue("reader")).get(url).status_code == 200
    assert client_for(request.getfixturevalue("consultant")).post(url).status_code == 405


def test_overview_query_count_is_constant(consultant_client, example, django_assert_num_queries):
    version, _ = example

    def add_rows(n):
        for i in range(n):
            theme = Theme.objects.create(name=f"Thema {i}")
            ExcerptFactory(themes=[theme])
            passage(theme)
            StatementFactory(theme=theme, outcome="kept")
            AmbitionFactory(version=version, themes=[theme])

    assert_same_count(
        consultant_client,
        f"/plan/vision/{version.pk}/evidence/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="theme-row"',
    )
