"""The draft page: members of the consultation's own working group see the latest draft, nobody else."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from consultations.models import ConsultationPage
from tests.factories import UserFactory
from tests.utils import html, text_of, translated
from working_groups.models import WorkingGroupMember

from .conftest import ADDED_TEXT, FIRST_TEXT, add_question, logged_in

pytestmark = pytest.mark.django_db


def draft_url(page) -> str:
    return reverse("working_groups:draft", args=[page.pk])


def test_a_member_sees_the_draft_with_a_question_saved_but_never_published(drafts):
    assert not drafts.a.live
    response = logged_in(drafts.member_a).get(draft_url(drafts.a))
    assert response.status_code == 200
    content = response.content.decode()
    for expected in (
        "Sakråd om unga (utkast)",
        "Unga och föreningsliv",  # theme
        "Välkommen och inledning",  # agenda item
        "Stina Statssekreterare",  # its speaker
        FIRST_TEXT,
        "Vilka hinder finns?",  # sub-question
        ADDED_TEXT,  # only in the latest revision
        'id="question-2"',
        'name="number" value="2"',
    ):
        assert expected in content
    assert gettext("This is a draft") in content
    assert 'name="robots" content="noindex, nofollow"' in content
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_page_works_for_a_live_consultation_too(drafts):
    drafts.a.get_latest_revision().publish()
    response = logged_in(drafts.member_a).get(draft_url(drafts.a))
    assert response.status_code == 200 and ADDED_TEXT in response.content.decode()


def _banner(client, page) -> str:
    return text_of(html(client.get(draft_url(page))).select_one(".callout--minutes"))


def test_the_banner_says_who_can_read_the_consultation(drafts):
    """A draft is "not public"; once published for anyone, the banner says so and links to the public
    page; changes saved since are the only part not public."""
    client = logged_in(drafts.member_a)
    not_public = translated("This is a draft", "sv")
    assert not_public in _banner(client, drafts.a)

    ConsultationPage.objects.get(pk=drafts.a.pk).get_latest_revision().publish()
    page = ConsultationPage.objects.get(pk=drafts.a.pk)
    banner = _banner(client, page)
    assert translated("This consultation is published", "sv") in banner
    assert not_public not in banner and "inte offentlig" not in banner.casefold(), banner
    assert html(client.get(draft_url(page))).select_one(f'.callout--minutes a[href="{page.url}"]')

    add_question(page, number=3, text="En fråga som inte är publicerad än?")
    banner = _banner(client, page)
    assert translated("This version has changes that are not published yet", "sv") in banner
    assert not_public not in banner


def test_anonymous_visitors_are_sent_to_log_in(drafts, client):
    response = client.get(draft_url(drafts.a))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_participant_outside_the_group_gets_404(drafts):
    outsider = UserFactory()
    client = logged_in(outsider)
    assert client.get(draft_url(drafts.a)).status_code == 404
    assert client.post(draft_url(drafts.a), {"number": "1", "text": "Hej"}).status_code == 404


def test_a_member_of_one_group_cannot_see_or_comment_on_another_consultations_draft(drafts):
    client = logged_in(drafts.member_a)
    response = client.get(draft_url(drafts.b))
    assert response.status_code == 404
    assert "Fråga som bara grupp B får se" not in response.content.decode()
    assert client.post(draft_url(drafts.b), {"number": "1", "text": "Smyg"}).status_code == 404
    assert not drafts.b.question_comments.exists()


def test_a_member_of_one_group_does_not_see_the_other_groups_comments(drafts):
    logged_in(drafts.member_b).post(draft_url(drafts.b), {"number": "1", "text": "Bara för grupp B"})
    assert drafts.b.question_comments.count() == 1
    content = logged_in(drafts.member_a).get(draft_url(drafts.a)).content.decode()
    assert "Bara för grupp B" not in content


def test_removing_a_member_ends_access_at_once(drafts):
    client = logged_in(drafts.member_a)
    assert client.get(draft_url(drafts.a)).status_code == 200
    WorkingGroupMember.objects.filter(user=drafts.member_a).delete()
    assert client.get(draft_url(drafts.a)).status_code == 404


def test_an_inactive_member_gets_no_access(drafts):
    client = logged_in(drafts.member_a)
    drafts.member_a.is_active = False
    drafts.member_a.save()
    assert client.get(draft_url(drafts.a)).status_code in (302, 404)


def test_organiser_may_read_the_draft_page(drafts, organiser, staff_without_rights):
    assert logged_in(organiser).get(draft_url(drafts.a)).status_code == 200
    assert logged_in(staff_without_rights).get(draft_url(drafts.a)).status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(drafts, django_assert_num_queries):
    from .conftest import add_question

    client = logged_in(drafts.member_a)
    client.get(draft_url(drafts.a))  # warm caches that any first request fills
    with django_assert_num_queries(QUERIES):
        client.get(draft_url(drafts.a))
    add_question(drafts.a, number=3, text="En tredje fråga")
    for number in (1, 2, 3):
        client.post(draft_url(drafts.a), {"number": str(number), "text": f"Kommentar {number}"})
    client.get(draft_url(drafts.a))  # shows (and so clears) the "saved" messages kept in the session
    with django_assert_num_queries(QUERIES):
        response = client.get(draft_url(drafts.a))
    assert "Kommentar 3" in response.content.decode()


# Session, user, page, membership, the latest revision, themes, agenda speakers, comments, and the site
# chrome (with the permission checks of the user bar); none of it grows with questions or comments.
QUERIES = 13


def test_my_page_selector_lists_only_the_drafts_i_review(drafts):
    from working_groups.selectors import drafts_for_member

    assert [page.pk for page in drafts_for_member(drafts.member_a)] == [drafts.a.pk]
    assert drafts_for_member(UserFactory()) == []
