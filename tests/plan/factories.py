import factory

from plan.models import Ambition, VisionState, VisionVersion


class VisionVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisionVersion

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Visie {n}")
    introduction = "Een stad waar **iedereen** zich thuis voelt."
    body = "## Samenleven\n\nWe benoemen verschillen openlijk."
    state = VisionState.CONCEPT


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition
        skip_postgeneration_save = True

    version = factory.SubFactory(VisionVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Ambitie {n}")
    text = "Wat we willen bereiken."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def excerpts(self, create, extracted, **kwargs):
        if create and extracted:
            self.excerpts.set(extracted)

    @factory.post_generation
    def statements(self, create, extracted, **kwargs):
        if create and extracted:
            self.statements.set(extracted)

    @factory.post_generation
    def passages(self, create, extracted, **kwargs):
        if create and extracted:
            self.passages.set(extracted)
