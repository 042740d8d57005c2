"""What every reader returns, and what a file really holds whatever its extension says."""
from __future__ import annotations

from dataclasses import dataclass

# Leading bytes ("magic numbers") of the formats people most often misname.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip package (docx, xlsx, odt, ...)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


@dataclass(frozen=True)
class Extracted:
    """A reader's result: raw text, page parts left out as not main text, and warnings."""

    text: str
    left_out: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def sniff(data: bytes) -> str | None:
    """What the bytes are, from their first bytes ("a PDF file", ...), or None when unknown.

    Examples
    --------
    >>> sniff(b"%PDF-1.7 ..."), sniff(b"Verslag van de bijeenkomst")
    ('a PDF file', None)
    """
    head = data[:1024].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    # A PDF may have a few junk bytes before its header; readers accept that too.
    if b"%PDF-" in data[:1024]:
        return "a PDF file"
    return None


def looks_like_html(text: str) -> bool:
    """True when decoded text starts like an HTML page."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")) or "<html" in head
