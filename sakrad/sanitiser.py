"""The one HTML sanitiser: everything that renders stored or participant-written HTML passes here.

A strict allowlist on top of bleach. No svg, math, style, script, iframe, form or raw-text
elements; no event handler or style attributes; links only to http, https, mailto and our own
relative paths.
"""

import threading

import bleach

ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "lang"], "*": ["lang"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# A Cleaner keeps its parser's state while it works, so one shared by threads corrupts it (an ASGI
# worker renders each request on a thread of its own): every thread gets its own.
_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    if not hasattr(_local, "cleaner"):
        _local.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
        )
    return _local.cleaner


def html_sanitise(html: str) -> str:
    """Return `html` with everything outside the allowlist removed (text of removed tags is kept)."""
    return _cleaner().clean(html or "")
