"""The results, surprises and objections pages at agency scale: counts per theme in SQL, a
few surprises per theme with the rest a page at a time, objections a page at a time and
filterable, every text still through the evidence boundary."""

import pytest

from interviews.models import ConsentScope
from plan.models import Endorsement, ObjectionDecision
from tests.factories import ThemeFactory
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFactory, ValidationRoundFactory
from tests.plan.results_data import answer
from tests.stakeholders.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

E, P, N = Endorsement.ENDORSE, Endorsement.PARTLY, Endorsement.NOT


def results_url(round) -> str:
    return f"/plan/validation/{round.pk}/results/"


def surprises_url(round) -> str:
    return f"/plan/validation/{round.pk}/surprises/"


def objections_url(round) -> str:
    return f"/plan/validation/{round.pk}/objections/"


def surprised(round, theme, count, start=1, **fields):
    for number in range(start, start + count):
        organisation = OrganisationFactory(name=f"Organisatie {number:03d}")
        response = answer(round, organisation, surprises=f"Verrassing {number:03d}", **fields)
        if theme is not None:
            response.surprise_themes.add(theme)


def test_results_show_a_count_per_theme_and_only_the_first_surprises(consultant_client):
    round = ValidationRoundFactory()
    taal, werk = ThemeFactory(name="Taal"), ThemeFactory(name="Werk")
    surprised(round, taal, 7)
    surprised(round, werk, 2, start=8)
    surprised(round, None, 1, start=10)

    html = consultant_client.get(results_url(round)).content.decode()

    assert html.count('data-testid="surprise-group"') == 3
    assert html.count('data-testid="surprise-count">7<') == 1
    assert html.count('data-testid="surprise-count">2<') == 1
    assert "Verrassing 001" in html and "Verrassing 003" in html
    assert "Verrassing 004" not in html  # beyond the first three of Taal
    assert "Verrassing 009" in html and "Verrassing 010" in html
    assert html.count('data-testid="surprises-all"') == 1  # only Taal has more
    assert f"{surprises_url(round)}?theme={taal.pk}" in html


def test_surprises_page_shows_a_theme_a_page_at_a_time(consultant_client):
    round = ValidationRoundFactory()
    taal = ThemeFactory(name="Taal")
    surprised(round, taal, 26)
    surprised(round, None, 2, start=27)

    first = consultant_client.get(surprises_url(round), {"theme": taal.pk}).content.decode()
    second = consultant_client.get(
        surprises_url(round), {"theme": taal.pk, "page": 2}
    ).content.decode()
    plain = consultant_client.get(surprises_url(round), {"theme": "geen"}).content.decode()

    assert first.count('data-testid="quote"') == 25 and "Verrassing 026" not in first
    assert second.count('data-testid="quote"') == 1 and "Verrassing 026" in second
    assert plain.count('data-testid="quote"') == 2 and "Verrassing 027" in plain


def test_counts_and_pages_leave_out_what_the_viewer_may_not_read(atlas_client):
    round = ValidationRoundFactory()
    taal = ThemeFactory(name="Taal")
    surprised(round, taal, 2, consent_scope=ConsentScope.ANONYMOUS)
    surprised(round, taal, 3, start=3, consent_scope=ConsentScope.NOT_QUOTABLE)

    html = atlas_client.get(results_url(round)).content.decode()
    page = atlas_client.get(surprises_url(round), {"theme": taal.pk}).content.decode()

    assert 'data-testid="surprise-count">2<' in html
    assert "Verrassing 003" not in html and "Verrassing 003" not in page
    assert page.count('data-testid="quote"') == 2


def test_surprises_page_is_for_staff_and_refuses_an_odd_theme(
    consultant_client, reader_client, admin_client_
):
    round = ValidationRoundFactory()

    assert consultant_client.get(surprises_url(round), {"theme": "x1"}).status_code == 404
    assert consultant_client.get(surprises_url(round), {"theme": "99999"}).status_code == 404
    assert reader_client.get(surprises_url(round)).status_code in {403, 404}
    assert admin_client_.get(surprises_url(round)).status_code == 403
    assert consultant_client.post(surprises_url(round)).status_code == 405


def test_surprises_page_query_count_is_constant(consultant_client, django_assert_num_queries):
    round = ValidationRoundFactory()
    taal = ThemeFactory(name="Taal")
    counter = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            surprised(round, taal, 1, start=next(counter))

    add(2)
    assert_same_count(
        consultant_client,
        surprises_url(round),
        add,
        django_assert_num_queries,
        params={"theme": taal.pk},
        marker='data-testid="quote"',
    )


def test_results_query_count_does_not_grow_with_themes(
    consultant_client, django_assert_num_queries
):
    round = ValidationRoundFactory()
    counter = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            surprised(round, ThemeFactory(), 1, start=next(counter))

    add(2)
    assert_same_count(
        consultant_client,
        results_url(round),
        add,
        django_assert_num_queries,
        marker='data-testid="surprise-group"',
    )


def test_results_list_objections_a_page_at_a_time(consultant_client):
    round = ValidationRoundFactory()
    ambition = AmbitionFactory(version=round.version, title="Eigen taal")
    for number in range(1, 27):
        organisation = OrganisationFactory(name=f"Organisatie {number:03d}")
        answer(round, organisation, feedback={ambition: (N, f"Bezwaar {number:03d}")})

    first = consultant_client.get(results_url(round)).content.decode()
    second = consultant_client.get(results_url(round), {"page": 2}).content.decode()

    assert first.count('data-testid="objection"') == 25 and "Bezwaar 026" not in first
    assert second.count('data-testid="objection"') == 1 and "Bezwaar 026" in second
    assert "26 bezwaren zonder beslissing" in second  # the round's figure, not the page's


def test_objections_filter_by_ambition_and_decision_state(consultant_client):
    round = ValidationRoundFactory()
    one = AmbitionFactory(version=round.version, position=1, title="Een")
    two = AmbitionFactory(version=round.version, position=2, title="Twee")
    decided = answer(round, feedback={one: (P, "Bezwaar A"), two: (N, "Bezwaar B")})
    answer(round, feedback={one: (N, "Bezwaar C")})
    ObjectionDecision.objects.create(
        feedback=decided.feedback.get(ambition=one), outcome="rejected", explanation="Nee"
    )

    def shown(**params) -> list[str]:
        html = consultant_client.get(objections_url(round), params).content.decode()
        return sorted(t for t in ("Bezwaar A", "Bezwaar B", "Bezwaar C") if t in html)

    assert shown() == ["Bezwaar A", "Bezwaar B", "Bezwaar C"]
    assert shown(ambition=one.pk) == ["Bezwaar A", "Bezwaar C"]
    assert shown(state="open") == ["Bezwaar B", "Bezwaar C"]
    assert shown(state="beslist") == ["Bezwaar A"]
    assert shown(ambition=one.pk, state="open") == ["Bezwaar C"]
    assert shown(ambition="x") == ["Bezwaar A", "Bezwaar B", "Bezwaar C"]  # an odd id: all
