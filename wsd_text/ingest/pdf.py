"""PDF: text per page with pypdf."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from ..errors import InputError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on harmless quirks


def read_pdf(path: Path, data: bytes) -> str:
    """The text of a PDF report, pages separated by blank lines."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(path, "not a readable PDF (it is encrypted)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"not a readable PDF ({exc})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(path, "PDF has no text layer (scanned image?); run OCR first")
    return text
