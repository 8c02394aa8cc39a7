"""Every payload of tests/xss/payloads.txt written as an attendee's evaluation comment never runs on the
organisers' results screen, in Chromium (tests/xss/harness.py: the hook, dialogs, CSP violations,
dangerous DOM, navigation, foreign requests). Comments are stored as plain text and shown escaped."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evaluations.models import Evaluation, EvaluationAnswer
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.evaluations.conftest import make_held
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PAYLOADS = load_payloads()


def test_payloads_in_evaluation_comments_never_run_on_the_results_screen(world, open_tab):
    assert len(PAYLOADS) >= 150
    held = make_held(world.index, title="Sakråd om utvärderingens säkerhet")
    evaluation = Evaluation.objects.create(
        consultation=held.consultation,
        closes_at=timezone.now() + dt.timedelta(days=7),
        recipient_count=len(PAYLOADS),
    )
    tokens = Tokens()
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            evaluation=evaluation, could_say=3, comment=tokens.place(payload, "evaluation comment")
        )
        for payload in PAYLOADS
    )
    organiser = world.user("organiser")
    url = reverse("evaluations_admin:consultation", args=[held.consultation.pk])

    # Every comment is on the screen (nothing dropped), so the scan tests something.
    client = Client()
    client.force_login(organiser)
    html = client.get(url).content.decode()
    shown = set(find_tokens(html, tokens.labels))
    unseen = sorted(label for token, label in tokens.labels.items() if token not in shown)
    assert not unseen, f"{len(unseen)} comments are not on the screen:\n" + "\n".join(unseen[:40])

    # Wagtail's admin allows inline scripts (its CSP, sakrad/middleware.py) and carries its own JSON in
    # <script type="application/json"> tags: escaping is the only defence here, so nothing else may show.
    result = scan(open_tab(organiser), url, tokens, settle_ms=200, require_csp=False)
    result.findings = [finding for finding in result.findings if not _wagtails_own(finding)]
    assert result.ok, result.report()


def _wagtails_own(finding) -> bool:
    return (
        finding.kind == "dom"
        and not finding.tokens
        and '<script id="wagtail-' in finding.detail
        and 'type="application/json"' in finding.detail
    )
