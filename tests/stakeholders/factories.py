import datetime

import factory

from stakeholders.models import (
    Assessment,
    Attitude,
    Contact,
    Interaction,
    Organisation,
    Sector,
    ShortlistEntry,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n:04d}")
    sector = Sector.CIVIL_SOCIETY


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Persoon {n}")
    function = "coördinator"
    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    phone = "+32 3 000 00 00"


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    organisation = factory.SubFactory(OrganisationFactory)
    assessed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    influence = 3
    interest = 3
    attitude = Attitude.NEUTRAL


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    organisation = factory.SubFactory(OrganisationFactory)
    summary = "Kennismakingsgesprek"


class ShortlistEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShortlistEntry

    organisation = factory.SubFactory(OrganisationFactory)
    rationale = "Cruciale stem in het debat"
    position = factory.Sequence(lambda n: n + 1)
