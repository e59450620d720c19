"""Factories of step 7 (the communication plan), apart from steps 5-6 to merge cleanly."""

import datetime

import factory

from plan.models import Level, Measurement, Objective, Step, StepPartner, TargetGroup
from tests.stakeholders.factories import OrganisationFactory


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Doelgroep {n:04d}")
    description = "Wie we willen bereiken."
    position = factory.Sequence(lambda n: n + 1)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective
        skip_postgeneration_save = True

    target_group = factory.SubFactory(TargetGroupFactory)
    text = factory.Sequence(lambda n: f"Doelstelling {n}")
    level = Level.BEHAVIOUR
    indicator = "Aandeel deelnemers van buiten de achterban"
    baseline = 10
    baseline_on = datetime.date(2026, 1, 1)
    target = 30
    unit = "%"
    deadline = datetime.date(2028, 12, 31)
    position = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def ambitions(self, create, extracted, **kwargs):
        if create and extracted:
            self.ambitions.set(extracted)

    @factory.post_generation
    def excerpts(self, create, extracted, **kwargs):
        if create and extracted:
            self.excerpts.set(extracted)


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Stap {n:04d}")
    start = datetime.date(2027, 1, 1)
    end = datetime.date(2027, 6, 30)

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)


class StepPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepPartner

    step = factory.SubFactory(StepFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "co-organisator"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    objective = factory.SubFactory(ObjectiveFactory)
    measured_on = datetime.date(2026, 6, 1)
    value = 15
