"""Folds every group's notes log into a snapshot (the sockets also do it as they go)."""

from django.core.management.base import BaseCommand

from notes.models import NoteUpdate
from notes.services import CompactionMismatch, note_snapshot_compact


class Command(BaseCommand):
    help = "Fold the live-notes log of every breakout group into verified snapshots."

    def handle(self, *args, **options):
        group_ids = NoteUpdate.objects.values_list("group_id", flat=True).distinct().order_by("group_id")
        folded = failed = 0
        for group_id in group_ids:
            try:
                folded += bool(note_snapshot_compact(group_id=group_id))
            except CompactionMismatch:
                failed += 1
                self.stderr.write(f"group {group_id}: the snapshot did not match the log; kept the log")
        self.stdout.write(f"{folded} group(s) compacted, {failed} kept as they were")
        if failed:
            raise SystemExit(1)
