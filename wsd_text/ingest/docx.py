"""DOCX: paragraphs and table cells in document order, with python-docx."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.table import Table

from ..errors import InputError
from .formats import Extracted, sniff


def read_docx(path: Path, data: bytes) -> Extracted:
    """The text of a Word report, one block per paragraph or table cell."""
    kind = sniff(data)
    if kind == "an old Office file (.doc, .xls)":
        raise InputError(path, "not a readable DOCX (it is an old Word .doc file; save it as .docx)")
    if not kind or not kind.startswith("a zip"):
        what = f"it is {kind}" if kind else "not a zip package"
        raise InputError(path, f"not a readable DOCX ({what})")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"not a readable DOCX (broken zip package: {exc})") from exc
    if "word/document.xml" not in names:
        other = " (it looks like an Excel file)" if "xl/workbook.xml" in names else ""
        raise InputError(path, f"not a readable DOCX (the zip package holds no word/document.xml){other}")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError, BadZipFile and more on
    # damaged packages; each means this one file cannot be read.
    except Exception as exc:  # noqa: BLE001
        raise InputError(path, f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    return Extracted("\n\n".join(b for b in blocks if b))


def _blocks(document) -> list[str]:
    """Paragraph texts and table cell texts, in the order they stand in the document."""
    out = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                previous = None
                for cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if cell._tc is not previous:
                        out.append(cell.text.strip())
                    previous = cell._tc
        else:
            out.append(item.text.strip())
    return out
