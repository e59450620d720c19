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

HELD_DAYS_AGO = 48  # the first interview; one every four days after it
GUIDE_TITLE = "Leidraad diepte-interviews beeldvorming en diversiteit (fictief)"
QUESTIONS = [
    "Hoe zou u de beeldvorming over diversiteit in Antwerpen vandaag omschrijven?",
    "Welke rol speelt uw organisatie in die beeldvorming?",
    "Hoe spreekt u zelf over verschillen tussen mensen?",
    "Welke woorden of labels vermijdt u liever, en waarom?",
    "Wat verbindt Antwerpenaren volgens u?",
    "Waar ziet u discriminatie of uitsluiting?",
    "Welke rol ziet u voor onderwijs?",
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
# The question each theme's sentences answer (by position in QUESTIONS).
QUESTION_OF_THEME = {
    "Beeldvorming": 0,
    "Participatie": 1,
    "Verschillen benoemen": 2,
    "Stereotypen": 2,
    "Taal": 3,
    "Verbindende identiteit": 4,
    "Wonen en buurt": 4,
    "Discriminatie": 5,
    "Racisme": 5,
    "Onderwijs": 6,
    "Werk": 7,
    "Media en berichtgeving": 8,
}
# What else is said in answer to each question (not coded): context, examples, doubts.
CONTEXT = [
    [
        "Als ik met mensen uit de buurt praat, hoor ik vooral vermoeidheid over het debat.",
        "Na een incident in het nieuws voelen we op straat meteen dat de sfeer verandert.",
        "Op feesten en markten zie je een stad die veel ontspannener is dan op sociale media.",
        "Veel Antwerpenaren hebben zelf een migratieverhaal in de familie, ook als ze dat niet zo noemen.",
        "Het beeld van buitenaf is vaak negatiever dan wat mensen in hun eigen straat meemaken.",
        "Wie in Antwerpen opgroeit, leert al vroeg dat de stad uit veel verhalen bestaat.",
        "Toch hoor ik ouders zeggen dat ze zich zorgen maken over de toon van het debat.",
        "Bij grote evenementen, zoals de marathon of de jaarmarkt, voel je hoe gemengd de stad is.",
        "Het beeld verandert pas als mensen ook positieve ervaringen met elkaar delen.",
    ],
    [
        "Wij komen elke week in contact met honderden mensen, dus we hebben een stem in het verhaal.",
        "Onze vrijwilligers zijn vaak de eersten bij wie mensen hun ervaringen kwijt kunnen.",
        "We organiseren ontmoetingen, maar we zien onszelf niet als campagnevoerder.",
        "Soms worden we gevraagd om voor een hele gemeenschap te spreken, en dat doen we liever niet.",
        "Wat wij doen, gebeurt meestal zonder camera's erbij.",
        "We zitten in verschillende overlegorganen, maar daar worden zelden knopen doorgehakt.",
        "Onze medewerkers spreken samen meer dan tien talen, en dat gebruiken we bewust.",
        "Als organisatie willen we vooral een betrouwbare partner zijn, ook op lange termijn.",
        "Elk jaar bereiken we meer mensen via de activiteiten van onze leden.",
    ],
    [
        "Binnen ons team spreken we af welke woorden we gebruiken, en we herbekijken dat elk jaar.",
        "Ik merk dat collega's bang zijn om iets verkeerds te zeggen en daarom liever zwijgen.",
        "Een verschil benoemen is iets anders dan er een oordeel aan koppelen.",
        "Mensen vragen zelf vaak om gezien te worden in wat hen eigen is.",
        "Een collega vertelde me dat ze pas na jaren durfde te zeggen dat ze moslima is.",
        "Ik spreek liever over ervaringen dan over groepen, dat houdt het gesprek open.",
        "Soms is humor de beste manier om een gevoelig onderwerp bespreekbaar te maken.",
        "We hebben gemerkt dat een vorming over dit thema vooral vragen oproept bij leidinggevenden.",
    ],
    [
        "Het woord nieuwkomer gebruiken we alleen in de eerste jaren na aankomst.",
        "Jongeren kiezen hun eigen woorden, en die zijn niet altijd die van de overheid.",
        "We vragen mensen liever zelf hoe ze genoemd willen worden.",
        "Een label dat op papier handig is, kan in een gesprek heel kwetsend klinken.",
        "In onze folders staan intussen pictogrammen, want niet iedereen leest vlot Nederlands.",
        "Onze vrijwilligers vertalen vaak informeel, en dat wordt nauwelijks gewaardeerd.",
        "Een tolk inschakelen kost geld, maar een misverstand kost uiteindelijk meer.",
        "Taal is voor veel mensen ook een kwestie van waardigheid.",
    ],
    [
        "De Rode Duivels, de Sinksenfoor en de Zoo: dat zijn momenten waarop iedereen Antwerpenaar is.",
        "Op de speelplaats of in de sportclub stelt niemand de vraag waar je vandaan komt.",
        "Mensen zijn trots op hun wijk, vaak meer dan op de stad als geheel.",
        "Samen iets opbouwen verbindt meer dan samen naar een toespraak luisteren.",
        "Iedereen kent wel iemand die ooit in de haven gewerkt heeft, dat verbindt generaties.",
        "Buurtfeesten lukken het best als bewoners ze zelf organiseren.",
        "Een gedeeld verhaal over de stad mag best over verschillende herkomsten gaan.",
        "Wat ons bindt, is vaak heel praktisch: goede scholen, veilige straten en een groen park.",
    ],
    [
        "We krijgen meldingen over de huurmarkt, het uitgaansleven en het openbaar vervoer.",
        "Veel mensen melden niets, omdat ze denken dat het toch geen verschil maakt.",
        "Wie een melding doet, wil vooral erkenning en een antwoord binnen een redelijke termijn.",
        "Uitsluiting is niet altijd zichtbaar: soms is het een uitnodiging die nooit komt.",
        "Vorig jaar werd een jonge vrouw met een hoofddoek geweigerd voor een studentenkamer.",
        "Mensen vertellen ons dat ze na een weigering niet meer durven te solliciteren.",
        "Het duurt vaak maanden voor een klacht behandeld wordt, en dan haken mensen af.",
        "Een duidelijk signaal van het stadsbestuur zou veel betekenen voor wie het meemaakt.",
    ],
    [
        "Een school is vaak de eerste plek waar gezinnen de stad leren kennen.",
        "De lerarenopleiding besteedt nog weinig aandacht aan meertalige klassen.",
        "Brugfiguren tussen school en ouders maken een groot verschil, als ze blijven.",
        "Studiekeuze wordt nog te veel bepaald door de verwachtingen van volwassenen.",
        "In sommige klassen spreken de leerlingen samen meer dan vijftien talen.",
        "Huiswerkbegeleiding door vrijwilligers helpt, maar vervangt geen goede ondersteuning op school.",
        "Ouders die zelf weinig onderwijs kregen, kennen het schoolsysteem vaak niet goed.",
        "Scholen met een gemengde leerlingengroep hebben ook een gemengd team nodig.",
    ],
    [
        "In de zorg en in de haven zijn de tekorten groot, en toch raken sommige mensen er niet binnen.",
        "Werkgevers vragen ons om advies, maar vaak pas als er al een conflict is.",
        "Een stage of een eerste job via het netwerk van iemand anders opent deuren.",
        "Diploma's uit het buitenland worden nog te traag erkend.",
        "Sommige werkgevers durven niet aan te werven omdat ze de taalvereisten niet kennen.",
        "Een mentor op de werkvloer maakt het verschil in de eerste maanden.",
        "Wie lang werkloos is, verliest ook zijn netwerk, en dat is moeilijk terug te winnen.",
        "Ondernemers met een migratieachtergrond creëren zelf veel banen in de stad.",
    ],
    [
        "Journalisten hebben weinig tijd, en dan bel je de bronnen die je al kent.",
        "Een goed verhaal over een gewone buurt haalt zelden de voorpagina.",
        "We proberen zelf verhalen aan te reiken, met mensen die willen getuigen.",
        "Op sociale media gaat het sneller en harder dan in de krant.",
        "Wij zouden graag een lijst van experten met diverse achtergronden aanreiken aan redacties.",
        "Een foto bij een artikel bepaalt vaak meer dan de tekst zelf.",
        "Lokale televisie laat soms mooie portretten zien, maar die worden weinig gedeeld.",
        "Reacties onder online artikels zijn vaak harder dan wat mensen in het echt zeggen.",
    ],
    [
        "Atlas kent het terrein goed en wordt door veel organisaties vertrouwd.",
        "We hopen dat Atlas niet alleen campagnes voert, maar ook organisaties begeleidt.",
        "Een plan heeft pas zin als er na drie jaar nog iemand verantwoordelijk voor is.",
        "Het zou helpen als Atlas de resultaten van dit onderzoek met ons deelt.",
        "Wij willen graag meewerken, als het ook voor onze mensen iets oplevert.",
        "Geef organisaties de ruimte om zelf te kiezen hoe ze meedoen.",
        "Atlas kan een brug slaan tussen het stadsbestuur en organisaties op het terrein.",
        "Het zou goed zijn als Atlas jaarlijks toont wat er met de aanbevelingen gebeurd is.",
        "We vragen Atlas om niet alleen in het centrum, maar ook in de districten aanwezig te zijn.",
        "Een vast aanspreekpunt bij Atlas zou veel van onze vragen sneller beantwoorden.",
    ],
    [
        "Scholen, sportclubs en werkgevers bereiken mensen die Atlas zelf niet bereikt.",
        "De politie en de huisvestingsmaatschappijen moeten mee aan tafel, ook al is dat moeilijk.",
        "Zelforganisaties hebben het vertrouwen van hun achterban, en dat is kostbaar.",
        "Lokale handelaars worden vaak vergeten, terwijl ze iedereen in de wijk kennen.",
        "Samenwerken lukt het best rond een concreet project met een duidelijke einddatum.",
        "Het bibliotheeknetwerk is een plek waar heel veel Antwerpenaren elkaar kruisen.",
        "Met de jeugdbewegingen is er nog weinig contact, terwijl ze veel kinderen bereiken.",
        "Ook de vakbonden hebben een rol, zeker waar het over discriminatie op het werk gaat.",
        "Een netwerk van ambassadeurs uit verschillende wijken lijkt ons een goed idee.",
        "Universiteiten en hogescholen kunnen helpen om te meten wat werkt en wat niet.",
    ],
    [
        "Vergeet de ouderen niet: ook zij leven in een stad die snel verandert.",
        "Meet wat er verandert, anders weet over drie jaar niemand of het plan gewerkt heeft.",
        "Neem de mensen mee die vandaag nog niet aan tafel zitten.",
        "Houd het plan eenvoudig genoeg om het aan een buurman uit te leggen.",
        "Het mag gerust ook gaan over wat al goed loopt in de stad.",
        "Zorg dat iedereen weet bij wie hij terechtkan met een vraag of een klacht.",
        "Vergeet ook de medewerkers van de stad zelf niet, want zij zijn het gezicht van het beleid.",
        "Geef het plan voldoende tijd: gedrag verander je niet in één jaar.",
        "Laat de mensen die we vandaag gesproken hebben ook de resultaten zien.",
        "En durf ook te zeggen wat niet gelukt is, dat maakt een plan geloofwaardig.",
    ],
]
# Ways to start a sentence, each used at most once per interview.
OPENERS = ["Eerlijk gezegd: ", "Voor ons is het zo: ", "Wat we merken, is dit: "]
# Asides, each said at most once per interview.
FILLERS = [
    "Dat zeg ik niet alleen voor mezelf, dat horen we ook bij onze leden.",
    "We hebben daar intern lang over gepraat.",
    "Dat is natuurlijk maar één kant van het verhaal.",
    "Ik geef u een voorbeeld uit de praktijk van vorig jaar.",
    "Dat blijft voor ons een belangrijk punt.",
]
# The interviewer's follow-up in the middle of each answer, a different one each time.
FOLLOW_UPS = [
    "Kunt u dat wat meer uitleggen?",
    "Hebt u daar een voorbeeld van?",
    "Hoe merkt u dat in uw werk?",
    "Is dat de laatste jaren veranderd?",
    "Wat zou daar volgens u helpen?",
    "Denken uw collega's daar ook zo over?",
    "Wat bedoelt u precies?",
    "Speelt dat overal in de stad, of vooral in bepaalde wijken?",
    "En hoe reageren de mensen zelf daarop?",
    "Wat zou u anders doen als u het voor het zeggen had?",
    "Waar loopt het dan vast?",
    "Kunt u daar nog iets over vertellen?",
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
    # after the shortlist's approval (stakeholders.demo), before the workshop (workshops.demo)
    held = timezone.now() - datetime.timedelta(days=HELD_DAYS_AGO - 4 * index)
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
    planned = held - datetime.timedelta(days=10)  # planned ten days ahead
    Interview.objects.filter(pk=interview.pk).update(created_at=planned)
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
    answers = _answers(rng)
    if with_transcript:
        text = _transcript_text(speaker, answers, rng)
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


def _answers(rng: random.Random) -> list[list[tuple[str, tuple | None]]]:
    """The answer to each question: its theme sentences and context in a shuffled order,
    with an opener and an aside here and there; no sentence twice in one interview."""
    answers = [
        [(sentence, None) for sentence in CONTEXT[question]] for question in range(len(QUESTIONS))
    ]
    for template in SENTENCES:
        answers[QUESTION_OF_THEME[template[0]]].append((template[2], template))
    openers, fillers = list(OPENERS), list(FILLERS)
    rng.shuffle(openers)
    rng.shuffle(fillers)
    for answer in answers:
        rng.shuffle(answer)
        if fillers and rng.random() < 0.5:
            answer.insert(rng.randint(1, len(answer)), (fillers.pop(), None))
        if openers and rng.random() < 0.3:
            sentence, template = answer[0]
            answer[0] = (openers.pop() + sentence[0].lower() + sentence[1:], template)
    return answers


def _transcript_text(speaker: str, answers, rng: random.Random) -> str:
    turns = [
        "Interviewer (fictief): Dank u om tijd te maken. Alles wat u zegt, blijft fictief in deze demo."
    ]
    follow_ups = list(FOLLOW_UPS)
    rng.shuffle(follow_ups)
    for question, answer, follow_up in zip(QUESTIONS, answers, follow_ups, strict=True):
        turns.append(f"Interviewer (fictief): {question}")
        half = len(answer) // 2
        turns.append(f"{speaker}: " + " ".join(s for s, _t in answer[:half]))
        turns.append(f"Interviewer (fictief): {follow_up}")
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
    # Every passage on a theme is coded, once, in reading order (about 28 per interview).
    candidates.sort(key=lambda candidate: ((candidate[0] or candidate[1]).pk, candidate[2]))
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
