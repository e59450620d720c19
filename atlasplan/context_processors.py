from django.http import HttpRequest

from atlasplan.roles import role_labels
from atlasplan.steps import all_steps


def shell(request: HttpRequest) -> dict:
    """The navigation by the method's steps and the user's roles, for base.html."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    nav = []
    for step in all_steps():
        url = step.url
        active = bool(url) and request.path.startswith(url)
        nav.append({"step": step, "opens": step.opens_for(user), "active": active})
    return {"nav_steps": nav, "user_roles": role_labels(user)}
