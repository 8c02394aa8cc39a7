"""An organisation that keeps its own details (docs/organisations.md): its contact person has an account
(deltagare1, who finds it on Mina sidor) and has updated the description and themes once, so its history
in the admin shows what changed."""

from wagtail.models import ModelLogEntry

from accounts.models import User
from organisation_details.log_actions import DETAILS_UPDATE
from organisation_details.services import organisation_update

from .content.accounts import PARTICIPANTS

ORGANISATION = "Förbundet Unga Röster"
THEMES = ("unga-och-trygghet", "civilsamhallets-villkor")
DESCRIPTION = (
    "Ett förbund för ungdomsråd och elevkårer i Stockholms län. Vi samlar ungas egna erfarenheter av "
    "trygghet, skola och fritid och för dem vidare till kommuner och departement."
)


def organisation_details_ensure(*, organisations, themes, tally) -> None:
    organisation = organisations[ORGANISATION]
    if ModelLogEntry.objects.filter(action=DETAILS_UPDATE, object_id=str(organisation.pk)).exists():
        tally.record("details update", created=False)
        return
    email, first_name, last_name, _name = next(row for row in PARTICIPANTS if row[3] == ORGANISATION)
    # The register named the contact person; the update is theirs, from Mina sidor.
    organisation.contact_name, organisation.contact_email = f"{first_name} {last_name}", email
    organisation.save(update_fields=["contact_name", "contact_email"])
    organisation_update(
        organisation=organisation,
        user=User.objects.get(email=email),
        data={"description": DESCRIPTION, "themes": [themes[slug] for slug in THEMES]},
    )
    tally.record("details update", created=True, label=ORGANISATION)
