"""The consent scopes in every output, for each kind of user."""

import io
import zipfile

import openpyxl
import pytest

from interviews import privacy
from tests.conftest import client_for

ORGS = ["Vzw Benoemd", "Vzw Anoniem", "Vzw Zwijgzaam", "Vzw Ingetrokken"]
SECTOR = "een organisatie uit de sector middenveld"


def shown(content: bytes) -> set[str]:
    html = content.decode()
    patterns = ['quote-source">{}<', '<th scope="row">{}</th>', '">{}</a></th>', "{}</a>:"]
    return {name for name in ORGS if any(p.format(name) in html for p in patterns)}


def test_consultant_sees_every_quote_attributed(consultant, coded):
    quotes = privacy.visible_quotes(privacy.quote_queryset(consultant), consultant)
    assert {q.source_label for q in quotes} == set(ORGS)


def test_atlas_member_sees_as_consent_allows_and_own_interviews_in_full(
    atlas_member, interviewer, coded
):
    quotes = privacy.visible_quotes(privacy.quote_queryset(atlas_member), atlas_member)
    assert sorted(q.source_label for q in quotes) == sorted(["Vzw Benoemd", SECTOR])
    own = privacy.visible_quotes(privacy.quote_queryset(interviewer), interviewer)
    assert {q.attribution for q in own if q.source_label == "Vzw Benoemd"} == {"full"}


def test_reader_sees_everything_anonymised(reader, coded):
    quotes = privacy.visible_quotes(privacy.quote_queryset(reader), reader)
    assert [q.source_label for q in quotes] == [SECTOR, SECTOR]


def test_administrator_sees_no_quotes(administrator, coded):
    assert privacy.visible_excerpts(administrator).count() == 0
    assert client_for(administrator).get("/interviews/quotes/").status_code == 403


def test_withdrawal_takes_effect_at_once(atlas_member, coded):
    consent = coded["named"].interview.consent
    client = client_for(atlas_member)
    assert "Vzw Benoemd" in client.get("/interviews/quotes/").content.decode()
    consent.withdrawn_on = consent.date
    consent.save()
    assert 'quote-source">Vzw Benoemd' not in client.get("/interviews/quotes/").content.decode()
    assert client.get("/interviews/quotes/").content.decode().count('data-testid="quote"') == 1


@pytest.mark.parametrize(
    "who, expected",
    [
        ("consultant", set(ORGS)),
        ("atlas_member", {"Vzw Benoemd"}),
        ("reader", set()),
    ],
)
def test_quote_bank_and_position_map_follow_consent(who, expected, request, coded):
    client = client_for(request.getfixturevalue(who))
    for url in ["/interviews/quotes/", "/interviews/positions/", "/interviews/search/?q=verhalen"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert shown(response.content) == expected, url
        # Not only in the places shown() looks: a hidden name is nowhere on the page.
        html = response.content.decode()
        assert {name for name in ORGS if name in html} == expected, url


def test_reader_sees_sector_labels_in_quote_bank(reader_client, coded):
    html = reader_client.get("/interviews/quotes/").content.decode()
    assert html.count(SECTOR) == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
@pytest.mark.parametrize(
    "who, expected",
    [("consultant", set(ORGS)), ("atlas_member", {"Vzw Benoemd"}), ("reader", set())],
)
def test_exports_follow_consent(fmt, who, expected, request, coded):
    response = client_for(request.getfixturevalue(who)).get(f"/interviews/quotes/export.{fmt}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        text = content.decode("utf-8-sig")
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    else:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            text = archive.read("word/document.xml").decode()
    assert {name for name in ORGS if name in text} == expected
    quotes = text.count("verhalen over de stad")
    assert quotes == {"consultant": 4, "atlas_member": 2, "reader": 2}[who]


def test_refused_or_missing_consent_hides_quotes_outside_the_research_space(
    atlas_member, reader, theme
):
    from interviews.models import ConsentScope
    from tests.interviews.conftest import make_coded

    make_coded(ConsentScope.NAMED, theme, "Vzw Geweigerd", given=False)
    make_coded(None, theme, "Vzw Zonder")
    for user in (atlas_member, reader):
        assert privacy.visible_excerpts(user).count() == 0


def test_consultant_filters_the_quote_bank_by_consent(consultant_client, reader_client, coded):
    def sources(client, query):
        html = client.get(f"/interviews/quotes/{query}").content.decode()
        return shown(html.encode())

    assert sources(consultant_client, "?consent=named") == {"Vzw Benoemd"}
    assert sources(consultant_client, "?consent=withdrawn") == {"Vzw Ingetrokken"}
    assert 'name="consent"' not in reader_client.get("/interviews/quotes/").content.decode()


def test_interview_page_never_shows_an_anonymised_quote_beside_its_organisation(
    atlas_member, consultant, coded
):
    """The interview page is titled with the organisation: a quote allowed only anonymously
    shown there is attributed after all. Named quotes may stay; the research space sees all."""
    anonymous = coded["anonymous"].interview
    html = client_for(atlas_member).get(f"/interviews/{anonymous.pk}/").content.decode()
    assert "Vzw Anoniem" in html
    assert 'data-testid="quote"' not in html
    assert "verhalen over de stad" not in html
    named = coded["named"].interview
    named_html = client_for(atlas_member).get(f"/interviews/{named.pk}/").content.decode()
    assert named_html.count('data-testid="quote"') == 1
    full = client_for(consultant).get(f"/interviews/{anonymous.pk}/").content.decode()
    assert full.count('data-testid="quote"') == 1


def test_quote_order_does_not_place_anonymised_quotes_by_their_organisation_name(
    atlas_member, theme, coded
):
    """Sorted by organisation name, an anonymised quote between "Vzw Aaa" and "Vzw Benoemd"
    tells its organisation's initials; named quotes come first, then anonymised by sector."""
    import re

    from interviews.models import ConsentScope
    from tests.interviews.conftest import make_coded

    make_coded(ConsentScope.NAMED, theme, "Vzw Aaa")
    for url in ["/interviews/quotes/", "/interviews/search/?q=verhalen"]:
        html = client_for(atlas_member).get(url).content.decode()
        assert re.findall(r'quote-source">([^<]*)<', html) == ["Vzw Aaa", "Vzw Benoemd", SECTOR]


@pytest.mark.parametrize("fmt", ["csv", "docx"])
def test_research_space_exports_say_what_consent_allows_for_each_quote(fmt, consultant, coded):
    """A consultant's export holds every quote; it goes on into reports, so each quote
    carries its consent as the page shows it, or a withdrawn quote travels unmarked."""
    response = client_for(consultant).get(f"/interviews/quotes/export.{fmt}")
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        rows = {line.split(",")[1]: line for line in text.splitlines()[1:]}
        assert "ingetrokken" in rows["Vzw Ingetrokken"]
        assert "Niet citeren" in rows["Vzw Zwijgzaam"]
        assert "Enkel anoniem citeren" in rows["Vzw Anoniem"]
    else:
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            text = archive.read("word/document.xml").decode()
        assert "Vzw Ingetrokken · ingetrokken" in text
        assert "Vzw Zwijgzaam · Niet citeren" in text


def test_a_quote_that_looks_like_a_formula_stays_text_in_the_spreadsheets(consultant, theme):
    """A spreadsheet runs a cell starting with "=" (or +, -, @) as a formula."""
    from interviews.models import ConsentScope, Excerpt
    from tests.interviews.conftest import make_coded

    excerpt = make_coded(ConsentScope.NAMED, theme, "Vzw Formule")
    Excerpt.objects.filter(pk=excerpt.pk).update(text='=HYPERLINK("http://x.example","klik")')
    client = client_for(consultant)
    csv = client.get("/interviews/quotes/export.csv").content.decode("utf-8-sig")
    assert "\n\"'=HYPERLINK(" in csv or "\n'=HYPERLINK(" in csv
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/interviews/quotes/export.xlsx").content)
    ).active
    assert sheet["A2"].data_type == "s"
