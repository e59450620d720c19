"""The evidence boundary: the leaks found by adversarial testing, small sectors, audiences."""

import io
import zipfile

import openpyxl
import pytest

from interviews import privacy
from interviews.models import ConsentScope, PositionSummary
from stakeholders.models import Sector
from tests.conftest import client_for
from tests.interviews.conftest import make_coded
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

TEXT = "verhalen over de stad"


def export_text(client, fmt: str) -> str:
    response = client.get(f"/interviews/quotes/export.{fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        return response.content.decode("utf-8-sig")
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return archive.read("word/document.xml").decode()


# --- A statement's history cites an excerpt only as its consent allows ---------------------


@pytest.mark.parametrize("situation", ["withdrawn", "not_quotable"])
def test_statement_history_does_not_show_a_cited_excerpt_the_viewer_may_not_see(
    situation, coded, atlas_member, consultant
):
    from tests.workshops.factories import StatementFactory

    statement = StatementFactory(text="De verhalen zijn eenzijdig.")
    statement.source_excerpt = coded[situation]
    statement.save()  # the history now records the cited excerpt as a change
    url = f"/workshops/statements/{statement.pk}/history/"
    html = client_for(atlas_member).get(url).content.decode()
    assert 'data-testid="history-row"' in html
    assert TEXT not in html
    assert coded[situation].interview.organisation.name not in html
    research = client_for(consultant).get(url).content.decode()
    assert TEXT in research  # the research space still sees what was cited


def test_statement_history_shows_a_named_excerpt_through_the_one_component(coded, atlas_member):
    from tests.workshops.factories import StatementFactory

    statement = StatementFactory(text="De verhalen zijn eenzijdig.")
    statement.source_excerpt = coded["anonymous"]
    statement.save()
    html = client_for(atlas_member).get(f"/workshops/statements/{statement.pk}/history/")
    html = html.content.decode()
    assert 'data-testid="quote"' in html and TEXT in html
    assert "een organisatie uit de sector middenveld" in html
    assert "Vzw Anoniem" not in html


# --- Position summaries are attributed only as the organisation's consent allows -----------


@pytest.mark.parametrize("situation", ["anonymous", "withdrawn", "not_quotable"])
def test_atlas_team_gets_no_position_summary_by_name_unless_consent_allows_it(
    situation, coded, theme, atlas_client, consultant_client
):
    organisation = coded[situation].interview.organisation
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Geheim standpunt")
    urls = [
        f"/interviews/positions/org-{organisation.pk}/",
        f"/interviews/positions/org-{organisation.pk}/{theme.pk}/",
        f"/interviews/positions/org-{organisation.pk}/{theme.pk}/history/",
    ]
    for url in urls:
        response = atlas_client.get(url)
        assert response.status_code == 404, url
        assert b"Geheim standpunt" not in response.content, url
        assert consultant_client.get(url).status_code == 200, url


def test_atlas_team_reads_a_named_organisations_position_summary(coded, theme, atlas_client):
    organisation = coded["named"].interview.organisation
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Open standpunt")
    html = atlas_client.get(f"/interviews/positions/org-{organisation.pk}/").content.decode()
    assert "Open standpunt" in html


# --- A withdrawal reaches an Atlas-team interviewer -----------------------------------------


def test_withdrawal_takes_the_quote_from_an_atlas_interviewer_in_every_output(
    coded, interviewer, theme
):
    excerpt = coded["named"]
    consent = excerpt.interview.consent
    consent.withdrawn_on = consent.date
    consent.save()
    client = client_for(interviewer)
    organisation = excerpt.interview.organisation
    for url in [
        "/interviews/quotes/",
        "/interviews/search/?q=verhalen",
        "/interviews/positions/",
        f"/interviews/positions/org-{organisation.pk}/{theme.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert 'quote-source">Vzw Benoemd' not in html, url
        assert 'position-row"><th scope="row"><a' not in html or "Vzw Benoemd" not in html, url
    # the other quote it may see (anonymised) stays; the withdrawn one is gone
    assert client.get("/interviews/quotes/").content.decode().count('data-testid="quote"') == 1
    quotes = privacy.visible_quotes(privacy.quote_queryset(interviewer), interviewer)
    assert "Vzw Benoemd" not in {q.source_label for q in quotes}
    for fmt in ["csv", "xlsx", "docx"]:
        assert "Vzw Benoemd" not in export_text(client, fmt), fmt
        assert "ingetrokken" not in export_text(client, fmt), fmt
    # the raw transcript stays open to the interviewer
    assert client.get(f"/interviews/{excerpt.interview.pk}/transcript/").status_code == 200


def test_a_consultant_interviewer_still_sees_a_withdrawn_quote(coded, consultant):
    excerpt = coded["withdrawn"]
    excerpt.interview.interviewers.add(consultant)
    quotes = privacy.visible_quotes(privacy.quote_queryset(consultant), consultant)
    assert "Vzw Ingetrokken" in {q.source_label for q in quotes}


# --- Anonymised quotes carry no speaker label and no recorded name -------------------------


@pytest.fixture
def speaker_quote(theme):
    organisation = OrganisationFactory(name="Federatie Zonnebloem", sector=Sector.CIVIL_SOCIETY)
    OrganisationFactory.create_batch(3, sector=Sector.CIVIL_SOCIETY)
    hatice = ContactFactory(organisation=organisation, name="Hatice Kaya")
    ContactFactory(organisation=organisation, name="Jan Peeters")
    interview = InterviewFactory(organisation=organisation)
    interview.interviewees.set([hatice])
    ConsentFactory(interview=interview, scope=ConsentScope.ANONYMOUS)
    text = (
        "Hatice Kaya: Als voorzitter van Federatie Zonnebloem zeg ik het eerlijk.\n"
        "Interviewer: Waarom?\n"
        "Hatice Kaya: Jan Peeters en ik, Hatice, merken dat de beeldvorming eenzijdig is."
    )
    transcript = TranscriptFactory(interview=interview, text=text)
    return ExcerptFactory(transcript=transcript, phrase=text, themes=[theme])


def test_an_anonymised_quote_shows_no_speaker_label_and_no_recorded_name(
    speaker_quote, reader, atlas_member, consultant
):
    for user in (reader, atlas_member):
        (quote,) = privacy.visible_quotes(privacy.quote_queryset(user), user)
        assert quote.source_label == "een organisatie uit de sector middenveld"
        for name in ["Hatice", "Kaya", "Jan Peeters", "Federatie Zonnebloem", "Interviewer:"]:
            assert name not in quote.text, (user, name)
        assert quote.text.startswith("Als voorzitter van [organisatie] zeg ik het eerlijk.")
        assert "[naam]" in quote.text
        html = client_for(user).get("/interviews/quotes/").content.decode()
        assert "Hatice" not in html and "Zonnebloem" not in html
        for fmt in ["csv", "xlsx", "docx"]:
            assert "Hatice" not in export_text(client_for(user), fmt)
    (full,) = privacy.visible_quotes(privacy.quote_queryset(consultant), consultant)
    assert full.text.startswith("Hatice Kaya: Als voorzitter")  # the research space: verbatim


# --- Small sectors are not an anonymisation ------------------------------------------------


def test_an_anonymised_quote_from_a_small_sector_is_labelled_an_organisation(
    theme, reader, settings
):
    settings.EVIDENCE_MIN_SECTOR_SIZE = 3
    make_coded(ConsentScope.ANONYMOUS, theme, "Enige Moskee", sector=Sector.BELIEF)
    OrganisationFactory(sector=Sector.BELIEF)  # two in the register: still too few
    (quote,) = privacy.visible_quotes(privacy.quote_queryset(reader), reader)
    assert quote.source_label == "een organisatie"
    html = client_for(reader).get("/interviews/positions/").content.decode()
    assert "levensbeschouwing" not in html.lower()
    OrganisationFactory(sector=Sector.BELIEF)  # three: the sector hides the organisation
    (quote,) = privacy.visible_quotes(privacy.quote_queryset(reader), reader)
    assert quote.source_label == "een organisatie uit de sector levensbeschouwing"


# --- Audiences and the value that leaves the boundary --------------------------------------


def test_a_caller_without_a_user_names_the_outside_audience(coded):
    from atlasplan.evidence import Audience

    quotes = privacy.quotes_for(Audience.OUTSIDE)
    # The plan for the city quotes as each consent allows: by name, anonymised, or not at all.
    assert [q.source_label for q in quotes] == [
        "Vzw Benoemd",
        "een organisatie uit de sector middenveld",
    ]
    assert all(q.source_url == "" and q.consent_label == "" and q.memo == "" for q in quotes)


def test_the_value_carries_no_path_back_to_the_organisation(coded, reader, consultant):
    from atlasplan.evidence import Quote

    (quote, _other) = privacy.visible_quotes(privacy.quote_queryset(reader), reader)
    assert isinstance(quote, Quote)
    assert not hasattr(quote, "excerpt")
    assert not hasattr(quote, "interview") and not hasattr(quote, "organisation")
    assert quote.source_url == "" and quote.consent_label == "" and quote.memo == ""
    research = privacy.visible_quotes(privacy.quote_queryset(consultant), consultant)
    labels = {q.source_label: q.consent_label for q in research}
    assert labels["Vzw Ingetrokken"] == "ingetrokken"
    assert all(q.source_url for q in research)


def test_interviewer_rule_is_one_function(coded, interviewer, atlas_member):
    from atlasplan.permissions import can

    interview = coded["named"].interview
    assert privacy.is_interviewer(interviewer, interview)
    assert not privacy.is_interviewer(atlas_member, interview)
    assert can(interviewer, "interviews.view_transcript", interview)
    assert not can(atlas_member, "interviews.view_transcript", interview)


def test_quote_bank_filter_by_organisation_follows_the_boundary(coded, atlas_client):
    anonymous = coded["anonymous"].interview.organisation
    named = coded["named"].interview.organisation
    html = atlas_client.get(f"/interviews/quotes/?organisation={named.pk}").content.decode()
    assert html.count('data-testid="quote"') == 1
    response = atlas_client.get(f"/interviews/quotes/?organisation={anonymous.pk}")
    assert "Vzw Anoniem" not in response.content.decode()  # not offered, not named


def test_not_quotable_interview_stays_in_its_atlas_interviewers_research_space(theme, interviewer):
    make_coded(ConsentScope.NOT_QUOTABLE, theme, "Vzw Eigen", [interviewer])
    (quote,) = privacy.visible_quotes(privacy.quote_queryset(interviewer), interviewer)
    assert quote.source_label == "Vzw Eigen" and quote.consent_label == "Niet citeren"


def test_an_organisation_with_an_anonymous_only_interview_has_no_position_page_by_name(
    theme, atlas_client, consultant_client
):
    named = make_coded(ConsentScope.NAMED, theme, "Vzw Gemengd")
    organisation = named.interview.organisation
    second = InterviewFactory(organisation=organisation)
    ConsentFactory(interview=second, scope=ConsentScope.ANONYMOUS)
    ExcerptFactory(transcript=TranscriptFactory(interview=second), themes=[theme])
    url = f"/interviews/positions/org-{organisation.pk}/"
    html = atlas_client.get("/interviews/positions/").content.decode()
    assert "Vzw Gemengd" in html  # its named quote keeps its row
    assert f'href="{url}"' not in html
    assert atlas_client.get(url).status_code == 404
    assert f'href="{url}"' in consultant_client.get("/interviews/positions/").content.decode()
