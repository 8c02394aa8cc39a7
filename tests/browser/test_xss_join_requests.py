"""Every payload of tests/xss/payloads.txt, typed into a request to take part, never runs on the staff's
screens (tests/xss/harness.py): the organisation's name and the contact's name on the list and on each
request's screen, the motivation and a reason for declining on the request's screen. The admin allows
inline scripts (its CSP), so escaping is the only defence here."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from join_requests.models import MOTIVATION_MAX_LENGTH, JoinRequest, JoinRequestStatus
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PAYLOADS = load_payloads()


def _chunks(texts: list[str], limit: int) -> list[str]:
    """The texts joined into as few pieces as fit `limit` characters each."""
    pieces, current = [], ""
    for text in texts:
        if current and len(current) + 1 + len(text) > limit:
            pieces.append(current)
            current = ""
        current = f"{current}\n{text}" if current else text
    return [*pieces, current]


def _request(**fields) -> JoinRequest:
    now = timezone.now()
    values = {
        "kind": "association",
        "county": "AB",
        "contact_email": "kontakt@example.org",
        "consented_at": now,
        "confirmed_at": now,
        "status": JoinRequestStatus.PENDING,
        **fields,
    }
    return JoinRequest.objects.create(**values)


def _wagtails_own(finding) -> bool:
    return (
        finding.kind == "dom"
        and not finding.tokens
        and '<script id="wagtail-' in finding.detail
        and 'type="application/json"' in finding.detail
    )


def test_payloads_in_requests_never_run_on_the_vetting_screens(world, open_tab):
    assert len(PAYLOADS) >= 150
    tokens = Tokens()
    listed = []
    for payload in PAYLOADS:
        contact = tokens.place(payload, "contact name")
        if len(contact) > JoinRequest._meta.get_field("contact_name").max_length:
            contact = tokens.refuse(contact, instead="Ada")  # the form would refuse it as too long
        listed.append(
            _request(
                organisation_name=tokens.place(payload, "organisation name"),
                contact_name=contact,
                motivation="Vi vill vara med.",
            )
        )
    motivations = _chunks(
        [tokens.place(payload, "motivation") for payload in PAYLOADS], MOTIVATION_MAX_LENGTH
    )
    detailed = [
        _request(organisation_name=f"Förening {n}", contact_name="Ada", motivation=text)
        for n, text in enumerate(motivations)
    ]
    declined = _request(
        organisation_name="Avböjd förening",
        contact_name="Bo",
        motivation="Vi vill.",
        status=JoinRequestStatus.DECLINED,
        decided_at=timezone.now(),
        decline_reason="\n".join(tokens.place(payload, "reason for declining") for payload in PAYLOADS),
    )
    organiser = world.user("organiser")
    screens = [reverse("join_requests_admin:index")]
    screens += [
        reverse("join_requests_admin:detail", args=[row.pk]) for row in [*detailed, declined, listed[0]]
    ]

    # Every placement is on some screen (nothing dropped), so the scans test something.
    client = Client()
    client.force_login(organiser)
    shown = set()
    for url in screens:
        shown |= set(find_tokens(client.get(url).content.decode(), tokens.labels))
    shown |= set(find_tokens(client.get(screens[0] + "?status=declined").content.decode(), tokens.labels))
    unseen = sorted(label for token, label in tokens.stored().items() if token not in shown)
    assert not unseen, f"{len(unseen)} placements are not on any screen:\n" + "\n".join(unseen[:40])

    tab = open_tab(organiser)
    for url in screens:
        result = scan(tab, url, tokens, settle_ms=200, require_csp=False)
        result.findings = [finding for finding in result.findings if not _wagtails_own(finding)]
        assert result.ok, result.report()
