"""The roles of DOMAIN.md and how a user gets them.

A role is membership of a group (created by a data migration), except the administrator,
who is a staff user. A user may hold more than one role; rights are their union.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    ATLAS = "atlas", _("Atlas-team")
    READER = "reader", _("Lezer")
    ADMINISTRATOR = "administrator", _("Beheerder")


# The group behind each role; group names are data (see the 0002 migration), never shown.
GROUP_NAMES = {
    Role.CONSULTANT: "Consultant",
    Role.ATLAS: "Atlas-team",
    Role.READER: "Lezer",
}
ROLE_BY_GROUP = {name: role for role, name in GROUP_NAMES.items()}


def roles_of(user: AbstractBaseUser | AnonymousUser) -> frozenset[Role]:
    """The user's roles, read once per user object (one query) and cached on it."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_atlasplan_roles", None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        cached = {ROLE_BY_GROUP[name] for name in names if name in ROLE_BY_GROUP}
        if user.is_staff:
            cached.add(Role.ADMINISTRATOR)
        cached = frozenset(cached)
        user._atlasplan_roles = cached
    return cached


def role_labels(user: AbstractBaseUser | AnonymousUser) -> list[str]:
    """The user's role names for display, in the order of the Role enum."""
    held = roles_of(user)
    return [str(role.label) for role in Role if role in held]
