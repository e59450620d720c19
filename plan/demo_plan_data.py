"""Step 7 of the fictional Atlas demo case: the strategic communication plan.

Organisations are named as in the stakeholders part of the demo, ambitions by their title
in the vastgestelde vision (v2), evidence by the start of its text. Dates are days from the
day the demo is loaded. Everything here is invented.

Two rules of the course check are broken on purpose, so the demo shows what the check does:
the target group "Medewerkers van de stad en van Atlas" has no objective on behaviour, and
the objective on how small entrepreneurs view anonymous recruitment has no baseline yet.
"""

from plan.demo_data import COMMUNICATIE as ATLAS_COMMUNICATIE
from plan.demo_data import (
    FEDERATIE,
    GAZET,
    INBURGERING,
    JONGERENRAAD,
    KABINET,
    MEDIAPLATFORM,
    MELDPUNT,
    ONDERNEMERS,
    SAMENLEVEN,
    SCHOLENGROEP,
    WIJKOVERLEG,
)

FICTIONAL = (
    "*Fictieve tekst voor de demo van AtlasPlan: organisaties, personen en cijfers zijn verzonnen.*"
)

# The ambitions of the vastgestelde vision, by title.
WIJ = "Eén stad, vele verhalen"
VERSCHILLEN = "Verschillen benoemen zonder mensen op te sluiten"
TAAL = "Woorden die niemand uitsluiten"
MEDIA = "Een eerlijker beeld in de media"
DISCRIMINATIE = "Discriminatie en racisme aanpakken"
SCHOOL_WERK = "Gelijke kansen op school en op het werk"
WIJK = "Ontmoeting in de wijk"

# Other organisations of the demo register.
DE_BRUG = "Vzw De Brug - جسر"
SPILKA = "Spilka - Спілка українців in Antwerpen"
LACZNIK = "Buurtwerk Łącznik"
HUIS_VAN_HET_KIND = "Huis van het Kind Borgerhout"
UBUNTU = "Ubuntu Huis"
BIBLIOTHEEK = "Stadsbibliotheek Westpunt"
CINAR = "Çınar Kultuurvereniging"
MOSKEEEN = "Overleg van Antwerpse Moskeeën"
ATHENEUM = "Atheneum Kiel"
RADIO = "Radio Scheldestad"
FESTIVAL = "Festival Mixité"
KAAIWERF = "Cultuurhuis De Kaaiwerf"
MUSEUM = "Museum aan de Kaai"
HOGESCHOOL = "Hogeschool Scheldepoort"
JUDO = "Sportclub Ōkami Judo"
WERKWINKEL = "Werkwinkel Antwerpen-Noord"
UITZENDKANTOOR = "Uitzendkantoor Nguyễn & Partners"
HAVEN = "Havenbedrijf Scheldemond"
AGENTSCHAP = "Vlaams Agentschap Samenleven"
PAROCHIES = "Parochiefederatie Binnenstad"
JOODSE_GEMEENSCHAP = "Joodse Gemeenschap Zuid - קהילה"
WELZIJNSSCHAKEL = "OCMW-netwerk Welzijnsschakel"

YEAR = 365
BASELINE_DAYS_AGO = 330  # the baselines come from the research year (Stadsmonitor, bevragingen)

# Target groups: key, name, outside the own constituency, scope, estimated size, texts.
TARGET_GROUPS = [
    {
        "key": "nieuwkomers",
        "name": "Nieuwkomers en hun gezinnen",
        "outside": False,
        "scope": "external",
        "size": 6500,
        "description": (
            "Antwerpenaren die de voorbije vijf jaar in de stad kwamen wonen en een "
            "inburgeringstraject volgen of volgden. Atlas bereikt hen via de lessen "
            "maatschappelijke oriëntatie, het onthaal en de trajectbegeleiding."
        ),
        "know": "Waar ze terechtkunnen als ze gediscrimineerd worden, en dat melden zin heeft.",
        "feel": "Dat ze erbij horen, ook als hun Nederlands nog niet vlot is.",
        "do": "Deelnemen aan het leven in hun wijk, buiten de eigen gemeenschap.",
    },
    {
        "key": "zelforganisaties",
        "name": "Zelforganisaties en hun leden",
        "outside": False,
        "scope": "external",
        "size": 240,
        "description": (
            "Verenigingen die mensen met een gedeelde herkomst, taal of levensbeschouwing "
            "samenbrengen. Ze zijn een vaste partner van Atlas en bereiken mensen die de stad "
            "zelf moeilijk bereikt."
        ),
        "know": "Welke woorden de stad gebruikt en waarom, en hoe ze daar zelf aan meeschrijven.",
        "feel": "Dat ze als volwaardige partner behandeld worden, niet als doelgroep.",
        "do": "De gedeelde woordenlijst gebruiken in hun eigen communicatie.",
    },
    {
        "key": "medewerkers",
        "name": "Medewerkers van de stad en van Atlas",
        "outside": False,
        "scope": "internal",
        "size": 1200,
        "description": (
            "Loketmedewerkers, trajectbegeleiders en communicatiemedewerkers van de stad en van "
            "Atlas: zij bepalen elke dag mee hoe Antwerpenaren de stad ervaren."
        ),
        "know": "De afspraken over inclusieve taal en waar ze vorming kunnen volgen.",
        "feel": "Zekerheid in gesprekken over diversiteit, ook als die schuren.",
        "do": "",
    },
    {
        "key": "jongeren",
        "name": "Jongeren van 16 tot 25 jaar",
        "outside": True,
        "scope": "external",
        "size": 62000,
        "description": (
            "Antwerpse jongeren, met en zonder migratieachtergrond, die Atlas vandaag nauwelijks "
            "kent. De interviews en de aftoetsing tonen dat zij discriminatie vaak meemaken maar "
            "zelden melden."
        ),
        "know": "Dat ze discriminatie kunnen melden en wat er met hun melding gebeurt.",
        "feel": "Dat ze zich herkennen in de verhalen die de stad over zichzelf vertelt.",
        "do": "Discriminatie melden, en zelf verhalen over hun buurt vertellen.",
    },
    {
        "key": "werkgevers",
        "name": "Werkgevers en kleine ondernemers",
        "outside": True,
        "scope": "external",
        "size": 8000,
        "description": (
            "Kleine en middelgrote ondernemingen en zelfstandigen in Antwerpen, en de grote "
            "werkgevers in de haven. Atlas had met hen tot nu toe weinig contact."
        ),
        "know": "Hoe ze anoniem en op competenties kunnen werven, en waar ze hulp vinden.",
        "feel": "Dat diversiteit in hun team een troef is, geen risico.",
        "do": "Anoniem en op competenties werven.",
    },
]

# Objectives: key, target group, level, text, indicator, baseline, target, unit, deadline
# (days from today), how measured, ambitions (titles), evidence (passage and statement starts).
OBJECTIVES = [
    {
        "key": "o_melden_kennis",
        "group": "nieuwkomers",
        "level": "knowledge",
        "text": "Nieuwkomers weten waar ze terechtkunnen met een melding van discriminatie.",
        "indicator": "Aandeel cursisten maatschappelijke oriëntatie dat het meldpunt kan noemen",
        "baseline": 35,
        "target": 70,
        "unit": "%",
        "deadline": 2 * YEAR,
        "how": "Korte bevraging bij het einde van elke lessenreeks maatschappelijke oriëntatie.",
        "ambitions": [DISCRIMINATIE],
    },
    {
        "key": "o_wijk_gedrag",
        "group": "nieuwkomers",
        "level": "behaviour",
        "text": (
            "Nieuwkomers nemen deel aan een activiteit in hun wijk, buiten hun eigen gemeenschap."
        ),
        "indicator": "Aandeel nieuwkomers dat zes maanden na het traject aan een buurtactiviteit deelneemt",
        "baseline": 18,
        "target": 35,
        "unit": "%",
        "deadline": 3 * YEAR,
        "how": "Opvolgingsgesprek van de trajectbegeleiding, zes maanden na het attest.",
        "ambitions": [WIJK, WIJ],
        "statements": ["Bewoners beslissen mee"],
    },
    {
        "key": "o_partner_houding",
        "group": "zelforganisaties",
        "level": "attitude",
        "text": "Zelforganisaties voelen zich erkend als partner van de stad.",
        "indicator": "Aandeel zelforganisaties dat zich als partner behandeld voelt",
        "baseline": 42,
        "target": 65,
        "unit": "%",
        "deadline": 2 * YEAR,
        "how": "Jaarlijkse bevraging van de Federatie van Zelforganisaties bij haar leden.",
        "ambitions": [WIJ, VERSCHILLEN],
        "excerpts": [(FEDERATIE, "Participatie", "vroeg genoeg betrokken")],
    },
    {
        "key": "o_woordenlijst_gedrag",
        "group": "zelforganisaties",
        "level": "behaviour",
        "text": "Zelforganisaties gebruiken de gedeelde woordenlijst in hun eigen communicatie.",
        "indicator": "Aantal zelforganisaties dat de woordenlijst aantoonbaar gebruikt",
        "baseline": 0,
        "target": 60,
        "unit": "organisaties",
        "deadline": 2 * YEAR,
        "how": "Steekproef van nieuwsbrieven en sociale media, twee keer per jaar.",
        "ambitions": [TAAL],
    },
    {
        "key": "o_taal_kennis",
        "group": "medewerkers",
        "level": "knowledge",
        "text": "Loketmedewerkers kennen de afspraken over inclusieve taal.",
        "indicator": "Aandeel loketmedewerkers dat de e-learning inclusieve taal afrondde",
        "baseline": 5,
        "target": 80,
        "unit": "%",
        "deadline": YEAR,
        "how": "Registraties op het leerplatform van de stad.",
        "ambitions": [TAAL],
    },
    {
        "key": "o_benoemen_houding",
        "group": "medewerkers",
        "level": "attitude",
        "text": (
            "Medewerkers voelen zich zeker genoeg om verschillen te benoemen zonder mensen op "
            "te sluiten."
        ),
        "indicator": "Aandeel medewerkers dat zich zeker voelt in gesprekken over diversiteit",
        "baseline": 48,
        "target": 70,
        "unit": "%",
        "deadline": 2 * YEAR,
        "how": "Vraag in de jaarlijkse medewerkersbevraging van de stad.",
        "ambitions": [VERSCHILLEN],
    },
    {
        "key": "o_meldpunt_kennis",
        "group": "jongeren",
        "level": "knowledge",
        "text": "Jongeren weten dat ze discriminatie kunnen melden en wat er met hun melding gebeurt.",
        "indicator": "Bekendheid van het meldpunt bij jongeren van 16 tot 25 jaar",
        "baseline": 22,
        "target": 45,
        "unit": "%",
        "deadline": 2 * YEAR,
        "how": "Jongerenbevraging van de Stadsmonitor, aangevuld met een korte online peiling.",
        "ambitions": [DISCRIMINATIE],
    },
    {
        "key": "o_herkennen_houding",
        "group": "jongeren",
        "level": "attitude",
        "text": "Jongeren herkennen zich in de verhalen die de stad over zichzelf vertelt.",
        "indicator": "Aandeel jongeren dat zich in de eerste plaats Antwerpenaar voelt",
        "baseline": 61,
        "target": 72,
        "unit": "%",
        "deadline": 3 * YEAR,
        "how": "Jongerenbevraging van de Stadsmonitor.",
        "ambitions": [WIJ, MEDIA],
        "passages": ["Ambassadeurs uit de eigen achterban"],
    },
    {
        "key": "o_melden_gedrag",
        "group": "jongeren",
        "level": "behaviour",
        "text": "Meer jongeren melden discriminatie.",
        "indicator": "Meldingen door jongeren bij het meldpunt, per jaar",
        "baseline": 40,
        "target": 100,
        "unit": "meldingen",
        "deadline": 3 * YEAR,
        "how": "Jaarcijfers van het Meldpunt Gelijke Kansen, naar leeftijd.",
        "ambitions": [DISCRIMINATIE],
    },
    {
        "key": "o_verhalen_gedrag",
        "group": "jongeren",
        "level": "behaviour",
        "text": "Jongeren maken zelf verhalen over hun buurt voor de lokale media.",
        "indicator": "Verhalen van jongeren op Mediaplatform Nieuw Antwerpen en Radio Scheldestad",
        "baseline": 12,
        "target": 60,
        "unit": "verhalen per jaar",
        "deadline": 2 * YEAR,
        "how": "Telling door de redactie van Mediaplatform Nieuw Antwerpen.",
        "ambitions": [MEDIA, WIJK],
    },
    {
        # Not SMART on purpose: the baseline follows from the survey of step "bevraging".
        "key": "o_werven_houding",
        "group": "werkgevers",
        "level": "attitude",
        "text": "Kleine ondernemers zien anoniem en op competenties werven als een kans.",
        "indicator": "Aandeel ondernemers dat anoniem werven haalbaar en nuttig vindt",
        "baseline": None,
        "target": 50,
        "unit": "%",
        "deadline": 2 * YEAR,
        "how": "Ondernemersbevraging; de nulmeting volgt uit de eerste bevraging.",
        "ambitions": [SCHOOL_WERK],
    },
    {
        "key": "o_werven_gedrag",
        "group": "werkgevers",
        "level": "behaviour",
        "text": "Werkgevers werven anoniem en op competenties.",
        "indicator": "Werkgevers in het netwerk die anoniem of op competenties werven",
        "baseline": 9,
        "target": 40,
        "unit": "werkgevers",
        "deadline": 3 * YEAR,
        "how": "Registratie door de Werkwinkel Antwerpen-Noord en het ondernemersnetwerk.",
        "ambitions": [SCHOOL_WERK],
        "passages": ["De stad screent haar eigen aanwervingsprocedures"],
    },
]

# Measurements: objective, days ago, value, source. The latest decides the traffic light:
# most objectives are on course; the reports by young people lag behind (risico).
MEASUREMENTS = [
    ("o_melden_kennis", 150, 39, "Bevraging cursisten maatschappelijke oriëntatie"),
    ("o_melden_kennis", 20, 46, "Bevraging cursisten maatschappelijke oriëntatie"),
    ("o_woordenlijst_gedrag", 20, 18, "Steekproef communicatie zelforganisaties"),
    ("o_taal_kennis", 150, 20, "Leerplatform van de stad"),
    ("o_taal_kennis", 20, 43, "Leerplatform van de stad"),
    ("o_meldpunt_kennis", 150, 25, "Online peiling bij jongeren"),
    ("o_meldpunt_kennis", 20, 29, "Stadsmonitor, jongerenbevraging"),
    ("o_melden_gedrag", 20, 50, "Tussentijdse cijfers Meldpunt Gelijke Kansen"),
    ("o_werven_gedrag", 20, 16, "Registratie Werkwinkel Antwerpen-Noord"),
]
AT_RISK = "o_melden_gedrag"

A_COMM, A_INB = ATLAS_COMMUNICATIE, INBURGERING

# Steps: title, description, kind, start and end (days from today), state, progress,
# objectives, partners (organisation, role), channel, budget, owner.
STEPS = [
    # Nieuwkomers
    {
        "title": "Module “Discriminatie melden” in maatschappelijke oriëntatie",
        "description": "Elke lessenreeks krijgt een les over gelijke behandeling en over het meldpunt, met een gastspreker.",
        "kind": "structural", "start": -60, "end": 700, "state": "running", "progress": 20,
        "objectives": ["o_melden_kennis"],
        "partners": [(A_INB, "geeft de lessen"), (MELDPUNT, "inhoud en gastsprekers")],
        "channel": "Lessen maatschappelijke oriëntatie", "budget": 6000, "owner": A_INB,
    },
    {
        "title": "Meldkaart in twaalf talen",
        "description": "Een kaart in zakformaat: wat is discriminatie, waar meld je, wat gebeurt er daarna.",
        "kind": "one_off", "start": 30, "end": 120, "state": "planned", "progress": 0,
        "objectives": ["o_melden_kennis"],
        "partners": [(MELDPUNT, "inhoud"), (DE_BRUG, "vertaling en verspreiding"), (SPILKA, "vertaling en verspreiding")],
        "channel": "Drukwerk en website", "budget": 4500, "owner": A_COMM,
    },
    {
        "title": "Infosessies over het meldpunt voor welzijnswerkers",
        "description": "Wie nieuwkomers begeleidt, leert signalen herkennen en doorverwijzen naar het meldpunt.",
        "kind": "one_off", "start": 100, "end": 200, "state": "planned", "progress": 0,
        "objectives": ["o_melden_kennis"],
        "partners": [(MELDPUNT, "geeft de sessies"), (WELZIJNSSCHAKEL, "nodigt haar leden uit"), (HUIS_VAN_HET_KIND, "gastlocatie")],
        "channel": "Infosessies", "budget": None, "owner": A_INB,
    },
    {
        "title": "Buurtwandelingen met nieuwkomers en buren",
        "description": "Maandelijkse wandelingen in Antwerpen-Noord en op Linkeroever, gegidst door buurtbewoners.",
        "kind": "recurring", "start": 60, "end": 1000, "state": "planned", "progress": 0,
        "objectives": ["o_wijk_gedrag"],
        "partners": [(WIJKOVERLEG, "organiseert in de wijk"), (LACZNIK, "vrijwillige gidsen"), (A_INB, "leidt nieuwkomers toe")],
        "channel": "Wijkwerking", "budget": 12000, "owner": A_INB,
    },
    {
        "title": "Buddywerking nieuwkomer en buur",
        "description": "Een buur en een nieuwkomer trekken een jaar samen op: naar de bib, de club, het oudercontact.",
        "kind": "structural", "start": 120, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_wijk_gedrag"],
        "partners": [(HUIS_VAN_HET_KIND, "werft buddy's bij jonge gezinnen"), (UBUNTU, "werft buddy's"), (BIBLIOTHEEK, "ontmoetingsplek en taalpunt")],
        "channel": "Vrijwilligerswerking", "budget": 25000, "owner": A_INB,
    },
    {
        "title": "Buurtfeesten “Samen aan tafel”",
        "description": "Elk najaar schuiven buren aan bij een maaltijd die levensbeschouwingen samen organiseren.",
        "kind": "recurring", "start": 150, "end": 1000, "state": "planned", "progress": 0,
        "objectives": ["o_wijk_gedrag"],
        "partners": [(WIJKOVERLEG, "coördinatie"), (PAROCHIES, "co-organisator"), (MOSKEEEN, "co-organisator"), (JOODSE_GEMEENSCHAP, "co-organisator")],
        "channel": "Buurtfeesten", "budget": 9000, "owner": A_COMM,
    },
    # Zelforganisaties
    {
        "title": "Jaarlijks partnerforum met zelforganisaties",
        "description": "De stad en de zelforganisaties bespreken samen wat werkte, wat niet, en wat volgt.",
        "kind": "recurring", "start": 90, "end": 700, "state": "planned", "progress": 0,
        "objectives": ["o_partner_houding"],
        "partners": [(FEDERATIE, "co-organisator"), (SAMENLEVEN, "co-organisator"), (KABINET, "opening en engagement van de schepen")],
        "channel": "Forum", "budget": 7500, "owner": A_COMM,
    },
    {
        "title": "Ondersteuning van zelforganisaties bij projectaanvragen",
        "description": "Een vast aanspreekpunt helpt zelforganisaties om subsidies aan te vragen en te verantwoorden.",
        "kind": "structural", "start": -200, "end": 700, "state": "running", "progress": 35,
        "objectives": ["o_partner_houding"],
        "partners": [(SAMENLEVEN, "subsidieloket"), (FEDERATIE, "verwijst door")],
        "channel": "Spreekuur", "budget": None, "owner": SAMENLEVEN,
    },
    {
        "title": "Woordenlijst “Woorden die verbinden” samen opstellen",
        "description": "Een schrijfgroep van jongeren en zelforganisaties stelt de woordenlijst op die de visie belooft.",
        "kind": "one_off", "start": -90, "end": 60, "state": "running", "progress": 70,
        "objectives": ["o_woordenlijst_gedrag"],
        "partners": [(FEDERATIE, "schrijfgroep"), (JONGERENRAAD, "schrijfgroep"), (A_COMM, "redactie")],
        "channel": "Website en drukwerk", "budget": 3000, "owner": A_COMM,
    },
    {
        "title": "Werkbank woordenlijst voor communicatiemedewerkers van zelforganisaties",
        "description": "Elk kwartaal een werkbank: teksten van deelnemers samen herschrijven met de woordenlijst.",
        "kind": "recurring", "start": 75, "end": 700, "state": "planned", "progress": 0,
        "objectives": ["o_woordenlijst_gedrag"],
        "partners": [(FEDERATIE, "nodigt uit"), (CINAR, "gastlocatie"), (MOSKEEEN, "deelnemer")],
        "channel": "Werkbanken", "budget": 2500, "owner": A_COMM,
    },
    # Medewerkers
    {
        "title": "E-learning inclusieve taal voor loketmedewerkers",
        "description": "Een e-learning van een uur met voorbeelden uit de loketpraktijk van de stad.",
        "kind": "one_off", "start": -120, "end": 200, "state": "running", "progress": 45,
        "objectives": ["o_taal_kennis"],
        "partners": [(SAMENLEVEN, "verspreidt via het leerplatform"), (A_COMM, "inhoud")],
        "channel": "Leerplatform van de stad", "budget": 8000, "owner": A_COMM,
    },
    {
        "title": "Taalcheck van standaardbrieven en formulieren",
        "description": "De veertig meest verstuurde brieven van Atlas en de stad herschreven in heldere, inclusieve taal.",
        "kind": "one_off", "start": -200, "end": -30, "state": "done", "progress": 100,
        "objectives": ["o_taal_kennis"],
        "partners": [(SAMENLEVEN, "levert de brieven aan"), (A_COMM, "herschrijft")],
        "channel": "Brieven en formulieren", "budget": None, "owner": A_COMM,
    },
    {
        # Overdue on purpose: the follow-up page shows it.
        "title": "Vormingsreeks “Verschillen benoemen” voor teams van Atlas en de stad",
        "description": "Vijf sessies per team over benoemen zonder vast te pinnen; de laatste twee teams volgen nog.",
        "kind": "one_off", "start": -150, "end": -14, "state": "running", "progress": 80,
        "objectives": ["o_benoemen_houding"],
        "partners": [(A_INB, "begeleiding"), (SAMENLEVEN, "plant de teams in")],
        "channel": "Vorming", "budget": 6000, "owner": A_INB,
    },
    {
        "title": "Intervisie over lastige gesprekken aan het loket",
        "description": "Om de twee maanden bespreken medewerkers samen een gesprek dat schuurde.",
        "kind": "recurring", "start": 30, "end": 700, "state": "planned", "progress": 0,
        "objectives": ["o_benoemen_houding"],
        "partners": [(A_INB, "begeleiding")],
        "channel": "Intervisie", "budget": None, "owner": A_INB,
    },
    # Jongeren
    {
        "title": "Campagne “Melden helpt” op sociale media",
        "description": "Jongeren vertellen in korte video's wat hun melding veranderde.",
        "kind": "one_off", "start": 45, "end": 150, "state": "planned", "progress": 0,
        "objectives": ["o_meldpunt_kennis"],
        "partners": [(MELDPUNT, "getuigenissen en nazorg"), (JONGERENRAAD, "makers"), (MEDIAPLATFORM, "productie")],
        "channel": "Instagram en TikTok", "budget": 18000, "owner": A_COMM,
    },
    {
        "title": "Spreekuur van het meldpunt in jeugdhuizen en op school",
        "description": "Elke week een vast spreekuur op een plek waar jongeren al komen.",
        "kind": "structural", "start": 60, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_melden_gedrag"],
        "partners": [(MELDPUNT, "houdt het spreekuur"), (ATHENEUM, "gastschool"), (SCHOLENGROEP, "rolt uit naar andere scholen")],
        "channel": "Spreekuur", "budget": 30000, "owner": MELDPUNT,
    },
    {
        "title": "Terugkoppeling “Wat gebeurde met je melding?”",
        "description": "Wie meldt, krijgt binnen een maand bericht; elk halfjaar publiceert het meldpunt wat meldingen opleverden.",
        "kind": "recurring", "start": 120, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_melden_gedrag"],
        "partners": [(MELDPUNT, "uitvoerder"), (SAMENLEVEN, "volgt de dossiers op")],
        "channel": "Brief, sms en website", "budget": None, "owner": MELDPUNT,
    },
    {
        "title": "Ambassadeurs uit de eigen achterban in jeugdhuizen en clubs",
        "description": "Jongeren die zelf een melding deden of begeleidden, vertellen erover bij hun leeftijdsgenoten.",
        "kind": "structural", "start": 150, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_melden_gedrag", "o_herkennen_houding"],
        "partners": [(JONGERENRAAD, "werft ambassadeurs"), (JUDO, "gastclub"), (UBUNTU, "gastlocatie")],
        "channel": "Jeugdhuizen en sportclubs", "budget": 15000, "owner": A_COMM,
    },
    {
        "title": "Redactie van jonge makers bij Mediaplatform Nieuw Antwerpen",
        "description": "Twaalf jongeren per jaar leren verhalen maken over hun buurt, met begeleiding van journalisten.",
        "kind": "structural", "start": -30, "end": 700, "state": "running", "progress": 10,
        "objectives": ["o_verhalen_gedrag", "o_herkennen_houding"],
        "partners": [(MEDIAPLATFORM, "begeleiding"), (RADIO, "zendt uit"), (JONGERENRAAD, "werft deelnemers")],
        "channel": "Online en radio", "budget": 20000, "owner": MEDIAPLATFORM,
    },
    {
        "title": "Verhalenwedstrijd “Mijn straat”",
        "description": "Jongeren sturen een verhaal, foto of podcast over hun straat in; de beste komen in de krant.",
        "kind": "one_off", "start": 200, "end": 320, "state": "planned", "progress": 0,
        "objectives": ["o_verhalen_gedrag"],
        "partners": [(BIBLIOTHEEK, "schrijfateliers"), (GAZET, "publiceert de winnaars"), (FESTIVAL, "prijsuitreiking")],
        "channel": "Wedstrijd", "budget": 5000, "owner": A_COMM,
    },
    {
        "title": "Lespakket “Wie is Antwerpen?” voor het secundair onderwijs",
        "description": "Lessen over migratie en havengeschiedenis, met verhalen van Antwerpenaren van vandaag.",
        "kind": "one_off", "start": 90, "end": 400, "state": "planned", "progress": 0,
        "objectives": ["o_herkennen_houding"],
        "partners": [(SCHOLENGROEP, "test en verspreidt"), (MUSEUM, "inhoud"), (HOGESCHOOL, "lerarenopleiding")],
        "channel": "Scholen", "budget": 14000, "owner": A_COMM,
    },
    {
        "title": "Jongerenpodium op Festival Mixité",
        "description": "Elk jaar een podium dat jongeren zelf programmeren.",
        "kind": "recurring", "start": 180, "end": 950, "state": "planned", "progress": 0,
        "objectives": ["o_herkennen_houding"],
        "partners": [(FESTIVAL, "organisator"), (KAAIWERF, "coaching van de programmatoren")],
        "channel": "Festival", "budget": 10000, "owner": A_COMM,
    },
    # Werkgevers
    {
        "title": "Bevraging van ondernemers over anoniem werven",
        "description": "Nulmeting: hoe kijken kleine ondernemers naar anoniem en op competenties werven?",
        "kind": "one_off", "start": 30, "end": 120, "state": "planned", "progress": 0,
        "objectives": ["o_werven_houding"],
        "partners": [(ONDERNEMERS, "verspreidt de bevraging"), (HOGESCHOOL, "analyse")],
        "channel": "Online bevraging", "budget": 3500, "owner": A_COMM,
    },
    {
        "title": "Werkgeversontbijten “Werven op talent”",
        "description": "Vier keer per jaar vertellen werkgevers aan collega's hoe zij anoniem werven.",
        "kind": "recurring", "start": 60, "end": 1000, "state": "planned", "progress": 0,
        "objectives": ["o_werven_gedrag"],
        "partners": [(ONDERNEMERS, "gastheer"), (WERKWINKEL, "brengt kandidaten en werkgevers samen"), (HAVEN, "getuigenis")],
        "channel": "Ontbijtsessies", "budget": 6000, "owner": A_COMM,
    },
    {
        "title": "Coaching anoniem werven voor kleine ondernemers",
        "description": "Een coach helpt een ondernemer een vacature en een selectie op competenties op te zetten.",
        "kind": "structural", "start": -60, "end": 1090, "state": "running", "progress": 15,
        "objectives": ["o_werven_gedrag"],
        "partners": [(WERKWINKEL, "coaching"), (UITZENDKANTOOR, "selectie op competenties")],
        "channel": "Coaching", "budget": 24000, "owner": WERKWINKEL,
    },
    {
        "title": "De stad screent haar eigen aanwervingsprocedures",
        "description": "De stad geeft het voorbeeld en laat haar procedures toetsen op onbewuste vooroordelen.",
        "kind": "one_off", "start": 30, "end": 365, "state": "planned", "progress": 0,
        "objectives": ["o_werven_gedrag"],
        "partners": [(KABINET, "opdrachtgever"), (SAMENLEVEN, "begeleidt de screening")],
        "channel": "Intern", "budget": 12000, "owner": SAMENLEVEN,
    },
    {
        "title": "Praktijktesten op de arbeidsmarkt",
        "description": "Met fictieve sollicitaties toetsen of kandidaten gelijk behandeld worden; de resultaten worden besproken met de sector.",
        "kind": "one_off", "start": 400, "end": 700, "state": "planned", "progress": 0,
        "objectives": ["o_werven_gedrag"],
        "partners": [(MELDPUNT, "opvolging"), (AGENTSCHAP, "methode")],
        "channel": "Onderzoek", "budget": 20000, "owner": SAMENLEVEN,
    },
    # Transversaal
    {
        "title": "Beeldbank “Antwerpen zoals het is”",
        "description": "Foto's van Antwerpenaren in hun dagelijkse leven, vrij te gebruiken door partners.",
        "kind": "structural", "start": 30, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_herkennen_houding"],
        "partners": [(A_COMM, "beheer"), (MEDIAPLATFORM, "fotografen"), (GAZET, "gebruikt de beelden")],
        "channel": "Beeldbank online", "budget": 16000, "owner": A_COMM,
    },
    {
        "title": "Expertennetwerk voor lokale media",
        "description": "Een lijst van experts, ondernemers en buren met een migratieachtergrond die journalisten kunnen bellen.",
        "kind": "structural", "start": 60, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_herkennen_houding"],
        "partners": [(GAZET, "gebruikt het netwerk"), (RADIO, "gebruikt het netwerk"), (FEDERATIE, "draagt kandidaten voor")],
        "channel": "Persrelaties", "budget": 4000, "owner": A_COMM,
    },
    {
        "title": "Jaarlijkse meting en rapportage aan het college",
        "description": "Elk jaar de indicatoren van het plan meten en het college van burgemeester en schepenen rapporteren.",
        "kind": "recurring", "start": 300, "end": 1090, "state": "planned", "progress": 0,
        "objectives": ["o_melden_gedrag", "o_wijk_gedrag", "o_werven_gedrag"],
        "partners": [(KABINET, "ontvangt het rapport"), (SAMENLEVEN, "levert de Stadsmonitor aan")],
        "channel": "Rapport", "budget": None, "owner": A_COMM,
    },
]  # fmt: skip

PLAN_TEXTS = {
    "introduction": (
        "Dit communicatieplan vertaalt de vastgestelde visie *Antwerpen, stad van iedereen* in "
        "doelstellingen, stappen en partners voor de komende drie jaar. Het plan richt zich "
        "niet alleen op wie Atlas vandaag al bereikt, maar ook op jongeren en werkgevers die "
        "Atlas nog nauwelijks kent.\n\n"
        "Elke doelstelling heeft een indicator, een nulmeting, een streefwaarde en een "
        "deadline, zodat we kunnen opvolgen of het plan gedrag verandert en niet alleen "
        "zichtbaarheid oplevert.\n\n" + FICTIONAL
    ),
    "context": (
        "Antwerpen telt meer dan 180 nationaliteiten. De deskresearch, de diepte-interviews en "
        "de workshop tonen een gedeelde zorg: Antwerpenaren worden te vaak aangesproken op hun "
        "afkomst, en wie discriminatie meemaakt, meldt het zelden omdat melden weinig lijkt op "
        "te leveren.\n\n"
        "In de aftoetsingsronde onderschreven de meeste stakeholders de richting van de visie. "
        "Ze vroegen wel om de wijk, de scholen en de werkgevers een grotere plaats te geven. "
        "Dit plan volgt die vraag: een derde van de stappen loopt in de wijk of op de werkvloer, "
        "met partners die dichter bij de mensen staan dan Atlas.\n\n" + FICTIONAL
    ),
    "summary": (
        "Het plan richt zich op vijf doelgroepen, waarvan twee buiten de eigen achterban van "
        "Atlas: jongeren van 16 tot 25 jaar en werkgevers. Voor elke doelgroep formuleren we "
        "doelstellingen op kennis, houding en gedrag.\n\n"
        "Structurele en terugkerende stappen dragen de doelstellingen op gedrag: een vast "
        "spreekuur van het meldpunt, buddywerking in de wijk, coaching van werkgevers. Eenmalige "
        "campagnes ondersteunen die werking, maar vervangen ze niet.\n\n"
        "De koerscheck toont twee werkpunten: de medewerkers van de stad en Atlas hebben nog "
        "geen doelstelling op gedrag, en voor de houding van ondernemers ontbreekt de "
        "nulmeting nog.\n\n" + FICTIONAL
    ),
}
