"""The organiser finds a failed e-mail and sends it again, in Chromium, on a phone, in Swedish and
English: the warning on the consultation's screens leads to the outbox, the row says why, Retry
sends it, and the warning is gone. Axe finds nothing serious on the screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from invitations.services import invitation_create_many, invitation_send_start
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS
from tests.invitations import factories

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WORDS = {
    "sv": {
        "see": "Se varför och försök igen",
        "failed": "Misslyckades",
        "retry": "Försök igen",
        "sent": "Skickad",
    },
    "en": {"see": "See why and retry", "failed": "Failed", "retry": "Retry", "sent": "Sent"},
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_organiser_sees_why_a_mail_failed_and_sends_it_again(world, open_tab, settings, language):
    organiser = world.user("organiser")
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = language
    profile.save()
    consultation = factories.consultation(title="Sakråd om utkorgen", capacity=10, seats=2)
    settings.EMAIL_BACKEND = "tests.invitations.backends.RefusingBackend"
    organisations = [
        factories.organisation("kansli@utkorg.se", name="Föreningen Utkorg"),
        factories.organisation("refuse@trasig.se", name="Föreningen Trasig"),
    ]
    invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
    invitation_send_start(consultation=consultation, user=organiser)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the address is fixed
    words = WORDS[language]

    tab = open_tab(organiser, **PHONE)
    tab.context.add_init_script(Axe().axe_script)
    tab.goto(reverse("invitations_admin:index", args=[consultation.pk]))
    tab.get_by_role("link", name=words["see"]).click()
    row = tab.locator("tr[data-state='failed']")
    assert "refuse@trasig.se" in row.inner_text()
    assert words["failed"] in row.inner_text() and "550" in row.inner_text()
    results = tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    serious = [v["id"] for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    assert serious == []

    row.get_by_role("button", name=words["retry"]).click()
    tab.wait_for_selector("[data-count='failed']")
    assert tab.locator("[data-count='failed']").inner_text() == "0"
    assert tab.locator("[data-screen-warning]").count() == 0
    assert [message.to for message in mail.outbox][-1] == ["refuse@trasig.se"]
    tab.goto(reverse("outbox_admin:index", args=[consultation.pk]))
    assert tab.locator("tr[data-state='sent']").count() == 2
    assert words["sent"] in tab.locator("tr[data-state='sent']").first.inner_text()
    # The table may scroll in its own box on a phone; the page itself does not (WCAG 1.4.10).
    assert tab.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
