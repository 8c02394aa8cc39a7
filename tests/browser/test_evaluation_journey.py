"""The evaluation from end to end, in Chromium: the organiser sends it from the consultation's screen;
attendees open the link from their mail on a phone and answer (in Swedish, in English, and one without
JavaScript after a mistake); a second use of a link is refused; the organiser reads the results and
downloads the CSV. Axe finds nothing serious on the form, the refusal or the results."""

from __future__ import annotations

import datetime as dt
import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from evaluations.models import EvaluationAnswer, EvaluationLink
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS
from tests.evaluations.conftest import make_held

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LINK = re.compile(r"https?://[^\s\"<>]*?(/(?:en/)?utvardering/\d+/[A-Za-z0-9_-]{43}/)")


def axe_serious(tab) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return [violation["id"] for violation in results["violations"] if violation["impact"] in FAILING_IMPACTS]


def links_by_address() -> dict[str, dict[str, str]]:
    """Each recipient's Swedish and English link, as the mail shows them."""
    found = {}
    for message in mail.outbox:
        paths = LINK.findall(message.body)
        if not paths:
            continue  # another mail of the world's
        found[message.to[0]] = {
            "sv": next(path for path in paths if not path.startswith("/en/")),
            "en": next(path for path in paths if path.startswith("/en/")),
        }
    return found


def answer(tab, choices: dict[str, str], comment: str = "") -> None:
    for name, value in choices.items():
        tab.check(f"input[name='{name}'][value='{value}']")
    if comment:
        tab.fill("textarea[name='comment']", comment)
    tab.locator("form.evaluation-form button[type='submit']").click()


def test_attendees_answer_on_their_phones_and_the_organiser_reads_the_results(world, open_tab):
    held = make_held(world.index, title="Sakråd om mötesplatser")
    organiser = world.user("organiser")
    screen = reverse("evaluations_admin:consultation", args=[held.consultation.pk])

    # The organiser sends it from the consultation's screen.
    staff_tab = open_tab(organiser)
    staff_tab.context.add_init_script(Axe().axe_script)
    staff_tab.goto(screen)
    closes = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    staff_tab.fill("input[name='closes_on']", closes)
    staff_tab.locator("form.evaluation-send button[type='submit']").click()
    staff_tab.wait_for_selector("[data-evaluation-state='open']")
    links = links_by_address()
    assert set(links) == {person.email for person in held.checked_in}
    first, second, third, fourth = (links[person.email] for person in held.checked_in)

    # In Swedish, on a phone, from the link in the mail.
    phone = open_tab(**PHONE)
    phone.context.add_init_script(Axe().axe_script)
    phone.goto(first["sv"])
    assert phone.locator("html").get_attribute("lang") == "sv"
    assert axe_serious(phone) == []
    assert phone.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
    answer(
        phone,
        {"could_say": "5", "material_in_time": "3", "material_accessible": "4", "would_return": "5"},
        "Bra samtal i grupperna <b>tack</b>",
    )
    phone.wait_for_url(re.compile(r"/utvardering/\d+/tack/$"))
    # A second use of the same link is refused, with a page that says why.
    response = phone.goto(first["sv"])
    assert response.status == 404
    assert phone.locator("input[type='radio']").count() == 0
    assert axe_serious(phone) == []

    # In English.
    english = open_tab(locale="en-GB", **PHONE)
    english.goto(second["en"])
    assert english.locator("html").get_attribute("lang") == "en"
    assert english.get_by_text("I could say what I came to say.").is_visible()
    answer(
        english,
        {"could_say": "4", "material_in_time": "2", "material_accessible": "dont-know", "would_return": "4"},
    )
    english.wait_for_url(re.compile(r"/en/utvardering/\d+/tack/$"))

    # Without JavaScript: a question left out is named in the summary, and nothing is lost.
    plain = open_tab(java_script_enabled=False, **PHONE)
    plain.goto(third["sv"])
    answer(plain, {"could_say": "2", "material_in_time": "4", "material_accessible": "4"}, "Mer tid i plenum")
    assert plain.locator(".error-summary").is_visible()
    assert plain.locator("textarea[name='comment']").input_value() == "Mer tid i plenum"
    answer(plain, {"would_return": "3"})
    plain.wait_for_url(re.compile(r"/utvardering/\d+/tack/$"))

    assert EvaluationAnswer.objects.count() == 3
    assert (
        EvaluationLink.objects.filter(evaluation__consultation=held.consultation).count() == 1
    )  # the fourth
    assert fourth  # still unused

    # The organiser reads the results and downloads the CSV.
    staff_tab.goto(screen)
    main = staff_tab.locator("main")
    assert "3 av 4 har svarat (75 %)" in main.inner_text()  # the admin in Swedish, the default
    assert "Bra samtal i grupperna <b>tack</b>" in main.inner_text()  # shown as text, not markup
    assert staff_tab.locator(".evaluation-comments b").count() == 0
    assert staff_tab.locator("table.evaluation-table").count() == 4
    results = staff_tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    assert [v["id"] for v in results["violations"] if v["impact"] in FAILING_IMPACTS] == []
    with staff_tab.expect_download() as download_info:
        staff_tab.locator(
            f"a[href='{reverse('evaluations_admin:csv', args=[held.consultation.pk])}']"
        ).click()
    content = open(download_info.value.path(), encoding="utf-8-sig").read()  # noqa: PTH123, SIM115
    lines = content.strip().splitlines()
    assert len(lines) == 4
    assert "Jag fick sagt det jag kom för att säga." in lines[0]  # the admin's language
    assert any("Mer tid i plenum" in line for line in lines[1:])
