"""Role changes: nobody gives themselves a research role, and every change is recorded.

Roles are group memberships (and ``is_staff`` for the administrator, see atlasplan.roles),
so the guard and the record sit on the model signals: the admin, the shell, a later view
or an import all pass here. The acting user is the one of the current request (kept by
simple-history's HistoryRequestMiddleware); outside a request (a management command, a data
migration) nobody acts and nothing is refused.
"""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, pre_save
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlasplan.models import RoleChange
from atlasplan.roles import GROUP_NAMES, ROLE_BY_GROUP, Role

SELF_ASSIGNED = _(
    "Niemand kent zichzelf een onderzoeksrol toe: vraag een andere beheerder om u deze rol "
    "te geven."
)


class SelfAssignedRole(PermissionDenied):
    """A user tried to give themselves a research role."""


def current_request():
    """The request being answered (kept by simple-history's middleware), or None."""
    return getattr(HistoricalRecords.context, "request", None)


def acting_user():
    """The signed-in user of the current request, or None outside a request."""
    request = current_request()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _memberships(instance, reverse: bool, pk_set) -> list[tuple[int, str]]:
    """(user id, group name) for each membership a groups change touches."""
    if reverse:  # group.user_set.add(...): the instance is the group
        user_ids = pk_set if pk_set is not None else instance.user_set.values_list("pk", flat=True)
        return [(user_id, instance.name) for user_id in user_ids]
    groups = Group.objects.filter(pk__in=pk_set) if pk_set is not None else instance.groups.all()
    return [(instance.pk, name) for name in groups.values_list("name", flat=True)]


def _research_roles(memberships: list[tuple[int, str]]) -> list[tuple[int, Role]]:
    return [(uid, ROLE_BY_GROUP[name]) for uid, name in memberships if name in ROLE_BY_GROUP]


def _record(user_id: int, role: Role, action: str, actor) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    RoleChange.objects.create(
        user=user,
        username=user.get_username() if user else "",
        role=role,
        action=action,
        changed_by=actor,
        changed_by_name=actor.get_username() if actor else "",
    )
    from atlasplan import audit

    username = user.get_username() if user else ""
    audit.record(
        audit.Kind.ROLE_CHANGE, current_request(), target=username, detail=f"{role}: {action}"
    )


def _held(user_id: int, role: Role) -> bool:
    return Group.objects.filter(user__pk=user_id, name=GROUP_NAMES[role]).exists()


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    actor = acting_user()
    if action == "pre_add":
        changes = _research_roles(_memberships(instance, reverse, pk_set))
        if actor is not None and any(uid == actor.pk for uid, _role in changes):
            raise SelfAssignedRole(SELF_ASSIGNED)
    elif action == "post_add":  # pk_set holds only the memberships that are new
        for uid, role in _research_roles(_memberships(instance, reverse, pk_set)):
            _record(uid, role, RoleChange.Action.ADDED, actor)
    elif action in {"pre_remove", "pre_clear"}:  # afterwards nobody knows what was there
        for uid, role in _research_roles(_memberships(instance, reverse, pk_set)):
            if _held(uid, role):
                _record(uid, role, RoleChange.Action.REMOVED, actor)


def on_user_saved(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """The administrator role is ``is_staff``: record when it is given or taken."""
    if raw or instance.pk is None or (update_fields and "is_staff" not in update_fields):
        return
    was_staff = sender.objects.filter(pk=instance.pk, is_staff=True).exists()
    if was_staff != instance.is_staff:
        action = RoleChange.Action.ADDED if instance.is_staff else RoleChange.Action.REMOVED
        _record(instance.pk, Role.ADMINISTRATOR, action, acting_user())


def connect() -> None:
    user_model = get_user_model()
    m2m_changed.connect(
        on_groups_changed, sender=user_model.groups.through, dispatch_uid="atlasplan_roles"
    )
    pre_save.connect(on_user_saved, sender=user_model, dispatch_uid="atlasplan_staff_role")


@contextmanager
def roles_unrecorded():
    """Group memberships written without a role-change record: a restore (import_all) loads
    the recorded changes themselves and must not add new ones for each membership."""
    through = get_user_model().groups.through
    m2m_changed.disconnect(sender=through, dispatch_uid="atlasplan_roles")
    try:
        yield
    finally:
        m2m_changed.connect(on_groups_changed, sender=through, dispatch_uid="atlasplan_roles")
