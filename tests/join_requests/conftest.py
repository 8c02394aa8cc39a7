import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from consultations.models import Theme
from join_requests.models import JoinRequest, JoinRequestStatus

PREFIX = {"sv": "", "en": "/en"}
CONTACT = "ada@nyrost.example.org"


def in_swedish(msgid: str) -> str:
    with translation.override("sv"):
        return gettext(msgid)


def url(name: str, language: str = "sv", *args) -> str:
    """The path in `language`, whichever language the last request left active."""
    with translation.override("sv"):
        return PREFIX[language] + reverse(name, args=args)


def form_url(language: str = "sv") -> str:
    return url("join_requests:form", language)


@pytest.fixture
def themes(db):
    return [
        Theme.objects.create(name="Unga och trygghet", slug="unga-och-trygghet"),
        Theme.objects.create(name="Arbete och sysselsättning", slug="arbete"),
    ]


def answers(chosen, /, **changes) -> dict:
    """A filled-in form, as a browser posts it, with the `chosen` themes ticked."""
    data = {
        "organisation_name": "Föreningen Ny Röst",
        "organisation_number": "802541-3769",
        "kind": "association",
        "county": "AB",
        "themes": [str(theme.pk) for theme in chosen],
        "contact_name": "Ada Ny",
        "contact_email": CONTACT,
        "motivation": "Vi är unga som vill påverka.",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def confirm_path(message, language: str = "sv") -> str:
    """The link of the mail's half in `language`, as a path."""
    pattern = rf"https?://[^/\s]+({PREFIX[language]}/intresseanmalan/bekrafta/[A-Za-z0-9_-]{{43}}/)"
    return re.findall(pattern, message.body)[0]


def pending_request(themes=(), **fields) -> JoinRequest:
    """A request its contact has confirmed, waiting to be vetted."""
    values = {
        "organisation_name": "Föreningen Ny Röst",
        "organisation_number": "802541-3769",
        "kind": "association",
        "county": "AB",
        "contact_name": "Ada Ny",
        "contact_email": CONTACT,
        "motivation": "Vi vill vara med.",
        "consented_at": timezone.now(),
        "status": JoinRequestStatus.PENDING,
        "confirmed_at": timezone.now(),
        **fields,
    }
    join_request = JoinRequest.objects.create(**values)
    join_request.themes.set(themes)
    return join_request


@pytest.fixture
def sent(client, themes, django_capture_on_commit_callbacks):
    """Sends the form as an anonymous applicant; returns the confirmation mail."""

    def send(language: str = "sv", **changes):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(form_url(language), answers(themes, **changes))
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    return send
