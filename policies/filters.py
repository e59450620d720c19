import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from atlasplan.forms import ThemeFilter
from atlasplan.models import Theme
from policies.models import Kind, Level, PolicyDocument, ReadingStatus


class PolicyDocumentFilter(django_filters.FilterSet):
    """The list's filters; the free-text search (``q``) is applied by the view."""

    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="noop",
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Zoek in titel, samenvatting, passages en tekst"),
            }
        ),
    )
    level = django_filters.ChoiceFilter(
        label=_("Niveau"), choices=Level.choices, empty_label=_("Alle niveaus")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Kind.choices, empty_label=_("Alle soorten")
    )
    year = django_filters.NumberFilter(label=_("Jaar"))
    theme = ThemeFilter(
        label=_("Thema"),
        field_name="themes",
        queryset=Theme.objects.all(),
        empty_label=_("Alle thema's"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Leesstatus"), choices=ReadingStatus.choices, empty_label=_("Elke status")
    )

    class Meta:
        model = PolicyDocument
        fields = ["q", "level", "kind", "year", "theme", "status"]

    def noop(self, queryset, name, value):
        return queryset
