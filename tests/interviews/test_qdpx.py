"""The REFI-QDA project (.qdpx), read back as a QDA program reads it: who coded what, when,
under which consent, in which interview; nothing coded is left out, nothing collides."""

import datetime
import io
import zipfile
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from django.conf import settings
from django.utils import timezone

from atlasplan.roles import Role
from interviews.models import Anchor, ConsentScope, Excerpt, Mode
from interviews.qdpx import qdpx_bytes
from tests.factories import UserFactory
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import OrganisationFactory

SCHEMA = settings.BASE_DIR / "interviews/schemas/Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


class Export:
    """An exported .qdpx, parsed; every export is checked against the REFI-QDA schema."""

    def __init__(self, user) -> None:
        with zipfile.ZipFile(io.BytesIO(qdpx_bytes(user))) as archive:
            xml = archive.read("project.qde")
            self.files = {
                name: archive.read(name).decode()
                for name in archive.namelist()
                if name != "project.qde"
            }
        xmlschema.XMLSchema(SCHEMA).validate(io.BytesIO(xml))
        self.root = ET.fromstring(xml)

    def all(self, path: str) -> list[ET.Element]:
        return self.root.findall(path, NS)

    def one(self, path: str) -> ET.Element:
        found = self.all(path)
        assert len(found) == 1, (path, len(found))
        return found[0]

    @property
    def users(self) -> dict[str, str]:
        return {u.get("guid"): u.get("name") for u in self.all("q:Users/q:User")}

    @property
    def codes(self) -> dict[str, str]:
        return {c.get("guid"): c.get("name") for c in self.root.iter(f"{{{NS['q']}}}Code")}

    def source_named(self, fragment: str) -> ET.Element:
        (source,) = [s for s in self.all("q:Sources/q:TextSource") if fragment in s.get("name")]
        return source

    def text_of(self, source: ET.Element) -> str:
        return self.files["sources/" + source.get("plainTextPath").removeprefix("internal://")]

    def selections(self) -> list[tuple[ET.Element, ET.Element]]:
        """Every coded selection with the source (or note) that holds it."""
        return [
            (source, selection)
            for source in self.all("q:Sources/q:TextSource") + self.all("q:Notes/q:Note")
            for selection in source.findall("q:PlainTextSelection", NS)
        ]

    def selected_text(self, source: ET.Element, selection: ET.Element) -> str:
        content = source.find("q:PlainTextContent", NS)
        text = content.text if content is not None else self.text_of(source)
        return text[int(selection.get("startPosition")) : int(selection.get("endPosition"))]

    def variables(self, element: ET.Element) -> dict[str, str]:
        names = {v.get("guid"): v.get("name") for v in self.all("q:Variables/q:Variable")}
        values = {}
        for value in element.findall("q:VariableValue", NS):
            name = names[value.find("q:VariableRef", NS).get("targetGUID")]
            (typed,) = [child for child in value if not child.tag.endswith("VariableRef")]
            values[name] = typed.text
        return values

    def guids(self) -> set[str]:
        return {e.get("guid") for e in self.root.iter() if e.get("guid")}


@pytest.fixture
def interview(db):
    interview = InterviewFactory(
        organisation=OrganisationFactory(name="Vzw De Brug"),
        held_at=timezone.make_aware(datetime.datetime(2026, 3, 12, 10, 0)),
        mode=Mode.VIDEO,
        location="Teams",
    )
    ConsentFactory(interview=interview, scope=ConsentScope.ANONYMOUS)
    return interview


def test_each_selection_names_who_coded_it_not_who_exported(consultant, interview, theme):
    coder = UserFactory(
        username="sofie", first_name="Sofie", last_name="Peeters", role=Role.CONSULTANT
    )
    ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme], coder=coder)
    export = Export(consultant)
    ((_source, selection),) = export.selections()
    assert export.users[selection.get("creatingUser")] == "Sofie Peeters"
    codings = selection.findall("q:Coding", NS)
    assert codings and {c.get("creatingUser") for c in codings} == {selection.get("creatingUser")}


def test_a_flagged_coding_is_exported_where_its_text_still_stands(consultant, interview, theme):
    excerpt = ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme])
    Excerpt.objects.filter(pk=excerpt.pk).update(anchor=Anchor.FLAGGED)
    export = Export(consultant)
    ((source, selection),) = export.selections()
    assert export.selected_text(source, selection) == "verhalen over de stad"
    assert "Beeldvorming" in {
        export.codes[c.get("targetGUID")] for c in selection.iter() if c.get("targetGUID")
    }


def test_a_flagged_coding_whose_text_is_gone_is_exported_as_a_note_not_dropped(
    consultant, interview, theme
):
    """The quote bank still lists a coding whose passage was edited away; the .qdpx says so
    too, with the coded words and their codes, instead of leaving it out silently."""
    transcript = TranscriptFactory(interview=interview)
    excerpt = ExcerptFactory(transcript=transcript, themes=[theme])
    transcript.text = transcript.text.replace("verhalen over de stad", "beelden van Antwerpen")
    transcript.save()
    Excerpt.objects.filter(pk=excerpt.pk).update(anchor=Anchor.FLAGGED)
    export = Export(consultant)
    source = export.source_named("transcript")
    (note_ref,) = source.findall("q:NoteRef", NS)
    (note,) = [
        n for n in export.all("q:Notes/q:Note") if n.get("guid") == note_ref.get("targetGUID")
    ]
    content = note.find("q:PlainTextContent", NS).text
    assert "niet meer gevonden" in content
    ((holder, selection),) = export.selections()
    assert holder is note
    assert export.selected_text(note, selection) == "verhalen over de stad"
    coded = {export.codes[c.get("targetGUID")] for c in selection.iter() if c.get("targetGUID")}
    assert {"Beeldvorming", "Kritisch"} <= coded


def test_two_interviews_with_one_organisation_get_distinct_document_names(consultant, interview):
    later = InterviewFactory(organisation=interview.organisation, held_at=interview.held_at)
    TranscriptFactory(interview=interview)
    TranscriptFactory(interview=later)
    names = [s.get("name") for s in Export(consultant).all("q:Sources/q:TextSource")]
    assert len(names) == 2
    assert len(set(names)) == 2
    assert all("Vzw De Brug" in name and "12-03-2026" in name for name in names)


def test_interview_consent_and_coding_facts_travel_with_the_export(consultant, interview, theme):
    Excerpt.objects.filter(
        pk=ExcerptFactory(
            transcript=TranscriptFactory(interview=interview), themes=[theme], coder=consultant
        ).pk
    ).update(surprising=True, quotable=True)
    coded_at = Excerpt.objects.get().created_at
    export = Export(consultant)
    source = export.source_named("transcript")
    variables = export.variables(source)
    assert variables["Datum interview"] == "2026-03-12"
    assert variables["Vorm"] == "Video"
    assert variables["Plaats"] == "Teams"
    assert variables["Toestemming"] == "Enkel anoniem citeren"
    assert variables["Toestemming gegeven"] == "true"
    ((_source, selection),) = export.selections()
    stamp = coded_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert selection.get("creationDateTime") == stamp
    codings = selection.findall("q:Coding", NS)
    assert {c.get("creationDateTime") for c in codings} == {stamp}
    coded = {export.codes[c.find("q:CodeRef", NS).get("targetGUID")] for c in codings}
    assert {"Verrassend", "Citeerbaar"} <= coded


def test_a_withdrawn_consent_is_exported_with_its_date(consultant, interview):
    interview.consent.withdrawn_on = datetime.date.today()
    interview.consent.save()
    TranscriptFactory(interview=interview)
    export = Export(consultant)
    variables = export.variables(export.source_named("transcript"))
    assert variables["Toestemming ingetrokken op"] == datetime.date.today().isoformat()


def test_guids_are_stable_in_one_installation_and_differ_between_installations(
    consultant, interview, theme
):
    """Two installations both have an excerpt 1; merged in one QDA project their GUIDs
    must not collide, while a re-export of one installation updates the same objects."""
    from atlasplan.models import Installation

    ExcerptFactory(transcript=TranscriptFactory(interview=interview), themes=[theme])
    first, again = Export(consultant).guids(), Export(consultant).guids()
    assert first == again
    Installation.objects.all().delete()  # as on another installation with the same ids
    assert not first & Export(consultant).guids()


def test_the_demo_travels_word_for_word(consultant):
    """As a researcher moving to QualCoder would check: every coded demo passage is in the
    export, and the offsets of each selection pick out exactly its words in the source."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", "--password", "demo-wachtwoord-1", stdout=StringIO())
    coded = sorted(Excerpt.objects.values_list("text", flat=True))
    assert len(coded) == 196  # every passage on a theme, once per interview (7 x 28)
    export = Export(consultant)
    selected = sorted(export.selected_text(source, s) for source, s in export.selections())
    assert selected == coded
    assert not export.all("q:Notes/q:Note")  # nothing in the demo lost its place
