"""Pages translated into the national minority languages (docs/languages.md): their own address under
the language's prefix, the Swedish interface around them, and a switcher and hreflang alternates that
name only the languages a page is in. The Swedish pages keep their addresses in Swedish and English."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from consultations.models import ConsultationIndexPage
from home.locales import locales_ensure
from staff_roles.groups import EDITORS
from tests.factories import StandardPageFactory, paragraph
from tests.home.translations import translate_with_home
from tests.utils import h1, html, text_of, translated, url_in
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(
        parent=home,
        title="Om Sakråd",
        slug="om",
        introduction="Så går ett sakråd till.",
        body=[paragraph("<p>Departementet bjuder in organisationer.</p>")],
    )


@pytest.fixture
def finnish(home, about):
    return translate_with_home(
        home,
        about,
        "fi",
        title="Mikä on sakråd?",
        slug="mika-on-sakrad",
        introduction="Sivuston muu sisältö on ruotsiksi ja englanniksi.",
        body=[paragraph("<p>Ministeriö kutsuu järjestöjä keskustelemaan.</p>")],
    )


@pytest.fixture
def yiddish(home, about):
    return translate_with_home(home, about, "yi", title="וואָס איז אַ sakråd?", slug="vos-iz")


def switcher(response) -> dict[str, dict]:
    links = html(response).select(".language-switcher a")
    return {
        link["hreflang"]: {"lang": link["lang"], "href": link["href"], "text": text_of(link)}
        for link in links
    }


def alternates(response) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in html(response).select('head link[rel="alternate"][hreflang]')
    }


def test_the_swedish_pages_keep_their_addresses_in_both_interface_languages(
    client, home, index, about, finnish
):
    assert url_in(about, "sv") == "/om/"
    assert url_in(about, "en") == "/en/om/"
    assert url_in(home, "sv") == "/" and url_in(home, "en") == "/en/"
    assert url_in(index, "en") == f"/en/{index.slug}/"
    for language, path in (("sv", "/om/"), ("en", "/en/om/")):
        document = html(client.get(path))
        assert document.html["lang"] == language
        assert h1(document) == "Om Sakråd"
        # Every link on the page to a Swedish page keeps the interface's prefix.
        assert document.select_one(f'a[href="{url_in(index, language)}"]')


def test_a_translation_has_the_prefix_of_its_language_in_either_interface(finnish, yiddish):
    for interface in ("sv", "en", "fi", "yi"):
        assert url_in(finnish, interface) == "/fi/mika-on-sakrad/"
        assert url_in(yiddish, interface) == "/yi/vos-iz/"


def test_a_translation_is_served_in_its_language_with_the_swedish_interface(client, index, finnish):
    document = html(client.get("/fi/mika-on-sakrad/"))
    assert document.html["lang"] == "fi" and not document.html.get("dir")
    assert h1(document) == "Mikä on sakråd?"
    assert "Ministeriö kutsuu järjestöjä keskustelemaan." in text_of(document.find("main"))
    # The header, menu and footer speak Swedish (not a library's Finnish: "Sök", not "Haku") and say so.
    header, footer = document.find("header"), document.find("footer")
    assert header["lang"] == "sv" and footer["lang"] == "sv"
    assert translated("Search", "sv") in text_of(header)
    assert "Haku" not in text_of(document)
    # Its links to the Swedish pages lead to their Swedish addresses, not under /fi/.
    assert document.select_one(f'header a[href="/{index.slug}/"]')
    assert not document.select('a[href^="/fi/"]:not([hreflang])')


def test_yiddish_is_right_to_left(client, yiddish):
    document = html(client.get("/yi/vos-iz/"))
    assert document.html["lang"] == "yi" and document.html["dir"] == "rtl"


def test_the_switcher_lists_only_the_languages_a_page_is_in(client, home, about, finnish):
    other = StandardPageFactory(parent=home, title="Inte översatt", slug="inte-oversatt")
    assert set(switcher(client.get(other.url))) == {"en"}
    assert set(switcher(client.get("/en/inte-oversatt/"))) == {"sv"}

    swedish = switcher(client.get("/om/"))
    assert set(swedish) == {"en", "fi"}
    assert swedish["fi"] == {"lang": "fi", "href": "/fi/mika-on-sakrad/", "text": "Suomi"}
    assert swedish["en"]["href"] == "/en/om/" and swedish["en"]["text"] == "English"

    finnish_page = switcher(client.get("/fi/mika-on-sakrad/"))
    assert finnish_page == {
        "sv": {"lang": "sv", "href": "/om/", "text": "Svenska"},
        "en": {"lang": "en", "href": "/en/om/", "text": "English"},
    }


def test_a_draft_translation_is_never_offered(client, home, about, finnish):
    translate_with_home(home, about, "se", publish=False, title="Mii lea sakråd?", slug="mii-lea")
    assert "se" not in switcher(client.get("/om/"))
    assert "se" not in alternates(client.get("/om/"))
    assert client.get("/se/mii-lea/").status_code in (302, 404)


def test_hreflang_alternates_name_every_language_of_the_page(client, about, finnish, yiddish):
    expected = {"sv": "/om/", "en": "/en/om/", "fi": "/fi/mika-on-sakrad/", "yi": "/yi/vos-iz/"}
    for path in expected.values():
        assert alternates(client.get(path)) == expected


def test_the_sitemap_lists_the_translations(client, about, finnish, yiddish):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/om/", "/fi/mika-on-sakrad/", "/yi/vos-iz/", "/fi/"):
        assert f"<loc>http://testserver{path}</loc>" in sitemap


def test_a_minority_prefix_leads_anything_but_a_translation_to_its_swedish_address(client, index, finnish):
    for path, swedish in (
        (f"/fi/{index.slug}/", f"/{index.slug}/"),  # a page not translated
        ("/fi/sok/?q=unga", "/sok/?q=unga"),  # a view of the interface
        ("/rom/om/", "/om/"),  # a language nothing is translated into
    ):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == swedish, path


def test_the_language_front_page_lists_its_translations(client, finnish):
    document = html(client.get("/fi/"))
    assert document.html["lang"] == "fi"
    assert [text_of(a) for a in document.select("main .link-list a")] == ["Mikä on sakråd?"]
    assert ConsultationIndexPage.objects.count() == 1  # the consultations stay on the Swedish page


def test_the_translation_is_marked_as_one(home, about, finnish):
    assert finnish.translation_key == about.translation_key
    assert finnish.get_parent().translation_key == home.translation_key


def _staff(world, role: str) -> Client:
    client = Client()
    if role == "editor":
        user = User.objects.create_user(email="redaktor@example.org", password=PASSWORD)
        user.groups.add(Group.objects.get(name=EDITORS))
    else:
        user = world.user(role)
    client.force_login(user)
    return client


def _translate_in_admin(client, page, code: str):
    locale = locales_ensure()[code]
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale.pk]})


def test_an_organiser_translates_a_page_in_the_admin_and_an_editor_finishes_it(world):
    organiser, editor = _staff(world, "organiser"), _staff(world, "editor")
    page = world.standard_page
    with translation.override("sv"):
        edit = organiser.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert reverse("simple_translation:submit_page_translation", args=[page.pk]) in edit
        # The front page first (Wagtail offers a language only once the parent is in it), then the page.
        assert _translate_in_admin(organiser, world.home, "fit").status_code == 302
        assert _translate_in_admin(organiser, page, "fit").status_code == 302
    copy = page.get_translations().get(locale__language_code="fit").specific
    assert not copy.live and copy.title == page.title  # a draft copy, to be written in the language
    # The editor, who adds no pages, may not make copies but writes and publishes the translation.
    refused = _translate_in_admin(editor, page, "se")  # Wagtail's refusal: back to the dashboard
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert not page.get_translations().filter(locale__language_code="se").exists()
    with translation.override("sv"):
        assert editor.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).status_code == 200
        edit = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("simple_translation:submit_page_translation", args=[page.pk]) not in edit


@pytest.mark.parametrize("role", ["approver", "participant", "anonymous"])
def test_nobody_else_may_translate(world, role):
    client = Client()
    if world.user(role):
        client.force_login(world.user(role))
    response = _translate_in_admin(client, world.standard_page, "fi")
    assert response.status_code in (302, 403)
    assert not world.standard_page.get_translations().exists()
