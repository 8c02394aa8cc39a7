"""The contact person keeps the organisation's details on a phone (375 px), in Chromium: staff send the
link, the contact follows it from the mail, in Swedish and then in English, and saves; a mistake gets a
clear error by the field. Axe finds nothing serious, and nothing scrolls sideways."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from consultations.models import Theme
from organisation_details.services import contact_link_send
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.phones import fits_a_phone, serious_axe

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
LINK = re.compile(r"https?://[^\s\"<>]*?(/(?:en/)?organisation/lank/[A-Za-z0-9_-]{43}/)")


def test_the_contact_person_updates_the_details_on_a_phone(world, open_tab):
    theme = Theme.objects.create(name="Unga och trygghet", slug="unga-och-trygghet")
    organisation = world.organisation
    organisation.contact_name, organisation.contact_email = "Anna Lind", "anna@framtid.example.org"
    organisation.save()
    contact_link_send(organisation=organisation, user=world.user("organiser"))
    [message] = [m for m in mail.outbox if m.to == ["anna@framtid.example.org"]]
    paths = LINK.findall(message.body)
    swedish = next(path for path in paths if not path.startswith("/en/"))
    english = next(path for path in paths if path.startswith("/en/"))

    phone = open_tab(**PHONE)
    phone.context.add_init_script(Axe().axe_script)
    phone.goto(swedish)
    assert phone.locator("html").get_attribute("lang") == "sv"
    assert fits_a_phone(phone) and serious_axe(phone) == []
    phone.fill("textarea[name='description']", "Vi samlar unga i hela Stockholms län.")
    phone.get_by_label("Unga och trygghet").check()
    phone.select_option("select[name='county']", "C")
    phone.uncheck("input[name='may_be_shown']")
    phone.fill("input[name='contact_email']", "inte-en-adress")
    phone.locator("form.details-form button[type='submit']").click()
    # The mistake: the summary links to the field, nothing is stored, what was typed stays.
    phone.wait_for_selector(".error-summary")
    assert fits_a_phone(phone) and serious_axe(phone) == []
    assert phone.input_value("textarea[name='description']") == "Vi samlar unga i hela Stockholms län."
    organisation.refresh_from_db()
    assert organisation.description == ""
    phone.fill("input[name='contact_email']", "anna@framtid.example.org")
    phone.locator("form.details-form button[type='submit']").click()
    phone.wait_for_selector(".messages")
    organisation.refresh_from_db()
    assert organisation.description == "Vi samlar unga i hela Stockholms län."
    assert list(organisation.themes.all()) == [theme] and organisation.county == "C"
    assert organisation.may_be_shown is False

    # In English, the same link's twin: a new name.
    phone.goto(english)
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.get_by_label("Name of the organisation").fill("Föreningen Framtid Sverige")
    phone.get_by_role("button", name="Save the details").click()
    phone.wait_for_selector(".messages")
    assert phone.locator("h1").inner_text() == "Föreningen Framtid Sverige"
    assert fits_a_phone(phone) and serious_axe(phone) == []
    organisation.refresh_from_db()
    assert organisation.name == "Föreningen Framtid Sverige"
