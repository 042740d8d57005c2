"""PDF: text per page with pypdf."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader

from ..errors import InputError
from .formats import Extracted, sniff

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on harmless quirks
# pypdf's plain text has no blank lines between paragraphs; a vertical gap this much larger
# than the page's usual line distance, or a change of font size, starts a new block.
_PARAGRAPH_GAP = 1.4
_SIZE_CHANGE = 0.15


def read_pdf(path: Path, data: bytes) -> Extracted:
    """The text of a PDF report, pages separated by blank lines."""
    kind = sniff(data)
    if kind != "a PDF file":
        what = f"it is {kind}" if kind else "the file has no %PDF header"
        if kind is None and _is_text(data):
            what = "the file holds plain text"
        raise InputError(path, f"not a PDF ({what}); give it the right extension")
    truncated = b"%%EOF" not in data[-2048:]
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(path, "not a readable PDF (it is encrypted)")
        pages = list(reader.pages)
    except InputError:
        raise
    # pypdf raises many kinds of error on damaged files (PdfReadError, ValueError, KeyError,
    # struct and zlib errors, RecursionError); each means this one file cannot be read.
    except Exception as exc:  # noqa: BLE001
        reason = "file is truncated" if truncated else f"{type(exc).__name__}: {exc}"
        raise InputError(path, f"not a readable PDF ({reason})") from exc
    texts, failed = [], []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(_page_text(page))
        except Exception:  # noqa: BLE001  - one damaged page should not lose the others
            failed.append(number)
    text = "\n\n".join(texts)
    if not text.strip():
        if failed:
            reason = "file is truncated" if truncated else "no page could be read"
            raise InputError(path, f"not a readable PDF ({reason})")
        raise InputError(path, "PDF has no text layer (scanned image?); run OCR first")
    warnings = []
    if failed:
        warnings.append(f"PDF page(s) {', '.join(map(str, failed))} could not be read; left out")
    if truncated:
        warnings.append("the PDF looks truncated (no %%EOF marker); read what is there")
    return Extracted(text, warnings=tuple(warnings))


def _is_text(data: bytes) -> bool:
    """True when the first bytes decode as UTF-8 text without control characters."""
    try:
        head = data[:2048].decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        # a cut in the middle of a multibyte character at byte 2048 is still text
        head = data[:2040].decode("utf-8", errors="ignore")
    return bool(head) and all(ch.isprintable() or ch in "\n\r\t" for ch in head)


def _page_text(page) -> str:
    """The plain text of a page with a blank line wherever a paragraph or heading starts.

    pypdf reports each text run with its position; the lines of the plain text are matched
    with those positions. When they cannot be matched one to one, the plain text is used as is.
    """
    lines: list[dict] = []

    def visit(text, cm, tm, font, size):
        if text == "\n" or not lines:
            lines.append({"y": None, "size": None})
            if text == "\n":
                return
        line = lines[-1]
        if text.strip() and line["y"] is None:
            line["y"] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            line["size"] = (size or 0) * abs(tm[3] or tm[0] or 1) * abs(cm[3] or 1)

    plain = page.extract_text(visitor_text=visit) or ""
    texts = plain.split("\n")
    if len(texts) != len(lines):
        return plain
    gaps = sorted(a["y"] - b["y"] for a, b in zip(lines, lines[1:])
                  if a["y"] is not None and b["y"] is not None and a["y"] > b["y"])
    usual = gaps[len(gaps) // 2] if gaps else None
    out, previous = [], None
    for text, line in zip(texts, lines):
        if previous is not None and line["y"] is not None and text.strip():
            gap = previous["y"] - line["y"]
            bigger = usual is not None and gap > _PARAGRAPH_GAP * usual
            resized = abs(line["size"] - previous["size"]) > _SIZE_CHANGE * max(previous["size"], 1)
            if bigger or resized or gap < 0:  # gap < 0: a new column or text box higher up
                out.append("")
        out.append(text)
        if line["y"] is not None and text.strip():
            previous = line
    return "\n".join(out)
