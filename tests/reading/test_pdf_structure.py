"""The minutes PDFs are accessible documents: the public one tagged PDF/UA-1 in the language it is
served in, the archive's copy tagged PDF/A-2a. Made by WeasyPrint for real and read back with pypdf:
the structure tree holds the HTML's headings, lists and tables, the document has its language and
title, and its text reads in the order of the web page."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from io import StringIO
from unittest import mock
from xml.sax.saxutils import escape

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from minutes import pdf as minutes_pdf
from minutes.models import MinutesPage
from minutes.reading import minutes_page_details
from records import pdf as records_pdf
from tests.reading.conftest import presentation, question_record
from tests.utils import html, text_of, url_in

# What the PDF says, not how its minutes were stored: the first pass (SQLite) shows it.
pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

LANGUAGES = ["sv", "en"]


def open_input(age_bands: dict[str, int]) -> dict:
    """The open-input block: its age bands are the minutes' table (th scope=col and scope=row)."""
    return {
        "type": "open_input",
        "value": {
            "answer_count": 3,
            "respondent_count": 2,
            "age_bands": [{"label": label, "count": count} for label, count in age_bands.items()],
            "questions": [
                {
                    "question_number": 1,
                    "question": "Hur kan samverkan stärkas?",
                    "answers": ["<p>Fler möten.</p>"],
                }
            ],
        },
    }


@pytest.fixture
def tabled(minutes):
    """The reading fixture's minutes with two questions, a presentation and open input's table."""
    minutes.body = [
        presentation("Inledning om det civila samhällets villkor"),
        question_record(1, ["Punkt om fritidsgårdar"], []),
        question_record(2, ["Punkt om skolan"], []),
        open_input({"13–17 år": 1, "18–25 år": 1}),
    ]
    minutes.save_revision().publish()
    minutes.takeaways.filter(sort_order=2).update(question_number=2)
    return MinutesPage.objects.get(pk=minutes.pk)


@dataclass
class Served:
    pdf: PdfReader
    source: BeautifulSoup  # the HTML the PDF was made from
    page: BeautifulSoup  # the minutes page on the web, in the same language


def served(page, language: str) -> Served:
    """The public PDF as the site serves it at …/pdf/ (Swedish) or /en/…/pdf/, made for real."""
    client = Client()
    with mock.patch.object(minutes_pdf, "render_pdf", wraps=minutes_pdf.render_pdf) as render:
        response = client.get(f"{url_in(page, language)}pdf/")
    assert response.status_code == 200
    assert render.call_count == 1
    return Served(
        pdf=PdfReader(io.BytesIO(response.content)),
        source=BeautifulSoup(render.call_args.args[0], "html.parser"),
        page=html(client.get(url_in(page, language))).find("article"),
    )


def archived(page, language: str = "sv") -> Served:
    """The archive's copy as records/services/archive_contents.py makes it, in the site's language."""
    with (
        translation.override(language),
        mock.patch.object(records_pdf, "render_pdf", wraps=records_pdf.render_pdf) as render,
    ):
        content = records_pdf.minutes_pdfa(page, details=minutes_page_details(page=page))
    source = BeautifulSoup(render.call_args.args[0], "html.parser")
    return Served(pdf=PdfReader(io.BytesIO(content)), source=source, page=None)


# Reading the PDF back.


def structure(reader: PdfReader) -> list[DictionaryObject]:
    """The structure elements in the tree's order (depth first, as a screen reader meets them)."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            found.append(node)
            walk(node.get("/K", ArrayObject()))

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return found


def roles(reader: PdfReader) -> list[str]:
    return [str(element["/S"])[1:] for element in structure(reader)]


def xmp(reader: PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


# What the HTML holds.


def heading_levels(soup: BeautifulSoup) -> list[str]:
    return [heading.name.upper() for heading in soup.find_all(re.compile(r"^h[1-6]$"))]


def in_reading_order(soup: BeautifulSoup) -> list[str]:
    """Headings and takeaway texts, in the page's order: takeaways show under their question and in
    the numbered list."""

    def wanted(tag) -> bool:
        if re.fullmatch(r"h[1-6]", tag.name):
            return True
        item = tag.parent
        return (
            tag.name == "span"
            and item.name == "li"
            and tag is item.find("span")
            and (
                "minutes-question__takeaways" in item.parent.get("class", [])
                or item.get("id", "").startswith("medskick-")
            )
        )

    return [text_of(tag) for tag in soup.find_all(wanted)]


# The checks, for any published minutes.


def assert_tagged(document: Served, *, language: str, title: str) -> None:
    reader, catalog = document.pdf, document.pdf.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == language
    assert reader.metadata.title == title
    assert f'<rdf:li xml:lang="x-default">{escape(title)}</rdf:li>' in xmp(reader)
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert all(page["/Tabs"] == "/S" for page in reader.pages), "tab order follows the structure"


def assert_structure_as_html(document: Served) -> None:
    found, source = roles(document.pdf), document.source
    assert [role for role in found if re.fullmatch(r"H[1-6]", role)] == heading_levels(source)
    # Every ul/ol is a list whose items are LI (with a label and a body); a dl would not be.
    assert not source.find("dl"), "a dl is tagged as one list item per term and per description"
    assert found.count("L") == len(source.find_all(["ul", "ol"]))
    assert found.count("LI") == len(source.select("ul > li, ol > li"))
    assert found.count("LBody") == found.count("LI")
    # One list is one L, though it is set in columns or runs onto the next page.
    for element in structure(document.pdf):
        if element["/S"] == "/L":
            items = [kid.get_object() for kid in element["/K"]]
            assert {str(kid.get("/S")) for kid in items} == {"/LI"}, "a list holds its items only"
    tables = source.find_all("table")
    assert found.count("Table") == len(tables)
    assert found.count("Caption") == len(source.find_all("caption")) == len(tables)
    assert found.count("TR") == len(source.find_all("tr"))
    assert found.count("TH") == len(source.find_all("th"))
    assert found.count("TD") == len(source.find_all("td"))
    assert all(header.get("scope") in ("col", "row") for header in source.find_all("th"))


def assert_reads_in_order(document: Served) -> None:
    text = pdf_text(document.pdf)
    expected = in_reading_order(document.page)
    assert len(expected) > 3
    position = 0
    for words in expected:
        found = text.find(words, position)
        assert found >= 0, f"{words!r} is not in the PDF after {text[max(0, position - 60) : position]!r}"
        position = found + len(words)


# The public PDF.


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_public_pdf_is_pdf_ua_in_the_language_it_is_served_in(tabled, language):
    document = served(tabled, language)
    assert_tagged(document, language=language, title=tabled.title)
    assert 'pdfuaid:part="1"' in xmp(document.pdf)
    assert "pdfaid:" not in xmp(document.pdf)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_structure_tree_holds_the_headings_lists_and_tables(tabled, language):
    document = served(tabled, language)
    assert_structure_as_html(document)
    found = roles(document.pdf)
    assert found.count("H1") == 1
    assert {"H2", "H3", "Sect", "P", "Link", "Lbl"} <= set(found)
    # The meeting's facts and open input's age bands, each data cell naming its header cells.
    assert found.count("Table") == 2
    cells = [element for element in structure(document.pdf) if element["/S"] == "/TD"]
    assert cells and all(cell["/A"]["/Headers"] for cell in cells)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_reads_in_the_order_of_the_web_page(tabled, language):
    document = served(tabled, language)
    assert_reads_in_order(document)
    expected = in_reading_order(document.page)
    assert "Medskick nummer 2" in expected and "2. Hur kan samverkan stärkas, fråga 2?" in expected


def test_swedish_text_in_the_english_pdf_says_it_is_swedish(tabled):
    # The interface is English, the minutes are written in Swedish: a screen reader must switch voice.
    elements = structure(served(tabled, "en").pdf)
    (title,) = [element for element in elements if element["/S"] == "/H1"]
    assert title["/Lang"] == "sv"
    english = [element for element in elements if element["/S"] == "/H2" and "/Lang" not in element]
    assert english, "the English headings keep the document's language"


def test_the_swedish_pdf_marks_no_part_as_another_language(tabled):
    elements = structure(served(tabled, "sv").pdf)
    assert not [element for element in elements if "/Lang" in element]


# The archive's copy.


def test_the_archive_copy_is_pdf_a_and_tagged(tabled):
    document = archived(tabled)
    assert_tagged(document, language="sv", title=tabled.title)
    assert_structure_as_html(document)
    metadata = xmp(document.pdf)
    assert 'pdfaid:part="2"' in metadata
    assert 'pdfaid:conformance="A"' in metadata
    assert "/OutputIntents" in document.pdf.trailer["/Root"], "PDF/A needs its colour profile"
    assert "Medskick nummer 2" in pdf_text(document.pdf)


# The demo's minutes.


@pytest.fixture
def demo_minutes(db):
    call_command("seed_demo", stdout=StringIO())
    return MinutesPage.objects.live().public().get()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_minutes_pdf_is_accessible(demo_minutes, language):
    document = served(demo_minutes, language)
    assert_tagged(document, language=language, title=demo_minutes.listing_title)
    assert_structure_as_html(document)
    assert_reads_in_order(document)
