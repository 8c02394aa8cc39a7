"""Wagtail's locales: one per content language (settings.WAGTAIL_CONTENT_LANGUAGES), made by migration
0003 and again by seed_demo. A flush (every transactional test's end) keeps only the default one
(home/wagtail_roots.py); tests that translate pages make the others again with `locales_ensure`."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale


@transaction.atomic
def locales_ensure(*, locale_model=None) -> dict:
    """Every content language's locale, made where missing; {language code: Locale}.

    `locale_model`: a migration's historical Locale (the real one by default)."""
    locale_model = locale_model or Locale
    return {
        code: locale_model.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
