"""The header every per-consultation admin screen shares: a visible heading with the screen's and the
consultation's names, Wagtail's breadcrumbs back to the consultation's page, and links to the
consultation's other screens. A view mixes in `ConsultationScreenMixin`; its template extends
"admin_screens/base.html".

The other screens are those the pages' "more" menus offer (`page_menu_item_register`), shown to whom
their menu item is shown, plus what apps add through the "register_consultation_links" hook: a
function `(consultation, user) -> iterable of ScreenLink` (the plenary wall, the minutes draft).
Apps warn on every screen of a consultation through "register_consultation_warnings": a function
`(consultation, user) -> iterable of ScreenWarning` (e-mail that failed)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Page

from .admin_menus import SCREEN_ITEMS

LINKS_HOOK = "register_consultation_links"
WARNINGS_HOOK = "register_consultation_warnings"


@dataclass(frozen=True)
class ScreenLink:
    label: str
    url: str
    priority: float = 100
    current: bool = False


@dataclass(frozen=True)
class ScreenWarning:
    text: str
    url: str = ""
    link_text: str = ""


def consultation_warnings(*, consultation: Page, user) -> list[ScreenWarning]:
    return [warning for hook in hooks.get_hooks(WARNINGS_HOOK) for warning in hook(consultation, user)]


def _pages_of(consultation: Page) -> list[Page]:
    # The consultation and its children (the minutes): the pages whose menus list its screens.
    return [consultation, *consultation.get_children().specific()]


def consultation_links(*, consultation: Page, user, current_url: str = "") -> list[ScreenLink]:
    """Every screen of `consultation` that `user` may open, in the menus' order."""
    links = []
    pages = _pages_of(consultation)
    for priority, item_class in SCREEN_ITEMS:
        for page in pages:
            if not isinstance(page, item_class.page_type):
                continue
            item = item_class(page=page, priority=priority)
            if item.allowed(user, page):
                links.append(ScreenLink(label=str(item.label), url=item.url, priority=priority))
    for hook in hooks.get_hooks(LINKS_HOOK):
        links.extend(hook(consultation, user))
    links.sort(key=lambda link: link.priority)
    return [
        ScreenLink(link.label, link.url, link.priority, current=link.url == current_url) for link in links
    ]


def consultation_breadcrumbs(*, consultation: Page, user, screen: str) -> list[dict]:
    """The consultation's ancestors as in the page explorer, the consultation itself (to its edit
    page, where its screens' menu is), then this screen."""
    ancestors = get_breadcrumbs_items_for_page(consultation, user, include_self=False)
    if not ancestors:
        ancestors = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}]
    page = {"url": reverse("wagtailadmin_pages:edit", args=[consultation.pk]), "label": consultation.title}
    return [*ancestors, page, {"url": "", "label": screen}]


class ConsultationScreenMixin:
    """For a WagtailAdminTemplateMixin view that sets `self.consultation` in its dispatch."""

    def get_page_subtitle(self):
        return self.consultation.title

    def get_header_title(self):
        return f"{self.get_page_title()}: {self.consultation.title}"

    def get_breadcrumbs_items(self):
        return consultation_breadcrumbs(
            consultation=self.consultation, user=self.request.user, screen=str(self.get_page_title())
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("consultation", self.consultation)
        kwargs["screen_links"] = consultation_links(
            consultation=self.consultation, user=self.request.user, current_url=self.request.path
        )
        kwargs["screen_warnings"] = consultation_warnings(
            consultation=self.consultation, user=self.request.user
        )
        return super().get_context_data(**kwargs)
