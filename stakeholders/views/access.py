from django.db.models import (
    Case,
    CharField,
    TextChoices,
    Value,
    When,
)
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from atlasplan.permissions import require
from stakeholders.models import (
    Contact,
    Interaction,
    Organisation,
    ShortlistEntry,
)

VIEW, CHANGE = "stakeholders.view", "stakeholders.change"
CONTACTS = "stakeholders.view_contacts"


# --- Access helpers: 403 for a role that may not open the step, 404 for what is not there ---


def get_organisation_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Organisation:
    require(request.user, VIEW)
    queryset = Organisation.objects.with_latest_assessment()
    organisation = get_object_or_404(queryset, pk=pk)
    require(request.user, action, organisation)
    return organisation


def get_contact_for_user(request: HttpRequest, pk: int, action: str = CONTACTS) -> Contact:
    require(request.user, CONTACTS)
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)
    require(request.user, action, contact)
    return contact


def get_interaction_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Interaction:
    require(request.user, VIEW)
    interaction = get_object_or_404(Interaction.objects.select_related("organisation"), pk=pk)
    require(request.user, action, interaction)
    return interaction


def get_entry_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> ShortlistEntry:
    require(request.user, VIEW)
    queryset = ShortlistEntry.objects.select_related("organisation", "contact", "decided_by")
    entry = get_object_or_404(queryset, pk=pk)
    require(request.user, action, entry)
    return entry


def register_crumb() -> tuple[str, str]:
    return (reverse("stakeholders:organisation_list"), _("Stakeholders"))


def choice_label(field: str, choices: type[TextChoices]) -> Case:
    """The choice's label in the current language, so a list sorts as the user reads it."""
    whens = [When(**{field: value}, then=Value(str(label))) for value, label in choices.choices]
    return Case(*whens, default=Value(""), output_field=CharField())
