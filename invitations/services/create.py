from collections.abc import Iterable

from django.db import transaction
from wagtail.log_actions import log

from organisations.models import Organisation

from ..log_actions import INVITATION_CREATE
from ..models import Invitation
from .common import require_manager


@transaction.atomic
def invitation_create_many(*, consultation, organisations: Iterable[Organisation], user) -> list[Invitation]:
    """Adds organisations to the consultation's invitation list (not sent yet). Organisations already
    on it are left as they are, so a saved list can be applied again safely."""
    require_manager(user=user, consultation=consultation)
    already = set(
        Invitation.objects.filter(consultation=consultation).values_list("organisation_id", flat=True)
    )
    wanted = {organisation.pk: organisation for organisation in organisations}
    created = Invitation.objects.bulk_create(
        Invitation(consultation=consultation, organisation=organisation)
        for pk, organisation in sorted(wanted.items())
        if pk not in already
    )
    if created:
        log(
            instance=consultation,
            action=INVITATION_CREATE,
            user=user,
            data={"count": len(created), "organisation_ids": [row.organisation_id for row in created]},
        )
    return created
