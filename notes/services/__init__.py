from .compaction import CompactionMismatch, note_snapshot_compact
from .document import note_document_load
from .log import (
    NoteTakingClosed,
    note_log_lock,
    note_logs_last_seq,
    note_update_append,
    note_updates_between,
)

__all__ = [
    "CompactionMismatch",
    "NoteTakingClosed",
    "note_document_load",
    "note_log_lock",
    "note_logs_last_seq",
    "note_snapshot_compact",
    "note_update_append",
    "note_updates_between",
]
