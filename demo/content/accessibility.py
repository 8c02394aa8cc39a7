"""The accessibility statement, laid out as in DIGG's template for Swedish public websites.

`statement(today)` fills `{date}` in with the day the seed first runs.
"""

import datetime as dt

from ..streams import bullets, heading, paragraph

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
            "Bristerna beskrivs längre ned på den här sidan.</p>"
        ),
        heading("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
        paragraph(
            "<p>Behöver du innehåll i ett annat format, till exempel en inspelning som text "
            f"eller ett dokument som går att läsa med skärmläsare, skriver du till {CONTACT_LINK}. "
            "Vi svarar normalt inom fem arbetsdagar.</p>"
        ),
        heading("Rapportera brister i webbplatsens tillgänglighet"),
        paragraph(
            "<p>Har du hittat något på webbplatsen som hindrar dig, eller som vi inte nämner "
            f"här? Berätta det för oss på {CONTACT_LINK}, så försöker vi rätta till det.</p>"
        ),
        heading("Tillsyn"),
        paragraph(
            "<p>Myndigheten för digital förvaltning (DIGG) har tillsyn över att lagen om "
            "tillgänglighet till digital offentlig service följs. Om du inte är nöjd med hur "
            "vi har tagit hand om dina synpunkter kan du vända dig till DIGG och göra en "
            'anmälan via <a href="https://www.digg.se">digg.se</a>.</p>'
        ),
        heading("Teknisk information om webbplatsens tillgänglighet"),
        paragraph(
            "<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
            "offentlig service, på grund av de brister som beskrivs nedan. Vi mäter mot "
            "standarden WCAG 2.1 på nivå AA.</p>"
        ),
        heading("Innehåll som inte är tillgängligt"),
        bullets(
            [
                "Vissa inspelningar från konferenser saknar än så länge textning (WCAG 1.2.2).",
                "Äldre dokument som bifogats som PDF är inte alltid taggade för skärmläsare (WCAG 1.3.1).",
                "Gruppernas gemensamma anteckningar uppdateras medan mötet pågår, och alla "
                "ändringar läses ännu inte upp av skärmläsare (WCAG 4.1.3).",
            ]
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
