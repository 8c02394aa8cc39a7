"""Factories for the invitation tests, local to this folder so other suites' tuning cannot change them."""

import datetime as dt
import itertools
import re

from django.core import mail
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from accounts.models import User
from consultations.models import ConsultationIndexPage, ConsultationPage
from home.models import HomePage
from organisations.models import Organisation
from staff_roles.groups import ORGANISERS
from staff_roles.services import staff_group

_numbers = itertools.count(1)
RSVP_LINK = re.compile(r"http://testserver/osa/([A-Za-z0-9_-]{43})/")


def site_index() -> ConsultationIndexPage:
    index = ConsultationIndexPage.objects.first()
    if index is not None:
        return index
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Sakråd", slug="osa-start"))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "Sakråd"},
    )
    index = home.add_child(instance=ConsultationIndexPage(title="Sakråd", slug="sakrad"))
    index.save_revision().publish()
    return index


def consultation(*, capacity=None, seats=2, days_ahead=30, deadline_in=dt.timedelta(days=20), **fields):
    number = next(_numbers)
    page = ConsultationPage(
        title=fields.pop("title", f"Unga och inflytande {number}"),
        slug=f"osa-sakrad-{number}",
        ministry="Kulturdepartementet",
        unit="Enheten för civila samhället",
        date=timezone.localdate() + dt.timedelta(days=days_ahead),
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        venue_name="Rosenbad",
        venue_address="Rosenbad 4\n103 33 Stockholm",
        introduction="Ett sakråd om ungas inflytande.",
        capacity=capacity,
        seats_per_organisation=seats,
        rsvp_deadline=timezone.now() + deadline_in,
        **fields,
    )
    site_index().add_child(instance=page)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def organisation(*emails: str, name: str = "") -> Organisation:
    number = next(_numbers)
    emails = emails or (f"kansli{number}@forening{number}.se",)
    return Organisation.objects.create(
        name=name or f"Föreningen {number}", kind="association", contact_emails="\n".join(emails)
    )


def superuser() -> User:
    return User.objects.create_superuser(email=f"admin{next(_numbers)}@regeringskansliet.se", password=None)


def tokens_from_outbox(messages=None) -> list[str]:
    """The RSVP tokens in the emails, in order (the Swedish link of each message)."""
    found = []
    for message in mail.outbox if messages is None else messages:
        match = RSVP_LINK.search(message.body)
        if match:
            found.append(match.group(1))
    return found


def accept_post(people, *, seats: int = 2, nonce: str = "nonce-1") -> dict:
    """The POST of the accept form: people are (name, email) or (name, email, needs, other, dietary)."""
    data = {
        "answer": "accept",
        "accept-nonce": nonce,
        "attendees-TOTAL_FORMS": str(max(seats, len(people))),
        "attendees-INITIAL_FORMS": "0",
        "attendees-MIN_NUM_FORMS": str(seats),
        "attendees-MAX_NUM_FORMS": str(seats),
    }
    for number, person in enumerate(people):
        name, email, needs, other, dietary = (*person, [], "", "")[:5]
        data |= {
            f"attendees-{number}-name": name,
            f"attendees-{number}-email": email,
            f"attendees-{number}-access_needs": needs,
            f"attendees-{number}-access_needs_other": other,
            f"attendees-{number}-dietary_needs": dietary,
        }
    return data


def decline_post(comment: str = "", *, nonce: str = "nonce-d") -> dict:
    return {"answer": "decline", "decline-nonce": nonce, "decline-comment": comment}


def rsvp_path(token: str, language: str = "en") -> str:
    # English by default: the tests read the English msgids, whatever the Swedish catalogue says.
    return f"/osa/{token}/" if language == "sv" else f"/{language}/osa/{token}/"


def organiser_in_english():
    """An organiser in the real Organisers group (not a superuser), with the admin in English so that
    tests read the msgids whatever the Swedish catalogue says."""


    user = User.objects.create_user(email="arrangor@regeringskansliet.se", password=None)
    user.groups.add(staff_group(ORGANISERS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user

