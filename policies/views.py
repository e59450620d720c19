from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.chips import theme_chips
from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.models import Theme
from atlasplan.permissions import can, require
from policies import exports
from policies.filters import PolicyDocumentFilter
from policies.forms import PassageForm, PassageTagForm, PolicyDocumentForm, UploadForm
from policies.models import Level, Passage, PolicyDocument
from policies.pages import marked
from policies.search import search, snippets
from policies.services import create_from_uploads, save_document, tag_passage

SORTS = {
    "title": "title",
    "year": "year",
    "level": "level",
    "relevance": "relevance",
    "added": "created_at",
}


def document_queryset() -> QuerySet:
    """The list's base queryset: themes and passage counts without a query per row."""
    return PolicyDocument.objects.annotate(
        passage_count=Count("passages", distinct=True)
    ).prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))


def get_document_for_user(
    request: HttpRequest, pk: int, action: str = "policies.view", *, deferred: bool = False
):
    """The document, 404 when the user may not read the library, 403 when they may read it
    but not do ``action``. ``deferred``: without the long extracted text (a page to read)."""
    require(request.user, "policies.view")
    documents = PolicyDocument.objects.select_related("added_by")
    if deferred:
        documents = documents.defer("extracted_text", "search")
    document = get_object_or_404(documents, pk=pk)
    require(request.user, action, document)
    return document


def get_passage_for_user(request: HttpRequest, document_pk: int, pk: int, action: str):
    document = get_document_for_user(request, document_pk)
    passage = get_object_or_404(document.passages.select_related("document"), pk=pk)
    require(request.user, action, passage)
    return passage


@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "policies.view")
    filterset = PolicyDocumentFilter(request.GET, queryset=document_queryset())
    documents = filterset.qs
    text = (filterset.form.cleaned_data.get("q") or "").strip() if filterset.is_valid() else ""
    if text:
        documents = search(documents, text)
        documents, sort = sort_by(request, documents, {**SORTS, "rank": "rank"}, default="-rank")
    else:
        documents, sort = sort_by(request, documents, SORTS, default="-year")
    page = paginate(request, documents)
    found = snippets(page.object_list, text) if text else {}
    for document in page.object_list:
        document.snippet = found.get(document.pk, "")
    context = {
        "filterset": filterset,
        "page_obj": page,
        "sort": sort,
        "search_text": text,
        "filtered": any(value for key, value in request.GET.items() if key not in {"page", "sort"}),
    }
    return render_list(request, "policies/policydocument_list.html", context)


@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, deferred=True)
    number = parse_pk(request.GET.get("page")) or 1
    return render(
        request, "policies/policydocument_detail.html", _detail_context(request, document, number)
    )


def _detail_context(
    request: HttpRequest, document: PolicyDocument, number: int, form: PassageTagForm | None = None
) -> dict:
    """The document page: its facts, one page of its text with the passages marked on it,
    the list of passages and, for who may add them, the tag panel."""
    pages = document.pages.count()
    number = min(max(number, 1), pages or 1)
    page = document.pages.filter(number=number).first()
    passages = list(
        document.passages.prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("name"))
        ).select_related("added_by")
    )
    may_add = can(request.user, "policies.add")
    chosen = {parse_pk(value) for value in form["themes"].value() or []} if form else set()
    return {
        "document": document,
        "themes": document.themes.select_related("parent"),
        "passages": passages,
        "page": page,
        "page_count": pages,
        "page_html": marked(page.text, [p for p in passages if p.page == number]) if page else "",
        "may_add": may_add,
        "form": form or PassageTagForm(document=document, initial={"page": number}),
        "chips": theme_chips(chosen) if may_add else None,
    }


def document_values(form: PolicyDocumentForm) -> dict:
    """What the document services need from the form, besides the document itself."""
    upload = form.cleaned_data.get("file")
    new_file = (upload, form.inspected) if form.inspected is not None else None
    return {"themes": form.cleaned_data["themes"], "new_file": new_file}


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "policies.add")
    form = PolicyDocumentForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        document = save_document(form.save(commit=False), request.user, **document_values(form))
        messages.success(
            request, _("“%(title)s” is toegevoegd aan de bibliotheek.") % {"title": document}
        )
        return redirect(document)
    return render(request, "policies/policydocument_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def document_update(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "policies.change")
    form = PolicyDocumentForm(request.POST or None, request.FILES or None, instance=document)
    if form.is_valid():
        save_document(form.save(commit=False), request.user, **document_values(form))
        messages.success(request, _("“%(title)s” is opgeslagen.") % {"title": document})
        return redirect(document)
    context = {"form": form, "document": document}
    return render(request, "policies/policydocument_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    require(request.user, "policies.add")
    form = UploadForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        values = {
            k: form.cleaned_data[k] for k in ["organisation", "level", "kind", "year", "themes"]
        }
        documents = create_from_uploads(form.inspected, request.user, **values)
        messages.success(
            request,
            ngettext(
                "%(count)d document is toegevoegd. Vul titel en samenvatting aan waar nodig.",
                "%(count)d documenten zijn toegevoegd. Vul titels en samenvattingen aan waar nodig.",
                len(documents),
            )
            % {"count": len(documents)},
        )
        return redirect(f"{reverse('policies:document_list')}?sort=-added")
    context = {"form": form, "max_size": settings.MAX_UPLOAD_SIZE}
    return render(request, "policies/policydocument_upload.html", context)


@require_http_methods(["GET", "POST"])
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "policies.delete")
    if request.method == "POST":
        document.delete()
        messages.success(request, _("“%(title)s” is verwijderd.") % {"title": document})
        return redirect("policies:document_list")
    return render(request, "policies/policydocument_confirm_delete.html", {"document": document})


@require_GET
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    """The uploaded file, only through this access check (media is never public)."""
    document = get_document_for_user(request, pk)
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    filename = document.original_filename or document.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=filename)


@require_GET
def document_history(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk)
    crumbs = [(reverse("policies:document_list"), _("1 Deskresearch"))]
    return render_history(request, document, parents=crumbs)


@require_http_methods(["GET", "POST"])
def passage_create(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "policies.add")
    form = PassageForm(request.POST or None, document=document)
    if form.is_valid():
        passage = form.save(commit=False)
        passage.document, passage.added_by = document, request.user
        passage.save()
        form.save_m2m()
        messages.success(request, _("De passage is toegevoegd."))
        return redirect(f"{document.get_absolute_url()}#passage-{passage.pk}")
    return render(request, "policies/passage_form.html", {"form": form, "document": document})


@require_POST
def passage_tag(request: HttpRequest, pk: int) -> HttpResponse:
    """Text selected on a page of the document becomes a key passage (the tag panel).

    From the page's script (htmx) it answers with the parts that changed (the page's text
    with its marks, the list of passages, a quiet message) or with the form's errors (400);
    without the script it redirects back to the page, or shows the page with the errors.
    """
    document = get_document_for_user(request, pk, "policies.add", deferred=True)
    form = PassageTagForm(request.POST, document=document)
    if not form.is_valid():
        if request.htmx:
            return render(
                request,
                "policies/policydocument_detail.html#tag-errors",
                {"form": form},
                status=400,
            )
        number = form.page_obj.number if form.page_obj else 1
        context = _detail_context(request, document, number, form)
        return render(request, "policies/policydocument_detail.html", context, status=400)
    data = form.cleaned_data
    passage, created = tag_passage(
        document,
        form.page_obj,
        data["quote"],
        request.user,
        themes=data["themes"],
        note=data["note"],
    )
    message = (
        _("De kernpassage is toegevoegd.")
        if created
        else _("Deze passage was al gemarkeerd: de thema's en de notitie zijn erbij gezet.")
    )
    if request.htmx:
        context = _detail_context(request, document, passage.page)
        context.update({"message": message, "new_passage": passage})
        return render(request, "policies/includes/passages_live.html", context)
    messages.success(request, message)
    return redirect(f"{document.get_absolute_url()}?page={passage.page}#passage-{passage.pk}")


@require_http_methods(["GET", "POST"])
def passage_update(request: HttpRequest, pk: int, passage_pk: int) -> HttpResponse:
    passage = get_passage_for_user(request, pk, passage_pk, "policies.change_passage")
    form = PassageForm(request.POST or None, instance=passage, document=passage.document)
    if form.is_valid():
        form.save()
        messages.success(request, _("De passage is opgeslagen."))
        return redirect(f"{passage.document.get_absolute_url()}#passage-{passage.pk}")
    context = {"form": form, "document": passage.document, "passage": passage}
    return render(request, "policies/passage_form.html", context)


@require_http_methods(["GET", "POST"])
def passage_delete(request: HttpRequest, pk: int, passage_pk: int) -> HttpResponse:
    passage = get_passage_for_user(request, pk, passage_pk, "policies.change_passage")
    if request.method == "POST":
        passage.delete()
        messages.success(request, _("De passage is verwijderd."))
        return redirect(passage.document)
    return render(request, "policies/passage_confirm_delete.html", {"passage": passage})


@require_GET
def policy_map(request: HttpRequest) -> HttpResponse:
    """Beleidskaders in kaart: documents per level and theme."""
    require(request.user, "policies.view")
    through = PolicyDocument.themes.through
    counts = {
        (row["policydocument__level"], row["theme_id"]): row["n"]
        for row in through.objects.values("policydocument__level", "theme_id").annotate(
            n=Count("policydocument_id", distinct=True)
        )
    }
    level_totals = dict(
        PolicyDocument.objects.values_list("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    themes = Theme.objects.select_related("parent").tree()
    rows = [
        {
            "level": level,
            "label": label,
            "total": level_totals.get(level, 0),
            "cells": [(theme, counts.get((level, theme.pk), 0)) for theme, _depth in themes],
        }
        for level, label in Level.choices
    ]
    context = {"themes": themes, "rows": rows, "max": max(counts.values(), default=0)}
    return render(request, "policies/policy_map.html", context)


@require_GET
def document_export(request: HttpRequest, fmt: str) -> HttpResponse:
    require(request.user, "policies.export")
    if fmt not in exports.FORMATS:
        raise Http404
    filterset = PolicyDocumentFilter(request.GET, queryset=document_queryset())
    documents = filterset.qs.prefetch_related(
        Prefetch("passages", queryset=Passage.objects.order_by("page", "pk"))
    )
    return exports.export_response(documents, fmt)
