from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data as an app, for its `seed_demo` command. No models: it shows nowhere in the
    admin, so it has no verbose name to translate."""

    name = "demo"
