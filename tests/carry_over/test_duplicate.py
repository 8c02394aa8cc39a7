"""'Duplicate as next consultation': agenda, questions, invitation list and open takeaways are copied
into a draft; dates are not."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry

from consultations.models import ConsultationPage
from cycle.log_actions import CONSULTATION_DUPLICATE
from cycle.services import consultation_duplicate
from cycle.services.duplicate import copy_title, next_year_date
from invitations.models import Invitation, InvitationStatus
from tests.carry_over.conftest import logged_in
from tests.factories import (
    ConsultationSpeakerFactory,
    DiscussionQuestionFactory,
    InvitationFactory,
    PersonFactory,
    UserFactory,
    agenda_item,
    recording,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(cycle):
    """The earlier consultation, filled in: agenda, questions, speakers, registration, invitations."""
    page = cycle.earlier.get_latest_revision_as_object()
    page.agenda = [agenda_item(dt.time(9, 30), "Inledning"), agenda_item(dt.time(10, 0), "Grupper")]
    page.questions = [
        DiscussionQuestionFactory.build(number=1, text="Hur når vi fler unga?", subs=("Vad fungerar?",)),
        DiscussionQuestionFactory.build(number=2, text="Vad behöver föreningarna?"),
    ]
    page.speakers = [ConsultationSpeakerFactory.build(person=PersonFactory(), role="Inleder")]
    page.recordings = [recording("Inledning", "https://video.example.org/inledning")]
    page.capacity = 40
    page.seats_per_organisation = 3
    page.registration_opens = timezone.now() - dt.timedelta(days=340)
    page.rsvp_deadline = timezone.now() - dt.timedelta(days=310)
    page.save_revision().publish()
    page = ConsultationPage.objects.get(pk=page.pk)
    InvitationFactory(consultation=page, status=InvitationStatus.ACCEPTED)
    InvitationFactory(consultation=page, status=InvitationStatus.DECLINED)
    return page


def duplicate_url(page) -> str:
    return reverse("consultations_admin:duplicate", args=[page.pk])


def test_the_copy_is_a_draft_with_the_plan_and_without_the_dates(source, cycle, organiser):
    copy = consultation_duplicate(consultation=source, user=organiser)
    copy = ConsultationPage.objects.get(pk=copy.pk)
    assert not copy.live and copy.get_parent().pk == source.get_parent().pk
    assert copy.title.startswith(source.title) and copy.slug != source.slug
    assert [t.pk for t in copy.themes.all()] == [cycle.theme.pk]
    assert (copy.ministry, copy.unit, copy.format, copy.venue_address) == (
        source.ministry,
        source.unit,
        source.format,
        source.venue_address,
    )
    assert [block["value"]["item"] for block in copy.agenda.get_prep_value()] == ["Inledning", "Grupper"]
    assert [(q.number, q.text, q.sub_question_texts) for q in copy.questions.order_by("sort_order")] == [
        (1, "Hur når vi fler unga?", ["Vad fungerar?"]),
        (2, "Vad behöver föreningarna?", []),
    ]
    assert not set(copy.questions.values_list("pk", flat=True)) & set(
        source.questions.values_list("pk", flat=True)
    )
    assert [s.person_id for s in copy.speakers.all()] == [s.person_id for s in source.speakers.all()]
    assert (copy.capacity, copy.seats_per_organisation) == (40, 3)
    assert copy.registration_opens is None and copy.rsvp_deadline is None
    assert not copy.recordings
    assert copy.date == next_year_date(source.date)
    assert copy.date.weekday() == source.date.weekday()
    assert copy.owner == organiser


def test_the_invitation_list_is_copied_unsent(source, organiser):
    copy = consultation_duplicate(consultation=source, user=organiser)
    invited_before = set(source.invitations.values_list("organisation_id", flat=True))
    rows = Invitation.objects.filter(consultation=copy)
    assert set(rows.values_list("organisation_id", flat=True)) == invited_before
    assert set(rows.values_list("status", flat=True)) == {InvitationStatus.NOT_SENT}
    assert not rows.exclude(token_hash=None).exists() and not rows.exclude(sent_at=None).exists()


def test_open_takeaways_are_carried_over(source, cycle, organiser):
    copy = consultation_duplicate(consultation=source, user=organiser)
    assert set(copy.carried_takeaways.all()) == {cycle.open, cycle.in_progress}
    editor = ConsultationPage.objects.get(pk=copy.pk).get_latest_revision_as_object()
    assert {t.pk for t in editor.carried_takeaways.all()} == {cycle.open.pk, cycle.in_progress.pk}


def test_the_copy_is_logged(source, organiser):
    copy = consultation_duplicate(consultation=source, user=organiser)
    entry = PageLogEntry.objects.get(page=copy, action=CONSULTATION_DUPLICATE)
    assert entry.user == organiser and entry.data["source"]["id"] == source.pk


def test_the_source_is_unchanged(source, organiser):
    before = (source.title, source.date, source.invitations.count(), source.questions.count())
    consultation_duplicate(consultation=source, user=organiser)
    source = ConsultationPage.objects.get(pk=source.pk)
    assert (source.title, source.date, source.invitations.count(), source.questions.count()) == before
    assert source.live


def test_approvers_and_participants_may_not(source, approver):
    participant = UserFactory()
    before = ConsultationPage.objects.count()
    for user in (approver, participant):
        with pytest.raises(PermissionDenied):
            consultation_duplicate(consultation=source, user=user)
    assert ConsultationPage.objects.count() == before


def test_the_admin_confirms_then_copies_and_opens_the_editor(source, organiser):
    client = logged_in(organiser)
    count = ConsultationPage.objects.count()
    response = client.get(duplicate_url(source))
    assert response.status_code == 200 and 'method="post"' in response.content.decode()
    assert ConsultationPage.objects.count() == count  # GET changes nothing
    response = client.post(duplicate_url(source))
    copy = ConsultationPage.objects.exclude(pk__in=[source.pk]).latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert client.get(response["Location"]).status_code == 200


def test_the_menu_item_is_on_the_consultation(source, organiser, approver):
    url = duplicate_url(source)
    edit = reverse("wagtailadmin_pages:edit", args=[source.pk])
    assert url in logged_in(organiser).get(edit).content.decode()
    assert url not in logged_in(approver).get(edit).content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_who_reaches_the_admin_view(source, organiser, approver, method):
    from accounts.models import User

    superuser = User.objects.create_superuser(email="admin@example.org", password="Ett-lösenord-42")
    url = duplicate_url(source)
    count = ConsultationPage.objects.count()
    assert getattr(Client(), method)(url).status_code == 302  # anonymous: to the admin login
    assert getattr(logged_in(UserFactory()), method)(url).status_code == 302  # no admin access
    assert getattr(logged_in(approver), method)(url).status_code == 403
    assert ConsultationPage.objects.count() == count
    assert getattr(logged_in(superuser), method)(url).status_code in (200, 302)


def test_an_unknown_consultation_is_404(organiser, index):
    assert (
        logged_in(organiser).get(reverse("consultations_admin:duplicate", args=[999999])).status_code == 404
    )


@pytest.mark.parametrize(
    ("held", "placeholder"),
    [
        (dt.date(2025, 1, 1), dt.date(2026, 1, 7)),  # 52 weeks on would be 31 December 2025
        (dt.date(2024, 1, 2), dt.date(2025, 1, 7)),  # a leap year
        (dt.date(2025, 11, 24), dt.date(2026, 11, 23)),
        (dt.date(2025, 12, 31), dt.date(2026, 12, 30)),
    ],
)
def test_the_placeholder_date_is_the_same_weekday_in_the_next_year(held, placeholder):
    assert next_year_date(held) == placeholder
    assert placeholder.weekday() == held.weekday() and placeholder.year == held.year + 1


def test_a_title_at_full_length_still_copies(source, organiser):
    source.title = "Å" * 255
    source.save_revision().publish()
    copy = consultation_duplicate(consultation=ConsultationPage.objects.get(pk=source.pk), user=organiser)
    assert len(copy.title) == 255
    assert copy.title.startswith("ÅÅÅ") and copy.title.endswith(copy_title("…"))


def test_the_copy_holds_the_editors_latest_draft(source, organiser):
    published_title = source.title
    draft = ConsultationPage.objects.get(pk=source.pk)  # a copy of its own: the fixture's is the source
    draft.title = "Sakråd om unga, nytt förslag"
    draft.introduction = "Utkastets inledning."
    draft.questions.add(DiscussionQuestionFactory.build(number=3, text="En fråga bara i utkastet?"))
    draft.save_revision()
    source = ConsultationPage.objects.get(pk=source.pk)  # as the admin view loads it: the published row
    copy = consultation_duplicate(consultation=source, user=organiser)
    copy = ConsultationPage.objects.get(pk=copy.pk)
    assert copy.title == copy_title("Sakråd om unga, nytt förslag")
    assert copy.introduction == "Utkastets inledning."
    assert "En fråga bara i utkastet?" in copy.questions.values_list("text", flat=True)
    assert ConsultationPage.objects.get(pk=source.pk).title == published_title  # the source is untouched


def test_the_list_is_copied_only_for_who_may_manage_the_sources_invitations(source, index):
    """Someone who may add consultations and manage their own invitations, but not edit this one, is
    told the list stays behind; the copy, which they own, must not bring it along regardless."""
    group = Group.objects.create(name="Egna sakråd")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="change_invitation")
    )
    GroupPagePermission.objects.create(group=group, page=index, permission_type="add")
    author = UserFactory(is_staff=True)
    author.groups.add(group)
    screen = logged_in(author).get(duplicate_url(source))
    assert screen.context["copies_invitations"] is False
    copy = consultation_duplicate(consultation=source, user=author)
    assert not Invitation.objects.filter(consultation=copy).exists()
