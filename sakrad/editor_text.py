"""Text editors write, on the public pages: the language it is in, and its rich text made safe."""

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.rich_text import RichText, expand_db_html

from sakrad.sanitiser import html_sanitise


def content_language() -> str:
    """The language of editor-written text when the interface is in another one, else "".

    English is no content language, so the Swedish pages' text stays Swedish under /en/ (WCAG 3.1.2,
    language of parts). A page translated into a minority language is shown in the Swedish interface
    (sakrad/content_language.py): its text is in the document's language and needs no attribute.
    """
    default = settings.LANGUAGE_CODE.split("-")[0]
    if (get_language() or default).split("-")[0] == default:
        return ""
    return default


def safe_richtext(value) -> str:
    """Wagtail's rich-text expansion (internal links, images) followed by our sanitiser: what an
    import or an old revision stored can never reach the page as script."""
    html = str(value) if isinstance(value, RichText) else expand_db_html(value or "")
    return mark_safe(html_sanitise(html))  # noqa: S308  (sanitised just above)
