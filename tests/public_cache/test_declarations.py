"""Which writes empty the cache: every model declares, next to its class, whether a write to it may
change a public page (public_cache/declarations.py); other projects' models are declared in
public_cache/third_party.py. A table nobody declared still empties the cache."""

import inspect
from pathlib import Path

import pytest
from django.apps import AppConfig, apps
from django.conf import settings
from django.db import connection, models
from django.test.utils import isolate_apps

from public_cache.declarations import undeclared
from public_cache.third_party import AFFECTING, LEAVING_ALONE
from public_cache.writes import shows_publicly

# Wagtail defines its full-text table's model only when the database is SQLite.
ONLY_ON_SQLITE = {"wagtailsearch.SQLiteFTSIndexEntry"}


def test_every_model_declares_whether_public_pages_show_it():
    missing = undeclared()
    assert not missing, "Declare whether a write to these may change a public page:\n" + "\n".join(
        where_to_declare(model) for model in missing
    )


def test_other_projects_models_are_declared_in_one_place_and_still_exist():
    assert not set(AFFECTING) & set(LEAVING_ALONE)
    for label in AFFECTING + LEAVING_ALONE:
        if label in ONLY_ON_SQLITE and connection.vendor != "sqlite":
            continue
        model = apps.get_model(label)  # LookupError: a name left behind by an upgrade
        assert not ours(model._meta.app_config), f"{label} is ours: declare it next to its class"


@isolate_apps("public_cache")
def test_a_model_nobody_declared_is_named():
    class Forgotten(models.Model):
        class Meta:
            app_label = "public_cache"

        def __str__(self):
            return "forgotten"

    assert undeclared([Forgotten]) == [Forgotten]


@pytest.mark.parametrize(
    ("sql", "shown"),
    [
        ('INSERT INTO "minutes_takeaway" ("page_id") VALUES (%s)', True),
        ('UPDATE "organisations_person" SET "name" = %s WHERE "id" = %s', True),
        ('DELETE FROM "wagtailcore_page" WHERE "id" IN (%s)', True),
        ('UPDATE "accounts_user" SET "first_name" = %s WHERE "id" = %s', True),
        ("INSERT INTO some_new_table (x) VALUES (1)", True),
        ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s', False),
        ('UPDATE "accounts_user" SET "last_login" = %s, "first_name" = %s WHERE "id" = %s', True),
        ('UPDATE "accounts_user" SET "last_login" = NULL WHERE "id" = %s', True),
        ('INSERT INTO "notes_noteupdate" ("group_id", "seq") VALUES (%s, %s)', False),
        ('UPDATE "notes_notelog" SET last_seq = last_seq + 1 WHERE group_id = %s RETURNING last_seq', False),
        ('INSERT INTO "notes_notewriter" ("group_id", "client_id") VALUES (%s, %s)', False),
        ('INSERT INTO "django_session" ("session_key") VALUES (%s)', False),
        ('INSERT INTO "wagtailimages_rendition" ("image_id") VALUES (%s)', False),
        ('SELECT "wagtailcore_page"."id" FROM "wagtailcore_page"', False),
        # Wagtail's drafts, history and usage index: public pages read the live rows.
        ('INSERT INTO "wagtailcore_revision" ("object_id") VALUES (%s)', False),
        ('INSERT INTO "wagtailcore_pagelogentry" ("page_id") VALUES (%s)', False),
        ('DELETE FROM "wagtailcore_referenceindex" WHERE "object_id" = %s', False),
        # ...but a view restriction decides whether a page is public at all.
        ('INSERT INTO "wagtailcore_pageviewrestriction" ("page_id") VALUES (%s)', True),
        # Automatic many-to-many tables follow the model that declares the field.
        ('INSERT INTO "consultations_consultationpage_themes" ("consultationpage_id") VALUES (%s)', True),
        ('INSERT INTO "breakouts_breakoutgroup_questions" ("breakoutgroup_id") VALUES (%s)', False),
        ('INSERT INTO "auth_group_permissions" ("group_id") VALUES (%s)', False),
    ],
)
def test_which_writes_empty_the_cache(sql, shown):
    assert shows_publicly(sql) is shown


def ours(app: AppConfig) -> bool:
    path = Path(app.path).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and "site-packages" not in path.parts


def where_to_declare(model) -> str:
    if ours(model._meta.app_config):
        source = Path(inspect.getsourcefile(model)).resolve().relative_to(Path(settings.BASE_DIR).resolve())
        return (
            f"- {model._meta.label}: decorate its class in {source} with @affects_public_pages or "
            "@leaves_public_pages_alone (from public_cache.declarations)"
        )
    return f"- {model._meta.label}: add it to AFFECTING or LEAVING_ALONE in public_cache/third_party.py"
