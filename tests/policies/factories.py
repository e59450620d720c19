import factory

from policies.models import Level, Passage, PolicyDocument


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyDocument

    title = factory.Sequence(lambda n: f"Beleidsnota {n}")
    organisation = "Stad Antwerpen"
    level = Level.CITY
    year = 2024


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    document = factory.SubFactory(PolicyDocumentFactory)
    quote = factory.Sequence(lambda n: f"Een kernzin over samenleven nummer {n}.")
    page = 1
