"""An anonymous, bounded crawler for the Django test client: what can a visitor without an account reach?

It starts from given paths, follows every same-site href (a, link, area), every <loc> of a sitemap
and every same-site redirect, and keeps each response body. GET only, nothing is submitted.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

SITE_HOSTS = frozenset({"", "testserver", "localhost", "127.0.0.1"})
SKIPPED_PREFIXES = ("/static/", "/media/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self._in_loc = False

    def handle_starttag(self, tag, attrs):
        if tag in {"a", "link", "area"}:
            self.links += [value for name, value in attrs if name == "href" and value]
        self._in_loc = tag == "loc"

    def handle_endtag(self, tag):
        self._in_loc = False

    def handle_data(self, data):
        if self._in_loc and data.strip():
            self.links.append(data.strip())


def links_in(body: str) -> list[str]:
    parser = _Links()
    parser.feed(body)
    parser.close()
    return parser.links


def same_site_path(link: str, base: str) -> str | None:
    """The path?query of link if it stays on this site, else None."""
    absolute, _fragment = urldefrag(urljoin(base, link))
    parts = urlsplit(absolute)
    if parts.scheme not in {"http", "https", ""} or (parts.hostname or "") not in SITE_HOSTS:
        return None
    path = parts.path or "/"
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return f"{path}?{parts.query}" if parts.query else path


@dataclass
class Visit:
    status: int
    content_type: str
    body: str
    location: str = ""


@dataclass
class Crawl:
    client: object
    limit: int = 300
    visits: dict[str, Visit] = field(default_factory=dict)
    truncated: bool = False

    def run(self, start: list[str]) -> Crawl:
        queue = deque(dict.fromkeys(start))
        seen = set(queue)
        while queue:
            if len(self.visits) >= self.limit:
                self.truncated = True
                break
            path = queue.popleft()
            response = self.client.get(path)
            content_type = response.get("Content-Type", "")
            body = b"".join(response) if response.streaming else response.content
            visit = Visit(
                status=response.status_code,
                content_type=content_type,
                body=body.decode("utf-8", errors="replace"),
                location=response.get("Location", ""),
            )
            self.visits[path] = visit
            found = [visit.location] if visit.location else []
            if "html" in content_type or "xml" in content_type:
                found += links_in(visit.body)
            for link in found:
                target = same_site_path(link, f"http://testserver{path}")
                if target is not None and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return self

    def ok_paths(self) -> set[str]:
        return {path.split("?", 1)[0] for path, visit in self.visits.items() if visit.status == 200}

    def leaks(self, secrets: dict[str, str]) -> list[str]:
        """Every (url, secret) where a response body or redirect shows a secret (case-insensitive)."""
        found = []
        lowered = {secret.lower(): what for secret, what in secrets.items()}
        for path, visit in self.visits.items():
            text = f"{visit.location}\n{visit.body}".lower()
            for secret, what in lowered.items():
                if secret in text:
                    found.append(f"{path} (HTTP {visit.status}) shows {what}: {secret!r}")
        return found
