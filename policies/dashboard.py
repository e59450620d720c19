from dataclasses import replace

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.permissions import can
from atlasplan.steps import Card, Progress
from policies.models import Passage, PolicyDocument, ReadingStatus


def card(request: HttpRequest) -> Card:
    """Step 1 on the dashboard: how far the library is, and what to do next."""
    totals = PolicyDocument.objects.aggregate(
        documents=Count("pk"), to_read=Count("pk", filter=Q(status=ReadingStatus.TO_READ))
    )
    passages = Passage.objects.count()
    documents, to_read = totals["documents"], totals["to_read"]
    state = ngettext(
        "%(documents)d document, %(passages)d kernpassages",
        "%(documents)d documenten, %(passages)d kernpassages",
        documents,
    ) % {"documents": documents, "passages": passages}
    url = reverse("policies:document_list")
    card = _card(request, state, documents, to_read, url)
    return replace(card, progress=_progress(documents, to_read, passages))


def _progress(documents: int, to_read: int, passages: int) -> str:
    if not documents:
        return Progress.NOT_STARTED
    return Progress.DONE if not to_read and passages else Progress.STARTED


def _card(request: HttpRequest, state: str, documents: int, to_read: int, url: str) -> Card:
    if not documents:
        if can(request.user, "policies.add"):
            return Card(
                state,
                _("Voeg het eerste beleidsdocument toe"),
                reverse("policies:document_create"),
                documents,
            )
        return Card(state, _("Nog niets te lezen"), None, documents)
    if to_read:
        action = ngettext(
            "%(count)d document wacht om gelezen te worden",
            "%(count)d documenten wachten om gelezen te worden",
            to_read,
        ) % {"count": to_read}
        return Card(state, action, f"{url}?status={ReadingStatus.TO_READ}", documents)
    return Card(
        state, _("Bekijk de beleidskaders in kaart"), reverse("policies:policy_map"), documents
    )
