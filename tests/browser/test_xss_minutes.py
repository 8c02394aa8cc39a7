"""Every payload of tests/xss/payloads.txt typed into the groups' notes never runs on the published
minutes, checked in Chromium (tests/xss/harness.py: the hook, dialogs, CSP violations, dangerous DOM,
navigation, foreign requests), with our CSP and once more with it bypassed, so that escaping and the
sanitiser hold on their own.

The path is the real one after the notes: note-taking opened and closed, the final points stored as
rows (here written directly after closing, as closing would from the notes log), the minutes compiled
by the service, the draft published. Each payload is placed twice, once as a takeaway and once as a
point, spread over the questions and "no question".
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from breakouts.models import NotePoint
from breakouts.services import breakout_group_create, note_taking_close, note_taking_open
from consultations.models import DiscussionQuestion
from minutes.models import MinutesPage
from minutes.services.compile import minutes_compile
from tests.xss import content
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

PAYLOADS = load_payloads()
QUESTIONS = [1, 2, None]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("quiet_indexes")]


@pytest.fixture(autouse=True)
def no_socket_notices(monkeypatch):
    """Opening and closing note-taking tell the groups' sockets (async_to_sync), which cannot run in
    this thread while Playwright's event loop does; no socket is open here, so nothing is lost."""
    import breakouts.services.note_taking

    monkeypatch.setattr(breakouts.services.note_taking, "notify_groups", lambda *args, **kwargs: None)


def published_minutes_with_payloads(tokens: Tokens) -> MinutesPage:
    site = content.build_site()
    consultation = content._consultation(
        title="Sakråd om anteckningar",
        slug="anteckningar",
        date=timezone.localdate() - dt.timedelta(days=2),
    )
    consultation.questions = [
        DiscussionQuestion(number=1, text="Hur når vi fler unga?"),
        DiscussionQuestion(number=2, text="Vad behöver föreningarna?"),
    ]
    site.index.add_child(instance=consultation)
    consultation.save_revision().publish()
    groups = [breakout_group_create(consultation=consultation, name=f"Grupp {n}") for n in (1, 2)]
    note_taking_open(consultation=consultation)
    note_taking_close(consultation=consultation)
    points = []
    for position, payload in enumerate(PAYLOADS):
        for takeaway in (True, False):
            where = "takeaway" if takeaway else "point"
            points.append(
                NotePoint(
                    group=groups[position % 2],
                    question_number=QUESTIONS[position % 3],
                    text=tokens.place(payload, f"note {where}"),
                    takeaway=takeaway,
                    order=position,
                )
            )
    NotePoint.objects.bulk_create(points)

    staff = User.objects.create_superuser(email="redaktor@example.org", password="x-Lösenord-123456")
    page = minutes_compile(consultation=consultation, user=staff)
    page.get_latest_revision().publish()
    page = MinutesPage.objects.get(pk=page.pk)
    assert page.live
    return page


def test_payloads_typed_into_notes_never_run_on_the_published_minutes(page, unguarded_page):
    assert len(PAYLOADS) >= 150
    tokens = Tokens()
    minutes = published_minutes_with_payloads(tokens)
    url = minutes.url

    # Every placement shows on the page (the sanitiser keeps text), so the scan tests something.
    response = Client().get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    shown = set(find_tokens(response.content.decode(), tokens.labels))
    unseen = sorted(label for token, label in tokens.labels.items() if token not in shown)
    assert not unseen, f"{len(unseen)} payloads are not on the minutes page:\n" + "\n".join(unseen[:40])

    reports = []
    for tab, guarded in ((page, True), (unguarded_page, False)):
        result = scan(tab, url, tokens, settle_ms=200, require_csp=guarded)
        if not result.ok:
            reports.append(("[with our CSP] " if guarded else "[CSP bypassed] ") + result.report())
    assert not reports, "\n\n".join(reports)
