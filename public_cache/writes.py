"""Invalidation where every write passes: the database cursor. Signals would miss queryset
`update()`, `bulk_create()` and plain SQL; a wrapper on each connection sees them all.

A write replaces the generation at once and again when its transaction commits: a page rendered
between the two from the old rows is stored under the first token and is stale from the second.
"""

import re

from django.db import transaction

from .generation import generation_bump

WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[\"`]?(\w+)", re.IGNORECASE
)

# Tables no public page reads, or that reading a page writes itself (image renditions): writing
# them must not empty the cache. The live notes are the busiest: during a conference their log
# takes hundreds of writes a second, and they reach the public only through compiled minutes.
UNSHOWN_TABLES = frozenset({
    "django_session", "django_admin_log",
    "account_emailaddress", "account_emailconfirmation", "mfa_authenticator",
    "notes_notelog", "notes_noteupdate", "notes_notesnapshot", "breakouts_notepoint",
    "invitations_invitationdelivery", "privacy_personaldata",
    "wagtailadmin_editingsession", "wagtailadmin_formstate", "wagtailusers_userprofile",
    "wagtailcore_pagesubscription", "wagtailcore_pagelogentry", "wagtailcore_modellogentry",
    "wagtailcore_comment", "wagtailcore_commentreply", "wagtailcore_uploadedfile",
    "wagtailimages_rendition",
})
# Every login stamps the account; a morning of logins would otherwise empty the cache each time.
LAST_LOGIN_ONLY = re.compile(
    r"^\s*UPDATE\s+\"?accounts_user\"?\s+SET\s+\"?last_login\"?\s*=\s*%s\s+WHERE", re.IGNORECASE
)


def shows_publicly(sql: str) -> bool:
    """Whether this statement writes something a public page may show (unknown tables do)."""
    match = WRITE.match(sql)
    if match is None:
        return False
    return match[1].lower() not in UNSHOWN_TABLES and not LAST_LOGIN_ONLY.match(sql)


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
