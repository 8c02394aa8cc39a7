"""The public minutes page: everything a reader needs, accessible, printable, in fixed queries."""

import pytest

from tests.reading.conftest import build_minutes
from tests.reading.page_types import queries_for
from tests.utils import h1, html, text_of, url_in

pytestmark = pytest.mark.django_db


def test_minutes_page_shows_the_record(client, minutes, held):
    document = html(client.get(minutes.url))
    main = text_of(document.find("main"))
    assert h1(document) == minutes.title
    assert "Arbetsmarknadsdepartementet" in main
    assert held.date.strftime("%Y") in main
    for n in range(3):
        assert f"Organisation {minutes.title} {n}" in main
        assert f"Punkt {n} om fritidsgårdar" in main
        assert f"Medskick nummer {n}" in main
        assert f"Departementet har gjort åtgärd {n}." in main
    assert "Inledning om det civila samhällets villkor" in main
    follow_up = minutes.follow_ups.order_by("sort_order").first()
    section = document.find(id=f"uppfoljning-{follow_up.pk}")
    answers = [a["href"] for a in section.select("a[href^='#medskick-']")]
    assert answers == [f"#medskick-{t.pk}" for t in follow_up.answers.order_by("sort_order")]
    for href in answers:
        assert document.find(id=href[1:]), "each answered takeaway is on the page"


def test_headings_are_in_order(client, minutes):
    document = html(client.get(minutes.url))
    levels = [int(tag.name[1]) for tag in document.find("main").find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"a heading level is skipped: {levels}"


def test_english_interface_marks_swedish_content(client, minutes):
    document = html(client.get(url_in(minutes, "en")))
    assert document.html["lang"] == "en"
    assert document.find("h1")["lang"] == "sv"
    assert document.select_one(".org-list")["lang"] == "sv"


def test_print_stylesheet_and_pdf_link(client, minutes):
    document = html(client.get(minutes.url))
    sheet = document.select_one('link[rel="stylesheet"][media="print"]')
    assert sheet and sheet["href"].endswith("css/print.css")
    link = document.select_one(f'main a[href="{minutes.url}pdf/"]')
    assert link is not None


def test_print_css_hides_the_site_chrome_and_shows_link_urls():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert "@media print" in css
    for selector in (".skip-link", ".site-header", ".main-nav", ".site-footer"):
        assert selector in css
    assert "attr(href)" in css


def test_minutes_page_renders_in_a_fixed_number_of_queries(client, index, held):
    from tests.factories import ConsultationPageFactory

    other = ConsultationPageFactory(parent=index, title="Ett annat sakråd", date=held.date)
    small = build_minutes(held, size=3, title="Små anteckningar")
    large = build_minutes(other, size=30, title="Stora anteckningar")
    small_queries = queries_for(client, small.url)
    large_queries = queries_for(client, large.url)
    # The count itself is in tests/reading/page_types.py (on the test world's minutes).
    assert len(small_queries) == len(large_queries), "queries grew with the data:\n" + "\n".join(
        large_queries
    )
