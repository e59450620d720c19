"""Step 2 in a real browser: htmx filtering, the grid's links, the shortlist, and axe-core."""

import datetime

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from stakeholders.models import Organisation
from tests.helpers import assert_no_axe_violations
from tests.stakeholders.factories import (
    AssessmentFactory,
    ContactFactory,
    InteractionFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(db):
    """A small register: scored organisations in each quadrant, one on the shortlist."""
    rows = [
        ("Vzw De Brug - جسر", "civil_society", 4, 5, "supportive"),
        ("Gazet van de Schelde", "media", 5, 1, "critical"),
        ("Atheneum Kiel", "education", 2, 4, "neutral"),
        ("Judoclub Ōkami", "other", 1, 1, "unknown"),
    ]
    organisations = {}
    for name, sector, influence, interest, attitude in rows:
        organisation = OrganisationFactory(name=name, sector=sector)
        AssessmentFactory(
            organisation=organisation, influence=influence, interest=interest, attitude=attitude
        )
        organisations[name] = organisation
    brug = organisations["Vzw De Brug - جسر"]
    contact = ContactFactory(organisation=brug, name="Fatima Benali")
    ShortlistEntryFactory(organisation=brug, contact=contact, rationale="Stem van het middenveld")
    ShortlistEntryFactory(
        organisation=organisations["Atheneum Kiel"],
        rationale="Onderwijs",
        decision="approved",
        decided_at=timezone.now(),
    )
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    InteractionFactory(organisation=brug, follow_up="Verslag sturen", follow_up_due=yesterday)
    return organisations


def test_register_search_swaps_the_rows_and_has_no_wcag_violations(
    page, live_server, consultant, login, register
):
    login(consultant)
    page.get_by_role("link", name="Stakeholders").first.click()
    expect(page.get_by_test_id("organisation-row")).to_have_count(4)
    assert_no_axe_violations(page)
    page.get_by_label("Zoeken", exact=True).fill("gazet")
    expect(page.get_by_test_id("organisation-row")).to_have_count(1)
    expect(page.get_by_test_id("organisation-row")).to_contain_text("Gazet van de Schelde")
    assert "q=gazet" in page.url  # the filtered list can be bookmarked
    page.get_by_label("Sector", exact=True).select_option("education")
    expect(page.get_by_text("Geen organisaties gevonden")).to_be_visible()


def test_grid_dots_are_links_and_the_page_has_no_wcag_violations(
    page, live_server, atlas_member, login, register
):
    login(atlas_member)
    page.goto(f"{live_server.url}/stakeholders/grid/")
    expect(page.get_by_test_id("grid-dot")).to_have_count(4)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Gazet van de Schelde: invloed 5, belang 1").click()
    expect(page.get_by_role("heading", name="Gazet van de Schelde")).to_be_visible()
    page.go_back()
    page.get_by_label("Sector", exact=True).select_option("media")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_test_id("grid-dot")).to_have_count(1)
    expect(page.get_by_test_id("quadrant")).to_have_text("Tevreden houden")


def test_the_atlas_team_approves_from_the_shortlist_without_wcag_violations(
    page, live_server, atlas_member, login, register
):
    login(atlas_member)
    page.goto(f"{live_server.url}/stakeholders/shortlist/")
    expect(page.get_by_test_id("shortlist-row")).to_have_count(2)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Beslissen Vzw De Brug - جسر").click()
    page.get_by_label("Goedkeuren").check()
    page.get_by_label("Reden").fill("Sterke stem in de wijken")
    page.get_by_role("button", name="Beslissing opslaan").click()
    row = page.get_by_test_id("shortlist-row").first
    expect(row).to_contain_text("Goedgekeurd")
    expect(row).to_contain_text("Sterke stem in de wijken")
    expect(page.get_by_test_id("shortlist-count")).to_contain_text("2 goedgekeurd")


def test_a_follow_up_is_marked_done_in_place(page, live_server, consultant, login, register):
    login(consultant)
    expect(page.get_by_text("1 opvolging te laat")).to_be_visible()
    page.get_by_role("link", name="Werk de te late opvolgingen af").click()
    row = page.get_by_test_id("interaction-row")
    expect(row).to_contain_text("Te laat")
    row.get_by_role("button", name="Afgerond").click()
    expect(row).not_to_contain_text("Te laat")
    expect(row.get_by_role("button")).to_have_count(0)
    assert_no_axe_violations(page)


def test_a_reader_cannot_open_step_2(page, live_server, reader, login, register):
    login(reader)
    expect(page.get_by_role("link", name="Stakeholders")).to_have_count(0)
    response = page.goto(f"{live_server.url}/stakeholders/")
    assert response.status == 403


def test_typing_a_close_name_warns_before_saving(page, live_server, consultant, login, register):
    login(consultant)
    page.goto(f"{live_server.url}/stakeholders/new/")
    name = page.get_by_role("textbox", name="Naam")
    expect(name).to_be_focused()  # the form opens with the focus in it
    name.press_sequentially("Gazet van de Schelt")
    expect(page.get_by_test_id("similar-names")).to_contain_text("Gazet van de Schelde")
    page.get_by_label("Sector").select_option("media")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Deze naam lijkt op: Gazet van de Schelde")).to_be_visible()
    page.get_by_label("Ja, dit is een andere organisatie").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Gazet van de Schelt")).to_be_visible()
    assert_no_axe_violations(page)


def test_an_excel_import_of_100_organisations_previews_then_saves(
    page, live_server, consultant, login, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    book = openpyxl.Workbook()
    book.active.append(["naam", "sector", "intern/extern"])
    for n in range(100):
        book.active.append([f"Vereniging {n:03d}", "Middenveld", "Extern"])
    path = tmp_path / "stakeholders.xlsx"
    book.save(path)

    login(consultant)
    page.goto(f"{live_server.url}/stakeholders/import/")
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Voorbeeld tonen").click()
    expect(page.get_by_test_id("import-summary")).to_have_text(
        "100 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met fouten."
    )
    expect(page.get_by_test_id("import-row")).to_have_count(100)
    assert_no_axe_violations(page)
    assert not Organisation.objects.exists()
    page.get_by_role("button", name="Bevestigen en opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Import voltooid: 100 nieuw")
    expect(page.get_by_test_id("organisation-row")).to_have_count(25)  # the first page
    assert Organisation.objects.count() == 100


def test_a_contact_is_forgotten_after_confirmation_without_wcag_violations(
    page, live_server, consultant, login, register
):
    from stakeholders.models import Contact
    from tests.stakeholders.factories import ContactFactory

    contact = ContactFactory(name="Noor Benali", email="noor@example.org")
    login(consultant)
    page.goto(f"{live_server.url}/stakeholders/contacts/{contact.pk}/edit/")
    page.get_by_role("link", name="Deze persoon vergeten…").click()
    expect(page.get_by_role("heading", name="“Noor Benali” vergeten")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Persoonsgegevens wissen").click()
    # Unconfirmed, the browser holds the form back (the box is required): nothing happens.
    expect(page.get_by_role("heading", name="“Noor Benali” vergeten")).to_be_visible()
    assert Contact.objects.get(pk=contact.pk).name == "Noor Benali"
    page.get_by_label("Ik bevestig dat deze persoon gevraagd heeft").check()
    page.get_by_role("button", name="Persoonsgegevens wissen").click()
    expect(page.get_by_text(f"overal staat nu “Vergeten persoon {contact.pk}”")).to_be_visible()
    assert_no_axe_violations(page)
