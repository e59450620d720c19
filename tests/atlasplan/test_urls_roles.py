"""Walk every URL pattern as each demo role, on the full demo case: never a server error,
and a reader never receives a contact's personal data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import get_resolver

from tests.atlasplan.test_urls_anonymous import all_patterns, concrete

ROLES = ["consultant", "atlas", "lezer", "beheerder"]


@pytest.fixture
def demo(db):
    call_command("load_demo", "--password", "demo-wachtwoord", stdout=StringIO())


def test_every_url_answers_every_role_without_a_server_error(demo):
    from stakeholders.models import Contact

    emails = [email for email in Contact.objects.values_list("email", flat=True) if email]
    assert emails, "the demo has contacts with e-mail addresses"
    patterns = [(p, n) for p, n in all_patterns(get_resolver()) if not n.startswith("admin:")]
    failures, seen_by = [], set()
    for username in ROLES:
        client = Client(raise_request_exception=False)
        assert client.login(username=username, password="demo-wachtwoord")
        for pattern, name in patterns:
            if name in {"account_logout"}:
                continue
            url = concrete(pattern, 1)
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{username} {url} ({name}) -> {response.status_code}")
            if response.status_code != 200 or response.streaming:
                continue
            body = response.content.decode(errors="ignore")
            if any(email in body for email in emails):
                seen_by.add(username)
    assert failures == []
    # The walk does reach contact details (so the reader's check below can fail) ...
    assert "consultant" in seen_by
    # ... and a reader never receives them, on any page.
    assert "lezer" not in seen_by
