"""Copy a consultation as the start of the next one on the same theme: the year's consultation
becomes next year's draft."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.copy_page import CopyPageAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page

from consultations.models import ConsultationPage
from invitations.services.create import invitation_create_many
from organisations.models import Organisation

from ..carry_over import takeaways_for_copy
from ..log_actions import CONSULTATION_DUPLICATE
from ..permissions import can_copy_invitation_list, can_duplicate_consultation

# Belong to the event that was held, not to the next one: left empty on the copy.
NOT_COPIED = ["recordings", "carried_takeaways", "registration_opens", "rsvp_deadline"]


def next_year_date(date: dt.date) -> dt.date:
    """The same weekday in the next year: the date is required, so the copy gets a placeholder that
    staff are told to change, one that never lands on a weekend when the original did not. 52 weeks
    are a day or two short of a year: early January would stay in the same year."""
    later = date + dt.timedelta(weeks=52)
    return later if later.year > date.year else later + dt.timedelta(weeks=1)


def copy_title(title: str) -> str:
    """"… (copy)", the original shortened where both would not fit a page title."""
    limit = Page._meta.get_field("title").max_length
    overflow = len(_("%(title)s (copy)") % {"title": title}) - limit
    if overflow > 0:
        title = title[: len(title) - overflow - 1] + "…"
    return _("%(title)s (copy)") % {"title": title}


@transaction.atomic
def consultation_duplicate(*, consultation: ConsultationPage, user) -> ConsultationPage:
    """A draft (never live) beside `consultation` with its themes, organiser, venue, agenda, questions,
    speakers, seats and invitation list (new invitations, not sent); registration dates cleared, the
    date moved a year, and the takeaways not yet answered on its themes carried over."""
    if not can_duplicate_consultation(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not add a consultation here."))
    parent = consultation.get_parent()
    # The page as its editors last left it: the row only changes on publishing.
    latest = consultation.get_latest_revision_as_object()
    title = copy_title(latest.title)
    date = next_year_date(latest.date)
    slug = find_available_slug(parent, f"{latest.slug[:240]}-{date.year}")
    copy = CopyPageAction(
        latest,
        to=parent,
        update_attrs={"title": title, "draft_title": title, "slug": slug, "date": date},
        exclude_fields=NOT_COPIED,
        copy_revisions=False,
        keep_live=False,
        user=user,
        log_action=None,
    ).execute(skip_permission_checks=True)

    copy.carried_takeaways.set(takeaways_for_copy(source=consultation, date=date))
    copy.save(clean=False)
    copy.save_revision(user=user, clean=False, log_action=False)

    # The list read is the source's: the same check as the confirmation screen shows.
    if can_copy_invitation_list(user=user, consultation=consultation):
        organisations = Organisation.objects.filter(invitations__consultation=consultation).distinct()
        invitation_create_many(consultation=copy, organisations=organisations, user=user)
    log(
        instance=copy,
        action=CONSULTATION_DUPLICATE,
        user=user,
        data={"source": {"id": consultation.pk, "title": consultation.title}},
    )
    return copy
