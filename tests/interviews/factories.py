import datetime

import factory
from django.utils import timezone

from interviews.models import (
    Consent,
    ConsentScope,
    Excerpt,
    GuideQuestion,
    Interview,
    InterviewGuide,
    Transcript,
)
from tests.stakeholders.factories import OrganisationFactory

TRANSCRIPT = (
    "Interviewer: Hoe kijkt u naar de beeldvorming over diversiteit in Antwerpen?\n"
    "Amina El Idrissi: Wij merken dat de verhalen over de stad vaak te eenzijdig zijn.\n"
    "Interviewer: Wat zou helpen?\n"
    "Amina El Idrissi: Verschillen benoemen zonder mensen in hokjes te stoppen."
)


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewGuide

    title = factory.Sequence(lambda n: f"Leidraad {n}")


class GuideQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideQuestion

    guide = factory.SubFactory(GuideFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Vraag {n}?")


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    held_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))

    @factory.post_generation
    def interviewers(self, create, extracted, **kwargs):
        if create and extracted:
            self.interviewers.set(extracted)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    interview = factory.SubFactory(InterviewFactory)
    scope = ConsentScope.NAMED
    date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))


class TranscriptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transcript

    interview = factory.SubFactory(InterviewFactory)
    text = TRANSCRIPT


class ExcerptFactory(factory.django.DjangoModelFactory):
    """Codes the first occurrence of ``phrase`` in the transcript."""

    class Meta:
        model = Excerpt
        skip_postgeneration_save = True
        exclude = ["phrase"]

    transcript = factory.SubFactory(TranscriptFactory)
    interview = factory.LazyAttribute(lambda o: o.transcript.interview)
    phrase = "verhalen over de stad"
    start = factory.LazyAttribute(lambda o: o.transcript.text.index(o.phrase))
    end = factory.LazyAttribute(lambda o: o.start + len(o.phrase))
    text = factory.LazyAttribute(lambda o: o.phrase)
    stance = "critical"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
