"""The durable log of a group's notes: every Yjs update, in order, and snapshots that fold old ones.

The log is the truth; documents in worker memory are caches of it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


# The live notes take hundreds of writes a second during a conference, and reach the public only
# through compiled minutes: none of their tables empties the cache.
@leaves_public_pages_alone
class NoteLog(models.Model):
    """The per-group sequence counter: appending bumps it in the same transaction (a row lock on
    PostgreSQL), so sequence numbers are gapless in the committed log."""

    group = models.OneToOneField("breakouts.BreakoutGroup", on_delete=models.CASCADE, related_name="note_log")
    last_seq = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.group_id}@{self.last_seq}"


@leaves_public_pages_alone
class NoteUpdate(models.Model):
    group = models.ForeignKey(
        "breakouts.BreakoutGroup", on_delete=models.CASCADE, related_name="note_updates"
    )
    seq = models.PositiveBigIntegerField()
    data = models.BinaryField()  # one Yjs update, encoding v1
    created_at = models.DateTimeField(auto_now_add=True)
    # Who typed it (for abuse handling); the minutes never attribute. Pseudonymised on erasure by SET_NULL.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Set when loading found that the row cannot be applied (stored before the schema was enforced on
    # write): it is skipped from then on, kept for staff to look into (notes/services/document.py).
    quarantined_at = models.DateTimeField(_("quarantined at"), null=True, blank=True)
    quarantine_reason = models.CharField(
        _("why it was quarantined"), max_length=200, blank=True, db_default=""
    )

    class Meta:
        ordering = ["group", "seq"]
        constraints = [models.UniqueConstraint(fields=["group", "seq"], name="note_update_seq_unique")]

    def __str__(self):
        return f"{self.group_id}#{self.seq}"


@leaves_public_pages_alone
class NoteSnapshot(models.Model):
    """The whole document as one Yjs update, equal to replaying the log up to and including upto_seq."""

    group = models.ForeignKey(
        "breakouts.BreakoutGroup", on_delete=models.CASCADE, related_name="note_snapshots"
    )
    upto_seq = models.PositiveBigIntegerField()
    state = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    quarantined_at = models.DateTimeField(_("quarantined at"), null=True, blank=True)
    quarantine_reason = models.CharField(
        _("why it was quarantined"), max_length=200, blank=True, db_default=""
    )

    class Meta:
        ordering = ["group", "-upto_seq"]
        constraints = [models.UniqueConstraint(fields=["group", "upto_seq"], name="note_snapshot_unique")]

    def __str__(self):
        return f"{self.group_id}≤{self.upto_seq}"


@leaves_public_pages_alone
class NoteAuthorBytes(models.Model):
    """How many bytes one person's updates took in a group's log, for those already folded into a
    snapshot (the rows that said so are gone): with the log's rows, each member's share of the
    group's notes (notes.limits.MAX_MEMBER_BYTES)."""

    group = models.ForeignKey("breakouts.BreakoutGroup", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    folded_bytes = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "author"], name="note_author_bytes_unique")]

    def __str__(self):
        return f"{self.group_id}:{self.author_id}={self.folded_bytes}"


@leaves_public_pages_alone
class NoteWriter(models.Model):
    """Whose a Yjs client id is in a group: the person whose socket first wrote with it (a page load
    makes one). Another person's update may not add structs under it, and each person's share of
    the notes is counted by their client ids (notes.limits.MAX_MEMBER_CHARS)."""

    group = models.ForeignKey("breakouts.BreakoutGroup", on_delete=models.CASCADE, related_name="+")
    client_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "client_id"], name="note_writer_unique")]

    def __str__(self):
        return f"{self.group_id}:{self.client_id}={self.author_id}"
