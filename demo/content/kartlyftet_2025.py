"""The national conference of 14 May 2025 (facts from the press release)."""

import datetime as dt

from ..streams import heading, paragraph, recording, sign_language_video
from .organisations import MUNICIPALITIES
from .people import MINISTRY

KARTLYFTET_2025 = {
    "slug": "kartlyftet-2025",
    "title": "Kartlyftet – nationell konferens mot utanförskap",
    "kind": "conference",
    "themes": ["integration-och-utanforskap", "skola-och-forskola", "arbete-och-sysselsattning"],
    "ministry": MINISTRY,
    "unit": "",
    "host": "Mats Persson",
    "press_contact": "Johanna Berglund",
    "date": dt.date(2025, 5, 14),
    "start_time": dt.time(9, 30),
    "end_time": dt.time(16, 0),
    "format": "in_person",
    "venue_name": "Konferenscenter i Stockholm",
    "venue_address": "Exempelgatan 1, 111 22 Stockholm",
    "capacity": 250,
    "seats_per_organisation": 4,
    "registration_opens": dt.datetime(2025, 4, 7, 9, 0),
    "rsvp_deadline": dt.datetime(2025, 5, 5, 23, 59),
    "first_published_at": dt.datetime(2025, 4, 7, 9, 0),
    "introduction": (
        "Arbetsmarknads- och integrationsminister Mats Persson samlar kommuner som har områden "
        "med stort utanförskap för en dag med föreläsningar, samtal och erfarenhetsutbyte. "
        "Underlaget är den analys som SCB och Boverket lämnade till regeringen hösten 2024: "
        "180 områden i 66 kommuner, där mer än 700 000 människor bor, varav omkring 170 000 "
        "är under 18 år."
    ),
    "body": [
        heading("Varför en nationell konferens?"),
        paragraph(
            "<p>Analysen pekar ut områden där svaga skolresultat, låg sysselsättning, "
            "beroende av bidrag, trångboddhet, lågt valdeltagande och brottslighet "
            "sammanfaller. Kartan är utgångspunkt för regeringens fortsatta arbete, och "
            "konferensen ska ge kommunerna fler verktyg och möjlighet att lära av "
            "varandra.</p>"
        ),
        heading("Inspelningar"),
        paragraph(
            "<p>Delar av programmet spelas in och läggs ut i efterhand. Länkarna finns "
            "längre ned på sidan.</p>"
        ),
    ],
    "speakers": [
        ("Mats Persson", "Värd, öppnar och avslutar konferensen"),
        ("Gulan Avci", "Föreläsare"),
        ("Bi Puranen", "Föreläsare"),
        ("Ahmed Abdirahman", "Föreläsare"),
        ("Evin Cetin", "Föreläsare"),
        ("Linnéa Lindquist", "Föreläsare"),
        ("Ulf Merlander", "Föreläsare"),
        ("Per Törnvall", "Föreläsare"),
        ("Linda Ekstrand", "Föreläsare"),
        ("Linnea Larsson", "Föreläsare"),
    ],
    "agenda": [
        (dt.time(9, 30), "Konferensen öppnar", ["Mats Persson"], ""),
        (dt.time(9, 50), "Samordnarens bild av läget i kommunerna", ["Gulan Avci"], ""),
        (dt.time(10, 20), "Värderingar, tillit och förändring", ["Bi Puranen"], ""),
        (dt.time(11, 0), "Paus", [], ""),
        (dt.time(11, 15), "Mötesplatser som bygger framtidstro", ["Ahmed Abdirahman"], ""),
        (dt.time(11, 45), "Vägar till det första jobbet", ["Evin Cetin"], ""),
        (dt.time(12, 15), "Lunch", [], ""),
        (dt.time(13, 15), "Skolan som vändpunkt", ["Linnéa Lindquist"], ""),
        (dt.time(13, 45), "Bostadsområdet som arbetsplats och trygg miljö", ["Ulf Merlander"], ""),
        (dt.time(14, 15), "Paus", [], ""),
        (dt.time(14, 30), "Så arbetar Sollentuna", ["Per Törnvall", "Linda Ekstrand"], ""),
        (dt.time(15, 0), "Erfarenheter från Borås", ["Linnea Larsson"], ""),
        (
            dt.time(15, 30),
            "Samtal och avslutning",
            ["Mats Persson"],
            "Vad tar vi med oss hem till kommunerna?",
        ),
    ],
    "recordings": [
        recording(
            "Öppningen och samordnarens lägesbild",
            "https://example.org/inspelningar/kartlyftet-2025/oppning",
            "Ministerns inledning följd av den nationella samordnarens föreläsning.",
            captioned=True,
        ),
        recording(
            "Kommunerna berättar: Sollentuna och Borås",
            "https://example.org/inspelningar/kartlyftet-2025/kommunerna",
            "Eftermiddagens pass om hur två kommuner har lagt upp sitt arbete.",
            transcript=(
                "<p><b>Moderator:</b> Välkomna tillbaka efter pausen. Nu ska vi höra hur två kommuner "
                "arbetar, först Sollentuna och sedan Borås.</p>"
                "<p><b>Sollentuna:</b> Vi började med att samla skolan, socialtjänsten och "
                "bostadsbolaget runt samma bord. Det tog tid, men nu har vi en gemensam plan.</p>"
                "<p><b>Borås:</b> Hos oss har samordningen legat i ett projekt. Det vi lärt oss är att "
                "det behöver bli ordinarie verksamhet för att hålla över tid.</p>"
            ),
        ),
        sign_language_video(
            "Om konferensen på svenskt teckenspråk",
            "https://example.org/inspelningar/kartlyftet-2025/teckensprak",
            "Vad konferensen handlade om och var inspelningarna finns.",
            captioned=True,
        ),
    ],
    "questions": [],
    "invited": MUNICIPALITIES,
    "status": "accepted",
    "declined": [],
}
