"""Steps 5 and 6 of the fictional Atlas demo case: the texts of the vision and the round.

Evidence is named by stable keys (organisation names, theme names, fragments of the demo's
excerpts, statements and passages), never by primary key. Everything here is invented.
"""

FICTIONAL = (
    "*Fictieve visietekst voor de demo van AtlasPlan: organisaties, personen en uitspraken "
    "zijn verzonnen.*"
)

TITLE = "Visie op beeldvorming en diversiteit: Antwerpen, stad van iedereen"

INTRODUCTION_V1 = (
    "Deze visie bouwt voort op de deskresearch, zeven diepte-interviews met stakeholders en "
    "een workshop met het communicatieteam van Atlas. Ze beschrijft hoe Atlas de komende jaren "
    "wil bijdragen aan een genuanceerde beeldvorming over diversiteit in Antwerpen, en welke "
    "ambities daaruit volgen. Elke ambitie verwijst naar de bronnen waarop ze steunt.\n\n"
    + FICTIONAL
)

INTRODUCTION_V2 = (
    "Deze visie bouwt voort op de deskresearch, zeven diepte-interviews met stakeholders, "
    "een workshop met het communicatieteam van Atlas en een aftoetsingsronde bij stakeholders, "
    "intern en extern. Ze beschrijft hoe Atlas de komende jaren wil bijdragen aan een "
    "genuanceerde beeldvorming over diversiteit in Antwerpen, en welke ambities daaruit volgen. "
    "Elke ambitie verwijst naar de bronnen waarop ze steunt.\n\n" + FICTIONAL
)

BODY_V1 = """## Waar we vandaan komen

Antwerpen is een superdiverse stad. Meer dan de helft van de Antwerpse leerlingen spreekt \
thuis een andere taal dan het Nederlands, en bijna elke Antwerpenaar heeft buren, collega's \
of klasgenoten met een andere achtergrond. Toch gaan de verhalen over de stad nog vaak over \
problemen en te weinig over wat goed loopt. De interviews tonen een gedeelde zorg: mensen \
worden aangesproken op hun afkomst in plaats van op wat ze doen, en wie discriminatie meldt, \
ziet te weinig gebeuren.

## Wat we willen bereiken

Atlas wil dat elke Antwerpenaar zich erkend voelt als volwaardige inwoner van de stad. Dat \
vraagt twee dingen tegelijk: tonen wat ons verbindt, en durven benoemen waar mensen ongelijk \
behandeld worden. Die twee sporen spreken elkaar niet tegen; ze hebben elkaar nodig.

## Hoe we werken

- We vertrekken van de verhalen van Antwerpenaren zelf, niet van campagnes over hen.
- We kiezen onze woorden met zorg en toetsen ze bij wie ze aanbelangen.
- We werken samen met partners die dichter bij de mensen staan dan wij: scholen, \
zelforganisaties, media en werkgevers.
- We meten of onze aanpak gedrag verandert, niet alleen of mensen onze boodschap gezien hebben.
"""

BODY_V2 = """## Waar we vandaan komen

Antwerpen is een superdiverse stad. Meer dan de helft van de Antwerpse leerlingen spreekt \
thuis een andere taal dan het Nederlands, en bijna elke Antwerpenaar heeft buren, collega's \
of klasgenoten met een andere achtergrond. Toch gaan de verhalen over de stad nog vaak over \
problemen en te weinig over wat goed loopt. De interviews tonen een gedeelde zorg: mensen \
worden aangesproken op hun afkomst in plaats van op wat ze doen, en wie discriminatie of \
racisme meldt, ziet te weinig gebeuren.

## Wat we willen bereiken

Atlas wil dat elke Antwerpenaar zich erkend voelt als volwaardige inwoner van de stad. Dat \
vraagt twee dingen tegelijk: tonen wat ons verbindt, en durven benoemen waar mensen ongelijk \
behandeld worden. Die twee sporen sluiten elkaar niet uit; ze hebben elkaar nodig.

## Hoe we werken

- We vertrekken van de verhalen van Antwerpenaren zelf, niet van campagnes over hen.
- We beginnen in de wijk: daar ontmoeten buren elkaar, en daar groeit het 'wij' van de stad.
- We kiezen onze woorden met zorg en bepalen ze samen met wie ze aanbelangen.
- We werken samen met partners die dichter bij de mensen staan dan wij: scholen, \
zelforganisaties, buurtwerkingen, media en werkgevers.
- We meten of onze aanpak gedrag verandert, niet alleen of mensen onze boodschap gezien hebben.

## Wat de aftoetsingsronde veranderde

Twaalf organisaties, intern en extern, gaven hun oordeel over versie 1. De meeste \
onderschrijven de richting. Hun bezwaren gingen vooral over de plaats van de buurt, over \
racisme als structureel probleem en over de rol van scholen, media en werkgevers. In deze \
versie:

- krijgt de wijk een eigen ambitie;
- benoemen we racisme als een structureel probleem;
- zijn de ambities over school en werk samengevoegd, met aandacht voor de overgang tussen beide;
- bieden we media een netwerk aan in plaats van afspraken over hun berichtgeving.

Bij elke gewijzigde ambitie staat welk bezwaar tot de wijziging leidde.
"""

# Organisations (the names of the stakeholders part of the demo).
KABINET = "Kabinet van de schepen voor Samenleven"
FEDERATIE = "Federatie van Zelforganisaties Scheldeland"
SAMENLEVEN = "Stad Antwerpen - Dienst Samenleven"
SCHOLENGROEP = "Scholengroep Stroom"
GAZET = "Gazet van de Schelde"
MELDPUNT = "Meldpunt Gelijke Kansen Antwerpen"
MEDIAPLATFORM = "Mediaplatform Nieuw Antwerpen"
COMMUNICATIE = "Atlas - team Communicatie"
INBURGERING = "Atlas - team Inburgering"
ONDERWIJSBELEID = "Stad Antwerpen - Dienst Onderwijsbeleid"
WIJKOVERLEG = "Stedelijk Wijkoverleg Noord"
ONDERNEMERS = "Ondernemersnetwerk Diamant & Co"
JONGERENRAAD = "Jongerenraad Antwerpen"
HAVEN = "Havenbedrijf Scheldemond"

# An ambition: key, title, text, themes, excerpts (organisation, theme, fragment of the
# coded sentence), statements (start of the workshop statement), passages (start of the quote).
# The generated interviews repeat sentences across organisations: an ambition cites each
# sentence once.
AMBITIONS_V1 = [
    {
        "key": "wij",
        "title": "Eén stad, vele verhalen",
        "text": (
            "Atlas vertelt het verhaal van Antwerpen als een stad van iedereen die er woont. We "
            "tonen wat Antwerpenaren met elkaar verbindt, op school, in de club en op het werk, "
            "en we laten bewoners zelf aan het woord in plaats van over hen te spreken."
        ),
        "themes": ["Verbindende identiteit", "Beeldvorming", "Participatie"],
        "excerpts": [
            (FEDERATIE, "Verbindende identiteit", "de club of de school"),
            (GAZET, "Verbindende identiteit", "kan je niet opleggen"),
            (KABINET, "Beeldvorming", "te weinig over wat goed loopt"),
            (KABINET, "Beeldvorming", "vanzelfsprekender vinden"),
            (FEDERATIE, "Participatie", "vroeg genoeg betrokken"),
        ],
        "statements": ["Antwerpen is een stad van iedereen", "Een gedeelde “wij”"],
        "passages": [
            "Wij willen een stad waar iedereen zich Antwerpenaar voelt",
            "Onze communicatie vertrekt van verhalen van Antwerpenaren zelf",
            "Een interculturele stad ziet diversiteit als een bron van vernieuwing",
        ],
    },
    {
        "key": "verschillen",
        "title": "Verschillen benoemen zonder mensen op te sluiten",
        "text": (
            "We benoemen verschillen tussen mensen wanneer dat nodig is om ongelijkheid "
            "zichtbaar te maken. We spreken mensen aan op wat ze doen en kunnen, en pinnen "
            "niemand vast op afkomst of op één enkel kenmerk."
        ),
        "themes": ["Verschillen benoemen", "Stereotypen"],
        "excerpts": [
            (KABINET, "Verschillen benoemen", "zolang je mensen er niet in opsluit"),
            (SAMENLEVEN, "Verschillen benoemen", "het moeilijkst hebben uit beeld"),
            # The Meldpunt withdrew its consent: this link shows that withdrawal applies.
            (MELDPUNT, "Verschillen benoemen", "ongelijkheid zichtbaar te maken"),
            (FEDERATIE, "Stereotypen", "op hun afkomst in plaats van"),
        ],
        "statements": ["In onze communicatie benoemen we verschillen"],
        "passages": [
            "Erken verschillen: wie ze verzwijgt",
            "Mensen willen verschillen benoemen zonder iemand vast te pinnen",
            "Deelnemers vinden diversiteit een troef",
        ],
    },
    {
        "key": "taal",
        "title": "Woorden die niemand uitsluiten",
        "text": (
            "Atlas kiest in al zijn communicatie woorden die mensen niet uitsluiten. Labels als "
            "'allochtoon' gebruiken we niet meer, en we stellen een woordenlijst op die ook onze "
            "partners kunnen gebruiken. Meertaligheid zien we als een troef van de stad."
        ),
        "themes": ["Taal"],
        "excerpts": [
            (SAMENLEVEN, "Taal", "nieuwe labels roepen ook vragen op"),
            (SAMENLEVEN, "Taal", "eertaligheid is een troef"),
            (KABINET, "Taal", "met een accent spreekt"),
        ],
        "statements": ["Het woord “allochtoon”", "Wie de taal niet spreekt"],
        "passages": [
            "Nederlands leren is een hefboom",
            "Labels als 'allochtoon' worden door jongeren",
            "In het jeugdwerk is Nederlands de gedeelde taal",
        ],
    },
    {
        "key": "media",
        "title": "Een eerlijker beeld in de media",
        "text": (
            "Atlas werkt met lokale media aan berichtgeving waarin Antwerpenaren met een "
            "migratieachtergrond ook als expert, ondernemer of buur aan het woord komen, en niet "
            "alleen in het misdaadnieuws. Onze eigen beelden tonen de stad zoals ze is."
        ),
        "themes": ["Media en berichtgeving", "Stereotypen"],
        "excerpts": [
            (SAMENLEVEN, "Media en berichtgeving", "vooral in het misdaadnieuws"),
            (GAZET, "Media en berichtgeving", "meer diverse stemmen"),
            (MEDIAPLATFORM, "Stereotypen", "elkaar echt te laten ontmoeten"),
        ],
        "statements": ["Beelden in onze campagnes", "Positieve verhalen werken beter"],
        "passages": [
            "Slechts één op de twintig",
            "Berichtgeving over wijken met veel diversiteit",
            "We vermijden beelden die diversiteit reduceren",
        ],
    },
    {
        "key": "discriminatie",
        "title": "Discriminatie en racisme aanpakken",
        "text": (
            "We spreken over discriminatie en racisme, ook als het ongemakkelijk is. Atlas "
            "moedigt mensen aan om discriminatie te melden, maakt zichtbaar wat meldingen "
            "opleveren en steunt praktijktesten op de huur- en arbeidsmarkt."
        ),
        "themes": ["Discriminatie", "Racisme"],
        "excerpts": [
            (FEDERATIE, "Racisme", "weggezet als een incident"),
            (SAMENLEVEN, "Discriminatie", "op de huurmarkt blijft"),
            (KABINET, "Discriminatie", "elke klacht verdient"),
        ],
        "statements": ["We spreken over discriminatie ook", "Racisme is in Antwerpen vooral"],
        "passages": [
            "Discriminatie op de huur- en arbeidsmarkt pakken we aan",
            "Elke melding van discriminatie krijgt",
            "Bijna vier op tien meldingen",
            "Racisme wordt pas bespreekbaar",
        ],
    },
    {
        "key": "school",
        "title": "Gelijke kansen op school",
        "text": (
            "Atlas helpt scholen om ouders echt te betrekken en om met diversiteit in de klas om "
            "te gaan, zodat elk kind de kansen krijgt die het verdient."
        ),
        "themes": ["Onderwijs"],
        "excerpts": [
            (FEDERATIE, "Onderwijs", "lagere richting"),
            (GAZET, "Onderwijs", "ouders echt betrekken"),
            (FEDERATIE, "Onderwijs", "tijd en ondersteuning"),
        ],
        "statements": ["Scholen zijn de belangrijkste plek"],
        "passages": [
            "Ouderbetrokkenheid begint bij een school",
            "Meer dan de helft van de Antwerpse leerlingen",
            "Leraren krijgen vorming",
        ],
    },
    {
        "key": "werk",
        "title": "Gelijke kansen op het werk",
        "text": (
            "Atlas moedigt werkgevers aan om anoniem en op competenties te werven, zodat een naam "
            "of een afkomst niet langer bepaalt wie op gesprek mag komen."
        ),
        "themes": ["Werk"],
        "excerpts": [
            (KABINET, "Werk", "dan wie Thomas heet"),
            (GAZET, "Werk", "anoniem solliciteren"),
        ],
        "statements": ["Werkgevers moeten zelf zichtbaar maken"],
        "passages": [
            "Een anoniem cv verkleint",
            "De werkzaamheidskloof blijft bestaan",
            "Selecteer op competenties",
        ],
    },
]

# Version 2: the new wording of the ambitions copied from version 1 (with evidence added),
# the ambition merged into another, and the ambition added after the round.
CHANGES_V2 = {
    "wij": {
        "text": (
            "Atlas vertelt het verhaal van Antwerpen als een stad van iedereen die er woont, "
            "zonder de verschillen en de ongelijkheid weg te poetsen. We tonen wat Antwerpenaren "
            "met elkaar verbindt, in de buurt, op school, in de club en op het werk, en we laten "
            "bewoners zelf aan het woord in plaats van over hen te spreken."
        ),
    },
    "verschillen": {
        "text": (
            "We benoemen verschillen tussen mensen als ze ertoe doen, bijvoorbeeld om "
            "ongelijkheid zichtbaar te maken, en we beslissen daarover samen met wie het "
            "aanbelangt. We spreken mensen aan op wat ze doen en kunnen, en pinnen niemand vast "
            "op afkomst of op één enkel kenmerk."
        ),
    },
    "taal": {
        "text": (
            "Atlas kiest in al zijn communicatie woorden die mensen niet uitsluiten. Labels als "
            "'allochtoon' gebruiken we niet meer, en we stellen samen met jongeren en "
            "zelforganisaties een woordenlijst op die ook onze partners kunnen gebruiken. "
            "Meertaligheid zien we als een troef van de stad, naast het Nederlands als gedeelde "
            "taal."
        ),
    },
    "media": {
        "text": (
            "Atlas biedt lokale media een netwerk aan van experts, ondernemers en buren met een "
            "migratieachtergrond, zodat zij ook buiten het misdaadnieuws aan het woord komen; "
            "wat journalisten ermee doen, blijft hun keuze. We werken ook met de media van "
            "zelforganisaties en met ambassadeurs uit de eigen achterban. Onze eigen beelden "
            "tonen de stad zoals ze is."
        ),
        "passages": ["Ambassadeurs uit de eigen achterban"],
    },
    "discriminatie": {
        "text": (
            "We spreken over discriminatie en racisme, ook als het ongemakkelijk is, en we "
            "benoemen racisme als een structureel probleem, niet als een reeks incidenten. Atlas "
            "moedigt mensen aan om discriminatie te melden, zorgt samen met het meldpunt dat elke "
            "melding een antwoord krijgt, maakt zichtbaar wat meldingen opleveren en steunt "
            "praktijktesten op de huur- en arbeidsmarkt."
        ),
    },
    "school": {
        "title": "Gelijke kansen op school en op het werk",
        "text": (
            "Atlas ondersteunt scholen en leerkrachten om ouders echt te betrekken en om met "
            "diversiteit in de klas om te gaan, en vraagt aandacht voor kinderen die te snel naar "
            "een lagere richting worden doorverwezen. Samen met de werkwinkels volgen we de "
            "overgang van school naar werk. Werkgevers, ook kleine ondernemers en de stad zelf, "
            "krijgen praktische hulp om anoniem en op competenties te werven."
        ),
        "merge": "werk",  # version 1's "werk" ambition is merged into this one
        "passages": ["De stad screent haar eigen aanwervingsprocedures"],
    },
}

NEW_V2 = {
    "key": "wijk",
    "title": "Ontmoeting in de wijk",
    "text": (
        "Samenleven begint in de wijk. Atlas werkt met buurtregisseurs, buurtwerkingen en "
        "bewonersgroepen aan plekken en momenten waar buren elkaar ontmoeten, en bewoners "
        "beslissen mee over hoe hun buurt in beeld komt."
    ),
    "themes": ["Wonen en buurt", "Participatie"],
    "excerpts": [
        (SAMENLEVEN, "Wonen en buurt", "plekken om elkaar te ontmoeten"),
        (GAZET, "Participatie", "beslissing al genomen"),
    ],
    "statements": ["Bewoners beslissen mee"],
    "passages": [
        "Buurtwerkingen krijgen de middelen",
        "In elke wijk werkt een buurtregisseur",
        "Conflicten in de wijk lossen we op",
    ],
}

ROUND_TITLE = "Aftoetsingsronde visie v1"

# Positions, consent scopes and ways, as their database values.
E, P, N = "endorse", "partly", "not"
NAMED, ANONYMOUS, NOT_QUOTABLE = "named", "anonymous", "not_quotable"

# An invitee and its answer. Days are counted back from the day the demo is loaded
# (the round opened 13 days ago). "feedback" holds only the ambitions not simply endorsed;
# None: the invitee answered on the vision as a whole.
RESPONSES = [
    {
        "organisation": SAMENLEVEN,
        "way": "conversation",
        "consent": NAMED,
        "position": E,
        "answered": 11,
        "surprises": (
            "Dat de wijk zo weinig aan bod komt, terwijl samenleven daar elke dag gebeurt. Onze "
            "buurtregisseurs zien het 'wij' van de stad het eerst op het plein en in de "
            "buurtwerking."
        ),
        "surprise_themes": ["Wonen en buurt", "Verbindende identiteit"],
        "remarks": "We werken graag mee aan de vertaling naar de wijken, samen met de buurtregisseurs.",
        "feedback": {
            "werk": (
                P,
                "De stad is zelf een grote werkgever. De ambitie spreekt alleen andere "
                "werkgevers aan; neem de stad als werkgever mee.",
            ),
        },
    },
    {
        "organisation": COMMUNICATIE,
        "way": "meeting",
        "consent": NAMED,
        "position": E,
        "answered": 10,
        "surprises": (
            "Hoe sterk de interviews vragen om minder campagnes en meer langdurige "
            "samenwerking. Dat bevestigt onze eigen communicatiestrategie."
        ),
        "surprise_themes": ["Beeldvorming", "Media en berichtgeving"],
        "remarks": (
            "Voor het communicatieplan stellen we een kernboodschap voor die vertrekt van "
            "'Antwerpen is een stad van iedereen die er woont'."
        ),
        "feedback": {
            "media": (
                P,
                "Niet alleen journalisten bepalen het beeld. Onze eigen kanalen en ambassadeurs "
                "uit de gemeenschappen horen ook in deze ambitie.",
            ),
        },
    },
    {
        "organisation": INBURGERING,
        "way": "meeting",
        "consent": ANONYMOUS,
        "position": E,
        "answered": 10,
        "surprises": (
            "Dat meertaligheid zo positief onthaald wordt. Onze cursisten horen vaak het "
            "omgekeerde."
        ),
        "surprise_themes": ["Taal"],
        "remarks": "",
        "feedback": {
            "taal": (
                P,
                "Meertaligheid als troef, akkoord, maar zet ze niet tegenover het Nederlands. "
                "Voor nieuwkomers blijft Nederlands leren een hefboom om mee te doen.",
            ),
        },
    },
    {
        "organisation": ONDERWIJSBELEID,
        "way": "conversation",
        "consent": NAMED,
        "position": P,
        "answered": 9,
        "surprises": (
            "Dat de overgang van school naar werk nergens in de visie staat, terwijl de "
            "interviews er vaak naar verwijzen."
        ),
        "surprise_themes": ["Onderwijs", "Werk"],
        "remarks": "We bezorgen de cijfers over schoolse vertraging per wijk voor de uitwerking.",
        "feedback": {
            "school": (
                P,
                "Atlas heeft geen zeggenschap over het onderwijs. Formuleer dit als ondersteuning "
                "van scholen en leerkrachten, niet als een resultaat dat Atlas zelf bereikt.",
            ),
            "werk": (
                P,
                "School en werk los van elkaar behandelen mist de overgang ertussen, en net daar "
                "lopen jongeren vast.",
            ),
        },
    },
    {
        "organisation": WIJKOVERLEG,
        "way": "online",
        "online": True,
        "consent": ANONYMOUS,
        "position": P,
        "answered": 8,
        "surprises": (
            "De visie spreekt over 'één stad', maar de buurt komt er niet in voor. In "
            "Antwerpen-Noord leven mensen naast elkaar; ontmoeting vraagt plekken en mensen die "
            "ze openhouden."
        ),
        "surprise_themes": ["Wonen en buurt", "Participatie"],
        "remarks": "Graag een aparte ambitie over samenleven in de wijk.",
        "feedback": {
            "wij": (
                P,
                "Het 'wij' ontstaat in de buurt, niet in een campagne. Zonder de wijk blijft deze "
                "ambitie abstract.",
            ),
            "discriminatie": (
                P,
                "Discriminatie op de huurmarkt speelt vooral in onze wijken. Maak de ambitie "
                "concreet per wijk.",
            ),
        },
    },
    {
        "organisation": KABINET,
        "way": "conversation",
        "consent": NAMED,
        "position": E,
        "answered": 12,
        "surprises": (
            "Weinig verrassingen: de visie sluit goed aan bij het bestuursakkoord. Opvallend is "
            "wel hoe vaak de interviews vragen om racisme uitdrukkelijk te benoemen."
        ),
        "surprise_themes": ["Racisme", "Verbindende identiteit"],
        "remarks": (
            "Het kabinet onderschrijft de visie als geheel en vraagt om de ambities in het "
            "communicatieplan te koppelen aan meetbare doelstellingen."
        ),
        "feedback": None,
    },
    {
        "organisation": FEDERATIE,
        "way": "conversation",
        "consent": ANONYMOUS,
        "position": N,
        "answered": 7,
        "reminded": 8,
        "surprises": (
            "Dat racisme in de visie klinkt als een reeks incidenten. Onze leden ervaren het "
            "dagelijks, op school, op het werk en op de huurmarkt."
        ),
        "surprise_themes": ["Racisme", "Discriminatie"],
        "remarks": (
            "We delen de richting, maar zolang racisme niet als een structureel probleem "
            "benoemd wordt, kunnen we de visie niet onderschrijven. We denken graag mee over een "
            "nieuwe versie."
        ),
        "feedback": {
            "wij": (P, "'Eén stad' klinkt mooi, maar mag de ongelijkheid niet toedekken."),
            "verschillen": (
                P,
                "'Wanneer dat nodig is': wie beslist dat? Laat de mensen over wie het gaat mee "
                "beslissen.",
            ),
            "media": (
                P,
                "Zelforganisaties hebben hun eigen media en netwerken. Werk ook met hen, niet "
                "alleen met de grote kranten.",
            ),
            "discriminatie": (
                N,
                "Racisme wordt hier benaderd als iets dat af en toe gebeurt. Benoem het als een "
                "structureel probleem.",
            ),
            "school": (
                P,
                "Kinderen worden nog te snel naar een lagere richting doorverwezen. Dat hoort "
                "uitdrukkelijk in de ambitie.",
            ),
        },
    },
    {
        "organisation": SCHOLENGROEP,
        "way": "mail",
        "consent": NOT_QUOTABLE,
        "position": P,
        "answered": 6,
        "reminded": 8,
        "surprises": (
            "Dat de visie zoveel van scholen verwacht, zonder te zeggen welke ondersteuning "
            "daar tegenover staat."
        ),
        "surprise_themes": ["Onderwijs"],
        "remarks": "Onze directies lazen mee; we vragen om deze reactie niet te citeren.",
        "feedback": {
            "school": (
                N,
                "De ambitie legt de verantwoordelijkheid eenzijdig bij de scholen. Leerkrachten "
                "willen wel, maar ze missen tijd en ondersteuning.",
            ),
        },
    },
    {
        "organisation": GAZET,
        "way": "mail",
        "consent": ANONYMOUS,
        "position": P,
        "answered": 5,
        "reminded": 8,
        "surprises": (
            "Dat de media zo vaak genoemd worden als oorzaak van een negatief beeld. Onze "
            "redactie zoekt al jaren meer diverse stemmen."
        ),
        "surprise_themes": ["Media en berichtgeving"],
        "remarks": (
            "We blijven graag in gesprek, maar Gazet van de Schelde onderschrijft als krant geen "
            "beleid over haar eigen berichtgeving."
        ),
        "feedback": {
            "media": (
                N,
                "Atlas kan niet bepalen wie journalisten aan het woord laten. Een aanbod van "
                "experts en woordvoerders is welkom; afspraken over berichtgeving niet.",
            ),
        },
    },
    {
        "organisation": MELDPUNT,
        "way": "conversation",
        "consent": NAMED,
        "withdrawn": True,  # on the day its interview consent was withdrawn too
        "position": E,
        "answered": 11,
        "surprises": (
            "Positief verrast dat discriminatie zo duidelijk in de visie staat. Jammer dat de "
            "opvolging van meldingen er niet in staat."
        ),
        "surprise_themes": ["Discriminatie"],
        "remarks": "We bekijken graag samen hoe Atlas het meldpunt beter bekend kan maken.",
        "feedback": {
            "discriminatie": (
                P,
                "Meldingen zichtbaar maken volstaat niet: wie meldt, moet ook zien wat er met de "
                "melding gebeurt.",
            ),
        },
    },
    {
        "organisation": MEDIAPLATFORM,
        "way": "online",
        "online": True,
        "consent": ANONYMOUS,
        "position": E,
        "answered": 4,
        "reminded": 8,
        "surprises": (
            "Dat jongeren bijna niet voorkomen in de visie, terwijl zij het verschil maken in hoe "
            "de stad over diversiteit praat."
        ),
        "surprise_themes": ["Beeldvorming", "Taal"],
        "remarks": "Sterke tekst. We werken graag mee aan de woordenlijst.",
        "feedback": {
            "taal": (
                P,
                "Een woordenlijst opstellen zonder de jongeren zelf is een gemiste kans: zij "
                "voelen het eerst wanneer een woord uitsluit.",
            ),
        },
    },
    {
        "organisation": ONDERNEMERS,
        "way": "online",
        "online": True,
        "consent": NAMED,
        "position": N,
        "answered": 6,
        "surprises": (
            "Dat ondernemers vooral verschijnen als mogelijke daders van discriminatie, en "
            "nauwelijks als partners."
        ),
        "surprise_themes": ["Werk", "Discriminatie"],
        "remarks": (
            "Veel van onze leden hebben zelf een migratieachtergrond. Betrek ons als partner, "
            "niet als doelwit."
        ),
        "feedback": {
            "discriminatie": (
                N,
                "Praktijktesten zetten alle ondernemers in een verdacht daglicht. We kiezen "
                "liever voor sensibilisering en begeleiding.",
            ),
            "werk": (
                N,
                "Anoniem solliciteren en selectie op competenties zijn voor een kleine zaak "
                "zonder personeelsdienst niet haalbaar zonder praktische hulp.",
            ),
        },
    },
]

# Invitees without an answer: organisation, way, state, reminded (days ago).
WITHOUT_ANSWER = [
    (JONGERENRAAD, "online", "reminded", 6),  # gets the personal answer link
    (HAVEN, "mail", "no_response", 8),
]
LINK_FOR = JONGERENRAAD

# The decision on each objection: (organisation, ambition of v1) -> outcome, the ambitions of
# version 2 it changed, the explanation.
PROCESSED, REJECTED = "processed", "rejected"
DECISIONS = {
    (WIJKOVERLEG, "wij"): (
        PROCESSED,
        ["wij", "wijk"],
        "De buurt staat nu in de ambitie ('in de buurt, op school, ...'), en versie 2 heeft een "
        "eigen ambitie 'Ontmoeting in de wijk'.",
    ),
    (FEDERATIE, "wij"): (
        PROCESSED,
        ["wij"],
        "Toegevoegd: het verhaal van één stad 'zonder de verschillen en de ongelijkheid weg te "
        "poetsen'.",
    ),
    (FEDERATIE, "verschillen"): (
        PROCESSED,
        ["verschillen"],
        "Herschreven met de woorden van de workshop ('als ze ertoe doen'); we beslissen daarover "
        "samen met wie het aanbelangt.",
    ),
    (INBURGERING, "taal"): (
        PROCESSED,
        ["taal"],
        "Toegevoegd: meertaligheid als troef 'naast het Nederlands als gedeelde taal'.",
    ),
    (MEDIAPLATFORM, "taal"): (
        PROCESSED,
        ["taal"],
        "De woordenlijst komt er 'samen met jongeren en zelforganisaties'.",
    ),
    (COMMUNICATIE, "media"): (
        PROCESSED,
        ["media"],
        "Ambassadeurs uit de eigen achterban staan nu in de ambitie; het communicatieplan werkt "
        "de eigen kanalen van Atlas verder uit.",
    ),
    (FEDERATIE, "media"): (
        PROCESSED,
        ["media"],
        "Toegevoegd: we werken ook met de media van zelforganisaties.",
    ),
    (GAZET, "media"): (
        PROCESSED,
        ["media"],
        "Herschreven als een aanbod: Atlas biedt een netwerk van experts en woordvoerders aan; "
        "wat journalisten ermee doen, blijft hun keuze.",
    ),
    (FEDERATIE, "discriminatie"): (
        PROCESSED,
        ["discriminatie"],
        "Toegevoegd: we benoemen racisme als een structureel probleem, niet als een reeks "
        "incidenten.",
    ),
    (MELDPUNT, "discriminatie"): (
        PROCESSED,
        ["discriminatie"],
        "Toegevoegd: Atlas zorgt samen met het meldpunt dat elke melding een antwoord krijgt, "
        "zoals het stedelijk actieplan belooft.",
    ),
    (WIJKOVERLEG, "discriminatie"): (
        REJECTED,
        [],
        "De huurmarkt staat al uitdrukkelijk in de ambitie. Een aanpak per wijk hoort in het "
        "communicatieplan (stap 7), niet in de visie; we nemen de vraag daar mee.",
    ),
    (ONDERNEMERS, "discriminatie"): (
        REJECTED,
        [],
        "Praktijktesten staan in het bestuursakkoord en in het federale actieplan tegen "
        "racisme; Atlas blijft ze steunen. Kleine ondernemers krijgen wel praktische hulp in de "
        "ambitie over school en werk.",
    ),
    (ONDERWIJSBELEID, "school"): (
        PROCESSED,
        ["school"],
        "Herschreven als ondersteuning: 'Atlas ondersteunt scholen en leerkrachten'.",
    ),
    (FEDERATIE, "school"): (
        PROCESSED,
        ["school"],
        "De te snelle doorverwijzing naar een lagere richting staat nu in de ambitie.",
    ),
    (SCHOLENGROEP, "school"): (
        PROCESSED,
        ["school"],
        "De ambitie spreekt nu van ondersteuning van scholen en leerkrachten, niet van een "
        "opdracht voor de scholen alleen.",
    ),
    (ONDERWIJSBELEID, "werk"): (
        PROCESSED,
        ["school"],
        "De ambities over school en werk zijn samengevoegd; de overgang van school naar werk "
        "volgen we samen met de werkwinkels.",
    ),
    (SAMENLEVEN, "werk"): (
        PROCESSED,
        ["school"],
        "In de samengevoegde ambitie staat de stad zelf uitdrukkelijk bij de werkgevers.",
    ),
    (ONDERNEMERS, "werk"): (
        PROCESSED,
        ["school"],
        "Kleine ondernemers krijgen praktische hulp om anoniem en op competenties te werven, in "
        "plaats van een verwachting zonder ondersteuning.",
    ),
}
