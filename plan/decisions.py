"""Closing the loop: the decision on one objection (verwerkt in a later version, with the
ambitions it changed; or niet overgenomen, with the reason)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from atlasplan.forms import IdChoiceField, IdMultipleChoiceField
from plan.models import (
    Ambition,
    AmbitionFeedback,
    DecisionOutcome,
    ObjectionDecision,
    VisionVersion,
)


class DecisionForm(forms.ModelForm):
    version = IdChoiceField(
        label=_("Verwerkt in versie"),
        queryset=VisionVersion.objects.none(),
        required=False,
        help_text=_("Een latere versie dan die van de ronde."),
    )
    ambitions = IdMultipleChoiceField(
        label=_("Gewijzigde ambities"),
        queryset=Ambition.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De ambities van die versie die door dit bezwaar veranderden."),
    )

    class Meta:
        model = ObjectionDecision
        fields = ["outcome", "version", "ambitions", "explanation"]
        widgets = {
            "outcome": forms.RadioSelect,
            "explanation": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"explanation": _("Welke wijziging, of waarom niet overgenomen")}
        error_messages = {
            "explanation": {
                "required": _(
                    "Schrijf welke wijziging het bezwaar opleverde, "
                    "of waarom het niet overgenomen is."
                )
            }
        }

    def __init__(self, *args, feedback: AmbitionFeedback, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        round_version = feedback.response.invitee.round.version
        later = VisionVersion.objects.filter(number__gt=round_version.number).order_by("number")
        self.fields["version"].queryset = later
        self.fields["ambitions"].queryset = (
            Ambition.objects.filter(version__in=later)
            .select_related("version")
            .order_by("version__number", "position", "pk")
        )
        self.fields["ambitions"].label_from_instance = lambda ambition: (
            f"v{ambition.version.number} · {ambition.title}"
        )
        self.fields["outcome"].choices = DecisionOutcome.choices
        self.round_version = round_version
        if self.instance.pk is None:
            self._suggest(later, feedback)
        self.helper = FormHelper()
        self.helper.layout = Layout("outcome", "version", "ambitions", "explanation")
        self.helper.add_input(Submit("submit", _("Beslissing opslaan")))

    def _suggest(self, later, feedback: AmbitionFeedback) -> None:
        """A new decision starts from the next version and its copy of the ambition."""
        following = later.first()
        if following is not None:
            copies = following.ambitions.filter(origin=feedback.ambition_id)
            self.initial["version"] = following.pk
            self.initial["ambitions"] = list(copies.values_list("pk", flat=True))

    def clean(self) -> dict:
        data = super().clean()
        outcome, version = data.get("outcome"), data.get("version")
        if outcome == DecisionOutcome.PROCESSED:
            if version is None and "version" not in self.errors:
                self.add_error(
                    "version",
                    _("Kies de versie waarin het bezwaar verwerkt is (later dan versie %(n)s).")
                    % {"n": self.round_version.number},
                )
            wrong = [
                a for a in data.get("ambitions") or [] if version and a.version_id != version.pk
            ]
            if wrong:
                self.add_error(
                    "ambitions",
                    _("Kies enkel ambities van versie %(n)s.") % {"n": version.number},
                )
        elif outcome == DecisionOutcome.REJECTED:
            # Not worked in: a version or changed ambitions would contradict the decision.
            data["version"], data["ambitions"] = None, []
        return data


@transaction.atomic
def record(form: DecisionForm, user) -> ObjectionDecision:
    """Save the decision (new or changed) with who decided it, and its changed ambitions."""
    decision = form.save(commit=False)
    decision.decided_by = user
    decision.save()
    form.save_m2m()
    return decision
