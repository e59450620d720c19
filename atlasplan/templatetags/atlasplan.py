import nh3
from django import template
from django.http import QueryDict
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

from atlasplan.concurrency import stamp
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


_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
MARKDOWN_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "a",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip


@register.filter
def markdown(text: str | None) -> str:
    """Markdown typed by a user, as safe HTML: raw HTML is escaped, then nh3 sanitises."""
    rendered = _markdown.render(text or "")
    return mark_safe(nh3.clean(rendered, tags=MARKDOWN_TAGS, link_rel="noopener noreferrer"))


@register.filter(name="stamp")
def stamp_filter(instance) -> str:
    """The version an object was read at, for a form that refuses a stale save."""
    return stamp(instance)
