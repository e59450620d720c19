"""Review of issue 10 in a real browser: what a user noticed on the round page."""

import datetime

import pytest

from plan.models import InviteeState
from tests.plan.factories import (
    InviteeFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_invitee_action_is_in_view_on_a_laptop(page, live_server, consultant, login):
    round_ = ValidationRoundFactory(title="Ronde voorjaar")
    for name in [
        "Federatie van Zelforganisaties Scheldeland",
        "Stad Antwerpen - Dienst Samenleven",
    ]:
        organisation = OrganisationFactory(name=name)
        invitee = InviteeFactory(round=round_, organisation=organisation)
        invitee.contacts.set([ContactFactory(organisation=organisation, name="Nguyễn Thị Lan")])
        invitee.reminded_on = datetime.date(2026, 11, 22)
        invitee.save()
    answered = InviteeFactory(round=round_, state=InviteeState.ANSWERED)
    answered.answered_on = datetime.date(2026, 11, 25)
    answered.save()
    # Fixed dates on both sides: the consent's default is today, which may be after any
    # fixed withdrawal date.
    ValidationResponseFactory(
        invitee=answered,
        online=True,
        consent_on=datetime.date(2026, 11, 25),
        withdrawn_on=datetime.date(2026, 11, 30),
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    login(consultant)
    page.goto(f"{live_server.url}/plan/validation/{round_.pk}/")
    table = page.locator(".table-responsive")
    scroll, width = table.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert scroll <= width, "the invitee table scrolls sideways: its buttons are cut off"
    right = table.bounding_box()["x"] + width
    for button in page.get_by_test_id("invitee-actions").locator("a").all():
        box = button.bounding_box()
        assert box["x"] + box["width"] <= right + 1, button.inner_text()
