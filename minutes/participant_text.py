"""What participants wrote, as rich text in the minutes: the compile step, the open-input section and an
accepted correction all store it this one way."""

from django.utils.html import escape

from sakrad.sanitiser import html_sanitise


def participant_html(text: str) -> str:
    """A participant's plain text as inert rich text: escaped, line breaks kept, one paragraph, sanitised."""
    lines = [escape(line.strip()) for line in text.strip().splitlines()]
    return html_sanitise("<p>" + "<br>".join(line for line in lines if line) + "</p>")
