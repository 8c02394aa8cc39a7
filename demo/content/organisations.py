"""Organisations, keyed by name.

Civil-society organisations are fictional, except the umbrella dialogue body (NOD), SKR and
Skyddsvärnet, which the source documents name. Municipalities, regions and the agency are real
bodies; every website and address is on example.org. Kinds and counties use the codes of
organisations.choices.
"""

# name, kind, county, subdomain on example.org, organisation number, second mailbox ("" for none)
CIVIL_SOCIETY = [
    ("Förbundet Unga Röster", "association", "AB", "ungaroster", "802400-0017", "ordforande"),
    ("Stiftelsen Brobyggarna", "foundation", "AB", "brobyggarna", "802400-0025", ""),
    ("Skyddsvärnet", "association", "AB", "skyddsvarnet", "", "kommunikation"),
    ("Nationellt organ för dialog och samråd (NOD)", "other", "AB", "nod", "", "kansli"),
    ("Sveriges Kommuner och Regioner (SKR)", "other", "AB", "skr", "", ""),
    ("Föreningen Trygga Gårdar", "association", "O", "tryggagardar", "802400-0033", ""),
    ("Kvartersföreningen Ljusglimten", "association", "M", "ljusglimten", "", ""),
    ("Nätverket Närvarande Pappor", "association", "E", "narvarandepappor", "802400-0041", ""),
    ("Stiftelsen Läslust", "foundation", "C", "laslust", "802400-0058", "skola"),
    ("Idrottsföreningen Framåt Norr", "association", "AC", "framatnorr", "", ""),
    ("Mentorsnätverket Nästa Steg", "association", "T", "nastasteg", "802400-0066", ""),
    ("Föräldrakraft i Mälardalen", "association", "U", "foraldrakraft", "", ""),
    ("Ungdomens Hus Gävle", "association", "X", "ungdomenshus", "802400-0074", ""),
    ("Studieförbundet Folkbildning Mitt", "other", "Y", "folkbildningmitt", "", "region"),
    ("Tjejjouren Stjärnan", "association", "D", "stjarnan", "802400-0082", ""),
    ("Kvinnors Väg till Arbete", "association", "W", "kvinnorsvag", "", ""),
    ("Stiftelsen Framtidsgården", "foundation", "N", "framtidsgarden", "802400-0090", ""),
    ("Föreningen Kulturbron", "association", "G", "kulturbron", "", ""),
    ("Läxhjälpsnätverket Plugga Vidare", "association", "S", "pluggavidare", "802400-0108", ""),
    ("Stiftelsen Sommarjobbslyftet", "foundation", "O", "sommarjobbslyftet", "802400-0116", "jobb"),
    ("Förortsföretagarna", "association", "AB", "forortsforetagarna", "", ""),
    ("Fritidsgårdarnas samverkansråd i Norrbotten", "association", "BD", "fritidnorrbotten", "", ""),
    ("Föreningen Hamnens Unga", "association", "K", "hamnensunga", "802400-0124", ""),
    ("Dialogforum Tro och Samhälle", "other", "T", "trochsamhalle", "", ""),
    ("Föreningen Trygga Vuxna på Stan", "association", "M", "tryggavuxna", "802400-0132", ""),
    ("Stiftelsen Öppna Planer", "foundation", "I", "oppnaplaner", "802400-0140", ""),
    ("Föreningen Mångfaldens Föräldrar", "association", "H", "mangfaldensforaldrar", "", ""),
    ("Riksförbundet Unga i Föreningslivet", "association", "AB", "ungaiforeningslivet", "", "kansli"),
]

PUBLIC_BODIES = [
    ("Botkyrka kommun", "municipality", "AB", "botkyrka", "", ""),
    ("Södertälje kommun", "municipality", "AB", "sodertalje", "", ""),
    ("Sollentuna kommun", "municipality", "AB", "sollentuna", "", "utbildning"),
    ("Göteborgs stad", "municipality", "O", "goteborg", "", ""),
    ("Borås stad", "municipality", "O", "boras", "", ""),
    ("Malmö stad", "municipality", "M", "malmo", "", ""),
    ("Uppsala kommun", "municipality", "C", "uppsala", "", ""),
    ("Örebro kommun", "municipality", "T", "orebro", "", ""),
    ("Norrköpings kommun", "municipality", "E", "norrkoping", "", ""),
    ("Eskilstuna kommun", "municipality", "D", "eskilstuna", "", ""),
    ("Region Skåne", "region", "M", "regionskane", "", ""),
    ("Region Örebro län", "region", "T", "regionorebrolan", "", ""),
    ("Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)", "agency", "G", "mucf", "", ""),
]

ORGANISATIONS = CIVIL_SOCIETY + PUBLIC_BODIES
NOD = "Nationellt organ för dialog och samråd (NOD)"
MUNICIPALITIES = [row[0] for row in PUBLIC_BODIES if row[1] == "municipality"]
