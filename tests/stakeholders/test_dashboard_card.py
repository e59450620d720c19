import datetime

from django.utils import timezone

from tests.stakeholders.factories import (
    InteractionFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)


def card_html(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index('id="step-2-title"') : html.index('id="step-3-title"')]


def approve(count: int) -> None:
    for organisation in OrganisationFactory.create_batch(count):
        ShortlistEntryFactory(
            organisation=organisation, decision="approved", decided_at=timezone.now()
        )


def test_the_card_shows_the_shortlist_state_and_what_is_next(consultant_client, db):
    approve(5)
    html = card_html(consultant_client)
    assert "5 van 7 goedgekeurd" in html
    assert "Stel nog 2 stakeholders voor" in html
    assert 'href="/stakeholders/shortlist/"' in html


def test_the_atlas_team_is_asked_to_decide_on_proposals(atlas_client, db):
    approve(2)
    ShortlistEntryFactory.create_batch(3)
    assert "Beslis over 3 voorstellen" in card_html(atlas_client)


def test_overdue_follow_ups_come_first(consultant_client, db):
    approve(7)
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    InteractionFactory.create_batch(2, follow_up="Bellen", follow_up_due=yesterday)
    InteractionFactory(follow_up="Klaar", follow_up_due=yesterday, follow_up_done=True)
    html = card_html(consultant_client)
    assert "7 van 7 goedgekeurd; 2 opvolgingen te laat" in html
    assert 'href="/stakeholders/interactions/?follow_up=overdue"' in html


def test_a_complete_shortlist_points_to_the_interviews(consultant_client, db):
    approve(7)
    assert "Plan de diepte-interviews met de shortlist" in card_html(consultant_client)


def test_readers_get_no_card_and_no_link(reader_client, db):
    html = card_html(reader_client)
    assert "goedgekeurd" not in html and "/stakeholders/" not in html
    assert "Niet beschikbaar voor uw rol." in html


def test_the_card_and_the_shortlist_page_agree_on_the_target_before_one_is_stored(
    consultant_client, db, monkeypatch
):
    from stakeholders.models import Shortlist

    # the project's target, as the shortlist decides it (not a number of the card's own)
    monkeypatch.setattr(Shortlist._meta.get_field("target_size"), "_get_default", lambda: 9)
    assert "0 van 9 goedgekeurd" in card_html(consultant_client)
    page = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert "streefaantal 9" in page
