"""`setup`: a consultation with breakout groups, members and a staff account in the server's database,
and a session for each, so the load generator needs no Django of its own and no passwords.

Runs with the server's DJANGO_SETTINGS_MODULE and DATABASE_URL: the session cookie's name and the
sessions themselves must be the ones the workers read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path


def _django() -> None:
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        raise SystemExit("setup needs the server's DJANGO_SETTINGS_MODULE (and DATABASE_URL)")
    import django

    django.setup()


def _consultation_index():
    from wagtail.models import Page

    from consultations.models import ConsultationIndexPage
    from home.models import HomePage

    index = ConsultationIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Sakråd", slug="sakrad-bench"))
    return home.add_child(instance=ConsultationIndexPage(title="Sakråd", slug="sakrad"))


def _consultation(label: str):
    from django.utils import timezone

    from consultations.models import ConsultationPage, DiscussionQuestion

    page = ConsultationPage(
        title=f"Lasttest {label}",
        slug=f"lasttest-{label}",
        ministry="Arbetsmarknadsdepartementet",
        date=timezone.localdate() + dt.timedelta(days=1),
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 0),
        venue_address="Drottninggatan 1, Stockholm",
    )
    # The load clients' points name questions 1-3, and the server refuses a point under a question
    # the consultation does not have.
    page.questions = [DiscussionQuestion(number=number, text=f"Fråga {number}", sort_order=number - 1)
                      for number in (1, 2, 3)]
    _consultation_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def _session(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)  # what a login does: a session row with the user's auth hash
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def setup(*, label: str, groups: int, members: int, out: Path) -> dict:
    _django()
    from allauth.mfa.models import Authenticator
    from django.conf import settings

    from accounts.models import User
    from breakouts.services import breakout_group_create, group_member_add, note_taking_open

    consultation = _consultation(label)
    staff = User.objects.create_superuser(email=f"bench-{label}-staff@example.org", password=None)
    # Production settings ask staff for a second factor (sakrad/roles.py): without one the wall's
    # sockets would be refused as a participant's are.
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "BENCHONLY"})
    result = {"label": label, "cookie_name": settings.SESSION_COOKIE_NAME, "staff": _session(staff)}
    result["groups"] = []
    for number in range(groups):
        group = breakout_group_create(consultation=consultation, name=f"Grupp {number + 1}")
        cookies = []
        for member in range(members):
            email = f"bench-{label}-g{number}-m{member}@example.org"
            user = User.objects.create_user(email=email, password=None)
            group_member_add(group=group, person=user)
            cookies.append(_session(user))
        result["groups"].append({"id": group.pk, "members": cookies})
    note_taking_open(consultation=consultation)
    _write_private(out, result)
    return result


def _write_private(path: Path, data: dict) -> None:
    """Session cookies log people in: readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(data, file, indent=1)
