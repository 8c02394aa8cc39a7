"""The site's languages: the interface speaks Swedish and English; pages may also be translated into
the five national minority languages (Wagtail's locales), whose interface stays Swedish.

Read by the settings (LANGUAGES, WAGTAIL_CONTENT_LANGUAGES, LANG_INFO), so nothing here may load a
model. docs/languages.md says the same in words.
"""

from django.conf import settings
from django.utils.translation import get_language


def gettext_noop(message: str) -> str:
    """Marks a name for the catalogue (makemessages knows this name). Not Django's: that one reads
    the settings, and the settings import this module before they exist."""
    return message


DEFAULT = "sv"
INTERFACE = ("sv", "en")

# Romani chib as the macrolanguage `rom`: Sweden's minority language covers several varieties
# (Kalderash, Lovara, Arli, Kale, Swedish Romani), and a text not written in one of them claims none.
# code: (English name, marked for the catalogue and translated where shown; its own name; right to left)
MINORITY = {
    "fi": (gettext_noop("Finnish"), "suomi", False),
    "fit": (gettext_noop("Meänkieli"), "meänkieli", False),
    "se": (gettext_noop("Northern Sami"), "davvisámegiella", False),
    "rom": (gettext_noop("Romani chib"), "romani čhib", False),
    "yi": (gettext_noop("Yiddish"), "ייִדיש", True),
}


def lang_info_extended(lang_info: dict) -> None:
    """Django's LANG_INFO, made to know our languages (get_language_info, the switcher's names).

    English gets Swedish as its fallback: there is no English content, and Wagtail looks for a page
    in the active language's "variant" among the content languages. So under /en/ it serves and links
    the Swedish pages, in the English interface, as it did before pages could be translated.
    """
    for code, (name, name_local, bidi) in MINORITY.items():
        lang_info.setdefault(code, {"bidi": bidi, "code": code, "name": name, "name_local": name_local})
    lang_info["en"] = {**lang_info["en"], "fallback": [DEFAULT]}


def interface_language() -> str:
    """The language the interface speaks now: the active one if ours, else Swedish (whose catalogue
    is every other language's fallback, so Swedish is what a minority-language page's chrome says)."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in INTERFACE else DEFAULT


def is_right_to_left(code: str) -> bool:
    return code in settings.LANGUAGES_BIDI
