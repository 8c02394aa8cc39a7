"""Public full-text search across consultations and minutes (Wagtail search), with theme and year.

Only live pages anyone may read are ever searched: `.live().public()` leaves out drafts, pages in
moderation (never published) and pages under a view restriction of their own or of an ancestor. The
index holds each page's live content (Wagtail re-reads the row on save), never a draft revision's.
"""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db.models import IntegerField, Prefetch, Value
from django.db.models.functions import Length, Substr
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.blocks import ChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from consultations.models import ConsultationPage
from minutes.models import MinutesPage, Takeaway
from public_cache.views import public_cache

from .forms import SiteSearchForm

PAGE_SIZE = 10
SNIPPET_CHARS = 240
# Blocks whose value is a stored object (ImageBlock is a StructBlock around an image chooser).
CHOSEN_BLOCKS = (ChooserBlock, ImageBlock)


def searchable_pages():
    return Page.objects.live().public().type(ConsultationPage, MinutesPage)


def filtered_page_ids(form: SiteSearchForm) -> list[int]:
    """Consultations the filters allow and the minutes under them (a minutes page's parent's path is
    its own path less one step)."""
    consultations = form.consultations()
    minutes = (
        MinutesPage.objects.live()
        .public()
        .annotate(
            parent_path=Substr("path", 1, Length("path") - Value(Page.steplen, output_field=IntegerField()))
        )
        .filter(parent_path__in=consultations.values("path"))
    )
    return list(consultations.values_list("pk", flat=True)) + list(minutes.values_list("pk", flat=True))


def _body_texts(body) -> list[str]:
    """The searchable text of a body's blocks, leaving out those that only point at a stored object
    (an image, a snippet): loading those costs a query per result, and they add no words to a snippet."""
    texts = []
    for position, raw in enumerate(body.raw_data):
        if isinstance(body.stream_block.child_blocks.get(raw["type"]), CHOSEN_BLOCKS):
            continue
        child = body[position]  # converts every block of this type at once, without a query for text
        texts += [str(text) for text in child.block.get_searchable_content(child.value)]
    return texts


def _plain_texts(page) -> list[str]:
    texts = [getattr(page, "introduction", "") or getattr(page, "summary", "")]
    body = getattr(page, "body", None)
    if body:
        texts += _body_texts(body)
    # Minutes: their takeaways, which the body does not copy (their one record is the Takeaway rows).
    texts += getattr(page, "takeaway_texts", [])
    return [" ".join(text.split()) for text in texts if text and text.strip()]


def snippet(page, query: str) -> str:
    """Plain text around the first word of the query found in the page, else its opening words."""
    text = " ".join(_plain_texts(page))
    for word in sorted(re.findall(r"\w+", query), key=len, reverse=True):
        match = re.search(re.escape(word), text, flags=re.IGNORECASE)
        if match:
            start = max(0, match.start() - SNIPPET_CHARS // 3)
            piece = Truncator(text[start:]).chars(SNIPPET_CHARS)
            return ("…" if start else "") + piece
    return Truncator(text).chars(SNIPPET_CHARS)


def _result(page, query: str) -> dict:
    if isinstance(page, ConsultationPage):
        date, title = page.date, page.title
    else:
        published = page.first_published_at
        date = page.held_on or (timezone.localdate(published) if published else None)
        title = page.listing_title  # named with its consultation, among the other results
    return {
        "page": page,
        "title": title,
        "type": page._meta.verbose_name,
        "date": date,
        "snippet": snippet(page, query),
    }


def _specific_pages(ids: list[int]) -> dict[int, Page]:
    """The results' pages with their own fields: one query per page type, as `.specific()` takes, and
    one for the minutes' takeaways; each minutes page with its consultation's title."""
    minutes = list(
        MinutesPage.objects.filter(pk__in=ids)
        .with_consultation_title()
        .prefetch_related(Prefetch("takeaways", queryset=Takeaway.objects.order_by("sort_order", "pk")))
    )
    for page in minutes:
        page.takeaway_texts = [takeaway.text for takeaway in page.takeaways.all()]
    found = {page.pk: page for page in minutes}
    others = [pk for pk in ids if pk not in found]
    if others:
        found.update({page.pk: page for page in Page.objects.filter(pk__in=others).specific()})
    return found


@public_cache
def search(request):
    form = SiteSearchForm(request.GET or None, years=SiteSearchForm.years())
    query, results, page_obj = "", None, None
    if form.is_valid() and (form.cleaned_data["q"] or form.has_filters()):
        query = form.cleaned_data["q"]
        pages = searchable_pages()
        if form.has_filters():
            pages = pages.filter(pk__in=filtered_page_ids(form))
        found = pages.search(query) if query else pages.order_by("-first_published_at")
        page_obj = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
        # One query per page type for the specific fields, in the order the search ranked them.
        ids = [page.pk for page in page_obj.object_list]
        specific = _specific_pages(ids)
        results = [_result(specific[pk], query) for pk in ids if pk in specific]
    return render(
        request,
        "site_search/search.html",
        {"form": form, "query": query, "results": results, "page_obj": page_obj},
    )
