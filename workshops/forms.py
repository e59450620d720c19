from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import StaleSaveMixin
from atlasplan.evidence import Audience
from atlasplan.models import Theme
from atlasplan.roles import GROUP_NAMES, Role
from atlasplan.text import without_control
from interviews import privacy
from interviews.models import Excerpt
from policies.models import Passage
from workshops.models import Answer, Statement, Workshop

MAX_STATEMENTS_AT_ONCE = 100
MAX_STATEMENT_LENGTH = 1000
MAX_COMMENT_LENGTH = 1000


def _helper(*fields, submit=None) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.render_hidden_fields = True  # the stale-save stamp, outside the layout
    helper.add_input(Submit("submit", submit or _("Opslaan")))
    return helper


class WorkshopForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "date", "description", "role_options")

    class Meta:
        model = Workshop
        fields = [
            "title",
            "date",
            "facilitator",
            "description",
            "expected_participants",
            "ask_role",
            "role_options",
            "follow_presenter",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "role_options": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        staff = Q(groups__name__in=[GROUP_NAMES[Role.CONSULTANT], GROUP_NAMES[Role.ATLAS]])
        self.fields["facilitator"].queryset = (
            get_user_model().objects.filter(staff, is_active=True).distinct().order_by("username")
        )
        self.fields["facilitator"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["expected_participants"].widget.attrs.update({"min": 1, "max": 500})
        self.helper = _helper(
            Field("title", autofocus=True),
            "date",
            "facilitator",
            "description",
            "expected_participants",
            "ask_role",
            "role_options",
            "follow_presenter",
        )

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean(self) -> dict:
        cleaned = super().clean()
        roles = [line for line in cleaned.get("role_options", "").splitlines() if line.strip()]
        if cleaned.get("ask_role") and len(roles) < 2:
            self.add_error(
                "role_options", _("Geef minstens twee rollen, één per regel, of vraag geen rol.")
            )
        if any(len(role.strip()) > 100 for role in roles):
            self.add_error("role_options", _("Een rol is hoogstens 100 tekens lang."))
        return cleaned


class StatementForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("text", "source")

    class Meta:
        model = Statement
        fields = ["text", "theme", "order", "source_passage", "source_excerpt", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("name")
        passages = self.fields["source_passage"]
        passages.queryset = Passage.objects.select_related("document").order_by(
            "document__title", "page", "pk"
        )
        passages.label_from_instance = _passage_label
        excerpts = self.fields["source_excerpt"]
        excerpts.queryset = privacy.excerpt_queryset().order_by(
            "interview__organisation__name", "pk"
        )
        excerpts.label_from_instance = _excerpt_label
        self.helper = _helper(
            Field("text", autofocus=True),
            "theme",
            "order",
            "source_passage",
            "source_excerpt",
            "source",
        )

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        voted = self.instance.pk and self.instance.votes.exists()
        if voted and text != self.instance.text:
            # Votes answer the text as it was: changing it would change what they mean.
            raise forms.ValidationError(
                _(
                    "Er is al op deze stelling gestemd, dus de tekst blijft zoals hij was. "
                    "Leg een nieuwe formulering vast als uitkomst (herformuleerd)."
                )
            )
        if len(text) > MAX_STATEMENT_LENGTH:
            raise forms.ValidationError(
                _("Een stelling is hoogstens %(max)d tekens lang.") % {"max": MAX_STATEMENT_LENGTH}
            )
        return text


def _passage_label(passage: Passage) -> str:
    quote = passage.quote if len(passage.quote) <= 90 else f"{passage.quote[:89]}…"
    return f"{passage.document.title}: “{quote}”"


def _excerpt_label(excerpt: Excerpt) -> str:
    # Only consultants prepare statements: they see every excerpt as the research space.
    quote = privacy.visible_quote(excerpt, Audience.RESEARCH)
    text = quote.text if len(quote.text) <= 90 else f"{quote.text[:89]}…"
    return f"{quote.source_label}: “{text}”"


class StatementPasteForm(forms.Form):
    lines = forms.CharField(
        label=_("Stellingen"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Eén stelling per regel; lege regels worden overgeslagen."),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        help_text=_("Optioneel: het thema voor al deze stellingen."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("lines", autofocus=True), "theme", submit=_("Toevoegen"))

    def clean_lines(self) -> list[str]:
        texts = [" ".join(line.split()) for line in self.cleaned_data["lines"].splitlines()]
        texts = [text.lstrip("-•* ").strip() for text in texts]
        texts = [text for text in texts if text]
        if not texts:
            raise forms.ValidationError(_("Plak minstens één stelling."))
        if len(texts) > MAX_STATEMENTS_AT_ONCE:
            raise forms.ValidationError(
                _("Hoogstens %(max)d stellingen tegelijk.") % {"max": MAX_STATEMENTS_AT_ONCE}
            )
        if any(len(text) > MAX_STATEMENT_LENGTH for text in texts):
            raise forms.ValidationError(
                _("Een stelling is hoogstens %(max)d tekens lang.") % {"max": MAX_STATEMENT_LENGTH}
            )
        return texts


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["outcome", "reworded_text", "discussion_notes"]
        widgets = {
            "outcome": forms.RadioSelect,
            "reworded_text": forms.Textarea(attrs={"rows": 3}),
            "discussion_notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = False
        self.helper = _helper("outcome", "reworded_text", "discussion_notes")

    def clean(self) -> dict:
        cleaned = super().clean()
        reworded = cleaned.get("reworded_text", "").strip()
        if cleaned.get("outcome") == Statement.Outcome.REWORDED and not reworded:
            self.add_error("reworded_text", _("Geef de nieuwe formulering van de stelling."))
        return cleaned


class ManualCountForm(forms.Form):
    """One number per answer; the field names are ``count_<value>``."""

    def __init__(self, *args, initial_counts: dict[int, int] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        initial_counts = initial_counts or {}
        for value, label in Answer.choices:
            self.fields[f"count_{value}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=10_000,
                initial=initial_counts.get(value, 0),
            )
        self.helper = _helper(*self.fields)

    def counts(self) -> dict[int, int]:
        return {value: self.cleaned_data[f"count_{value}"] for value in Answer.values}


class CommentField(forms.CharField):
    """A comment typed on a phone: a NUL or another control character (pasted, never typed)
    is dropped before the length is checked, so only a comment that is too long is refused
    as too long."""

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, max_length=MAX_COMMENT_LENGTH, **kwargs)

    def to_python(self, value):
        return without_control(super().to_python(value))


class VoteForm(forms.Form):
    value = forms.TypedChoiceField(choices=Answer.choices, coerce=int, widget=forms.RadioSelect)
    comment = CommentField()


class CommentForm(forms.Form):
    comment = CommentField()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Uw rol"), widget=forms.RadioSelect)

    def __init__(self, *args, roles: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role, role) for role in roles]
