from django.apps import AppConfig
from django.db.backends.signals import connection_created


class PublicCacheConfig(AppConfig):
    name = "public_cache"
    verbose_name = "Public page cache"

    def ready(self):
        from .writes import watch_connection

        connection_created.connect(watch_connection, dispatch_uid="public_cache.watch_connection")
