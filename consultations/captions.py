"""What a recording's captions file must be: WebVTT, the format browsers read for <track>."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEBVTT_EXTENSION = ".vtt"
# A WebVTT file starts with this, after an optional byte-order mark (W3C WebVTT, "file structure").
WEBVTT_SIGNATURE = b"WEBVTT"
NOT_WEBVTT_NAME = _("Captions must be a WebVTT file, whose name ends in .vtt.")
NOT_WEBVTT_CONTENT = _('This file is not WebVTT: a WebVTT file starts with the line "WEBVTT".')


def _looks_like_webvtt(document) -> bool:
    try:
        with document.file.open("rb") as file:
            head = file.read(len(WEBVTT_SIGNATURE) + 4)
    except OSError:  # gone from storage: nothing a reader could be given
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    rest = head[len(WEBVTT_SIGNATURE) :]
    return head.startswith(WEBVTT_SIGNATURE) and (not rest or rest[:1] in b" \t\r\n")


def captions_error(document) -> ValidationError | None:
    """Why `document` cannot be a recording's captions, or None when it is WebVTT."""
    if not document.file.name.lower().endswith(WEBVTT_EXTENSION):
        return ValidationError(NOT_WEBVTT_NAME)
    if not _looks_like_webvtt(document):
        return ValidationError(NOT_WEBVTT_CONTENT)
    return None
