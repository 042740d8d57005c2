"""DOCX: paragraphs and table cells with python-docx."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml.etree import XMLSyntaxError
from docx.opc.exceptions import PackageNotFoundError

from ..errors import InputError


def read_docx(path: Path, data: bytes) -> str:
    """The text of a Word report, one block per paragraph."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise InputError(path, f"not a readable DOCX ({exc or 'broken zip package'})") from exc
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        blocks.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n\n".join(b.strip() for b in blocks if b.strip())
