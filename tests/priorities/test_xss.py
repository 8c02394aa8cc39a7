"""Takeaway texts are written by participants: every payload of the project's XSS corpus as a takeaway
reaches the wall, the phone page, the results and the admin screen as text only."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Comment
from django.urls import reverse

from breakouts.models import NotePoint
from priorities.services import priority_ballot_cast, priority_round_close
from tests.xss.harness import Tokens, find_tokens, load_payloads

from .conftest import logged_in, vote_url, wall_url

PAYLOADS = load_payloads()
CHUNK = 100


def tokens_outside_text(html: str, labels) -> list[str]:
    """Tokens found anywhere but in a plain text node: in an attribute, a script, a style, a comment."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        for value in element.attrs.values():
            found += find_tokens(" ".join(value) if isinstance(value, list) else str(value), labels)
        if element.name in ("script", "style"):
            found += find_tokens(element.get_text(), labels)
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        found += find_tokens(str(comment), labels)
    return found


@pytest.mark.parametrize("start", range(0, len(PAYLOADS), CHUNK))
def test_takeaways_with_markup_are_shown_as_text_everywhere(day, start):
    NotePoint.objects.update(takeaway=False)
    tokens = Tokens()
    group = day.held.groups[0]
    for order, payload in enumerate(PAYLOADS[start : start + CHUNK]):
        NotePoint.objects.create(
            group=group, question_number=1, text=tokens.place(payload, "takeaway"), takeaway=True, order=order
        )
    round = day.start()
    priority_ballot_cast(round=round, user=day.remote, option_ids=[round.options.first().pk])
    organiser, attendee = logged_in(day.organiser), logged_in(day.member_only)
    pages = {
        "wall": organiser.get(wall_url(day.consultation)),
        "phone": attendee.get(vote_url(day.consultation)),
        "admin": organiser.get(reverse("priorities_admin:index", args=[day.consultation.pk])),
    }
    priority_round_close(round=round, user=day.organiser)
    pages["results on the phone"] = attendee.get(vote_url(day.consultation))
    pages["wall after closing"] = organiser.get(wall_url(day.consultation))
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert find_tokens(html, tokens.labels), f"{name}: the takeaways are not on the page"
        assert tokens_outside_text(html, tokens.labels) == [], name
