"""The accessibility statement and the address for reporting problems come from the site settings
(home.site_settings.SiteSettings); every page's footer links them, and leaves them out when unset."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import Site

from home.accessibility_statement import KNOWN_GAPS, SUPERVISOR_REPORT_URL
from home.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.utils import html, section, text_of, translated, url_in

pytestmark = pytest.mark.django_db

EMAIL = "tillganglighet@example.org"


@pytest.fixture
def statement(home):
    return StandardPageFactory(parent=home, title="Tillgänglighetsredogörelse", slug="tillganglighet")


def choose(statement=None, email=""):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accessibility_statement = statement
    site_settings.accessibility_contact_email = email
    site_settings.save()


def footer_links(client, path="/") -> dict[str, str]:
    response = client.get(path)
    assert response.status_code == 200
    footer = html(response).find("footer")
    return {link.get_text(strip=True): link["href"] for link in footer.find_all("a")}


def test_nothing_is_linked_when_unset(client, home):
    links = footer_links(client)
    assert "Tillgänglighetsredogörelse" not in links
    assert not any(href.startswith("mailto:") for href in links.values())


def test_footer_links_the_chosen_statement_and_the_report_address(client, statement):
    choose(statement, EMAIL)
    for path, url in (("/", statement.url), ("/en/", f"/en{statement.url}")):
        links = footer_links(client, path)
        assert url in links.values(), links
        assert f"mailto:{EMAIL}" in links.values(), links
    page = html(client.get(statement.url))
    section = page.find(id="report-problem-heading").find_parent("section")
    assert section.find("a", href=f"mailto:{EMAIL}")


def test_an_unpublished_or_deleted_statement_is_not_linked(client, statement):
    choose(statement, EMAIL)
    statement.unpublish()
    assert statement.url not in footer_links(client).values()
    statement.delete()
    assert SiteSettings.objects.get().accessibility_statement is None
    links = footer_links(client)
    assert f"mailto:{EMAIL}" in links.values()  # the address stays


def test_the_report_section_is_only_on_the_statement(client, statement, home):
    choose(statement, EMAIL)
    other = StandardPageFactory(parent=home, title="Om sakråd", slug="om")
    assert html(client.get(other.url)).find(id="report-problem-heading") is None


def test_editors_choose_them_in_the_admin(client, statement, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x" * 16)
    client.force_login(admin)
    response = client.get("/admin/settings/home/sitesettings/", follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="accessibility_statement"' in body
    assert 'name="accessibility_contact_email"' in body


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_statement_names_the_supervisor_other_formats_and_every_known_gap(client, statement, language):
    choose(statement, EMAIL)
    document = html(client.get(url_in(statement, language)))
    main = text_of(document.find("main"))
    assert "Myndigheten för digital förvaltning (Digg)" in main
    assert document.select_one(f'main a[href="{SUPERVISOR_REPORT_URL}"]')
    other_formats = section(document, translated("Content in another format", language))
    assert other_formats.find("a", href=f"mailto:{EMAIL}")
    gaps = section(document, translated("Known accessibility problems", language))
    with translation.override(language):
        expected = [(gap.criterion, str(gap.text)) for gap in KNOWN_GAPS]
    shown = [(item["data-criterion"], text_of(item)) for item in gaps.find_all("li")]
    assert [criterion for criterion, _text in shown] == [criterion for criterion, _text in expected]
    for (_criterion, text), (criterion, expected_text) in zip(shown, expected, strict=True):
        assert text.startswith(expected_text) and f"WCAG {criterion}" in text


def test_the_statement_asks_for_no_address_it_lacks_and_other_pages_say_none_of_it(client, statement, home):
    choose(statement, "")
    document = html(client.get(statement.url))
    assert not document.select('main a[href^="mailto:"]')
    assert "Myndigheten för digital förvaltning (Digg)" in text_of(document.find("main"))
    choose(statement, EMAIL)
    other = StandardPageFactory(parent=home, title="Om sakråd", slug="om")
    assert "Digg" not in text_of(html(client.get(other.url)).find("main"))
