"""Every payload of tests/xss/payloads.txt in the register's fields never runs on /uppfoljning/ nor on a
takeaway's page (tests/xss/harness.py), with our CSP and once more with it bypassed: takeaway texts
(typed by participants, through the notes), responsible units, follow-up texts (staff's rich text),
theme names and the consultation's title and unit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.models import Theme
from minutes.models import FollowUp, MinutesPage, Takeaway
from tests.xss import content
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

PAYLOADS = load_payloads()
TAKEAWAYS = 8  # one page of the register (20 a page) holds them all

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("quiet_indexes")]


def register_with_payloads(tokens: Tokens) -> list[Takeaway]:
    site = content.build_site()
    chunks = [PAYLOADS[n::TAKEAWAYS] for n in range(TAKEAWAYS)]
    consultation = content._consultation(
        title="Sakråd om uppföljning",
        slug="uppfoljning-xss",
        date=timezone.localdate() - dt.timedelta(days=40),
        unit=" | ".join(tokens.place(payload, "consultation unit") for payload in chunks[0][:4]),
    )
    site.index.add_child(instance=consultation)
    theme = Theme.objects.create(
        name=" ".join(tokens.place(p, "theme name") for p in chunks[1][:3]), slug="xss"
    )
    consultation.themes.add(theme)
    consultation.save_revision().publish()
    minutes = MinutesPage(title="Minnesanteckningar", slug="minnesanteckningar")
    consultation.add_child(instance=minutes)
    minutes.save_revision().publish()
    takeaways = [
        Takeaway.objects.create(
            page=minutes,
            sort_order=n,
            text=" | ".join(tokens.place(payload, "takeaway text") for payload in chunk),
            responsible_unit=" ".join(tokens.place(payload, "responsible unit") for payload in chunk[:2])[
                :255
            ],
        )
        for n, chunk in enumerate(chunks)
    ]
    follow_up = FollowUp.objects.create(
        page=minutes,
        date=dt.date(2025, 1, 1),
        text="".join(f"<p>{tokens.place(payload, 'follow-up text')}</p>" for payload in PAYLOADS),
        link="https://example.org/beslut",
    )
    follow_up.answers.set(takeaways)
    return takeaways


def test_payloads_never_run_in_the_register(page, unguarded_page):
    tokens = Tokens()
    takeaways = register_with_payloads(tokens)
    urls = [reverse("outcomes:index"), reverse("outcomes:takeaway", args=[takeaways[0].pk])]
    shown = set()
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        shown |= set(find_tokens(response.content.decode(), tokens.labels))
    unseen = sorted({label for token, label in tokens.labels.items() if token not in shown})
    # Each takeaway's text is on the list; the follow-up's only on a takeaway's page.
    assert not [label for label in unseen if label == "takeaway text"], unseen[:20]
    reports = []
    for url in urls:
        for tab, guarded in ((page, True), (unguarded_page, False)):
            result = scan(tab, url, tokens, settle_ms=200, require_csp=guarded)
            if not result.ok:
                reports.append(
                    ("[with our CSP] " if guarded else "[CSP bypassed] ") + f"{url}: " + result.report()
                )
    assert not reports, "\n\n".join(reports)
