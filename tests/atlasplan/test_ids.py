"""Ids from a request: odd or huge values are "no such object" or a form error, never a 500.

The fuzz test walks every URL pattern of the project (not the admin's nor allauth's), fills
its path with real objects, and sends each odd value in every query parameter the code reads
and every field the page's forms carry, by GET and by POST.
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from atlasplan.ids import MAX_ID_DIGITS, parse_pk
from interviews.models import ConsentScope, NoteAnswer
from plan.models import PlanText
from plan.services import issue_answer_link
from tests.factories import ThemeFactory
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    GuideFactory,
    GuideQuestionFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import (
    AmbitionFactory,
    AmbitionFeedbackFactory,
    InviteeFactory,
    ValidationResponseFactory,
)
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
)
from tests.policies.factories import PassageFactory
from tests.stakeholders.factories import (
    ContactFactory,
    InteractionFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)
from tests.workshops.factories import StatementFactory

ODD_IDS = ["²", "١٢", "-1", "1e3", " 1", "99999999999999999999", "0x1", "", "\x00"]

# Query parameters read straight from request.GET / request.POST somewhere in the code.
PARAMETERS = [
    "organisation", "source", "question", "interviewees", "interviewers", "themes", "theme",
    "exclude", "statement", "page", "sort", "q", "parent", "code", "c", "name", "direction",
    "next", "reveal", "state", "text", "target", "guide", "contacts", "document", "row",
]  # fmt: skip

SKIPPED = {"set_language"}  # switches the language, reads no id


def test_parse_pk_accepts_only_plain_ascii_digits_within_the_limit():
    assert parse_pk("42") == 42
    assert parse_pk(42) == 42
    assert parse_pk("9" * MAX_ID_DIGITS) == int("9" * MAX_ID_DIGITS)
    for odd in [*ODD_IDS, "9" * (MAX_ID_DIGITS + 1), None, "4 2", "+1", "1.0", "٣"]:
        assert parse_pk(odd) is None, repr(odd)


def project_routes() -> list[tuple[str, str]]:
    """(name, route) of every URL pattern outside the admin and allauth."""

    def walk(patterns, namespace: str | None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern).startswith(("admin/", "accounts/")):
                    continue
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name not in SKIPPED:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, str(pattern.pattern)

    routes = list(walk(get_resolver().url_patterns, None))
    # What deletes, merges or cancels runs last, so the objects are there for the rest.
    return sorted(routes, key=lambda r: any(w in r[0] for w in ("delete", "merge", "cancel")))


@pytest.fixture
def world(theme_for_ids):
    guide = GuideFactory()
    question = GuideQuestionFactory(guide=guide)
    organisation = OrganisationFactory(name="Vzw Fuzz")
    contact = ContactFactory(organisation=organisation)
    interview = InterviewFactory(organisation=organisation, guide=guide)
    ConsentFactory(interview=interview, scope=ConsentScope.NAMED)
    transcript = TranscriptFactory(interview=interview)
    excerpt = ExcerptFactory(transcript=transcript, themes=[theme_for_ids])
    note = NoteAnswer.objects.create(interview=interview, question=question, text="Een notitie")
    passage = PassageFactory()
    statement = StatementFactory()
    ambition = AmbitionFactory(excerpts=[excerpt], statements=[statement], passages=[passage])
    invitee = InviteeFactory(organisation=organisation)
    answered = ValidationResponseFactory(invitee=InviteeFactory(round=invitee.round))
    link, token = issue_answer_link(invitee, datetime.date(2099, 1, 1), None)
    objective = ObjectiveFactory(ambitions=[ambition], excerpts=[excerpt])
    step = StepFactory(objectives=[objective])
    StepPartnerFactory(step=step, organisation=organisation)
    PlanText.objects.create(key="introduction", text="Inleiding")
    feedback = AmbitionFeedbackFactory(
        response__invitee__round=invitee.round, ambition=ambition, position="not"
    )
    return {
        "theme": theme_for_ids,
        "organisation": organisation,
        "contact": contact,
        "interaction": InteractionFactory(organisation=organisation),
        "entry": ShortlistEntryFactory(organisation=organisation),
        "interview": interview,
        "excerpt": excerpt,
        "note": note,
        "guide": guide,
        "document": passage.document,
        "passage": passage,
        "workshop": statement.workshop,
        "statement": statement,
        "vision": ambition.version,
        "ambition": ambition,
        "round": invitee.round,
        "invitee": invitee,
        "response": answered,
        "link": link,
        "token": token,
        "target": objective.target_group,
        "objective": objective,
        "step": step,
        "measurement": MeasurementFactory(objective=objective),
        "feedback": feedback,
    }


@pytest.fixture
def theme_for_ids(db):
    return ThemeFactory(name="Beeldvorming")


# The object whose id fills <pk>, by the route name (after the namespace), first match wins.
PK_OWNERS = [
    ("passage_", "document"), ("assessment_create", "organisation"),
    ("contact_create", "organisation"), ("interaction_create", "organisation"),
    ("statement_create", "workshop"), ("statement_paste", "workshop"),
    ("excerpt_create", "interview"), ("consent_", "interview"), ("transcript_", "interview"),
    ("note", "interview"), ("vote_create", "statement"), ("comment_create", "statement"),
    ("theme_", "theme"),
    ("document_", "document"), ("organisation_", "organisation"), ("contact_", "contact"),
    ("interaction_", "interaction"), ("shortlist_entry_", "entry"), ("interview_", "interview"),
    ("excerpt_", "excerpt"), ("guide_", "guide"), ("workshop_", "workshop"),
    ("statement_", "statement"), ("ambition_create", "vision"), ("vision_", "vision"),
    ("ambition_", "ambition"), ("validation_", "round"), ("invitee_add", "round"),
    ("invitee_", "invitee"), ("response_withdraw", "response"), ("response_history", "response"),
    ("response_", "invitee"), ("answer_link_revoke", "link"), ("answer_links", "invitee"),
    ("ambition_", "ambition"), ("target_", "target"), ("objective_create", "target"),
    ("objective_", "objective"), ("measurement_create", "objective"),
    ("measurement_", "measurement"), ("step_", "step"),
    ("objection_", "feedback"),
    ("api_objective_detail", "objective"),
]  # fmt: skip


def path_kwargs(name: str, route: str, world: dict) -> dict:
    short = name.split(":")[-1]
    values = {
        "passage_pk": world["passage"].pk,
        "note_pk": world["note"].pk,
        "theme_pk": world["theme"].pk,
        "row": f"org-{world['organisation'].pk}",
        "code": world["workshop"].code,
        "fmt": "csv",
        "what": "votes",
        "kind": "organisations",
        "file_format": "csv",
        "token": world["token"],
        "key": "introduction",
    }
    if "<uuid:key>" in route:  # a plan PDF rendered in the background: none here, so 404
        values["key"] = "0b5e6f4e-8c1d-4f7a-9a51-6e0c1f2d3a4b"
    if "<int:pk>" in route:
        owner = next(obj for prefix, obj in PK_OWNERS if short.startswith(prefix))
        values["pk"] = world[owner].pk
    return {key: value for key, value in values.items() if f":{key}>" in route}


def field_names(html: str) -> set[str]:
    return set(re.findall(r'name="([^"]+)"', html)) - {"csrfmiddlewaretoken"}


@pytest.mark.parametrize("odd", ODD_IDS, ids=repr)
def test_no_odd_id_in_any_parameter_gives_a_server_error(consultant, world, odd):
    client = Client(raise_request_exception=False)
    client.force_login(consultant)
    errors = []
    for name, route in project_routes():
        url = reverse(name, kwargs=path_kwargs(name, route, world))
        page = client.get(url)
        body = b"".join(page.streaming_content) if page.streaming else page.content
        names = sorted(set(PARAMETERS) | field_names(body.decode(errors="ignore")))
        data = dict.fromkeys(names, odd)
        extra = {"source": f"note:{odd}", "row": f"org-{odd}"}
        for method, payload in [("get", data), ("post", data), ("post", {**data, **extra})]:
            response = getattr(client, method)(url, payload)
            if response.status_code >= 500:
                errors.append(f"{method.upper()} {url} -> {response.status_code}")
    assert errors == []


@pytest.mark.parametrize("field", ["interviewees", "interviewers", "organisation", "guide"])
def test_a_huge_id_in_the_interview_form_is_a_form_error(consultant_client, world, field):
    huge = "9" * (MAX_ID_DIGITS + 2)
    data = {"organisation": world["organisation"].pk, "mode": "onsite", "status": "planned"}
    response = consultant_client.post("/interviews/new/", {**data, field: huge})
    assert response.status_code == 200
    assert response.context["form"].errors[field]


def test_an_odd_organisation_on_the_plan_interview_link_is_ignored(consultant_client, db):
    response = consultant_client.get("/interviews/new/", {"organisation": "²"})
    assert response.status_code == 200
    assert response.context["form"].initial.get("organisation") is None
