"""The one contact picker: a chosen organisation's contacts, each labelled with it.

Used by every form that picks people of one organisation (an interview's interviewees, a
shortlist proposal's contact). The list follows the organisation chosen in the same form:
htmx posts the form with ``REFRESH`` when the organisation changes and swaps in the new
list; without JavaScript a button in ``<noscript>`` does the same post. The server still
refuses a contact of another organisation (each form's ``clean``).
"""

from django import forms
from django.forms.utils import ErrorDict
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from atlasplan.ids import parse_pk
from stakeholders.models import Contact

REFRESH = "refresh_contacts"


def contact_label(contact: Contact) -> str:
    """ "Sara Haddad, coördinator (Vzw Kompas)": who, and at which organisation."""
    who = f"{contact.name}, {contact.function}" if contact.function else contact.name
    return f"{who} ({contact.organisation.name})"


def chosen_organisation(form: forms.BaseForm, field: str = "organisation") -> int | None:
    """The organisation the form is about: as posted, else as given, else as stored."""
    value = form.data.get(form.add_prefix(field)) if form.is_bound else None
    value = value or form.initial.get(field)
    value = value or getattr(getattr(form, "instance", None), f"{field}_id", None)
    return parse_pk(getattr(value, "pk", value))


def offer_contacts(
    form: forms.BaseForm, field: str, organisation_field: str = "organisation"
) -> None:
    """Offer only the chosen organisation's contacts (none before one is chosen)."""
    organisation = chosen_organisation(form, organisation_field)
    contacts = Contact.objects.select_related("organisation").order_by("name", "pk")
    if organisation is None:
        contacts = contacts.none()
    else:
        contacts = contacts.filter(organisation_id=organisation)
    picker = form.fields[field]
    picker.queryset = contacts
    picker.label_from_instance = contact_label
    # A contact of another organisation is not among the choices: say so plainly.
    refused = _("Kies enkel contactpersonen van de gekozen organisatie.")
    picker.error_messages = {**picker.error_messages, "invalid_choice": refused}
    form.fields[organisation_field].widget.attrs.update(
        {  # choosing another organisation refreshes the list of its contacts
            "hx-post": "",
            "hx-trigger": "change",
            "hx-include": "closest form",
            "hx-vals": f'{{"{REFRESH}": "1"}}',
            "hx-target": f"#div_id_{field}",
            "hx-select": f"#div_id_{field}",
            "hx-swap": "outerHTML",
        }
    )


def is_refresh(request: HttpRequest) -> bool:
    """True for a post that only asks for the chosen organisation's contacts."""
    return request.method == "POST" and REFRESH in request.POST


def shown_again(form: forms.BaseForm) -> forms.BaseForm:
    """A posted form shown again with what was typed, not judged yet (no errors)."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    return form
