from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .declarations import declare_by_label, exemptions
from .third_party import AFFECTING, LEAVING_ALONE
from .writes import exempt_writes, watch_connection


class PublicCacheConfig(AppConfig):
    name = "public_cache"
    verbose_name = "Public page cache"

    def ready(self):
        # Every app's models are loaded by now, with their declarations (declarations.py).
        declare_by_label(affecting=AFFECTING, leaving_alone=LEAVING_ALONE)
        exempt_writes(exemptions())
        connection_created.connect(watch_connection, dispatch_uid="public_cache.watch_connection")
