"""One way for an app to add an item to a page's "more" menu in the Wagtail admin: the page header's
menu and the page listing's "more" buttons."""

from wagtail import hooks


def page_menu_item_register(item_class, *, header_priority: int, listing_priority: int, header_class=None):
    """Show `item_class` (a PageMenuItem) on both; `header_class` where the header's item says more,
    such as a count that would cost a query per row in the listing."""
    header_class = header_class or item_class

    def header_button(page, user, view_name=None, next_url=None):
        return [header_class(page=page, priority=header_priority)]

    def listing_button(page, user, next_url=None):
        return [item_class(page=page, priority=listing_priority)]

    hooks.register("register_page_header_buttons", header_button)
    hooks.register("register_page_listing_more_buttons", listing_button)
