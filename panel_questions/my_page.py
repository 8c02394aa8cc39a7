"""*Mina sidor*: the open questions to the panel of the consultations the person attends, a link to
each phone page (accounts/my_page.py)."""

from accounts.my_page import my_page_section_register

from .selectors import open_queues_for


def _open_queues(*, user) -> dict:
    return {"queues": open_queues_for(user=user) if user.is_authenticated else []}


my_page_section_register(
    name="panel_questions", order=15, template="panel_questions/my_page.html", read=_open_queues
)
