"""The organisations a person keeps the details of, on their own page (accounts/my_page.py)."""

from __future__ import annotations

from accounts.my_page import my_page_section_register
from organisations.selectors import organisations_in_contact


def _organisations_section(*, user) -> dict:
    return {"organisations": list(organisations_in_contact(user=user))}


my_page_section_register(
    name="organisation_details",
    order=90,  # after the consultations: most people come for those
    template="organisation_details/my_page/organisations.html",
    read=_organisations_section,
)
