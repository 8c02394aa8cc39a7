"""The home page, the consultation index and the page about the service."""

from ..streams import bullets, heading, paragraph

HOME = {
    "slug": "home",
    "title": "Sakråd",
    "introduction": (
        "<p>Här möts departementet och civilsamhällets organisationer i strukturerade samråd, "
        "så kallade <b>sakråd</b>. Du kan se vilka möten som planeras, läsa dagordningar och "
        "diskussionsfrågor och ta del av minnesanteckningarna i efterhand. Anteckningarna "
        "berättar vad som kom fram, men aldrig vem som sa vad.</p>"
    ),
}

INDEX = {
    "slug": "sakrad",
    "title": "Sakråd och konferenser",
    "introduction": (
        "Kommande och genomförda sakråd och konferenser. Välj år eller tema för att hitta ett "
        "möte, och läs minnesanteckningarna från dem som redan har hållits."
    ),
}

ABOUT = {
    "slug": "om",
    "title": "Om Sakråd",
    "introduction": (
        "Sakråd är departementets verktyg för att planera, hålla och följa upp samråd med "
        "civilsamhället, från första inbjudan till publicerade minnesanteckningar."
    ),
    "body": [
        heading("Vad är ett sakråd?"),
        paragraph(
            "<p>Ett sakråd är ett möte där en enhet på departementet bjuder in ett trettiotal "
            "organisationer för att samtala om ett avgränsat tema. Organisationerna bidrar med "
            "kunskap från sitt eget arbete, och departementet får underlag inför kommande "
            "beslut.</p>"
        ),
        heading("Planerat i en årscykel"),
        paragraph(
            "<p>Mötena läggs upp i en årscykel som departementet tar fram tillsammans med "
            "civilsamhället och Sveriges Kommuner och Regioner. Inför varje sakråd formulerar "
            "en arbetsgrupp med representanter för organisationerna diskussionsfrågorna, innan "
            "inbjudningarna skickas.</p>"
        ),
        heading("Så går det till"),
        bullets(
            [
                "Inbjudna organisationer svarar på inbjudan och anmäler sina representanter.",
                "Mötet öppnas av en företrädare för departementet, följt av korta inledningar.",
                "Deltagarna samtalar i mindre grupper utifrån de förberedda frågorna.",
                "Varje grupp för fram sina viktigaste medskick i ett gemensamt plenum.",
                "Departementet publicerar minnesanteckningar där inga uttalanden knyts till "
                "namngivna personer.",
            ]
        ),
        heading("Om innehållet i den här demonstrationen"),
        paragraph(
            "<p>Datum, ämnen och offentliga företrädare bygger på offentliga uppgifter, men "
            "texterna är skrivna för demonstrationen. De flesta organisationer och personer "
            "från civilsamhället är påhittade, och alla e-postadresser och webbplatser ligger "
            "under example.org.</p>"
        ),
    ],
}

ANNUAL_CYCLE = {
    "slug": "arscykel",
    "title": "Årscykel",
    "show_in_menus": True,
    "introduction": (
        "Departementet, civilsamhället och kommunernas och regionernas organisation planerar sakråden "
        "ett år i taget. Här ser du årets sakråd månad för månad, och kan följa dem i din kalender."
    ),
}
