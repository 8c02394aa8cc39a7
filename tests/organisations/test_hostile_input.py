"""Bad and hostile input on the contact person's form: a clear error for what cannot be stored, and what
is stored stays inert (text, never markup), with no control characters."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict

from organisations.models import Organisation

from .conftest import details_post

pytestmark = pytest.mark.django_db


def english(path: str) -> str:
    return "/en" + path


def refused(client, organisation, path, **changes) -> str:
    organisation.refresh_from_db()
    before = model_to_dict(organisation)
    response = client.post(english(path), details_post(organisation, **changes))
    assert response.status_code == 400
    organisation.refresh_from_db()
    assert model_to_dict(organisation) == before
    page = response.content.decode()
    assert "The details could not be saved" in page  # the error summary, linked to each field
    return page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "x" * 256}, "Ensure this value has at most 255 characters"),
        ({"name": "   "}, "Enter the organisation&#x27;s name."),
        ({"description": "ord " * 126}, "Ensure this value has at most 500 characters"),
        ({"contact_email": "inte-en-adress"}, "Enter a valid email address."),
        ({"contact_email": ""}, "Enter the contact person&#x27;s e-mail address."),
        ({"county": "ZZ"}, "Select a valid choice."),
        ({"themes": ["99999"]}, "Select a valid choice."),
        ({"name": "Fören\x00ingen"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(client, organisation, link, changes, message):
    assert message in refused(client, organisation, link["sv"], **changes)


def test_the_name_of_another_organisation_is_refused_whatever_its_case(client, organisation, link):
    Organisation.objects.create(name="Stiftelsen Stöd", kind="foundation")
    page = refused(client, organisation, link["sv"], name="stiftelsen stöd")
    assert "Another organisation in the register already has this name." in page


def test_the_errors_are_in_swedish_on_the_swedish_page(client, organisation, link):
    response = client.post(link["sv"], details_post(organisation, contact_email="inte-en-adress"))
    assert response.status_code == 400
    assert "Ange en giltig mejladress." in response.content.decode()


def test_markup_is_stored_as_text_and_shown_as_text(client, organisation, link):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    response = client.post(
        link["sv"], details_post(organisation, name=f"Föreningen {payload}", description=payload)
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == payload  # kept as written: it is text, not markup
    page = client.get(link["sv"]).content.decode()
    assert "<script>alert(1)" not in page and 'onerror="alert' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_control_characters_are_dropped_and_lines_kept_only_in_the_description(client, organisation, link):
    response = client.post(
        link["sv"],
        details_post(
            organisation,
            name="Före\x07ningen\tFramtid\r\nNy",
            contact_name="Anna\x1b[31m Lind",
            description="Rad ett\x0b\r\nRad två\x7f",
        ),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Föreningen Framtid Ny"
    assert organisation.contact_name == "Anna[31m Lind"
    assert organisation.description == "Rad ett\nRad två"
