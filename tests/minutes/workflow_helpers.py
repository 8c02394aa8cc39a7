"""Shared by the minutes workflow, notification and follow-up tests: staff in the roles' groups, a
held consultation with its attendees, minutes under the approval workflow, the admin's edit form."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from invitations.models import Attendee, InvitationStatus
from minutes.models import MinutesPage, Takeaway
from minutes.services.workflow import minutes_workflow_assign, minutes_workflow_ensure
from staff_roles.groups import APPROVERS, ORGANISERS
from staff_roles.services import staff_groups_ensure
from tests.factories import ConsultationPageFactory, InvitationFactory, MinutesPageFactory, UserFactory


def staff(*, organiser_email="ordnare@example.org", approver_email="godkannare@example.org"):
    """An organiser and an approver, in the staff groups the migration makes (staff_roles/groups.py)."""
    minutes_workflow_ensure()  # the approval task for the Approvers group
    # Made again when a transactional test's flush took them away (`--dist loadfile`).
    groups = staff_groups_ensure()
    organiser = UserFactory(email=organiser_email, first_name="Oskar", last_name="Ordnare")
    organiser.groups.add(groups[ORGANISERS])
    approver = UserFactory(email=approver_email, first_name="Greta", last_name="Godkännare")
    approver.groups.add(groups[APPROVERS])
    return organiser, approver


def held_consultation(index, **fields):
    return ConsultationPageFactory(
        parent=index,
        title=fields.pop("title", "Sakråd om lokal samverkan"),
        date=fields.pop("date", timezone.localdate() - dt.timedelta(days=20)),
        **fields,
    )


def attendee(consultation, email, *, status=InvitationStatus.ACCEPTED, checked_in=False, name=None):
    invitation = InvitationFactory(consultation=consultation, status=status)
    return Attendee.objects.create(
        invitation=invitation,
        consultation=consultation,
        name=name or email.split("@")[0].title(),
        email=email,
        checked_in_at=timezone.now() if checked_in else None,
    )


def draft_minutes(consultation, *, takeaways=("Långsiktig finansiering", "Lokaler på kvällstid")):
    """A minutes draft (as the compile step leaves it) with takeaways, under the approval workflow."""
    page = MinutesPageFactory.build(title="Minnesanteckningar", slug="minnesanteckningar")
    page.takeaways = [Takeaway(question_number=1, text=text) for text in takeaways]
    page.live = False
    consultation.add_child(instance=page)
    page.save_revision()
    minutes_workflow_assign(page=page)
    return MinutesPage.objects.get(pk=page.pk)


def publish(page, user=None):
    """Publish the page's latest content as a new revision, as an approver's "Publish" does."""
    page = MinutesPage.objects.get(pk=page.pk)
    return page.save_revision(user=user).publish(user=user)


def add_follow_up(page, *, date, text, answers=(), user=None):
    """An organiser adds a follow-up on the minutes' follow-up screen (no revision, no approval); by
    default the organiser `staff()` made."""
    from minutes.services.follow_up import follow_up_add

    user = user or User.objects.get(email="ordnare@example.org")
    follow_up_add(minutes=page, date=date, text=text, answers=list(answers), user=user)
    return MinutesPage.objects.get(pk=page.pk)


def edit_form(page, **changes):
    """The minutes page's edit form as the admin posts it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "held_on": "",
        "organiser": page.organiser,
        "summary": page.summary,
        "body": streamfield([]),
        "takeaways": inline_formset(
            [
                {"id": str(t.pk), "question_number": str(t.question_number or ""), "text": t.text}
                for t in page.takeaways.all()
            ],
            initial=page.takeaways.count(),
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def live_page(page) -> Page:
    return Page.objects.get(pk=page.pk)
