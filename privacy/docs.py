"""Renders the inventory as the Markdown tables in docs/privacy.md, so the prose cannot drift from code."""

from pathlib import Path

from django.conf import settings
from django.utils import translation

from .inventory import INVENTORY, NOT_PERSONAL

DOCS_PATH = Path(settings.BASE_DIR) / "docs" / "privacy.md"
START, END = "<!-- inventory:start -->", "<!-- inventory:end -->"


def _row(*cells) -> str:
    return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"


def inventory_markdown() -> str:
    with translation.override("en"):  # the docs are in English whatever the active language
        lines = [
            _row("model", "field", "category", "purpose", "retention", "on erasure"),
            _row(*["---"] * 6),
            *(
                _row(f"`{e.model}`", f"`{e.field}`", e.category.value, e.purpose, e.retention, e.action.value)
                for e in INVENTORY
            ),
            "",
            "Looks personal, but is not:",
            "",
            _row("model", "field", "why not"),
            _row(*["---"] * 3),
            *(_row(f"`{n.model}`", f"`{n.field}`", n.reason) for n in NOT_PERSONAL),
        ]
    return "\n".join(lines)


def docs_section(text: str) -> str:
    """The generated part of docs/privacy.md, between the markers."""
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def docs_with_inventory(text: str) -> str:
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    return f"{before}{START}\n{inventory_markdown()}\n{END}{after}"
