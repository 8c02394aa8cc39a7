"""Limits and close codes of the notes socket (docs/notes-protocol.md). Settings may override limits."""

from django.conf import settings

MAX_MESSAGE_BYTES = getattr(settings, "NOTES_MAX_MESSAGE_BYTES", 256 * 1024)
RATE_PER_SECOND = getattr(settings, "NOTES_RATE_PER_SECOND", 50)
RATE_BURST = getattr(settings, "NOTES_RATE_BURST", 200)
# How often each process checks its sockets' sessions and accounts (an expired session sends no
# signal) and the logs' last seqs (the layer may have dropped a group's last update, which no later
# update would reveal): notes/watch.py.
WATCH_SECONDS = getattr(settings, "NOTES_WATCH_SECONDS", 10.0)
# How long a socket waits for a missing update to arrive late before reading it from the log.
HOLE_GRACE_SECONDS = getattr(settings, "NOTES_HOLE_GRACE_SECONDS", 0.25)
# A keystroke costs no query: a socket's rights are read at connect and again when a membership,
# note-taking or logout message arrives; this often in full anyway, in case the layer dropped one.
ACCESS_RECHECK_SECONDS = getattr(settings, "NOTES_ACCESS_RECHECK_SECONDS", 60.0)

CLOSE_TOO_LARGE = 1009  # the standard "message too big"
CLOSE_MALFORMED = 4400
CLOSE_ACCESS_LOST = 4403  # logged out, deactivated, removed from the group
CLOSE_RATE_LIMITED = 4429
# The socket that appends every this many updates folds the log into a snapshot, so a joiner or a
# fresh worker replays a snapshot and a short tail, not a meeting's worth of keystrokes.
COMPACT_EVERY = getattr(settings, "NOTES_COMPACT_EVERY", 500)
