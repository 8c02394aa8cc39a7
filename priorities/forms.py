"""Reading the posted ballot and the start form strictly: anything not a small whole number is refused."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DEFAULT_VOTES, MAX_OPTIONS, MAX_VOTES


def posted_ids(values: list[str]) -> list[int] | None:
    """The option ids of a ballot; None when any is not a plain positive number or there are too many."""
    if len(values) > MAX_OPTIONS:
        return None
    ids = []
    for value in values:
        if not (value.isascii() and value.isdigit() and 0 < len(value) <= 18):
            return None
        ids.append(int(value))
    return ids


class StartRoundForm(forms.Form):
    votes_per_person = forms.IntegerField(
        label=_("Votes per person"),
        min_value=1,
        max_value=MAX_VOTES,
        initial=DEFAULT_VOTES,
        help_text=_("How many takeaways each person may vote for: one vote each, on different takeaways."),
    )
