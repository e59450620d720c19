import datetime

from stakeholders.models import Interaction
from tests.helpers import queries_for
from tests.stakeholders.factories import InteractionFactory, OrganisationFactory

TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_WEEK = TODAY + datetime.timedelta(days=7)


def test_consultant_logs_an_interaction_with_a_follow_up(
    consultant, consultant_client, organisation
):
    response = consultant_client.post(
        f"/stakeholders/{organisation.pk}/interactions/new/",
        {
            "date": TODAY.isoformat(),
            "kind": "phone",
            "summary": "Uitnodiging voor het interview besproken",
            "follow_up": "Datum vastleggen",
            "follow_up_due": NEXT_WEEK.isoformat(),
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert interaction.logged_by == consultant and interaction.follow_up_due == NEXT_WEEK
    html = consultant_client.get(f"/stakeholders/{organisation.pk}/").content.decode()
    assert "Uitnodiging voor het interview besproken" in html and "Datum vastleggen" in html


def test_a_due_date_without_a_follow_up_is_refused(consultant_client, organisation):
    response = consultant_client.post(
        f"/stakeholders/{organisation.pk}/interactions/new/",
        {
            "date": TODAY.isoformat(),
            "kind": "phone",
            "summary": "x",
            "follow_up_due": NEXT_WEEK.isoformat(),
        },
    )
    assert "Beschrijf de opvolging" in response.content.decode()
    assert not Interaction.objects.exists()


def test_overdue_follow_ups_are_marked_and_filtered(atlas_client, organisation):
    late = InteractionFactory(
        organisation=organisation, follow_up="Bellen", follow_up_due=YESTERDAY
    )
    InteractionFactory(organisation=organisation, follow_up="Mailen", follow_up_due=NEXT_WEEK)
    InteractionFactory(
        organisation=organisation, follow_up="Klaar", follow_up_due=YESTERDAY, follow_up_done=True
    )
    response = atlas_client.get("/stakeholders/interactions/", {"follow_up": "overdue"})
    assert [i.pk for i in response.context["page_obj"]] == [late.pk]
    assert "Te laat" in response.content.decode()
    response = atlas_client.get("/stakeholders/interactions/", {"follow_up": "open"})
    assert len(response.context["page_obj"]) == 2


def test_marking_a_follow_up_done_with_htmx_returns_the_row(consultant_client, organisation):
    late = InteractionFactory(
        organisation=organisation, follow_up="Bellen", follow_up_due=YESTERDAY
    )
    response = consultant_client.post(
        f"/stakeholders/interactions/{late.pk}/done/", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.strip().startswith("<tr") and "Afgerond" in html and "Te laat" not in html
    late.refresh_from_db()
    assert late.follow_up_done


def test_marking_done_without_htmx_goes_back(consultant_client, organisation):
    late = InteractionFactory(
        organisation=organisation, follow_up="Bellen", follow_up_due=YESTERDAY
    )
    response = consultant_client.post(
        f"/stakeholders/interactions/{late.pk}/done/", {"next": "/stakeholders/interactions/"}
    )
    assert response["Location"] == "/stakeholders/interactions/"


def test_an_outside_next_url_is_not_followed(consultant_client, organisation):
    late = InteractionFactory(
        organisation=organisation, follow_up="Bellen", follow_up_due=YESTERDAY
    )
    response = consultant_client.post(
        f"/stakeholders/interactions/{late.pk}/done/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/stakeholders/{organisation.pk}/"


def test_delete_asks_for_confirmation(consultant_client, interaction):
    html = consultant_client.get(f"/stakeholders/interactions/{interaction.pk}/delete/").content
    assert "Ja, verwijderen" in html.decode()
    consultant_client.post(f"/stakeholders/interactions/{interaction.pk}/delete/")
    assert not Interaction.objects.exists()


def test_interaction_list_query_count_does_not_grow_with_rows(consultant_client, db):
    InteractionFactory.create_batch(3, follow_up="x", follow_up_due=YESTERDAY)
    before = queries_for(consultant_client, "/stakeholders/interactions/")
    for organisation in OrganisationFactory.create_batch(10):
        InteractionFactory(organisation=organisation, follow_up="x", follow_up_due=NEXT_WEEK)
    assert queries_for(consultant_client, "/stakeholders/interactions/") == before


def test_after_marking_done_with_htmx_focus_lands_on_the_new_state(consultant_client, organisation):
    # The pressed button disappears with the swap; without a target the keyboard focus
    # fell back to the top of the page. htmx focuses the [autofocus] element it swaps in.
    late = InteractionFactory(
        organisation=organisation, follow_up="Bellen", follow_up_due=YESTERDAY
    )
    html = consultant_client.post(
        f"/stakeholders/interactions/{late.pk}/done/", headers={"HX-Request": "true"}
    ).content.decode()
    assert html.count("autofocus") == 1
    badge = html[html.index("autofocus") - 120 : html.index("autofocus") + 80]
    assert "Afgerond" in badge and 'tabindex="-1"' in badge
    page = consultant_client.get("/stakeholders/interactions/").content.decode()
    assert "autofocus" not in page  # only the swapped-in row takes the focus
