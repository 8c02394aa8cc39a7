"""The minutes as a PDF (WeasyPrint): made once for each distinct HTML it is made from, then cached.

The cache key is a hash of the exact HTML (and base URL) handed to WeasyPrint, not the page's
revision: the PDF also shows what changes without a new minutes revision (the consultation's title
and fields, organisation names, "taken up in" links, the templates after a deploy). Rendering the
HTML on every request is cheap next to WeasyPrint; an unchanged page is still served from the cache.

Only the live, public page is ever rendered: a draft revision, a page in moderation or a page behind
a view restriction (its own or an ancestor's) gets a 404, so the cache never holds anything that is
not already public.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from sakrad.links import absolute_url

from .reading import minutes_page_details

CACHE_SECONDS = 60 * 60 * 24 * 30
# PDF/UA-1 (ISO 14289-1): WeasyPrint tags the structure (headings, lists, tables, reading order), sets
# /MarkInfo, /Lang from <html lang>, DisplayDocTitle for <title>, and the pdfuaid part in its XMP.
# WeasyPrint has no PDF/A that is also PDF/UA in one variant: the archive's copy is PDF/A-2a (records/pdf.py).
PDF_VARIANT = "pdf/ua-1"


def cache_key(html: str, base_url: str) -> str:
    # The language is in the HTML (<html lang>, the translated headings), so each has its own entry.
    # The variant too: an untagged PDF cached before a change of variant is never served after it.
    digest = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    return f"minutes-pdf:{PDF_VARIANT}:{digest}"


def is_public(page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def render_pdf(html: str, base_url: str, *, pdf_variant: str = PDF_VARIANT) -> bytes:
    """HTML to a tagged PDF. Nothing is fetched: the template carries its own styles, and remote or
    local files (images, stylesheets, file:// URLs) are refused. `pdf_variant` such as "pdf/a-2a" for
    the registry's archive (records/pdf.py); every variant used here is a tagged one."""
    # Not at the top: WeasyPrint takes seconds to import (Pango, fonts); only a process making a PDF pays.
    from .pdf_tags import tagged_pdf

    return tagged_pdf(html=html, base_url=base_url, pdf_variant=pdf_variant)


def minutes_pdf(page, request) -> bytes:
    context = {
        "page": page,
        "page_url": page.get_full_url(request),
        "site_name": settings.WAGTAIL_SITE_NAME,
        **minutes_page_details(page=page),
    }
    html = render_to_string("minutes/minutes_pdf.html", context, request=request)
    # Relative links in the PDF resolve on the configured base (sakrad/links.py), not on the host this
    # request came by: the cached file is served to everyone.
    base_url = absolute_url("/")
    key = cache_key(html, base_url)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(html, base_url=base_url)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def pdf_response(page, request) -> HttpResponse:
    if not is_public(page) or not page.live_revision_id:
        raise Http404
    response = HttpResponse(minutes_pdf(page, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}.pdf")
    response["X-Robots-Tag"] = "noindex"
    return response
