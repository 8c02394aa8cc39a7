"""Names of the records' audit-log actions (on the consultation page); labels and messages are
registered in records/wagtail_hooks.py."""

REGISTRY_NUMBER_SET = "sakrad.registry_number_set"
ARCHIVE_EXPORT = "sakrad.archive_export"
