"""Easy-to-read Swedish (lättläst) on a consultation, its open-input form and its minutes: written by
staff on the page, published with it, linked from it, marked up as what it is (sakrad/easy_read.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from open_input.models import OpenInputPeriod
from tests.factories import ConsultationPageFactory, MinutesPageFactory
from tests.utils import html, text_of, translated
from tests.xss.harness import load_payloads

pytestmark = pytest.mark.django_db

EASY = "<h2>Vad är ett sakråd?</h2><p>Ett sakråd är ett möte. Föreningar säger vad de tycker.</p>"
KINDS = ["consultation", "minutes", "open_input"]
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


@pytest.fixture
def consultation(index, now):
    return ConsultationPageFactory(
        parent=index, title="Sakråd om unga", date=now.date() - dt.timedelta(days=5)
    )


@pytest.fixture
def period(consultation, now):
    return OpenInputPeriod.objects.create(
        consultation=consultation, opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(days=9)
    )


def carrier(kind: str, consultation, period, **fields):
    """The page whose easy-to-read version `kind` is, with `fields` set and published."""
    if kind == "minutes":
        return MinutesPageFactory(parent=consultation, title="Minnesanteckningar om unga", **fields)
    if fields:
        names = {"easy_read_body": "easy_read_open_input"} if kind == "open_input" else {}
        for name, value in fields.items():
            setattr(consultation, names.get(name, name), value)
        consultation.save_revision().publish()
    return consultation


def urls(kind: str, page) -> tuple[str, str]:
    """(the original, its easy-to-read version)."""
    if kind == "open_input":
        return reverse("open_input:form", args=[page.pk]), reverse("open_input:easy_read", args=[page.pk])
    return page.url, f"{page.url}lattlast/"


def head_links(document):
    return document.select('head link[rel="alternate"][title="Lättläst"]')


@pytest.mark.parametrize("kind", KINDS)
def test_without_a_version_there_is_no_link_and_no_page(client, consultation, period, kind):
    page = carrier(kind, consultation, period)
    original, easy = urls(kind, page)
    document = html(client.get(original))
    assert not document.select(".easy-read-link") and not head_links(document)
    assert client.get(easy).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_the_version_is_linked_from_the_page_and_marked_up_as_easy_to_read(
    client, consultation, period, kind
):
    page = carrier(kind, consultation, period, easy_read_body=EASY)
    original, easy = urls(kind, page)
    document = html(client.get(original))
    visible = document.select_one(".page-header .easy-read-link a")
    assert visible["href"] == easy and visible["hreflang"] == "sv"
    assert text_of(visible) == translated("Easy-to-read Swedish", "sv")
    [head] = head_links(document)
    assert head["href"] == easy and head["hreflang"] == "sv"

    response = client.get(easy)
    assert response.status_code == 200
    version = html(response)
    article = version.select_one("main article.easy-read")
    assert article["lang"] == "sv"
    assert article.select_one('meta[itemprop="accessibilityFeature"]')["content"] == "simplifiedLanguage"
    assert article.select_one('meta[itemprop="inLanguage"]')["content"] == "sv"
    assert text_of(article.select_one(".page-header__kicker")).startswith("Lättläst")
    assert text_of(article.select_one("h1")) == page.title
    assert "Ett sakråd är ett möte." in text_of(article.select_one(".easy-read__body"))
    assert article.select_one('[itemprop="isBasedOn"]')["href"] == original
    assert not head_links(version)  # the version does not point at itself


@pytest.mark.parametrize("kind", KINDS)
def test_under_english_the_version_is_still_marked_swedish(client, consultation, period, kind):
    page = carrier(kind, consultation, period, easy_read_body=EASY)
    _original, easy = urls(kind, page)
    version = html(client.get(f"/en{easy}"))
    assert version.html["lang"] == "en"
    article = version.select_one("article.easy-read")
    assert article["lang"] == "sv"
    assert article.select_one(".easy-read__original")["lang"] == "en"  # the interface's one sentence


@pytest.mark.parametrize("kind", ["consultation", "minutes"])
def test_a_draft_version_stays_private_until_published_and_shows_in_the_preview(
    client, consultation, period, kind
):
    page = carrier(kind, consultation, period)
    page.easy_read_body = EASY
    page.save_revision()  # a draft, as "Save draft" in the editor, or minutes awaiting approval
    original, easy = urls(kind, page)
    assert client.get(easy).status_code == 404
    assert not html(client.get(original)).select(".easy-read-link")

    draft = page.get_latest_revision_as_object()
    preview = draft.make_preview_request(preview_mode="easy_read")
    assert preview.status_code == 200
    assert "Ett sakråd är ett möte." in preview.render().content.decode()

    ordinary = draft.make_preview_request().render().content.decode()  # the page's own preview still works
    assert draft.title in ordinary and "Ett sakråd är ett möte." not in ordinary

    page.get_latest_revision().publish()
    assert client.get(easy).status_code == 200


def test_the_open_input_version_is_previewed_with_the_consultation(consultation, period):
    consultation.easy_read_open_input = "<p>Svara på frågorna. Du behöver inget konto.</p>"
    consultation.save_revision()
    draft = consultation.get_latest_revision_as_object()
    assert ("easy_read_open_input", translated("Easy-to-read Swedish: open input", "sv")) in [
        (mode, str(label)) for mode, label in draft.preview_modes
    ]
    preview = draft.make_preview_request(preview_mode="easy_read_open_input").render()
    assert "Du behöver inget konto." in preview.content.decode()


def test_the_open_input_version_needs_a_public_period(client, consultation):
    consultation.easy_read_open_input = EASY
    consultation.save_revision().publish()
    assert client.get(reverse("open_input:easy_read", args=[consultation.pk])).status_code == 404


@pytest.mark.search_index
def test_search_finds_the_easy_to_read_text(client, consultation, period, reindex):
    minutes = carrier(
        "minutes", consultation, period, easy_read_body="<p>Fritidsgårdarna behöver pengar.</p>"
    )
    carrier("consultation", consultation, period, easy_read_body="<p>Föreningarna vill ha lokaler.</p>")
    reindex()
    titles = lambda word: {  # noqa: E731
        text_of(node) for node in html(client.get(reverse("search"), {"q": word})).select(".card__title")
    }
    assert minutes.title in titles("Fritidsgårdarna")
    assert consultation.title in titles("lokaler")


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_in_the_version_is_sanitised(client, consultation, period, kind):
    """Rich text is stored as HTML: an import, or an old revision, could hold anything."""
    payloads = load_payloads()
    hostile = "".join(f"<p>{payload.render()}</p>" for payload in payloads) + "<p>Vanlig text finns kvar.</p>"
    page = carrier(kind, consultation, period, easy_read_body=hostile)
    response = client.get(urls(kind, page)[1])
    assert response.status_code == 200
    body = html(response).select_one(".easy-read__body")
    assert "Vanlig text finns kvar." in text_of(body)
    assert not body.find_all(["script", "iframe", "object", "embed", "svg", "math", "style", "form", "img"])
    for element in body.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on") or name == "style"]
        for name in ("href", "src", "action", "formaction"):
            assert not SCRIPT_URL.match(element.get(name, "")), element


@pytest.mark.parametrize("kind", ["consultation", "minutes"])
def test_staff_write_it_in_a_tab_of_its_own_in_the_editor(client, consultation, period, kind):
    from tests.minutes.workflow_helpers import staff

    organiser, _approver = staff()
    page = carrier(kind, consultation, period)
    client.force_login(organiser)
    editor = html(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    tabs = [text_of(tab) for tab in editor.select('[role="tab"]')]
    assert any(tab.startswith(translated("Easy-to-read Swedish", "sv")) for tab in tabs), tabs
    assert editor.select_one('[name="easy_read_body"]') is not None
    fields = {"easy_read_open_input"} if kind == "consultation" else set()
    assert fields <= {node["name"] for node in editor.select("[name^=easy_read_]")}
