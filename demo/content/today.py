"""A sakråd held today: attendees named, three breakout groups formed, note-taking open.

So that `make run` shows live notes at once. Facts loosely follow the national coordinator's brief
(seed 002): collect good examples of local collaboration, above all around school and preschool.
The date is the day the seed first runs ("days_ahead" 0, no weekday to move to); a later run leaves
the page, its groups and its notes as they are.
"""

import datetime as dt

from ..streams import heading, paragraph
from .accounts import PARTICIPANTS
from .people import MINISTRY, UNIT

TODAY = {
    "slug": "lokal-samverkan-goda-exempel",
    "title": "Sakråd om lokal samverkan kring barn och unga – goda exempel",
    "kind": "consultation",
    "themes": ["unga-och-trygghet", "skola-och-forskola"],
    "ministry": MINISTRY,
    "unit": UNIT,
    "host": "Helena Borg",
    "days_ahead": 0,
    "weekday": None,
    "start_time": dt.time(9, 0),
    "end_time": dt.time(16, 0),
    "format": "in_person",
    "venue_name": "Regeringskansliet, Garnisonen",
    "venue_address": "Karlavägen 100, Stockholm",
    "online_link": "",
    "capacity": 36,
    "seats_per_organisation": 2,
    "opens": ("date", -35),
    "deadline": ("date", -10),
    # Lättläst of the open-input form (open input is open on this consultation, demo/co_creation.py).
    "easy_read_open_input": (
        "<h2>Säg vad du tycker</h2>"
        "<p>Regeringen vill veta hur skolor, kommuner och föreningar kan hjälpa barn och unga.</p>"
        "<p>Du kan svara på frågorna på den här sidan.</p>"
        "<h2>Så gör du</h2>"
        "<ol>"
        "<li>Läs frågorna.</li>"
        "<li>Skriv ditt svar i rutan.</li>"
        "<li>Du behöver inte svara på alla frågor.</li>"
        "<li>Tryck på knappen Skicka dina svar.</li>"
        "</ol>"
        "<h2>Bra att veta</h2>"
        "<ul>"
        "<li>Du behöver inget konto.</li>"
        "<li>Skriv inte ditt namn.</li>"
        "<li>Någon läser ditt svar innan det används.</li>"
        "</ul>"
    ),
    "introduction": (
        "Vilka samarbeten mellan föreningar, skolor och kommuner fungerar, och vad skulle behövas "
        "för att fler kommuner ska kunna göra likadant? Under dagen samlar vi exempel från "
        "organisationer som arbetar nära barn, unga och deras familjer."
    ),
    "body": [
        heading("Om dagen"),
        paragraph(
            "<p>Regeringens nationella samordnare kartlägger hur kommuner arbetar mot utanförskap "
            "och vilka samverkansformer som ger resultat. Civilsamhällets erfarenheter är en viktig "
            "del av den bilden. Efter en kort inledning delar vi upp oss i tre grupper som för "
            "anteckningar tillsammans; varje grupp tar med sig sina viktigaste medskick till "
            "plenum.</p>"
        ),
        heading("Efter mötet"),
        paragraph(
            "<p>Departementet publicerar minnesanteckningar från dagen. Där står vad som togs upp, "
            "men inte vem som sa vad.</p>"
        ),
    ],
    "speakers": [
        ("Helena Borg", "Inleder, leder plenum och sammanfattar"),
        ("Gulan Avci", "Om kartläggningen av lokalt arbete mot utanförskap"),
        ("Sofia Lind", "Arbetsgruppen inför sakrådet"),
    ],
    "agenda": [
        (dt.time(9, 0), "Kaffe och registrering", [], ""),
        (dt.time(9, 30), "Välkommen", ["Helena Borg"], ""),
        (dt.time(9, 45), "Vad kartläggningen har visat hittills", ["Gulan Avci"], ""),
        (dt.time(10, 15), "Så tog arbetsgruppen fram frågorna", ["Sofia Lind"], ""),
        (
            dt.time(10, 30),
            "Gruppdiskussioner",
            [],
            "Tre grupper på plats. Varje grupp skriver sina anteckningar tillsammans i Sakråd.",
        ),
        (dt.time(12, 0), "Lunch", [], ""),
        (dt.time(13, 0), "Gruppdiskussioner fortsätter", [], "Välj ut gruppens medskick."),
        (dt.time(14, 30), "Plenum: gruppernas medskick", [], ""),
        (dt.time(15, 30), "Summering och fortsatt arbete", ["Helena Borg"], ""),
    ],
    "questions": [
        (
            1,
            "Berätta om ett samarbete mellan er organisation och skola, förskola eller socialtjänst "
            "som har gjort skillnad för barn och unga.",
            [
                "Vad fick samarbetet att hålla över tid: personerna, en överenskommelse eller något annat?",
                "Vad skulle en annan kommun behöva för att pröva samma arbetssätt?",
            ],
        ),
        (
            2,
            "Hur bör goda exempel samlas in och beskrivas för att andra ska kunna använda dem?",
            [
                "Var letar ni själva efter idéer från andra organisationer och kommuner?",
                "Vad måste en beskrivning innehålla för att ni skulle våga pröva arbetssättet?",
            ],
        ),
        (
            3,
            "Vad står i vägen för att föreningar och kommuner ska kunna samarbeta på lika villkor?",
            [
                "Hur påverkar korta projektbidrag möjligheten att bygga förtroende i ett område?",
                "Vilket stöd från staten skulle göra störst skillnad?",
            ],
        ),
    ],
    # Every demo participant's organisation, so that each participant login finds a group.
    "invited": [organisation for _email, _first, _last, organisation in PARTICIPANTS],
    "status": "accepted",
}

# The people each organisation named: its demo participant, and for some a colleague. The working
# group and speakers of earlier consultations come back, as they would.
COLLEAGUES = {
    "Förbundet Unga Röster": ("Amira Haddad", "amira.haddad@ungaroster.example.org"),
    "Stiftelsen Brobyggarna": ("Jonas Ekberg", "jonas.ekberg@brobyggarna.example.org"),
    "Skyddsvärnet": ("Nilla Helgesson", "nilla.helgesson@skyddsvarnet.example.org"),
    "Föreningen Trygga Gårdar": ("Sofia Lind", "sofia.lind@tryggagardar.example.org"),
    "Stiftelsen Läslust": ("Maryam Yousef", "maryam.yousef@laslust.example.org"),
    "Ungdomens Hus Gävle": ("Tove Lindgren", "tove.lindgren@ungdomenshus.example.org"),
    "Läxhjälpsnätverket Plugga Vidare": ("Omar Nilsson", "omar.nilsson@pluggavidare.example.org"),
}


def attendees_by_organisation() -> dict[str, list[tuple[str, str]]]:
    """Organisation name -> [(name, email)], the demo participant first."""
    named = {}
    for email, first_name, last_name, organisation in PARTICIPANTS:
        named[organisation] = [(f"{first_name} {last_name}", email)]
        if organisation in COLLEAGUES:
            named[organisation].append(COLLEAGUES[organisation])
    return named


# Named after Stockholm waters, as meeting rooms often are. The dealing of people into the groups is
# the breakouts app's own (no two of one organisation, kinds and counties spread).
GROUP_NAMES = ["Grupp Mälaren", "Grupp Saltsjön", "Grupp Brunnsviken"]

# A few points in the first group, so the group page and the plenary wall are not empty:
# (question number, text, takeaway).
FIRST_GROUP_POINTS = [
    (
        1,
        "Läxhjälp i skolans bibliotek två kvällar i veckan, med en fritidsledare från kommunen "
        "på plats. Föräldrar kommer in och frågar om annat också.",
        False,
    ),
    (
        1,
        "Det som höll var att samma kontaktperson på skolan fanns kvar i flera år, inte att det "
        "fanns ett avtal.",
        True,
    ),
    (
        2,
        "Ett exempel måste säga vad det kostade och vem som gjorde vad, annars går det inte att "
        "pröva någon annanstans.",
        True,
    ),
]
