"""Helpers shared by the tests of every app."""

from urllib.parse import urlencode

from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def read_at(client: Client, url: str) -> str:
    """The version stamp an edit form carries when ``client`` opens it (atlasplan.concurrency):
    a save posts it back, as the browser does, or is refused as stale."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.context["form"]["read_at"].value()


def queries_for(client: Client, url: str, **headers) -> int:
    """How many SQL queries a GET of ``url`` costs (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.status_code
    return len(captured)


def assert_same_count(
    client: Client, url: str, add_rows, django_assert_num_queries, params=None, marker="", per_row=1
) -> None:
    """A page's query count with N rows equals its count with N + 10 rows, and the ten rows
    are really on the page (``marker`` occurs ``per_row`` times more for each)."""
    url = f"{url}?{urlencode(params)}" if params else url
    before = client.get(url).content.decode().count(marker) if marker else 0
    queries_for(client, url)  # warm caches (content types, sessions)
    count = queries_for(client, url)
    add_rows(10)
    with django_assert_num_queries(count):
        response = client.get(url)
    assert response.status_code == 200
    if marker:
        assert response.content.decode().count(marker) == before + 10 * per_row


def assert_no_axe_violations(page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page once its transitions have ended
    (a button caught halfway between two colours fails the contrast rule)."""
    page.wait_for_function(
        """() => document.getAnimations().every(a => a.playState !== 'running'
             || a.effect.getComputedTiming().endTime === Infinity)""",
        timeout=5000,
    )
    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    summary = [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert violations == [], summary
