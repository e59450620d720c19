"""Sessions end when they should (OWASP ASVS V3.3).

- Logging out ends the session (Django's ``logout`` flushes it; the index row goes too).
- Deactivating a user (``is_active`` set to False, from the admin or anywhere else) ends
  every session of that user, with the database engine and with the cache engine used by
  several app servers: the sessions are found through :class:`atlasplan.models.UserSession`.
- Idle timeout: ``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``, so each request
  moves the end of the session on.
- Absolute lifetime: :class:`SessionLifetimeMiddleware` ends a session
  ``SESSION_ABSOLUTE_SECONDS`` after its login, however busy it is.
"""

from collections.abc import Callable
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from atlasplan.models import UserSession

LOGIN_AT = "atlasplan_login_at"  # when this session logged in (a POSIX timestamp)
INDEXED_KEY = "atlasplan_indexed_key"  # the session key last written to the index


def session_store(session_key: str | None = None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def _index(request: HttpRequest, user) -> None:
    session = request.session
    if session.session_key is None:
        session.save()
    UserSession.objects.get_or_create(session_key=session.session_key, defaults={"user": user})
    session[INDEXED_KEY] = session.session_key


def on_logged_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    request.session[LOGIN_AT] = timezone.now().timestamp()
    _index(request, user)


def on_logged_out(sender, request: HttpRequest | None, user, **kwargs) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def end_sessions(user) -> int:
    """End every session of ``user``; how many there were."""
    rows = UserSession.objects.filter(user=user)
    keys = list(rows.values_list("session_key", flat=True))
    for key in keys:
        session_store(key).delete()
    rows.delete()
    return len(keys)


def on_user_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """A user set to inactive loses every session at once."""
    if raw or instance.pk is None or instance.is_active:
        return
    if sender.objects.filter(pk=instance.pk, is_active=True).exists():
        end_sessions(instance)


def session_expired(request: HttpRequest) -> bool:
    login_at = request.session.get(LOGIN_AT)
    if login_at is None:  # a signed-in session from before this rule: treat it as old
        return True
    return timezone.now().timestamp() - login_at > settings.SESSION_ABSOLUTE_SECONDS


class SessionLifetimeMiddleware:
    """Ends a signed-in session older than ``SESSION_ABSOLUTE_SECONDS`` since its login, and
    keeps the session index up to date when a session's key changes (password change)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if session_expired(request):
                logout(request)
                messages.info(request, _("Uw sessie is verlopen. Meld u opnieuw aan."))
            elif request.session.get(INDEXED_KEY) != request.session.session_key:
                _index(request, request.user)
        return self.get_response(request)


def connect() -> None:
    from django.contrib.auth import get_user_model

    user_logged_in.connect(on_logged_in, dispatch_uid="atlasplan_session_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="atlasplan_session_logout")
    pre_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="atlasplan_deactivate")
