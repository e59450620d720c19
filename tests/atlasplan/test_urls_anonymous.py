"""Walk every URL pattern as an anonymous visitor: login or nothing, never data, never a 500."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from atlasplan.models import Theme

# Views that are public by design, with what an anonymous visitor may get from them.
PUBLIC = {
    "healthz": {200},
    "set_language": {302, 405},
    "account_login": {200},
    "account_reset_password": {200},
    "account_reset_password_done": {200},
    "account_reset_password_from_key": {200},
    "account_reset_password_from_key_done": {200},
    "account_signup": {200, 302, 404},  # closed: the page only says so
    "account_logout": {200, 302},
    "account_confirm_email": {200, 302, 404},
    "account_email_verification_sent": {200, 302},
    "account_inactive": {200},
    "account_login_code_confirm": {200, 302},
    "account_reauthenticate": {302},
    "admin:login": {302},  # leads to the one login page, /accounts/login/
    # Workshop participants vote without an account (the walk's "x" is no workshop code).
    "vote:ballot_start": {200},
    "vote:ballot_detail": {404},
    "vote:ballot_role": {405},
    "vote:ballot_state": {200},  # "not open" for an unknown code
    "vote:vote_create": {405},
    # An invitee answers a validation round through a personal link ("x" is no token).
    "plan:answer": {404},
    "plan:answer_thanks": {404},
}


def all_patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name or ''}"


def concrete(pattern: str, pk: int) -> str:
    """A URL for a pattern, with every parameter filled in by something plausible."""
    path = re.sub(r"<int:\w+>", str(pk), pattern)
    path = re.sub(r"<(?:slug|str|uuid|path):?\w*>", "x", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)  # regex patterns (admin)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + path.lstrip("/")


@pytest.mark.django_db
def test_every_url_keeps_anonymous_visitors_out(client):
    secret = Theme.objects.create(name="Vertrouwelijk codeboekthema")
    checked = 0
    for pattern, name in all_patterns(get_resolver()):
        url = concrete(pattern, secret.pk)
        response = client.get(url)
        assert response.status_code < 500, f"{url} ({name}) gave {response.status_code}"
        assert secret.name.encode() not in response.content, f"{url} ({name}) shows data"
        if name in PUBLIC:
            assert response.status_code in PUBLIC[name], f"{url} ({name})"
        elif response.status_code == 302:
            assert "login" in response["Location"], f"{url} ({name}) -> {response['Location']}"
        else:
            assert response.status_code in {404, 405}, f"{url} ({name}) gave {response.status_code}"
        checked += 1
    assert checked > 30  # the walk really covered the URLconf
