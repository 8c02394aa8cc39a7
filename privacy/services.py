"""Export and erasure of one person's data (GDPR art. 15 and 17), as the inventory describes them."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from join_requests.selectors import requests_of
from join_requests.services import join_requests_erase
from outbox.services import mails_to_erase
from outcomes.selectors import follows_of
from outcomes.services import followers_erase

from . import erasure, selectors
from .choices import EraseMode
from .permissions import can_erase_person

PERSON_ERASE_ACTION = "sakrad.person_erase"


def person_export(*, user) -> dict:
    """Everything the platform holds about the person, and nothing about anyone else.

    A read, built from selectors; it sits here so that export and erasure are one public API.
    """
    return {
        "generated_at": timezone.now(),
        "account": selectors.account_data(user=user),
        "organisation": selectors.organisation_data(user=user),
        "listed_as_contact_for": selectors.contact_listings(user=user),
        "email_addresses": selectors.email_addresses(user=user),
        "mfa_authenticators": selectors.mfa_authenticators(user=user),
        "invitations": selectors.invitations(user=user),
        "attendances": selectors.attendances(user=user),
        "admin_profile": selectors.admin_profile(user=user),
        "comments": selectors.comments(user=user),
        "records": selectors.linked_records(user=user),
        "followed_takeaways": follows_of(email=user.email),  # the public register (outcomes/)
        "requests_to_take_part": requests_of(email=user.email),  # intresseanmälan (join_requests/)
    }


@dataclass(frozen=True)
class PersonErasure:
    user_id: int
    mode: EraseMode
    pseudonym: str
    deleted: dict[str, int] = field(default_factory=dict)
    sessions_ended: int = 0
    contact_lists_changed: int = 0


@transaction.atomic
def person_erase(*, person, user, mode: EraseMode | str) -> PersonErasure:
    """Pseudonymise (default) or erase a person. Kept records stay, naming only the pseudonym.

    The audit entry records the account id, the mode and who erased (`user`), never the erased data.
    """
    mode = EraseMode(mode)
    if not can_erase_person(user=user, person=person):
        raise PermissionDenied(_("You may not erase this person."))
    if mode == EraseMode.ERASE and (kept := erasure.kept_rows_lost_on_delete(user=person)):
        raise ValidationError(
            _("Records that are kept name this person (%(records)s): pseudonymise instead."),
            code="kept_records",
            params={"records": ", ".join(sorted(set(kept)))},
        )

    pseudonym = erasure.pseudonym_for(user=person)
    original_email = person.email
    erasure.log_labels_pseudonymise(user=person, pseudonym=pseudonym)
    mails_to_erase(email=original_email)
    followers_erase(email=original_email)  # takeaways they follow in the register (outcomes/)
    join_requests_erase(email=original_email)  # requests to take part naming them (join_requests/)
    result = PersonErasure(
        user_id=person.pk,
        mode=mode,
        pseudonym=pseudonym,
        deleted=erasure.owned_rows_delete(user=person),
        sessions_ended=erasure.sessions_delete(user=person),
        contact_lists_changed=erasure.contact_email_remove(email=original_email),
    )
    _account_pseudonymise(person=person, pseudonym=pseudonym)
    log(
        instance=person,
        action=PERSON_ERASE_ACTION,
        user=user,
        title=pseudonym,
        data={"erased_user_id": person.pk, "mode": mode.value, "deleted": result.deleted},
    )
    if mode == EraseMode.ERASE:
        person.delete()
    return result


def _account_pseudonymise(*, person, pseudonym: str) -> None:
    person.first_name = pseudonym
    person.last_name = ""
    person.email = erasure.pseudonymous_email(user=person)  # User.save copies it into username
    person.organisation = None
    person.last_login = None
    # No way back in and no rights left, even if someone reactivated the account by mistake.
    person.is_active = person.is_staff = person.is_superuser = False
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
