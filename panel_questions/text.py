"""A question as it is stored: plain text, no control characters, whitespace tidied. It is shown
escaped everywhere (never |safe), so markup stays visible as typed and never runs."""

from __future__ import annotations

import re
import unicodedata

# Control and format characters (Cc, Cf, and the lone surrogates and private use PostgreSQL or a
# screen reader would choke on); newlines are turned into spaces first: a question is one paragraph.
_UNWANTED = {"Cc", "Cf", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"\s+")


def question_text_clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if char in "\r\n\t" else char for char in text)
    text = "".join(char for char in text if unicodedata.category(char) not in _UNWANTED)
    return _SPACES.sub(" ", text).strip()


def answer_text_clean(text: str) -> str:
    """A written answer keeps its paragraphs (shown with line breaks), nothing else unprintable."""
    text = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    kept = "".join(c for c in text if c == "\n" or unicodedata.category(c) not in _UNWANTED)
    return re.sub(r"\n{3,}", "\n\n", kept).strip()
