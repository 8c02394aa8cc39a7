"""How an app names its audit-log actions in the Wagtail admin (a page's history, the site history
report): a label for each action, and a line made from the entry's data. An app calls
`log_actions_register` once in its wagtail_hooks.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.functional import Promise
from wagtail import hooks
from wagtail.log_actions import LogFormatter

# A line: a text whose %(name)s placeholders are filled from the entry's data, or a function of the data.
Message = str | Promise | Callable[[dict], str]


def log_actions_register(
    messages: Mapping[str, tuple[str | Promise, Message]],
    *,
    prepare: Callable[[dict], dict] | None = None,
) -> None:
    """Name each `action: (label, message)`. `prepare(data)` gives the data as the texts read it: a
    stored value shown as words, say."""

    def register(registry):
        for action, (label, message) in messages.items():
            registry.register_action(action)(_formatter(action, label, message, prepare))

    hooks.register("register_log_actions", register)


def _formatter(action: str, label, message: Message, prepare) -> type[LogFormatter]:
    def format_message(self, log_entry) -> str:
        data = dict(log_entry.data or {})
        if prepare is not None:
            data = prepare(data)
        if not isinstance(message, str | Promise):
            return str(message(data))
        try:
            return str(message) % data
        except (KeyError, TypeError, ValueError):
            return str(label)  # an entry written for an older version of the text

    name = f"Formatter_{action.replace('.', '_')}"
    return type(name, (LogFormatter,), {"label": label, "format_message": format_message})
