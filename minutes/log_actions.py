"""Names of the minutes' own audit-log actions; the compile action's label and message are registered
in minutes/wagtail_hooks.py."""

MINUTES_COMPILE = "sakrad.minutes_compile"
