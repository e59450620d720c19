"""Two people open the same edit form and both save: the second save is refused (409), shows
what the first person saved beside what the second typed, and loses nothing.

One test per edit form of shared data (issue 15). The form data is read back from the page's
own form, so each case only says which field the two people change."""

import datetime

import pytest
from django.test import Client

from atlasplan.roles import Role
from plan.models import TargetGroup
from tests.conftest import client_for
from tests.factories import ThemeFactory, UserFactory
from tests.interviews.factories import GuideFactory, GuideQuestionFactory, InterviewFactory
from tests.plan.factories_plan import TargetGroupFactory
from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import ContactFactory, OrganisationFactory
from tests.workshops.factories import StatementFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def _guide():
    guide = GuideFactory()
    GuideQuestionFactory(guide=guide)
    return guide


# (what is edited, how to make one, its edit URL, the field both people change)
CASES = [
    ("theme", ThemeFactory, "/themes/{pk}/edit/", "description"),
    ("organisation", OrganisationFactory, "/stakeholders/{pk}/edit/", "description"),
    ("contact", ContactFactory, "/stakeholders/contacts/{pk}/edit/", "notes"),
    ("policy document", PolicyDocumentFactory, "/policies/{pk}/edit/", "summary"),
    ("interview", InterviewFactory, "/interviews/{pk}/edit/", "notes"),
    ("guide", _guide, "/interviews/guides/{pk}/edit/", "description"),
    ("workshop", WorkshopFactory, "/workshops/{pk}/edit/", "description"),
    ("statement", StatementFactory, "/workshops/statements/{pk}/edit/", "text"),
    ("target group", TargetGroupFactory, "/plan/targets/{pk}/edit/", "description"),
]


def form_data(client: Client, url: str) -> dict:
    """What the edit form holds when it is opened, as a browser would post it back."""
    response = client.get(url)
    assert response.status_code == 200, url
    form = response.context["form"]
    data = {}
    for name, bound in form.fields.items():
        value = form[name].value()
        widget = bound.widget
        if value is None or widget.__class__.__name__.endswith("FileInput"):
            continue
        if isinstance(value, bool) or getattr(widget, "input_type", "") == "checkbox":
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(item, "pk", item)) for item in value]
        else:
            formatted = widget.format_value(value)
            if isinstance(value, datetime.datetime) and formatted == str(value):
                formatted = value.strftime("%Y-%m-%dT%H:%M")
            data[name] = "" if formatted is None else formatted
    return data


@pytest.fixture
def two_writers(db):
    first = UserFactory(
        username="eerste", first_name="Eva", last_name="Eerst", role=Role.CONSULTANT
    )
    second = UserFactory(username="tweede", role=Role.CONSULTANT)
    return client_for(first), client_for(second)


@pytest.mark.parametrize(("what", "make", "pattern", "field"), CASES, ids=[c[0] for c in CASES])
def test_the_second_of_two_saves_is_refused_and_hands_back_what_was_typed(
    two_writers, what, make, pattern, field
):
    first, second = two_writers
    obj = make()
    url = pattern.format(pk=obj.pk)
    read_by_first, read_by_second = form_data(first, url), form_data(second, url)

    saved = first.post(url, {**read_by_first, field: "Tekst van de eerste."})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    refused = second.post(url, {**read_by_second, field: "Tekst van de tweede."})

    assert refused.status_code == 409, what
    html = refused.content.decode()
    assert 'data-testid="stale-save"' in html
    assert "Tekst van de tweede." in html  # what the second person typed, still in the form
    assert "Tekst van de eerste." in html  # the other person's change, shown beside it
    assert "Eva Eerst" in html
    obj.refresh_from_db()
    assert getattr(obj, field) == "Tekst van de eerste."


@pytest.mark.parametrize(("what", "make", "pattern", "field"), CASES, ids=[c[0] for c in CASES])
def test_saving_the_refused_form_again_goes_through(two_writers, what, make, pattern, field):
    first, second = two_writers
    obj = make()
    url = pattern.format(pk=obj.pk)
    read_by_first, read_by_second = form_data(first, url), form_data(second, url)
    assert first.post(url, {**read_by_first, field: "Eerste."}).status_code == 302
    refused = second.post(url, {**read_by_second, field: "Tweede."})
    assert refused.status_code == 409
    again = refused.context["form"]["read_at"].value()
    response = second.post(url, {**read_by_second, field: "Tweede.", "read_at": again})
    assert response.status_code == 302, what
    obj.refresh_from_db()
    assert getattr(obj, field) == "Tweede."


def test_a_single_writer_saves_as_before(consultant_client):
    target = TargetGroupFactory(description="Oud")
    url = f"/plan/targets/{target.pk}/edit/"
    data = form_data(consultant_client, url)
    assert data["read_at"]  # the page carries the version it was read at
    response = consultant_client.post(url, {**data, "description": "Nieuw"})
    assert response.status_code == 302
    assert TargetGroup.objects.get(pk=target.pk).description == "Nieuw"
