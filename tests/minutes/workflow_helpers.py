"""Shared by the minutes workflow, notification and follow-up tests: staff in the demo's groups, a
held consultation with its attendees, minutes under the approval workflow, the admin's edit form."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from demo.accounts import ensure_groups
from demo.content.accounts import APPROVERS, ORGANISERS
from demo.tally import Tally
from invitations.models import Attendee, InvitationStatus
from minutes.models import FollowUp, MinutesPage, Takeaway
from minutes.services.workflow import minutes_workflow_assign, minutes_workflow_ensure
from tests.factories import ConsultationPageFactory, InvitationFactory, MinutesPageFactory, UserFactory


def staff(*, organiser_email="ordnare@example.org", approver_email="godkannare@example.org"):
    """An organiser and an approver, in the groups (and with the permissions) the demo gives them."""
    groups = ensure_groups(approvers=APPROVERS, organisers=ORGANISERS, tally=Tally())
    minutes_workflow_ensure()  # after the site tree: grants the approvers publish on the index
    organiser = UserFactory(email=organiser_email, first_name="Oskar", last_name="Ordnare", is_staff=True)
    organiser.groups.add(groups[ORGANISERS])
    approver = UserFactory(email=approver_email, first_name="Greta", last_name="Godkännare", is_staff=True)
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
    """Staff add a follow-up on the (latest revision of the) page and publish it."""
    page = MinutesPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    follow_up = FollowUp(date=date, text=text)
    follow_up.answers = list(answers)
    page.follow_ups.add(follow_up)
    page.save_revision(user=user).publish(user=user)
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
        "follow_ups": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def live_page(page) -> Page:
    return Page.objects.get(pk=page.pk)
