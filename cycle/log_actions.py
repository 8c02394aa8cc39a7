"""Names of the annual cycle's own audit-log actions; labels are registered in wagtail_hooks.py."""

CONSULTATION_DUPLICATE = "sakrad.consultation_duplicate"
