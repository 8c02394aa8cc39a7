"""A large minutes page, with everything it makes a browser download, stays under 100 KB over the wire
(tests/reading/weight.py says what counts and how it is compressed). A new web font, script or heavy
image on the page's templates or in its stylesheets is counted, and can tip it over."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.http import HttpResponse
from django.test import Client

from demo.content.minutes_2024 import TAKEAWAYS, TRUST, WORK
from demo.content.organisations import CIVIL_SOCIETY
from minutes.models import FollowUp, Takeaway
from minutes.models.takeaway import TakeawayStatus
from organisations.models import Organisation
from tests.factories import ConsultationPageFactory, MinutesPageFactory
from tests.reading.conftest import presentation, question_record
from tests.reading.weight import page_weight

pytestmark = pytest.mark.django_db

BUDGET = 100_000  # bytes over the wire for a first visit, everything included

# Text is drawn at random (seeded) from the words of the demo's real minutes, so it compresses like
# prose does; repeating one sentence would compress far better than anything an editor writes.
DEMO_TEXTS = [*TRUST, *WORK, *(text for _number, text in TAKEAWAYS)]
WORDS = sorted({word.strip(".,:;()") for text in DEMO_TEXTS for word in text.split()})
QUESTIONS, SUB_QUESTIONS, TAKEAWAYS_EACH, POINTS_EACH = 4, 3, 5, 20


def prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def large_minutes(index, rng: random.Random):
    """Minutes the size of a long consultation's: 30 organisations, four presentations, four questions
    with 20 points and 5 takeaways each, 20 takeaways tracked and 6 follow-ups (the demo's 2024 minutes
    have two questions and some 25 points)."""
    consultation = ConsultationPageFactory(parent=index, date=dt.date(2025, 2, 4))
    body = [presentation(prose(rng, 8)) for _ in range(4)]
    for number in range(1, QUESTIONS + 1):
        record = question_record(
            number,
            [prose(rng, rng.randint(25, 60)) for _ in range(POINTS_EACH)],
            [prose(rng, rng.randint(15, 35)) for _ in range(TAKEAWAYS_EACH)],
        )
        record["value"]["question"] = prose(rng, 14)
        record["value"]["sub_questions"] = [prose(rng, 10) for _ in range(SUB_QUESTIONS)]
        body.append(record)
    minutes = MinutesPageFactory(
        parent=consultation,
        title="Minnesanteckningar från sakrådet om ungas väg till arbete",
        held_on=consultation.date,
        organiser="Arbetsmarknadsdepartementet, enheten för civila samhället",
        summary=prose(rng, 70),
        body=body,
    )
    minutes.participating_organisations.set(
        Organisation.objects.bulk_create(Organisation(name=row[0], kind=row[1]) for row in CIVIL_SOCIETY[:30])
    )
    minutes.save_revision().publish()
    statuses = list(TakeawayStatus)
    takeaways = Takeaway.objects.bulk_create(
        Takeaway(page=minutes, sort_order=n, question_number=1 + n % QUESTIONS, text=prose(rng, 25),
                 status=statuses[n % len(statuses)])
        for n in range(QUESTIONS * TAKEAWAYS_EACH)
    )
    for n in range(6):
        follow_up = FollowUp.objects.create(
            page=minutes, sort_order=n, date=consultation.date + dt.timedelta(days=40 * (n + 1)),
            text=f"<p>{prose(rng, 60)}</p>",
        )
        follow_up.answers.set(takeaways[3 * n : 3 * n + 3])
    return minutes


def test_large_minutes_page_is_under_100_kb_with_everything_it_loads(index):
    minutes = large_minutes(index, random.Random(2024))
    weight = page_weight(Client(), minutes.url)

    html = weight.resources[0]
    takeaway = minutes.takeaways.order_by("sort_order").first()
    assert takeaway.text.encode() in Client().get(minutes.url).content, "the page shows its takeaways"
    assert html.raw > 50_000, f"the page is as large as meant ({html.raw:,} bytes of HTML)"
    assert {"html", "stylesheet", "icon"} <= set(weight.by_kind()), weight.table()
    assert weight.total < BUDGET, f"{weight.total:,} bytes over the wire:\n{weight.table()}"


class CannedClient:
    """Serves fixed bodies by path, as the test client would serve our pages and static files."""

    def __init__(self, files: dict[str, tuple[str, bytes]]):
        self.files = files

    def get(self, path):
        content_type, body = self.files[path]
        return HttpResponse(body, content_type=content_type)


def test_weight_follows_stylesheets_imports_fonts_and_the_largest_image():
    html = b"""<!DOCTYPE html><html><head>
        <link rel="stylesheet" href="/static/css/site.css"><link rel="icon" href="/static/img/logo.svg">
        <script src="/static/js/app.js"></script></head><body>
        <img src="/static/img/logo.svg" alt="">
        <img src="/media/s.jpg" srcset="/m/small.jpg 480w, /m/large.jpg 1200w, /m/mid.jpg 800w" alt="">
        </body></html>"""
    site_css = b'@import url("fonts.css"); body { background: url(../img/b.png) }'
    files = {
        "/page/": ("text/html; charset=utf-8", html),
        "/static/css/site.css": ("text/css", site_css),
        "/static/css/fonts.css": ("text/css", b"@font-face { src: url('/static/fonts/heavy.woff2') }"),
        "/static/fonts/heavy.woff2": ("font/woff2", bytes(range(256)) * 400),
        "/static/img/b.png": ("image/png", b"\x89PNG" + bytes(996)),
        "/static/img/logo.svg": ("image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        "/static/js/app.js": ("application/javascript", b"console.log(1);"),
        "/m/large.jpg": ("image/jpeg", bytes(5000)),
    }
    weight = page_weight(CannedClient(files), "/page/")

    fetched = {resource.url: resource.kind for resource in weight.resources}
    assert fetched == {
        "/page/": "html",
        "/static/css/site.css": "stylesheet",
        "/static/css/fonts.css": "stylesheet",
        "/static/fonts/heavy.woff2": "font",
        "/static/img/b.png": "image",
        "/static/img/logo.svg": "icon",
        "/static/js/app.js": "script",
        "/m/large.jpg": "image",
    }
    font = next(resource for resource in weight.resources if resource.kind == "font")
    assert font.sent == font.raw == 102_400, "a font is sent as it is, not compressed again"
    assert weight.total > 102_400
