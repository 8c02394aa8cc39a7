"""How an app wires its screens into the Wagtail admin: its URLs under /admin/, and an item in a
page's "more" menu (the page header's menu and the page listing's "more" buttons)."""

from collections.abc import Callable

from django.urls import include, path
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

# (priority, item class) of every screen a page's "more" menu offers, in the order registered.
SCREEN_ITEMS: list[tuple[int, type]] = []


def admin_urls_register(prefix: str, urlpatterns, *, namespace: str) -> None:
    """Serve an app's admin views under /admin/<prefix>/, named `namespace:<name>`."""

    def admin_urls():
        return [path(f"{prefix}/", include((urlpatterns, namespace), namespace=namespace))]

    hooks.register("register_admin_urls", admin_urls)


class PageTypeMenuItem(PageMenuItem):
    """A "more" menu item on pages of `page_type` only, shown to the users `allowed` lets in: by
    default those the app's permission `may(user=…, consultation=page)` lets in."""

    page_type: type
    may: Callable[..., bool]

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, self.page_type) and self.allowed(user, page)

    def allowed(self, user, page) -> bool:
        return type(self).may(user=user, consultation=page)


def page_menu_item_register(item_class, *, header_priority: int, listing_priority: int, header_class=None):
    """Show `item_class` (a PageMenuItem) on both; `header_class` where the header's item says more,
    such as a count that would cost a query per row in the listing."""
    header_class = header_class or item_class
    # The same screens, listed on each other's headers (sakrad/admin_screens.py).
    SCREEN_ITEMS.append((header_priority, item_class))

    def header_button(page, user, view_name=None, next_url=None):
        return [header_class(page=page, priority=header_priority)]

    def listing_button(page, user, next_url=None):
        return [item_class(page=page, priority=listing_priority)]

    hooks.register("register_page_header_buttons", header_button)
    hooks.register("register_page_listing_more_buttons", listing_button)
