"""What every public page shows around its content: the site's name, its home page, the menu, and
the section pages a page type declares, read in one query and kept on the request.

The core knows no feature: a page type that is a section of the site says so itself, with a class
attribute `site_section = "<name>"`. The chrome then holds the home page's first live child of that
type under `<name>` (for the templates' links to it), and such a page is always in the menu.
"""

from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site, get_page_models


@cache  # the page types are fixed once the apps are loaded: read them once, not on every request
def section_page_types() -> dict[type[Page], str]:
    """Each page type that declares a `site_section`, with that section's name."""
    return {model: model.site_section for model in get_page_models() if getattr(model, "site_section", None)}


def site_chrome_for(request) -> dict:
    """Home page, menu pages and section pages, in one query, cached on the request."""
    cached = getattr(request, "_sakrad_chrome", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)  # cached on the request; root_page is select_related
    home = site.root_page if site else None
    sections = section_page_types()
    chrome = {
        "site_name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
        "home": home,
        "menu": [],
        **dict.fromkeys(sections.values()),
    }
    if home is not None:
        # Content types are cached by Django after their first use: no query per request.
        section_of = {ContentType.objects.get_for_model(model).pk: name for model, name in sections.items()}
        children = (
            home.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type__in=list(section_of)))
            .order_by("path")
        )
        for child in children:
            section = section_of.get(child.content_type_id)
            if section and chrome[section] is None:
                chrome[section] = child
            # A page type the interface names (menu_label) is labelled in the interface's language;
            # any other menu page by its title, which is content in Swedish.
            label = getattr(child.specific_class, "menu_label", None)
            chrome["menu"].append({"page": child, "section": section, "label": label})
    request._sakrad_chrome = chrome
    return chrome
