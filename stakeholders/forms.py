from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout, Submit
from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import StaleSaveMixin
from atlasplan.forms import DateInput, WebAddressField
from atlasplan.uploads import Kind, UploadRejected, inspect_upload
from stakeholders.models import (
    Assessment,
    Contact,
    Decision,
    Interaction,
    Organisation,
    Shortlist,
    ShortlistEntry,
)
from stakeholders.pickers import offer_contacts
from stakeholders.similarity import similar_names


def _helper(*fields, submit: str | None = None) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.render_hidden_fields = True  # the stale-save stamp, outside the layout
    helper.add_input(Submit("submit", submit or _("Opslaan")))
    return helper


def _squash(text: str) -> str:
    return " ".join(text.split())


class OrganisationForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("name", "website", "description")

    confirm_similar = forms.BooleanField(
        label=_("Ja, dit is een andere organisatie dan de gelijkaardige namen hierboven"),
        required=False,
    )

    class Meta:
        model = Organisation
        fields = ["name", "sector", "scope", "website", "description"]
        field_classes = {"website": WebAddressField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "scope": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.similar: list[str] = []
        name_field = Field(
            "name",
            autofocus=True,
            autocomplete="off",
            hx_get=reverse_lazy("stakeholders:organisation_similar"),
            hx_trigger="input changed delay:400ms",
            hx_target="#similar-names",
            hx_vals=f'{{"exclude": "{self.instance.pk or ""}"}}',
        )
        fields = [name_field, HTML('<div id="similar-names" aria-live="polite"></div>')]
        self.helper = _helper(*fields, "sector", "scope", "website", "description")

    def clean_name(self) -> str:
        name = _squash(self.cleaned_data["name"])
        clash = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Er bestaat al een organisatie met deze naam."))
        self.similar = similar_names(name, exclude_pk=self.instance.pk)
        return name

    def clean(self):
        cleaned = super().clean()
        if self.similar and not cleaned.get("confirm_similar"):
            self.helper.layout.append(Field("confirm_similar"))
            raise forms.ValidationError(
                _("Deze naam lijkt op: %(names)s. Gaat het om een andere organisatie?")
                % {"names": ", ".join(self.similar)}
            )
        return cleaned


class ContactForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("name", "function", "email", "phone", "notes")

    class Meta:
        model = Contact
        fields = ["name", "function", "email", "phone", "language", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.helper = _helper(
            Field("name", autofocus=True), "function", "email", "phone", "language", "notes"
        )

    def clean_name(self) -> str:
        name = _squash(self.cleaned_data["name"])
        clash = self.instance.organisation.contacts.filter(name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Deze organisatie heeft al een contactpersoon met deze naam.")
            )
        return name


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["assessed_on", "influence", "interest", "attitude", "rationale"]
        widgets = {
            "assessed_on": DateInput(),
            "influence": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "interest": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "influence": _("1 (weinig) tot 5 (veel): hoeveel weegt deze partij op het plan?"),
            "interest": _("1 (weinig) tot 5 (veel): hoe sterk raakt het plan deze partij?"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "assessed_on", Field("influence", autofocus=True), "interest", "attitude", "rationale"
        )

    def clean_assessed_on(self):
        assessed_on = self.cleaned_data["assessed_on"]
        if assessed_on > timezone.localdate():
            raise forms.ValidationError(_("Een beoordeling kan niet in de toekomst liggen."))
        return assessed_on


class InteractionForm(forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["date", "kind", "summary", "follow_up", "follow_up_due", "follow_up_done"]
        widgets = {
            "date": DateInput(),
            "follow_up_due": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"follow_up": _("Wat moet er nog gebeuren? Laat leeg als er niets volgt.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "date",
            "kind",
            Field("summary", autofocus=True),
            "follow_up",
            "follow_up_due",
            "follow_up_done",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_due") and not cleaned.get("follow_up", "").strip():
            self.add_error("follow_up", _("Beschrijf de opvolging waarvoor u een datum geeft."))
        return cleaned


class ShortlistEntryForm(forms.ModelForm):
    class Meta:
        model = ShortlistEntry
        fields = ["organisation", "contact", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "rationale": _("Waarom is deze stakeholder cruciaal voor een diepte-interview?")
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        taken = ShortlistEntry.objects.exclude(pk=self.instance.pk).values("organisation")
        self.fields["organisation"].queryset = Organisation.objects.exclude(pk__in=taken)
        offer_contacts(self, "contact")  # only the chosen organisation's people
        self.helper = _helper(
            Field("organisation", autofocus=True),
            HTML('{% include "stakeholders/includes/refresh_contacts.html" %}'),
            "contact",
            "rationale",
        )

    def clean(self):
        cleaned = super().clean()
        organisation, contact = cleaned.get("organisation"), cleaned.get("contact")
        if organisation and contact and contact.organisation_id != organisation.pk:
            self.add_error("contact", _("Kies een contactpersoon van deze organisatie."))
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Beslissing"),
        choices=[(Decision.APPROVED, _("Goedkeuren")), (Decision.REJECTED, _("Afwijzen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij een afwijzing."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper("decision", "reason", submit=_("Beslissing opslaan"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Geef een reden voor de afwijzing."))
        return cleaned


class ShortlistForm(forms.ModelForm):
    class Meta:
        model = Shortlist
        fields = ["target_size"]
        widgets = {"target_size": forms.NumberInput(attrs={"min": 1, "max": 50})}
        help_texts = {"target_size": _("Hoeveel stakeholders wilt u interviewen? Meestal 7.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper("target_size")


class ImportForm(forms.Form):
    ORGANISATIONS, CONTACTS = "organisations", "contacts"
    kind = forms.ChoiceField(
        label=_("Wat importeert u?"),
        choices=[(ORGANISATIONS, _("Organisaties")), (CONTACTS, _("Contactpersonen"))],
        widget=forms.RadioSelect,
        initial=ORGANISATIONS,
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("Een Excel-bestand (.xlsx) of een CSV-bestand (.csv), met een kopregel."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx,.csv"
        self.helper = _helper("kind", "file", submit=_("Voorbeeld tonen"))

    def clean_file(self):
        """A spreadsheet by its content, not only its name: a renamed program or a zip bomb
        posing as a workbook is refused before anything is read or kept."""
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Kies een .xlsx- of .csv-bestand."))
        try:
            inspect_upload(upload, {Kind.XLSX, Kind.CSV})
        except UploadRejected as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class ForgetContactForm(forms.Form):
    """Forgetting cannot be undone: the user confirms it explicitly."""

    confirm = forms.BooleanField(
        label=_(
            "Ik bevestig dat deze persoon gevraagd heeft om vergeten te worden; dit kan niet "
            "ongedaan gemaakt worden."
        ),
        error_messages={"required": _("Bevestig eerst dat u deze persoon wil laten vergeten.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper("confirm", submit=_("Persoonsgegevens wissen"))
        self.helper.inputs[0].field_classes = "btn btn-danger"
