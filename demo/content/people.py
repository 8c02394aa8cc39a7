"""People named on pages, keyed by name.

Officials and speakers appear with the titles and organisations the source documents give them;
the press secretary, the head of unit and the working group are fictional. `organisation` names a
row in organisations.py; `organisation_text` is for bodies outside the register.
"""

from .organisations import NOD

MINISTRY = "Arbetsmarknadsdepartementet"
UNIT = "Enheten för integration och arbetet mot utanförskap"

PEOPLE = [
    # Officials
    {"name": "Erik Scheller", "title": "statssekreterare", "organisation_text": MINISTRY},
    {
        "name": "Mats Persson",
        "title": "arbetsmarknads- och integrationsminister",
        "organisation_text": MINISTRY,
    },
    {
        "name": "Gulan Avci",
        "title": "regeringens nationella samordnare mot utanförskap",
    },
    {
        "name": "Helena Borg",
        "title": "enhetschef",
        "organisation_text": MINISTRY,
    },
    {
        "name": "Johanna Berglund",
        "title": "pressekreterare till arbetsmarknads- och integrationsministern",
        "organisation_text": MINISTRY,
        "public_email": "press.arbetsmarknad@example.org",
        "public_phone": "070-000 00 00",
    },
    # Speakers at the sakråd of 4 June 2024
    {"name": "Anders Lindell", "title": "kanslichef", "organisation": NOD},
    {"name": "Nilla Helgesson", "title": "vd", "organisation": "Skyddsvärnet"},
    # The working group that prepared the questions (fictional)
    {"name": "Amira Haddad", "title": "ordförande", "organisation": "Förbundet Unga Röster"},
    {"name": "Jonas Ekberg", "title": "verksamhetschef", "organisation": "Stiftelsen Brobyggarna"},
    {"name": "Sofia Lind", "title": "samordnare", "organisation": "Föreningen Trygga Gårdar"},
    {"name": "Maryam Yousef", "title": "verksamhetsledare", "organisation": "Stiftelsen Läslust"},
    # Speakers at the national conference of 14 May 2025
    {
        "name": "Bi Puranen",
        "title": "docent, generalsekreterare för World Values Survey",
        "organisation_text": "World Values Survey (Institutet för Framtidsstudier)",
    },
    {
        "name": "Ahmed Abdirahman",
        "title": "grundare och vd",
        "organisation_text": "Stiftelsen Järvaveckan",
    },
    {"name": "Evin Cetin", "title": "jurist och grundare", "organisation_text": "SAO-jobb för unga"},
    {
        "name": "Linnéa Lindquist",
        "title": "skolledare och fristående skoldebattör (”Rektor Linnéa”)",
    },
    {
        "name": "Ulf Merlander",
        "title": "vd, tidigare polischef i nordöstra Göteborg",
        "organisation_text": "Gårdstens bostäder",
    },
    {"name": "Per Törnvall", "title": "kommundirektör", "organisation": "Sollentuna kommun"},
    {
        "name": "Linda Ekstrand",
        "title": "chef för utbildningsförvaltningen",
        "organisation": "Sollentuna kommun",
    },
    {"name": "Linnea Larsson", "title": "samordnare och projektledare", "organisation": "Borås stad"},
]
