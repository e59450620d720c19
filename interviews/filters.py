import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from atlasplan.forms import ThemeFilter
from atlasplan.models import Theme
from atlasplan.permissions import can, is_consultant
from interviews import privacy
from interviews.models import ConsentScope, Excerpt, Interview, Stance, Status
from stakeholders.models import Organisation, Sector


class InterviewFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Elke status")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"),
        queryset=Organisation.objects.all(),
        empty_label=_("Alle organisaties"),
    )

    class Meta:
        model = Interview
        fields = ["status", "organisation"]


class QuoteFilter(django_filters.FilterSet):
    """Filters of the quote bank. Filtering by organisation could unmask an anonymised
    quote, so for those who see quotes as consent allows it matches only quotes by name,
    and readers (who see everything anonymised) get no organisation filter at all."""

    theme = ThemeFilter(
        label=_("Thema"),
        field_name="themes",
        queryset=Theme.objects.all(),
        empty_label=_("Alle thema's"),
    )
    stance = django_filters.ChoiceFilter(
        label=_("Standpunt"), choices=Stance.choices, empty_label=_("Elk standpunt")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),  # set per user from interviews.privacy
        empty_label=_("Alle organisaties"),
        method="filter_organisation",
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="interview__organisation__sector",
        choices=Sector.choices,
        empty_label=_("Alle sectoren"),
    )
    consent = django_filters.ChoiceFilter(
        label=_("Toestemming"),
        choices=[*ConsentScope.choices, ("withdrawn", _("Ingetrokken of geweigerd"))],
        empty_label=_("Elke toestemming"),
        method="filter_consent",
    )
    surprising = django_filters.BooleanFilter(
        label=_("Enkel verrassend"), widget=forms.CheckboxInput, method="filter_flag"
    )
    quotable = django_filters.BooleanFilter(
        label=_("Enkel citeerbaar"), widget=forms.CheckboxInput, method="filter_flag"
    )

    class Meta:
        model = Excerpt
        fields = ["theme", "stance", "organisation", "sector", "consent", "surprising", "quotable"]

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not is_consultant(user):
            del self.filters["consent"]  # only the research space sees restricted quotes
        if not can(user, "interviews.view"):
            del self.filters["organisation"]
        else:
            self.filters["organisation"].queryset = privacy.quote_organisations(user)

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(privacy.named_q(self.user), interview__organisation=value)

    def filter_consent(self, queryset, name, value):
        return queryset.filter(privacy.consent_state_q(value))

    def filter_flag(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset
