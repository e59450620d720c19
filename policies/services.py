"""Writes to the library that touch a file and several rows."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from atlasplan.models import Theme
from atlasplan.uploads import Inspected
from policies.forms import title_from_filename
from policies.models import DocumentPage, Extraction, Passage, PolicyDocument
from policies.pages import normalise, split_pages


def apply_inspection(document: PolicyDocument, upload, inspected: Inspected) -> None:
    """Copy what was read from an accepted upload onto the document (not yet saved)."""
    document.original_filename = upload.name[:255]
    document.extracted_text = inspected.text
    document.page_count = inspected.pages
    document.extraction = Extraction.TEXT if inspected.text.strip() else Extraction.NO_TEXT


def save_document(
    document: PolicyDocument,
    user: AbstractBaseUser,
    *,
    themes: Iterable[Theme] | None = None,
    new_file: tuple[UploadedFile, Inspected] | None = None,
) -> PolicyDocument:
    """Save a document (with its themes, when given); a new file's text replaces the old
    one, and a document without a file keeps no text of one."""
    if new_file is not None:
        apply_inspection(document, *new_file)
    elif not document.file:
        document.original_filename, document.extracted_text = "", ""
        document.page_count, document.extraction = None, Extraction.NO_FILE
    if document.pk is None:
        document.added_by = user
    previous = PolicyDocument.objects.filter(pk=document.pk).values_list("file", flat=True).first()
    with _files_removed_on_failure([document] if new_file else []):
        document.save()
        if themes is not None:
            document.themes.set(themes)
        if new_file is not None or not document.file:
            store_pages(document)
    if previous and previous != document.file.name:  # replaced or cleared: no orphan in media
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(previous))
    return document


def create_from_uploads(
    files: Iterable[tuple[UploadedFile, Inspected]],
    user: AbstractBaseUser,
    *,
    organisation: str,
    level: str,
    kind: str,
    year: int | None,
    themes: Iterable[Theme],
) -> list[PolicyDocument]:
    """One document per accepted upload (with what was read from it), all or none."""
    documents = []
    with _files_removed_on_failure(documents):
        for upload, inspected in files:
            document = PolicyDocument(
                title=title_from_filename(upload.name),
                organisation=organisation,
                level=level,
                kind=kind,
                year=year,
                added_by=user,
            )
            apply_inspection(document, upload, inspected)
            document.file.save(upload.name, upload, save=False)
            documents.append(document)
            document.save()
            document.themes.set(themes)
            store_pages(document)
    return documents


def store_pages(document: PolicyDocument) -> int:
    """Replace the document's pages with its extracted text, page by page; their count."""
    texts = split_pages(document.extracted_text, paged=document.has_real_pages)
    if not "".join(texts).strip():
        texts = []
    with transaction.atomic():
        DocumentPage.objects.filter(document=document).delete()
        DocumentPage.objects.bulk_create(
            DocumentPage(document=document, number=number, text=text)
            for number, text in enumerate(texts, start=1)
        )
    return len(texts)


class PassageError(ValueError):
    """A selected passage cannot be kept; the message is meant for the user."""


def tag_passage(
    document: PolicyDocument,
    page: DocumentPage,
    quote: str,
    user: AbstractBaseUser,
    *,
    themes: Iterable[Theme],
    note: str = "",
) -> tuple[Passage, bool]:
    """Keep text selected on a page as a key passage: ``(passage, created)``.

    The same text on the same page kept again (a second click, a colleague at the same
    moment) is not doubled: its themes are added to the passage already there, and a new
    note is appended, so nothing either person chose is lost.
    """
    themes = list(themes)
    with transaction.atomic():
        # Lock the document row: two adds of the same text serialise here (not on SQLite,
        # which serialises every write anyway).
        PolicyDocument.objects.select_for_update().filter(pk=document.pk).first()
        passage = (
            Passage.objects.filter(document=document, page=page.number, quote=quote)
            .order_by("pk")
            .first()
        )
        created = passage is None
        if created:
            passage = Passage.objects.create(
                document=document, page=page.number, quote=quote, note=note, added_by=user
            )
        elif note and normalise(note) not in normalise(passage.note):
            passage.note = f"{passage.note}\n\n{note}".strip()
            passage.save(update_fields=["note"])
        passage.themes.add(*themes)
    return passage, created


@contextmanager
def _files_removed_on_failure(documents: list[PolicyDocument]) -> Iterator[None]:
    """A transaction that also deletes the files it stored when it rolls back."""
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for document in documents:
            if document.file and document.file.name:
                document.file.storage.delete(document.file.name)
        raise
