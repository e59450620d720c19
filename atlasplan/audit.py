"""The audit log of security events: who did what, when, from which address.

One service function, :func:`record`, writes an :class:`atlasplan.models.AuditEvent`; the
rows are never changed or deleted (the model refuses, the admin offers no way). Recorded:

- logins, logouts, failed logins and lockouts (allauth's limit on failed attempts), from
  the auth signals and :class:`atlasplan.adapters.AccountAdapter`;
- refused access: every 403 answered through ``atlasplan.errors.permission_denied``;
- role changes: groups (with ``RoleChange``, atlasplan.signals) and ``is_staff``,
  ``is_superuser`` and ``is_active``;
- every opening of a raw transcript or notes (``interviews.views.access``);
- every export of personal data (quote bank, ``.qdpx``, validation answers, the stakeholder
  register, the plan's PDF), from the view that hands it out.

Model changes to research data are in simple-history's tables; this log holds what those
cannot: reads, refusals and the accounts themselves.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import pre_save
from django.http import HttpRequest

from atlasplan.models import AuditEvent

Kind = AuditEvent.Kind


def client_address(request: HttpRequest | None) -> str:
    """The client's address: behind the TLS proxy (``BEHIND_TLS_PROXY``), the last address
    in X-Forwarded-For, the one the proxy added; what came before it, the client wrote
    itself. Without the proxy, the header is the client's own and is ignored."""
    if request is None:
        return ""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def _actor(request: HttpRequest | None, user=None):
    user = user if user is not None else getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def record(
    kind: str,
    request: HttpRequest | None = None,
    *,
    user=None,
    username: str = "",
    target: str = "",
    detail: str = "",
) -> AuditEvent:
    """Write one event. ``user`` defaults to the request's signed-in user; ``target`` names
    what was opened, exported or changed; ``detail`` adds what else an auditor needs."""
    actor = _actor(request, user)
    return AuditEvent.objects.create(
        kind=kind,
        user=actor,
        username=(actor.get_username() if actor else username)[:150],
        ip_address=client_address(request) or None,
        path=(request.get_full_path() if request is not None else "")[:500],
        target=str(target)[:300],
        detail=str(detail)[:1000],
    )


def on_logged_in(sender, request, user, **kwargs) -> None:
    record(Kind.LOGIN, request, user=user)


def on_logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record(Kind.LOGOUT, request, user=user)


def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # The credentials are cleansed by Django (the password is replaced by stars).
    attempted = credentials.get("username") or credentials.get("login") or ""
    record(Kind.LOGIN_FAILED, request, username=str(attempted))


# ``is_staff`` is the administrator role: atlasplan.signals records it with the other roles.
ACCOUNT_FLAGS = ("is_active", "is_superuser")


def on_user_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """Record an account switched on or off, and superuser rights given or taken."""
    if raw or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values(*ACCOUNT_FLAGS).first()
    if before is None:
        return
    from atlasplan.signals import current_request

    for flag in ACCOUNT_FLAGS:
        if before[flag] != getattr(instance, flag):
            state = "on" if getattr(instance, flag) else "off"
            record(
                Kind.ROLE_CHANGE,
                current_request(),
                target=instance.get_username(),
                detail=f"{flag}: {state}",
            )


def connect() -> None:
    from django.contrib.auth import get_user_model

    user_logged_in.connect(on_logged_in, dispatch_uid="atlasplan_audit_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="atlasplan_audit_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="atlasplan_audit_login_failed")
    pre_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="atlasplan_audit_user")
