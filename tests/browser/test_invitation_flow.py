"""The whole invitation path in Chromium: staff build the list and send from the Wagtail admin → the
organisation opens the link from the captured email and accepts with two attendees → one attendee
logs in by emailed code → their own page shows the consultation.

Emails are read from django.core.mail.outbox: the live server runs in a thread of this process, the
test settings use the locmem backend and the task backend runs tasks right after the commit, so every
email the server sends lands in this list.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse

from accounts.models import User
from invitations.models import Invitation, InvitationStatus
from tests.browser.a11y_fixtures import log_in
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS
from tests.invitations import factories

pytest_plugins = ["tests.browser.a11y_fixtures"]
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_roots")]


# allauth's login code: a line of its own in the email, six letters/digits (maybe with a dash).
LOGIN_CODE = re.compile(r"^\s*([A-Z0-9]{3,}-?[A-Z0-9]{3,})\s*$", re.MULTILINE)


def new_tab(browser, base_url, user=None):
    context = browser.new_context(base_url=base_url, locale="sv-SE")
    if user is not None:
        log_in(context, user, base_url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return tab


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_staff_send_the_organisation_accepts_an_attendee_logs_in_by_code(browser, live_server):
    consultation = factories.consultation(title="Unga och framtiden", capacity=20, seats=2)
    organisation = factories.organisation("kansli@framtid.example.org", name="Föreningen Framtid")
    staff = User.objects.create_superuser(email="tjansteman@regeringskansliet.se", password=None)
    base = live_server.url
    index_path = reverse("invitations_admin:index", args=[consultation.pk])
    mail.outbox.clear()

    # 1. Staff: from the consultation's page in the admin to the invitation screens.
    admin = new_tab(browser, base, staff)
    admin.goto(f"/admin/pages/{consultation.pk}/edit/")
    # "Invitations" sits in the header's actions menu (the "…" button), opened like a person would.
    admin.locator("#w-slim-header-buttons .w-dropdown__toggle").first.click()
    admin.locator(f'a[href="{index_path}"]').first.click()
    admin.wait_for_url(f"**{index_path}")
    admin.locator(f'a[href="{reverse("invitations_admin:build", args=[consultation.pk])}"]').first.click()
    admin.locator(f'.inv-pick input[type=checkbox][value="{organisation.pk}"]').check()
    admin.locator('.inv-pick ~ .inv-actions button[type=submit]:not([name="add_all"])').click()
    admin.wait_for_url(f"**{index_path}")
    assert admin.locator('td[data-status="not_sent"]').count() == 1
    admin.locator(
        f'form[action="{reverse("invitations_admin:send", args=[consultation.pk])}"] button'
    ).click()
    admin.wait_for_url(f"**{reverse('invitations_admin:sends', args=[consultation.pk])}")
    assert admin.locator("tr[data-send] [data-count=sent]").inner_text().strip() == "1"
    assert [message.to for message in mail.outbox] == [["kansli@framtid.example.org"]]

    # 2. The organisation opens the link from the email and accepts with two attendees.
    [token] = factories.tokens_from_outbox(mail.outbox)
    rsvp = new_tab(browser, base)
    rsvp.goto(f"/osa/{token}/")
    for number, (name, email) in enumerate(
        [("Anna Lind", "anna@framtid.example.org"), ("Bo Berg", "bo@framtid.example.org")]
    ):
        rsvp.fill(f'input[name="attendees-{number}-name"]', name)
        rsvp.fill(f'input[name="attendees-{number}-email"]', email)
    rsvp.locator('form:has(input[name="answer"][value="accept"]) button[type=submit]').click()
    rsvp.wait_for_load_state()
    invitation = Invitation.objects.get(consultation=consultation, organisation=organisation)
    for _ in range(50):  # the answer is saved by the server thread; wait for its commit
        if invitation.status == InvitationStatus.ACCEPTED:
            break
        rsvp.wait_for_timeout(100)
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    login_emails = [message for message in mail.outbox if message.to == ["anna@framtid.example.org"]]
    assert len(login_emails) == 1

    # 3. Anna follows the login link in her email and logs in with the code allauth mails her.
    login_path = path_of(re.search(r"http://testserver(/\S*login/code/)", login_emails[0].body).group(1))
    participant = new_tab(browser, base)
    participant.goto(login_path)
    participant.fill('input[name="email"]', "anna@framtid.example.org")
    participant.locator("main form button[type=submit], main form input[type=submit]").first.click()
    participant.wait_for_selector('input[name="code"]')
    code_email = [message for message in mail.outbox if message.to == ["anna@framtid.example.org"]][-1]
    assert code_email is not login_emails[0]
    code = LOGIN_CODE.search(code_email.body).group(1)
    participant.fill('input[name="code"]', code)
    participant.locator("main form button[type=submit], main form input[type=submit]").first.click()
    participant.wait_for_load_state()

    # 4. Her own page lists the consultation, her answer and the (empty) breakout group.
    participant.goto("/mina-sidor/")
    entry = participant.locator(".my-consultation")
    assert entry.count() == 1
    assert "Unga och framtiden" in entry.inner_text()
    assert entry.locator("[data-status]").get_attribute("data-status") == "accepted"

    # 5. The page with content passes the same WCAG 2.2 AA axe rules as tests/browser/test_accessibility.py
    # (which sees it through the registry row "my_page", with the world's data).
    # An init script, as in test_accessibility.py: our CSP rightly refuses an injected <script>.
    participant.context.add_init_script(Axe().axe_script)
    participant.reload()
    results = participant.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    serious = [v["id"] for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    assert not serious, serious
