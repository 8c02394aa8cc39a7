"""Pages translated into the minority languages, as staff make them: "Translate" copies a page into a
locale as a draft (its parent must be translated first), then it is edited and published."""

from __future__ import annotations

from wagtail.models import Locale, Page

from home.locales import locales_ensure


def translate(page: Page, code: str, *, publish: bool = True, **fields) -> Page:
    """`page` copied into the locale `code` (whose parent is translated already), with `fields` set."""
    locales_ensure()  # a transactional test's flush keeps only the default locale
    copy = page.specific.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy


def translate_with_home(home: Page, page: Page, code: str, **fields) -> Page:
    """`page` translated, and the front page above it first (where it is not yet)."""
    locale_home = home.get_translations().filter(locale__language_code=code).first()
    if locale_home is None:
        translate(home, code, title=f"Sakråd ({code})", slug=f"{home.slug}-{code}")
    return translate(page, code, **fields)
