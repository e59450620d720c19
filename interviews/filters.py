import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atlasplan.models import Theme
from atlasplan.permissions import can, is_consultant
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

    theme = django_filters.ModelChoiceFilter(
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
        queryset=Organisation.objects.filter(interviews__isnull=False).distinct(),
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
        elif not is_consultant(user):
            own = Interview.interviewers.through.objects.filter(user_id=user.pk)
            quotable_by_name = Q(
                interviews__consent__scope=ConsentScope.NAMED,
                interviews__consent__given=True,
                interviews__consent__withdrawn_on__isnull=True,
            )  # a withdrawn or refused consent offers no organisation to filter on
            self.filters["organisation"].queryset = Organisation.objects.filter(
                quotable_by_name | Q(interviews__in=own.values("interview_id"))
            ).distinct()

    def filter_organisation(self, queryset, name, value):
        matching = queryset.filter(interview__organisation=value)
        if is_consultant(self.user):
            return matching
        own = Interview.interviewers.through.objects.filter(user_id=self.user.pk).values(
            "interview_id"
        )
        return matching.filter(
            Q(interview__consent__scope=ConsentScope.NAMED) | Q(interview_id__in=own)
        )

    def filter_consent(self, queryset, name, value):
        if value == "withdrawn":
            return queryset.filter(
                Q(interview__consent__withdrawn_on__isnull=False)
                | Q(interview__consent__given=False)
            )
        return queryset.filter(
            interview__consent__scope=value,
            interview__consent__given=True,
            interview__consent__withdrawn_on__isnull=True,
        )

    def filter_flag(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset
