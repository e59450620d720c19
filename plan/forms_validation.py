"""Step 6 forms: a round, its invitees, a response (per ambition too) and an answer link."""

import datetime

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atlasplan.forms import DateInput, IdChoiceField, IdMultipleChoiceField, ThemeChoiceField
from interviews.models import ConsentScope
from plan.models import (
    Endorsement,
    Invitee,
    InviteeState,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from stakeholders.filters import StyledFilterSet
from stakeholders.models import Contact, Organisation, Scope
from stakeholders.pickers import contact_label

DATE = DateInput()


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.add_input(Submit("submit", _("Opslaan")))
    return helper


class RoundFilter(StyledFilterSet):
    OPEN, CLOSED = "open", "closed"

    q = django_filters.CharFilter(label=_("Zoeken op titel"), field_name="title", method="search")
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OPEN, _("open")), (CLOSED, _("afgesloten"))],
        empty_label=_("Open en afgesloten"),
        method="by_state",
    )

    def search(self, queryset, name, value):
        return queryset.filter(title__icontains=value.strip())

    def by_state(self, queryset, name, value):
        return queryset.filter(closed_at__isnull=value == self.OPEN)


class InviteeFilter(StyledFilterSet):
    """A round's invitees: search by organisation name, filter by state."""

    q = django_filters.CharFilter(label=_("Zoeken op organisatie"), method="search")
    state = django_filters.ChoiceFilter(
        label=_("Status"), choices=InviteeState.choices, empty_label=_("Alle statussen")
    )

    def search(self, queryset, name, value):
        return queryset.filter(organisation__name__icontains=value.strip())


class RoundForm(forms.ModelForm):
    version = IdChoiceField(
        label=_("Visieversie"),
        queryset=VisionVersion.objects.order_by("-number"),
        # Django's own "- Select an option -" has no Dutch translation yet.
        empty_label=_("— kies een versie —"),
        help_text=_("Een ronde toetst één versie af; een vastgestelde versie kan niet meer."),
    )

    class Meta:
        model = ValidationRound
        fields = ["version", "title", "opens_on", "closes_on"]
        widgets = {"opens_on": DATE, "closes_on": DATE}
        help_texts = {"closes_on": _("Online antwoorden kan tot en met deze dag.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a round stays with its version: its answers are about that text
            del self.fields["version"]
        else:
            self.fields["version"].queryset = VisionVersion.objects.exclude(
                state=VisionState.ADOPTED
            ).order_by("-number")
        names = ["version", "title", "opens_on", "closes_on"]
        self.helper = _helper(*[n for n in names if n in self.fields])

    def clean_version(self) -> VisionVersion:
        version = self.cleaned_data["version"]
        if version.state == VisionState.ADOPTED:
            raise forms.ValidationError(
                _("Versie %(number)s is vastgesteld: een aftoetsingsronde kan niet meer."),
                params={"number": version.number},
            )
        return version


class InviteeAddForm(forms.Form):
    organisation = IdChoiceField(
        label=_("Organisatie uit het register"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, round_: ValidationRound, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            validation_invitations__round=round_
        ).order_by("name")
        self.fields["organisation"].label_from_instance = _organisation_label
        self.fields["organisation"].widget.attrs["class"] = "form-select"
        self.fields["organisation"].empty_label = _("— kies een organisatie —")
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Kies een organisatie uit het register die nog niet uitgenodigd is."
        )


def _organisation_label(organisation: Organisation) -> str:
    # Scope(...).label, not get_scope_display(): the list offers the whole register.
    return f"{organisation.name} ({str(Scope(organisation.scope).label).lower()})"


class InviteeForm(forms.ModelForm):
    contacts = IdMultipleChoiceField(
        label=_("Contactpersonen"),
        queryset=Contact.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Invitee
        fields = ["contacts", "way", "state", "invited_on", "reminded_on", "answered_on"]
        widgets = {"invited_on": DATE, "reminded_on": DATE, "answered_on": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.instance.organisation
        # Only this organisation's contacts are offered; others are refused in clean.
        self.fields["contacts"].choices = [
            (c.pk, contact_label(c)) for c in organisation.contacts.select_related("organisation")
        ]
        self.helper = _helper(*self.Meta.fields)

    def clean_contacts(self):
        contacts = self.cleaned_data["contacts"]
        foreign = [c for c in contacts if c.organisation_id != self.instance.organisation_id]
        if foreign:
            raise forms.ValidationError(
                _(
                    "%(names)s hoort niet bij %(organisation)s. Kies enkel contactpersonen "
                    "van deze organisatie."
                ),
                params={
                    "names": ", ".join(c.name for c in foreign),
                    "organisation": self.instance.organisation,
                },
            )
        return contacts

    def clean(self):
        data = super().clean()
        invited, reminded = data.get("invited_on"), data.get("reminded_on")
        if invited and reminded and reminded < invited:
            self.add_error("reminded_on", _("De herinnering ligt vóór de uitnodiging."))
        return data


NO_ANSWER = ""


class ResponseForm(forms.ModelForm):
    """A response with one position and comment per ambition of the round's version.

    An ambition left on "geen antwoord" gets no feedback row (it counts nowhere)."""

    respondent = IdChoiceField(
        label=_("Wie antwoordde"), queryset=Contact.objects.all(), required=False
    )
    surprise_themes = ThemeChoiceField(label=_("Thema's van de verrassingen"))
    online = False

    class Meta:
        model = ValidationResponse
        fields = [
            "answered_on",
            "respondent",
            "respondent_name",
            "position",
            "surprises",
            "surprise_themes",
            "remarks",
            "consent_scope",
            "consent_on",
        ]
        widgets = {
            "answered_on": DATE,
            "consent_on": DATE,
            "position": forms.RadioSelect,
            "consent_scope": forms.RadioSelect,
            "surprises": forms.Textarea(attrs={"rows": 3}),
            "remarks": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, invitee: Invitee, ambitions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.invitee = invitee
        if self.instance.pk is None:
            self.instance.invitee = invitee
        self.ambitions = list(ambitions)
        if "respondent" in self.fields:
            self.fields["respondent"].queryset = invitee.organisation.contacts.select_related(
                "organisation"
            )
            self.fields["respondent"].label_from_instance = contact_label
            self.fields["respondent"].empty_label = _("— een ander (naam hieronder) —")
        self.fields["position"].choices = list(Endorsement.choices)
        # How a response may be quoted is asked, never assumed: no choice is pre-selected.
        self.fields["consent_scope"].choices = list(ConsentScope.choices)
        self.fields["consent_scope"].label = _("Hoe mag dit antwoord geciteerd worden?")
        if not self.instance.pk:
            self.initial.pop("consent_scope", None)
        feedback = (
            {f.ambition_id: f for f in self.instance.feedback.all()} if self.instance.pk else {}
        )
        for ambition in self.ambitions:
            row = feedback.get(ambition.pk)
            self.fields[f"a{ambition.pk}_position"] = forms.ChoiceField(
                label=_("Standpunt over “%(title)s”") % {"title": ambition.title},
                choices=[*Endorsement.choices, (NO_ANSWER, _("geen antwoord"))],
                required=False,
                initial=row.position if row else NO_ANSWER,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            self.fields[f"a{ambition.pk}_comment"] = forms.CharField(
                label=_("Toelichting bij “%(title)s”") % {"title": ambition.title},
                required=False,
                initial=row.comment if row else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def main_fields(self):
        return [self[name] for name in self.Meta.fields if name in self.fields]

    def ambition_rows(self):
        return [(a, self[f"a{a.pk}_position"], self[f"a{a.pk}_comment"]) for a in self.ambitions]

    def clean_respondent(self):
        respondent = self.cleaned_data.get("respondent")
        if respondent and respondent.organisation_id != self.invitee.organisation_id:
            raise forms.ValidationError(_("Kies een contactpersoon van deze organisatie."))
        return respondent

    def clean(self):
        data = super().clean()
        for ambition in self.ambitions:
            position = data.get(f"a{ambition.pk}_position")
            comment = (data.get(f"a{ambition.pk}_comment") or "").strip()
            if comment and not position:
                self.add_error(
                    f"a{ambition.pk}_position",
                    _("Kies een standpunt bij uw toelichting (of wis de toelichting)."),
                )
        consent_on, answered_on = data.get("consent_on"), data.get("answered_on")
        withdrawn = self.instance.withdrawn_on
        if consent_on and withdrawn and withdrawn < consent_on:
            self.add_error("consent_on", _("De toestemming kan niet na de intrekking liggen."))
        if answered_on and answered_on > timezone.localdate():
            self.add_error("answered_on", _("Deze datum ligt in de toekomst."))
        return data

    def feedback(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            a.pk: (data[f"a{a.pk}_position"], data[f"a{a.pk}_comment"].strip())
            for a in self.ambitions
        }


class OnlineResponseForm(ResponseForm):
    """The same form for the invitee answering online: no internal fields (date entered,
    consultant's contact list); the name is typed, the dates are today's."""

    online = True
    respondent = None
    surprise_themes = None  # the consultants code the surprises by theme afterwards

    class Meta(ResponseForm.Meta):
        fields = [
            "respondent_name",
            "position",
            "surprises",
            "remarks",
            "consent_scope",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["respondent_name"].label = _("Uw naam")
        self.fields["respondent_name"].help_text = ""
        self.fields["respondent_name"].required = True
        self.fields["position"].label = _("Kan uw organisatie deze visie onderschrijven?")
        self.fields["remarks"].label = _("Andere opmerkingen")

    def save(self, commit=True):
        response = super().save(commit=False)
        today = timezone.localdate()
        response.online, response.submitted_at = True, timezone.now()
        response.answered_on = today
        # The consent is dated when it is given or changed (a withdrawal stands as it is).
        if response.withdrawn_on is None and (
            not response.pk or "consent_scope" in self.changed_data
        ):
            response.consent_on = today
        return response


class AnswerLinkForm(forms.Form):
    expires_on = forms.DateField(label=_("Geldig tot en met"), widget=DATE)

    def clean_expires_on(self) -> datetime.date:
        expires_on = self.cleaned_data["expires_on"]
        if expires_on < timezone.localdate():
            raise forms.ValidationError(_("Deze datum is al voorbij: kies een latere datum."))
        return expires_on


def default_expiry(round_: ValidationRound) -> datetime.date:
    today = timezone.localdate()
    if round_.closes_on and round_.closes_on >= today:
        return round_.closes_on
    return today + datetime.timedelta(days=30)
