"""Every form speaks the interface's language only: no English on a Dutch page, no Dutch on
an English one (the empty choice of a select, file pickers, dates, validation messages)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.interviews.factories import ConsentFactory, InterviewFactory, TranscriptFactory
from tests.plan.factories import VisionVersionFactory
from tests.plan.factories_plan import TargetGroupFactory
from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import ContactFactory, OrganisationFactory
from tests.workshops.factories import StatementFactory, WorkshopFactory

# What the browser, Django or a package says in English when a form is not translated.
ENGLISH = [
    "Select an option", "Choose file", "No file chosen", "Currently", "This field is required",
    "Enter a valid", "Select a valid choice", ">Submit<", ">Save<", ">Cancel<", ">Search<",
    ">Clear<", "Change:", 'type="date"',
]  # fmt: skip
# What a Dutch template says when a string escaped translation.
DUTCH = [
    "Maak een keuze", "Kies een bestand", "Geen bestand gekozen", "Dit veld is verplicht",
    "Voer een geldige", ">Opslaan<", "Annuleren", ">Zoeken<", "dd-mm-jjjj", "Huidig bestand",
    "Selecteer een geldige",
]  # fmt: skip


def _form_urls_without_ids() -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return sorted(
        f"/{route}"
        for route in walk(get_resolver().url_patterns)
        if "<" not in route and re.search(r"(^|/)(new|import)/$", route)
    )


@pytest.fixture
def form_urls(db) -> list[str]:
    organisation = OrganisationFactory()
    contact = ContactFactory(organisation=organisation)
    interview = InterviewFactory(organisation=organisation)
    interview.interviewees.set([contact])
    fresh = InterviewFactory(organisation=organisation)  # no consent yet: an empty form
    ConsentFactory(interview=interview)
    TranscriptFactory(interview=interview)
    workshop = WorkshopFactory()
    statement = StatementFactory(workshop=workshop)
    document = PolicyDocumentFactory()
    target = TargetGroupFactory()
    version = VisionVersionFactory()
    return [
        *_form_urls_without_ids(),
        f"/stakeholders/{organisation.pk}/edit/",
        f"/stakeholders/{organisation.pk}/contacts/new/",
        f"/stakeholders/{organisation.pk}/interactions/new/",
        f"/stakeholders/contacts/{contact.pk}/edit/",
        f"/interviews/{interview.pk}/edit/",
        f"/interviews/{interview.pk}/consent/",
        f"/interviews/{fresh.pk}/consent/",
        f"/interviews/{interview.pk}/transcript/edit/",
        f"/workshops/{workshop.pk}/edit/",
        f"/workshops/{workshop.pk}/statements/new/",
        f"/workshops/statements/{statement.pk}/outcome/",
        f"/policies/{document.pk}/edit/",
        f"/policies/{document.pk}/passages/new/",
        f"/plan/targets/{target.pk}/objectives/new/",
        f"/plan/vision/{version.pk}/ambitions/new/",
    ]


def _offending(html: str, words: list[str]) -> list[str]:
    return [word for word in words if word in html]


def _pages(client, urls):
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            yield url, response.content.decode()


def test_the_walk_finds_the_forms(form_urls):
    assert {"/interviews/new/", "/policies/new/", "/plan/steps/new/"} <= set(form_urls)


def test_every_form_in_dutch_has_no_english(consultant_client, form_urls):
    seen = 0
    for url, html in _pages(consultant_client, form_urls):
        assert '<html lang="nl">' in html, url
        assert _offending(html, ENGLISH) == [], url
        seen += 1
    assert seen >= 25


def test_every_form_in_english_has_no_dutch(consultant_client, form_urls):
    consultant_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    seen = 0
    for url, html in _pages(consultant_client, form_urls):
        assert '<html lang="en">' in html, url
        assert _offending(html, DUTCH) == [], url
        seen += 1
    assert seen >= 25


@pytest.mark.parametrize(
    ("language", "empty", "picker", "required", "date"),
    [
        ("nl", "— Maak een keuze —", "Kies een bestand", "Dit veld is verplicht.", "dd-mm-jjjj"),
        ("en", "- Select an option -", "Choose a file", "This field is required.", "yyyy-mm-dd"),
    ],
)
def test_selects_file_pickers_dates_and_errors_follow_the_language(
    consultant_client, db, language, empty, picker, required, date
):
    consultant_client.post("/i18n/setlang/", {"language": language, "next": "/"})
    html = consultant_client.get("/policies/new/").content.decode()
    assert empty in html
    assert picker in html
    assert f'placeholder="{date}"' in html
    html = consultant_client.post("/policies/new/", {"published_on": "31-02-2026"}).content
    html = html.decode()
    assert required in html
    assert 'value="31-02-2026"' in html  # what was typed is kept


def test_a_dutch_date_is_read_and_shown_as_dd_mm_jjjj(consultant_client, db):
    workshop = WorkshopFactory()
    html = consultant_client.get(f"/workshops/{workshop.pk}/edit/").content.decode()
    assert f'value="{workshop.date:%d-%m-%Y}"' in html
