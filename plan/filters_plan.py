"""Search and filters of the plan's lists (target groups, steps)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from atlasplan.forms import IdChoiceField
from plan.models import StepState, TargetGroup
from plan.terms import Term
from stakeholders.filters import StyledFilterSet


class _IdFilterField(ModelChoiceField, IdChoiceField):
    """A filter's model choice for which an odd id is "no such choice", never a 500."""


class IdModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _IdFilterField


def _search(*fields: str):
    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)

    return method


class TargetGroupFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"), method=_search("name", "description", "know", "feel", "do")
    )


class StepFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method=_search("title", "description", "channel", "owner_name"),
    )
    term = django_filters.ChoiceFilter(
        label=_("Termijn"), choices=Term.choices, empty_label=_("Elke termijn")
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"), choices=StepState.choices, empty_label=_("Elke status")
    )
    target_group = IdModelChoiceFilter(
        label=_("Doelgroep"),
        field_name="objectives__target_group",
        queryset=TargetGroup.objects.all(),
        empty_label=_("Alle doelgroepen"),
        distinct=True,
    )
