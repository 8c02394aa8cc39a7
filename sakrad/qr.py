"""A QR code on the plenary wall that leads a phone to a page (the vote, the questions to the panel):
inline SVG made on the server (no script, no image request, nothing for the CSP to allow)."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe

from sakrad.links import absolute_url


def qr_svg(*, path: str, title: str, css_class: str) -> SafeString:
    """`path` as a full URL on the configured base; `title` names the picture for screen readers."""
    code = segno.make(absolute_url(path), error="m")
    # segno writes only its own markup and escapes the title, the one text of ours in it.
    svg = code.svg_inline(scale=6, border=2, title=title, svgclass=css_class)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
