"""``{% method_section %}``: the plan's method section, generated from the research."""

from django import template

from plan.method import method_section as paragraphs

register = template.Library()


@register.inclusion_tag("plan/plan/method_section.html")
def method_section() -> dict:
    return {"paragraphs": paragraphs()}
