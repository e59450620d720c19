from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from atlasplan.models import Theme


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Themes as checkboxes, sub-themes indented by their parent's name."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Theme.objects.select_related("parent"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Thema's"))
        super().__init__(**kwargs)

    def clean(self, value):
        # A number beyond the database's integers is no theme (not an OverflowError, a 500).
        for item in value or []:
            if str(item).isdigit() and len(str(item)) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super().clean(value)

    def label_from_instance(self, theme: Theme) -> str:
        return f"{theme.parent.name} › {theme.name}" if theme.parent_id else theme.name


class ColourInput(forms.TextInput):
    input_type = "color"


class ThemeForm(forms.ModelForm):
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

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Theme.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Er bestaat al een thema met deze naam."))
        return name


class ThemeMergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Samenvoegen met"),
        queryset=Theme.objects.none(),
        help_text=_("Alle gebruik van dit thema gaat naar het gekozen thema; dit thema verdwijnt."),
    )

    def __init__(self, *args, source: Theme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.exclude(pk=source.pk)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Samenvoegen"), css_class="btn-warning"))
