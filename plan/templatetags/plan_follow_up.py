"""``{% objective_follow_up objective %}``: an objective's traffic light and chart."""

from django import template

from plan.follow_up import AT_RISK_SHARE, ON_TRACK_SHARE, follow_up

register = template.Library()


@register.inclusion_tag("plan/plan/follow_up_objective.html")
def objective_follow_up(objective, compact: bool = False) -> dict:
    """Uses the objective's prefetched measurements: no query of its own."""
    result = follow_up(objective)
    return {"result": result, "chart": result.chart(), "compact": compact, **rule_shares()}


@register.inclusion_tag("plan/plan/follow_up_rule.html")
def follow_up_rule(link: bool = False) -> dict:
    """The traffic-light rule in words, stated once on each page that shows a light;
    ``link`` adds a link to the follow-up page."""
    return {**rule_shares(), "link": link}


def rule_shares() -> dict:
    return {"on_track_pct": int(ON_TRACK_SHARE * 100), "at_risk_pct": int(AT_RISK_SHARE * 100)}
