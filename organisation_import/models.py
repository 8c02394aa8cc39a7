"""An import run (the parsed upload until it is confirmed, then only its report) and the column mapping
each staff member last used for a set of headers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


# Staff screens only; the organisations an import writes are declared on their own model.
@leaves_public_pages_alone
class ImportMapping(models.Model):
    """Which field each column of a file with these headers goes to, as this person last chose."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    header_key = models.CharField(_("headers"), max_length=64)  # sha256 of the normalised headers
    columns = models.JSONField(_("columns"), default=dict)  # header → field name ("" to ignore)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("import mapping")
        verbose_name_plural = _("import mappings")
        constraints = [
            models.UniqueConstraint(fields=["user", "header_key"], name="organisation_import_mapping_once")
        ]

    def __str__(self):
        return f"{self.user} {self.header_key[:8]}"


@leaves_public_pages_alone
class ImportRun(models.Model):
    """One upload of a spreadsheet. Until it is confirmed it holds the file's rows (personal data: contact
    names and addresses), and nothing else keeps the file; the confirm empties them and keeps the counts
    and the report, which name organisations and say what happened to each row, quoting no cell."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        DONE = "done", _("Imported")

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    file_format = models.CharField(_("format"), max_length=20)  # "xlsx", or the CSV's encoding
    headers = models.JSONField(_("headers"), default=list)
    rows = models.JSONField(_("rows"), default=list)  # [[line number, [cells…]], …] until confirmed
    columns = models.JSONField(_("columns"), default=dict)  # the mapping used: header → field name
    counts = models.JSONField(_("counts"), default=dict)  # action → number of rows
    report = models.JSONField(_("report"), default=list)  # [[line, action, organisation, reasons], …]

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"
