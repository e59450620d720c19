"""List pages: filter (django-filter), sort, paginate, and answer htmx with just the rows.

A list view builds its filterset (``filterset`` in the context) and calls :func:`render_list`;
the template defines a ``{% partialdef rows inline %}`` block that holds the table, the empty
state and the pagination, and the search/filter form carries ``hx-get`` and ``hx-target`` pointing at it.
The URL keeps the state (filters, sort, page), so a filtered list can be bookmarked and shared.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PER_PAGE = 25


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> Page:
    """The requested page; a page number out of range gives the last page, not an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def sort_by(request: HttpRequest, queryset: QuerySet, allowed: dict[str, str], default: str):
    """Order by the ``sort`` parameter if it names an allowed key (``-key`` for descending).

    ``allowed`` maps the names used in URLs to model field paths, so a URL can never order
    by an arbitrary field. Returns the queryset and the sort key in effect.
    """
    key = request.GET.get("sort", default)
    field = allowed.get(key.removeprefix("-"))
    if field is None:
        key, field = default, allowed[default.removeprefix("-")]
    descending = key.startswith("-")
    return queryset.order_by(f"-{field}" if descending else field, "pk"), key


def render_list(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """The whole page, or only its ``rows`` partial when htmx asks (filters, sort, pages)."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, f"{template}#rows", context)
    return render(request, template, context)
