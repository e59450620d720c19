import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Attitude, InteractionKind, Language, Scope, Sector


def _search(fields: list[str]):
    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)

    return method


class StyledFilterSet(django_filters.FilterSet):
    """Bootstrap classes on every filter widget, so templates can render them plainly."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            is_select = hasattr(field, "choices")
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"
            if name == "q":
                field.widget.input_type = "search"


class OrganisationFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"), method=_search(["name", "description", "website"])
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
    scope = django_filters.ChoiceFilter(
        label=_("Intern of extern"), choices=Scope.choices, empty_label=_("Intern en extern")
    )
    attitude = django_filters.ChoiceFilter(
        label=_("Houding"), choices=Attitude.choices, empty_label=_("Elke houding")
    )


class ContactFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method=_search(["name", "function", "email", "organisation__name"]),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="organisation__sector",
        choices=Sector.choices,
        empty_label=_("Alle sectoren"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Voorkeurtaal"), choices=Language.choices, empty_label=_("Alle talen")
    )


class FollowUp:
    OPEN, OVERDUE, DONE, NONE = "open", "overdue", "done", "none"


class InteractionFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"), method=_search(["summary", "follow_up", "organisation__name"])
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=InteractionKind.choices, empty_label=_("Alle soorten")
    )
    follow_up = django_filters.ChoiceFilter(
        label=_("Opvolging"),
        method="filter_follow_up",
        empty_label=_("Alle contactmomenten"),
        choices=[
            (FollowUp.OPEN, _("Open opvolging")),
            (FollowUp.OVERDUE, _("Te laat")),
            (FollowUp.DONE, _("Afgerond")),
            (FollowUp.NONE, _("Zonder opvolging")),
        ],
    )

    def filter_follow_up(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        has_follow_up = ~Q(follow_up="")
        if value == FollowUp.OPEN:
            return queryset.filter(has_follow_up, follow_up_done=False)
        if value == FollowUp.OVERDUE:
            return queryset.overdue(timezone.localdate())
        if value == FollowUp.DONE:
            return queryset.filter(has_follow_up, follow_up_done=True)
        return queryset.filter(follow_up="")


class GridFilter(StyledFilterSet):
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
