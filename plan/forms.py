from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from atlasplan.forms import IdMultipleChoiceField, ThemeChoiceField
from interviews import privacy
from interviews.models import Excerpt
from plan.models import Ambition, VisionVersion
from policies.models import Passage
from workshops.models import Statement


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.add_input(Submit("submit", _("Opslaan")))
    return helper


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class VisionVersionForm(forms.ModelForm):
    class Meta:
        model = VisionVersion
        fields = ["title", "introduction", "body"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("title", autofocus=True), "introduction", "body")


class AmbitionForm(forms.ModelForm):
    themes = ThemeChoiceField()
    excerpts = IdMultipleChoiceField(
        queryset=Excerpt.objects.none(), required=False, label=_("Interviewfragmenten")
    )
    statements = IdMultipleChoiceField(
        queryset=Statement.objects.none(), required=False, label=_("Workshopstellingen")
    )
    passages = IdMultipleChoiceField(
        queryset=Passage.objects.none(), required=False, label=_("Beleidspassages")
    )

    class Meta:
        model = Ambition
        fields = ["title", "position", "text", "themes", "excerpts", "statements", "passages"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["excerpts"].queryset = self._excerpts()
        self.fields["excerpts"].label_from_instance = self._excerpt_label
        self.fields["excerpts"].help_text = _(
            "Fragmenten gecodeerd op de thema's van deze ambitie staan bovenaan."
        )
        self.fields["statements"].queryset = Statement.objects.select_related("workshop")
        self.fields["statements"].label_from_instance = _statement_label
        self.fields["passages"].queryset = Passage.objects.select_related("document").order_by(
            "document__title", "pk"
        )
        self.fields["passages"].label_from_instance = _passage_label
        for name in ("excerpts", "statements", "passages"):
            self.fields[name].widget.attrs["size"] = 8
        self.helper = _helper(
            Field("title", autofocus=True),
            "position",
            "text",
            "themes",
            "excerpts",
            "statements",
            "passages",
        )

    def _excerpts(self):
        """The excerpts this user may cite, those coded on the ambition's themes first."""
        queryset = privacy.quote_queryset(self.user)
        themes = list(self.instance.themes.all()) if self.instance.pk else []
        on_theme = Excerpt.themes.through.objects.filter(excerpt=OuterRef("pk"), theme__in=themes)
        return queryset.annotate(on_theme=Exists(on_theme)).order_by("-on_theme", "pk")

    def _excerpt_label(self, excerpt: Excerpt) -> str:
        quote = privacy.visible_quote(excerpt, self.user)
        if quote is None:
            return "…"
        return f"{quote.source_label}: “{_short(quote.text)}”"


def _statement_label(statement: Statement) -> str:
    return f"{statement.workshop.title}: {_short(statement.text)}"


def _passage_label(passage: Passage) -> str:
    return f"{passage.document.title}: “{_short(passage.quote)}”"
