"""Word diffs between two versions of a question, as HTML in which every word is escaped and only the
<ins>/<del> marks are markup."""

from __future__ import annotations

from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _marked(tag: str, words: list[str]) -> str:
    return f"<{tag}>{escape(' '.join(words))}</{tag}>"


def word_diff(old: str, new: str) -> SafeString:
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(old_words[old_start:old_end])))
            continue
        if operation in ("delete", "replace"):
            parts.append(_marked("del", old_words[old_start:old_end]))
        if operation in ("insert", "replace"):
            parts.append(_marked("ins", new_words[new_start:new_end]))
    return mark_safe(" ".join(parts))  # every part is escaped above


def list_diff(old: list[str], new: list[str]) -> list[SafeString]:
    """Sub-questions side by side: a changed one as a word diff, an added or removed one whole."""
    lines = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        olds, news = old[old_start:old_end], new[new_start:new_end]
        if operation == "equal":
            lines.extend(escape(text) for text in olds)
            continue
        # Replaced ones pair up in order; what is left over was added or removed whole.
        paired = min(len(olds), len(news)) if operation == "replace" else 0
        lines.extend(word_diff(a, b) for a, b in zip(olds[:paired], news[:paired], strict=True))
        lines.extend(mark_safe(_marked("del", text.split())) for text in olds[paired:])
        lines.extend(mark_safe(_marked("ins", text.split())) for text in news[paired:])
    return lines
