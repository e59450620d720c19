import datetime

from stakeholders.models import Assessment


def assess(client, organisation, **data):
    defaults = {"assessed_on": datetime.date.today().isoformat(), "attitude": "critical"}
    return client.post(f"/stakeholders/{organisation.pk}/assess/", {**defaults, **data})


def test_influence_6_is_refused_with_a_message(consultant_client, organisation):
    response = assess(consultant_client, organisation, influence=6, interest=3)
    assert response.status_code == 200
    assert "Zorg ervoor dat deze waarde hoogstens 5 is." in response.content.decode()
    assert organisation.assessments.count() == 1


def test_an_assessment_cannot_be_in_the_future(consultant_client, organisation):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = assess(
        consultant_client, organisation, influence=2, interest=2, assessed_on=tomorrow.isoformat()
    )
    assert "niet in de toekomst" in response.content.decode()


def test_a_reassessment_is_dated_and_the_earlier_one_stays(
    consultant, consultant_client, organisation
):
    response = assess(
        consultant_client, organisation, influence=2, interest=1, rationale="Na het gesprek"
    )
    assert response.status_code == 302
    assert organisation.assessments.count() == 2
    latest = organisation.assessments.first()
    assert (latest.influence, latest.interest, latest.assessed_by) == (2, 1, consultant)
    html = consultant_client.get(f"/stakeholders/{organisation.pk}/").content.decode()
    assert html.count('data-testid="assessment-row"') == 2
    assert "Invloed 2, belang 1: <strong>Monitoren</strong>" in html
    assert "Na het gesprek" in html


def test_the_form_starts_from_the_current_scores(consultant_client, organisation):
    form = consultant_client.get(f"/stakeholders/{organisation.pk}/assess/").context["form"]
    assert form.initial["influence"] == 4 and form.initial["interest"] == 5


def test_the_database_refuses_scores_outside_1_to_5(organisation):
    import pytest
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(organisation=organisation, influence=6, interest=3)
