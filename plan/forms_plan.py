"""Forms of step 7: target groups, objectives (with SMART hints), steps and their partners."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import FIELD as READ_AT
from atlasplan.concurrency import StaleSaveMixin
from atlasplan.forms import DateInput, IdChoiceField, IdMultipleChoiceField
from atlasplan.people import person_name
from atlasplan.roles import GROUP_NAMES, Role
from plan.forms import EvidencePickerMixin
from plan.models import Ambition, Measurement, Objective, Step, StepPartner, TargetGroup
from plan.models.plan import adopted_version
from stakeholders.models import Organisation


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields)
    helper.render_hidden_fields = True  # the stale-save stamp, outside the layout
    helper.add_input(Submit("submit", _("Opslaan")))
    return helper


def _row(*names) -> Div:
    return Div(*[Div(name, css_class="col-md") for name in names], css_class="row")


class TargetGroupForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("name", "description", "know", "feel", "do")

    class Meta:
        model = TargetGroup
        fields = [
            "name",
            "description",
            "scope",
            "outside_constituency",
            "estimated_size",
            "know",
            "feel",
            "do",
            "position",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "know": forms.Textarea(attrs={"rows": 2}),
            "feel": forms.Textarea(attrs={"rows": 2}),
            "do": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "know": _("Wat moet deze doelgroep weten (kennis)?"),
            "feel": _("Wat moet ze voelen of vinden (houding)?"),
            "do": _("Wat moet ze doen (gedrag)?"),
            "estimated_size": _("Een schatting van het aantal mensen, als u die hebt."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field("name", autofocus=True),
            "description",
            _row("scope", "estimated_size", "position"),
            "outside_constituency",
            Fieldset(_("Weten, voelen, doen"), "know", "feel", "do"),
        )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class ObjectiveForm(EvidencePickerMixin, StaleSaveMixin, forms.ModelForm):
    """An objective with its SMART fields, the ambitions it serves and its evidence (picked as
    an ambition's is: search and theme filter, evidence on the ambitions' themes first)."""

    stale_fields = ("text", "indicator", "baseline", "target", "deadline", "ambitions")

    ambitions = IdMultipleChoiceField(
        queryset=Ambition.objects.none(),
        required=False,
        label=_("Ambities die deze doelstelling dient"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Objective
        fields = [
            "text",
            "level",
            "indicator",
            "baseline",
            "baseline_on",
            "target",
            "unit",
            "deadline",
            "measured_how",
            "position",
            "ambitions",
            "excerpts",
            "statements",
            "passages",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "measured_how": forms.Textarea(attrs={"rows": 2}),
            "baseline_on": DateInput(),
            "deadline": DateInput(),
        }
        help_texts = {
            "text": _("Specifiek: wie moet wat weten, vinden of doen?"),
            "level": _("Kennis, houding of gedrag: het plan mikt op echte gedragsverandering."),
            "indicator": _("Meetbaar: waaraan ziet u dat de doelstelling bereikt is?"),
            "baseline": _("Waar staat de indicator vandaag?"),
            "baseline_on": _("Wanneer werd de nulmeting gedaan? Latere metingen liggen erna."),
            "target": _("Acceptabel en realistisch: waar wilt u uitkomen?"),
            "unit": _("Bijvoorbeeld %, deelnemers, organisaties."),
            "deadline": _("Tijdsgebonden: tegen wanneer?"),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ambitions"].queryset = self._ambitions()
        self.fields["ambitions"].help_text = _(
            "Alleen de ambities van de vastgestelde visie (de laatst vastgestelde versie)."
        )
        self.setup_evidence(user)
        for name in ("baseline", "target"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True
        # The page draws the evidence picker itself (plan/evidence_picker.html), in one form.
        self.helper = _helper(
            Field("text", autofocus=True),
            _row("level", "position"),
            Fieldset(
                _("SMART"),
                "indicator",
                _row("baseline", "baseline_on"),
                _row("target", "unit", "deadline"),
                "measured_how",
            ),
            Fieldset(_("Visie"), "ambitions"),
            READ_AT,
        )
        self.helper.form_tag = False
        self.helper.inputs = []

    def _theme_ids(self) -> list[int]:
        """The themes whose evidence comes first: those of the ambitions it serves (as ticked)."""
        chosen = Ambition.themes.through.objects.filter(ambition__in=self.chosen_ids("ambitions"))
        return list(chosen.values_list("theme_id", flat=True).distinct())

    def _ambitions(self):
        """The vastgestelde vision's ambitions, plus those already linked (nothing is lost)."""
        version = adopted_version()
        current = self.instance.ambitions.all() if self.instance.pk else Ambition.objects.none()
        adopted = version.ambitions.all() if version else Ambition.objects.none()
        pks = {*adopted.values_list("pk", flat=True), *current.values_list("pk", flat=True)}
        return Ambition.objects.filter(pk__in=pks).select_related("version")

    def clean(self) -> dict:
        data = super().clean()
        baseline, target = data.get("baseline"), data.get("target")
        if baseline is not None and target is not None and baseline == target:
            self.add_error(
                "target",
                _(
                    "De streefwaarde is gelijk aan de nulmeting: dan valt er niets te bereiken. "
                    "Geef een andere streefwaarde."
                ),
            )
        return data


def staff_users():
    names = [GROUP_NAMES[Role.CONSULTANT], GROUP_NAMES[Role.ATLAS]]
    users = get_user_model().objects.filter(is_active=True, groups__name__in=names)
    return users.distinct().order_by("first_name", "last_name", "username")


class UserChoiceField(IdChoiceField):
    def label_from_instance(self, user) -> str:
        return person_name(user)


class ObjectiveChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, objective: Objective) -> str:
        return f"{objective.target_group.name}: {objective}"


class StepForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("title", "description", "start", "end", "state", "progress")

    objectives = ObjectiveChoiceField(
        queryset=Objective.objects.none(), required=False, label=_("Doelstellingen")
    )
    owner_user = UserChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Eigenaar (gebruiker)"),
        empty_label=_("— geen gebruiker —"),
    )
    progress = forms.IntegerField(label=_("Voortgang (%)"), min_value=0, max_value=100, initial=0)
    budget = forms.DecimalField(
        label=_("Budget (euro)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
    )

    class Meta:
        model = Step
        fields = [
            "title",
            "description",
            "objectives",
            "kind",
            "start",
            "end",
            "term_choice",
            "owner_user",
            "owner_name",
            "channel",
            "budget",
            "state",
            "progress",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "start": DateInput(),
            "end": DateInput(),
        }
        help_texts = {
            "owner_name": _("Of een naam of dienst buiten de tool."),
            "kind": _(
                "Gedragsverandering vraagt meer dan een eenmalige campagne: "
                "structurele of terugkerende stappen."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = Objective.objects.select_related("target_group")
        self.fields["objectives"].widget.attrs["size"] = 6
        self.fields["owner_user"].queryset = staff_users()
        self.fields["term_choice"].label = _("Termijn")
        self.fields["term_choice"].choices = [
            ("", _("Afleiden uit de data")),
            *self.fields["term_choice"].choices[1:],
        ]
        # The step form also holds the partners' formset, so the template writes the <form>.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("title", autofocus=True),
            "description",
            "objectives",
            "kind",
            _row("start", "end", "term_choice"),
            _row("owner_user", "owner_name"),
            "channel",
            _row("budget", "state", "progress"),
            READ_AT,
        )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de begindatum. Pas een van beide aan."))
        return data


class PartnerForm(forms.ModelForm):
    organisation = IdChoiceField(
        queryset=Organisation.objects.all(),
        label=_("Organisatie"),
        error_messages={
            "invalid_choice": _(
                "Deze organisatie staat niet in het register. Kies er een uit de lijst."
            )
        },
    )

    class Meta:
        model = StepPartner
        fields = ["organisation", "role"]
        widgets = {
            "role": forms.TextInput(
                attrs={"class": "form-control", "placeholder": _("bv. co-organisator")}
            )
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget.attrs["class"] = "form-select"
        self.fields["organisation"].empty_label = _("— kies een organisatie —")


class BasePartnerFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            organisation = data.get("organisation")
            if organisation is None or data.get("DELETE"):
                continue
            if organisation.pk in seen:
                form.add_error(
                    "organisation", _("Deze organisatie staat al bij de partners van deze stap.")
                )
            seen.add(organisation.pk)

    def validate_unique(self) -> None:
        """Duplicates get the Dutch message of :meth:`clean`, next to the row itself."""


PartnerFormSet = forms.inlineformset_factory(
    Step,
    StepPartner,
    form=PartnerForm,
    formset=BasePartnerFormSet,
    extra=2,
    can_delete=True,
)


class PlanTextForm(forms.Form):
    """One section of the plan; ``seen`` is the version the writer started from."""

    text = forms.CharField(
        label=_("Tekst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown."),
    )
    seen = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("text", autofocus=True), "seen")


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source", "note"]
        widgets = {
            "measured_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"source": _("Waar komt het cijfer vandaan (bevraging, registratie…)?")}

    def __init__(self, *args, objective: Objective, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.objective = objective
        self.fields["value"].localize = True
        self.fields["value"].widget.is_localized = True
        self.helper = _helper(_row("measured_on", "value"), "source", "note")
