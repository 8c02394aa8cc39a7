"""Every payload of tests/xss/payloads.txt, stored as a question to the panel (and as the ministry's
written answer), never runs: not on the phone page (a participant), the wall (the organiser), the
public minutes' "Questions the panel did not reach" (anyone), nor the moderation screen. Questions
are plain text, shown escaped. Stored through the ORM, past the cleaning a real question gets."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from panel_questions.models import TEXT_MAX_LENGTH, PanelQuestion, QuestionQueue, QuestionStatus
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PAYLOADS = [payload for payload in load_payloads() if len(payload.render("X" * 10)) <= TEXT_MAX_LENGTH]


def _all_shown(client, url, tokens, wanted):
    html = client.get(url).content.decode()
    shown = set(find_tokens(html, tokens.labels))
    unseen = sorted(label for token, label in tokens.labels.items() if token in wanted and token not in shown)
    assert not unseen, f"{len(unseen)} questions are not on {url}:\n" + "\n".join(unseen[:40])


def test_payloads_in_questions_never_run(world, open_tab):
    assert len(PAYLOADS) >= 150
    consultation = world.consultation
    QuestionQueue.objects.create(consultation=consultation)
    tokens = Tokens()
    room, minutes = set(), set()
    rows = []
    for payload in PAYLOADS:
        text = tokens.place(payload, "an approved question")
        room.add(list(tokens.labels)[-1])
        rows.append(PanelQuestion(consultation=consultation, text=text, status=QuestionStatus.APPROVED))
        text = tokens.place(payload, "a question the panel did not reach")
        answer = tokens.place(payload, "a written answer")
        minutes.update(list(tokens.labels)[-2:])
        rows.append(
            PanelQuestion(consultation=consultation, text=text, answer=answer, status=QuestionStatus.ANSWERED)
        )
    PanelQuestion.objects.bulk_create(rows)
    PanelQuestion.objects.filter(
        pk=PanelQuestion.objects.filter(status=QuestionStatus.APPROVED).first().pk
    ).update(status=QuestionStatus.ANSWERING)

    member = world.user("group_member")
    phone = reverse("panel_questions:phone", args=[consultation.pk])
    client = Client()
    client.force_login(member)
    _all_shown(client, phone, tokens, room)
    result = scan(open_tab(member), phone, tokens, settle_ms=300)
    assert result.ok, result.report()

    _all_shown(Client(), world.minutes.url, tokens, minutes)
    result = scan(open_tab(), world.minutes.url, tokens, settle_ms=200)
    assert result.ok, result.report()

    organiser = world.user("organiser")
    result = scan(
        open_tab(organiser), reverse("breakouts:plenary", args=[consultation.pk]), tokens, settle_ms=300
    )
    result.findings = [finding for finding in result.findings if not _not_ours(finding)]
    assert result.ok, result.report()


def _not_ours(finding) -> bool:
    """The Wagtail user bar staff see on every page, and the prioritising panel's stylesheet: no payload
    in them, and not this part's markup."""
    return not finding.tokens and any(
        mark in finding.detail for mark in ("checker-axe-configuration", "wagtailadmin/", "priorities.css")
    )
