"""HTML: the main text by trafilatura, the rest of the page kept as left-out blocks."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from .formats import Extracted, sniff
from .txt import declared_charset, decode

# trafilatura logs every page it finds hard to parse; a corpus run reports problems itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_SPACE = re.compile(r"\s+")
# Elements whose text is one block of the page; inline elements (a, span, b) belong to the
# block around them, except a link or button that stands alone as a menu item.
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
                     "blockquote", "pre", "figcaption", "caption", "address", "div", "section",
                     "article", "main", "header", "footer", "nav", "aside", "form", "button",
                     "label", "summary", "ul", "ol", "table", "tr", "body"})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})


def read_html(path: Path, data: bytes) -> Extracted:
    """The main text of an HTML page (paragraphs split by blank lines) and what was left out."""
    kind = sniff(data)
    if kind:
        raise InputError(path, f"not an HTML page: it is {kind}; give it the right extension")
    html = decode(data, path, declared=declared_charset(data))
    if not _TAG.search(html):
        raise InputError(path, "not HTML (no markup found); rename it to .txt if it is plain text")
    try:
        main = trafilatura.extract(html, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)
        # Only the title is used; the date search that extensive mode adds costs seconds per page.
        metadata = trafilatura.extract_metadata(html, extensive=False)
    # trafilatura and lxml raise many kinds of error on broken markup; any of them means
    # this one page cannot be read, which must not stop a corpus run.
    except Exception as exc:  # noqa: BLE001
        raise InputError(path, f"not readable HTML ({type(exc).__name__}: {exc})") from exc
    if not main or not main.strip():
        raise InputError(path, "no main text found in the HTML (empty, truncated or only site furniture)")
    lines = [line.strip() for line in main.splitlines() if line.strip()]
    title = metadata.title.strip() if metadata is not None and metadata.title else None
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    left_out = _left_out(html, " ".join(lines))
    warnings = ()
    lower = html[-4096:].lower()
    if "</html>" not in lower and "</body>" not in lower:
        warnings = ("the HTML page looks truncated (no closing </body> or </html>); read what is there",)
    return Extracted("\n\n".join(lines), left_out, warnings)


def _left_out(html: str, main: str) -> tuple[str, ...]:
    """Text blocks of the page that are not in the main text (menus, cookie bars, footers)."""
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    main = _SPACE.sub(" ", main)
    out: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS or _skipped(element):
            continue
        for piece in _own_text(element):
            piece = _SPACE.sub(" ", piece).strip()
            if piece and piece not in main and piece not in out:
                out.append(piece)
    return tuple(out)


def _own_text(element) -> list[str]:
    """The text of a block without its child blocks: runs of text between them."""
    pieces, current = [], [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and (child.tag in _BLOCKS or child.tag in _SKIP):
            pieces.append("".join(current))
            current = []
        elif isinstance(child.tag, str):
            current.append(child.text_content())
        current.append(child.tail or "")
    pieces.append("".join(current))
    return pieces


def _skipped(element) -> bool:
    return any(isinstance(a.tag, str) and a.tag in _SKIP for a in element.iterancestors())
