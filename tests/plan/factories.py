import factory

from interviews.models import ConsentScope
from plan.models import (
    Ambition,
    AmbitionFeedback,
    Endorsement,
    Invitee,
    ValidationResponse,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from tests.stakeholders.factories import OrganisationFactory


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


class ValidationRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ValidationRound

    version = factory.SubFactory(VisionVersionFactory, state=VisionState.VALIDATING)
    title = factory.Sequence(lambda n: f"Aftoetsingsronde {n}")


class InviteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitee

    round = factory.SubFactory(ValidationRoundFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ValidationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ValidationResponse

    invitee = factory.SubFactory(InviteeFactory)
    position = Endorsement.ENDORSE
    consent_scope = ConsentScope.ANONYMOUS
    surprises = "Dat de visie zo ver gaat."


class AmbitionFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AmbitionFeedback

    response = factory.SubFactory(ValidationResponseFactory)
    ambition = factory.SubFactory(AmbitionFactory)
    position = Endorsement.ENDORSE
