"""A working-group member's part, in Chromium, in Swedish, as that member (issue 16).

Wera, of a civil-society organisation, is added to the working group of a consultation still in draft
(by the organiser, through the service: the organiser's screens have a journey of their own). She
follows the link in the e-mail she gets, logs in with the code she is mailed, reads the draft (which
says it is not public), comments on a question and sees her comment under it. Later she finds the
draft again from *Mina sidor* in the header. Once the organisers publish the consultation, the same
page says it is published, not "not public". Resolving her comment is the organiser's, out of scope.

The links she follows are the ones in the e-mails, whole, on the configured base URL. Screenshots of
each step, at desktop and phone width: test-results/journeys/working-group/ (album.py).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from consultations.models import ConsultationPage, DiscussionQuestion
from tests.browser.journeys.album import Album
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.walk import sv, wait_until
from working_groups.models import QuestionComment
from working_groups.services import working_group_member_add

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

TIMEOUT = 15_000  # ms: a ceiling for slow machines, never a measure
WERA = "wera@stod.example.org"
TITLE = "Sakråd om fritid på landsbygden"
QUESTION = "Hur når vi unga utanför föreningslivet?"
SECOND = "Vad behöver kommunerna av staten?"
# Participant text with markup in it: shown as written, never run.
COMMENT = "Frågan bör nämna unga som inte är med i någon förening <b>alls</b>."
CODE = re.compile(r"^\s*([A-Z0-9]{3,}-?[A-Z0-9]{3,})\s*$", re.MULTILINE)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in(message, base: str, path_pattern: str) -> str:
    """The whole link in an e-mail's text whose path matches; it must be on the configured base URL."""
    found = re.search(re.escape(base) + path_pattern, message.body)
    assert found, f"no {path_pattern} link on {base} in:\n{message.body}"
    return found.group(0)


@pytest.fixture
def draft(world):
    """A consultation in two months, never published, with two discussion questions."""
    page = ConsultationPage(
        title=TITLE,
        slug="fritid-pa-landsbygden",
        ministry="Kulturdepartementet",
        date=timezone.localdate() + dt.timedelta(days=60),
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        venue_address="Drottninggatan 1, Stockholm",
        live=False,
    )
    page.questions = [
        DiscussionQuestion(number=1, text=QUESTION, sort_order=0),
        DiscussionQuestion(number=2, text=SECOND, sort_order=1),
    ]
    world.index.add_child(instance=page)
    page.save_revision()
    return ConsultationPage.objects.get(pk=page.pk)


def _banner(tab) -> str:
    return tab.locator(".callout--minutes").inner_text()


def test_a_working_group_member_comments_on_the_draft(world, draft, browser, asgi_live_server, settings):
    base = asgi_live_server.url
    settings.WAGTAILADMIN_BASE_URL = base  # where the e-mails' links lead
    album = Album("working-group")
    wera = User.objects.create_user(
        email=WERA, password=None, first_name="Wera", last_name="Lind", organisation=world.other_organisation
    )
    context = browser.new_context(base_url=base, locale="sv-SE")
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    # 1. The organiser adds her; she follows the link in the e-mail and is asked to log in.
    mail.outbox.clear()
    working_group_member_add(consultation=draft, email=WERA, user=world.user("organiser"))
    wait_until(lambda: mails_to(WERA), "the working group's e-mail")
    [added] = mails_to(WERA)
    assert TITLE in added.subject
    draft_link = link_in(added, base, rf"/arbetsgrupp/{draft.pk}/")
    tab.goto(draft_link)
    tab.wait_for_url("**/accounts/login/**")
    album.take(tab, "asked-to-log-in")

    # 2. She logs in with the code she is mailed and is back on the draft.
    tab.get_by_role("link", name=sv("Send me a sign-in code")).click()
    tab.fill('input[name="email"]', WERA)
    tab.locator("main form button[type=submit]").first.click()
    tab.wait_for_selector('input[name="code"]')
    wait_until(lambda: len(mails_to(WERA)) == 2, "the login code")
    code_mail = mails_to(WERA)[-1]
    album.take(tab, "code-asked")
    tab.fill('input[name="code"]', CODE.search(code_mail.body).group(1))
    tab.locator("main form button[type=submit]").first.click()
    tab.wait_for_selector("#question-1")
    assert tab.url.split("#")[0].rstrip("/").endswith(str(draft.pk)), tab.url
    main = tab.inner_text("main")
    assert TITLE in main and QUESTION in main and SECOND in main
    assert sv("This is a draft") in _banner(tab), "a draft says it is not public"
    album.take(tab, "draft")

    # 3. She comments on the first question and sees her comment under it, as she wrote it.
    question = tab.locator("#question-1")
    question.locator("textarea").fill(COMMENT)
    question.locator("button[type=submit]").click()
    tab.wait_for_load_state()
    wait_until(lambda: QuestionComment.objects.filter(consultation=draft).exists(), "the comment is saved")
    assert COMMENT in tab.locator("#question-1").inner_text(), "her comment, with its markup as text"
    assert tab.locator("#question-1 b").count() == 0
    assert COMMENT not in tab.locator("#question-2").inner_text()
    comment = QuestionComment.objects.get(consultation=draft)
    assert comment.author == wera and comment.question_number == 1 and comment.text == COMMENT
    album.take(tab, "commented")

    # 4. Another day: from any page, "Mina sidor" in the header lists her working group's draft.
    tab.goto("/")
    tab.locator("header").get_by_role("link", name=sv("My page")).click()
    tab.wait_for_url("**/mina-sidor/")
    groups = tab.locator("section", has=tab.locator("#working-groups-heading"))
    assert TITLE in groups.inner_text()
    album.take(tab, "my-page")
    groups.get_by_role("link", name=TITLE).click()
    tab.wait_for_selector("#question-1")
    assert COMMENT in tab.locator("#question-1").inner_text()

    # 5. The organisers publish the consultation: the page no longer tells her it is not public.
    ConsultationPage.objects.get(pk=draft.pk).get_latest_revision().publish()
    tab.reload()
    banner = _banner(tab)
    assert sv("This is a draft") not in banner and "inte offentlig" not in banner.casefold(), banner
    assert sv("This consultation is published") in banner
    public_page = ConsultationPage.objects.get(pk=draft.pk)
    tab.locator(".callout--minutes a").click()
    tab.wait_for_url(f"**{public_page.url}")
    assert QUESTION in tab.inner_text("main")
    album.take(tab, "published")
    assert errors == []
    context.close()
