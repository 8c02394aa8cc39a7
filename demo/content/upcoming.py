"""Two upcoming sakråd in the annual cycle.

Their dates are relative to the day the seed first runs: `days_ahead` then the next `weekday`
(Monday is 0). Registration opens and closes relative to that run day ("run") or to the meeting
("date"), in days, at 09:00 and 23:59.
"""

import datetime as dt

from ..streams import heading, paragraph
from .people import MINISTRY, UNIT

CIVIL_SOCIETY_CONDITIONS = {
    "slug": "civilsamhallets-villkor",
    "title": "Sakråd om civilsamhällets villkor i arbetet mot utanförskap",
    "kind": "consultation",
    "themes": ["civilsamhallets-villkor", "integration-och-utanforskap"],
    "ministry": MINISTRY,
    "unit": UNIT,
    "host": "Helena Borg",
    "days_ahead": 42,
    "weekday": 1,
    "start_time": dt.time(9, 30),
    "end_time": dt.time(12, 0),
    "format": "hybrid",
    "venue_name": "Regeringskansliet",
    "venue_address": "Regeringskansliet, Drottninggatan, Stockholm",
    "online_link": "https://meet.example.org/sakrad/civilsamhallets-villkor",
    "capacity": 60,
    "seats_per_organisation": 2,
    "opens": ("run", -7),
    "deadline": ("date", -7),
    "introduction": (
        "Vad krävs för att föreningar och stiftelser ska kunna arbeta långsiktigt i områden "
        "med stort utanförskap? Vi vill höra om finansiering, lokaler och samarbetet med "
        "kommuner och myndigheter. Mötet går att följa både på plats och digitalt."
    ),
    "body": [
        heading("Därför bjuder vi in"),
        paragraph(
            "<p>Vid tidigare sakråd återkom många organisationer till samma hinder: korta "
            "projektmedel, brist på lokaler och sena förfrågningar från det offentliga. Nu vill "
            "departementet fördjupa de frågorna.</p>"
        ),
    ],
    "speakers": [
        ("Helena Borg", "Inleder och leder mötet"),
        ("Anders Lindell", "Om dialogformer mellan regeringen och civilsamhället"),
        ("Jonas Ekberg", "Arbetsgruppen inför sakrådet"),
    ],
    "agenda": [
        (dt.time(9, 30), "Välkommen", ["Helena Borg"], ""),
        (dt.time(9, 45), "Dialog som gör skillnad", ["Anders Lindell"], ""),
        (dt.time(10, 5), "Arbetsgruppens frågor", ["Jonas Ekberg"], ""),
        (dt.time(10, 15), "Gruppdiskussioner", [], "Grupper på plats och en digital grupp."),
        (dt.time(11, 20), "Plenum: gruppernas medskick", [], ""),
        (dt.time(11, 50), "Avslutning", ["Helena Borg"], ""),
    ],
    "questions": [
        (
            1,
            "Vilka förutsättningar behöver en förening för att kunna bedriva verksamhet i "
            "samma område under många år?",
            [
                "Hur skulle bidrag och avtal behöva se ut för att ge den stabiliteten?",
                "Vad skulle det betyda för er om skolans och kommunens lokaler gick att låna "
                "på kvällar och helger?",
            ],
        ),
        (
            2,
            "När och hur vill civilsamhället bli involverat i det offentligas planer och strategier?",
            [
                "Ge exempel på samråd där ni tycker att era synpunkter faktiskt tagits till vara.",
                "Hur vill ni få veta vad som hänt med det ni har bidragit med?",
            ],
        ),
        (
            3,
            "Hur kan organisationer samarbeta bättre med varandra lokalt och nationellt?",
            ["Vad skulle en gemensam plattform för samverkan behöva erbjuda?"],
        ),
    ],
    "invited": [
        "Förbundet Unga Röster",
        "Stiftelsen Brobyggarna",
        "Skyddsvärnet",
        "Nationellt organ för dialog och samråd (NOD)",
        "Sveriges Kommuner och Regioner (SKR)",
        "Föreningen Trygga Gårdar",
        "Kvartersföreningen Ljusglimten",
        "Nätverket Närvarande Pappor",
        "Mentorsnätverket Nästa Steg",
        "Ungdomens Hus Gävle",
        "Studieförbundet Folkbildning Mitt",
        "Kvinnors Väg till Arbete",
        "Föreningen Kulturbron",
        "Förortsföretagarna",
        "Dialogforum Tro och Samhälle",
        "Riksförbundet Unga i Föreningslivet",
    ],
    "status": "sent",
}

SCHOOLS = {
    "slug": "skola-och-forskola",
    "title": "Sakråd om skolan och förskolan som skyddsfaktor",
    "kind": "consultation",
    "themes": ["skola-och-forskola", "unga-och-trygghet"],
    "ministry": MINISTRY,
    "unit": UNIT,
    "host": "Helena Borg",
    "days_ahead": 120,
    "weekday": 3,
    "start_time": dt.time(13, 0),
    "end_time": dt.time(16, 0),
    "format": "in_person",
    "venue_name": "Regeringskansliet",
    "venue_address": "Regeringskansliet, Drottninggatan, Stockholm",
    "online_link": "",
    "capacity": 50,
    "seats_per_organisation": 2,
    "opens": ("date", -42),
    "deadline": ("date", -10),
    "introduction": (
        "Förskolan och skolan är ofta den plats där samhället först märker att ett barn "
        "behöver mer stöd. Vi bjuder in civilsamhälle, kommuner och regioner för att samtala "
        "om hur samarbetet kring barn och familjer kan bli starkare."
    ),
    "body": [
        heading("Planerat möte"),
        paragraph(
            "<p>Anmälan öppnar ungefär sex veckor före mötet. Inbjudningar skickas när "
            "arbetsgruppen har gått igenom frågorna.</p>"
        ),
    ],
    "speakers": [
        ("Helena Borg", "Inleder och sammanfattar"),
        ("Maryam Yousef", "Om läsfrämjande arbete i förskolan"),
        ("Amira Haddad", "Arbetsgruppen inför sakrådet"),
    ],
    "agenda": [
        (dt.time(13, 0), "Välkommen", ["Helena Borg"], ""),
        (dt.time(13, 15), "Läsning som skyddsfaktor", ["Maryam Yousef"], ""),
        (dt.time(13, 40), "Gruppdiskussioner", [], ""),
        (dt.time(15, 0), "Plenum: gruppernas medskick", [], ""),
        (dt.time(15, 45), "Summering", ["Helena Borg"], ""),
    ],
    "questions": [
        (
            1,
            "Hur kan förskolan och skolan samarbeta med föreningar för att nå hela familjen?",
            [
                "Vilka arbetssätt har fungerat för att nå föräldrar som sällan kommer till skolan?",
                "Vilken information om samhället efterfrågar föräldrar?",
            ],
        ),
        (
            2,
            "Vad kan fritiden betyda för barn som har det svårt i skolan?",
            [
                "Hur kan fler barn få prova idrott, kultur och läsning utanför skoltid?",
                "Hur kan skolan och föreningslivet dela ansvar för vägledning och förebilder?",
            ],
        ),
    ],
    "invited": [
        "Stiftelsen Läslust",
        "Föräldrakraft i Mälardalen",
        "Tjejjouren Stjärnan",
        "Läxhjälpsnätverket Plugga Vidare",
        "Föreningen Hamnens Unga",
        "Föreningen Mångfaldens Föräldrar",
        "Botkyrka kommun",
        "Malmö stad",
        "Örebro kommun",
        "Region Skåne",
        "Region Örebro län",
        "Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)",
    ],
    "status": "not_sent",
}

UPCOMING = [CIVIL_SOCIETY_CONDITIONS, SCHOOLS]
