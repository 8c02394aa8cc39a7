"""Every payload of tests/xss/payloads.txt through every staff-entered field that reaches a public page.

Fields and where they show (templates/):
- repeatable, one payload per entry, on a "carrier" consultation: agenda item text and description
  and its speakers, discussion question text and sub-questions, theme name (also in the cards and
  the index filter's <select>), invited organisation name, speaker name, title, affiliation and role,
  host and press contact, recording title, URL and description, body headings;
- one-value fields, payloads packed a few per field: consultation title (<title>, h1, breadcrumbs,
  cards, minutes), search description (<meta>), introduction, venue name and address, ministry and
  unit, online link; minutes title, SEO title, search description, summary and heading; the site
  name (every page); a menu page's title (every page's navigation) and introduction; the
  consultation index introduction;
- rich text (stored as HTML, so stored raw here: the worst case of a bad import): the home page
  introduction, the body paragraphs of a consultation, minutes and a standard page, and the
  easy-to-read versions of the consultation and the minutes.

Each payload is placed under its own id per field (tests/xss/harness.py `Tokens`), so a failure
names the payload and the field. Every page is first rendered by Django's test client: a 500 from
odd input fails with its traceback, and every stored placement must show on some page (a field a
template stops showing cannot leave the test passing while testing nothing). Then each page is
loaded in Chromium under our real CSP (hook, dialogs, CSP violations, dangerous DOM, navigation,
foreign requests); the pages carrying many payloads are loaded once more with CSP bypassed, to show
that escaping holds on its own, not only because the policy blocks script.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from consultations.models import ConsultationIndexPage, ConsultationPage
from organisations.models import Organisation
from tests.xss import content
from tests.xss.harness import Tokens, assert_no_script_runs, find_tokens, load_payloads, scan

PAYLOADS = load_payloads()
# Payloads per site built and walked: building the site and loading its pages is what costs, so every
# payload in one site while they fit the agenda's times (one a minute from 09:00: at most 900).
CHUNK = 300
CHUNKS = [PAYLOADS[start : start + CHUNK] for start in range(0, len(PAYLOADS), CHUNK)]
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
HARMLESS = next(p for p in PAYLOADS if p.text.startswith("Helt vanlig text"))

# Fields every payload of a chunk goes through (a few more take one payload each: site name, host...).
EVERY_PAYLOAD_IN = {
    "consultation title",
    "consultation search description (meta)",
    "consultation introduction",
    "venue name",
    "venue address",
    "online link",
    "organising ministry",
    "organising unit",
    "agenda item",
    "agenda item description",
    "discussion question text",
    "sub-question",
    "theme name",
    "organisation name",
    "person name",
    "person title",
    "speaker role",
    "recording title",
    "recording url",
    "recording description",
    "body heading",
    "minutes title",
    "minutes SEO title (<title>)",
    "minutes summary",
    "minutes heading",
    "consultation index introduction",
    "standard page introduction",
}

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("quiet_indexes")]


@pytest.fixture
def long_listings(monkeypatch):
    """All consultations on one listing page, so one visit shows every title and introduction."""
    monkeypatch.setattr(ConsultationIndexPage, "page_size", 1000)


def _render_all(urls: list[str], tokens: Tokens, expected: dict[str, str]) -> None:
    """Every page answers 200 to Django's test client, and each expected placement shows on one of them
    (a field a template stops showing would otherwise leave the test passing while testing nothing)."""
    client = Client()
    html = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        html.append(response.content.decode())
    shown = set(find_tokens("\n".join(html), tokens.labels))
    unseen = sorted(label for token, label in expected.items() if token not in shown)
    assert not unseen, f"{len(unseen)} stored payloads are on none of the pages:\n" + "\n".join(unseen[:40])


def _scan_all(tab, urls: list[str], tokens: Tokens, *, guarded: bool) -> list[str]:
    reports = []
    for url in urls:
        result = scan(tab, url, tokens, settle_ms=40, require_csp=guarded)
        if not result.ok:
            reports.append(("[with our CSP] " if guarded else "[CSP bypassed] ") + result.report())
    return reports


@pytest.mark.parametrize(
    "chunk", range(len(CHUNKS)), ids=lambda n: f"payloads-{CHUNKS[n][0].id}-{CHUNKS[n][-1].id}"
)
def test_payloads_in_plain_text_fields_never_run(page, unguarded_page, long_listings, chunk):
    payloads = CHUNKS[chunk]
    tokens = Tokens()
    site = content.build_site(
        site_name=tokens.place(payloads[-1], "site name"),
        index_intro="\n\n".join(tokens.place(p, "consultation index introduction") for p in payloads),
    )
    carrier = content.carrier(site, payloads, tokens, slug=f"barare-{chunk}")
    singles = content.packed_pages(site, payloads, tokens, prefix=f"sakrad-{chunk}")
    menu = content.menu_page(site, payloads, tokens, slug="om-sakrad")
    theme = carrier.themes.first()

    many = [carrier.url, site.index.url]  # the pages carrying every payload
    urls = [*many, site.home.url, f"{site.index.url}?theme={theme.slug}", menu.url]
    if chunk == 0:
        urls.append(f"/en{carrier.url}")  # the English interface: the same fields, other templates' paths
    for consultation, minutes in singles:
        urls += [consultation.url, minutes.url]

    _render_all(urls, tokens, expected=tokens.stored())
    reports = _scan_all(page, urls, tokens, guarded=True) + _scan_all(
        unguarded_page, many, tokens, guarded=False
    )
    assert not reports, "\n\n".join(reports)
    missing = {p.id: EVERY_PAYLOAD_IN - tokens.places.get(p.id, set()) for p in payloads}
    assert not any(missing.values()), f"payloads not placed in every field: {missing}"


def test_payloads_in_rich_text_never_run(page, unguarded_page):
    """Rich text is stored as HTML: what an import puts there must still not reach the DOM as script."""
    tokens = Tokens()
    site = content.build_site(
        home_intro="\n".join(tokens.place(p, "home page introduction") for p in PAYLOADS)
    )
    pages = content.rich_text_pages(site, PAYLOADS, tokens)
    # The easy-to-read versions (issue 21) are rich text too, at each page's lattlast/.
    easy_read = [f"{rich.url}lattlast/" for rich in pages if getattr(rich, "has_easy_read", False)]
    urls = [rich.url for rich in pages] + easy_read
    # A sanitiser may drop much of the markup, but not plain text: the harmless payload must show.
    plain = {token: label for token, label in tokens.labels.items() if token.startswith(HARMLESS.id)}
    _render_all(urls, tokens, expected=plain)
    reports = _scan_all(page, urls, tokens, guarded=True) + _scan_all(
        unguarded_page, urls, tokens, guarded=False
    )
    assert not reports, "\n\n".join(reports)


def _is_script_url(text: str) -> bool:
    squeezed = "".join(char for char in text if char > " ").lower()
    return squeezed.startswith(SCRIPT_SCHEMES)


SCRIPT_URL_PAYLOADS = [payload for payload in PAYLOADS if _is_script_url(payload.render())]


@pytest.mark.django_db
def test_script_urls_are_refused_by_every_url_field():
    """javascript:, vbscript: and data: URLs can never be saved where a template renders them as href."""
    assert len(SCRIPT_URL_PAYLOADS) >= 8
    accepted = []
    for payload in SCRIPT_URL_PAYLOADS:
        value = payload.render()
        checks = {
            "consultation online link": content.field_accepts(ConsultationPage, "online_link", value),
            "recording URL (block)": content.recording_url_accepted(value),
            "organisation website": content.field_accepts(Organisation, "website", value),
        }
        accepted += [f"{where}: {value!r}" for where, ok in checks.items() if ok]
    assert not accepted, "script URLs accepted:\n" + "\n".join(accepted)


@pytest.mark.django_db
def test_a_live_page_with_a_script_online_link_is_not_saved():
    """Page.save() validates live pages: an import through the ORM cannot store one either."""
    site = content.build_site()
    page = content._consultation(
        title="Länk", slug="lank", format="digital", online_link="javascript:alert(1)"
    )
    with pytest.raises(ValidationError) as error:
        site.index.add_child(instance=page)
    assert "online_link" in error.value.message_dict
    assert not ConsultationPage.objects.filter(slug="lank").exists()


@pytest.mark.django_db
def test_a_live_page_with_a_script_recording_url_is_not_saved():
    """The same for a recording's URL, which lives in a StreamField: the admin form checks it, but
    Page.save() must too, or an import stores <a href="javascript:..."> on the public page."""
    site = content.build_site()
    recordings = content._stream(
        [("recording", {"title": "Inspelning", "url": "javascript:alert(1)", "description": ""})]
    )
    page = content._consultation(title="Inspelning", slug="inspelning", recordings=recordings)
    with pytest.raises(ValidationError):
        site.index.add_child(instance=page)
    assert not ConsultationPage.objects.filter(slug="inspelning").exists()


def test_the_plain_helper_accepts_a_list_of_payloads(page):
    """The entry point later input paths call: payloads placed once each under their own id."""
    site = content.build_site(index_intro="\n\n".join(p.render() for p in PAYLOADS[:20]))
    assert_no_script_runs(page, site.index.url, PAYLOADS[:20])
