"""Themes, organisations and people, each found again by its stable key."""

from consultations.models import Theme
from organisations.models import Organisation, Person


def first_or_create(model, lookup: dict, defaults: dict, tally, kind: str):
    instance = model.objects.filter(**lookup).first()
    if instance is not None:
        tally.record(kind, created=False)
        return instance
    instance = model(**lookup, **defaults)
    instance.full_clean()
    instance.save()
    tally.record(kind, created=True, label=str(instance))
    return instance


def ensure_themes(rows, tally) -> dict[str, Theme]:
    themes = {}
    for row in rows:
        defaults = {"name": row["name"], "description": row["description"]}
        themes[row["slug"]] = first_or_create(Theme, {"slug": row["slug"]}, defaults, tally, "theme")
    return themes


def ensure_organisations(rows, tally) -> dict[str, Organisation]:
    organisations = {}
    for name, kind, county, subdomain, number, second_mailbox in rows:
        mailboxes = ["info", second_mailbox] if second_mailbox else ["info"]
        defaults = {
            "kind": kind,
            "county": county,
            "organisation_number": number,
            "website": f"https://{subdomain}.example.org/",
            "contact_emails": "\n".join(f"{box}@{subdomain}.example.org" for box in mailboxes),
        }
        organisations[name] = first_or_create(Organisation, {"name": name}, defaults, tally, "organisation")
    return organisations


def ensure_people(rows, organisations, tally) -> dict[str, Person]:
    people = {}
    for row in rows:
        defaults = {key: value for key, value in row.items() if key not in ("name", "organisation")}
        if "organisation" in row:
            defaults["organisation"] = organisations[row["organisation"]]
        people[row["name"]] = first_or_create(Person, {"name": row["name"]}, defaults, tally, "person")
    return people
