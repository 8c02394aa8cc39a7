from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from home.wagtail_roots import wagtail_roots_ensure


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        # Sent once per app after migrate or flush; only ours needs to act, once, at the end.
        post_migrate.connect(wagtail_roots_ensure, sender=self, dispatch_uid="wagtail_roots_ensure")
