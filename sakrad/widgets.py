"""Form widgets shared by our admin screens."""

from django import forms


def datetime_local_input() -> forms.DateTimeInput:
    """The browser's own date and time picker: no admin script to load, and keyboard-accessible."""
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
