"""The dashboard's guidance in a real browser: the welcome of an empty project leads to
step 1, a waiting decision comes first, and both pages pass axe-core."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.helpers import assert_no_axe_violations
from tests.stakeholders.factories import OrganisationFactory, ShortlistEntryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_empty_project_leads_a_consultant_to_step_one(page, live_server, consultant, login):
    login(consultant)
    welcome = page.get_by_test_id("empty-state")
    expect(welcome).to_contain_text("Welkom: het project is nog leeg")
    assert_no_axe_violations(page)
    welcome.get_by_role("link", name="Voeg het eerste beleidsdocument toe").click()
    page.wait_for_url(f"{live_server.url}/policies/new/")


def test_a_waiting_proposal_is_the_first_thing_the_atlas_team_sees(
    page, live_server, atlas_member, login
):
    for organisation in OrganisationFactory.create_batch(8):
        ShortlistEntryFactory(
            organisation=organisation, decision="approved", decided_at=timezone.now()
        )
    ShortlistEntryFactory()
    login(atlas_member)
    todo = page.get_by_test_id("todo")
    expect(todo).to_contain_text("1 voorstel wacht op uw beslissing")
    expect(page.get_by_test_id("step-warning")).to_contain_text("Meer goedgekeurd")
    assert_no_axe_violations(page)
    todo.get_by_role("link").click()
    page.wait_for_url(f"{live_server.url}/stakeholders/shortlist/")
