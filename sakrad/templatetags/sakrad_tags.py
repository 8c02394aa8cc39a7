"""Small helpers for the public templates: site chrome, language links, pagination, content language."""

from django import template
from django.utils.html import format_html
from wagtail.models import Page

from sakrad.content_language import page_languages_for
from sakrad.editor_text import content_language, safe_richtext
from sakrad.site_chrome import site_chrome_for

register = template.Library()
register.filter("safe_richtext", safe_richtext)


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
def page_languages(context):
    """The response's languages (sakrad/content_language.py): <html lang> and dir, the switcher, the
    hreflang alternates."""
    return page_languages_for(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def interface_lang(context) -> str:
    """A lang attribute for the interface's parts (header, footer) of a page in another language."""
    languages = context.get("languages")
    if languages is None or not languages.interface_differs:
        return ""
    return format_html(' lang="{}"', languages.interface)


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """A query string for page `number` that keeps every other GET parameter (the filters)."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.simple_tag
def elided_pages(page_obj) -> list:
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag
def content_lang():
    """A lang attribute for editor-written text when the interface is in another language."""
    language = content_language()
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def has_filters(query_dict) -> bool:
    """True when a GET query holds anything other than the page number."""
    return any(value for key, value in query_dict.items() if key != "page")
