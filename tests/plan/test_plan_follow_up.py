"""Measurements of an objective's indicator, and the plan's own texts (edit conflicts)."""

import datetime

import pytest
from django.utils import timezone

from plan.models import Measurement, PlanText
from tests.conftest import client_for
from tests.plan.factories_plan import MeasurementFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objective():
    return ObjectiveFactory(text="Jongeren nemen deel", baseline_on=datetime.date(2026, 3, 1))


def url(objective) -> str:
    return f"/plan/objectives/{objective.pk}/measurements/new/"


def test_atlas_team_records_a_measurement_shown_with_its_objective(atlas_client, objective):
    response = atlas_client.post(
        url(objective), {"measured_on": "2026-06-01", "value": "17,5", "source": "Bevraging"}
    )
    assert response.status_code == 302
    assert str(Measurement.objects.get().value) == "17.50"
    html = atlas_client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert html.count('data-testid="measurement"') == 1 and "Bevraging" in html


def test_a_measurement_in_the_future_is_refused_and_nothing_is_lost(consultant_client, objective):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = consultant_client.post(
        url(objective), {"measured_on": tomorrow.isoformat(), "value": "20", "note": "Mijn notitie"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "niet in de toekomst" in html
    assert "Mijn notitie" in html and not Measurement.objects.exists()


def test_a_measurement_before_the_baseline_is_refused(consultant_client, objective):
    response = consultant_client.post(url(objective), {"measured_on": "2026-02-01", "value": "20"})
    assert "vóór de nulmeting" in response.content.decode()
    assert not Measurement.objects.exists()


def test_reader_cannot_record_a_measurement(reader_client, objective):
    assert (
        reader_client.post(url(objective), {"measured_on": "2026-06-01", "value": "1"}).status_code
        == 403
    )
    assert not Measurement.objects.exists()


def test_a_wrong_measurement_can_be_corrected_and_deleted(consultant_client, objective):
    measurement = MeasurementFactory(objective=objective, value=99)
    response = consultant_client.post(
        f"/plan/measurements/{measurement.pk}/edit/",
        {"measured_on": "2026-06-01", "value": "19", "source": "Bevraging"},
    )
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == 19
    page = consultant_client.get(f"/plan/measurements/{measurement.pk}/delete/")
    assert "Wilt u de meting" in page.content.decode() and Measurement.objects.exists()
    consultant_client.post(f"/plan/measurements/{measurement.pk}/delete/")
    assert not Measurement.objects.exists()
    assert measurement.history.count() == 3  # created, changed, deleted: nothing vanishes


def test_target_detail_lists_measurements_in_date_order(consultant_client, objective):
    MeasurementFactory(objective=objective, measured_on=datetime.date(2026, 9, 1), value=27)
    MeasurementFactory(objective=objective, measured_on=datetime.date(2026, 4, 1), value=13)
    html = consultant_client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert html.index(">13 %") < html.index(">27 %")


# --- The plan's own texts ------------------------------------------------------------------


def test_staff_write_a_section_and_readers_read_it(consultant_client, reader_client):
    page = consultant_client.get("/plan/texts/introduction/edit/")
    assert page.status_code == 200
    response = consultant_client.post(
        "/plan/texts/introduction/edit/",
        {"text": "## Waarom\n\nOmdat **iedereen** telt.", "seen": ""},
    )
    assert response.status_code == 302
    html = reader_client.get("/plan/texts/").content.decode()
    assert "<strong>iedereen</strong>" in html
    assert "/plan/texts/introduction/edit/" not in html
    assert reader_client.get("/plan/texts/introduction/edit/").status_code == 403


def test_an_unknown_section_is_404(consultant_client):
    assert consultant_client.get("/plan/texts/besluit/edit/").status_code == 404
    assert consultant_client.get("/plan/texts/summary/history/").status_code == 404


def test_a_second_save_over_a_changed_section_is_refused_with_both_texts(consultant, atlas_member):
    first, second = client_for(consultant), client_for(atlas_member)
    first.post("/plan/texts/context/edit/", {"text": "Begin", "seen": ""})
    seen = PlanText.objects.get().updated_at.isoformat()
    # Both open the section; the Atlas team saves first.
    assert (
        second.post(
            "/plan/texts/context/edit/", {"text": "Tekst van Atlas", "seen": seen}
        ).status_code
        == 302
    )
    response = first.post(
        "/plan/texts/context/edit/", {"text": "Tekst van de consultant", "seen": seen}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "intussen gewijzigd" in html
    assert "Tekst van Atlas" in html and "Tekst van de consultant" in html
    assert PlanText.objects.get().text == "Tekst van Atlas"
    # Saving again from the refused form knowingly replaces the newer text.
    newer = PlanText.objects.get().updated_at.isoformat()
    assert f'value="{newer}"' in html
    again = first.post(
        "/plan/texts/context/edit/", {"text": "Tekst van de consultant", "seen": newer}
    )
    assert again.status_code == 302
    assert PlanText.objects.get().text == "Tekst van de consultant"


def test_a_section_created_meanwhile_is_not_overwritten(consultant_client, atlas_client):
    atlas_client.post("/plan/texts/summary/edit/", {"text": "Samenvatting van Atlas", "seen": ""})
    response = consultant_client.post("/plan/texts/summary/edit/", {"text": "Mijne", "seen": ""})
    assert response.status_code == 409
    assert PlanText.objects.get().text == "Samenvatting van Atlas"


def test_a_plan_text_keeps_its_history(consultant_client):
    consultant_client.post("/plan/texts/introduction/edit/", {"text": "Eerste", "seen": ""})
    seen = PlanText.objects.get().updated_at.isoformat()
    consultant_client.post("/plan/texts/introduction/edit/", {"text": "Tweede", "seen": seen})
    assert PlanText.objects.get().history.count() == 2
    html = consultant_client.get("/plan/texts/introduction/history/").content.decode()
    assert "Eerste" in html and "Tweede" in html
