"""Limits, quotas and close codes of the notes socket (docs/notes-protocol.md). Settings may override them."""

from django.conf import settings


def _setting(name: str, default):
    return getattr(settings, f"NOTES_{name}", default)


MAX_MESSAGE_BYTES = _setting("MAX_MESSAGE_BYTES", 256 * 1024)
RATE_PER_SECOND = _setting("RATE_PER_SECOND", 50)
RATE_BURST = _setting("RATE_BURST", 200)
# Requests that make the server answer with the whole document (a sync step 1) or make every socket
# of the group answer (a presence query): y-websocket sends a step 1 on connecting and every 15 s.
REQUESTS_PER_SECOND = _setting("REQUESTS_PER_SECOND", 0.5)
REQUESTS_BURST = _setting("REQUESTS_BURST", 5)
# Quotas. A point's text, in characters as Y.Text counts them (UTF-16 code units); the editor
# enforces it too (data-max-point-chars), so only a hand-made client meets the refusal.
MAX_POINT_CHARS = _setting("MAX_POINT_CHARS", 5000)
# A group's text, in characters: about 100 full points or 250 pages, far beyond what a day's group
# writes, and small enough that the group page is live within 2 s in Chromium (docs/benchmarks.md,
# "The group page at its limits"). One person may hold a quarter of it, so nobody alone can fill it.
MAX_GROUP_CHARS = _setting("MAX_GROUP_CHARS", 500_000)
MAX_MEMBER_CHARS = _setting("MAX_MEMBER_CHARS", 125_000)
# What a group's notes may take in the database (snapshot and log: text, and what deleting leaves),
# and what one person may send to one group in all: a 3-hour consultation of steady typing is about
# 0.4 MB. Again a quarter, so nobody alone can fill it.
MAX_GROUP_BYTES = _setting("MAX_GROUP_BYTES", 8 * 1024 * 1024)
MAX_MEMBER_BYTES = _setting("MAX_MEMBER_BYTES", 2 * 1024 * 1024)
# One person's sockets, in every group and worker together: a laptop, a phone and a few tabs.
MAX_SOCKETS_PER_MEMBER = _setting("MAX_SOCKETS_PER_MEMBER", 6)
# Staff who run the groups: the plenary wall opens a socket per group (a conference has 100), on a
# screen or two, besides their own tabs.
MAX_SOCKETS_PER_STAFF = _setting("MAX_SOCKETS_PER_STAFF", 400)
# One person's frames and bytes across all their sockets: above one socket's rate, so that only a
# person with many sockets meets it; the bytes let a long paste or an offline step 2 through at once.
MEMBER_RATE_PER_SECOND = _setting("MEMBER_RATE_PER_SECOND", 60)
MEMBER_RATE_BURST = _setting("MEMBER_RATE_BURST", 240)
MEMBER_BYTES_PER_SECOND = _setting("MEMBER_BYTES_PER_SECOND", 64 * 1024)
MEMBER_BYTES_BURST = _setting("MEMBER_BYTES_BURST", 1024 * 1024)
# A document's state is sent in parts no larger than this (Daphne sends no message over 1 MiB).
OUTGOING_PART_BYTES = _setting("OUTGOING_PART_BYTES", 512 * 1024)
# How long a new socket listens for its person's other sockets before counting them.
SOCKET_COUNT_SECONDS = _setting("SOCKET_COUNT_SECONDS", 1.0)
# Presence: client ids one socket may speak for (y-websocket uses one per page).
MAX_PRESENCE_CLIENTS = _setting("MAX_PRESENCE_CLIENTS", 4)
# How often each process checks its sockets' sessions and accounts (an expired session sends no
# signal) and the logs' last seqs (the layer may have dropped a group's last update, which no later
# update would reveal): notes/watch.py.
WATCH_SECONDS = _setting("WATCH_SECONDS", 10.0)
# How long a socket waits for a missing update to arrive late before reading it from the log.
HOLE_GRACE_SECONDS = _setting("HOLE_GRACE_SECONDS", 0.25)
# A keystroke costs no query: a socket's rights are read at connect and again when a membership,
# note-taking or logout message arrives; this often in full anyway, in case the layer dropped one.
ACCESS_RECHECK_SECONDS = _setting("ACCESS_RECHECK_SECONDS", 60.0)
# The socket that appends every this many updates folds the log into a snapshot, so a joiner or a
# fresh worker replays a snapshot and a short tail, not a meeting's worth of keystrokes.
COMPACT_EVERY = _setting("COMPACT_EVERY", 500)

# Close codes: 44xx stop y-websocket from reconnecting (it would send the same refused change again).
# Application close codes must lie in 3000-4999: Daphne turns anything else (1009) into 1011.
CLOSE_MALFORMED = 4400  # refused: not the protocol, or outside the document schema
CLOSE_ACCESS_LOST = 4403  # logged out, deactivated, removed from the group
CLOSE_TOO_LARGE = 4413  # a frame over the size limit, or a quota reached
CLOSE_RATE_LIMITED = 4429
# Not 1011: Daphne refuses to send it. Outside 4400-4499, so y-websocket reconnects.
CLOSE_SERVER_ERROR = 4500

# Close reasons: short tokens the browser maps to a message (frontend/src/lib/refusal.js).
REASON_FRAME = "frame-too-large"
REASON_POINT = "point-too-long"
REASON_GROUP = "group-full"
REASON_MEMBER = "member-full"
REASON_SOCKETS = "sockets"
REASON_SCHEMA = "schema"
REASON_MALFORMED = "malformed"
REASON_RATE = "rate"
