from django.template import Context, Template
from django.test import RequestFactory

from atlasplan.lists import paginate, sort_by
from atlasplan.models import Theme
from tests.factories import ThemeFactory

ALLOWED = {"name": "name", "created": "created_at"}


def test_sort_by_ignores_fields_that_are_not_allowed(db):
    request = RequestFactory().get("/", {"sort": "-description"})
    queryset, key = sort_by(request, Theme.objects.all(), ALLOWED, default="name")
    assert key == "name"
    assert queryset.query.order_by == ("name", "pk")


def test_sort_by_descending(db):
    ThemeFactory(name="Arbeid")
    ThemeFactory(name="Zorg")
    request = RequestFactory().get("/", {"sort": "-name"})
    queryset, key = sort_by(request, Theme.objects.all(), ALLOWED, default="name")
    assert key == "-name"
    assert [t.name for t in queryset] == ["Zorg", "Arbeid"]


def test_a_page_beyond_the_end_shows_the_last_page(db):
    ThemeFactory.create_batch(30)
    page = paginate(RequestFactory().get("/", {"page": "99"}), Theme.objects.all(), per_page=25)
    assert page.number == 2
    assert len(page.object_list) == 5


def test_query_with_keeps_filters_and_resets_the_page():
    request = RequestFactory().get("/", {"q": "wijk", "level": "city", "page": "3"})
    template = Template("{% load atlasplan %}{% query_with sort='-year' %}|{% query_with page=4 %}")
    sorted_url, paged_url = template.render(Context({"request": request})).split("|")
    assert "page" not in sorted_url and "q=wijk" in sorted_url and "sort=-year" in sorted_url
    assert "page=4" in paged_url and "level=city" in paged_url
