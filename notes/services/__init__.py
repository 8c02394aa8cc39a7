from .append import Append, note_logs_append, note_logs_append_async
from .compaction import CompactionMismatch, note_snapshot_compact
from .document import (
    LoadedNotes,
    note_author_bytes,
    note_document_load,
    note_stored_bytes,
    note_writers,
    notes_load,
)
from .log import (
    NoteTakingClosed,
    note_log_lock,
    note_logs_last_seq,
    note_update_append,
    note_updates_append,
    note_updates_between,
)

__all__ = [
    "CompactionMismatch",
    "LoadedNotes",
    "NoteTakingClosed",
    "note_author_bytes",
    "note_document_load",
    "note_log_lock",
    "note_logs_append",
    "note_logs_append_async",
    "note_logs_last_seq",
    "note_snapshot_compact",
    "note_stored_bytes",
    "Append",
    "note_update_append",
    "note_updates_append",
    "note_updates_between",
    "note_writers",
    "notes_load",
]
