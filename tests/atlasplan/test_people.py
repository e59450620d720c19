"""People are shown by their full name everywhere, never by their user name."""

import re
from pathlib import Path

from django.conf import settings

from atlasplan.models import Theme
from atlasplan.people import person_name
from atlasplan.roles import Role
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.interviews.factories import InterviewFactory
from tests.stakeholders.factories import ShortlistEntryFactory
from tests.workshops.factories import WorkshopFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_a_person_is_named_by_full_name_and_by_user_name_only_without_one(db):
    named = UserFactory(username="jdevries", first_name="Jana", last_name="De Vries")
    nameless = UserFactory(username="tijdelijk", first_name="", last_name="")
    assert person_name(named) == "Jana De Vries"
    assert person_name(nameless) == "tijdelijk"
    assert person_name(None) == ""


def test_interviewers_facilitators_deciders_and_history_show_full_names(db):
    me = UserFactory(username="kdwk", first_name="Karim", last_name="El Idrissi",
                     role=Role.CONSULTANT)  # fmt: skip
    client = client_for(me)
    interview = InterviewFactory(interviewers=[me])
    workshop = WorkshopFactory(facilitator=me)
    ShortlistEntryFactory(proposed_by=me, decided_by=me)
    client.post("/themes/new/", {"name": "Taal", "colour": "#112233"})
    theme = Theme.objects.get(name="Taal")
    pages = {
        "interview list": "/interviews/",
        "interview": f"/interviews/{interview.pk}/",
        "interview form": f"/interviews/{interview.pk}/edit/",
        "workshops": "/workshops/",
        "workshop": f"/workshops/{workshop.pk}/",
        "workshop form": f"/workshops/{workshop.pk}/edit/",
        "shortlist": "/stakeholders/shortlist/",
        "history": f"/themes/{theme.pk}/history/",
    }
    for label, url in pages.items():
        html = client.get(url).content.decode()
        assert "Karim El Idrissi" in html, label
        assert not re.search(r"\bkdwk\b", html), label


def test_no_template_shows_a_user_name():
    """One filter, ``|person``, names people: no template reaches for the user name."""
    wrong = re.compile(r"\.username\b|get_username|get_full_name|\{\{\s*user\s*\}\}")
    offenders = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("*.html")
        for match in wrong.finditer(path.read_text())
    ]
    assert offenders == []
