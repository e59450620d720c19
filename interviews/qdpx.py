"""The whole coded set as a REFI-QDA project (.qdpx), for QualCoder, NVivo, ATLAS.ti, MAXQDA.

Built from the sources the user may read raw (:func:`interviews.privacy.raw_interviews`).
What a researcher moving tools needs travels with it: who coded each passage and when, the
interview's date, mode, place and consent (REFI-QDA variables on each source), the
organisation's sector (on its case), the surprising and quotable flags (as codes). A coding
whose passage is no longer in the text is kept as a note on its source, never dropped.

GUIDs are derived from the database ids in this installation's own namespace
(:class:`atlasplan.models.Installation`): a re-export updates the same objects in a QDA
program, and two installations' projects never collide.
"""

import datetime
import io
import uuid
import zipfile
from xml.etree import ElementTree as ET

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from atlasplan.models import Installation, Theme
from atlasplan.people import person_name
from interviews import privacy
from interviews.models import Anchor, Excerpt, Interview, NoteAnswer, Stance, Transcript
from interviews.services import CodingError, clean_text, nearest_passage

QDA_NS = "urn:QDA-XML:project:1.0"
# key: (name, REFI-QDA type); interview facts go on each source, the sector on the case.
VARIABLES = {
    "sector": (lambda: _("Sector"), "Text"),
    "held_on": (lambda: _("Datum interview"), "Date"),
    "mode": (lambda: _("Vorm"), "Text"),
    "location": (lambda: _("Plaats"), "Text"),
    "consent": (lambda: _("Toestemming"), "Text"),
    "consent_given": (lambda: _("Toestemming gegeven"), "Boolean"),
    "consent_withdrawn": (lambda: _("Toestemming ingetrokken op"), "Date"),
}


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (older data may still hold them)."""
    return clean_text(str(text))


def _q(tag: str) -> str:
    return f"{{{QDA_NS}}}{tag}"


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Project:
    """One export: the XML tree, the plain-text files, and the GUIDs of this installation."""

    def __init__(self, user) -> None:
        self.user = user
        self.namespace = Installation.namespace()
        self.files: dict[str, str] = {}
        self.notes: list[ET.Element] = []
        self.root = ET.Element(
            _q("Project"),
            {"name": "AtlasPlan interviews", "origin": "AtlasPlan",
             "creationDateTime": _stamp(timezone.now())},
        )  # fmt: skip

    def guid(self, kind: str, pk) -> str:
        return str(uuid.uuid5(self.namespace, f"{kind}-{pk}"))

    def user_guid(self, user) -> str | None:
        return self.guid("user", user.pk) if user is not None else None


def project_xml(user) -> tuple[bytes, dict[str, str]]:
    """``project.qde`` and the plain-text sources ({path in the zip: text})."""
    ET.register_namespace("", QDA_NS)
    raw = privacy.raw_interviews(user)
    project = _Project(user)
    excerpts = list(
        Excerpt.objects.filter(interview__in=raw)
        .select_related("coder")
        .prefetch_related("themes")
        .order_by("start", "pk")
    )
    _add_users(project, [user, *(e.coder for e in excerpts if e.coder)])
    _add_codebook(project)
    _add_variables(project)
    cases = ET.SubElement(project.root, _q("Cases"))  # one per organisation: its sources
    sources = ET.SubElement(project.root, _q("Sources"))
    by_source = _by_source(excerpts)
    by_organisation: dict = {}
    names: set[str] = set()
    for kind, obj in _sources(raw):
        source = _add_source(project, sources, kind, obj, by_source.get((kind, obj.pk), []), names)
        by_organisation.setdefault(obj.interview.organisation, []).append(source.get("guid"))
    _add_cases(project, cases, by_organisation)
    if not len(cases):
        project.root.remove(cases)  # the schema wants at least one case in <Cases>
    if not len(sources):
        project.root.remove(sources)
    if project.notes:
        ET.SubElement(project.root, _q("Notes")).extend(project.notes)
    return ET.tostring(project.root, encoding="utf-8", xml_declaration=True), project.files


def _by_source(excerpts: list[Excerpt]) -> dict[tuple[str, int], list[Excerpt]]:
    grouped: dict[tuple[str, int], list[Excerpt]] = {}
    for e in excerpts:
        key = ("transcript", e.transcript_id) if e.transcript_id else ("note", e.note_id)
        grouped.setdefault(key, []).append(e)
    return grouped


def _sources(raw) -> list[tuple[str, Transcript | NoteAnswer]]:
    related = ["interview__organisation", "interview__consent"]
    transcripts = Transcript.objects.filter(interview__in=raw).select_related(*related)
    notes = (
        NoteAnswer.objects.filter(interview__in=raw)
        .filter(~Q(text="") | Q(excerpts__isnull=False))  # an emptied note may hold codings
        .distinct()
        .select_related(*related, "question")
    )
    return [*(("transcript", t) for t in transcripts), *(("note", n) for n in notes)]


def _add_users(project: _Project, users) -> None:
    element = ET.SubElement(project.root, _q("Users"))
    seen = set()
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            name = _xml(person_name(user))
            ET.SubElement(element, _q("User"), {"guid": project.user_guid(user), "name": name})


def _add_codebook(project: _Project) -> None:
    codes = ET.SubElement(ET.SubElement(project.root, _q("CodeBook")), _q("Codes"))
    _add_theme_codes(project, codes)
    groups = [
        ("stance", _("Standpunt"), list(Stance.choices)),
        ("flag", _("Kenmerken"), [("surprising", _("Verrassend")), ("quotable", _("Citeerbaar"))]),
    ]
    for kind, name, choices in groups:
        group = ET.SubElement(
            codes, _q("Code"),
            {"guid": project.guid(kind, "all"), "name": str(name), "isCodable": "false"},
        )  # fmt: skip
        for value, label in choices:
            ET.SubElement(
                group, _q("Code"),
                {"guid": project.guid(kind, value), "name": str(label), "isCodable": "true"},
            )  # fmt: skip


def _add_theme_codes(project: _Project, parent) -> None:
    children: dict[int | None, list[Theme]] = {}
    for theme in Theme.objects.order_by("name"):
        children.setdefault(theme.parent_id, []).append(theme)

    def add(element, parent_id) -> None:
        for theme in children.get(parent_id, []):
            code = ET.SubElement(
                element, _q("Code"),
                {"guid": project.guid("theme", theme.pk), "name": _xml(theme.name),
                 "isCodable": "true", "color": theme.colour},
            )  # fmt: skip
            add(code, theme.pk)

    add(parent, None)


def _add_variables(project: _Project) -> None:
    element = ET.SubElement(project.root, _q("Variables"))
    for key, (name, kind) in VARIABLES.items():
        ET.SubElement(
            element, _q("Variable"),
            {"guid": project.guid("variable", key), "name": str(name()), "typeOfVariable": kind},
        )  # fmt: skip


def _add_values(project: _Project, element, values: dict) -> None:
    for key, value in values.items():
        if value is None:
            continue
        kind = VARIABLES[key][1]
        if kind == "Boolean":
            text = "true" if value else "false"
        elif kind == "Date":
            text = value.isoformat()
        else:
            text = _xml(value)
        holder = ET.SubElement(element, _q("VariableValue"))
        ET.SubElement(holder, _q("VariableRef"), {"targetGUID": project.guid("variable", key)})
        ET.SubElement(holder, _q(f"{kind}Value")).text = text


def _interview_values(interview: Interview) -> dict:
    consent = getattr(interview, "consent", None)
    return {
        "held_on": timezone.localtime(interview.held_at).date(),
        "mode": interview.get_mode_display(),
        "location": interview.location or None,
        "consent": consent.get_scope_display() if consent else _("niet geregistreerd"),
        "consent_given": consent.given if consent else None,
        "consent_withdrawn": consent.withdrawn_on if consent else None,
    }


def _source_name(kind: str, obj, names: set[str]) -> str:
    """Organisation, date, mode and interview number: two interviews never share a name."""
    interview = obj.interview
    held = f"{timezone.localtime(interview.held_at):%d-%m-%Y}, {interview.get_mode_display()}"
    what = _("transcript") if kind == "transcript" else (obj.question or _("Vrije notities"))
    prefix = _xml(f"{interview.organisation} – {held} (interview {interview.pk}) – ")
    name = prefix + _xml(what)[: max(200 - len(prefix), 20)]
    unique, n = name, 1
    while unique in names:
        n += 1
        unique = f"{name} ({n})"
    names.add(unique)
    return unique


def _add_source(project: _Project, sources, kind: str, obj, excerpts, names) -> ET.Element:
    source_guid = project.guid(kind, obj.pk)
    project.files[f"sources/{source_guid}.txt"] = obj.text
    name = _source_name(kind, obj, names)
    source = ET.SubElement(
        sources, _q("TextSource"),
        {"guid": source_guid, "name": name, "plainTextPath": f"internal://{source_guid}.txt",
         "modifiedDateTime": _stamp(obj.updated_at)},
    )  # fmt: skip
    unplaced = []
    for excerpt in excerpts:
        span = _place(excerpt, obj.text)
        if span is None:
            unplaced.append(excerpt)
        else:
            _add_selection(project, source, excerpt, *span)
    for excerpt in unplaced:
        note_guid = _add_unplaced_note(project, excerpt, name)
        ET.SubElement(source, _q("NoteRef"), {"targetGUID": note_guid})
    _add_values(project, source, _interview_values(obj.interview))
    return source


def _place(excerpt: Excerpt, text: str) -> tuple[int, int] | None:
    """Where the excerpt stands in the source's text; for a flagged one, where its words
    still stand (nearest their old place), or None when they are gone."""
    if excerpt.anchor != Anchor.FLAGGED or text[excerpt.start : excerpt.end] == excerpt.text:
        return excerpt.start, excerpt.end
    try:
        return nearest_passage(text, excerpt.text, excerpt.start)
    except CodingError:
        return None


def _add_unplaced_note(project: _Project, excerpt: Excerpt, source_name: str) -> str:
    """A note holding the coded words of an excerpt no longer found in its source, coded as
    the excerpt was, so the coding is carried over and its loss is visible."""
    intro = _xml(
        _(
            "Dit gecodeerde fragment werd niet meer gevonden in de huidige tekst van "
            "“%(source)s”: die tekst werd gewijzigd na het coderen. Het gecodeerde fragment:"
        )
        % {"source": source_name}
    )
    words = _xml(excerpt.text)
    note_guid = project.guid("unplaced", excerpt.pk)
    note = ET.Element(
        _q("Note"),
        {"guid": note_guid, "name": str(_("Niet meer gevonden: %(text)s") % {"text": words[:60]})},
    )
    ET.SubElement(note, _q("PlainTextContent")).text = f"{intro}\n\n{words}"
    start = len(intro) + 2
    _add_selection(project, note, excerpt, start, start + len(words))
    project.notes.append(note)
    return note_guid


def _add_selection(project: _Project, source, excerpt: Excerpt, start: int, end: int) -> None:
    made = {"creationDateTime": _stamp(excerpt.created_at)}
    if excerpt.coder is not None:
        made["creatingUser"] = project.user_guid(excerpt.coder)
    selection = ET.SubElement(
        source, _q("PlainTextSelection"),
        {"guid": project.guid("excerpt", excerpt.pk), "name": _xml(excerpt.text)[:100],
         "startPosition": str(start), "endPosition": str(end), **made},
    )  # fmt: skip
    if excerpt.memo:
        ET.SubElement(selection, _q("Description")).text = _xml(excerpt.memo)
    targets = [project.guid("theme", t.pk) for t in excerpt.themes.all()]
    targets.append(project.guid("stance", excerpt.stance))
    targets += [project.guid("flag", f) for f in ("surprising", "quotable") if getattr(excerpt, f)]
    for n, target in enumerate(targets):
        coding = ET.SubElement(
            selection, _q("Coding"), {"guid": project.guid(f"coding-{excerpt.pk}", n), **made}
        )
        ET.SubElement(coding, _q("CodeRef"), {"targetGUID": target})


def _add_cases(project: _Project, cases, by_organisation: dict) -> None:
    for organisation, source_guids in by_organisation.items():
        case = ET.SubElement(
            cases, _q("Case"),
            {"guid": project.guid("organisation", organisation.pk), "name": _xml(organisation)},
        )  # fmt: skip
        ET.SubElement(case, _q("Description")).text = organisation.get_sector_display()
        _add_values(project, case, {"sector": organisation.get_sector_display()})
        for source_guid in source_guids:
            ET.SubElement(case, _q("SourceRef"), {"targetGUID": source_guid})


def qdpx_bytes(user) -> bytes:
    xml, files = project_xml(user)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for path, text in files.items():
            archive.writestr(path, text.encode("utf-8"))
    return out.getvalue()


def qdpx_response(user) -> HttpResponse:
    response = HttpResponse(qdpx_bytes(user), content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="atlasplan-interviews-{stamp}.qdpx"'
    return response
