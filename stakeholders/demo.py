"""Step 2's part of the fictional Atlas demo case: 40 organisations and a shortlist of 7.

Every organisation, person, e-mail address and phone number here is invented; descriptions
say so. Data is fixed (no randomness); dates are relative to the day the demo is loaded.
Loading again adds nothing to an organisation that is already there.
"""

import datetime
import unicodedata

from django.contrib.auth.models import User
from django.utils import timezone

from atlasplan.demo import DemoContext
from stakeholders.models import (
    Assessment,
    Attitude,
    Contact,
    Decision,
    Interaction,
    InteractionKind,
    Language,
    Organisation,
    Scope,
    Sector,
    Shortlist,
    ShortlistEntry,
)

FICTIONAL = "Fictieve organisatie voor de demo van AtlasPlan."
S, A = Sector, Attitude
SUP, NEU, CRI, UNK = A.SUPPORTIVE, A.NEUTRAL, A.CRITICAL, A.UNKNOWN

# name, sector, influence, interest, attitude, what it does
ORGANISATIONS = [
    ("Atlas - team Communicatie", S.ATLAS, 4, 5, SUP, "Het communicatieteam van Atlas."),
    ("Atlas - team Inburgering", S.ATLAS, 3, 5, SUP, "Begeleidt nieuwkomers in hun traject."),
    (
        "Stad Antwerpen - Dienst Samenleven",
        S.CITY_ADMINISTRATION,
        4,
        4,
        SUP,
        "Stedelijke dienst voor samenleven in diversiteit.",
    ),
    (
        "Stad Antwerpen - Dienst Onderwijsbeleid",
        S.CITY_ADMINISTRATION,
        3,
        3,
        NEU,
        "Stedelijk onderwijsbeleid.",
    ),
    (
        "Stedelijk Wijkoverleg Noord",
        S.CITY_ADMINISTRATION,
        2,
        4,
        SUP,
        "Overleg tussen stad en bewoners in de noordelijke wijken.",
    ),
    (
        "Kabinet van de schepen voor Samenleven",
        S.CITY_POLITICS,
        5,
        4,
        NEU,
        "Politiek verantwoordelijke voor het beleid.",
    ),
    (
        "Gemeenteraadscommissie Diversiteit",
        S.CITY_POLITICS,
        4,
        3,
        UNK,
        "Raadscommissie die het beleid opvolgt.",
    ),
    ("Jongerenraad Antwerpen", S.CITY_POLITICS, 2, 4, CRI, "Adviesraad van jonge Antwerpenaren."),
    (
        "Vzw De Brug - جسر",
        S.CIVIL_SOCIETY,
        3,
        5,
        SUP,
        "Zelforganisatie die Arabischsprekende gezinnen ondersteunt.",
    ),
    (
        "Federatie van Zelforganisaties Scheldeland",
        S.CIVIL_SOCIETY,
        4,
        5,
        CRI,
        "Koepel van zelforganisaties.",
    ),
    (
        "Spilka - Спілка українців in Antwerpen",
        S.CIVIL_SOCIETY,
        2,
        4,
        SUP,
        "Vereniging van Oekraïense Antwerpenaren.",
    ),
    ("Çınar Kultuurvereniging", S.CIVIL_SOCIETY, 2, 3, NEU, "Turks-Vlaamse culturele vereniging."),
    (
        "Ubuntu Huis",
        S.CIVIL_SOCIETY,
        2,
        5,
        CRI,
        "Ontmoetingshuis van Afrikaanse diaspora-organisaties.",
    ),
    ("Buurtwerk Łącznik", S.CIVIL_SOCIETY, 1, 3, UNK, "Buurtwerking met Poolse vrijwilligers."),
    ("Scholengroep Stroom", S.EDUCATION, 4, 4, NEU, "Scholengroep van het stedelijk onderwijs."),
    (
        "Atheneum Kiel",
        S.EDUCATION,
        2,
        4,
        SUP,
        "Secundaire school met een zeer diverse leerlingengroep.",
    ),
    ("Hogeschool Scheldepoort", S.EDUCATION, 3, 2, NEU, "Hogeschool met een lerarenopleiding."),
    (
        "Centrum voor Basiseducatie Linkeroever",
        S.EDUCATION,
        2,
        3,
        SUP,
        "Onderwijs voor volwassenen.",
    ),
    ("Cultuurhuis De Kaaiwerf", S.CULTURE, 3, 4, SUP, "Wereldcultuurcentrum."),
    ("Stadsbibliotheek Westpunt", S.CULTURE, 2, 3, SUP, "Bibliotheek met een taalpunt."),
    ("Festival Mixité", S.CULTURE, 1, 4, SUP, "Jaarlijks straatfestival."),
    ("Museum aan de Kaai", S.CULTURE, 3, 2, UNK, "Stadsmuseum over migratie en havengeschiedenis."),
    ("Gazet van de Schelde", S.MEDIA, 5, 2, CRI, "Regionale krant."),
    ("Radio Scheldestad", S.MEDIA, 3, 2, NEU, "Lokale radiozender."),
    (
        "Mediaplatform Nieuw Antwerpen",
        S.MEDIA,
        2,
        5,
        SUP,
        "Onlineplatform van jonge journalisten met een migratieachtergrond.",
    ),
    ("OCMW-netwerk Welzijnsschakel", S.WELFARE, 3, 3, NEU, "Welzijnsnetwerk rond armoede."),
    (
        "Ziekenhuisnetwerk Antwerpen-Centrum",
        S.WELFARE,
        4,
        2,
        UNK,
        "Ziekenhuizen met tolkendiensten.",
    ),
    ("Huis van het Kind Borgerhout", S.WELFARE, 2, 4, SUP, "Ondersteuning van jonge gezinnen."),
    ("Havenbedrijf Scheldemond", S.ECONOMY, 5, 2, NEU, "Grote werkgever in de haven."),
    ("Werkwinkel Antwerpen-Noord", S.ECONOMY, 3, 4, SUP, "Begeleiding naar werk."),
    ("Ondernemersnetwerk Diamant & Co", S.ECONOMY, 3, 3, CRI, "Netwerk van kleine ondernemers."),
    (
        "Uitzendkantoor Nguyễn & Partners",
        S.ECONOMY,
        1,
        2,
        UNK,
        "Uitzendkantoor met veel anderstalige werkzoekenden.",
    ),
    ("Overleg van Antwerpse Moskeeën", S.BELIEF, 3, 4, NEU, "Overleg van moskeeverenigingen."),
    (
        "Joodse Gemeenschap Zuid - קהילה",
        S.BELIEF,
        3,
        3,
        NEU,
        "Joodse vereniging in het zuiden van de stad.",
    ),
    (
        "Parochiefederatie Binnenstad",
        S.BELIEF,
        2,
        2,
        UNK,
        "Katholieke parochies van de binnenstad.",
    ),
    (
        "Vrijzinnig Huis Antwerpen",
        S.BELIEF,
        2,
        3,
        SUP,
        "Vrijzinnig-humanistische dienstverlening.",
    ),
    (
        "Vlaams Agentschap Samenleven",
        S.GOVERNMENT,
        5,
        3,
        NEU,
        "Vlaams agentschap.",
    ),
    (
        "Meldpunt Gelijke Kansen Antwerpen",
        S.GOVERNMENT,
        4,
        5,
        SUP,
        "Meldpunt voor discriminatie.",
    ),
    (
        "Politiezone Scheldestad - Diversiteitscel",
        S.OTHER,
        4,
        3,
        NEU,
        "Cel diversiteit van de lokale politie.",
    ),
    ("Sportclub Ōkami Judo", S.OTHER, 1, 2, UNK, "Judoclub met leden uit 30 landen."),
]

# An organisation's index and its earlier assessment (influence, interest, attitude, days ago).
EARLIER = {
    2: (3, 3, NEU),
    5: (4, 3, UNK),
    9: (3, 4, NEU),
    12: (1, 4, UNK),
    22: (4, 2, NEU),
    24: (1, 4, UNK),
    30: (2, 2, UNK),
    37: (3, 5, NEU),
}

# Each person works at one organisation: contacts take the next name from this list, never
# one already used. Names reflect the city (several scripts and diacritics).
PEOPLE = [
    ("Fatima Benali", Language.DUTCH),
    ("Jan Peeters", Language.DUTCH),
    ("Oksana Kovalenko", Language.ENGLISH),
    ("Mehmet Öztürk", Language.DUTCH),
    ("Nguyễn Thị Lan", Language.DUTCH),
    ("Zsófia Kovács", Language.ENGLISH),
    ("Chidi Okafor", Language.ENGLISH),
    ("Rachel Goldberg", Language.DUTCH),
    ("Łukasz Wiśniewski", Language.OTHER),
    ("Aïcha Diallo", Language.FRENCH),
    ("Dimitri Papadopoulos", Language.DUTCH),
    ("Siobhán O'Neill", Language.ENGLISH),
    ("Ana Souza", Language.DUTCH),
    ("Priya Raman", Language.ENGLISH),
    ("Yusuf Demir", Language.DUTCH),
    ("Marie-Claire Dubois", Language.FRENCH),
    ("Leila Haddad", Language.DUTCH),
    ("Koen Janssens", Language.DUTCH),
    ("Hatice Kaya", Language.DUTCH),
    ("Kwame Mensah", Language.ENGLISH),
    ("Els Vermeulen", Language.DUTCH),
    ("Karim Amrani", Language.DUTCH),
    ("Sofie De Smet", Language.DUTCH),
    ("Tomasz Nowak", Language.OTHER),
    ("Samira El Khatib", Language.FRENCH),
    ("Bram Wouters", Language.DUTCH),
    ("Amina Yılmaz", Language.DUTCH),
    ("Pieter Claes", Language.DUTCH),
    ("Olena Shevchenko", Language.ENGLISH),
    ("Mustafa Çelik", Language.DUTCH),
    ("Inge Maes", Language.DUTCH),
    ("Ngozi Adeyemi", Language.ENGLISH),
    ("Wout Jacobs", Language.DUTCH),
    ("Nadia Bouzid", Language.DUTCH),
    ("Sarah Cohen", Language.DUTCH),
    ("Arben Krasniqi", Language.OTHER),
    ("Liesbeth Goossens", Language.DUTCH),
    ("Rafael Ortega", Language.OTHER),
    ("Mei Lin Chen", Language.ENGLISH),
    ("Hamza Ouali", Language.DUTCH),
    ("An Willems", Language.DUTCH),
    ("Giorgi Beridze", Language.OTHER),
    ("Nora Van den Broeck", Language.DUTCH),
    ("Ibrahima Sow", Language.FRENCH),
    ("Greet Lemmens", Language.DUTCH),
    ("Ayşe Arslan", Language.DUTCH),
    ("Joris Mertens", Language.DUTCH),
    ("Zainab Rahimi", Language.ENGLISH),
    ("Stijn Hermans", Language.DUTCH),
    ("Katarzyna Zielińska", Language.OTHER),
    ("Youssef Tahiri", Language.DUTCH),
    ("Hanne Wuyts", Language.DUTCH),
    ("Emmanuel Mbeki", Language.FRENCH),
    ("Lotte Verhoeven", Language.DUTCH),
    ("Dragan Petrović", Language.OTHER),
    ("Ilse Peeters", Language.DUTCH),
]

# The functions that fit an organisation of each sector (first and second contact).
FUNCTIONS = {
    S.ATLAS: ("teamleider", "communicatieverantwoordelijke"),
    S.CITY_ADMINISTRATION: ("diensthoofd", "beleidsmedewerker"),
    S.CITY_POLITICS: ("kabinetsmedewerker", "voorzitter"),
    S.CIVIL_SOCIETY: ("coördinator", "voorzitter"),
    S.EDUCATION: ("directeur", "pedagogisch adviseur"),
    S.CULTURE: ("artistiek leider", "publiekswerker"),
    S.MEDIA: ("hoofdredacteur", "journalist"),
    S.WELFARE: ("teamleider", "maatschappelijk werker"),
    S.ECONOMY: ("HR-verantwoordelijke", "zaakvoerder"),
    S.BELIEF: ("voorzitter", "secretaris"),
    S.GOVERNMENT: ("beleidsadviseur", "afdelingshoofd"),
    S.OTHER: ("coördinator", "voorzitter"),
}
# Where the sector's usual functions do not fit the organisation.
FUNCTIONS_OF = {
    "Stedelijk Wijkoverleg Noord": ("wijkregisseur",),
    "Gemeenteraadscommissie Diversiteit": ("voorzitter", "commissiesecretaris"),
    "Jongerenraad Antwerpen": ("voorzitter",),
    "Hogeschool Scheldepoort": ("opleidingshoofd lerarenopleiding",),
    "Stadsbibliotheek Westpunt": ("bibliothecaris",),
    "Festival Mixité": ("festivalcoördinator",),
    "Museum aan de Kaai": ("conservator", "publiekswerker"),
    "Radio Scheldestad": ("eindredacteur",),
    "Ziekenhuisnetwerk Antwerpen-Centrum": ("diversiteitscoördinator",),
    "Werkwinkel Antwerpen-Noord": ("jobcoach",),
    "Ondernemersnetwerk Diamant & Co": ("voorzitter", "netwerkcoördinator"),
    "Uitzendkantoor Nguyễn & Partners": ("zaakvoerder",),
    "Parochiefederatie Binnenstad": ("pastoraal coördinator",),
    "Meldpunt Gelijke Kansen Antwerpen": ("coördinator",),
    "Politiezone Scheldestad - Diversiteitscel": ("diversiteitsambtenaar",),
    "Sportclub Ōkami Judo": ("voorzitter", "trainer"),
}

SUMMARIES = [
    "Kennismaking met {name}: uitleg over het plan en de methode.",
    "{name} vraagt hoe Atlas “verschillen benoemen” wil aanpakken zonder te stigmatiseren.",
    "Kort telefoontje: {name} wil graag meedenken, maar heeft weinig tijd voor de zomer.",
    "Gesprek over eerdere campagnes; {name} vindt dat die te weinig gedrag veranderden.",
    "{name} stuurt een notitie met hun standpunt over taal en labels.",
    "Ontmoeting op het wijkfeest; {name} wil hun achterban laten meepraten.",
]
FOLLOW_UPS = [
    "Verslag en uitnodiging voor het interview sturen.",
    "Voorstel van datum voor een gesprek doorsturen.",
    "Beleidsnota van de stad bezorgen.",
    "Terugkoppelen na overleg met het Atlas-team.",
]

# Index of the organisation, rationale (the approved shortlist of 7, in order).
SHORTLIST = [
    (5, "Politiek eindverantwoordelijke: zonder steun van het kabinet geen gedragen plan."),
    (9, "Koepel met veel invloed en een kritische blik: hun bezwaren moeten we vroeg horen."),
    (2, "Stedelijke partner die het beleid uitvoert in de wijken."),
    (14, "Grootste scholengroep: onderwijs is een sleutel voor beeldvorming."),
    (22, "Krant met veel bereik; bepaalt mee hoe de stad over diversiteit spreekt."),
    (37, "Meldpunt discriminatie: zicht op ervaren ongelijkheid."),
    (24, "Jonge journalisten met een migratieachtergrond: een andere stem in de media."),
]
PROPOSED_DAYS_AGO = 75  # the shortlist was proposed then, and approved ten days later
REJECTED = (28, "Havenbedrijf", "Het Atlas-team kiest voor de werkwinkel als stem van werk.")


def load(context: DemoContext) -> None:
    consultant = User.objects.filter(username="consultant").first()
    atlas = User.objects.filter(username="atlas").first()
    today = timezone.localdate()
    created = 0
    organisations = []
    for index, row in enumerate(ORGANISATIONS):
        organisation, is_new = _organisation(index, row, today, consultant)
        organisations.append(organisation)
        created += is_new
    context.report(f"+ {created} organisations ({len(ORGANISATIONS)} in the demo register)")
    Shortlist.objects.get_or_create(pk=1, defaults={"target_size": 7})
    added = _shortlist(organisations, consultant, atlas)
    context.report(f"+ {added} shortlist entries ({len(SHORTLIST)} approved in the demo)")


def _organisation(index: int, row: tuple, today: datetime.date, consultant):
    name, sector, influence, interest, attitude, what = row
    scope = Scope.INTERNAL if sector in {S.ATLAS, S.CITY_ADMINISTRATION} else Scope.EXTERNAL
    organisation, is_new = Organisation.objects.get_or_create(
        name=name,
        defaults={
            "sector": sector,
            "scope": scope,
            "description": f"{what} {FICTIONAL}",
            "website": f"https://org{index + 1:02d}.atlasplan.example",
        },
    )
    if is_new:
        _contacts(organisation, index)
        _assessments(organisation, index, (influence, interest, attitude), today, consultant)
        _interactions(organisation, index, today, consultant)
    return organisation, is_new


def _contacts(organisation: Organisation, index: int) -> None:
    count = 2 if index % 3 == 0 else 1
    first_person = index + (index + 2) // 3  # the contacts of the organisations before
    for offset in range(count):
        name, language = PEOPLE[first_person + offset]
        functions = FUNCTIONS_OF.get(organisation.name) or FUNCTIONS[organisation.sector]
        function = functions[offset]
        first = unicodedata.normalize("NFKD", name.split()[0].lower())
        login = first.encode("ascii", "ignore").decode() or "contact"
        Contact.objects.create(
            organisation=organisation,
            name=name,
            function=function,
            email=f"{login}.{index + 1:02d}@demo.atlasplan.example",
            phone=f"+32 3 000 {index + 1:02d} {offset + 10}",
            language=language,
            notes="Fictieve contactpersoon." if offset == 0 else "",
        )


def _assessments(organisation, index, current, today, consultant) -> None:
    influence, interest, attitude = current
    if index in EARLIER:
        old_influence, old_interest, old_attitude = EARLIER[index]
        Assessment.objects.create(
            organisation=organisation,
            assessed_on=today - datetime.timedelta(days=75),
            influence=old_influence,
            interest=old_interest,
            attitude=old_attitude,
            rationale="Eerste inschatting op basis van de deskresearch.",
            assessed_by=consultant,
        )
    Assessment.objects.create(
        organisation=organisation,
        assessed_on=today - datetime.timedelta(days=20 if index in EARLIER else 60),
        influence=influence,
        interest=interest,
        attitude=attitude,
        rationale=(
            "Bijgesteld na een verkennend gesprek."
            if index in EARLIER
            else "Inschatting van de consultants."
        ),
        assessed_by=consultant,
    )


def _interactions(organisation, index, today, consultant) -> None:
    if index % 2:
        return
    kind = [InteractionKind.MEETING, InteractionKind.PHONE, InteractionKind.EMAIL][index % 3]
    due_in = [-7, 10, -3, 21, None][index % 5]  # some overdue, some ahead, some none
    Interaction.objects.create(
        organisation=organisation,
        date=today - datetime.timedelta(days=30 - index // 2),
        kind=kind,
        summary=SUMMARIES[index // 2 % len(SUMMARIES)].format(name=organisation.name),
        follow_up="" if due_in is None else FOLLOW_UPS[index // 2 % len(FOLLOW_UPS)],
        follow_up_due=None if due_in is None else today + datetime.timedelta(days=due_in),
        follow_up_done=index % 8 == 0,
        logged_by=consultant,
    )


def _shortlist(organisations: list[Organisation], consultant, atlas) -> int:
    added = 0
    # proposed, then approved at the steering group, then the interviews are planned
    approved_at = timezone.now() - datetime.timedelta(days=PROPOSED_DAYS_AGO - 10)
    proposed_at = approved_at - datetime.timedelta(days=10)
    for position, (index, rationale) in enumerate(SHORTLIST, start=1):
        organisation = organisations[index]
        _entry, created = ShortlistEntry.objects.get_or_create(
            organisation=organisation,
            defaults={
                "contact": organisation.contacts.first(),
                "position": position,
                "rationale": rationale,
                "proposed_by": consultant,
                "proposed_at": proposed_at,
                "decision": Decision.APPROVED,
                "decided_by": atlas,
                "decided_at": approved_at,
                "decision_reason": "Goedgekeurd op de stuurgroep van het Atlas-team.",
            },
        )
        added += created
    index, _short, reason = REJECTED
    _entry, created = ShortlistEntry.objects.get_or_create(
        organisation=organisations[index],
        defaults={
            "position": len(SHORTLIST) + 1,
            "rationale": "Grootste werkgever van de stad.",
            "proposed_by": consultant,
            "proposed_at": proposed_at,
            "decision": Decision.REJECTED,
            "decided_by": atlas,
            "decided_at": approved_at,
            "decision_reason": reason,
        },
    )
    return added + created
