"""HTML: the main text by trafilatura, the rest of the page kept as removed blocks."""
from __future__ import annotations

from pathlib import Path

import trafilatura

from ..errors import InputError
from .txt import decode


def read_html(path: Path, data: bytes) -> tuple[str, list[str]]:
    """The main text of an HTML page (paragraphs split by blank lines) and what was left out."""
    html = decode(data, path)
    if "<" not in html:
        raise InputError(path, "not HTML (no markup found)")
    main = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_recall=True, deduplicate=False)
    if not main or not main.strip():
        raise InputError(path, "no main text found in the HTML (empty or truncated page)")
    title = trafilatura.extract_metadata(html)
    lines = [line.strip() for line in main.splitlines() if line.strip()]
    if title is not None and title.title and (not lines or lines[0] != title.title.strip()):
        lines.insert(0, title.title.strip())
    kept = set(lines)
    page = trafilatura.html2txt(html) or ""
    left_out = [b for b in (s.strip() for s in page.splitlines()) if b and b not in kept]
    return "\n\n".join(lines), left_out
