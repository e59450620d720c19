"""The one place that answers "may this user do this to this object".

Rules are django-rules predicates registered under a name ("<area>.<action>"). The shared
core defines the role predicates and its own rules here; each step's app adds its rules in
its own ``rules.py`` (imported from its ``AppConfig.ready()``), built from these predicates.
Views call :func:`can` or :func:`require`; templates use ``{% can "name" obj as var %}``.

We do not use ``user.has_perm`` for domain rights: Django grants every permission to a
superuser, and DOMAIN.md gives the administrator user management, not the research.
"""

from typing import Any

import rules
from django.core.exceptions import PermissionDenied

from atlasplan.roles import Role, roles_of


def _has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"is_{role.value}")
    def predicate(user) -> bool:
        return role in roles_of(user)

    return predicate


is_consultant = _has_role(Role.CONSULTANT)
is_atlas_team = _has_role(Role.ATLAS)
is_reader = _has_role(Role.READER)
is_administrator = _has_role(Role.ADMINISTRATOR)

# Everyone who works on or receives the plan (not the administrator as such).
is_staff_member = is_consultant | is_atlas_team
has_any_role = is_consultant | is_atlas_team | is_reader


def add_rule(name: str, predicate: rules.Predicate) -> None:
    """Register a rule; re-registering the same name (autoreload, tests) replaces it."""
    rules.set_rule(name, predicate)


def can(user, name: str, obj: Any = None) -> bool:
    """True when ``user`` may do ``name`` (to ``obj``). Unknown names are refused."""
    return rules.test_rule(name, user, obj)


def require(user, name: str, obj: Any = None) -> None:
    """Raise PermissionDenied (403) unless ``user`` may do ``name``."""
    if not can(user, name, obj):
        raise PermissionDenied


# The shared core's own rules.
add_rule("themes.view", has_any_role)
add_rule("themes.change", is_consultant)
add_rule("admin.open", is_administrator)
# Research models in the Django admin: consultants only (who must also be staff to log in).
add_rule("admin.research", is_consultant)
