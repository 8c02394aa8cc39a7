"""Invalidation where every write passes: the database cursor. Signals would miss queryset
`update()`, `bulk_create()` and plain SQL; a wrapper on each connection sees them all.

A write replaces the generation at once and again when its transaction commits: a page rendered
between the two from the old rows is stored under the first token and is stale from the second.

Which tables' writes leave the cache alone is declared next to each model (`declarations.py`) and
learnt once at startup (`apps.py`); a table nobody declared empties the cache.
"""

import re

from django.db import transaction

from .declarations import NO_EXEMPTIONS, Exemptions
from .generation import generation_bump

WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[\"`]?(\w+)", re.IGNORECASE
)
# An UPDATE's assignments, when it has a WHERE; each must be a plain `"column" = %s` to be read.
UPDATE_SET = re.compile(r"^\s*UPDATE\s+[\"`]?\w+[\"`]?\s+SET\s+(.+?)\s+WHERE\s", re.IGNORECASE | re.DOTALL)
ASSIGNMENT = re.compile(r"^\s*[\"`]?(\w+)[\"`]?\s*=\s*%s\s*$")

# Until startup has read the declarations, every write empties the cache.
_exempt = NO_EXEMPTIONS


def exempt_writes(exemptions: Exemptions) -> None:
    # Set once, at startup, from every app's declarations.
    global _exempt
    _exempt = exemptions


def shows_publicly(sql: str) -> bool:
    """Whether this statement writes something a public page may show (undeclared tables do)."""
    match = WRITE.match(sql)
    if match is None:
        return False
    table = match[1].lower()
    if table in _exempt.tables:
        return False
    unshown = _exempt.columns.get(table)
    return not (unshown and sets_only(sql, unshown))


def sets_only(sql: str, columns: frozenset[str]) -> bool:
    """Whether an UPDATE sets nothing but these columns (an account's `last_login` at each login)."""
    match = UPDATE_SET.match(sql)
    if match is None:
        return False
    assignments = [ASSIGNMENT.match(part) for part in match[1].split(",")]
    return all(assigned is not None and assigned[1].lower() in columns for assigned in assignments)


def invalidate_on_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if shows_publicly(sql):
        connection = context["connection"]
        generation_bump()
        if connection.in_atomic_block and not commit_bump_pending(connection):
            transaction.on_commit(generation_bump, using=connection.alias)
    return result


def commit_bump_pending(connection) -> bool:
    return any(entry[1] is generation_bump for entry in connection.run_on_commit)


def watch_connection(sender, connection, **kwargs):
    # connection_created fires on every reconnect of the same wrapper object.
    if invalidate_on_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(invalidate_on_write)
