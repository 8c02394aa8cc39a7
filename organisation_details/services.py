"""The contact person's writes: the organisation's details, a new contact e-mail and its confirmation,
and the personal link staff send. Each is one transaction, audit-logged in the organisation's history
(labels in wagtail_hooks.py); its mails are queued in the outbox in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from organisations.models import ContactEmailChange, ContactLink, Organisation
from outbox.services import mail_queue_built

from .delivery import EMAIL_CONFIRM, LINK
from .log_actions import DETAILS_UPDATE, EMAIL_CHANGE_CONFIRM, EMAIL_CHANGE_REQUEST, LINK_SEND
from .periods import CONFIRM_DAYS
from .selectors import LinkState, email_change_for_token, link_state

# What the contact person may change, besides the themes and the contact e-mail.
FIELDS = ("name", "contact_name", "county", "description", "may_be_shown")


class LinkRefused(Exception):
    def __init__(self, state: LinkState):
        super().__init__(state.value)
        self.state = state


@dataclass(frozen=True)
class DetailsUpdated:
    changed: list[str]  # the fields that changed, by name
    email_pending: str | None  # a new contact e-mail now waiting for its confirmation


@transaction.atomic
def organisation_update(*, organisation: Organisation, user, data: dict) -> DetailsUpdated:
    """Stores the details in `data` (forms.DetailsForm's cleaned data) that differ from what is stored.
    `user` is the contact person's account, or None when they came by their personal link. A new contact
    e-mail is not stored here: it waits for its confirmation from the new address."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changes = []
    for field in FIELDS:
        if field in data and data[field] != getattr(organisation, field):
            changes.append({"field": field, "old": getattr(organisation, field), "new": data[field]})
            setattr(organisation, field, data[field])
    if changes:
        organisation.save(update_fields=[change["field"] for change in changes])
    if "themes" in data:
        before = sorted(organisation.themes.all(), key=lambda theme: theme.name)
        after = sorted(data["themes"], key=lambda theme: theme.name)
        if {theme.pk for theme in before} != {theme.pk for theme in after}:
            organisation.themes.set(after)
            changes.append(
                {"field": "themes", "old": [t.name for t in before], "new": [t.name for t in after]}
            )
    if changes:
        log(
            instance=organisation,
            action=DETAILS_UPDATE,
            user=user,
            data={"changes": changes, "by_link": user is None},
        )
    pending = None
    if data.get("contact_email"):
        pending = _email_change(organisation=organisation, email=data["contact_email"], user=user)
    return DetailsUpdated(changed=[change["field"] for change in changes], email_pending=pending)


def _email_change(*, organisation: Organisation, email: str, user) -> str | None:
    """Asks the new address to confirm itself; the same address as now withdraws any pending change."""
    if email.lower() == organisation.contact_email.lower():
        ContactEmailChange.objects.filter(organisation=organisation).delete()
        return None
    pending = ContactEmailChange.objects.filter(organisation=organisation).first()
    if pending and pending.email.lower() == email.lower() and not pending.is_expired():
        return pending.email  # asked already: the mail is on its way, no second one
    ContactEmailChange.objects.update_or_create(
        organisation=organisation,
        defaults={
            "email": email,
            "token_hash": None,
            "expires_at": timezone.now() + dt.timedelta(days=CONFIRM_DAYS),
        },
    )
    mail_queue_built(
        purpose=EMAIL_CONFIRM,
        key=f"{EMAIL_CONFIRM}:{organisation.pk}:{email.lower()}:{timezone.now().isoformat()}",
        to=[email],
        context={"organisation": organisation.pk, "email": email},
    )
    log(
        instance=organisation,
        action=EMAIL_CHANGE_REQUEST,
        user=user,
        data={"email": email, "by_link": user is None},
    )
    return email


@transaction.atomic
def contact_email_confirm(*, token: str) -> Organisation:
    """The new address confirmed itself: it becomes the contact e-mail. The old contact's personal link
    stops working and the new contact gets one of their own."""
    change = email_change_for_token(token=token, lock=True)
    state = link_state(link=change)
    if state != LinkState.VALID:
        raise LinkRefused(state)
    organisation = Organisation.objects.select_for_update().get(pk=change.organisation_id)
    old = organisation.contact_email
    organisation.contact_email = change.email
    organisation.save(update_fields=["contact_email"])
    change.delete()
    ContactLink.objects.filter(organisation=organisation).delete()
    log(
        instance=organisation,
        action=EMAIL_CHANGE_CONFIRM,
        user=None,
        data={
            "changes": [{"field": "contact_email", "old": old, "new": organisation.contact_email}],
            "confirmed": True,
        },
    )
    _link_queue(organisation=organisation)
    return organisation


@transaction.atomic
def contact_link_send(*, organisation: Organisation, user) -> None:
    """Staff send the contact person their personal link (again: a new link replaces the old once sent)."""
    if not organisation.contact_email:
        raise ValidationError(_("Enter the contact person's e-mail first: the link is sent there."))
    _link_queue(organisation=organisation)
    log(instance=organisation, action=LINK_SEND, user=user, data={"email": organisation.contact_email})


def _link_queue(*, organisation: Organisation) -> None:
    mail_queue_built(
        purpose=LINK,
        key=f"{LINK}:{organisation.pk}:{timezone.now().isoformat()}",
        to=[organisation.contact_email],
        context={"organisation": organisation.pk},
    )


def contact_links_erase(*, now=None) -> int:
    """Deletes personal links past their time and new contact e-mails nobody confirmed in time
    (manage.py erase_contact_links); returns how many."""
    now = now or timezone.now()
    links, _rows = ContactLink.objects.filter(expires_at__lte=now).delete()
    changes, _rows = ContactEmailChange.objects.filter(expires_at__lte=now).delete()
    return links + changes
