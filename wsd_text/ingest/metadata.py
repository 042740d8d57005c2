"""Report metadata: title, dates, place and attendance (ANNOTATION.md §6, §8.10–11, §9.1–2)."""
from __future__ import annotations

from ..report import Metadata

_TITLE_MAX_WORDS = 20


def find_title(blocks: list[tuple[str, str]]) -> str | None:
    """The headline: the first block when it is heading-like, else None (§9.1)."""
    if not blocks:
        return None
    text, kind = blocks[0]
    if kind == "heading" or (len(text.split()) <= _TITLE_MAX_WORDS and text.endswith((".", "!", "?", "’", "'"))
                             and text.count(".") <= 1):
        return text.rstrip(".").strip("‘’“”„\"'«» ") or None
    return None


def extract_metadata(text: str) -> Metadata:
    """Dates, place and attendance from the clean text."""
    return Metadata()
