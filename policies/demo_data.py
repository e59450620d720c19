"""The desk-research part of the fictional Atlas demo case: 25 policy documents.

Every document, organisation and quote here is invented for the demo; the files generated
from them say so on their first line.
"""

# (title, organisation, level, kind, year, relevance, status, file kind, themes, summary,
#  [passages])
DOCUMENTS = [
    (
        "Bestuursakkoord Antwerpen 2025-2030: samen stad maken",
        "Stad Antwerpen",
        "city",
        "coalition_agreement",
        2025,
        5,
        "summarised",
        "pdf",
        ["Verbindende identiteit", "Participatie", "Discriminatie"],
        "Het akkoord zet in op **één stad voor iedereen**: gelijke kansen, een sterk "
        "verenigingsleven en een stedelijke identiteit waarin elke Antwerpenaar zich herkent.",
        [
            "Wij willen een stad waar iedereen zich Antwerpenaar voelt, ongeacht afkomst.",
            "Discriminatie op de huur- en arbeidsmarkt pakken we aan met praktijktesten.",
            "Buurtwerkingen krijgen de middelen om ontmoeting tussen bewoners te organiseren.",
        ],
    ),
    (
        "Meerjarenplan Atlas 2026-2031",
        "Atlas, integratie & inburgering Antwerpen",
        "atlas",
        "policy_plan",
        2026,
        5,
        "summarised",
        "pdf",
        ["Beeldvorming", "Taal", "Participatie"],
        "Atlas beschrijft zijn opdracht: nieuwkomers wegwijs maken, Nederlands leren als "
        "hefboom en organisaties ondersteunen om met diversiteit om te gaan.",
        [
            "Atlas wil bijdragen aan een positieve en genuanceerde beeldvorming over diversiteit.",
            "Nederlands leren is een hefboom, geen voorwaarde om mee te doen.",
            "We ondersteunen scholen, verenigingen en diensten in hun omgang met diversiteit.",
            "Onze communicatie vertrekt van verhalen van Antwerpenaren zelf.",
        ],
    ),
    (
        "Jaarverslag Atlas 2025",
        "Atlas, integratie & inburgering Antwerpen",
        "atlas",
        "annual_report",
        2025,
        3,
        "read",
        "docx",
        ["Taal", "Werk"],
        "Cijfers over inburgeringstrajecten, taallessen en trajectbegeleiding, met een "
        "hoofdstuk over de samenwerking met werkwinkels.",
        [
            "In 2025 volgden 9.412 cursisten een les Nederlands als tweede taal via Atlas.",
            "Zeven op tien inburgeraars vonden binnen het jaar werk of een opleiding.",
        ],
    ),
    (
        "Communicatiestrategie Atlas: van campagne naar gedrag",
        "Atlas, integratie & inburgering Antwerpen",
        "atlas",
        "strategic_note",
        2024,
        5,
        "summarised",
        "docx",
        ["Beeldvorming", "Media en berichtgeving", "Stereotypen"],
        "Een interne nota die vaststelt dat eenmalige campagnes weinig veranderen en pleit "
        "voor langdurige samenwerking met partners en ambassadeurs.",
        [
            "Een affichecampagne verandert geen gedrag; herhaalde ontmoetingen wel.",
            "We vermijden beelden die diversiteit reduceren tot folklore.",
            "Ambassadeurs uit de eigen achterban zijn geloofwaardiger dan de stad zelf.",
        ],
    ),
    (
        "Stedelijk actieplan gelijke kansen en antidiscriminatie",
        "Stad Antwerpen, dienst Gelijke Kansen",
        "city",
        "policy_plan",
        2024,
        5,
        "summarised",
        "pdf",
        ["Discriminatie", "Racisme", "Werk", "Wonen en buurt"],
        "Het actieplan bundelt maatregelen tegen discriminatie in werk, wonen, onderwijs en "
        "vrije tijd, met een meldpunt en jaarlijkse opvolging.",
        [
            "Elke melding van discriminatie krijgt binnen tien werkdagen een antwoord.",
            "De stad screent haar eigen aanwervingsprocedures op onbewuste vooroordelen.",
            "We maken afspraken met immokantoren over non-discriminatie bij verhuur.",
        ],
    ),
    (
        "Visienota wijkwerking en samenleven in de wijken",
        "Stad Antwerpen, dienst Samenleven",
        "city",
        "strategic_note",
        2023,
        4,
        "read",
        "pdf",
        ["Wonen en buurt", "Verbindende identiteit"],
        "Samenleven gebeurt in de wijk: de nota beschrijft hoe buurtregisseurs, pleinwerkers "
        "en bewonersgroepen conflicten voorkomen en ontmoeting stimuleren.",
        [
            "In elke wijk werkt een buurtregisseur als aanspreekpunt voor bewoners.",
            "Conflicten in de wijk lossen we op met bemiddeling, niet met regels alleen.",
        ],
    ),
    (
        "Stadsbrede communicatiestrategie: de stad spreekt één taal",
        "Stad Antwerpen, communicatie",
        "city",
        "strategic_note",
        2022,
        4,
        "read",
        "docx",
        ["Taal", "Media en berichtgeving", "Verschillen benoemen"],
        "Richtlijnen voor helder Nederlands in stedelijke communicatie, met ruimte voor "
        "ondersteunende talen in welbepaalde situaties.",
        [
            "De stad communiceert in helder Nederlands; andere talen zijn een tijdelijke brug.",
            "Beelden in stedelijke communicatie weerspiegelen de diversiteit van de stad.",
        ],
    ),
    (
        "Onderwijsbeleidsplan Antwerpen: elk talent telt",
        "Stad Antwerpen, onderwijs",
        "city",
        "policy_plan",
        2024,
        3,
        "to_read",
        "pdf",
        ["Onderwijs", "Taal", "Discriminatie"],
        "Het plan focust op schoolse vertraging, taalstimulering en ouderbetrokkenheid in "
        "een superdiverse schoolpopulatie.",
        [
            "Meer dan de helft van de Antwerpse leerlingen spreekt thuis een andere taal dan het Nederlands.",
            "Ouderbetrokkenheid begint bij een school die meertaligheid niet als probleem ziet.",
        ],
    ),
    (
        "Vlaamse beleidsnota Samenleven, Integratie en Inburgering 2024-2029",
        "Vlaamse overheid",
        "flemish",
        "policy_plan",
        2024,
        5,
        "summarised",
        "pdf",
        ["Taal", "Werk", "Verbindende identiteit"],
        "De Vlaamse regering legt de klemtoon op inburgering als verplicht traject, kennis "
        "van het Nederlands en snelle activering op de arbeidsmarkt.",
        [
            "Inburgering is een gedeelde verantwoordelijkheid van nieuwkomer en samenleving.",
            "Kennis van het Nederlands is de sleutel tot participatie.",
            "Lokale besturen regisseren het integratiebeleid op hun grondgebied.",
        ],
    ),
    (
        "Decreet over het Vlaamse integratie- en inburgeringsbeleid (gecoördineerd)",
        "Vlaamse overheid",
        "flemish",
        "regulation",
        2022,
        4,
        "read",
        "pdf",
        ["Taal", "Participatie"],
        "Het decreet regelt het inburgeringstraject, de rol van de agentschappen en de "
        "regierol van de lokale besturen.",
        [
            "Het lokaal bestuur voert de regie over het integratiebeleid op zijn grondgebied.",
            "Het inburgeringstraject omvat maatschappelijke oriëntatie, Nederlands en loopbaanbegeleiding.",
        ],
    ),
    (
        "Vlaams actieplan tegen racisme en discriminatie",
        "Vlaamse overheid",
        "flemish",
        "policy_plan",
        2023,
        4,
        "to_read",
        "docx",
        ["Racisme", "Discriminatie", "Onderwijs"],
        "Een actieplan met maatregelen in onderwijs, werk en media om racisme te erkennen, "
        "te melden en aan te pakken.",
        [
            "Racisme wordt pas bespreekbaar als we het durven te benoemen.",
            "Leraren krijgen vorming om om te gaan met polariserende uitspraken in de klas.",
        ],
    ),
    (
        "Studie: beeldvorming over diversiteit in Vlaamse media",
        "Steunpunt Media (fictief)",
        "flemish",
        "study",
        2023,
        4,
        "read",
        "pdf",
        ["Media en berichtgeving", "Stereotypen", "Beeldvorming"],
        "Een inhoudsanalyse van nieuwsuitzendingen toont dat mensen met een migratieachtergrond "
        "vaker als probleem dan als expert in beeld komen.",
        [
            "Slechts één op de twintig geïnterviewde experten heeft een migratieachtergrond.",
            "Berichtgeving over wijken met veel diversiteit gaat vaak over criminaliteit.",
        ],
    ),
    (
        "Federaal actieplan tegen racisme",
        "Federale overheid, FOD Justitie",
        "federal",
        "policy_plan",
        2022,
        4,
        "to_read",
        "pdf",
        ["Racisme", "Discriminatie", "Werk"],
        "Het plan bundelt federale maatregelen tegen racisme, onder meer in justitie, politie "
        "en de arbeidsmarkt, en voorziet een monitoring.",
        [
            "Praktijktesten worden een erkend instrument om discriminatie op de arbeidsmarkt vast te stellen.",
            "Politiediensten registreren haatmisdrijven op een uniforme manier.",
        ],
    ),
    (
        "Antidiscriminatiewet: toelichting voor lokale besturen",
        "Federale overheid",
        "federal",
        "regulation",
        2021,
        3,
        "read",
        "docx",
        ["Discriminatie"],
        "Een toelichting bij de beschermde criteria en de plichten van lokale besturen als "
        "werkgever en dienstverlener.",
        [
            "Afkomst, nationaliteit en levensbeschouwing zijn beschermde criteria.",
            "Ook een neutrale regel kan indirect discrimineren.",
        ],
    ),
    (
        "Socio-economische monitoring: arbeidsmarkt en origine",
        "Federale overheid, FOD Werkgelegenheid",
        "federal",
        "study",
        2024,
        3,
        "to_read",
        "pdf",
        ["Werk", "Discriminatie"],
        "Cijfers over de werkzaamheidsgraad naar herkomst tonen een hardnekkige kloof, ook bij "
        "hoogopgeleiden.",
        [
            "De werkzaamheidskloof blijft bestaan bij gelijke diploma's.",
            "Jongeren met een migratieachtergrond solliciteren vaker en langer.",
        ],
    ),
    (
        "EU-actieplan tegen racisme 2020-2025",
        "Europese Commissie",
        "european",
        "policy_plan",
        2020,
        4,
        "read",
        "pdf",
        ["Racisme", "Discriminatie", "Participatie"],
        "Het Europese plan vraagt lidstaten en steden om nationale actieplannen, betere "
        "gegevens en participatie van wie racisme ervaart.",
        [
            "Steden zijn de eerste lijn in de strijd tegen racisme.",
            "Wie racisme ervaart, moet mee aan tafel zitten bij het beleid.",
        ],
    ),
    (
        "EU-actieplan integratie en inclusie 2021-2027",
        "Europese Commissie",
        "european",
        "policy_plan",
        2021,
        3,
        "read",
        "docx",
        ["Onderwijs", "Werk", "Wonen en buurt"],
        "Inclusie voor iedereen: onderwijs, werk, gezondheid en huisvesting als pijlers, met "
        "aandacht voor de rol van lokale besturen.",
        [
            "Integratie is een tweerichtingsproces tussen nieuwkomers en de ontvangende samenleving.",
            "Lokale en regionale overheden spelen een sleutelrol in integratie.",
        ],
    ),
    (
        "Aanbeveling van de Raad van Europa over interculturele steden",
        "Raad van Europa",
        "european",
        "other",
        2015,
        3,
        "to_read",
        "pdf",
        ["Verbindende identiteit", "Beeldvorming"],
        "De aanbeveling beschrijft het model van de interculturele stad: diversiteit als "
        "troef, zichtbaar in beleid, publieke ruimte en communicatie.",
        [
            "Een interculturele stad ziet diversiteit als een bron van vernieuwing.",
            "Het publieke discours bepaalt mee hoe bewoners elkaar zien.",
        ],
    ),
    (
        "Memorandum lokale verkiezingen: een stad voor iedereen",
        "Minderhedenplatform Antwerpen (fictief)",
        "partner",
        "strategic_note",
        2024,
        4,
        "read",
        "docx",
        ["Discriminatie", "Participatie", "Verschillen benoemen"],
        "Het platform vraagt structurele inspraak, een onafhankelijk meldpunt en een stad die "
        "verschillen erkent in plaats van ze weg te moffelen.",
        [
            "Erken verschillen: wie ze verzwijgt, maakt ongelijkheid onzichtbaar.",
            "Zelforganisaties vragen structurele inspraak, geen eenmalige consultatie.",
            "Een meldpunt werkt pas als mensen het vertrouwen.",
        ],
    ),
    (
        "Jaarverslag discriminatiemeldingen regio Antwerpen",
        "Meldpunt Discriminatie Antwerpen (fictief)",
        "partner",
        "annual_report",
        2025,
        4,
        "to_read",
        "pdf",
        ["Discriminatie", "Racisme", "Wonen en buurt"],
        "Een overzicht van 1.100 meldingen: wonen en werk blijven de grootste domeinen, "
        "meldingen over online haat nemen toe.",
        [
            "Bijna vier op tien meldingen gaan over de huurmarkt.",
            "Het aantal meldingen over online haatberichten verdubbelde in twee jaar.",
        ],
    ),
    (
        "Visietekst: taal als brug in het jeugdwerk",
        "Jeugdwerkkoepel Antwerpen (fictief)",
        "partner",
        "strategic_note",
        2023,
        3,
        "read",
        "docx",
        ["Taal", "Verbindende identiteit"],
        "Jeugdbewegingen beschrijven hoe ze met meertaligheid omgaan: Nederlands als "
        "gedeelde taal, andere talen als welkom.",
        [
            "In het jeugdwerk is Nederlands de gedeelde taal, maar geen toegangsticket.",
            "Kinderen leren elkaars taal spelenderwijs kennen.",
        ],
    ),
    (
        "Onderzoek: hoe Antwerpenaren over diversiteit praten",
        "Universiteit Antwerpen, onderzoeksgroep (fictief)",
        "partner",
        "study",
        2024,
        5,
        "summarised",
        "pdf",
        ["Beeldvorming", "Verschillen benoemen", "Stereotypen", "Taal"],
        "Focusgroepen met 120 Antwerpenaren tonen dat mensen diversiteit positief waarderen "
        "in het abstracte, maar verschillen moeilijk benoemen zonder te stigmatiseren.",
        [
            "Deelnemers vinden diversiteit een troef, maar vrezen om iets verkeerd te zeggen.",
            "Labels als 'allochtoon' worden door jongeren als uitsluitend ervaren.",
            "Mensen willen verschillen benoemen zonder iemand vast te pinnen op één kenmerk.",
        ],
    ),
    (
        "Charter diversiteit voor Antwerpse cultuurhuizen",
        "Cultuurnetwerk Antwerpen (fictief)",
        "partner",
        "other",
        2022,
        3,
        "to_read",
        "docx",
        ["Beeldvorming", "Participatie"],
        "Cultuurhuizen engageren zich voor een divers programma, divers personeel en een "
        "divers publiek, met jaarlijkse zelfevaluatie.",
        [
            "Wie op het podium staat, bepaalt wie zich in de zaal welkom voelt.",
            "We meten jaarlijks de diversiteit van ons publiek en ons personeel.",
        ],
    ),
    (
        "Handreiking inclusieve werving voor Antwerpse werkgevers",
        "Werkgeversnetwerk Antwerpen (fictief)",
        "partner",
        "other",
        2023,
        3,
        "read",
        "pdf",
        ["Werk", "Discriminatie", "Stereotypen"],
        "Praktische tips voor anonieme cv's, competentiegerichte selectie en onthaal van "
        "nieuwe medewerkers.",
        [
            "Een anoniem cv verkleint de kans dat een naam het gesprek afblokt.",
            "Selecteer op competenties, niet op 'klik' met de kandidaat.",
        ],
    ),
    (
        "Nota: levensbeschouwing en neutraliteit in de stedelijke dienstverlening",
        "Overlegplatform Levensbeschouwingen (fictief)",
        "partner",
        "strategic_note",
        2021,
        2,
        "to_read",
        "docx",
        ["Verschillen benoemen", "Discriminatie"],
        "Levensbeschouwelijke organisaties vragen een open gesprek over neutraliteit, zonder "
        "dat dit leidt tot uitsluiting van gelovigen.",
        [
            "Neutraliteit van de dienstverlening mag geen uitsluiting van personeel worden.",
            "Een open gesprek over levensbeschouwing voorkomt polarisering.",
        ],
    ),
]


# The themes each key passage is about, tagged by hand (a passage about the rental market is
# "Discriminatie" and "Wonen en buurt", whatever the order of its document's themes).
PASSAGE_THEMES = {
    "Wij willen een stad waar iedereen zich Antwerpenaar voelt, ongeacht afkomst.": [
        "Verbindende identiteit"
    ],
    "Discriminatie op de huur- en arbeidsmarkt pakken we aan met praktijktesten.": [
        "Discriminatie",
        "Wonen en buurt",
        "Werk",
    ],
    "Buurtwerkingen krijgen de middelen om ontmoeting tussen bewoners te organiseren.": [
        "Wonen en buurt",
        "Participatie",
    ],
    "Atlas wil bijdragen aan een positieve en genuanceerde beeldvorming over diversiteit.": [
        "Beeldvorming"
    ],
    "Nederlands leren is een hefboom, geen voorwaarde om mee te doen.": ["Taal"],
    "We ondersteunen scholen, verenigingen en diensten in hun omgang met diversiteit.": [
        "Onderwijs",
        "Participatie",
    ],
    "Onze communicatie vertrekt van verhalen van Antwerpenaren zelf.": ["Beeldvorming"],
    "In 2025 volgden 9.412 cursisten een les Nederlands als tweede taal via Atlas.": ["Taal"],
    "Zeven op tien inburgeraars vonden binnen het jaar werk of een opleiding.": [
        "Werk",
        "Onderwijs",
    ],
    "Een affichecampagne verandert geen gedrag; herhaalde ontmoetingen wel.": ["Beeldvorming"],
    "We vermijden beelden die diversiteit reduceren tot folklore.": [
        "Stereotypen",
        "Media en berichtgeving",
    ],
    "Ambassadeurs uit de eigen achterban zijn geloofwaardiger dan de stad zelf.": ["Beeldvorming"],
    "Elke melding van discriminatie krijgt binnen tien werkdagen een antwoord.": ["Discriminatie"],
    "De stad screent haar eigen aanwervingsprocedures op onbewuste vooroordelen.": [
        "Werk",
        "Discriminatie",
    ],
    "We maken afspraken met immokantoren over non-discriminatie bij verhuur.": [
        "Discriminatie",
        "Wonen en buurt",
    ],
    "In elke wijk werkt een buurtregisseur als aanspreekpunt voor bewoners.": ["Wonen en buurt"],
    "Conflicten in de wijk lossen we op met bemiddeling, niet met regels alleen.": [
        "Wonen en buurt"
    ],
    "De stad communiceert in helder Nederlands; andere talen zijn een tijdelijke brug.": ["Taal"],
    "Beelden in stedelijke communicatie weerspiegelen de diversiteit van de stad.": [
        "Media en berichtgeving",
        "Beeldvorming",
    ],
    "Meer dan de helft van de Antwerpse leerlingen spreekt thuis een andere taal dan het "
    "Nederlands.": ["Onderwijs", "Taal"],
    "Ouderbetrokkenheid begint bij een school die meertaligheid niet als probleem ziet.": [
        "Onderwijs",
        "Taal",
    ],
    "Inburgering is een gedeelde verantwoordelijkheid van nieuwkomer en samenleving.": [
        "Verbindende identiteit"
    ],
    "Kennis van het Nederlands is de sleutel tot participatie.": ["Taal", "Participatie"],
    "Lokale besturen regisseren het integratiebeleid op hun grondgebied.": ["Participatie"],
    "Het lokaal bestuur voert de regie over het integratiebeleid op zijn grondgebied.": [
        "Participatie"
    ],
    "Het inburgeringstraject omvat maatschappelijke oriëntatie, Nederlands en "
    "loopbaanbegeleiding.": ["Taal", "Werk"],
    "Racisme wordt pas bespreekbaar als we het durven te benoemen.": [
        "Racisme",
        "Verschillen benoemen",
    ],
    "Leraren krijgen vorming om om te gaan met polariserende uitspraken in de klas.": ["Onderwijs"],
    "Slechts één op de twintig geïnterviewde experten heeft een migratieachtergrond.": [
        "Media en berichtgeving"
    ],
    "Berichtgeving over wijken met veel diversiteit gaat vaak over criminaliteit.": [
        "Media en berichtgeving",
        "Stereotypen",
    ],
    "Praktijktesten worden een erkend instrument om discriminatie op de arbeidsmarkt vast te "
    "stellen.": ["Discriminatie", "Werk"],
    "Politiediensten registreren haatmisdrijven op een uniforme manier.": ["Racisme"],
    "Afkomst, nationaliteit en levensbeschouwing zijn beschermde criteria.": ["Discriminatie"],
    "Ook een neutrale regel kan indirect discrimineren.": ["Discriminatie"],
    "De werkzaamheidskloof blijft bestaan bij gelijke diploma's.": ["Werk"],
    "Jongeren met een migratieachtergrond solliciteren vaker en langer.": ["Werk"],
    "Steden zijn de eerste lijn in de strijd tegen racisme.": ["Racisme"],
    "Wie racisme ervaart, moet mee aan tafel zitten bij het beleid.": ["Racisme", "Participatie"],
    "Integratie is een tweerichtingsproces tussen nieuwkomers en de ontvangende samenleving.": [
        "Verbindende identiteit"
    ],
    "Lokale en regionale overheden spelen een sleutelrol in integratie.": ["Participatie"],
    "Een interculturele stad ziet diversiteit als een bron van vernieuwing.": [
        "Verbindende identiteit",
        "Beeldvorming",
    ],
    "Het publieke discours bepaalt mee hoe bewoners elkaar zien.": ["Beeldvorming"],
    "Erken verschillen: wie ze verzwijgt, maakt ongelijkheid onzichtbaar.": [
        "Verschillen benoemen"
    ],
    "Zelforganisaties vragen structurele inspraak, geen eenmalige consultatie.": ["Participatie"],
    "Een meldpunt werkt pas als mensen het vertrouwen.": ["Discriminatie"],
    "Bijna vier op tien meldingen gaan over de huurmarkt.": ["Discriminatie", "Wonen en buurt"],
    "Het aantal meldingen over online haatberichten verdubbelde in twee jaar.": [
        "Racisme",
        "Media en berichtgeving",
    ],
    "In het jeugdwerk is Nederlands de gedeelde taal, maar geen toegangsticket.": [
        "Taal",
        "Verbindende identiteit",
    ],
    "Kinderen leren elkaars taal spelenderwijs kennen.": ["Taal", "Verbindende identiteit"],
    "Deelnemers vinden diversiteit een troef, maar vrezen om iets verkeerd te zeggen.": [
        "Verschillen benoemen",
        "Beeldvorming",
    ],
    "Labels als 'allochtoon' worden door jongeren als uitsluitend ervaren.": [
        "Taal",
        "Stereotypen",
    ],
    "Mensen willen verschillen benoemen zonder iemand vast te pinnen op één kenmerk.": [
        "Verschillen benoemen",
        "Stereotypen",
    ],
    "Wie op het podium staat, bepaalt wie zich in de zaal welkom voelt.": [
        "Beeldvorming",
        "Participatie",
    ],
    "We meten jaarlijks de diversiteit van ons publiek en ons personeel.": [
        "Participatie",
        "Werk",
    ],
    "Een anoniem cv verkleint de kans dat een naam het gesprek afblokt.": [
        "Werk",
        "Discriminatie",
    ],
    "Selecteer op competenties, niet op 'klik' met de kandidaat.": ["Werk", "Stereotypen"],
    "Neutraliteit van de dienstverlening mag geen uitsluiting van personeel worden.": [
        "Discriminatie",
        "Werk",
    ],
    "Een open gesprek over levensbeschouwing voorkomt polarisering.": ["Verschillen benoemen"],
}
