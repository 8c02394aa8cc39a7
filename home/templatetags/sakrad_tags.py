"""Small helpers for the public templates: site chrome, language links, pagination, content language."""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site
from wagtail.rich_text import RichText, expand_db_html

from sakrad.sanitiser import html_sanitise

register = template.Library()


def site_chrome_for(request) -> dict:
    """Home page, menu pages and the consultation index, in one query, cached on the request."""
    cached = getattr(request, "_sakrad_chrome", None)
    if cached is not None:
        return cached
    from consultations.models import ConsultationIndexPage

    site = Site.find_for_request(request)  # cached on the request; root_page is select_related
    home = site.root_page if site else None
    menu, index = [], None
    if home is not None:
        index_type = ContentType.objects.get_for_model(ConsultationIndexPage)
        children = (
            home.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type=index_type))
            .order_by("path")
        )
        for child in children:
            is_index = child.content_type_id == index_type.pk
            if is_index and index is None:
                index = child
            # A page type the interface names (menu_label) is labelled in the interface's language;
            # any other menu page by its title, which is content in Swedish.
            label = _("Consultations") if is_index else getattr(child.specific_class, "menu_label", None)
            menu.append({"page": child, "is_consultation_index": is_index, "label": label})
    chrome = {
        "site_name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
        "home": home,
        "menu": menu,
        "consultation_index": index,
    }
    request._sakrad_chrome = chrome
    return chrome


@register.simple_tag(takes_context=True)
def site_chrome(context):
    return site_chrome_for(context["request"])


@register.simple_tag(takes_context=True)
def nav_current(context, menu_page: Page, home: Page) -> str:
    """aria-current for a menu link: "page" on that page, "true" below it (never below home)."""
    current = context.get("page")
    if not isinstance(current, Page) or not current.path:
        return ""
    if current.pk == menu_page.pk:
        return "page"
    if menu_page.pk != home.pk and current.path.startswith(menu_page.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def language_url(context, language_code: str) -> str:
    """The current URL, with its query string, in another language (Django's translate_url)."""
    return translate_url(context["request"].get_full_path(), language_code)


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """A query string for page `number` that keeps every other GET parameter (the filters)."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.simple_tag
def elided_pages(page_obj) -> list:
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


def content_language() -> str:
    """The language of editor-written text when the interface is in another one, else "".

    Pages are not translated (WAGTAIL_I18N_ENABLED is off), so their text stays in the site's
    default language under /en/ too (WCAG 3.1.2, language of parts).
    """
    default = settings.LANGUAGE_CODE.split("-")[0]
    if (get_language() or default).split("-")[0] == default:
        return ""
    return default


@register.simple_tag
def content_lang():
    """A lang attribute for editor-written text when the interface is in another language."""
    language = content_language()
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def has_filters(query_dict) -> bool:
    """True when a GET query holds anything other than the page number."""
    return any(value for key, value in query_dict.items() if key != "page")


@register.filter
def safe_richtext(value) -> str:
    """Wagtail's rich-text expansion (internal links, images) followed by our sanitiser: what an
    import or an old revision stored can never reach the page as script."""
    html = str(value) if isinstance(value, RichText) else expand_db_html(value or "")
    return mark_safe(html_sanitise(html))  # noqa: S308  (sanitised just above)
