"""Position map cells and summaries, the codebook report, and search by role."""

from interviews.models import PositionSummary
from tests.conftest import client_for
from tests.helpers import read_at
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.policies.files import upload


def test_position_cell_shows_evidence_and_consultant_writes_the_summary(
    consultant_client, coded, theme
):
    organisation = coded["named"].interview.organisation
    url = f"/interviews/positions/org-{organisation.pk}/{theme.pk}/"
    html = consultant_client.get(url).content.decode()
    assert "verhalen over de stad" in html
    response = consultant_client.post(url, {"text": "Kritisch over de eenzijdige verhalen."})
    assert response.status_code == 302
    summary = PositionSummary.objects.get(organisation=organisation, theme=theme)
    assert summary.text == "Kritisch over de eenzijdige verhalen."
    assert "Kritisch over de eenzijdige verhalen." in consultant_client.get(url).content.decode()


def test_atlas_member_reads_the_summary_but_may_not_write_it(atlas_client, coded, theme):
    organisation = coded["named"].interview.organisation
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Standpunt X")
    url = f"/interviews/positions/org-{organisation.pk}/{theme.pk}/"
    assert "Standpunt X" in atlas_client.get(url).content.decode()
    assert atlas_client.post(url, {"text": "Anders"}).status_code == 403


def test_reader_cannot_open_an_organisation_row(reader_client, coded, theme):
    organisation = coded["anonymous"].interview.organisation
    assert (
        reader_client.get(f"/interviews/positions/org-{organisation.pk}/{theme.pk}/").status_code
        == 404
    )
    sector = reader_client.get(f"/interviews/positions/sector-civil_society/{theme.pk}/")
    assert sector.status_code == 200
    assert "Vzw Anoniem" not in sector.content.decode()


def test_position_map_shows_the_prevailing_stance(consultant_client, theme):
    interview = InterviewFactory()
    ConsentFactory(interview=interview)
    first = ExcerptFactory(
        transcript=TranscriptFactory(interview=interview), themes=[theme], stance="supportive"
    )
    ExcerptFactory(
        transcript=first.transcript, phrase="hokjes", themes=[theme], stance="supportive"
    )
    ExcerptFactory(
        transcript=first.transcript, phrase="Wat zou helpen", themes=[theme], stance="critical"
    )
    html = consultant_client.get("/interviews/positions/").content.decode()
    assert 'class="stance-supportive"' in html
    assert ">3</span>" in html


def test_codebook_report_counts_excerpts_and_interviews(
    consultant_client, reader_client, coded, theme
):
    html = consultant_client.get("/interviews/codebook/").content.decode()
    assert "<td>4</td><td>4</td>" in html
    assert "<td>2</td><td>2</td>" in reader_client.get("/interviews/codebook/").content.decode()


def test_search_shows_raw_transcripts_only_to_who_may_read_them(
    consultant, atlas_member, interviewer, coded
):
    def raw_hits(user):
        html = client_for(user).get("/interviews/search/?q=hokjes").content.decode()
        return html.count('/transcript/">')

    assert raw_hits(consultant) == 4
    assert raw_hits(interviewer) == 1
    assert raw_hits(atlas_member) == 0


def test_srt_upload_keeps_speakers(consultant_client):
    interview = InterviewFactory()
    srt = b"1\n00:00:00,000 --> 00:00:02,000\nAnna: Dag\n\n2\n00:00:02,000 --> 00:00:04,000\nBram: Hallo\n"
    consultant_client.post(
        f"/interviews/{interview.pk}/transcript/edit/", {"file": upload("a.srt", srt)}
    )
    assert interview.transcript.text == "Anna: Dag\n\nBram: Hallo"


def test_search_is_dutch_aware_on_postgresql(consultant_client, coded):
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Dutch stemming needs PostgreSQL")
    html = consultant_client.get("/interviews/search/?q=verhaal").content.decode()
    assert html.count('data-testid="quote"') == 4  # "verhaal" finds "verhalen"


def test_summary_history_and_dashboard_card(consultant_client, reader_client, coded, theme):
    organisation = coded["named"].interview.organisation
    url = f"/interviews/positions/org-{organisation.pk}/{theme.pk}/"
    consultant_client.post(url, {"text": "Eerste versie"})
    edited = consultant_client.post(
        url, {"text": "Tweede versie", "read_at": read_at(consultant_client, url)}
    )
    assert edited.status_code == 302
    history = consultant_client.get(f"{url}history/").content.decode()
    assert "Eerste versie" in history and "Tweede versie" in history
    assert reader_client.get(f"{url}history/").status_code == 403
    dashboard = consultant_client.get("/").content.decode()
    assert "4 interviews, 4 gecodeerd" in dashboard  # each has coded passages
    assert "2 citaten" in reader_client.get("/").content.decode()


def test_organisation_positions_page(consultant_client, atlas_client, reader_client, coded, theme):
    organisation = coded["named"].interview.organisation
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Samengevat")
    url = f"/interviews/positions/org-{organisation.pk}/"
    html = consultant_client.get(url).content.decode()
    assert "Samengevat" in html and "verhalen over de stad" in html
    assert f'href="{url}"' in consultant_client.get("/interviews/positions/").content.decode()
    assert "Samengevat" in atlas_client.get(url).content.decode()
    assert reader_client.get(url).status_code == 403
    anonymous = coded["anonymous"].interview.organisation
    html = atlas_client.get(f"/interviews/positions/org-{anonymous.pk}/").content.decode()
    assert "verhalen over de stad" not in html  # anonymised quotes never sit under a name


def test_merging_themes_keeps_both_position_summaries(consultant_client, coded, theme):
    from atlasplan.models import Theme

    organisation = coded["named"].interview.organisation
    other = Theme.objects.create(name="Imago")
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Eerste")
    PositionSummary.objects.create(organisation=organisation, theme=other, text="Tweede")
    response = consultant_client.post(f"/themes/{other.pk}/merge/", {"target": theme.pk})
    assert response.status_code == 302
    assert PositionSummary.objects.get(organisation=organisation).text == "Eerste\n\nTweede"


def test_search_snippet_marks_words_in_the_text_never_inside_its_markup():
    from interviews.search import snippet

    assert snippet("Tom & Jerry <b> zeggen: de mark", "amp mark lt") == (
        "Tom &amp; Jerry &lt;b&gt; zeggen: de <mark>mark</mark>"
    )
    assert snippet("De Stad is mooi", "stad") == "De <mark>Stad</mark> is mooi"


def test_a_nul_in_the_search_never_reaches_the_database(consultant_client, coded):
    """PostgreSQL refuses a NUL in a query string (a 500 there)."""
    response = consultant_client.get("/interviews/search/?q=verh%00alen")
    assert response.status_code == 200
    assert response.context["q"] == "verhalen"
