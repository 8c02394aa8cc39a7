"""Asking to take part, in Chromium on a phone, in Swedish and English: an anonymous applicant finds the
form from the front page, fills it in, confirms from the mail's link; an organiser finds the request in
the admin and accepts it; the organisation is in the register and the applicant is told. Axe finds
nothing serious on the form, and nothing scrolls sideways."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from consultations.models import Theme
from join_requests.models import JoinRequest, JoinRequestStatus
from organisations.models import Organisation
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PREFIX = {"sv": "", "en": "/en"}
ADDRESS = "amina@ungaledare.example.org"
NAME = "Unga Ledare i Järva"


def _serious(tab) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    return [violation["id"] for violation in results["violations"] if violation["impact"] in FAILING_IMPACTS]


def _no_sideways_scroll(tab) -> bool:
    return tab.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )


def _confirm_path(body: str, language: str) -> str:
    return re.search(
        rf"https?://[^/\s]+({PREFIX[language]}/intresseanmalan/bekrafta/[A-Za-z0-9_-]{{43}}/)", body
    )[1]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_applicant_asks_confirms_and_an_organiser_accepts_on_a_phone(world, open_tab, language):
    theme = Theme.objects.create(name="Unga och trygghet", slug="unga-och-trygghet-ansokan")

    applicant = open_tab(None, locale="sv-SE" if language == "sv" else "en-GB", **PHONE)
    applicant.context.add_init_script(Axe().axe_script)
    applicant.goto(f"{PREFIX[language]}/")
    applicant.locator(f"a[href='{PREFIX[language]}/intresseanmalan/']").first.click()
    applicant.wait_for_url(re.compile(r"/intresseanmalan/$"))
    assert applicant.locator("html").get_attribute("lang") == language
    assert _serious(applicant) == []
    assert _no_sideways_scroll(applicant)
    assert not applicant.locator("input[name=website]").is_visible()  # the honeypot

    applicant.fill("input[name=organisation_name]", NAME)
    applicant.fill("input[name=organisation_number]", "802541-3768")  # a typo in the last digit
    applicant.select_option("select[name=kind]", "association")
    applicant.select_option("select[name=county]", "AB")
    applicant.get_by_label(theme.name).check()
    applicant.fill("input[name=contact_name]", "Amina Yusuf")
    applicant.fill("input[name=contact_email]", ADDRESS)
    applicant.fill("textarea[name=motivation]", "Vi är unga som vill påverka besluten om våra områden.")
    applicant.locator("input[name=consent]").check()
    applicant.locator("form.join-request-form button[type=submit]").click()
    applicant.wait_for_load_state()
    assert applicant.locator(".error-summary").count() == 1  # the check digit, in the summary and the field
    assert applicant.locator("input[name=organisation_number][aria-invalid=true]").count() == 1
    assert _serious(applicant) == []
    assert applicant.locator("input[name=organisation_name]").input_value() == NAME  # nothing lost

    applicant.fill("input[name=organisation_number]", "802541-3769")
    applicant.locator("input[name=consent]").check()
    applicant.locator("form.join-request-form button[type=submit]").click()
    applicant.wait_for_url(re.compile(r"/intresseanmalan/skickad/$"))
    [confirmation] = [message for message in mail.outbox if message.to == [ADDRESS]]
    assert JoinRequest.objects.get().status == JoinRequestStatus.UNCONFIRMED

    applicant.goto(_confirm_path(confirmation.body, language))
    applicant.locator("main form button[type=submit]").click()
    applicant.wait_for_load_state()
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING
    mail.outbox.clear()

    organiser_user = world.user("organiser")
    profile = UserProfile.get_for_user(organiser_user)
    profile.preferred_language = language
    profile.save()
    organiser = open_tab(organiser_user, **PHONE)
    organiser.goto(reverse("join_requests_admin:index"))
    assert organiser.locator("html").get_attribute("lang") == language
    organiser.get_by_role("link", name=NAME).click()
    organiser.wait_for_url(re.compile(r"/admin/intresseanmalningar/\d+/$"))
    organiser.locator("button[data-accept]").click()
    organiser.wait_for_url(re.compile(r"/admin/intresseanmalningar/$"))

    organisation = Organisation.objects.get(name=NAME)
    assert organisation.contact_email == ADDRESS and list(organisation.themes.all()) == [theme]
    assert JoinRequest.objects.get().status == JoinRequestStatus.ACCEPTED
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
