"""``{% evidence_quote quote %}``: the one component that renders a quote (see atlasplan.evidence).

``compact=True`` gives the one-line citation used beside a statement or in a history row.
"""

from django import template

from atlasplan.evidence import Quote

register = template.Library()


@register.inclusion_tag("includes/quote.html")
def evidence_quote(quote: Quote, compact: bool = False) -> dict:
    return {"quote": quote, "compact": compact}


@register.filter
def is_quote(value) -> bool:
    """True for a :class:`Quote` (a history row renders one through the component)."""
    return isinstance(value, Quote)
