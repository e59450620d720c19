import django_filters
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


class ThemeTreeIterator(forms.models.ModelChoiceIterator):
    """The codebook's themes depth-first: each parent followed by its children.

    Every theme gets ``tree_depth`` (0 for a root) for the widget and the label; a theme
    whose parent is not among the choices is listed as a root.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        themes = list(self.queryset.select_related("parent").order_by("name", "pk"))
        present = {theme.pk for theme in themes}
        children: dict[int | None, list[Theme]] = {}
        for theme in themes:
            parent = theme.parent_id if theme.parent_id in present else None
            children.setdefault(parent, []).append(theme)

        def walk(parent_id: int | None, depth: int):
            for theme in children.get(parent_id, []):
                theme.tree_depth = depth
                yield self.choice(theme)
                yield from walk(theme.pk, depth + 1)

        yield from walk(None, 0)


class ThemeTreeWidget(forms.CheckboxSelectMultiple):
    """Checkboxes indented by depth (``data-depth``, styled in atlasplan.css)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        theme = getattr(value, "instance", None)
        option["attrs"]["data-depth"] = getattr(theme, "tree_depth", 0)
        return option


class ThemeChoiceField(IdMultipleChoiceField):
    """The one theme picker: the codebook as a tree of checkboxes, children indented."""

    iterator = ThemeTreeIterator

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Theme.objects.all())
        kwargs.setdefault("widget", ThemeTreeWidget)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Thema's"))
        super().__init__(**kwargs)

    def label_from_instance(self, theme: Theme) -> str:
        return theme.name


class ThemeSelectField(IdChoiceField):
    """One theme from a list: the same tree, children indented under their parent."""

    iterator = ThemeTreeIterator

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Theme.objects.all())
        kwargs.setdefault("label", _("Thema"))
        super().__init__(**kwargs)

    def label_from_instance(self, theme: Theme) -> str:
        # An <option> cannot be padded: two no-break spaces per level indent it.
        return "\u00a0\u00a0" * getattr(theme, "tree_depth", 0) + theme.name


class ThemeFilter(django_filters.ModelChoiceFilter):
    """A list page's theme filter: the codebook as the same indented tree."""

    field_class = ThemeSelectField


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


class DateInput(forms.DateInput):
    """A date as the interface writes it: dd-mm-jjjj in Dutch, yyyy-mm-dd in English.

    A text input, not ``type="date"``: the browser's date field shows and asks the date in
    the browser's language and format, whatever the interface speaks. Django reads the
    active language's DATE_INPUT_FORMATS (Dutch also takes 1-2-2026, 01/02/2026 and ISO),
    so a typed date works with or without JavaScript and a wrong one gets Django's own
    translated message.
    """

    def __init__(self, attrs: dict | None = None, format: str | None = None) -> None:
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", str(_("dd-mm-jjjj")))
        return context


class ColourInput(forms.TextInput):
    input_type = "color"


class ThemeForm(StaleSaveMixin, forms.ModelForm):
    stale_fields = ("name", "description", "colour")

    class Meta:
        model = Theme
        fields = ["name", "parent", "description", "colour"]
        field_classes = {"parent": ThemeSelectField}
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
    target = ThemeSelectField(
        label=_("Samenvoegen met"),
        queryset=Theme.objects.none(),
        help_text=_("Alle gebruik van dit thema gaat naar het gekozen thema; dit thema verdwijnt."),
    )

    def __init__(self, *args, source: Theme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.exclude(pk=source.pk)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Samenvoegen"), css_class="btn-warning"))
