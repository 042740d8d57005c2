"""The `Report`: one ingested meeting report, the input of every later stage."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Paragraph:
    """A block of the clean text; ``start``/``end`` are codepoint offsets (half-open)."""

    start: int
    end: int
    kind: str = "body"  # "heading", "body" or "list_item"


@dataclass(frozen=True)
class Attendance:
    """The headline count of people or organisations present (ANNOTATION.md §8.10)."""

    count: int
    unit: str

    def to_dict(self) -> dict:
        return {"count": self.count, "unit": self.unit}


@dataclass(frozen=True)
class Metadata:
    """Dates, place and attendance as ANNOTATION.md §6 and §8.10–11 define them."""

    published_date: str | None = None
    event_date: str | None = None
    location: str | None = None
    attendance: Attendance | None = None


@dataclass(frozen=True)
class Report:
    """A meeting report after ingest.

    Parameters
    ----------
    id : str
        The file name, as the JSON record's ``report`` field uses it.
    source : Path
        Where the report was read from (never modified).
    text : str
        The clean text: main content with boilerplate removed, paragraphs
        separated by a blank line. All offsets refer to this string.
    title : str or None
        The headline as it stands in the text (§9.1).
    paragraphs : tuple of Paragraph
    metadata : Metadata
    removed : tuple of str
        Blocks removed as website boilerplate, kept so a researcher can check them.
    warnings : tuple of str
        Non-fatal findings (for example: the text does not look Dutch).
    """

    id: str
    source: Path
    text: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    metadata: Metadata = field(default_factory=Metadata)
    removed: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def paragraph_text(self, paragraph: Paragraph) -> str:
        """The text of one paragraph."""
        return self.text[paragraph.start:paragraph.end]
