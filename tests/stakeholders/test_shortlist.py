from django.utils.html import escape

from stakeholders.models import Shortlist, ShortlistEntry
from tests.helpers import queries_for
from tests.stakeholders.factories import ContactFactory, OrganisationFactory, ShortlistEntryFactory


def propose(client, organisation, contact=None, rationale="Sleutelspeler"):
    data = {"organisation": organisation.pk, "rationale": rationale}
    if contact:
        data["contact"] = contact.pk
    return client.post("/stakeholders/shortlist/new/", data)


def names_in_order(client) -> list[str]:
    return [e.organisation.name for e in client.get("/stakeholders/shortlist/").context["entries"]]


def test_consultant_proposes_an_organisation_with_contact_and_rationale(
    consultant, consultant_client, organisation, contact
):
    response = propose(consultant_client, organisation, contact, "Stem van het middenveld")
    assert response.status_code == 302
    entry = ShortlistEntry.objects.get()
    assert (entry.contact, entry.proposed_by, entry.decision) == (contact, consultant, "proposed")
    html = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert "Stem van het middenveld" in html and "Fatima Benali" in html
    assert "Wacht op beslissing" in html


def test_a_contact_of_another_organisation_is_refused(consultant_client, organisation):
    stranger = ContactFactory(organisation=OrganisationFactory(name="Andere"))
    response = propose(consultant_client, organisation, stranger)
    assert "Kies enkel contactpersonen van de gekozen organisatie." in response.content.decode()
    assert not ShortlistEntry.objects.exists()


def test_an_organisation_is_proposed_only_once(consultant_client, entry):
    response = propose(consultant_client, entry.organisation)
    assert response.status_code == 200
    assert ShortlistEntry.objects.count() == 1


def test_entries_are_ordered_and_can_be_moved(consultant_client, db):
    for name in ["Eerste", "Tweede", "Derde"]:
        propose(consultant_client, OrganisationFactory(name=name))
    assert names_in_order(consultant_client) == ["Eerste", "Tweede", "Derde"]
    third = ShortlistEntry.objects.get(organisation__name="Derde")
    consultant_client.post(f"/stakeholders/shortlist/{third.pk}/move/", {"direction": "up"})
    assert names_in_order(consultant_client) == ["Eerste", "Derde", "Tweede"]
    first = ShortlistEntry.objects.get(organisation__name="Eerste")
    consultant_client.post(f"/stakeholders/shortlist/{first.pk}/move/", {"direction": "down"})
    assert names_in_order(consultant_client) == ["Derde", "Eerste", "Tweede"]
    consultant_client.post(f"/stakeholders/shortlist/{first.pk}/move/", {"direction": "down"})
    consultant_client.post(f"/stakeholders/shortlist/{first.pk}/move/", {"direction": "down"})
    assert names_in_order(consultant_client) == ["Derde", "Tweede", "Eerste"]


def test_the_count_and_a_warning_beyond_the_target_size(consultant_client, db):
    for organisation in OrganisationFactory.create_batch(3):
        ShortlistEntryFactory(organisation=organisation)
    html = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert "3 voorgesteld of goedgekeurd, streefaantal 7" in html
    assert 'data-testid="over-target"' not in html
    consultant_client.post("/stakeholders/shortlist/target/", {"target_size": 2})
    assert Shortlist.current().target_size == 2
    html = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert "streefaantal 2" in html and "meer dan 2 stakeholders" in html


def test_a_target_size_of_zero_is_refused(consultant_client, db):
    response = consultant_client.post("/stakeholders/shortlist/target/", {"target_size": 0})
    assert response.status_code == 200
    assert Shortlist.current().target_size == 7


def test_the_atlas_team_approves_and_who_and_when_are_recorded(atlas_member, atlas_client, entry):
    response = atlas_client.post(
        f"/stakeholders/shortlist/{entry.pk}/decide/", {"decision": "approved", "reason": ""}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.decision == "approved" and entry.decided_by == atlas_member
    assert entry.decided_at is not None
    html = atlas_client.get("/stakeholders/shortlist/").content.decode()
    assert escape(atlas_member.get_full_name()) in html and "Goedgekeurd" in html


def test_a_rejection_needs_a_reason(atlas_client, entry):
    url = f"/stakeholders/shortlist/{entry.pk}/decide/"
    response = atlas_client.post(url, {"decision": "rejected", "reason": "  "})
    assert "Geef een reden voor de afwijzing." in response.content.decode()
    entry.refresh_from_db()
    assert entry.decision == "proposed"
    atlas_client.post(url, {"decision": "rejected", "reason": "Te weinig band met het thema"})
    entry.refresh_from_db()
    assert (entry.decision, entry.decision_reason) == ("rejected", "Te weinig band met het thema")
    assert (
        "Te weinig band met het thema"
        in atlas_client.get("/stakeholders/shortlist/").content.decode()
    )


def test_changing_an_approved_entry_asks_for_a_new_decision(consultant_client, entry, atlas_member):
    from django.utils import timezone

    entry.decision, entry.decided_by, entry.decided_at = "approved", atlas_member, timezone.now()
    entry.save()
    consultant_client.post(
        f"/stakeholders/shortlist/{entry.pk}/edit/",
        {"organisation": entry.organisation.pk, "contact": entry.contact.pk, "rationale": "Nieuw"},
    )
    entry.refresh_from_db()
    assert entry.decision == "proposed" and entry.decided_by is None


def test_each_entry_shows_where_it_stands(consultant_client, entry):
    entry.decision, entry.progress = "approved", "interviewed"
    from django.utils import timezone

    entry.decided_at = timezone.now()
    entry.save()
    html = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert '<td data-testid="stands-at">Geïnterviewd</td>' in html


def test_removal_asks_for_confirmation(consultant_client, entry):
    assert (
        "Ja, schrappen"
        in consultant_client.get(f"/stakeholders/shortlist/{entry.pk}/delete/").content.decode()
    )
    consultant_client.post(f"/stakeholders/shortlist/{entry.pk}/delete/")
    assert not ShortlistEntry.objects.exists()
    assert entry.organisation.__class__.objects.filter(pk=entry.organisation.pk).exists()


def test_an_empty_shortlist_says_what_to_do(consultant_client, atlas_client, db):
    assert (
        "Stel de eerste stakeholder voor"
        in consultant_client.get("/stakeholders/shortlist/").content.decode()
    )
    assert (
        "daarna beslist het Atlas-team"
        in atlas_client.get("/stakeholders/shortlist/").content.decode()
    )


def test_shortlist_query_count_does_not_grow_with_rows(atlas_client, atlas_member, db):
    def add(count):
        for organisation in OrganisationFactory.create_batch(count):
            ShortlistEntryFactory(
                organisation=organisation, contact=ContactFactory(organisation=organisation)
            )

    add(3)
    before = queries_for(atlas_client, "/stakeholders/shortlist/")
    add(10)
    assert queries_for(atlas_client, "/stakeholders/shortlist/") == before
