"""Limits and close codes of the notes socket (docs/notes-protocol.md). Settings may override limits."""

from django.conf import settings

MAX_MESSAGE_BYTES = getattr(settings, "NOTES_MAX_MESSAGE_BYTES", 256 * 1024)
RATE_PER_SECOND = getattr(settings, "NOTES_RATE_PER_SECOND", 50)
RATE_BURST = getattr(settings, "NOTES_RATE_BURST", 200)
# How long a permission check is trusted: about a second, so a keystroke costs no query, while
# membership and note-taking changes arrive at once as group messages.
ACCESS_TTL_SECONDS = 1.0
# How often an idle socket re-checks its rights (an expired session sends no signal) and the log's
# last seq (the layer may have dropped the group's last update, which no later update would reveal).
WATCH_SECONDS = getattr(settings, "NOTES_WATCH_SECONDS", 10.0)

CLOSE_TOO_LARGE = 1009  # the standard "message too big"
CLOSE_MALFORMED = 4400
CLOSE_ACCESS_LOST = 4403  # logged out, deactivated, removed from the group
CLOSE_RATE_LIMITED = 4429
# The socket that appends every this many updates folds the log into a snapshot, so a joiner or a
# fresh worker replays a snapshot and a short tail, not a meeting's worth of keystrokes.
COMPACT_EVERY = getattr(settings, "NOTES_COMPACT_EVERY", 500)
