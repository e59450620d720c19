from pathlib import PurePath

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import StaleSaveMixin
from atlasplan.forms import DateInput, ThemeChoiceField, WebAddressField
from atlasplan.ids import parse_pk
from atlasplan.uploads import Inspected, Kind, UploadRejected, inspect_upload
from policies.models import DocumentPage, Level, Passage, PolicyDocument
from policies.models import Kind as DocumentKind
from policies.pages import find_on_page

ALLOWED_KINDS = {Kind.PDF, Kind.DOCX, Kind.ODT, Kind.TXT, Kind.HTML}
ACCEPT = ".pdf,.docx,.odt,.txt,.html,.htm"


class PolicyDocumentForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "organisation", "year", "url", "summary", "themes")

    themes = ThemeChoiceField()

    class Meta:
        model = PolicyDocument
        fields = [
            "title", "organisation", "level", "kind", "year", "published_on", "url",
            "file", "summary", "relevance", "themes", "status",
        ]  # fmt: skip
        field_classes = {"url": WebAddressField}
        widgets = {
            "published_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "relevance": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        }
        help_texts = {
            "file": _("PDF, DOCX, ODT, TXT of HTML. De tekst wordt gelezen om te kunnen zoeken."),
            "relevance": _("1 = zijdelings, 5 = kern van het plan."),
            "year": _("Wordt afgeleid uit de datum als u die invult."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.inspected: Inspected | None = None
        self.fields["year"].required = False
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("title", autofocus=True),
            Row(Column("organisation", css_class="col-md-6"), Column("level"), Column("kind")),
            Row(Column("year"), Column("published_on"), Column("relevance"), Column("status")),
            "url",
            "file",
            "summary",
            Fieldset(_("Thema's"), "themes", css_class="theme-checkboxes"),
        )
        self.helper.add_input(Submit("submit", _("Opslaan")))
        self.helper.render_hidden_fields = True  # the stale-save stamp

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                self.inspected = inspect_upload(upload, ALLOWED_KINDS)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        published_on, year = cleaned.get("published_on"), cleaned.get("year")
        if published_on and year and published_on.year != year:
            self.add_error("year", _("Het jaar verschilt van het jaar van de datum."))
        elif published_on and not year:
            cleaned["year"] = published_on.year
        elif not published_on and not year and "year" not in self.errors:
            self.add_error("year", _("Vul een jaar of een datum in."))
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("allow_empty_file", True)  # inspect_upload names the empty file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    """Several files at once, each becoming a document with the metadata given here."""

    files = MultipleFileField(
        label=_("Bestanden"),
        help_text=_("Kies één of meer PDF-, DOCX-, ODT-, TXT- of HTML-bestanden."),
    )
    organisation = forms.CharField(label=_("Uitgevende organisatie"), max_length=200)
    level = forms.ChoiceField(label=_("Niveau"), choices=Level.choices)
    kind = forms.ChoiceField(label=_("Soort"), choices=DocumentKind.choices, initial="other")
    year = forms.IntegerField(label=_("Jaar"), min_value=1900, max_value=2100)
    themes = ThemeChoiceField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.inspected: list[tuple[object, Inspected]] = []
        self.helper = FormHelper()
        self.helper.attrs = {"data-upload-form": "true"}
        self.helper.layout = Layout(
            "files",
            Row(Column("organisation", css_class="col-md-6"), Column("level"), Column("kind")),
            Row(Column("year", css_class="col-md-3")),
            Fieldset(_("Thema's"), "themes", css_class="theme-checkboxes"),
        )
        self.helper.add_input(Submit("submit", _("Opladen")))

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        errors = []
        for upload in uploads:
            try:
                self.inspected.append((upload, inspect_upload(upload, ALLOWED_KINDS)))
            except UploadRejected as error:
                errors.append(forms.ValidationError(str(error)))
        if errors:
            raise forms.ValidationError(
                [*errors, forms.ValidationError(_("Er werd niets opgeslagen."))]
            )
        return uploads


def title_from_filename(name: str) -> str:
    """'bestuursakkoord_2025-2030.pdf' -> 'Bestuursakkoord 2025-2030'."""
    stem = PurePath(name).stem.replace("_", " ").strip()
    return (stem[:1].upper() + stem[1:])[:300] or name


class PassageForm(forms.ModelForm):
    themes = ThemeChoiceField()

    class Meta:
        model = Passage
        fields = ["quote", "page", "themes", "note"]
        widgets = {
            "quote": forms.Textarea(attrs={"rows": 4}),
            "note": forms.Textarea(attrs={"rows": 2}),
            "page": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, document: PolicyDocument, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.document = document
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("quote", autofocus=True),
            Row(Column("page", css_class="col-md-3")),
            Fieldset(_("Thema's"), "themes", css_class="theme-checkboxes"),
            "note",
        )
        self.helper.add_input(Submit("submit", _("Passage opslaan")))

    def clean_quote(self) -> str:
        quote = self.cleaned_data["quote"].strip()
        if not quote:
            raise forms.ValidationError(_("Een passage heeft een citaat nodig."))
        return quote

    def clean_page(self):
        page = self.cleaned_data.get("page")
        pages = self.document.page_count or self.document.pages.count()
        if page and pages and page > pages:
            raise forms.ValidationError(
                _("Het document heeft %(pages)s pagina's.") % {"pages": pages}
            )
        return page


class PassageTagForm(forms.Form):
    """Text selected on one page of a document, kept as a key passage (the tag panel)."""

    MAX_QUOTE = 5000

    page = forms.CharField(widget=forms.HiddenInput, required=False)
    quote = forms.CharField(
        label=_("Passage"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        strip=False,
        max_length=MAX_QUOTE,
    )
    themes = ThemeChoiceField()
    note = forms.CharField(
        label=_("Notitie (optioneel)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 1}),
    )

    def __init__(self, *args, document: PolicyDocument, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.document = document
        self.page_obj: DocumentPage | None = None

    def clean_page(self) -> int:
        number = parse_pk(self.cleaned_data.get("page"))
        self.page_obj = self.document.pages.filter(number=number).first() if number else None
        if self.page_obj is None:
            pages = self.document.pages.count()
            raise forms.ValidationError(
                _("Die pagina bestaat niet: het document heeft %(pages)s pagina's.")
                % {"pages": pages}
            )
        return number

    def clean_quote(self) -> str:
        words = self.cleaned_data.get("quote", "").split()
        if not words:
            raise forms.ValidationError(_("Selecteer eerst een passage in de tekst."))
        return " ".join(words)

    def clean(self):
        cleaned = super().clean()
        quote, page = cleaned.get("quote"), self.page_obj
        if quote and page is not None:
            found = find_on_page(page.text, quote)
            if found is None:
                self.add_error(
                    "quote",
                    _(
                        "Deze tekst staat niet op pagina %(page)s. Selecteer de passage opnieuw "
                        "in de tekst van die pagina."
                    )
                    % {"page": page.number},
                )
            else:
                cleaned["quote"] = found  # the page's own characters, so it is marked there
        return cleaned
