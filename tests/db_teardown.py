"""A cheaper end for transactional tests (`django_db(transaction=True)`: Channels, browser tests).

Django empties every table after each such test (`flush`: one TRUNCATE of some 200 tables on
PostgreSQL, a DELETE of each on SQLite), then sends post_migrate, which creates every content type
and permission again (some 800 rows) and home/wagtail_roots.py's root page, locale and collection.
On PostgreSQL that cost 1–3 s a test, mostly TRUNCATE's new files and catalogue updates.

Here only the tables that hold rows are emptied, with DELETE (the foreign keys Django makes are
deferred to the commit, so the order does not matter), and content types and permissions are kept:
post_migrate would have made the same rows again (under new ids, which the ContentType cache would
then get wrong). post_migrate is still sent, so what a transactional test starts with does not
change: the rows post_migrate makes, nothing else.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import DatabaseError, connections
from django.test import TransactionTestCase

# Made again by post_migrate after a flush: kept instead (see above).
KEPT = frozenset({ContentType._meta.db_table, Permission._meta.db_table})
# SQLite allows 500 terms in one compound SELECT.
CHUNK = 400

_django_fixture_teardown = TransactionTestCase._fixture_teardown


def tables_with_rows(connection, tables: list[str]) -> list[str]:
    """One query per CHUNK tables: which of them hold at least one row."""
    quote = connection.ops.quote_name
    found: list[str] = []
    with connection.cursor() as cursor:
        for start in range(0, len(tables), CHUNK):
            chunk = tables[start : start + CHUNK]
            cursor.execute(
                " UNION ALL ".join(
                    f"SELECT {number} WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608 - our table names
                    for number, table in enumerate(chunk)
                )
            )
            found.extend(chunk[number] for (number,) in cursor.fetchall())
    return found


def empty_tables(using: str) -> None:
    connection = connections[using]
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT
    ]
    full = tables_with_rows(connection, tables)
    if not full:
        return
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        statements = ["SET CONSTRAINTS ALL DEFERRED"] + [
            f"DELETE FROM {quote(table)}"  # noqa: S608 - our table names
            for table in full
        ]
    else:  # SQLite: Django's flush is these DELETEs already
        statements = connection.ops.sql_flush(no_style(), full, reset_sequences=False, allow_cascade=False)
    connection.ops.execute_sql_flush(statements)  # in one transaction


def fixture_teardown(self: TransactionTestCase) -> None:
    # available_apps and serialized_rollback change what a flush must do: Django's own then.
    if self.available_apps is not None or self.serialized_rollback:
        return _django_fixture_teardown(self)
    for using in self._databases_names(include_mirrors=False):
        try:
            empty_tables(using)
        except DatabaseError:
            # A constraint this way cannot satisfy (none today): the whole flush, as Django does it.
            _django_fixture_teardown(self)
            return
        emit_post_migrate_signal(verbosity=0, interactive=False, db=using)
    return None


def install() -> None:
    TransactionTestCase._fixture_teardown = fixture_teardown
