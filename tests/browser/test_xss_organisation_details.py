"""Every payload of tests/xss/payloads.txt in what a contact person types (the organisation's name, the
contact person, the description) never runs where it is read again (tests/xss/harness.py): on Mina
sidor, on the details form itself, and in the organisation's history in the admin. With our CSP, and
once more with it bypassed."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from organisation_details.services import organisation_update
from organisations.models import Organisation
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.factories import UserFactory
from tests.xss.harness import Tokens, find_tokens, load_payloads, scan

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

CONTACT = "kontakt@xss.example.org"
LIMITS = {"name": 255, "contact_name": 200, "description": 500}


def packed(tokens: Tokens, payloads, field: str) -> list[str]:
    """The payloads placed in as few values of `field` as its length allows."""
    values, current = [], ""
    for payload in payloads:
        placed = tokens.place(payload, f"organisation {field}")
        if len(placed) > LIMITS[field]:
            tokens.refuse(placed, "")  # longer than the field takes: the form refuses it
            continue
        if current and len(current) + 1 + len(placed) > LIMITS[field]:
            values.append(current)
            current = ""
        current = f"{current} {placed}".strip()
    return [*values, current] if current else values


def organisations_with_payloads(tokens: Tokens) -> list[Organisation]:
    """Each payload once, the fields taking turns: the name is shown as text (Mina sidor, the heading)
    and as an attribute (the form), the contact person as an attribute, the description as a textarea's
    text. Packed into as few organisations as the fields' lengths allow, to keep the page loads few."""
    payloads, columns, start = load_payloads(), {}, 0
    for field, limit in LIMITS.items():  # a share of the payloads as large as the field's share of room
        end = start + round(len(payloads) * limit / sum(LIMITS.values()))
        columns[field] = packed(
            tokens, payloads[start:end] if field != "description" else payloads[start:], field
        )
        start = end
    count = max(len(values) for values in columns.values())
    organisations = []
    for n in range(count):
        organisation = Organisation.objects.create(
            name=f"Förening {n}", kind="association", contact_email=CONTACT
        )
        data = {field: values[n] for field, values in columns.items() if n < len(values)}
        # Through the service, as the form would store it: the history holds the values too.
        organisation_update(organisation=organisation, user=None, data=data)
        organisations.append(organisation)
    return organisations


def test_payloads_typed_by_the_contact_person_never_run(world, open_tab):
    tokens = Tokens()
    organisations = organisations_with_payloads(tokens)
    contact = UserFactory(email=CONTACT)
    pages = [reverse("accounts:my_page")]
    pages += [reverse("organisation_details:mine", args=[o.pk]) for o in organisations]

    # Every placed payload is on one of the pages (nothing dropped), so the scan tests something.
    client = Client()
    client.force_login(contact)
    shown = set()
    for url in pages:
        shown |= set(find_tokens(client.get(url).content.decode(), tokens.labels))
    unseen = sorted(label for token, label in tokens.stored().items() if token not in shown)
    assert not unseen, f"{len(unseen)} payloads are not on the pages:\n" + "\n".join(unseen[:20])

    reports = []
    for guarded in (True, False):
        tab = open_tab(contact, bypass_csp=not guarded)
        for url in pages:
            result = scan(tab, url, tokens, settle_ms=100, require_csp=guarded)
            if not result.ok:
                reports.append(
                    ("[with our CSP] " if guarded else "[CSP bypassed] ") + f"{url}: " + result.report()
                )

    # The history in the admin: Wagtail's admin allows inline scripts (its CSP, sakrad/middleware.py) and
    # has scripts of its own, so escaping is the only defence there and no script may carry a payload.
    staff_tab = open_tab(world.user("organiser"))
    for organisation in organisations[:3]:  # one rendering for every value: three suffice
        url = reverse("wagtailsnippets_organisations_organisation:history", args=[organisation.pk])
        result = scan(staff_tab, url, tokens, settle_ms=100, require_csp=False)
        result.findings = [finding for finding in result.findings if not _wagtails_own(finding)]
        if not result.ok:
            reports.append(f"[admin] {url}: " + result.report())
    assert not reports, "\n\n".join(reports)


def _wagtails_own(finding) -> bool:
    # The admin's JSON props and its date choosers' inline scripts: no payload in them.
    return (
        finding.kind == "dom" and not finding.tokens and finding.detail.startswith("script without our nonce")
    )
