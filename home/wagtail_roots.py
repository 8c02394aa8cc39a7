"""The rows Wagtail's own migrations create and every page and document hangs from.

`manage.py flush` (and every transactional test, which flushes when it ends) deletes them, and a
site without a root page cannot get a home page again. After each migrate or flush they are put
back if missing, so a flushed database is as usable as a freshly migrated one.
"""

from django.apps import apps
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant


def wagtail_roots_ensure(**kwargs) -> None:
    # The models looked up, not imported: home/apps.py imports this module before any model loads.
    # (Not the signal's `apps`, the migrations' historical models: they lack Page.add_root.)
    Collection = apps.get_model("wagtailcore", "Collection")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    using = kwargs.get("using", "default")
    if not Locale.objects.using(using).exists():
        Locale.objects.using(using).create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if not Page.objects.using(using).filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.using(using).filter(depth=1).exists():
        Collection.add_root(name="Root")
