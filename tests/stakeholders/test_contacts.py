from stakeholders.models import Contact
from tests.helpers import queries_for
from tests.stakeholders.factories import ContactFactory, OrganisationFactory


def test_consultant_adds_a_contact(consultant_client, organisation):
    response = consultant_client.post(
        f"/stakeholders/{organisation.pk}/contacts/new/",
        {"name": "Oksana Kovalenko", "email": "oksana@example.org", "language": "en"},
    )
    assert response.status_code == 302
    html = consultant_client.get(f"/stakeholders/{organisation.pk}/").content.decode()
    assert "Oksana Kovalenko" in html and "oksana@example.org" in html and "Engels" in html


def test_an_invalid_email_is_refused(consultant_client, organisation):
    response = consultant_client.post(
        f"/stakeholders/{organisation.pk}/contacts/new/",
        {"name": "Jan Peeters", "email": "jan@", "language": "nl"},
    )
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert not Contact.objects.exists()


def test_the_same_person_twice_at_one_organisation_is_refused(consultant_client, contact):
    response = consultant_client.post(
        f"/stakeholders/{contact.organisation.pk}/contacts/new/",
        {"name": "fatima  benali", "language": "nl"},
    )
    assert "al een contactpersoon met deze naam" in response.content.decode()
    assert Contact.objects.count() == 1


def test_a_reader_never_sees_contact_details(reader_client, contact):
    for url in [
        "/stakeholders/",
        f"/stakeholders/{contact.organisation.pk}/",
        "/stakeholders/contacts/",
        "/stakeholders/export/contacts.csv",
        f"/stakeholders/contacts/{contact.pk}/history/",
    ]:
        response = reader_client.get(url)
        assert response.status_code == 403
        assert b"fatima.benali@example.org" not in response.content


def test_the_contact_list_searches_by_organisation(atlas_client, contact):
    ContactFactory(name="Jan Peeters", organisation=OrganisationFactory(name="Gazet"))
    response = atlas_client.get("/stakeholders/contacts/", {"q": "brug"})
    assert [c.name for c in response.context["page_obj"]] == ["Fatima Benali"]
    assert "fatima.benali@example.org" in response.content.decode()


def test_delete_asks_for_confirmation(consultant_client, contact):
    assert (
        "Ja, verwijderen"
        in consultant_client.get(f"/stakeholders/contacts/{contact.pk}/delete/").content.decode()
    )
    assert Contact.objects.exists()
    consultant_client.post(f"/stakeholders/contacts/{contact.pk}/delete/")
    assert not Contact.objects.exists()


def test_contact_list_query_count_does_not_grow_with_rows(consultant_client, db):
    ContactFactory.create_batch(3)
    before = queries_for(consultant_client, "/stakeholders/contacts/")
    ContactFactory.create_batch(10)
    assert queries_for(consultant_client, "/stakeholders/contacts/") == before


def test_deleting_a_contact_erases_its_personal_data_from_the_history(consultant_client, contact):
    # DOMAIN: a contact's personal data can be erased on request. The history kept every
    # earlier value (e-mail, phone, notes) after the contact was deleted.
    contact.phone = "+32 470 00 00 00"
    contact.save()
    consultant_client.post(f"/stakeholders/contacts/{contact.pk}/delete/")
    assert not Contact.objects.exists()
    history = Contact.history.filter(id=contact.pk)
    assert history.exists()  # that a contact was there, and when, stays known
    assert not history.filter(email="fatima.benali@example.org").exists()
    assert not history.filter(name__icontains="Fatima").exists()
    assert not history.exclude(phone="").exists()


def test_deleting_an_organisation_erases_its_contacts_from_the_history(consultant_client, contact):
    consultant_client.post(f"/stakeholders/{contact.organisation.pk}/delete/")
    assert not Contact.history.filter(email="fatima.benali@example.org").exists()
