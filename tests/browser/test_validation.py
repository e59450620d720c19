"""The validation round in a real browser: an invitee answers online on a phone, the
consultant sees it arrive and the figures change; every round page passes axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plan import services
from tests.helpers import assert_no_axe_violations
from tests.plan.factories import (
    AmbitionFactory,
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def round_(db):
    version = VisionVersionFactory(
        title="Antwerpen, stad van iedereen", introduction="Een stad waar **iedereen** meetelt."
    )
    round_ = ValidationRoundFactory(version=version, title="Ronde voorjaar")
    AmbitionFactory(version=version, title="Verschillen benoemen", position=1)
    AmbitionFactory(version=version, title="Eigen taal", position=2)
    return round_


@pytest.fixture
def invitee(round_):
    organisation = OrganisationFactory(name="Vzw De Brug")
    invitee = InviteeFactory(round=round_, organisation=organisation)
    invitee.contacts.set([ContactFactory(organisation=organisation, name="Hatice Kaya")])
    return invitee


def test_an_invitee_answers_on_a_phone_and_the_consultant_sees_it_online(
    browser, live_server, consultant, round_, invitee
):
    _link, token = services.issue_answer_link(
        invitee, timezone.localdate() + datetime.timedelta(days=7), consultant
    )
    desk = browser.new_context()
    desk_page = desk.new_page()
    desk_page.goto(f"{live_server.url}/accounts/login/")
    desk_page.get_by_label("Gebruikersnaam").fill(consultant.username)
    desk_page.get_by_label("Wachtwoord").fill("correct horse battery staple")
    desk_page.get_by_role("button", name="Aanmelden").click()
    desk_page.wait_for_url(f"{live_server.url}/")
    desk_page.goto(f"{live_server.url}/plan/validation/{round_.pk}/results/")
    own_language = desk_page.get_by_test_id("ambition-result").filter(has_text="Eigen taal")
    expect(own_language.get_by_test_id("endorsement-phrase")).to_have_text("Nog geen antwoorden.")

    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.goto(f"{live_server.url}/plan/validation/answer/{token}/")
    expect(page.get_by_role("heading", name="Antwerpen, stad van iedereen")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Uw naam").fill("Hatice Kaya")
    page.locator('input[name="position"][value="partly"]').check()
    page.get_by_label("Waar zaten de verrassingen?").fill("Dat taal zo centraal staat.")
    page.locator('input[name="consent_scope"][value="anonymous"]').check()
    answers = page.get_by_test_id("ambition-answer")
    answers.nth(0).get_by_label("onderschrijft", exact=True).check()
    answers.nth(1).get_by_label("onderschrijft niet").check()
    answers.nth(1).get_by_label("Toelichting").fill("Te vaag voor ons.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_test_id("answer-thanks")).to_be_visible()
    assert_no_axe_violations(page)
    phone.close()

    # The consultant's figures change: the phone's "onderschrijft niet" on "Eigen taal".
    page = desk_page
    page.reload()
    phrase = own_language.get_by_test_id("endorsement-phrase")
    expect(phrase).to_contain_text("van 1 stakeholder")
    expect(phrase).to_contain_text("1 niet")
    page.goto(f"{live_server.url}/plan/validation/{round_.pk}/")
    row = page.locator(f"#invitee-{invitee.pk}")
    expect(row.get_by_test_id("answered-online")).to_have_text("online beantwoord")
    expect(row.get_by_test_id("invitee-state")).to_contain_text("beantwoord")
    expect(page.get_by_test_id("count-answered")).to_have_text("1")
    desk.close()


def test_round_pages_have_no_wcag_violations(page, live_server, consultant, login, round_, invitee):
    answered = ValidationResponseFactory(
        invitee=InviteeFactory(round=round_, organisation=OrganisationFactory(name="Huis Kunst"))
    )
    login(consultant)
    for path in [
        "/plan/validation/",
        f"/plan/validation/new/?version={VisionVersionFactory().pk}",
        f"/plan/validation/{round_.pk}/",
        f"/plan/validation/{round_.pk}/edit/",
        f"/plan/validation/{round_.pk}/history/",
        f"/plan/validation/invitees/{invitee.pk}/edit/",
        f"/plan/validation/invitees/{invitee.pk}/delete/",
        f"/plan/validation/invitees/{invitee.pk}/response/new/",
        f"/plan/validation/invitees/{answered.invitee.pk}/response/",
        f"/plan/validation/responses/{answered.pk}/history/",
        f"/plan/validation/invitees/{invitee.pk}/links/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)
    # The new link, shown once with its QR code and copy button.
    page.get_by_role("button", name="Nieuwe link maken").click()
    expect(page.get_by_test_id("new-link-url")).to_have_value(
        re.compile(r"/plan/validation/answer/[\w-]{40,}/$")
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Kopiëren").click()
    expect(page.get_by_role("button", name="Gekopieerd")).to_be_visible()
