"""The XSS harness can fail: each of its signals fires on a deliberately vulnerable page, names the
payload that caused it, and stays quiet on a clean one.

The pages are served by Playwright's router on a made-up origin, with or without our CSP: no
server and no database are needed.
"""

from __future__ import annotations

import pytest

from tests.xss.harness import Payload, Tokens, load_payloads, scan

STRICT_CSP = "default-src 'self'; script-src 'self' 'nonce-abc123'; style-src 'self'; base-uri 'self'"
CLEAN = "<!DOCTYPE html><html><head><title>Ren</title><script nonce='abc123'>var ok = 1;</script></head>"


ORIGIN = "http://harness.test"


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def serve(page):
    """serve(body, csp=True) -> the URL of a page with that body on the live server's origin."""
    pages: dict[str, tuple[str, bool]] = {}

    def handle(route):
        url = route.request.url
        if url in pages:
            body, csp = pages[url]
            headers = {"content-type": "text/html; charset=utf-8"}
            if csp:
                headers["content-security-policy"] = STRICT_CSP
            route.fulfill(status=200, headers=headers, body=body)
        else:
            route.fulfill(status=404, body="")

    page.route(f"{ORIGIN}/**", handle)

    def add(body: str, *, csp: bool = True) -> str:
        url = f"{ORIGIN}/harness-test/{len(pages)}.html"
        pages[url] = (CLEAN + "<body>" + body + "</body></html>", csp)
        return url

    return add


def _kinds(result) -> set[str]:
    return {finding.kind for finding in result.findings}


def test_a_clean_page_passes(page, serve):
    result = scan(page, serve("<p>Hej &lt;script&gt;</p><a href='/sakrad/'>x</a>"), {})
    assert result.ok, result.report()


def test_an_event_handler_under_csp_is_a_violation_and_dangerous_dom(page, serve):
    payload = Payload(id="1001", text="<img src=x onerror=__xss(XSS)>")
    result = scan(page, serve(payload.render()), [payload])
    assert {"csp-violation", "dom"} <= _kinds(result), result.report()
    assert "hook" not in _kinds(result)  # CSP blocked it: the violation is what tells
    assert set(result.culprits()) == {"1001"}


def test_script_that_runs_calls_the_hook_and_opens_dialogs(page, serve):
    tokens = Tokens()
    hook, dialog = (
        Payload("1002", "<script>__xss(XSS)</script>"),
        Payload("1003", "<script>alert(XSS)</script>"),
    )
    url = serve(tokens.place(hook, "a field") + tokens.place(dialog, "another field"), csp=False)
    result = scan(page, url, tokens, require_csp=False)
    assert {"hook", "dialog"} <= _kinds(result), result.report()
    assert {label.split(" in ")[-1] for label in result.culprits().values()} == {"a field", "another field"}


def test_script_urls_and_frames_are_found_without_clicking(page, serve):
    payloads = [
        Payload("1004", "<a href='java&#x09;script:__xss(XSS)'>x</a>"),
        Payload("1005", "<iframe srcdoc='XSS'></iframe>"),
        Payload("1006", "<form action='https://xss.invalid/XSS'><button>x</button></form>"),
        Payload("1007", "<svg><a><animate attributeName=href values=javascript:alert(XSS) /></a></svg>"),
    ]
    result = scan(page, serve("".join(p.render() for p in payloads)), payloads)
    assert set(result.culprits()) == {"1004", "1005", "1006", "1007"}, result.report()


def test_navigating_away_is_found(page, serve):
    target = serve("<p>elsewhere</p>")
    payload = Payload("1008", f"<meta http-equiv=refresh content='0;url={target}?XSS'>")
    result = scan(page, serve(payload.render()), [payload], settle_ms=400)
    assert "navigation" in _kinds(result), result.report()


def test_a_missing_policy_is_reported(page, serve):
    result = scan(page, serve("<p>ok</p>", csp=False), {})
    assert _kinds(result) == {"http"}, result.report()


def test_the_report_names_payload_and_place(page, serve):
    tokens = Tokens()
    payload = load_payloads()[0]
    result = scan(page, serve(tokens.place(payload, "the agenda item")), tokens)
    assert not result.ok
    assert "payload 1001" in result.report() and "in the agenda item" in result.report()
