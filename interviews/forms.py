from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import StaleSaveMixin
from atlasplan.forms import IdChoiceField, IdMultipleChoiceField, ThemeChoiceField
from atlasplan.ids import parse_pk
from atlasplan.roles import GROUP_NAMES, Role
from atlasplan.uploads import Kind, UploadRejected, inspect_upload
from interviews.models import (
    Consent,
    Excerpt,
    Interview,
    InterviewGuide,
    PositionSummary,
    Transcript,
)
from stakeholders.models import Contact, Decision, Organisation

TRANSCRIPT_KINDS = {Kind.DOCX, Kind.ODT, Kind.TXT, Kind.VTT, Kind.SRT}
TRANSCRIPT_ACCEPT = ".docx,.odt,.txt,.vtt,.srt"


class GuideForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "description")

    questions = forms.CharField(
        label=_("Vragen"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Eén vraag per regel, in de volgorde waarin u ze stelt."),
    )

    class Meta:
        model = InterviewGuide
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            questions = self.instance.questions.filter(retired=False)
            self.initial["questions"] = "\n".join(q.text for q in questions)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Leidraad opslaan")))

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("Een leidraad heeft minstens één vraag nodig."))
        return lines


class InterviewForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("location", "duration", "notes")

    class Meta:
        model = Interview
        fields = [
            "organisation", "interviewees", "interviewers", "held_at", "mode", "location",
            "duration", "guide", "status", "notes",
        ]  # fmt: skip
        field_classes = {  # odd or huge ids are a form error, not a 500
            "organisation": IdChoiceField,
            "guide": IdChoiceField,
            "interviewees": IdMultipleChoiceField,
            "interviewers": IdMultipleChoiceField,
        }
        widgets = {
            "held_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "interviewees": forms.CheckboxSelectMultiple,
            "interviewers": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "organisation": _("De goedgekeurde organisaties van de shortlist staan bovenaan."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        approved = Case(
            When(shortlist_entry__decision=Decision.APPROVED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        self.fields["organisation"].queryset = Organisation.objects.annotate(
            approved_first=approved
        ).order_by("approved_first", "name")
        contacts = Contact.objects.select_related("organisation")
        chosen = self.data.get("organisation") or self.initial.get("organisation")
        chosen = chosen or self.instance.organisation_id
        chosen = parse_pk(chosen)
        if chosen is not None:  # only that organisation's people
            contacts = contacts.filter(organisation_id=chosen)
        self.fields["interviewees"].queryset = contacts
        self.fields["organisation"].widget.attrs.update(
            {  # choosing another organisation refreshes the list of its contacts (htmx)
                "hx-get": reverse("interviews:interview_create"),
                "hx-trigger": "change",
                "hx-target": "#div_id_interviewees",
                "hx-select": "#div_id_interviewees",
                "hx-swap": "outerHTML",
            }
        )
        staff = [GROUP_NAMES[Role.CONSULTANT], GROUP_NAMES[Role.ATLAS]]
        self.fields["interviewers"].queryset = (
            get_user_model().objects.filter(groups__name__in=staff).distinct().order_by("username")
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("organisation", autofocus=True),
            Row(Column("held_at"), Column("mode"), Column("duration")),
            Row(Column("location"), Column("guide"), Column("status")),
            Fieldset(_("Geïnterviewden"), "interviewees"),
            Fieldset(_("Interviewers"), "interviewers"),
            "notes",
        )
        self.helper.add_input(Submit("submit", _("Interview opslaan")))
        self.helper.render_hidden_fields = True  # the stale-save stamp

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        wrong = [
            c
            for c in cleaned.get("interviewees") or []
            if c.organisation_id != getattr(organisation, "pk", None)
        ]
        if organisation and wrong:
            self.add_error(
                "interviewees",
                _("Kies enkel contactpersonen van %(organisation)s.")
                % {"organisation": organisation},
            )
        return cleaned


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["given", "date", "method", "scope", "form", "withdrawn_on"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "withdrawn_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "withdrawn_on": _(
                "Vul in wanneer de geïnterviewde de toestemming intrekt: de citaten "
                "verdwijnen meteen uit elke uitvoer."
            ),
            "form": _("PDF, DOCX, ODT of TXT."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Toestemming opslaan")))

    def clean_form(self):
        upload = self.cleaned_data.get("form")
        if upload and hasattr(upload, "content_type"):
            try:
                inspect_upload(upload, {Kind.PDF, Kind.DOCX, Kind.ODT, Kind.TXT})
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return upload


class TranscriptForm(StaleSaveMixin, forms.Form):
    """A transcript's new text, pasted or read from a file; refused when someone else saved
    the transcript after this form was read (``instance``: the stored transcript, or an
    unsaved one when there is none yet)."""

    stale_fields = ("text",)
    text = forms.CharField(
        label=_("Tekst van het transcript"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Eén beurt per alinea, met de spreker vooraan: “Naam: tekst”."),
    )
    file = forms.FileField(
        label=_("Of laad een bestand op"),
        required=False,
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": TRANSCRIPT_ACCEPT}),
        help_text=_("DOCX, ODT, TXT, VTT of SRT. Een bestand vervangt de geplakte tekst."),
    )

    def __init__(self, *args, instance: Transcript, **kwargs) -> None:
        self.instance = instance
        super().__init__(*args, **kwargs)
        self.filename = ""
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Transcript opslaan")))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            try:
                inspected = inspect_upload(upload, TRANSCRIPT_KINDS)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
            if not inspected.text.strip():
                raise forms.ValidationError(_("In dit bestand staat geen tekst."))
            self.filename = upload.name
            self.cleaned_data["text"] = inspected.text
            # Should the save be refused, the file's text is handed back in the text box.
            self.data = self.data.copy()
            self.data[self.add_prefix("text")] = inspected.text
        return upload

    def clean(self):
        cleaned = super().clean()
        from interviews.services import clean_text

        text = clean_text((cleaned.get("text") or "").replace("\r\n", "\n")).strip()
        if not text and not self.errors:
            raise forms.ValidationError(
                _("Het transcript is leeg. Plak de tekst of kies een bestand.")
            )
        cleaned["text"] = text
        return cleaned


class ExcerptForm(forms.ModelForm):
    """A code on a span: offsets from a mouse selection, or an exact passage typed in."""

    themes = ThemeChoiceField(required=True)
    start = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)
    passage = forms.CharField(
        label=_("Passage"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Selecteer tekst met de muis, of typ of plak hier de exacte passage."),
    )
    # Which appearance of a typed passage is meant: set by the page, never typed by a person.
    occurrence = forms.IntegerField(
        required=False, min_value=1, initial=1, widget=forms.HiddenInput
    )

    class Meta:
        model = Excerpt
        fields = ["themes", "stance", "surprising", "quotable", "memo"]
        widgets = {"memo": forms.Textarea(attrs={"rows": 2}), "stance": forms.RadioSelect}

    def __init__(self, *args, source_text: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.source_text = source_text
        if self.instance.pk:
            for name in ["start", "end", "passage", "occurrence"]:
                del self.fields[name]
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        from interviews.services import CodingError, check_span, find_passage, nearest_passage

        cleaned = super().clean()
        if self.instance.pk or self.source_text is None:
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        # A form sends a textarea's line breaks as CRLF; the stored texts have LF.
        passage = (cleaned.get("passage") or "").replace("\r\n", "\n").strip()
        try:
            if start is None or end is None:
                start, end = find_passage(self.source_text, passage, cleaned.get("occurrence") or 1)
            elif passage and self.source_text[start:end].strip() != passage:
                # The offsets do not hold the selected text (a browser counts an emoji as
                # two characters; the text changed meanwhile): the text wins, never a
                # silently shifted excerpt.
                start, end = nearest_passage(self.source_text, passage, start)
            check_span(self.source_text, start, end)
        except CodingError as error:
            raise forms.ValidationError(str(error)) from error
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


class PositionSummaryForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("text",)

    class Meta:
        model = PositionSummary
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Samenvatting opslaan")))
