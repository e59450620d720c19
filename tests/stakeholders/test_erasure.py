"""A contact's requests: "exporteer" gives everything held about them as JSON; "vergeten"
leaves no trace of their name or e-mail address in any table, history, search index or
file, while the research (interviews, excerpts, answers) stays usable."""

import contextlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.postgres.search import SearchVectorField
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models
from django.db.models.functions import Cast

from interviews.models import Consent, Excerpt, Interview
from interviews.services import save_note, save_transcript
from plan.models import ValidationResponse
from stakeholders.erasure import forget_contact
from stakeholders.imports import STAGING_FOLDER
from stakeholders.models import Contact
from tests.interviews.factories import ConsentFactory, InterviewFactory
from tests.plan.factories import InviteeFactory, ValidationResponseFactory
from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import (
    ContactFactory,
    InteractionFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)

NAME, EMAIL = "Ayşe Yılmaz", "ayse.yilmaz@example.org"
OLD_NAME, OLD_EMAIL = "Ayse Yilmaz", "a.yilmaz@oud.example.org"
TRACES = [NAME, EMAIL, OLD_NAME, OLD_EMAIL]
TRANSCRIPT = (
    "Interviewer: Hoe kijkt u naar de beeldvorming in de stad?\n"
    f"{NAME}: Wij merken dat de verhalen over de stad vaak te eenzijdig zijn.\n"
    "Interviewer: Wat zou helpen?\n"
    "Ayşe: Verschillen benoemen zonder mensen in hokjes te stoppen.\n"
    "Jo Peeters: Dat zie ik bij de Jongerenraad ook."
)


def code(interview, phrase: str, user) -> Excerpt:
    text = interview.transcript.text
    start = text.index(phrase)
    return Excerpt.objects.create(
        interview=interview,
        transcript=interview.transcript,
        start=start,
        end=start + len(phrase),
        text=phrase,
        coder=user,
        memo=f"Mail {EMAIL} voor de bron.",
    )


@pytest.fixture
def person(consultant, settings):
    """A contact renamed once, interviewed (a signed form, speaker turns, a note, coded
    excerpts), shortlisted, invited to and answering the validation round, named in an
    interaction, a policy text, an import file waiting in staging and the admin's log."""
    organisation = OrganisationFactory(name="Vzw De Brug")
    contact = ContactFactory(organisation=organisation, name=OLD_NAME, email=OLD_EMAIL)
    contact.name, contact.email, contact.notes = NAME, EMAIL, "Belt liever na 17 uur."
    contact.save()
    other = ContactFactory(organisation=organisation, name="Jo Peeters", email="jo@example.org")

    interview = InterviewFactory(organisation=organisation, interviewers=[consultant])
    interview.interviewees.set([contact, other])
    consent = ConsentFactory(interview=interview)
    consent.form.save(f"toestemming {NAME}.pdf", ContentFile(f"Getekend: {NAME}".encode()))
    save_transcript(interview, TRANSCRIPT.replace("eenzijdig", "eenzijdig (v1)"), consultant)
    save_transcript(interview, TRANSCRIPT, consultant)
    save_note(interview, None, f"{NAME} kwam te laat; contact via {EMAIL}.")
    code(interview, "de verhalen over de stad vaak te eenzijdig", consultant)
    code(interview, "Verschillen benoemen zonder mensen", consultant)
    code(interview, "Wat zou helpen?", consultant)

    ShortlistEntryFactory(organisation=organisation, contact=contact)
    InteractionFactory(organisation=organisation, summary=f"Gesprek met {NAME} over de wijk.")
    invitee = InviteeFactory(organisation=organisation)
    invitee.contacts.set([contact])
    ValidationResponseFactory(
        invitee=invitee, respondent=contact, remarks=f"{NAME} mist de jongeren in ambitie 2."
    )
    PolicyDocumentFactory(extracted_text=f"Schepen vergaderde met {NAME} en anderen.")
    default_storage.save(f"{STAGING_FOLDER}/wachtend.csv", ContentFile(f"naam\n{NAME}\n".encode()))
    LogEntry.objects.log_actions(
        consultant.pk, [contact], CHANGE, change_message=json.dumps([{"changed": {"name": NAME}}])
    )
    return contact


def text_traces(traces: list[str]) -> list[str]:
    """Every (model.column, pk) of every model and historical model holding one of
    ``traces`` in a text, file-name or JSON column (sessions aside: they are signed blobs)."""
    found = []
    kinds = (models.CharField, models.TextField, models.JSONField, models.FileField)
    wanted = {t.casefold() for t in traces} | {t.casefold().replace(" ", "_") for t in traces}
    for model in apps.get_models():
        if model._meta.app_label == "sessions" or model._meta.swapped:
            continue
        columns = [f.attname for f in model._meta.concrete_fields if isinstance(f, kinds)]
        for pk, *values in model._base_manager.values_list("pk", *columns):
            for column, value in zip(columns, values, strict=True):
                text = json.dumps(value, ensure_ascii=False) if value is not None else ""
                if isinstance(value, str) and value[:1] in "[{":  # JSON kept as text
                    with contextlib.suppress(ValueError):
                        text += json.dumps(json.loads(value), ensure_ascii=False)
                if any(t in text.casefold() for t in wanted):
                    found.append(f"{model.__name__}.{column} #{pk}")
    return found


def index_traces(words: list[str]) -> list[str]:
    """Stored search vectors (PostgreSQL) that hold a lexeme of the name."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, SearchVectorField):
                rows = model._base_manager.annotate(_t=Cast(field.name, models.TextField()))
                for word in words:
                    if rows.filter(_t__icontains=word).exists():
                        found.append(f"{model.__name__}.{field.name}: {word}")
    return found


def file_traces(media_root, traces: list[str]) -> list[str]:
    needles = [t.encode() for t in traces] + [t.replace(" ", "_").encode() for t in traces]
    return [
        str(path)
        for path in Path(media_root).rglob("*")
        if path.is_file()
        and any(n in path.read_bytes() or n in str(path).encode() for n in needles)
    ]


def test_before_forgetting_the_scans_find_the_person(person, media_root):
    """The scans below can fail: before forgetting, they find the person everywhere."""
    found = text_traces(TRACES)
    for where in ["Contact.name", "HistoricalContact.email", "Transcript.text",
                  "TranscriptVersion.text", "NoteAnswer.text", "Excerpt.memo",
                  "Interaction.summary", "ValidationResponse.remarks", "Consent.form",
                  "PolicyDocument.extracted_text", "LogEntry.object_repr",
                  "LogEntry.change_message"]:  # fmt: skip
        assert any(hit.startswith(where + " ") for hit in found), where
    assert len(file_traces(media_root, TRACES)) == 2  # the signed form, the waiting import
    if connection.vendor == "postgresql":
        assert index_traces(["yılmaz"])


def test_forgetting_leaves_no_trace_in_any_table_index_or_file(
    consultant_client, person, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = consultant_client.post(
            f"/stakeholders/contacts/{person.pk}/forget/", {"confirm": "on"}
        )
    assert response.status_code == 302
    assert text_traces(TRACES) == []
    assert file_traces(media_root, TRACES) == []
    assert index_traces(["yılmaz", "yilmaz", "ayş", "ayse"]) == []


def test_the_research_stays_usable_after_forgetting(consultant, person):
    interview = Interview.objects.get(interviewees=person)
    forget_contact(person)

    contact = Contact.objects.get(pk=person.pk)
    label = f"Vergeten persoon {person.pk}"
    assert (contact.name, contact.email, contact.phone, contact.notes) == (label, "", "", "")
    assert contact.forgotten_at is not None
    assert set(interview.interviewees.values_list("name", flat=True)) == {label, "Jo Peeters"}
    text = interview.transcript.text
    assert f"\n{label}: Wij merken" in text and f"\n{label}: Verschillen" in text
    assert "Jo Peeters: Dat zie ik bij de Jongerenraad ook." in text  # others untouched
    excerpts = list(Excerpt.objects.filter(interview=interview))
    assert len(excerpts) == 3
    for excerpt in excerpts:  # every excerpt still points at its own words
        assert text[excerpt.start : excerpt.end] == excerpt.text
        assert excerpt.anchor in {"ok", "reanchored"}
    response = ValidationResponse.objects.get(respondent=contact)
    assert response.remarks == f"{label} mist de jongeren in ambitie 2."
    consent = Consent.objects.get(interview=interview)
    assert not consent.form and consent.scope == "named"  # the record stays, the file goes
    assert Contact.objects.get(name="Jo Peeters").email == "jo@example.org"


def test_the_forgetting_is_on_record_without_the_name(consultant_client, person):
    consultant_client.post(f"/stakeholders/contacts/{person.pk}/forget/", {"confirm": "on"})
    history = list(person.history.order_by("history_date", "history_id"))
    assert history[-1].history_user.username == "consultant"
    assert {record.name for record in history} == {f"Vergeten persoon {person.pk}"}


def test_the_export_holds_everything_about_the_person(consultant_client, person):
    response = consultant_client.get(f"/stakeholders/contacts/{person.pk}/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["contact"]["name"] == NAME and data["contact"]["email"] == EMAIL
    assert data["contact"]["organisation"] == "Vzw De Brug"
    assert [r["name"] for r in data["history"]] == [OLD_NAME, NAME]
    assert len(data["shortlist"]) == 1
    [interview] = data["interviews"]
    assert interview["consent"]["form"].endswith(".pdf")
    spoken = [excerpt["text"] for excerpt in interview["excerpts_spoken"]]
    assert spoken == [
        "de verhalen over de stad vaak te eenzijdig",
        "Verschillen benoemen zonder mensen",
    ]  # not the interviewer's question
    [answer] = data["validation"]["responses"]
    assert answer["remarks"].startswith(NAME)
    assert len(data["validation"]["invitations"]) == 1


def test_forgetting_asks_for_confirmation(consultant_client, person):
    url = f"/stakeholders/contacts/{person.pk}/forget/"
    page = consultant_client.get(url)
    assert page.status_code == 200
    assert "kan niet ongedaan gemaakt worden" in page.content.decode()

    refused = consultant_client.post(url, {})
    assert refused.status_code == 400
    assert "Bevestig eerst" in refused.content.decode()
    assert Contact.objects.get(pk=person.pk).name == NAME


@pytest.mark.parametrize("path", ["export", "forget"])
def test_only_consultants_export_or_forget(path, users, person):
    from atlasplan.roles import Role
    from tests.conftest import client_for

    url = f"/stakeholders/contacts/{person.pk}/{path}/"
    expected = {Role.CONSULTANT: 200, Role.ATLAS: 403, Role.READER: 403, Role.ADMINISTRATOR: 403}
    for role, user in users.items():
        assert client_for(user).get(url).status_code == expected[role], role
    from django.test import Client

    assert Client().get(url).status_code == 302  # to the login page
    if path == "forget":
        assert client_for(users[Role.ATLAS]).post(url, {"confirm": "on"}).status_code == 403
    assert Contact.objects.get(pk=person.pk).name == NAME


def test_wrong_method_and_unknown_contact(consultant_client, person):
    assert consultant_client.post(f"/stakeholders/contacts/{person.pk}/export/").status_code == 405
    assert consultant_client.put(f"/stakeholders/contacts/{person.pk}/forget/").status_code == 405
    assert consultant_client.get("/stakeholders/contacts/999999/export/").status_code == 404


def test_the_contact_page_offers_both_requests_to_consultants_only(
    consultant_client, atlas_client, person
):
    page = consultant_client.get(f"/stakeholders/contacts/{person.pk}/edit/").content.decode()
    assert f"/stakeholders/contacts/{person.pk}/export/" in page
    assert f"/stakeholders/contacts/{person.pk}/forget/" in page
    assert atlas_client.get(f"/stakeholders/contacts/{person.pk}/edit/").status_code == 403
