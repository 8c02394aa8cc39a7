"""What a browser downloads for a page, and how much of it crosses the wire: the HTML, then every
stylesheet, icon, script and image it references (of a srcset, the largest candidate), and every
url() inside the stylesheets, through @import as deep as it goes. Each is fetched through the Django
test client, as a browser would fetch it, so a new font or script counts the moment a template or
stylesheet names it.

Text (HTML, CSS, JavaScript, SVG) is counted gzip-compressed at level 6, as Django's GZipMiddleware
sends pages (the test client asks for no encoding, so it gets the bytes uncompressed); WhiteNoise's
precompressed static files (gzip level 9, Brotli) are a little smaller, so the figure errs high.
Images and fonts count as they are: they are compressed formats already. Used by
tests/reading/test_page_weight.py and bench/page_weight.py.
"""

from __future__ import annotations

import gzip
import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.storage import default_storage

GZIP_LEVEL = 6
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}
# url(...) with or without quotes, and @import "..." without url().
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+?)\1\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(['"])(?P<url>[^'"]+)\1""")


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str  # html, stylesheet, icon, script, image, font, css-url
    raw: int  # bytes as stored
    sent: int  # bytes over the wire: gzip-compressed for text, as stored otherwise


@dataclass(frozen=True)
class Weight:
    resources: list[Resource]

    @property
    def total(self) -> int:
        return sum(resource.sent for resource in self.resources)

    def by_kind(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for resource in self.resources:
            totals[resource.kind] = totals.get(resource.kind, 0) + resource.sent
        return totals

    def table(self) -> str:
        """A Markdown table, one row per resource, and the total."""
        lines = ["| part | what | bytes | gzip / sent |", "| --- | --- | ---: | ---: |"]
        lines += [f"| {r.kind} | `{r.url}` | {r.raw:,} | {r.sent:,} |" for r in self.resources]
        raw = sum(resource.raw for resource in self.resources)
        lines.append(f"| **total** | {len(self.resources)} files | {raw:,} | **{self.total:,}** |")
        return "\n".join(lines)


def largest_candidate(srcset: str) -> str:
    """The srcset candidate a wide, dense screen takes: the largest width (w) or density (x)."""
    best, best_size = "", -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        descriptor = parts[1] if len(parts) > 1 else "1x"
        try:
            size = float(descriptor[:-1])
        except ValueError:
            size = 0.0
        if size > best_size:
            best, best_size = parts[0], size
    return best


def html_references(html: str) -> list[tuple[str, str]]:
    """(url, kind) of everything a browser downloads because the HTML names it."""
    document = BeautifulSoup(html, "html.parser")
    found = []
    for link in document.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if rels & LINK_RELS:
            found.append((link["href"], "stylesheet" if "stylesheet" in rels else "icon"))
    found += [(script["src"], "script") for script in document.find_all("script", src=True)]
    for image in document.find_all(["img", "source"]):
        url = largest_candidate(image["srcset"]) if image.get("srcset") else image.get("src")
        if url:
            found.append((url, "image"))
    for style in document.find_all("style"):
        found += [(url, "css-url") for url in css_references(style.get_text())]
    return found


def css_references(css: str) -> list[str]:
    urls = [match["url"].strip() for match in CSS_URL.finditer(css)]
    urls += [match["url"].strip() for match in CSS_IMPORT.finditer(css)]
    return [url for url in urls if not url.startswith(("data:", "#"))]


def _is_text(content_type: str) -> bool:
    return content_type.split(";")[0].strip().startswith(TEXT_TYPES)


def _fetch(client, url: str) -> tuple[bytes, str]:
    """The body and content type of `url`, as the site serves it. Uploaded media are read from the
    storage: in production the web server serves them, the test settings do not."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        raise AssertionError(f"{url}: a resource from another host (we use no CDN)")
    if parts.path.startswith(settings.MEDIA_URL):
        name = parts.path.removeprefix(settings.MEDIA_URL)
        with default_storage.open(name) as file:
            return file.read(), mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = client.get(url)
    if response.status_code != 200:
        raise AssertionError(f"{url}: {response.status_code}, a page must not name what is not there")
    # The test client closes the response itself; closing it again would send request_finished,
    # which closes the database connection the test's transaction is on (PostgreSQL, CONN_MAX_AGE 0).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body, response["Content-Type"]


def _kind_of_css_url(content_type: str) -> str:
    if content_type.startswith("text/css"):
        return "stylesheet"  # @import
    if content_type.startswith(("font/", "application/font")):
        return "font"
    return "image" if content_type.startswith("image/") else "other"


def _resource(url: str, kind: str, body: bytes, content_type: str) -> Resource:
    text = _is_text(content_type)
    sent = len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)) if text else len(body)
    if kind == "css-url":
        kind = _kind_of_css_url(content_type)
    return Resource(url=url, kind=kind, raw=len(body), sent=sent)


def page_weight(client, url: str) -> Weight:
    """Everything a first visit to `url` downloads (nothing cached), each file once."""
    body, content_type = _fetch(client, url)
    resources = [_resource(url, "html", body, content_type)]
    queue = [(urljoin(url, ref), kind) for ref, kind in html_references(body.decode())]
    seen = {url}
    while queue:
        ref, kind = queue.pop(0)
        ref = ref.split("#")[0]
        if ref in seen:
            continue
        seen.add(ref)
        body, content_type = _fetch(client, ref)
        resources.append(_resource(ref, kind, body, content_type))
        if content_type.startswith("text/css"):
            queue += [(urljoin(ref, found), "css-url") for found in css_references(body.decode())]
    return Weight(resources=resources)
