from dataclasses import dataclass, field

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import FIELD as READ_AT
from atlasplan.concurrency import StaleSaveMixin
from atlasplan.forms import IdMultipleChoiceField, ThemeChoiceField, ThemeSelectField
from atlasplan.ids import parse_pk
from atlasplan.models import Theme
from atlasplan.search import clean_query, matching
from interviews import privacy
from interviews.models import Excerpt
from plan.models import Ambition, VisionVersion
from plan.overview import statement_verdicts
from policies.models import Passage
from workshops.models import Statement

# The picker lists at most this many candidates of each kind: a search narrows the rest.
PICKER_LIMIT = 50
EVIDENCE = ("excerpts", "statements", "passages")


def _helper(*fields, form_tag: bool = True) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.form_tag = form_tag
    if form_tag:
        helper.add_input(Submit("submit", _("Opslaan")))
    return helper


class VisionVersionForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "introduction", "body")

    class Meta:
        model = VisionVersion
        fields = ["title", "introduction", "body"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("title", autofocus=True), "introduction", "body", READ_AT)


class EvidenceFilterForm(forms.Form):
    """The picker's search and theme filter (read from GET or from the ambition form's POST)."""

    evidence_q = forms.CharField(label=_("Zoek in de onderbouwing"), required=False)
    evidence_theme = ThemeSelectField(
        required=False,
        empty_label=_("alle thema's"),
    )

    def filters(self) -> tuple[str, Theme | None]:
        """The search text and theme; an unknown theme filters on nothing (and says so)."""
        if not self.is_valid():
            return clean_query(self.data.get("evidence_q", "")), None
        return clean_query(self.cleaned_data["evidence_q"]), self.cleaned_data["evidence_theme"]


@dataclass
class Section:
    name: str
    label: str
    chosen: list = field(default_factory=list)  # already linked (or ticked): always shown
    candidates: list = field(default_factory=list)  # matching the search, at most the limit
    more: bool = False  # more candidates match than are shown
    errors: list = field(default_factory=list)
    hidden: int = 0  # linked, but not shown to this user (consent): kept on save


@dataclass(frozen=True)
class Item:
    pk: int
    obj: object  # a Quote for an excerpt, the Statement or Passage otherwise
    on_theme: bool = False
    result: dict | None = None  # a statement's verdict, as the results badge reads it


class EvidencePickerMixin(forms.Form):
    """The evidence links of an ambition or an objective: three fields validated against
    everything, but a page that lists only what is ticked and a few candidates (``picker``),
    never every row. Excerpts the user may not see stay linked on save. (A Form, so that
    its fields are declared on the model forms that mix it in.)"""

    excerpts = IdMultipleChoiceField(
        queryset=Excerpt.objects.none(), required=False, label=_("Interviewfragmenten")
    )
    statements = IdMultipleChoiceField(
        queryset=Statement.objects.none(), required=False, label=_("Workshopstellingen")
    )
    passages = IdMultipleChoiceField(
        queryset=Passage.objects.none(), required=False, label=_("Beleidspassages")
    )

    def setup_evidence(self, user) -> None:
        self.user = user
        self.fields["excerpts"].queryset = privacy.visible_excerpts(user)
        self.fields["statements"].queryset = Statement.objects.all()
        self.fields["passages"].queryset = Passage.objects.all()

    def _hidden_excerpts(self):
        """The saved object's excerpts this user may not see (withdrawn, not quotable):
        the form cannot show them, so a save keeps them rather than unlinking them."""
        if not self.instance.pk:
            return Excerpt.objects.none()
        visible = privacy.visible_excerpts(self.user).values("pk")
        return self.instance.excerpts.exclude(pk__in=visible)

    def clean_excerpts(self):
        chosen = self.cleaned_data["excerpts"]
        hidden = self._hidden_excerpts()
        if not hidden.exists():
            return chosen
        return Excerpt.objects.filter(
            Q(pk__in=[e.pk for e in chosen]) | Q(pk__in=hidden.values("pk"))
        )

    # --- What is ticked --------------------------------------------------------------------

    def chosen_ids(self, name: str) -> list[int]:
        """The ids ticked in the form as typed, or linked to the object as saved."""
        if self.is_bound:
            raw = self.data.getlist(self.add_prefix(name))
        else:  # typed before a search, or (a ModelForm's initial) the saved links
            raw = self.initial.get(name) or []
        ids = [parse_pk(getattr(value, "pk", value)) for value in raw]
        return list(dict.fromkeys(pk for pk in ids if pk))

    def _theme_ids(self) -> list[int]:
        """The themes whose evidence comes first: the ambition's own (as ticked)."""
        return self.chosen_ids("themes")

    # --- The picker ------------------------------------------------------------------------

    def picker(self, text: str = "", theme: Theme | None = None) -> list[Section]:
        """The three evidence lists: what is ticked, then the candidates matching ``text``
        and ``theme``, those on the object's themes first."""
        sections = [
            self._excerpt_section(text, theme),
            self._statement_section(text, theme),
            self._passage_section(text, theme),
        ]
        for section in sections:
            section.errors = list(self.errors.get(section.name, [])) if self.is_bound else []
        return sections

    def _excerpt_section(self, text: str, theme: Theme | None) -> Section:
        section = Section("excerpts", _("Interviewfragmenten"))
        base = privacy.quote_queryset(self.user)
        on_theme = Excerpt.themes.through.objects.filter(
            excerpt=OuterRef("pk"), theme__in=self._theme_ids()
        )
        base = base.annotate(on_theme=Exists(on_theme))
        chosen = self.chosen_ids("excerpts")
        ticked = list(base.filter(pk__in=chosen))
        candidates = base.exclude(pk__in=chosen)
        if theme is not None:
            candidates = candidates.filter(themes=theme)
        if text:
            candidates = matching(candidates, text, ["text"])
        order = ["-on_theme", *candidates.query.order_by]
        found = list(candidates.order_by(*order)[: PICKER_LIMIT + 1])
        section.more = len(found) > PICKER_LIMIT
        quotes = privacy.quotes_by_pk([*ticked, *found[:PICKER_LIMIT]], self.user)
        section.chosen = [Item(e.pk, quotes[e.pk], e.on_theme) for e in ticked if e.pk in quotes]
        section.candidates = [
            Item(e.pk, quotes[e.pk], e.on_theme) for e in found[:PICKER_LIMIT] if e.pk in quotes
        ]
        section.hidden = self._hidden_excerpts().count()
        return section

    def _statement_section(self, text: str, theme: Theme | None) -> Section:
        section = Section("statements", _("Workshopstellingen"))
        base = Statement.objects.select_related("workshop", "theme").annotate(
            on_theme=Q(theme__in=self._theme_ids())
        )
        chosen = self.chosen_ids("statements")
        ticked = list(base.filter(pk__in=chosen))
        candidates = base.exclude(pk__in=chosen)
        if theme is not None:
            candidates = candidates.filter(theme=theme)
        if text:
            candidates = matching(candidates, text, ["text", "reworded_text"])
        found = list(
            candidates.order_by("-on_theme", "workshop", "order", "pk")[: PICKER_LIMIT + 1]
        )
        section.more = len(found) > PICKER_LIMIT
        shown = [*ticked, *found[:PICKER_LIMIT]]
        verdicts = statement_verdicts([s.pk for s in shown])
        section.chosen = [self._statement_item(s, verdicts) for s in ticked]
        section.candidates = [self._statement_item(s, verdicts) for s in found[:PICKER_LIMIT]]
        return section

    @staticmethod
    def _statement_item(statement: Statement, verdicts: dict) -> Item:
        result = {"verdict": verdicts.get(statement.pk, "too_few")}
        return Item(statement.pk, statement, bool(statement.on_theme), result)

    def _passage_section(self, text: str, theme: Theme | None) -> Section:
        section = Section("passages", _("Beleidspassages"))
        on_theme = Passage.themes.through.objects.filter(
            passage=OuterRef("pk"), theme__in=self._theme_ids()
        )
        base = Passage.objects.select_related("document").annotate(on_theme=Exists(on_theme))
        chosen = self.chosen_ids("passages")
        ticked = list(base.filter(pk__in=chosen))
        candidates = base.exclude(pk__in=chosen)
        if theme is not None:
            candidates = candidates.filter(themes=theme)
        if text:
            candidates = matching(candidates, text, ["quote"])
        order = ("-on_theme", "document__title", "page", "pk")
        found = list(candidates.order_by(*order)[: PICKER_LIMIT + 1])
        section.more = len(found) > PICKER_LIMIT
        section.chosen = [Item(p.pk, p, p.on_theme) for p in ticked]
        section.candidates = [Item(p.pk, p, p.on_theme) for p in found[:PICKER_LIMIT]]
        return section


class AmbitionForm(EvidencePickerMixin, StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "position", "text", "themes")
    themes = ThemeChoiceField()

    class Meta:
        model = Ambition
        fields = ["title", "position", "text", "themes", "excerpts", "statements", "passages"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup_evidence(user)
        self.helper = _helper(
            Field("title", autofocus=True), "position", "text", "themes", READ_AT, form_tag=False
        )
