"""Every view per role: allowed 200, forbidden 403, not there 404, wrong method 405.

Readers and the administrator never open step 2; the Atlas team reads everything and
decides on the shortlist; only consultants change the register.
"""

import pytest

from atlasplan.roles import Role
from tests.conftest import client_for

C, A, R, B = Role.CONSULTANT, Role.ATLAS, Role.READER, Role.ADMINISTRATOR

# (url template, roles that may GET it); every other role gets 403.
PAGES = [
    ("/stakeholders/", {C, A}),
    ("/stakeholders/grid/", {C, A}),
    ("/stakeholders/contacts/", {C, A}),
    ("/stakeholders/interactions/", {C, A}),
    ("/stakeholders/shortlist/", {C, A}),
    ("/stakeholders/export/organisations.csv", {C, A}),
    ("/stakeholders/export/contacts.xlsx", {C, A}),
    ("/stakeholders/{org}/", {C, A}),
    ("/stakeholders/{org}/history/", {C, A}),
    ("/stakeholders/contacts/{contact}/history/", {C, A}),
    ("/stakeholders/interactions/{interaction}/history/", {C, A}),
    ("/stakeholders/shortlist/{entry}/history/", {C, A}),
    ("/stakeholders/new/", {C}),
    ("/stakeholders/similar/?name=Brug", {C}),
    ("/stakeholders/import/", {C}),
    ("/stakeholders/{org}/edit/", {C}),
    ("/stakeholders/{org}/delete/", {C}),
    ("/stakeholders/{org}/assess/", {C}),
    ("/stakeholders/{org}/contacts/new/", {C}),
    ("/stakeholders/{org}/interactions/new/", {C}),
    ("/stakeholders/contacts/{contact}/edit/", {C}),
    ("/stakeholders/contacts/{contact}/delete/", {C}),
    ("/stakeholders/interactions/{interaction}/edit/", {C}),
    ("/stakeholders/interactions/{interaction}/delete/", {C}),
    ("/stakeholders/shortlist/target/", {C}),
    ("/stakeholders/shortlist/new/", {C}),
    ("/stakeholders/shortlist/{entry}/edit/", {C}),
    ("/stakeholders/shortlist/{entry}/delete/", {C}),
    ("/stakeholders/shortlist/{entry}/decide/", {A}),
]

# Pages about one object: (url template, role that may open it) for the 404 check.
OBJECT_PAGES = [
    ("/stakeholders/{pk}/", C),
    ("/stakeholders/{pk}/edit/", C),
    ("/stakeholders/{pk}/assess/", C),
    ("/stakeholders/contacts/{pk}/edit/", C),
    ("/stakeholders/interactions/{pk}/edit/", C),
    ("/stakeholders/shortlist/{pk}/edit/", C),
    ("/stakeholders/shortlist/{pk}/decide/", A),
]

POST_ONLY = [
    "/stakeholders/interactions/{interaction}/done/",
    "/stakeholders/shortlist/{entry}/move/",
    "/stakeholders/import/confirm/",
    "/stakeholders/import/cancel/",
]

GET_ONLY = [
    "/stakeholders/",
    "/stakeholders/grid/",
    "/stakeholders/contacts/",
    "/stakeholders/interactions/",
    "/stakeholders/shortlist/",
    "/stakeholders/{org}/",
    "/stakeholders/{org}/history/",
    "/stakeholders/import/preview/",
    "/stakeholders/export/organisations.csv",
]


@pytest.fixture
def ids(organisation, contact, interaction, entry) -> dict[str, int]:
    return {
        "org": organisation.pk,
        "contact": contact.pk,
        "interaction": interaction.pk,
        "entry": entry.pk,
    }


@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_each_page_per_role(users, ids, url, allowed):
    for role, user in users.items():
        status = client_for(user).get(url.format(**ids)).status_code
        assert status == (200 if role in allowed else 403), (url, role, status)


@pytest.mark.parametrize(("url", "role"), OBJECT_PAGES)
def test_an_object_that_is_not_there_is_404(users, url, role):
    assert client_for(users[role]).get(url.format(pk=987654)).status_code == 404


def test_a_reader_gets_403_not_404_for_any_object(reader_client, db):
    # A reader may not open step 2 at all: whether an object exists is not revealed.
    assert reader_client.get("/stakeholders/987654/").status_code == 403


@pytest.mark.parametrize("url", POST_ONLY)
def test_post_only_views_refuse_get(consultant_client, ids, url):
    assert consultant_client.get(url.format(**ids)).status_code == 405


@pytest.mark.parametrize("url", GET_ONLY)
def test_read_only_views_refuse_post(consultant_client, ids, url):
    assert consultant_client.post(url.format(**ids)).status_code == 405


@pytest.mark.parametrize("role", [A, R, B])
def test_only_consultants_write(users, ids, role):
    client = client_for(users[role])
    writes = [
        ("/stakeholders/new/", {"name": "Nieuw", "sector": "media", "scope": "external"}),
        ("/stakeholders/{org}/edit/", {"name": "Hernoemd", "sector": "media"}),
        ("/stakeholders/{org}/delete/", {}),
        ("/stakeholders/{org}/assess/", {"influence": 1, "interest": 1}),
        ("/stakeholders/{org}/contacts/new/", {"name": "X"}),
        ("/stakeholders/contacts/{contact}/delete/", {}),
        ("/stakeholders/interactions/{interaction}/done/", {}),
        ("/stakeholders/shortlist/{entry}/move/", {"direction": "up"}),
        ("/stakeholders/shortlist/{entry}/delete/", {}),
        ("/stakeholders/shortlist/target/", {"target_size": 3}),
    ]
    for url, data in writes:
        assert client.post(url.format(**ids), data).status_code == 403, url
    from stakeholders.models import Contact, Organisation, Shortlist, ShortlistEntry

    assert Organisation.objects.get().name == "Vzw De Brug"
    assert Contact.objects.count() == 1 and ShortlistEntry.objects.count() == 1
    assert not Shortlist.objects.exists()


@pytest.mark.parametrize("role", [C, R, B])
def test_only_the_atlas_team_decides(users, entry, role):
    response = client_for(users[role]).post(
        f"/stakeholders/shortlist/{entry.pk}/decide/", {"decision": "approved", "reason": "ok"}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.decision == "proposed"
