"""Easy-to-read Swedish (lättläst): a version of a page that staff write on the page itself.

Kept in fields of the page, so it is part of each revision and goes through the same preview, review
and publishing as the rest of the page. Readers reach it at `<page url>lattlast/` (a 404 while the page
has none); the page links to it near the top and from its head. docs/easy-to-read.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

EASY_READ_ROUTE = "lattlast/"
EASY_READ_PREVIEW = "easy_read"
EASY_READ_LANGUAGE = "sv"  # the version is Swedish whatever the interface's language
EASY_READ_TEMPLATE = "easy_read/page.html"
# Lättläst keeps to short paragraphs, headings and lists: no italics, tables or images.
EASY_READ_FEATURES = ["h2", "h3", "bold", "ol", "ul", "link"]
EASY_READ_TAB = _("Easy-to-read Swedish")
EASY_READ_HELP = _(
    "Short sentences, one thought in each, everyday words. Start with a heading that says what the page "
    "is about. Leave empty if there is no easy-to-read version: readers then see no link to one."
)


def easy_read_field(verbose_name, **kwargs) -> RichTextField:
    return RichTextField(
        verbose_name, blank=True, features=EASY_READ_FEATURES, help_text=EASY_READ_HELP, **kwargs
    )


def has_text(html: str) -> bool:
    return bool(strip_tags(html or "").strip())


@dataclass(frozen=True)
class EasyReadVersion:
    """What the easy-to-read page shows: the version's text, and the page it is a version of."""

    title: str  # the original's title
    body: str  # rich text as stored
    original_url: str  # "" in a preview of a version whose original is not a page
    section: str = ""  # what the original is, in the interface's language, when not the page itself


def easy_read_render(request, version: EasyReadVersion, context: dict | None = None) -> TemplateResponse:
    """The one easy-to-read page, for every page type and for the open-input form."""
    return TemplateResponse(
        request,
        EASY_READ_TEMPLATE,
        {**(context or {}), "easy_read": version, "easy_read_language": EASY_READ_LANGUAGE},
    )


class EasyReadMixin(RoutablePageMixin, models.Model):
    """A page with an easy-to-read version: the field, its own tab in the editor, its search entry,
    the `lattlast/` route and a preview mode. Pages add `easy_read_search_fields` to theirs."""

    easy_read_body = easy_read_field(_("easy-to-read version"))

    easy_read_panels = [FieldPanel("easy_read_body")]
    easy_read_search_fields = [index.SearchField("easy_read_body")]

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        # Wagtail's tabs (Content, Promote, Settings) with one more: staff find the version apart
        # from the page they simplify, and it is saved, reviewed and published with it.
        tabs = super().get_edit_handler().children
        easy_read = ObjectList(cls.easy_read_panels, heading=EASY_READ_TAB)
        return TabbedInterface([*tabs, easy_read], base_form_class=cls.base_form_class).bind_to_model(cls)

    @property
    def has_easy_read(self) -> bool:
        return has_text(self.easy_read_body)

    @property
    def easy_read_url(self) -> str:
        return f"{self.url}{EASY_READ_ROUTE}" if self.has_easy_read and self.url else ""

    def easy_read_version(self) -> EasyReadVersion:
        return EasyReadVersion(title=self.title, body=self.easy_read_body, original_url=self.url or "")

    @property
    def preview_modes(self):
        return [*super().preview_modes, (EASY_READ_PREVIEW, EASY_READ_TAB)]

    def serve_preview(self, request, mode_name):
        if mode_name == EASY_READ_PREVIEW:
            return self.easy_read_response(request, self.easy_read_version())
        return super().serve_preview(request, mode_name)

    def easy_read_response(self, request, version: EasyReadVersion) -> TemplateResponse:
        return easy_read_render(request, version, {"page": self, "self": self})

    @path(EASY_READ_ROUTE, name="easy_read")
    def easy_read(self, request):
        if not self.has_easy_read:
            raise Http404
        return self.easy_read_response(request, self.easy_read_version())
