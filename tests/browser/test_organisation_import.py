"""The organiser imports a spreadsheet in Chromium, in Swedish and English: upload an Excel CSV
(semicolons, Windows-1252), check the guessed columns and leave one out, read the preview (a new row, a
likely duplicate, a cell with an error), keep the duplicate apart, confirm once, and find the report.
Axe finds nothing serious on the columns or the preview."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from wagtail.users.models import UserProfile

from organisation_import.models import ImportRun
from organisations.models import Organisation
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

REGISTER = (
    "Namn;Organisationsnummer;Typ;Län;Webbplats\r\n"
    "Ungdomsföreningen Björkbacken;802500-0012;Förening;Västerbottens län;bjorkbacken.example.org\r\n"
    "\r\n"
    "Föreningen Älvdalen Vänner;;Förening;Dalarna;alvdalen.example.org\r\n"
    "Föreningen Felstavad;;Förening;Atlantis län;\r\n"
)


def serious(tab) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    return [violation["id"] for violation in results["violations"] if violation["impact"] in FAILING_IMPACTS]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_organiser_imports_a_spreadsheet(world, open_tab, tmp_path, language):
    organiser = world.user("organiser")
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = language
    profile.save()
    Organisation.objects.create(name="Föreningen Älvdalens Vänner", kind="association", county="W")
    path = tmp_path / "register.csv"
    path.write_bytes(REGISTER.encode("cp1252"))

    tab = open_tab(organiser)
    tab.context.add_init_script(Axe().axe_script)
    tab.goto(reverse("organisation_import:index"))
    assert tab.locator("html").get_attribute("lang") == language
    tab.set_input_files("input[name='file']", str(path))
    tab.locator("form[enctype] button[type='submit']").click()

    # The columns, guessed from the headers; the website is left out this time.
    tab.wait_for_selector("select[name='column_4']")
    assert tab.locator("select[name='column_3']").input_value() == "county"
    assert serious(tab) == []
    tab.select_option("select[name='column_4']", "")
    tab.locator("main form button[type='submit']").click()

    # The preview: each row with what it does; the error in its cell; the duplicate with its choice.
    tab.wait_for_selector("[data-import-preview]")
    assert tab.locator("tr[data-action='create']").count() == 1
    assert tab.locator("tr[data-line='4'][data-action='update'] [data-duplicate='4']").count() == 1
    assert tab.locator("tr[data-line='5'][data-action='rejected'] [data-cell-error]").count() == 1
    assert serious(tab) == []
    tab.check("input[name='duplicate-4'][value='keep']")
    tab.locator("button[formmethod='get']").click()
    tab.wait_for_selector("tr[data-line='4'][data-action='create']")
    assert Organisation.objects.filter(name="Ungdomsföreningen Björkbacken").count() == 0  # nothing yet

    tab.locator("[data-import-preview] ~ button:not([formmethod])").click()
    tab.wait_for_selector("[data-import-result]")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.counts["create"] == 2 and run.counts["rejected"] == 1
    assert tab.locator(f"a[href='{reverse('organisation_import:report', args=[run.pk])}']").count() == 1
    assert Organisation.objects.get(name="Ungdomsföreningen Björkbacken").county == "AC"
    assert Organisation.objects.get(name="Föreningen Älvdalen Vänner").website == ""  # the column left out
    assert Organisation.objects.filter(name="Föreningen Älvdalens Vänner").exists()  # kept both
