"""Demo accounts, keyed by email. Every one gets settings.DEMO_PASSWORD when first created; staff join
the groups of their roles (staff_roles/groups.py, docs/roles.md)."""

from staff_roles.groups import APPROVERS, EDITORS, ORGANISERS

STAFF = [
    {
        "email": "admin@example.org",
        "first_name": "Ada",
        "last_name": "Adminsson",
        "superuser": True,
        "groups": [],
    },
    {
        "email": "approver@example.org",
        "first_name": "Greta",
        "last_name": "Godkännare",
        "superuser": False,
        "groups": [APPROVERS],
    },
    {
        "email": "organiser@example.org",
        "first_name": "Oskar",
        "last_name": "Ordnare",
        "superuser": False,
        "groups": [ORGANISERS],
    },
    {
        "email": "editor@example.org",
        "first_name": "Elsa",
        "last_name": "Redaktör",
        "superuser": False,
        "groups": [EDITORS],
    },
]

# email, first name, last name, organisation (each invited to, and accepted, the 2024 sakråd)
PARTICIPANTS = [
    ("deltagare1@example.org", "Leyla", "Andersson", "Förbundet Unga Röster"),
    ("deltagare2@example.org", "Mikael", "Berg", "Stiftelsen Brobyggarna"),
    ("deltagare3@example.org", "Fatima", "Carlsson", "Skyddsvärnet"),
    ("deltagare4@example.org", "Daniel", "Dahl", "Föreningen Trygga Gårdar"),
    ("deltagare5@example.org", "Elin", "Eriksson", "Kvartersföreningen Ljusglimten"),
    ("deltagare6@example.org", "Hassan", "Falk", "Nätverket Närvarande Pappor"),
    ("deltagare7@example.org", "Ida", "Gustafsson", "Stiftelsen Läslust"),
    ("deltagare8@example.org", "Karim", "Holm", "Mentorsnätverket Nästa Steg"),
    ("deltagare9@example.org", "Lova", "Isaksson", "Ungdomens Hus Gävle"),
    ("deltagare10@example.org", "Nils", "Jansson", "Tjejjouren Stjärnan"),
    ("deltagare11@example.org", "Sara", "Karlsson", "Föreningen Kulturbron"),
    ("deltagare12@example.org", "Yusuf", "Lund", "Läxhjälpsnätverket Plugga Vidare"),
]
