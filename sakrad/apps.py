from django.apps import AppConfig

from sakrad.links import pages_link_on_base_url


class SakradConfig(AppConfig):
    """The core as an app, for its template tags (`{% load sakrad_tags %}`) and its start-up patch.
    No models: it shows nowhere in the admin, so it has no verbose name to translate."""

    name = "sakrad"

    def ready(self):
        pages_link_on_base_url()  # every page's full URL on the configured base (sakrad/links.py)
