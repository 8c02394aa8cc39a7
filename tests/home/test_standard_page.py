"""Plain content pages (about, accessibility statement…)."""

import pytest

from tests.factories import StandardPageFactory, paragraph
from tests.utils import h1, html, text_of, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(
        parent=home,
        title="Om sakråden",
        introduction="Så arbetar departementet med civilsamhället.",
        body=[paragraph("<p>Sakråden planeras i en <b>årscykel</b> tillsammans med SKR.</p>")],
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_standard_page_renders_title_introduction_and_body(client, about, language):
    response = client.get(url_in(about, language))
    document = html(response)
    assert document.html["lang"] == language
    assert h1(document) == about.title
    main = text_of(document.find("main"))
    assert about.introduction in main
    assert "Sakråden planeras i en årscykel tillsammans med SKR." in main
    assert document.select_one("main b").get_text() == "årscykel"


def test_nested_standard_page(client, about):
    child = StandardPageFactory(parent=about, title="Tillgänglighet")
    assert child.url.startswith(about.url)
    assert h1(html(client.get(child.url))) == child.title


def test_a_draft_standard_page_is_not_public(client, home):
    draft = StandardPageFactory(parent=home, title="Opublicerad sida", publish=False)
    assert client.get(f"{home.url}{draft.slug}/").status_code == 404


def test_a_page_shown_in_menus_appears_in_the_main_menu(client, home, about):
    about.show_in_menus = True
    about.save_revision().publish()
    document = html(client.get(home.url))
    assert document.select_one(f'nav a[href="{about.url}"]')
