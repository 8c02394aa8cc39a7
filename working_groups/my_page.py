"""The drafts a participant reviews in a working group, on their own page (accounts/my_page.py)."""

from accounts.my_page import my_page_section_register

from .selectors import drafts_for_member


def _drafts_section(*, user) -> dict:
    return {"review_drafts": drafts_for_member(user)}


my_page_section_register(
    name="working_groups", order=20, template="working_groups/my_page/drafts.html", read=_drafts_section
)
