"""Minutes of the sakråd of 4 June 2024: what was raised, never who said it."""

import datetime as dt

from ..streams import bullets, heading, paragraph
from .people import MINISTRY, UNIT
from .sakrad_2024 import SAKRAD_2024

QUESTION_1, QUESTION_2 = (text for _, text, _ in SAKRAD_2024["questions"])

TRUST = [
    "Förtroende tar tid att bygga. Korta projekt ger ofta lika korta resultat, och flera "
    "organisationer efterfrågade stabil och långsiktig finansiering.",
    "I flera grupper beskrevs hur offentliga verksamheter har lämnat vissa bostadsområden och "
    "hur det har skadat tilliten. Det offentliga behöver finnas på plats, vara lätt att nå och "
    "stanna kvar.",
    "Myndigheter och kommuner bör samarbeta med de lokala föreningar som de unga redan litar på.",
    "Föreningar kan fungera som en bro: de kan ordna trygga träffar där unga möter polis, "
    "fältassistenter och socialtjänst under avspända former, till exempel vid en gemensam middag.",
    "Fler mötesplatser och fler verksamheter i området, som bibliotek, idrott, service och "
    "företag, stärker både tilliten och möjligheterna till jobb.",
    "Unga bör få vara med och påverka beslut som rör dem, och det gäller även unga som inte är "
    "med i någon förening, inte bara de mest engagerade.",
    "Civilsamhället vill bli tillfrågat medan statliga strategier och planer tas fram, inte när "
    "de redan är klara.",
    "Det offentliga kan lära sig av föreningarnas förmåga att ställa om snabbt.",
    "Ordval spelar roll. Budskap till unga behöver vara begripliga och utgå från deras eget "
    "perspektiv; många unga vill styra sin egen utveckling snarare än att bli inkluderade av "
    "andra.",
    "Bilden av utsatta områden är ofta ensidigt negativ. Flera lyfte att grundorsakerna är "
    "strukturella och att kriminaliteten snarare är en följd av dem.",
    "Flera uttryckte oro över att det statliga stödet till föreningar som bildats på etnisk grund "
    "har upphört, och över att studieförbunden får mindre resurser.",
    "Brist på lokaler försvårar arbetet. Ett förslag var att föreningar ska få använda skolans "
    "lokaler på kvällarna.",
    "Civilsamhället skulle ha nytta av en gemensam plattform för samverkan sinsemellan.",
    "Det upplevs som motsägelsefullt att kräva evidensbaserade metoder av verksamheter som "
    "finansieras med kortsiktiga projektmedel.",
]

WORK = [
    "Tidiga insatser gör störst skillnad: ett sommarjobb vid fjorton års ålder kan betyda mer "
    "än stöd som sätts in när en ung person redan är arbetslös som vuxen.",
    "Näringslivet, även lokala småföretagare, behöver bidra med jobb och praktikplatser, och "
    "arbetsgivare kan behöva stöd för att våga anställa.",
    "Många unga saknar kontakter som leder till jobb. Konkret hjälp med cv och ansökningar, "
    "liksom mentorer, kan motverka känslan av att ingenting är möjligt.",
    "Den som vill lämna kriminalitet har svårt att få anställning när arbetsgivare begär ett "
    "rent utdrag ur belastningsregistret.",
    "Snabba och enkla vägar in, där unga känner att någon lyssnar, bygger förtroende.",
    "Barn som har det svårt i skolan behöver få känna sig duktiga på något annat, till exempel "
    "genom idrott, läsning eller andra meningsfulla fritidsaktiviteter.",
    "Unga behöver förebilder som de kan känna igen sig i och få se många olika vägar genom "
    "livet, inte bara studier. Vägledningen i skolan borde vara bredare.",
    "Pappagrupper stärker relationer och självkänsla. Frånvarande pappor och brist på manliga "
    "förebilder nämndes som något som ofta återkommer hos unga som fastnat i kriminalitet.",
    "Arbetet bör börja redan i förskolan och rikta sig till hela familjen, med "
    "samhällsinformation till föräldrar.",
    "Pojkar hamnar oftare i utanförskap än flickor. Unga som har valt att studera och bildat "
    "egna föreningar kan bli viktiga förebilder för andra.",
    "Skolan borde ge mer utrymme åt samhällskunskap och livskunskap.",
    "Arbetsförmedlingen sågs som en bra aktör för att samla och sprida kunskap och skulle kunna "
    "få ett större ansvar för ungas väg till arbete.",
    "Ideellt engagemang hos unga är i sig en väg till integration. Samtidigt är integration en "
    "process åt två håll, och diskriminering på arbetsmarknaden är ett stort hinder.",
]

# The groups' takeaways (medskick) as the plenary heard them: (question number, text).
TAKEAWAYS = [
    (
        1,
        "Ge föreningar som arbetar lokalt med unga stöd som räcker i flera år, inte bara "
        "över en projektperiod.",
    ),
    (
        1,
        "Låt unga, även de som inte är med i någon förening, komma till tals innan beslut som "
        "rör dem fattas.",
    ),
    (
        2,
        "Se till att fler unga får ett första sommarjobb eller en praktikplats redan i "
        "tonåren, gärna hos företag i närområdet.",
    ),
    (
        2,
        "Gör det lättare för föreningar att låna skolans lokaler på kvällar och helger.",
    ),
]

# What happened next: (date, text, indexes into TAKEAWAYS that it answers, when it was announced).
FOLLOW_UPS = [
    (
        dt.date(2024, 11, 12),
        "<p>Departementet har bjudit in kommunerna i de berörda områdena och ett tiotal "
        "föreningar till ett samtal om hur skolornas lokaler kan öppnas för föreningslivet "
        "efter skoltid. Ett första möte hölls i oktober, och en sammanställning av hinder och "
        "lösningar ska vara klar under våren 2025.</p>",
        [3],
        dt.datetime(2024, 11, 12, 10, 0),
    ),
]

MINUTES_2024 = {
    "slug": "minnesanteckningar",
    # Named after its consultation, as compiling names minutes: listed among others (home, search,
    # feed), a bare "Minnesanteckningar" says nothing.
    "title": f"Minnesanteckningar: {SAKRAD_2024['title']}",
    "first_published_at": dt.datetime(2024, 6, 18, 10, 0),
    "held_on": dt.date(2024, 6, 4),
    "organiser": f"{MINISTRY}, {UNIT}",
    "takeaways": TAKEAWAYS,
    "follow_ups": FOLLOW_UPS,
    # Where the ministry stands on the takeaways no follow-up has answered yet (index -> status).
    "statuses": {0: "in_progress"},
    # Lättläst, written for the demo from the minutes' facts: what was said, never who said it.
    "easy_read_body": (
        "<h2>Det här sa föreningarna</h2>"
        "<p>Ungefär 30 föreningar var med på mötet.</p>"
        "<p>De pratade i små grupper.</p>"
        "<p>Här är det viktigaste de sa.</p>"
        "<h2>Unga behöver kunna lita på samhället</h2>"
        "<ul>"
        "<li>Det tar lång tid att bygga förtroende.</li>"
        "<li>Föreningar behöver pengar i flera år, inte bara en kort tid.</li>"
        "<li>Kommunen och polisen behöver finnas nära de unga.</li>"
        "<li>Unga vill vara med och bestämma.</li>"
        "</ul>"
        "<h2>Unga behöver jobb</h2>"
        "<ul>"
        "<li>Ett första sommarjobb kan betyda mycket.</li>"
        "<li>Företag i området kan ge unga jobb och praktik.</li>"
        "<li>Unga behöver hjälp att skriva ett cv.</li>"
        "<li>Föreningar vill låna skolans lokaler på kvällen.</li>"
        "</ul>"
        "<h2>Vad händer nu?</h2>"
        "<p>Regeringen läser vad föreningarna sa.</p>"
        "<p>På sidan Vad hände sedan kan du läsa vad regeringen har gjort.</p>"
    ),
    "summary": (
        "Ett trettiotal organisationer samtalade om hur förtroende kan byggas hos unga i "
        "områden med stort utanförskap och om vägar till arbete. Långsiktighet, närvaro och "
        "tidiga insatser var återkommande önskemål."
    ),
    "body": [
        heading("Om mötet"),
        paragraph(
            "<p>Sakrådet hölls den 4 juni 2024 i Regeringskansliets lokaler i Stockholm. "
            "Statssekreterare Erik Scheller inledde och beskrev regeringens arbete mot "
            "utanförskap och civilsamhällets roll i det. Därefter berättade NOD:s kanslichef "
            "om organets uppdrag, arbetsgruppen som förberett mötet presenterades och "
            "regeringens nationella samordnare mot utanförskap beskrev sitt "
            "uppdrag. Skyddsvärnets vd berättade om organisationens verksamhet.</p>"
        ),
        paragraph(
            "<p>Deltagarna diskuterade sedan i grupper. Nedan sammanfattas vad som togs upp, "
            "utan att uttalanden knyts till enskilda personer eller organisationer.</p>"
        ),
        heading(f"Fråga 1: {QUESTION_1}"),
        bullets(TRUST),
        heading(f"Fråga 2: {QUESTION_2}"),
        bullets(WORK),
        heading("Plenum och avslutning"),
        paragraph(
            "<p>Efter gruppsamtalen redovisade varje grupp sina viktigaste medskick i plenum. "
            "Statssekreteraren sammanfattade eftermiddagen och tackade deltagarna.</p>"
        ),
        heading("Inbjudna organisationer"),
        bullets(SAKRAD_2024["invited"]),
    ],
}
