"""Step 3 of the fictional Atlas demo case: seven interviews with the approved shortlist.

Transcripts are generated deterministically from sentence templates (a seeded random per
interview), so every load gives the same text and the excerpts can code whole sentences.
Everything here is fictional.
"""

import datetime
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from interviews.models import (
    Consent,
    ConsentMethod,
    ConsentScope,
    Excerpt,
    GuideQuestion,
    Interview,
    InterviewGuide,
    Mode,
    NoteAnswer,
    PositionSummary,
    Status,
    Transcript,
    TranscriptVersion,
)
from stakeholders.models import Decision, Progress, ShortlistEntry
from stakeholders.services import record_progress

GUIDE_TITLE = "Leidraad diepte-interviews beeldvorming en diversiteit (fictief)"
QUESTIONS = [
    "Hoe zou u de beeldvorming over diversiteit in Antwerpen vandaag omschrijven?",
    "Welke rol speelt uw organisatie in die beeldvorming?",
    "Hoe spreekt u zelf over verschillen tussen mensen?",
    "Welke woorden of labels vermijdt u liever, en waarom?",
    "Wat verbindt Antwerpenaren volgens u?",
    "Waar ziet u discriminatie of uitsluiting?",
    "Welke rol zien u voor onderwijs?",
    "En voor werk en de arbeidsmarkt?",
    "Hoe kijkt u naar de berichtgeving in de media?",
    "Wat verwacht u van Atlas in de komende jaren?",
    "Met wie zou Atlas moeten samenwerken?",
    "Wat mogen we zeker niet vergeten in het plan?",
]

# (theme, stance, sentence): the building blocks of the answers.
SENTENCES = [
    (
        "Beeldvorming",
        "critical",
        "De verhalen over de stad gaan nog te vaak over problemen en te weinig over wat goed loopt.",
    ),
    (
        "Beeldvorming",
        "nuanced",
        "Het beeld verschilt sterk van wijk tot wijk, dus één campagne voor de hele stad werkt niet.",
    ),
    (
        "Beeldvorming",
        "supportive",
        "We zien dat jongeren diversiteit vanzelfsprekender vinden dan hun ouders.",
    ),
    (
        "Stereotypen",
        "critical",
        "Mensen worden nog altijd aangesproken op hun afkomst in plaats van op wat ze doen.",
    ),
    (
        "Stereotypen",
        "nuanced",
        "Stereotypen verdwijnen niet door ze te ontkennen, wel door mensen elkaar echt te laten ontmoeten.",
    ),
    (
        "Media en berichtgeving",
        "critical",
        "In de krant komt een jonge Antwerpenaar met migratieachtergrond vooral in het misdaadnieuws.",
    ),
    (
        "Media en berichtgeving",
        "supportive",
        "Lokale media zoeken meer diverse stemmen dan vijf jaar geleden, en dat merken we.",
    ),
    (
        "Verschillen benoemen",
        "supportive",
        "Verschillen benoemen mag, zolang je mensen er niet in opsluit.",
    ),
    (
        "Verschillen benoemen",
        "nuanced",
        "Soms is het nodig om verschillen te benoemen, bijvoorbeeld om ongelijkheid zichtbaar te maken.",
    ),
    (
        "Verschillen benoemen",
        "critical",
        "Als beleid alleen over 'iedereen' spreekt, verdwijnen de mensen die het moeilijkst hebben uit beeld.",
    ),
    (
        "Taal",
        "nuanced",
        "Woorden als allochtoon gebruiken we niet meer, maar de nieuwe labels roepen ook vragen op.",
    ),
    (
        "Taal",
        "supportive",
        "Meertaligheid is een troef van de stad en geen probleem dat opgelost moet worden.",
    ),
    (
        "Taal",
        "critical",
        "Wie met een accent spreekt, wordt aan het loket nog te vaak anders behandeld.",
    ),
    (
        "Verbindende identiteit",
        "supportive",
        "Het 'wij' van Antwerpen is sterk als het over de buurt, de club of de school gaat.",
    ),
    (
        "Verbindende identiteit",
        "nuanced",
        "Een gedeelde identiteit kan je niet opleggen, ze groeit uit gedeelde ervaringen.",
    ),
    (
        "Discriminatie",
        "critical",
        "Discriminatie op de huurmarkt blijft een van de meest gemelde problemen bij ons.",
    ),
    (
        "Discriminatie",
        "nuanced",
        "Niet elke klacht is discriminatie, maar elke klacht verdient een ernstig antwoord.",
    ),
    (
        "Racisme",
        "critical",
        "Racisme wordt vaak weggezet als een incident, terwijl mensen het dagelijks ervaren.",
    ),
    (
        "Onderwijs",
        "supportive",
        "Scholen die ouders echt betrekken, zien de sfeer en de resultaten verbeteren.",
    ),
    ("Onderwijs", "critical", "Kinderen worden nog te snel naar een lagere richting doorverwezen."),
    (
        "Onderwijs",
        "nuanced",
        "Leerkrachten willen wel, maar ze missen tijd en ondersteuning om met diversiteit om te gaan.",
    ),
    (
        "Werk",
        "critical",
        "Wie Mohamed heet, moet nog altijd meer sollicitatiebrieven sturen dan wie Thomas heet.",
    ),
    (
        "Werk",
        "supportive",
        "Werkgevers die anoniem solliciteren invoerden, vinden sneller goede mensen.",
    ),
    (
        "Wonen en buurt",
        "nuanced",
        "In de wijk leven mensen naast elkaar, en samenleven vraagt plekken om elkaar te ontmoeten.",
    ),
    (
        "Participatie",
        "supportive",
        "Zelforganisaties willen graag meedenken als ze vroeg genoeg betrokken worden.",
    ),
    ("Participatie", "critical", "Te vaak worden we pas gevraagd als de beslissing al genomen is."),
    (
        "Participatie",
        "neutral",
        "We hebben daarover nog geen standpunt ingenomen binnen onze raad van bestuur.",
    ),
    ("Beeldvorming", "neutral", "Daar hebben we eerlijk gezegd weinig cijfers over."),
]
OPENERS = [
    "",
    "Eerlijk gezegd: ",
    "Voor ons is het zo: ",
    "Ik denk dat ",
    "Wat we merken, is dit: ",
]
FILLERS = [
    "Dat zeg ik niet alleen voor mezelf, dat horen we ook bij onze leden.",
    "We hebben daar intern lang over gepraat.",
    "Dat is natuurlijk maar één kant van het verhaal.",
    "Ik geef u een voorbeeld uit de praktijk van vorig jaar.",
    "Dat blijft voor ons een belangrijk punt.",
]

# Per shortlist position: consent scope, withdrawn, has a transcript.
PLAN = [
    (ConsentScope.NAMED, False, True),
    (ConsentScope.ANONYMOUS, False, True),
    (ConsentScope.NAMED, False, True),
    (ConsentScope.NOT_QUOTABLE, False, True),
    (ConsentScope.ANONYMOUS, False, True),
    (ConsentScope.NAMED, True, True),
    (ConsentScope.ANONYMOUS, False, False),  # notes per question, no transcript
]


def load(context: DemoContext) -> None:
    consultant = User.objects.filter(username="consultant").first()
    atlas = User.objects.filter(username="atlas").first()
    themes = {theme.name: theme for theme in Theme.objects.all()}
    guide = _guide()
    entries = ShortlistEntry.objects.filter(decision=Decision.APPROVED).select_related(
        "organisation", "contact"
    )
    created = 0
    for index, entry in enumerate(entries.order_by("position", "pk")[: len(PLAN)]):
        if entry.organisation.interviews.exists():
            continue
        _interview(index, entry, guide, consultant, atlas, themes)
        created += 1
    context.report(f"+ {created} interviews ({len(PLAN)} in the demo)")


def _guide() -> InterviewGuide:
    guide, created = InterviewGuide.objects.get_or_create(
        title=GUIDE_TITLE,
        defaults={"description": "Fictieve leidraad voor de demo: twaalf open vragen."},
    )
    if created:
        for position, text in enumerate(QUESTIONS, start=1):
            GuideQuestion.objects.create(guide=guide, position=position, text=text)
    return guide


@transaction.atomic
def _interview(index, entry, guide, consultant, atlas, themes) -> None:
    scope, withdrawn, with_transcript = PLAN[index]
    held = timezone.now() - datetime.timedelta(days=40 - 4 * index)
    interview = Interview.objects.create(
        organisation=entry.organisation,
        held_at=held.replace(hour=10, minute=0, second=0, microsecond=0),
        mode=[Mode.ON_SITE, Mode.VIDEO, Mode.PHONE][index % 3],
        location="Atlas, Carnotstraat (fictief)" if index % 3 == 0 else "",
        duration=60 + 5 * index,
        guide=guide,
        status=Status.CODED,
        notes="Demo-interview: alle namen en uitspraken zijn fictief.",
    )
    interview.interviewers.set([u for u in (consultant, atlas if index == 2 else None) if u])
    if entry.contact:
        interview.interviewees.set([entry.contact])
    Consent.objects.create(
        interview=interview,
        date=held.date(),
        method=ConsentMethod.WRITTEN if index % 2 == 0 else ConsentMethod.ORAL_RECORDED,
        scope=scope,
        withdrawn_on=held.date() + datetime.timedelta(days=20) if withdrawn else None,
    )
    speaker = entry.contact.name if entry.contact else "Geïnterviewde"
    rng = random.Random(f"atlasplan-demo-{index}")
    answers = [_answer(rng, question_index) for question_index in range(len(QUESTIONS))]
    if with_transcript:
        text = _transcript_text(speaker, answers)
        transcript = Transcript.objects.create(interview=interview, text=text)
        TranscriptVersion.objects.create(
            transcript=transcript, number=1, text=text, saved_by=consultant
        )
        sources = [(transcript, None)]
    else:
        sources = []
        for question, answer in zip(guide.questions.all(), answers, strict=False):
            note = NoteAnswer.objects.create(
                interview=interview, question=question, text=" ".join(s for s, _t in answer)
            )
            sources.append((None, note))
    _code(rng, interview, sources, consultant, themes)
    _summaries(interview, consultant, themes)
    record_progress(entry.organisation, Progress.INTERVIEWED)


def _answer(rng: random.Random, question_index: int) -> list[tuple[str, tuple]]:
    """Ten to thirteen sentences, each with the template it came from (or None: filler)."""
    sentences = []
    for _n in range(rng.randint(10, 13)):
        if rng.random() < 0.25:
            sentences.append((rng.choice(FILLERS), None))
            continue
        template = rng.choice(SENTENCES)
        opener = rng.choice(OPENERS)
        body = template[2] if not opener else template[2][0].lower() + template[2][1:]
        sentences.append((opener + body, template))
    return sentences


def _transcript_text(speaker: str, answers) -> str:
    turns = [
        "Interviewer (fictief): Dank u om tijd te maken. Alles wat u zegt, blijft fictief in deze demo."
    ]
    for question, answer in zip(QUESTIONS, answers, strict=True):
        turns.append(f"Interviewer (fictief): {question}")
        half = len(answer) // 2
        turns.append(f"{speaker}: " + " ".join(s for s, _t in answer[:half]))
        turns.append("Interviewer (fictief): Kunt u dat wat meer uitleggen?")
        turns.append(f"{speaker}: " + " ".join(s for s, _t in answer[half:]))
    turns.append("Interviewer (fictief): Hartelijk dank voor dit gesprek.")
    return "\n\n".join(turns)


def _code(rng, interview, sources, consultant, themes) -> None:
    candidates = []
    for transcript, note in sources:
        text = (transcript or note).text
        for _theme, stance, sentence in SENTENCES:
            # Search without the first letter: an opener lower-cases it.
            at = text.find(sentence[1:])
            while at > 0:
                candidates.append((transcript, note, at - 1, sentence, _theme, stance))
                at = text.find(sentence[1:], at + 1)
    rng.shuffle(candidates)
    wanted = rng.randint(15, 25)
    used = set()
    for transcript, note, at, sentence, theme_name, stance in candidates:
        source_text = (transcript or note).text
        start, end = at, at + len(sentence)
        if (id(transcript or note), start) in used or theme_name not in themes:
            continue
        used.add((id(transcript or note), start))
        excerpt = Excerpt.objects.create(
            interview=interview, transcript=transcript, note=note, start=start, end=end,
            text=source_text[start:end], stance=stance, coder=consultant,
            surprising=rng.random() < 0.15, quotable=rng.random() < 0.4,
        )  # fmt: skip
        excerpt.themes.set([themes[theme_name]])
        if len(used) >= wanted:
            break


def _summaries(interview, consultant, themes) -> None:
    counted = {}
    for excerpt in interview.excerpts.prefetch_related("themes"):
        for theme in excerpt.themes.all():
            counted.setdefault(theme, []).append(excerpt.get_stance_display().lower())
    for theme, stances in list(counted.items())[:3]:
        PositionSummary.objects.get_or_create(
            organisation=interview.organisation,
            theme=theme,
            defaults={
                "text": f"Fictieve samenvatting: over {theme.name.lower()} overwegend "
                f"{max(set(stances), key=stances.count)} ({len(stances)} fragmenten).",
                "updated_by": consultant,
            },
        )
