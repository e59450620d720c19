"""The whole coded set as a REFI-QDA project (.qdpx), for QualCoder, NVivo, ATLAS.ti, MAXQDA.

Built from the sources the user may read raw (:func:`interviews.privacy.raw_interviews`).
"""

import io
import uuid
import zipfile
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from atlasplan.models import Theme
from interviews import privacy
from interviews.models import Excerpt, NoteAnswer, Stance, Transcript
from interviews.services import clean_text

QDA_NS = "urn:QDA-XML:project:1.0"
GUID_NS = uuid.UUID("6f1c2f0e-5b8a-4d7e-9a51-3c0e8f2b7a10")


def guid(kind: str, pk) -> str:
    return str(uuid.uuid5(GUID_NS, f"{kind}-{pk}"))


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (older data may still hold them)."""
    return clean_text(str(text))


def _q(tag: str) -> str:
    return f"{{{QDA_NS}}}{tag}"


def project_xml(user) -> tuple[bytes, dict[str, str]]:
    """``project.qde`` and the plain-text sources ({path in the zip: text})."""
    ET.register_namespace("", QDA_NS)
    raw = privacy.raw_interviews(user)
    project = ET.Element(
        _q("Project"),
        {"name": "AtlasPlan interviews", "origin": "AtlasPlan",
         "creationDateTime": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")},
    )  # fmt: skip
    users = ET.SubElement(project, _q("Users"))
    ET.SubElement(users, _q("User"), {"guid": guid("user", user.pk), "name": user.get_username()})
    codes = ET.SubElement(ET.SubElement(project, _q("CodeBook")), _q("Codes"))
    _add_theme_codes(codes)
    stances = ET.SubElement(
        codes,
        _q("Code"),
        {"guid": guid("stance", "all"), "name": str(_("Standpunt")), "isCodable": "false"},
    )
    for value, label in Stance.choices:
        ET.SubElement(
            stances,
            _q("Code"),
            {"guid": guid("stance", value), "name": str(label), "isCodable": "true"},
        )
    cases = ET.SubElement(project, _q("Cases"))  # one per organisation: its sources
    sources = ET.SubElement(project, _q("Sources"))
    files: dict[str, str] = {}
    by_organisation: dict = {}
    transcripts = Transcript.objects.filter(interview__in=raw).select_related(
        "interview__organisation"
    )
    notes = (
        NoteAnswer.objects.filter(interview__in=raw)
        .exclude(text="")
        .select_related("interview__organisation", "question")
    )
    excerpts = (
        Excerpt.objects.filter(interview__in=raw)
        .exclude(anchor="flagged")
        .prefetch_related("themes")
    )
    by_source: dict[tuple[str, int], list[Excerpt]] = {}
    for excerpt in excerpts:
        key = (
            ("transcript", excerpt.transcript_id)
            if excerpt.transcript_id
            else ("note", excerpt.note_id)
        )
        by_source.setdefault(key, []).append(excerpt)
    for kind, obj, name in [
        *(("transcript", t, f"{t.interview.organisation} – transcript") for t in transcripts),
        *(
            ("note", n, f"{n.interview.organisation} – {n.question or _('Vrije notities')}")
            for n in notes
        ),
    ]:
        source_guid = guid(kind, obj.pk)
        by_organisation.setdefault(obj.interview.organisation, []).append(source_guid)
        files[f"sources/{source_guid}.txt"] = obj.text
        source = ET.SubElement(
            sources, _q("TextSource"),
            {"guid": source_guid, "name": _xml(name)[:200], "plainTextPath": f"internal://{source_guid}.txt"},
        )  # fmt: skip
        for excerpt in by_source.get((kind, obj.pk), []):
            _add_selection(source, excerpt, user)
    for organisation, source_guids in by_organisation.items():
        case = ET.SubElement(
            cases,
            _q("Case"),
            {"guid": guid("organisation", organisation.pk), "name": _xml(organisation)},
        )
        ET.SubElement(case, _q("Description")).text = organisation.get_sector_display()
        for source_guid in source_guids:
            ET.SubElement(case, _q("SourceRef"), {"targetGUID": source_guid})
    if not len(cases):
        project.remove(cases)  # the schema wants at least one case in <Cases>
    if not len(sources):
        project.remove(sources)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True), files


def _add_theme_codes(parent) -> None:
    themes = list(Theme.objects.order_by("name"))
    children: dict[int | None, list[Theme]] = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)

    def add(element, parent_id) -> None:
        for theme in children.get(parent_id, []):
            code = ET.SubElement(
                element, _q("Code"),
                {"guid": guid("theme", theme.pk), "name": _xml(theme.name), "isCodable": "true", "color": theme.colour},
            )  # fmt: skip
            add(code, theme.pk)

    add(parent, None)


def _add_selection(source, excerpt: Excerpt, user) -> None:
    selection = ET.SubElement(
        source, _q("PlainTextSelection"),
        {"guid": guid("excerpt", excerpt.pk), "name": _xml(excerpt.text)[:100],
         "startPosition": str(excerpt.start), "endPosition": str(excerpt.end),
         "creatingUser": guid("user", user.pk)},
    )  # fmt: skip
    if excerpt.memo:
        ET.SubElement(selection, _q("Description")).text = _xml(excerpt.memo)
    targets = [guid("theme", t.pk) for t in excerpt.themes.all()] + [guid("stance", excerpt.stance)]
    for n, target in enumerate(targets):
        coding = ET.SubElement(
            selection,
            _q("Coding"),
            {"guid": guid(f"coding-{excerpt.pk}", n), "creatingUser": guid("user", user.pk)},
        )
        ET.SubElement(coding, _q("CodeRef"), {"targetGUID": target})


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
