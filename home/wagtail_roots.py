"""The rows Wagtail's own migrations create and every page and document hangs from.

`manage.py flush` (and every transactional test, which flushes when it ends) deletes them, and a
site without a root page cannot get a home page again. After each migrate or flush they are put
back if missing, so a flushed database is as usable as a freshly migrated one.
"""

from django.conf import settings


def wagtail_roots_ensure(**kwargs) -> None:
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    using = kwargs.get("using", "default")
    if not Locale.objects.using(using).exists():
        Locale.objects.using(using).create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if not Page.objects.using(using).filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.using(using).filter(depth=1).exists():
        Collection.add_root(name="Root")
