"""The history pages of step 3 are the shared history page: the same breadcrumbs back to the
step and to the object as every other step's history."""

import re

import pytest

from interviews.models import PositionSummary
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    GuideQuestionFactory,
    InterviewFactory,
    TranscriptFactory,
)


@pytest.fixture
def excerpt(theme):
    question = GuideQuestionFactory()
    interview = InterviewFactory(guide=question.guide)
    ConsentFactory(interview=interview)
    return ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme])


def crumbs(html: str) -> list[str]:
    """The links of the breadcrumb trail, in order."""
    start = html.index('<ol class="breadcrumb">')
    trail = html[start : html.index("</ol>", start)]
    return re.findall(r'<a href="([^"]+)"', trail)


def test_every_history_page_of_the_step_leads_back_to_the_step_and_the_object(
    consultant_client, excerpt, theme
):
    interview = excerpt.interview
    organisation = interview.organisation
    PositionSummary.objects.create(organisation=organisation, theme=theme, text="Samengevat")
    cell = f"/interviews/positions/org-{organisation.pk}/{theme.pk}/"
    pages = {
        f"/interviews/{interview.pk}/history/": interview.get_absolute_url(),
        f"/interviews/{interview.pk}/consent/history/": interview.get_absolute_url(),
        f"/interviews/excerpts/{excerpt.pk}/history/": excerpt.get_absolute_url(),
        f"{interview.guide.get_absolute_url()}history/": interview.guide.get_absolute_url(),
        f"{cell}history/": cell,
    }
    for url, back in pages.items():
        response = consultant_client.get(url)
        assert response.status_code == 200, url
        trail = crumbs(response.content.decode())
        assert trail[:2] == ["/", "/interviews/"], url  # "3 Interviews", as on the step's pages
        assert trail[-1] == back, url
