"""A round open now, at the top of a participant's own page (accounts/my_page.py): the way to the vote
for those who did not scan the wall's code."""

from accounts.my_page import my_page_section_register

from .selectors import open_rounds_for_attendee


def _open_rounds(*, user) -> dict:
    return {"priority_rounds": open_rounds_for_attendee(user=user)}


my_page_section_register(name="priorities", order=5, template="priorities/my_page.html", read=_open_rounds)
