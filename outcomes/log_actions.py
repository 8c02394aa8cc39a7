"""The register's audit-log action (label and message in outcomes/wagtail_hooks.py)."""

OUTCOMES_REMINDER = "sakrad.outcomes_reminder"
