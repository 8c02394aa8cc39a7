"""The staff view: members by email, comments beside their questions, resolving, and who gets in."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from wagtail.models import PageLogEntry

from tests.factories import UserFactory
from working_groups.log_actions import COMMENT_RESOLVE, MEMBER_ADD, MEMBER_REMOVE
from working_groups.models import QuestionComment, WorkingGroupMember
from working_groups.services import question_comment_add

from .conftest import FIRST_TEXT, edit_question, logged_in

pytestmark = pytest.mark.django_db


def index_url(page) -> str:
    return reverse("working_groups_admin:index", args=[page.pk])


def comment(drafts, text="Lägg till en fråga om lokaler.", number=1):
    return question_comment_add(consultation=drafts.a, number=number, text=text, author=drafts.member_a)


def test_organiser_sees_each_comment_beside_its_question(drafts, organiser):
    comment(drafts, "<i>Synpunkt</i> om fråga ett")
    response = logged_in(organiser).get(index_url(drafts.a))
    assert response.status_code == 200
    content = response.content.decode()
    question_1 = content[content.index('id="question-1"') : content.index('id="question-2"')]
    assert FIRST_TEXT in question_1
    assert "&lt;i&gt;Synpunkt&lt;/i&gt; om fråga ett" in question_1
    assert "Maja Medlem" in question_1
    assert reverse("working_groups_admin:resolve", args=[QuestionComment.objects.get().pk]) in question_1


def test_resolving_a_comment_marks_it_resolved_with_the_note(drafts, organiser):
    target = comment(drafts)
    client = logged_in(organiser)
    response = client.post(reverse("working_groups_admin:resolve", args=[target.pk]), {"note": "Ny delfråga"})
    assert response.status_code == 302 and response["Location"].endswith("#question-1")
    target.refresh_from_db()
    assert target.is_resolved and target.resolved_by == organiser and target.resolution == "Ny delfråga"
    content = client.get(index_url(drafts.a)).content.decode()
    assert "Ny delfråga" in content
    assert reverse("working_groups_admin:resolve", args=[target.pk]) not in content
    entry = PageLogEntry.objects.get(page_id=drafts.a.pk, action=COMMENT_RESOLVE)
    assert entry.user == organiser and entry.data["comment_id"] == target.pk

    member_page = logged_in(drafts.member_a).get(reverse("working_groups:draft", args=[drafts.a.pk]))
    assert "Ny delfråga" in member_page.content.decode()


def test_a_comment_on_a_changed_question_is_marked(drafts, organiser):
    comment(drafts)
    edit_question(drafts.a, number=1, text="Hur når vi unga utanför föreningslivet?")
    content = logged_in(organiser).get(index_url(drafts.a)).content.decode()
    assert gettext("The question has changed since this comment.") in content
    assert FIRST_TEXT in content  # the snapshot


def test_adding_a_member_by_email_case_insensitive_logs_and_emails(
    drafts, organiser, django_capture_on_commit_callbacks
):
    newcomer = UserFactory(email="ny.medlem@example.org", first_name="Nora", last_name="Ny")
    client = logged_in(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("working_groups_admin:member_add", args=[drafts.a.pk]), {"email": "Ny.Medlem@Example.org"}
        )
    assert response.status_code == 302
    assert WorkingGroupMember.objects.filter(consultation=drafts.a, user=newcomer).exists()
    entry = PageLogEntry.objects.get(page_id=drafts.a.pk, action=MEMBER_ADD)
    assert entry.user == organiser and entry.data["user_id"] == newcomer.pk
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [newcomer.email]
    assert reverse("working_groups:draft", args=[drafts.a.pk]) in mail.outbox[0].body
    assert logged_in(newcomer).get(reverse("working_groups:draft", args=[drafts.a.pk])).status_code == 200


@pytest.mark.parametrize(
    ("email", "error"),
    [
        ("finns.inte@example.org", "No account with that email address."),
        ("ORDNARE@example.org", "That account belongs to staff, who see the draft already."),
    ],
)
def test_an_unknown_or_staff_address_is_refused_beside_the_field(drafts, organiser, email, error):
    response = logged_in(organiser).post(
        reverse("working_groups_admin:member_add", args=[drafts.a.pk]), {"email": email}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert gettext(error) in content
    assert WorkingGroupMember.objects.filter(consultation=drafts.a).count() == 1


def test_removing_a_member_ends_their_access_at_once(drafts, organiser):
    membership = WorkingGroupMember.objects.get(consultation=drafts.a, user=drafts.member_a)
    member_client = logged_in(drafts.member_a)
    draft_url = reverse("working_groups:draft", args=[drafts.a.pk])
    assert member_client.get(draft_url).status_code == 200
    response = logged_in(organiser).post(reverse("working_groups_admin:member_remove", args=[membership.pk]))
    assert response.status_code == 302
    assert member_client.get(draft_url).status_code == 404
    entry = PageLogEntry.objects.get(page_id=drafts.a.pk, action=MEMBER_REMOVE)
    assert entry.data["user_id"] == drafts.member_a.pk


def test_staff_without_rights_on_the_page_get_403(drafts, staff_without_rights):
    target = comment(drafts)
    membership = WorkingGroupMember.objects.get(consultation=drafts.a, user=drafts.member_a)
    client = logged_in(staff_without_rights)
    assert client.get(index_url(drafts.a)).status_code == 403
    assert client.post(reverse("working_groups_admin:resolve", args=[target.pk])).status_code == 403
    assert client.post(reverse("working_groups_admin:member_remove", args=[membership.pk])).status_code == 403
    add = reverse("working_groups_admin:member_add", args=[drafts.a.pk])
    assert client.post(add, {"email": UserFactory().email}).status_code == 403
    target.refresh_from_db()
    assert not target.is_resolved and WorkingGroupMember.objects.filter(consultation=drafts.a).count() == 1


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_non_staff_are_sent_to_the_admin_login(drafts, client, who):
    if who == "member":
        client.force_login(drafts.member_a)
    response = client.get(index_url(drafts.a))
    assert response.status_code == 302 and "login" in response["Location"]


def test_actions_answer_get_with_405(drafts, organiser):
    target = comment(drafts)
    membership = WorkingGroupMember.objects.get(consultation=drafts.a, user=drafts.member_a)
    client = logged_in(organiser)
    for url in (
        reverse("working_groups_admin:member_add", args=[drafts.a.pk]),
        reverse("working_groups_admin:member_remove", args=[membership.pk]),
        reverse("working_groups_admin:resolve", args=[target.pk]),
    ):
        assert client.get(url).status_code == 405


def test_the_working_group_is_in_the_consultations_more_menu(drafts, organiser):
    comment(drafts)
    client = logged_in(organiser)
    header = client.get(reverse("wagtailadmin_pages:edit", args=[drafts.a.pk])).content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[drafts.a.get_parent().pk])).content.decode()
    assert index_url(drafts.a) in header and index_url(drafts.a) in listing
    label = ngettext("Working group (%(count)s open comment)", "Working group (%(count)s open comments)", 1)
    assert label % {"count": 1} in header


def test_the_menu_item_is_hidden_from_staff_without_rights(drafts, staff_without_rights):
    from working_groups.wagtail_hooks import WorkingGroupMenuItem

    assert not WorkingGroupMenuItem(page=drafts.a).is_shown(staff_without_rights)


def test_the_services_check_rights_themselves(drafts, staff_without_rights):
    from django.core.exceptions import PermissionDenied

    from working_groups.services import working_group_member_add

    with pytest.raises(PermissionDenied):
        working_group_member_add(consultation=drafts.a, email=UserFactory().email, user=staff_without_rights)
    with pytest.raises(PermissionDenied):
        working_group_member_add(consultation=drafts.a, email=UserFactory().email, user=drafts.member_a)
