"""XSS harness: a payload corpus and a Chromium check that none of it runs or lands in the DOM.

Reusable for any input path (consultation fields today; participant notes, minutes and open input
later): put payloads into whatever stores text, then point `assert_no_script_runs` at the URL that
shows it.

    payloads = load_payloads()
    tokens = Tokens()
    note.text = tokens.place(payloads[0], "note text")   # or payload.render() for a single place
    ...
    assert_no_script_runs(page, url, tokens)             # or (page, url, payloads)

Five independent signals, each reported with the payload (and place) that caused it:

1. the hook: every executing payload calls `__xss(id)`, defined by an init script before any page
   script, non-writable so markup cannot clobber it; calls are reported live to Python (survive a
   navigation) and read back from `window.__xss_hits`;
2. dialogs: `alert(id)`, `confirm`, `prompt` are recorded and dismissed;
3. CSP violations: our policy (nonces, no 'unsafe-inline') blocks injected inline script in the
   browser, which would hide an escaping failure from 1 and 2. A `securitypolicyviolation` event or
   a "Refused to ..." console message therefore counts as a failure: it means our HTML carried script
   we did not write;
4. dangerous DOM, without clicking anything: on* attributes, javascript:/vbscript:/data: URLs in
   href/src/action/formaction/xlink:href/data/..., scripts without our nonce or a same-origin src,
   iframe/object/embed, <base>, meta refresh, off-site forms and stylesheets, inline <style>, CSS
   expression()/url() in style attributes, SVG animations that rewrite href or on* attributes;
5. side effects: the page navigating away (meta refresh, javascript: URLs), popups, requests to
   other origins or to script schemes (other origins are aborted, never waited on).

A scan also checks the response status (200 unless told otherwise) and, unless told not to, that the
response carries a CSP whose script-src has no 'unsafe-inline'. Use `scan` for the findings without
asserting (the harness's own tests do), `assert_no_script_runs` in tests.

Ids are all digits so a payload can call `__xss(XSS)` unquoted: a payload's own id is 1000 + its
position (4 digits); `Tokens.place` gives a 7-digit id per (payload, place) so a report can say
"payload 1049 in the agenda item description".
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

PAYLOADS_FILE = Path(__file__).with_name("payloads.txt")
TOKEN = "XSS"
FIRST_ID = 1001
MAX_LENGTH = 240  # after substitution (7-digit ids): every payload fits a 255-character title
STATIC_PREFIX = "/static/"

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "f": "\f", "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\([nrtf\\])")
_ID_RE = re.compile(r"(?<![0-9])([1-9][0-9]{3}(?:[0-9]{3})?)(?![0-9])")


@dataclass(frozen=True)
class Payload:
    id: str  # "1001", "1002", ...: all digits, usable unquoted in JavaScript
    text: str  # decoded, still carrying the XSS token

    def render(self, token: str | None = None) -> str:
        """The payload with its token replaced (by its own id unless another token is given)."""
        return self.text.replace(TOKEN, token or self.id)

    @property
    def label(self) -> str:
        return f"payload {self.id} {self.text[:90]!r}"


def decode_line(line: str) -> str:
    """One line of payloads.txt to the payload it stands for (see the file's header)."""
    if line.startswith("\\#"):
        line = line[1:]
    return _ESCAPE_RE.sub(lambda match: _ESCAPES[match.group(1)], line)


def load_payloads(path: Path = PAYLOADS_FILE) -> list[Payload]:
    payloads = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        payloads.append(Payload(id=str(FIRST_ID + len(payloads)), text=decode_line(raw)))
    return payloads


class Tokens:
    """Unique ids for payloads placed in many fields at once, and what each id means."""

    def __init__(self):
        self.labels: dict[str, str] = {}
        self.places: dict[str, set[str]] = {}  # payload id -> where it was placed
        self.refused: set[str] = set()  # tokens of placements the field's validation turned away
        self._placed: dict[str, int] = {}

    def place(self, payload: Payload, where: str) -> str:
        count = self._placed.get(payload.id, 0) + 1
        if count > 999:
            raise ValueError(f"payload {payload.id} placed more than 999 times in one Tokens")
        self._placed[payload.id] = count
        token = f"{payload.id}{count:03d}"
        self.labels[token] = f"{payload.label} in {where}"
        self.places.setdefault(payload.id, set()).add(where)
        return payload.render(token)

    def refuse(self, placed: str, instead: str) -> str:
        """Mark a placed text as refused by its field (so it is not expected on any page); returns instead."""
        self.refused.update(find_tokens(placed, self.labels))
        return instead

    def stored(self) -> dict[str, str]:
        """The placements that went into the database: each should show on some page."""
        return {token: label for token, label in self.labels.items() if token not in self.refused}

    def __len__(self) -> int:
        return len(self.labels)


Labels = Tokens | Mapping[str, str] | Iterable[Payload]


def _labels(payloads: Labels) -> dict[str, str]:
    if isinstance(payloads, Tokens):
        return dict(payloads.labels)
    if isinstance(payloads, Mapping):
        return dict(payloads)
    return {payload.id: payload.label for payload in payloads}


def find_tokens(text: str, labels: Mapping[str, str]) -> list[str]:
    return [token for token in dict.fromkeys(_ID_RE.findall(text or "")) if token in labels]


# --------------------------------------------------------------------------- browser side

INIT_SCRIPT = r"""
(() => {
  if (window.__sakrad_xss_installed) return;
  Object.defineProperty(window, '__sakrad_xss_installed', {value: true});
  const report = (kind, detail) => {
    try { if (window.__sakrad_xss_report) window.__sakrad_xss_report(kind, detail); } catch (e) {}
  };
  const hits = [];
  Object.defineProperty(window, '__xss_hits', {value: hits, writable: false, configurable: false});
  const hook = function (id) {
    const value = String(id);
    hits.push(value);
    report('hook', value);
  };
  Object.defineProperty(window, '__xss', {value: hook, writable: false, configurable: false});
  const violations = [];
  Object.defineProperty(window, '__csp_violations', {value: violations});
  document.addEventListener('securitypolicyviolation', (event) => {
    let target = '';
    try {
      const node = event.target;
      if (node && node.nodeType === 1) {
        target = node.cloneNode(false).outerHTML.slice(0, 400) + ' ' + (node.textContent || '').slice(0, 200);
      }
    } catch (e) {}
    const detail = [
      'directive=' + event.effectiveDirective,
      'blocked=' + event.blockedURI,
      'sample=' + (event.sample || ''),
      'source=' + event.sourceFile + ':' + event.lineNumber,
      'element=' + target,
    ].join(' | ');
    violations.push(detail);
    report('csp-violation', detail);
  }, true);
})();
"""

DOM_SCAN = r"""
({allowEmbeds}) => {
  const findings = [];
  const origin = location.origin;
  // Browsers drop spaces and controls around and tabs/newlines inside a URL: so does the check.
  const invisible = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
  const clean = (value) => (value || '').replace(invisible, '').toLowerCase();
  const scriptish = /^(javascript|vbscript|livescript|mocha):/;
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster',
    'background', 'dynsrc', 'lowsrc', 'code', 'codebase', 'archive', 'cite', 'longdesc', 'usemap',
    'profile', 'manifest', 'ping', 'srcset', 'imagesrcset']);
  const embeds = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
    'fencedframe']);
  const sameOrigin = (value) => {
    try { return new URL(value, document.baseURI).origin === origin; } catch (e) { return false; }
  };
  const snippet = (el) => {
    let text = '';
    try { text = el.cloneNode(false).outerHTML; } catch (e) { text = '<' + el.localName + '>'; }
    if (['script', 'style'].includes(el.localName)) text += ' ' + (el.textContent || '');
    return text.slice(0, 500);
  };
  const flag = (el, why) => findings.push({why, html: snippet(el)});
  const visit = (el) => {
    const tag = (el.localName || '').toLowerCase();
    for (const attr of Array.from(el.attributes || [])) {
      const name = attr.name.toLowerCase();
      const value = clean(attr.value);
      if (name.startsWith('on')) flag(el, `event handler attribute ${name}`);
      if (urlAttributes.has(name) || name.endsWith(':href')) {
        if (scriptish.test(value) || (name === 'srcset' && /(javascript|vbscript):/.test(value))) {
          flag(el, `script URL in ${name}`);
        } else if (value.startsWith('data:') && !(name === 'src' && ['img', 'source'].includes(tag))) {
          flag(el, `data: URL in ${name}`);
        }
      }
      if (name === 'srcdoc') flag(el, 'srcdoc attribute');
      if (name === 'style' && /(expression|javascript:|vbscript:|behavior|binding|url\()/.test(value)) {
        flag(el, 'style attribute with expression()/url()');
      }
    }
    if (tag === 'script' && !el.nonce && !(el.getAttribute('src') && sameOrigin(el.getAttribute('src')))) {
      flag(el, 'script without our nonce or a same-origin src');
    }
    if (tag === 'style' && !el.nonce) flag(el, 'inline <style> element');
    if (embeds.has(tag) && !allowEmbeds) flag(el, `<${tag}> element`);
    if (tag === 'base') flag(el, '<base> element');
    if (tag === 'meta' && el.hasAttribute('http-equiv')) {
      const equiv = clean(el.getAttribute('http-equiv'));
      if (['refresh', 'set-cookie', 'content-security-policy'].includes(equiv) || !el.closest('head')) {
        flag(el, `meta http-equiv=${equiv}`);
      }
    }
    if (tag === 'link') {
      const rel = clean(el.getAttribute('rel'));
      const fetching = /(stylesheet|import|preload|prefetch|modulepreload|preconnect|prerender)/.test(rel);
      if (rel.includes('import') || (fetching && !sameOrigin(el.getAttribute('href') || ''))) {
        flag(el, `<link rel=${rel}> to another origin`);
      } else if (!el.closest('head')) {
        flag(el, '<link> outside <head>');
      }
    }
    if (tag === 'form' && el.hasAttribute('action') && !sameOrigin(el.getAttribute('action'))) {
      flag(el, 'form posting to another origin');
    }
    const formaction = el.getAttribute('formaction');
    if (['button', 'input'].includes(tag) && formaction !== null && !sameOrigin(formaction)) {
      flag(el, 'formaction to another origin');
    }
    if (['animate', 'set', 'animatemotion', 'animatetransform'].includes(tag)) {
      const target = clean(el.getAttribute('attributeName') || el.getAttribute('attributename'));
      if (target.endsWith('href') || target.startsWith('on')) flag(el, `SVG animation of ${target}`);
    }
    if (el.shadowRoot) walk(el.shadowRoot);
    if (tag === 'template' && el.content) walk(el.content);
  };
  const walk = (root) => { for (const el of root.querySelectorAll('*')) visit(el); };
  visit(document.documentElement);
  walk(document);
  return findings;
}
"""


@dataclass
class Finding:
    kind: str  # hook, dialog, csp-violation, console, dom, navigation, popup, request, http
    detail: str
    tokens: list[str] = field(default_factory=list)


@dataclass
class ScanResult:
    url: str
    findings: list[Finding]
    labels: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.findings

    def culprits(self) -> dict[str, str]:
        """The payloads (and places) that produced at least one finding."""
        return {token: self.labels[token] for finding in self.findings for token in finding.tokens}

    def report(self, limit: int = 40) -> str:
        lines = [f"{len(self.findings)} XSS finding(s) on {self.url}:"]
        for finding in self.findings[:limit]:
            lines.append(f"  [{finding.kind}] {finding.detail[:300]}")
            for token in finding.tokens:
                lines.append(f"      <- {self.labels[token]}")
            if not finding.tokens:
                lines.append("      <- (no payload id found in it)")
        if len(self.findings) > limit:
            lines.append(f"  ... and {len(self.findings) - limit} more")
        involved = sorted(set(self.culprits().values()))
        if involved:
            lines.append(f"payloads involved ({len(involved)}):")
            lines.extend(f"  {label}" for label in involved[:limit])
            if len(involved) > limit:
                lines.append(f"  ... and {len(involved) - limit} more")
        return "\n".join(lines)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


class _Recorder:
    """Listens on one Playwright page for the whole of its life; `scan` reads and resets it.

    Requests to any origin other than the page's own are aborted (and reported): an injected
    <base>, <img> or refresh must not wait on DNS for a host that does not exist. For speed, images
    and media of the page's own origin outside /static/ get an empty 404 from here (an injected
    <img src=x onerror=...> still errors, without a full 404 page rendered by the server), and
    /static/ files are fetched once per tab (routing turns the browser's HTTP cache off).
    """

    def __init__(self, page):
        self.page = page
        self.events: list[tuple[str, str]] = []
        self.navigations: list[str] = []
        self.foreign: list[str] = []
        self.origin: tuple[str, str] | None = None
        self.static: dict[str, tuple[int, dict[str, str], bytes]] = {}
        page.expose_binding("__sakrad_xss_report", self._on_report)
        page.add_init_script(INIT_SCRIPT)
        page.on("dialog", self._on_dialog)
        page.on("console", self._on_console)
        page.on("framenavigated", self._on_navigated)
        page.on("popup", self._on_popup)
        page.on("request", self._on_request)
        page.route("**/*", self._on_route)

    def reset(self):
        self.events.clear()
        self.navigations.clear()
        self.foreign.clear()
        self.origin = None

    def _on_report(self, source, kind, detail):
        frame = source.get("frame") if isinstance(source, dict) else None
        where = f" (frame {frame.url})" if frame is not None and frame != self.page.main_frame else ""
        self.events.append((str(kind), f"{detail}{where}"))

    def _on_dialog(self, dialog):
        self.events.append(("dialog", f"{dialog.type}({dialog.message!r})"))
        with contextlib.suppress(PlaywrightError):  # the page may be gone already: the record is what matters
            dialog.dismiss()

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.events.append(("console", f"{message.type}: {text}"))

    def _on_navigated(self, frame):
        if frame == self.page.main_frame:
            self.navigations.append(frame.url)

    def _on_popup(self, popup):
        self.events.append(("popup", f"a new window was opened: {popup.url}"))
        with contextlib.suppress(PlaywrightError):
            popup.close()

    def _on_request(self, request):
        if not request.url.startswith(("http:", "https:", "data:", "blob:", "about:")):
            self.foreign.append(request.url)  # javascript:, livescript:... never reach the router

    def _on_route(self, route):
        request = route.request
        if self.origin is None and request.is_navigation_request() and request.frame == self.page.main_frame:
            self.origin = _origin(request.url)  # the page under test
        if self.origin is not None and _origin(request.url) != self.origin:
            self.foreign.append(request.url)
            route.abort()
            return
        path = urlsplit(request.url).path
        if path.startswith(STATIC_PREFIX) and request.method == "GET":
            if request.url not in self.static:
                response = route.fetch()
                self.static[request.url] = (response.status, response.headers, response.body())
            status, headers, body = self.static[request.url]
            route.fulfill(status=status, headers=headers, body=body)
        elif request.resource_type in {"image", "media"}:
            route.fulfill(status=404, content_type="text/plain", body="")
        else:
            route.fallback()


_RECORDER_ATTRIBUTE = "_sakrad_xss_recorder"


def _recorder(page) -> _Recorder:
    recorder = getattr(page, _RECORDER_ATTRIBUTE, None)
    if recorder is None:
        recorder = _Recorder(page)
        setattr(page, _RECORDER_ATTRIBUTE, recorder)
    return recorder


def install(page) -> None:
    """Install the listeners now (also done by the first scan): before the page's first navigation."""
    _recorder(page)


def _same_document(a: str, b: str) -> bool:
    first, second = urlsplit(a), urlsplit(b)
    return (first.scheme, first.netloc, first.path, first.query) == (
        second.scheme,
        second.netloc,
        second.path,
        second.query,
    )


def scan(
    page,
    url: str,
    payloads: Labels,
    *,
    settle_ms: int = 120,
    allow_embeds: bool = False,
    require_csp: bool = True,
    expected_status: int = 200,
) -> ScanResult:
    """Load url in page and collect every sign that injected markup or script got through."""
    labels = _labels(payloads)
    recorder = _recorder(page)
    recorder.reset()
    findings: list[Finding] = []

    try:
        response = page.goto(url, wait_until="load")
    except PlaywrightError as error:  # e.g. interrupted by a navigation the page started itself
        findings.append(Finding("navigation", f"loading {url} was interrupted: {str(error).splitlines()[0]}"))
        response = None
        with contextlib.suppress(PlaywrightError):
            page.wait_for_load_state("load")
    final_url = response.url if response is not None else (recorder.navigations or [url])[0]
    if response is not None and response.status != expected_status:
        findings.append(Finding("http", f"status {response.status} for {url} (expected {expected_status})"))
    elif response is not None and require_csp:
        policy = response.headers.get("content-security-policy", "")
        if "script-src" not in policy or "'unsafe-inline'" in policy.split("script-src", 1)[1].split(";")[0]:
            findings.append(Finding("http", f"no strict script-src in the CSP header: {policy!r}"))

    try:
        page.wait_for_timeout(settle_ms)
        # wait_for_function, unlike evaluate, has a timeout: a wedged page cannot hang the suite.
        handle = page.wait_for_function(
            f"(options) => ({{hits: Array.from(window.__xss_hits || []), dom: ({DOM_SCAN})(options)}})",
            arg={"allowEmbeds": allow_embeds},
            timeout=15_000,
        )
        inspected = handle.json_value()
    except PlaywrightError as error:  # the document went away under us: itself a finding
        inspected = {"hits": [], "dom": []}
        findings.append(
            Finding("navigation", f"could not inspect the page after load: {str(error).splitlines()[0]}")
        )
    reported_hooks = {detail.split(" ", 1)[0] for kind, detail in recorder.events if kind == "hook"}
    recorder.events += [("hook", hit) for hit in inspected["hits"] if hit not in reported_hooks]

    has_violations = any(kind == "csp-violation" for kind, _detail in recorder.events)
    for kind, detail in recorder.events:
        if kind == "console" and has_violations:
            continue  # the same violations, as the browser logs them: only a fallback
        findings.append(Finding(kind, detail, find_tokens(detail, labels)))
    for item in inspected["dom"]:
        findings.append(Finding("dom", f"{item['why']}: {item['html']}", find_tokens(item["html"], labels)))
    for navigated in recorder.navigations:
        if not _same_document(navigated, final_url):
            findings.append(
                Finding("navigation", f"the page navigated to {navigated}", find_tokens(navigated, labels))
            )
    if not _same_document(page.url, final_url):
        findings.append(Finding("navigation", f"the page ended at {page.url}", find_tokens(page.url, labels)))
    for requested in dict.fromkeys(recorder.foreign):
        findings.append(
            Finding(
                "request", f"request to another origin or scheme: {requested}", find_tokens(requested, labels)
            )
        )
    return ScanResult(url=final_url, findings=findings, labels=labels)


def assert_no_script_runs(page, url: str, payloads: Labels, **options) -> ScanResult:
    """Load url and fail, naming the payloads, if anything injected ran or reached the DOM.

    payloads: the `Tokens` used to place them, a {token: label} mapping, or the Payloads themselves
    (each placed once under its own id). Options: see `scan`.
    """
    result = scan(page, url, payloads, **options)
    assert result.ok, result.report()
    return result
