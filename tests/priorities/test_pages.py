"""The phone page, the wall's panel and buttons, the group page and My page, as people see them; and
what a hostile post gets."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from priorities.models import MAX_OPTIONS, PriorityOption, PriorityRound, PriorityVoter
from priorities.services import priority_round_close

from .conftest import logged_in, vote_url, wall_url


def options(round):
    return list(round.options.order_by("sort_order"))


def post_ballot(client, round, ids, **extra):
    data = {"round": str(round.pk), "option": [str(pk) for pk in ids], **extra}
    return client.post(vote_url(round.consultation), data)


def test_an_attendee_votes_on_the_phone_page_without_javascript(day):
    round = day.start(votes=2)
    client = logged_in(day.remote)
    page = client.get(vote_url(day.consultation))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Fler mötesplatser på kvällstid" in html and "Enklare ansökningar" in html
    assert 'type="checkbox" name="option"' in html and "csrfmiddlewaretoken" in html
    assert "Bidragen är för kortsiktiga" not in html  # a point, not a takeaway
    a, _b, c = options(round)
    response = post_ballot(client, round, [a.pk, c.pk])
    assert response.status_code == 302 and response["Location"] == vote_url(day.consultation)
    after = client.get(response["Location"]).content.decode()
    assert "your votes are counted" in after and "You have voted in this round" in after
    assert 'name="option"' not in after
    assert [o.votes for o in options(round)] == [1, 0, 1]


def test_a_second_ballot_is_refused_with_a_clear_message(day):
    round = day.start()
    client = logged_in(day.held.members[0])
    first = options(round)[0]
    assert post_ballot(client, round, [first.pk]).status_code == 302
    again = post_ballot(client, round, [first.pk])
    assert again.status_code == 400
    assert "You have already voted in this round" in again.content.decode()
    assert options(round)[0].votes == 1


def test_the_form_needs_its_csrf_token(day):
    round = day.start()
    client = Client(enforce_csrf_checks=True)
    client.force_login(day.remote)
    assert post_ballot(client, round, [options(round)[0].pk]).status_code == 403
    assert not PriorityVoter.objects.exists()


@pytest.mark.parametrize(
    "posted",
    [["abc"], ["-1"], ["1e5"], ["١"], [" 1"], ["9" * 40], [str(n) for n in range(1, MAX_OPTIONS + 2)]],
    ids=["letters", "negative", "exponent", "arabic-digit", "space", "huge", "too-many-fields"],
)
def test_hostile_option_values_are_refused_and_nothing_is_counted(day, posted):
    round = day.start()
    response = logged_in(day.remote).post(
        vote_url(day.consultation), {"round": str(round.pk), "option": posted}
    )
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert sum(option.votes for option in PriorityOption.objects.all()) == 0
    assert not PriorityVoter.objects.exists()


def test_more_votes_than_allowed_are_refused(day):
    round = day.start(votes=2)
    response = post_ballot(logged_in(day.remote), round, [o.pk for o in options(round)])
    assert response.status_code == 400
    assert "choose at most 2 takeaways" in response.content.decode()
    assert not PriorityVoter.objects.exists()


def test_a_ballot_for_a_closed_round_is_refused(day):
    round = day.start()
    first = options(round)[0]
    priority_round_close(round=round, user=day.organiser)
    day.start()  # a newer round: the old page's form names the old one
    response = post_ballot(logged_in(day.remote), round, [first.pk])
    assert response.status_code == 409
    assert "This round has closed" in response.content.decode()
    assert PriorityOption.objects.get(pk=first.pk).votes == 0


def test_a_body_too_large_is_refused_before_anything_is_read(day):
    round = day.start()
    response = logged_in(day.remote).post(
        vote_url(day.consultation), {"round": str(round.pk), "option": "1", "pad": "x" * 3_000_000}
    )
    assert response.status_code == 400
    assert not PriorityVoter.objects.exists()


def test_a_flood_of_posts_is_throttled(day):
    round = day.start()
    client = logged_in(day.remote)
    statuses = [post_ballot(client, round, ["x"]).status_code for _ in range(12)]
    assert statuses[:10] == [400] * 10 and statuses[10:] == [429, 429]
    assert "Too many tries" in post_ballot(client, round, ["x"]).content.decode()


@pytest.mark.parametrize("who", ["stranger", "declined", "approver"])
def test_those_not_at_the_consultation_cannot_see_or_vote(day, who):
    round = day.start()
    client = logged_in(getattr(day, who))
    assert client.get(vote_url(day.consultation)).status_code == 403
    assert post_ballot(client, round, [options(round)[0].pk]).status_code == 403
    assert not PriorityVoter.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(day):
    day.start()
    response = Client().get(vote_url(day.consultation))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_see_the_phone_page_but_cannot_vote(day):
    round = day.start()
    client = logged_in(day.organiser)
    html = client.get(vote_url(day.consultation)).content.decode()
    assert "Staff do not vote" in html and "disabled" in html
    assert post_ballot(client, round, [options(round)[0].pk]).status_code == 403


def test_counts_are_not_shown_to_voters_until_the_round_closes(day):
    round = day.start()
    first = options(round)[0]
    post_ballot(logged_in(day.remote), round, [first.pk])
    during = logged_in(day.member_only).get(vote_url(day.consultation)).content.decode()
    assert "priorities-table" not in during
    priority_round_close(round=round, user=day.organiser)
    after = logged_in(day.member_only).get(vote_url(day.consultation)).content.decode()
    assert "The round has closed" in after and "priorities-table" in after
    assert f'data-votes-for="{first.pk}">1<' in after


def test_no_round_open_says_so(day):
    html = logged_in(day.remote).get(vote_url(day.consultation)).content.decode()
    assert "No round is open right now" in html


def test_the_wall_starts_shows_the_qr_code_and_closes_a_round(day, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sakrad.example.org"
    client = logged_in(day.organiser)
    wall = client.get(wall_url(day.consultation)).content.decode()
    assert 'action="' + reverse("priorities:start", args=[day.consultation.pk]) in wall
    response = client.post(reverse("priorities:start", args=[day.consultation.pk]), {"votes_per_person": "2"})
    assert response.status_code == 302 and response["Location"].endswith("#priorities")
    round = PriorityRound.objects.get()
    assert round.is_open and round.votes_per_person == 2
    wall = client.get(response["Location"]).content.decode()
    assert "The round has started" in wall
    assert '<svg role="img"' in wall and "priorities-qr__code" in wall
    assert f"https://sakrad.example.org{vote_url(day.consultation)}" in wall  # to type in, without a camera
    assert f'data-socket-url="/ws/priorities/{day.consultation.pk}"' in wall
    assert "<caption>" in wall and "Votes so far" in wall
    response = client.post(reverse("priorities:close", args=[day.consultation.pk]))
    assert response.status_code == 302
    assert not PriorityRound.objects.get().is_open
    wall = client.get(wall_url(day.consultation)).content.decode()
    assert "The round is closed. Only the counts are kept." in wall and "The last round" in wall


@pytest.mark.parametrize("votes", ["0", "11", "-3", "two", ""])
def test_the_wall_refuses_a_bad_number_of_votes(day, votes):
    client = logged_in(day.organiser)
    response = client.post(
        reverse("priorities:start", args=[day.consultation.pk]), {"votes_per_person": votes}
    )
    assert response.status_code == 302
    assert not PriorityRound.objects.exists()
    assert "Give each person from 1 to 10 votes." in client.get(response["Location"]).content.decode()


def test_approvers_cannot_start_or_close(day):
    client = logged_in(day.approver)
    assert client.post(reverse("priorities:start", args=[day.consultation.pk])).status_code == 403
    day.start()
    assert client.post(reverse("priorities:close", args=[day.consultation.pk])).status_code == 403
    assert PriorityRound.objects.get().is_open


def test_the_group_page_and_my_page_lead_to_the_vote(day):
    member = day.held.members[0]
    group_url = reverse("breakouts:group", args=[day.held.groups[0].pk])
    client = logged_in(member)
    assert vote_url(day.consultation) not in client.get(group_url).content.decode()
    assert vote_url(day.consultation) not in client.get(reverse("accounts:my_page")).content.decode()
    round = day.start()
    assert vote_url(day.consultation) in client.get(group_url).content.decode()
    my_page = client.get(reverse("accounts:my_page")).content.decode()
    assert vote_url(day.consultation) in my_page and "prioritise the takeaways" in my_page
    post_ballot(client, round, [options(round)[0].pk])
    assert "You have voted" in client.get(group_url).content.decode()
    assert "you have voted" in client.get(reverse("accounts:my_page")).content.decode()


def test_the_admin_screen_lists_rounds_with_results_and_starts_and_closes(day):
    client = logged_in(day.organiser)
    index = reverse("priorities_admin:index", args=[day.consultation.pk])
    assert "Ingen omgång har hållits" in client.get(index).content.decode()  # the admin in Swedish
    client.post(reverse("priorities_admin:start", args=[day.consultation.pk]), {"votes_per_person": "3"})
    round = PriorityRound.objects.get()
    post_ballot(logged_in(day.remote), round, [options(round)[1].pk])
    html = client.get(index).content.decode()
    assert "Fleråriga bidrag" in html and f'data-votes-for="{options(round)[1].pk}">1<' in html
    client.post(reverse("priorities_admin:close", args=[day.consultation.pk]))
    assert not PriorityRound.objects.get().is_open
    assert logged_in(day.approver).get(index).status_code == 403
