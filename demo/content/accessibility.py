"""The accessibility statement, laid out as in DIGG's template for Swedish public websites.

What the law asks of every statement (content in another format, the known gaps, the supervising
authority) the page shows from home/accessibility_statement.py, not from here: the gaps the tests know.

`statement(today)` fills `{date}` in with the day the seed first runs.
"""

import datetime as dt

from ..streams import heading, paragraph

CONTACT_EMAIL = "tillganglighet@example.org"
CONTACT_LINK = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'

ACCESSIBILITY = {
    "slug": "tillganglighet",
    "title": "Tillgänglighetsredogörelse",
    "introduction": (
        "Vi vill att alla ska kunna använda Sakråd, oavsett funktionsförmåga. Här redovisar vi "
        "hur webbplatsen följer lagen om tillgänglighet till digital offentlig service, vilka "
        "brister vi känner till och hur du kan höra av dig om något inte fungerar."
    ),
    "body": [
        heading("Hur tillgänglig är webbplatsen?"),
        paragraph(
            "<p>Vi vet att vissa delar av webbplatsen ännu inte är fullt tillgängliga. "
            "Bristerna beskrivs längre ned på den här sidan, liksom hur du får innehåll i ett "
            "annat format och vem som har tillsyn.</p>"
        ),
        heading("Rapportera brister i webbplatsens tillgänglighet"),
        paragraph(
            "<p>Har du hittat något på webbplatsen som hindrar dig, eller som vi inte nämner "
            f"här? Berätta det för oss på {CONTACT_LINK}, så försöker vi rätta till det.</p>"
        ),
        heading("Teknisk information om webbplatsens tillgänglighet"),
        paragraph(
            "<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
            "offentlig service, på grund av de brister som beskrivs nedan. Vi mäter mot "
            "standarden WCAG 2.2 på nivå AA.</p>"
        ),
        heading("Hur vi har testat webbplatsen"),
        paragraph(
            "<p>Vi har själva granskat webbplatsen, dels med automatiska verktyg, dels "
            "manuellt med enbart tangentbord, med skärmläsare och med förstorad text. "
            "Den senaste granskningen gjordes den {date}.</p>"
        ),
        paragraph("<p>Den här redogörelsen uppdaterades senast den {date}.</p>"),
    ],
}

MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"


def statement(today: dt.date) -> dict:
    """The page's fields with `{date}` written out in Swedish, such as "3 mars 2025"."""
    date = f"{today.day} {MONTHS.split()[today.month - 1]} {today.year}"
    body = [{**block, "value": block["value"].replace("{date}", date)} for block in ACCESSIBILITY["body"]]
    return {**ACCESSIBILITY, "body": body}
