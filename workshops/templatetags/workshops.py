from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(share: float | None) -> str:
    """0.4167 -> "42%", a whole number (so the same in every language); "—" for no share."""
    if share is None:
        return "—"
    return f"{round(share * 100)}%"


@register.filter
def decimal(value: float | None, places: int = 2) -> str:
    """A number with a fixed number of decimals in the user's language; "—" for none."""
    if value is None:
        return "—"
    return number_format(round(value, places), decimal_pos=places)


@register.filter
def svgnum(value: float) -> str:
    """A coordinate for SVG: always a dot as decimal separator, whatever the language."""
    return f"{value:.2f}"
