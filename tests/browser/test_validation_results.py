"""The results, objections and decision pages of a validation round pass axe-core (WCAG 2.1
AA) as staff and readers see them, and a decision made in the browser shows on the list."""

import pytest
from playwright.sync_api import expect

from atlasplan.models import Theme
from interviews.models import ConsentScope
from plan.models import Endorsement, VisionState, VisionVersion
from tests.factories import ThemeFactory
from tests.helpers import assert_no_axe_violations
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.plan.results_data import answer, hand_computed_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def round_with_texts():
    round, first, _second = hand_computed_round()
    theme = ThemeFactory(name="Beeldvorming")
    response = answer(
        round,
        position=Endorsement.PARTLY,
        feedback={first: (Endorsement.NOT, "Te vaag geformuleerd")},
        consent_scope=ConsentScope.NAMED,
        surprises="Dat diversiteit zo centraal staat",
    )
    response.surprise_themes.add(theme)
    later = VisionVersionFactory(number=round.version.number + 1)
    AmbitionFactory(version=later, title="Verschillen open benoemen")
    return round


def test_results_and_objections_pass_axe_and_a_decision_is_recorded(
    page, live_server, login, atlas_member, round_with_texts
):
    round = round_with_texts
    login(atlas_member)
    page.goto(f"{live_server.url}/plan/validation/{round.pk}/results/")
    expect(page.get_by_test_id("ambition-result").first).to_contain_text("6 van 10")
    expect(page.get_by_test_id("surprise-group").first).to_contain_text("Beeldvorming")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Naar de bezwaren en de beslissingen").click()
    expect(page.get_by_test_id("undecided-count")).to_contain_text("bezwaren zonder beslissing")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Beslissen (Verschillen benoemen").first.click()
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="niet overgenomen").check()
    page.get_by_label("Welke wijziging, of waarom niet overgenomen").fill("Buiten de opdracht")
    page.get_by_role("button", name="Beslissing opslaan").click()
    expect(page.get_by_text("is opgeslagen")).to_be_visible()
    expect(page.get_by_test_id("objection").first).to_contain_text("Buiten de opdracht")


def test_reader_results_pass_axe(page, live_server, login, reader, round_with_texts):
    round_with_texts.version.state = VisionState.ADOPTED  # readers read adopted versions only
    round_with_texts.version.save()
    login(reader)
    page.goto(f"{live_server.url}/plan/validation/{round_with_texts.pk}/results/")
    expect(page.get_by_test_id("endorsement-withheld").first).to_be_visible()
    expect(page.get_by_text("Te vaag geformuleerd")).to_have_count(0)
    assert_no_axe_violations(page)


def test_the_paged_pages_of_a_round_pass_axe(
    page, live_server, login, consultant, round_with_texts
):
    """The pages that paging added: all surprises of a theme, a round's invitees filtered,
    and the rationale of a later version's changes."""
    round = round_with_texts
    theme = Theme.objects.get(name="Beeldvorming")
    login(consultant)
    page.goto(f"{live_server.url}/plan/validation/{round.pk}/surprises/?theme={theme.pk}")
    expect(page.get_by_text("Dat diversiteit zo centraal staat")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/plan/validation/{round.pk}/?state=answered")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(page)
    later = VisionVersion.objects.order_by("-number").first()
    page.goto(f"{live_server.url}/plan/vision/{later.pk}/rationale/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(page)
