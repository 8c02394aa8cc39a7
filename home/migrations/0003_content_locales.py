"""A locale for each national minority language pages may be translated into (docs/languages.md)."""

from django.db import migrations

from home.locales import locales_ensure


def locales_create(apps, schema_editor):
    locales_ensure(locale_model=apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(locales_create, migrations.RunPython.noop)]
