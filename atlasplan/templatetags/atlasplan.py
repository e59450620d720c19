from django import template

from atlasplan.permissions import can as _can

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, name: str, obj=None) -> bool:
    """``{% can "themes.change" theme as may_edit %}``: asks atlasplan.permissions."""
    return _can(context["request"].user, name, obj)
