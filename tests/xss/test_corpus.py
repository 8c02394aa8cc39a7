"""The payload corpus itself: big enough, well-formed, every payload traceable, the classics present."""

from __future__ import annotations

import pytest

from tests.xss.harness import MAX_LENGTH, TOKEN, Tokens, decode_line, find_tokens, load_payloads

PAYLOADS = load_payloads()

# Each kind of attack must stay in the corpus (case-insensitive substrings of at least one payload).
REQUIRED = [
    "<script>",
    "<script src=data:",
    "onerror=",
    "<svg onload",
    "ontoggle=",
    "onfocus=",
    "onbegin=",
    "<body onload",
    "<iframe",
    "<details",
    "<video",
    "<audio",
    "<marquee",
    "javascript:",
    "vbscript:",
    "data:text/html",
    "xlink:href",
    "formaction",
    "srcdoc",
    "<object",
    "<embed",
    "&#106;",
    "&#x6a;",
    "\\u00",
    "`",
    "</textarea>",
    "</title>",
    "</script>",
    "</style>",
    "</noscript>",
    "expression(",
    "url(javascript",
    'url("javascript',
    "<math><mtext><table><mglyph><style>",
    '<noscript><p title="</noscript>',
    "{{constructor.constructor(",
    'http-equiv="refresh"',
    "<base href",
    "<form action",
    "<meta",
    "<!--",
    "<![cdata[",
    '" autofocus onfocus',
    "' autofocus onfocus",
]


def test_there_are_at_least_150_payloads():
    assert len(PAYLOADS) >= 150


def test_ids_are_digits_and_unique_and_texts_unique():
    assert len({p.id for p in PAYLOADS}) == len(PAYLOADS)
    assert all(p.id.isdigit() and len(p.id) == 4 for p in PAYLOADS)
    duplicates = sorted({p.text for p in PAYLOADS if [q.text for q in PAYLOADS].count(p.text) > 1})
    assert not duplicates


def test_every_payload_carries_its_token_and_fits_a_title():
    tokens = Tokens()
    for payload in PAYLOADS:
        assert TOKEN in payload.text, f"{payload.label} cannot be traced: no {TOKEN} token"
        placed = tokens.place(payload, "a field")
        assert TOKEN not in placed
        assert len(placed) <= MAX_LENGTH, f"{payload.label} is {len(placed)} characters once placed"
        assert "\x00" not in placed  # PostgreSQL refuses NUL in text
        assert find_tokens(placed, tokens.labels), f"{payload.label}: its id cannot be found again"


@pytest.mark.parametrize("needle", REQUIRED)
def test_the_classics_are_covered(needle):
    assert any(needle.lower() in p.text.lower() for p in PAYLOADS), f"no payload contains {needle!r}"


def test_the_escape_convention():
    assert decode_line(r"<script\n>") == "<script\n>"
    assert decode_line(r"a\tb\rc\fd") == "a\tb\rc\fd"
    assert decode_line(r"\u0061lert") == r"\u0061lert"  # JavaScript escapes are kept
    assert decode_line(r"\\n") == "\\n"
    assert decode_line(r"\#{7*7}") == "#{7*7}"
    assert any("\n" in p.text for p in PAYLOADS)
    assert any("\t" in p.text for p in PAYLOADS)
