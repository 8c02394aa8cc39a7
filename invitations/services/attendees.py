"""The rules for an organisation's list of named people, and storing it."""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..choices import AccessNeed
from ..models import Attendee, Invitation

# What the free-text needs may hold: the model's column, checked here too for callers other than the form.
NEEDS_TEXT_MAX = 500


def plain_line(text: str) -> str:
    """One line of plain text: control characters (a bell, an escape, a NUL, line breaks) become spaces,
    so what is stored shows the same in a page, a CSV cell or a terminal. Markup stays text: every
    page escapes it."""
    return " ".join("".join(" " if unicodedata.category(char) == "Cc" else char for char in text).split())


@dataclass(frozen=True)
class AttendeeData:
    name: str
    email: str
    access_needs: tuple[str, ...] = ()
    access_needs_other: str = ""
    dietary_needs: str = ""

    def normalised(self) -> "AttendeeData":
        needs = tuple(sorted({need for need in self.access_needs if need in AccessNeed.values}))
        return AttendeeData(
            name=plain_line(self.name),
            email=self.email.strip().lower(),
            access_needs=needs,
            access_needs_other=plain_line(self.access_needs_other),
            dietary_needs=plain_line(self.dietary_needs),
        )


def attendees_validate(*, invitation: Invitation, attendees: Sequence[AttendeeData]) -> list[AttendeeData]:
    """The list, tidied, or a ValidationError listing every problem. The form checks the same before
    (to show each error by its field); this is the rule that holds whoever calls."""
    people = [person.normalised() for person in attendees]
    seats = invitation.consultation.seats_per_organisation
    errors = []
    if not people:
        errors.append(_("Name at least one attendee, or decline the invitation."))
    if len(people) > seats:
        # The same msgid as the formset's "too many forms" message (forms.py), hence "num".
        errors.append(
            ngettext(
                "Your organisation can name at most %(num)d attendee.",
                "Your organisation can name at most %(num)d attendees.",
                seats,
            )
            % {"num": seats}
        )
    seen = set()
    for person in people:
        if not person.name or not person.email:
            errors.append(_("Each attendee needs a name and an email address."))
            continue
        try:
            validate_email(person.email)
        except ValidationError:
            errors.append(_("Enter a valid email address for %(name)s.") % {"name": person.name})
            continue
        if max(len(person.access_needs_other), len(person.dietary_needs)) > NEEDS_TEXT_MAX:
            errors.append(
                _("Describe the needs of %(name)s in at most %(max)d characters.")
                % {"name": person.name, "max": NEEDS_TEXT_MAX}
            )
        if person.email in seen:
            errors.append(
                _("%(email)s is named twice: each person can be named once.") % {"email": person.email}
            )
        seen.add(person.email)
    # Nothing here depends on who else has an address (another organisation's attendee, an account):
    # an error saying so would let a link holder probe addresses. Such people are held instead
    # (services/holds.py), after this.
    if errors:
        raise ValidationError(errors)
    return people


def attendees_replace(*, invitation: Invitation, attendees: Sequence[AttendeeData]) -> tuple[int, int]:
    """Makes the invitation's attendees exactly `attendees`, matched by email so that a person kept
    keeps their account link and check-in. Returns (removed, added). The caller validated and locked."""
    existing = {attendee.email: attendee for attendee in invitation.attendees.all()}
    wanted = {person.email for person in attendees}
    removed = [attendee.pk for email, attendee in existing.items() if email not in wanted]
    Attendee.objects.filter(pk__in=removed).delete()
    added = 0
    for person in attendees:
        values = {
            "name": person.name,
            "access_needs": list(person.access_needs),
            "access_needs_other": person.access_needs_other,
            "dietary_needs": person.dietary_needs,
        }
        row = existing.get(person.email)
        if row is None:
            Attendee.objects.create(
                invitation=invitation,
                consultation_id=invitation.consultation_id,
                email=person.email,
                **values,
            )
            added += 1
        elif any(getattr(row, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.save(update_fields=list(values))
    return len(removed), added
