"""The lines of an organisation's history for the contact person's changes: each field's old and new
value as staff read them (wagtail_hooks.py registers them)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from organisations.choices import County
from organisations.models import Organisation


def _value(field: str, value) -> str:
    if field == "county":
        return str(County(value).label) if value in County.values else "–"
    if field == "may_be_shown":
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value) or "–"
    return f"“{value}”" if value else "–"


def _label(field: str) -> str:
    return str(Organisation._meta.get_field(field).verbose_name).capitalize()


def changes_line(data: dict) -> str:
    known = {field.name for field in Organisation._meta.get_fields()}
    parts = [
        f"{_label(change['field'])}: {_value(change['field'], change.get('old'))} → "
        f"{_value(change['field'], change.get('new'))}"
        for change in data.get("changes", [])
        if change.get("field") in known  # an entry written for a field since removed is left out
    ]
    if data.get("confirmed"):
        how = _("confirmed from the new address")
    else:
        how = _("by the contact person's link") if data.get("by_link") else _("logged in")
    return f"{'; '.join(parts)} ({how})"
