from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlasplan.concurrency import StaleSaveMixin
from atlasplan.ids import parse_pk
from atlasplan.models import Theme


def _is_odd_id(field, value) -> bool:
    """True when ``value`` cannot be an id of the field's model (it is looked up by pk)."""
    by_pk = not field.to_field_name and isinstance(
        field.queryset.model._meta.pk, models.IntegerField
    )
    return by_pk and not isinstance(value, models.Model) and parse_pk(value) is None


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField for which an odd or huge id is an invalid choice, not a 500."""

    def to_python(self, value):
        if value not in self.empty_values and _is_odd_id(self, value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField for which odd or huge ids are a form error, not a 500."""

    def _check_values(self, value):
        for item in value:
            if _is_odd_id(self, item):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)


class ThemeChoiceField(IdMultipleChoiceField):
    """Themes as checkboxes, sub-themes indented by their parent's name."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Theme.objects.select_related("parent"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Thema's"))
        super().__init__(**kwargs)

    def label_from_instance(self, theme: Theme) -> str:
        return f"{theme.parent.name} › {theme.name}" if theme.parent_id else theme.name


class WebAddressField(forms.URLField):
    """A web address typed as people type it: "www.atlas-antwerpen.be" gets "https://".

    A plain text input (not type="url", which the browser refuses without a scheme) with the
    URL keyboard on phones; Django adds the scheme and still refuses what is no address.
    """

    widget = forms.TextInput

    def __init__(self, **kwargs) -> None:
        kwargs["assume_scheme"] = "https"
        super().__init__(**kwargs)

    def widget_attrs(self, widget) -> dict:
        return {**super().widget_attrs(widget), "inputmode": "url", "autocomplete": "url"}


class ColourInput(forms.TextInput):
    input_type = "color"


class ThemeForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("name", "description", "colour")

    class Meta:
        model = Theme
        fields = ["name", "parent", "description", "colour"]
        widgets = {
            "colour": ColourInput(attrs={"class": "form-control-color"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "parent": _("Laat leeg voor een hoofdthema."),
            "colour": _("Gebruikt voor markeringen bij het coderen en in grafieken."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        parents = Theme.objects.all()
        if self.instance.pk:
            parents = parents.exclude(pk__in={self.instance.pk, *self.instance.descendant_ids()})
        self.fields["parent"].queryset = parents
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("name", autofocus=True), "parent", "description", "colour"
        )
        self.helper.add_input(Submit("submit", _("Opslaan")))
        self.helper.render_hidden_fields = True  # the stale-save stamp

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Theme.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Er bestaat al een thema met deze naam."))
        return name


class ThemeMergeForm(forms.Form):
    target = IdChoiceField(
        label=_("Samenvoegen met"),
        queryset=Theme.objects.none(),
        help_text=_("Alle gebruik van dit thema gaat naar het gekozen thema; dit thema verdwijnt."),
    )

    def __init__(self, *args, source: Theme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.exclude(pk=source.pk)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Samenvoegen"), css_class="btn-warning"))
