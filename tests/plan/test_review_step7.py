"""Review of step 7 from outside: what a reader, a consultant or a phone user noticed."""

from django.utils.html import escape

from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
)
from tests.stakeholders.factories import OrganisationFactory


def test_a_reader_sees_a_steps_partners_without_links_into_the_register(
    reader_client, consultant_client
):
    brug = OrganisationFactory(name="Vzw De Brug")
    step = StepFactory(title="Wijkcampagne")
    StepPartnerFactory(step=step, organisation=brug, role="gastheer")
    link = f'href="{brug.get_absolute_url()}"'

    page = reader_client.get(step.get_absolute_url()).content.decode()
    assert escape("Vzw De Brug") in page and "gastheer" in page
    # The register is closed to readers: a link there would only lead to "geen toegang".
    assert link not in page
    assert reader_client.get(brug.get_absolute_url()).status_code == 403

    assert link in consultant_client.get(step.get_absolute_url()).content.decode()


def test_the_plan_text_form_is_titled_with_a_capital(consultant_client):
    page = consultant_client.get("/plan/texts/introduction/edit/").content.decode()
    assert "<title>Inleiding bewerken" in page


def test_the_timeline_is_a_keyboard_reachable_scroll_box(reader_client):
    StepFactory(title="Wijkcampagne")
    page = reader_client.get("/plan/timeline/").content.decode()
    start = page.index('data-testid="timeline-scroll"')
    box = page[page.rindex("<div", 0, start) : start]
    assert 'tabindex="0"' in box and 'role="region"' in box and "aria-label=" in box
    assert page.index("<svg", start) > start


def test_a_target_groups_measurements_table_scrolls_in_its_own_box(consultant_client):
    objective = ObjectiveFactory()
    MeasurementFactory(objective=objective, value=15)
    page = consultant_client.get(objective.target_group.get_absolute_url()).content.decode()
    table = page.index("Metingen van de indicator")
    assert page.rindex('<div class="table-responsive position-relative">', 0, table) > page.rindex(
        "<section", 0, table
    )
