"""The sakråd of 4 June 2024 on preventive work for young people (facts from the minutes)."""

import datetime as dt

from ..streams import heading, paragraph
from .organisations import CIVIL_SOCIETY
from .people import MINISTRY, UNIT

SAKRAD_2024 = {
    "slug": "integration-och-unga-2024",
    "title": "Sakråd om förebyggande och trygghetsskapande arbete med unga",
    "kind": "consultation",
    "themes": ["integration-och-utanforskap", "unga-och-trygghet"],
    "ministry": MINISTRY,
    "unit": UNIT,
    "host": "Erik Scheller",
    "date": dt.date(2024, 6, 4),
    "start_time": dt.time(13, 0),
    "end_time": dt.time(16, 0),
    "format": "in_person",
    "venue_name": "Regeringskansliet",
    "venue_address": "Regeringskansliet, Drottninggatan, Stockholm",
    "capacity": 60,
    "seats_per_organisation": 2,
    "registration_opens": dt.datetime(2024, 5, 6, 9, 0),
    "rsvp_deadline": dt.datetime(2024, 5, 27, 23, 59),
    "first_published_at": dt.datetime(2024, 5, 6, 9, 0),
    "introduction": (
        "Statssekreterare Erik Scheller bjuder in civilsamhällets organisationer till ett "
        "sakråd om hur vi tillsammans kan förebygga otrygghet, stärka integrationen och minska "
        "utanförskapet bland unga. Vi vill ta del av era erfarenheter från arbetet i "
        "bostadsområdena."
    ),
    "body": [
        heading("Bakgrund"),
        paragraph(
            "<p>Departementet ansvarar för dialogen med civilsamhället om integration. Mötena "
            "planeras i en årscykel som tas fram ihop med organisationerna och Sveriges "
            "Kommuner och Regioner. Nationellt organ för dialog och samråd (NOD) har varit med "
            "och förberett det här sakrådet.</p>"
        ),
        heading("Frågorna"),
        paragraph(
            "<p>En arbetsgrupp med representanter för civilsamhället har tagit fram "
            "diskussionsfrågorna. De handlar om hur förtroende byggs hos unga och om vägar "
            "till arbete som minskar risken för kriminalitet.</p>"
        ),
    ],
    "speakers": [
        ("Erik Scheller", "Öppnar mötet och sammanfattar dagen"),
        ("Anders Lindell", "Berättar om NOD:s uppdrag"),
        ("Amira Haddad", "Arbetsgruppen inför sakrådet"),
        ("Jonas Ekberg", "Arbetsgruppen inför sakrådet"),
        ("Sofia Lind", "Arbetsgruppen inför sakrådet"),
        ("Gulan Avci", "Berättar om samordnaruppdraget"),
        ("Nilla Helgesson", "Berättar om Skyddsvärnets arbete"),
    ],
    "agenda": [
        (
            dt.time(13, 0),
            "Välkommen och inledning",
            ["Erik Scheller"],
            "Varför regeringen prioriterar arbetet mot utanförskap, och civilsamhällets roll i det.",
        ),
        (dt.time(13, 15), "NOD:s uppdrag och verksamhet", ["Anders Lindell"], ""),
        (
            dt.time(13, 30),
            "Arbetsgruppen presenterar sig",
            ["Amira Haddad", "Jonas Ekberg", "Sofia Lind"],
            "Organisationerna som har planerat sakrådet och formulerat frågorna.",
        ),
        (dt.time(13, 40), "Den nationella samordnarens uppdrag", ["Gulan Avci"], ""),
        (dt.time(14, 0), "Skyddsvärnets verksamhet och aktuella uppdrag", ["Nilla Helgesson"], ""),
        (
            dt.time(14, 20),
            "Gruppdiskussioner",
            [],
            "Samtal i mindre grupper utifrån de två diskussionsfrågorna, med kaffe.",
        ),
        (
            dt.time(15, 25),
            "Plenum: gruppernas medskick",
            [],
            "Varje grupp lyfter fram det viktigaste från sitt samtal.",
        ),
        (dt.time(15, 50), "Summering och avslutning", ["Erik Scheller"], ""),
    ],
    "questions": [
        (
            1,
            "Vad har civilsamhället lärt sig om hur man vinner förtroende hos unga som bor i "
            "områden med stort utanförskap?",
            [
                "Vilka av civilsamhällets arbetssätt skulle offentliga aktörer kunna ta efter, "
                "och vilka av det offentligas metoder tycker ni fungerar väl?",
                "Hur kan civilsamhället och det offentliga samarbeta så att insatserna gör så "
                "stor nytta som möjligt?",
            ],
        ),
        (
            2,
            "Hur kan vägen till jobb eller annan sysselsättning bli enklare för unga i "
            "utanförskap, så att färre dras in i kriminalitet?",
            [
                "Vilka insatser känner ni till som har hållit unga borta från kriminalitet och "
                "i stället lett dem mot arbete eller studier?",
                "Vad behövs för att nå de unga som står allra längst från arbetsmarknaden?",
            ],
        ),
    ],
    # Lättläst, written for the demo from the facts above: short sentences, everyday words.
    "easy_read_body": (
        "<h2>Ett möte om unga</h2>"
        "<p>Regeringen vill prata med föreningar om unga.</p>"
        "<p>Mötet heter sakråd.</p>"
        "<p>Mötet var den 4 juni 2024 i Stockholm.</p>"
        "<h2>Vad pratade vi om?</h2>"
        "<p>Vi pratade om två saker:</p>"
        "<ul>"
        "<li>Hur unga kan lita mer på samhället.</li>"
        "<li>Hur unga kan få ett jobb.</li>"
        "</ul>"
        "<h2>Vilka var med?</h2>"
        "<p>Föreningar som arbetar med unga var med.</p>"
        "<p>Några föreningar hjälpte till att skriva frågorna före mötet.</p>"
        "<p>En statssekreterare ledde mötet.</p>"
    ),
    "invited": [row[0] for row in CIVIL_SOCIETY],
    "status": "accepted",
    "declined": ["Stiftelsen Öppna Planer", "Fritidsgårdarnas samverkansråd i Norrbotten"],
}
