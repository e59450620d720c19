"""The demo case holds nothing a city official would find odd: passages tagged with what they
are about, no quote coded twice, one organisation per person with a fitting function, dates
in the method's order, and Dutch without repeated phrases or known grammar slips."""

import re
from collections import Counter, defaultdict
from itertools import pairwise

from django.utils import timezone

from interviews.models import Excerpt, GuideQuestion, Interview, NoteAnswer, Transcript
from plan.models import ValidationRound, VisionVersion
from policies.models import Passage
from stakeholders.models import Contact, Sector, ShortlistEntry
from workshops.models import Workshop

PASSWORD = "demo-regels-wachtwoord"

# A word in a passage that says what it is about, and the theme it must then carry.
KEYWORDS = {
    r"discrimin|praktijktest": {"Discriminatie", "Racisme"},
    r"racisme|haat": {"Racisme"},
    r"huurmarkt|verhuur|\bwijk\b|buurt": {"Wonen en buurt", "Discriminatie"},
    r"\bschool|leerling|leraren|\bklas\b": {"Onderwijs"},
    r"arbeidsmarkt|aanwerving|solliciteer|\bcv\b|werkzaamheid": {"Werk", "Discriminatie"},
    r"nederlands|meertalig|\btaal\b": {"Taal", "Onderwijs"},
    r"beeldvorming|berichtgeving|communicatie|beelden": {
        "Beeldvorming",
        "Media en berichtgeving",
    },
}

# Functions that belong to one kind of organisation only.
FUNCTION_SECTORS = {
    "hoofdredacteur": {Sector.MEDIA},
    "journalist": {Sector.MEDIA},
    "eindredacteur": {Sector.MEDIA},
    "kabinetsmedewerker": {Sector.CITY_POLITICS},
    "diensthoofd": {Sector.CITY_ADMINISTRATION},
    "pedagogisch adviseur": {Sector.EDUCATION},
    "directeur": {Sector.EDUCATION, Sector.WELFARE, Sector.CULTURE},
    "jongerenwerker": {Sector.CIVIL_SOCIETY, Sector.WELFARE},
    "opbouwwerker": {Sector.CIVIL_SOCIETY, Sector.WELFARE},
    "jobcoach": {Sector.ECONOMY},
}

# Forms a Dutch reader stumbles on (the verb after "u" takes the t: "ziet u", "wilt u").
WRONG_DUTCH = re.compile(r"\b(zien|wil|heb|vind|denken|willen) u\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a text without speaker labels, of five words or more."""
    text = re.sub(r"^[^:\n]{1,60}: ", "", text, flags=re.MULTILINE)
    parts = re.split(r"(?<=[.?!])\s+", text)
    return [part.strip() for part in parts if len(part.split()) >= 5]


# --- Step 1: key passages ---------------------------------------------------------------


def test_every_key_passage_carries_the_themes_it_is_about(demo_db):
    passages = Passage.objects.prefetch_related("themes")
    assert passages.count() >= 50
    for passage in passages:
        themes = {theme.name for theme in passage.themes.all()}
        assert themes, passage.quote
        for pattern, expected in KEYWORDS.items():
            if re.search(pattern, passage.quote, re.IGNORECASE):
                assert themes & expected, (passage.quote, themes, expected)


def test_the_rental_market_passage_is_not_about_participation(demo_db):
    passage = Passage.objects.get(quote__startswith="Discriminatie op de huur- en arbeidsmarkt")
    assert {theme.name for theme in passage.themes.all()} >= {"Discriminatie", "Wonen en buurt"}
    assert "Participatie" not in {theme.name for theme in passage.themes.all()}


# --- Step 2: people and the shortlist -----------------------------------------------------


def test_each_person_works_at_one_organisation(demo_db):
    organisations = defaultdict(set)
    for name, organisation in Contact.objects.values_list("name", "organisation"):
        organisations[name].add(organisation)
    shared = {name: orgs for name, orgs in organisations.items() if len(orgs) > 1}
    assert shared == {}
    assert Contact.objects.count() == len(organisations)  # nobody twice in one either


def test_each_function_fits_its_organisation(demo_db):
    for contact in Contact.objects.select_related("organisation"):
        sectors = FUNCTION_SECTORS.get(contact.function)
        if sectors:
            assert contact.organisation.sector in sectors, (
                contact.name,
                contact.function,
                contact.organisation.name,
            )


def test_every_shortlist_proposal_comes_before_its_decision(demo_db):
    entries = ShortlistEntry.objects.exclude(decided_at=None)
    assert entries.count() >= 8
    for entry in entries:
        assert entry.proposed_at < entry.decided_at, entry.organisation.name


# --- Step 3: interviews ---------------------------------------------------------------------


def test_no_quote_is_coded_twice_in_one_interview(demo_db):
    for interview in Interview.objects.all():
        texts = Counter(interview.excerpts.values_list("text", flat=True))
        twice = [text for text, count in texts.items() if count > 1]
        assert twice == [], interview


def test_no_two_codes_overlap_in_one_source(demo_db):
    spans = defaultdict(list)
    for excerpt in Excerpt.objects.all():
        spans[(excerpt.transcript_id, excerpt.note_id)].append((excerpt.start, excerpt.end))
    for source, ranges in spans.items():
        ranges.sort()
        for (_start, end), (next_start, _end) in pairwise(ranges):
            assert end <= next_start, source


def test_interviews_follow_the_shortlist_and_their_planning_and_consent(demo_db):
    today = timezone.localdate()
    approved = {
        entry.organisation_id: entry.decided_at
        for entry in ShortlistEntry.objects.filter(decision="approved")
    }
    interviews = Interview.objects.select_related("consent")
    assert interviews.count() == 7
    for interview in interviews:
        assert approved[interview.organisation_id] < interview.created_at, interview
        assert interview.created_at < interview.held_at, "planned before it is held"
        assert interview.consent.date <= interview.held_at.date() <= today
        withdrawn = interview.consent.withdrawn_on
        assert withdrawn is None or interview.consent.date < withdrawn <= today


def test_the_workshop_comes_after_the_interviews_and_before_the_vision(demo_db):
    last_interview = Interview.objects.order_by("-held_at").first().held_at.date()
    workshop = Workshop.objects.get()
    first_vision = VisionVersion.objects.order_by("created_at").first().created_at.date()
    assert last_interview < workshop.date < first_vision


def test_the_validation_round_opens_after_its_version_was_written(demo_db):
    for round_ in ValidationRound.objects.select_related("version"):
        assert round_.version.created_at.date() <= round_.opens_on
        assert round_.closes_on is None or round_.opens_on <= round_.closes_on


# --- Natural Dutch --------------------------------------------------------------------------


def test_no_sentence_is_said_twice_in_one_interview(demo_db):
    for interview in Interview.objects.all():
        texts = [t.text for t in Transcript.objects.filter(interview=interview)]
        texts += [n.text for n in NoteAnswer.objects.filter(interview=interview)]
        said = Counter(sentence for text in texts for sentence in sentences(text))
        repeated = [sentence for sentence, count in said.items() if count > 1]
        assert repeated == [], (interview, repeated[:3])


def test_the_interviewer_asks_each_follow_up_once(demo_db):
    for transcript in Transcript.objects.all():
        asked = Counter(re.findall(r"^Interviewer \(fictief\): (.+)$", transcript.text, re.M))
        assert max(asked.values()) == 1, asked.most_common(2)


def test_guides_and_transcripts_avoid_known_grammar_slips(demo_db):
    texts = list(GuideQuestion.objects.values_list("text", flat=True))
    texts += list(Transcript.objects.values_list("text", flat=True))
    assert texts
    for text in texts:
        assert not WRONG_DUTCH.search(text), WRONG_DUTCH.search(text).group(0)
        assert "Ik denk dat de " not in text  # a main clause after "dat" reads wrongly
