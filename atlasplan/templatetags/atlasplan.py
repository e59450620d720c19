from django import template
from django.http import QueryDict

from atlasplan.permissions import can as _can

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, name: str, obj=None) -> bool:
    """``{% can "themes.change" theme as may_edit %}``: asks atlasplan.permissions."""
    return _can(context["request"].user, name, obj)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (``None`` removes one).

    ``{% query_with page=3 %}`` keeps the filters and the sort order when paging.
    """
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)  # a new filter or sort starts at the first page
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
