"""The published minutes as PDF/A for the registry: the minutes' own PDF template and renderer, in the
site's language, with an archival PDF variant (fonts embedded, XMP metadata with the pdfaid part) that
is tagged like the public PDF (minutes/pdf.py)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from minutes.pdf import render_pdf
from sakrad.links import absolute_url

# PDF/A-2a: the archival PDF (ISO 19005-2) at its accessible level "a": level "b" plus a structure tree
# (headings, lists, tables in reading order), /Lang and Unicode text, which the template gives. Part 2
# as before (part 3 only adds attachments of any kind, which an archive copy must not carry). WeasyPrint
# writes one identifier per file, so this copy claims PDF/A, not PDF/UA, though it is tagged the same way.
PDF_VARIANT = "pdf/a-2a"


def minutes_pdfa(page, *, details: dict) -> bytes:
    context = {
        "page": page,
        "page_url": page.get_full_url(),
        "site_name": settings.WAGTAIL_SITE_NAME,
        **details,
    }
    html = render_to_string("minutes/minutes_pdf.html", context)
    return render_pdf(html, base_url=absolute_url("/"), pdf_variant=PDF_VARIANT)
