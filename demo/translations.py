"""The front page and the about page in the national minority languages, as Wagtail translations of
the Swedish ones (the same translation key): made as staff make them with "Translate" in the admin
(a copy in the locale, the front page first), written in the language and published."""

from wagtail.models import Page

from home.locales import locales_ensure


def translations_ensure(*, home: Page, about: Page, translations: dict, tally) -> None:
    """`translations`: {language code: {"home": fields, "about": fields}} (content/languages.py)."""
    locales = locales_ensure()
    for code, pages in translations.items():
        _translation(home, locales[code], pages["home"], tally)
        _translation(about, locales[code], pages["about"], tally)


def _translation(page: Page, locale, fields: dict, tally) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        tally.record("page", created=False)
        return existing
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    tally.record("page", created=True, label=f"{locale.language_code}: {copy.title}")
    return copy
