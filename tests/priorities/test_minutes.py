"""The votes in the compiled minutes beside each takeaway, and the carry-over offer, most supported first."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone

from cycle.carry_over import takeaway_choices, takeaways_to_offer
from minutes.models import MinutesPage
from minutes.models.takeaway import TakeawayStatus
from minutes.reading import minutes_page_details
from minutes.services.compile import minutes_compile
from priorities.services import priority_ballot_cast, priority_round_close
from tests.carry_over.conftest import next_consultation, with_takeaways
from tests.factories import ConsultationPageFactory, ThemeFactory

from .conftest import logged_in


def vote_and_close(day):
    round = day.start()
    a, b, c = round.options.order_by("sort_order")
    priority_ballot_cast(round=round, user=day.held.members[0], option_ids=[a.pk, c.pk])
    priority_ballot_cast(round=round, user=day.remote, option_ids=[c.pk])
    priority_round_close(round=round, user=day.organiser)
    return round


def test_compiling_sets_the_votes_beside_each_takeaway(day):
    vote_and_close(day)
    # Added after the round started: no votes, not zero.
    day.held.point(day.held.groups[1], "Sent påkommet medskick", question=1, takeaway=True)
    minutes = minutes_compile(consultation=day.consultation, user=day.organiser)
    draft = minutes.get_latest_revision_as_object()
    votes = {takeaway.text: takeaway.plenary_votes for takeaway in draft.takeaways.all()}
    assert votes == {
        "Fler mötesplatser på kvällstid": 1,
        "Fleråriga bidrag": 0,
        "Enklare ansökningar": 2,
        "Sent påkommet medskick": None,
    }
    # The draft counts as unedited: the votes are not staff's edits.
    assert minutes_compile(consultation=day.consultation, user=day.organiser).pk == minutes.pk


def test_without_a_round_no_takeaway_has_votes(day):
    minutes = minutes_compile(consultation=day.consultation, user=day.organiser)
    draft = minutes.get_latest_revision_as_object()
    assert [takeaway.plenary_votes for takeaway in draft.takeaways.all()] == [None, None, None]


def test_an_open_round_counts_for_nothing_in_the_minutes(day):
    round = day.start()
    priority_ballot_cast(round=round, user=day.remote, option_ids=[round.options.first().pk])
    minutes = minutes_compile(consultation=day.consultation, user=day.organiser)
    draft = minutes.get_latest_revision_as_object()
    assert {takeaway.plenary_votes for takeaway in draft.takeaways.all()} == {None}


def test_the_minutes_page_and_pdf_show_the_votes_only_where_a_round_was_held(day):
    vote_and_close(day)
    day.held.point(day.held.groups[1], "Sent påkommet medskick", question=1, takeaway=True)
    minutes = minutes_compile(consultation=day.consultation, user=day.organiser)
    minutes.get_latest_revision().publish()
    minutes = MinutesPage.objects.get(pk=minutes.pk)
    html = logged_in(day.remote).get(minutes.url).content.decode()
    assert "(2 votes at the plenary)" in html
    assert "(1 vote at the plenary)" in html and "(0 votes at the plenary)" in html
    assert html.count("at the plenary)") == 3  # none beside the takeaway no round saw
    context = {"page": minutes, "page_url": "/", "site_name": "Sakråd", **minutes_page_details(page=minutes)}
    pdf_html = render_to_string("minutes/minutes_pdf.html", context)
    assert "2 votes at the plenary" in pdf_html and pdf_html.count("at the plenary") == 3


def test_the_carry_over_offers_the_most_supported_open_takeaways_first(index):
    theme = ThemeFactory(name="Unga")
    last_year = timezone.localdate() - dt.timedelta(days=300)
    earlier = ConsultationPageFactory(parent=index, title="Sakråd 2024", themes=[theme], date=last_year)
    older = ConsultationPageFactory(
        parent=index, title="Sakråd 2023", themes=[theme], date=last_year - dt.timedelta(days=365)
    )
    minutes = with_takeaways(earlier, [TakeawayStatus.OPEN] * 4)
    older_minutes = with_takeaways(older, [TakeawayStatus.OPEN])
    first, second, third, fourth = minutes.takeaways.order_by("sort_order")
    for takeaway, votes in [(first, None), (second, 3), (third, 9), (fourth, 3)]:
        takeaway.plenary_votes = votes
        takeaway.save(update_fields=["plenary_votes"])
    (old,) = older_minutes.takeaways.all()
    old.plenary_votes = 5
    old.save(update_fields=["plenary_votes"])
    page = next_consultation(index, theme)
    expected = [third, old, second, fourth, first]  # votes, most first; no round last; ties as before
    assert list(takeaways_to_offer(consultation=page)) == expected
    assert list(takeaway_choices(consultation=page)) == expected
