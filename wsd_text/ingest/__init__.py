"""Ingest: files of any supported format to `Report` objects.

One reader per format returns raw text; the shared steps (blocks, boilerplate, title,
metadata, language check) turn it into a `Report` whose offsets all refer to ``Report.text``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..report import Paragraph, Report
from ..settings import Settings
from .blocks import split_blocks
from .clean import remove_boilerplate
from .docx import read_docx
from .html import read_html
from .language import not_dutch_warning
from .metadata import extract_metadata, find_title
from .pdf import read_pdf
from .txt import read_txt

READERS = {".txt": read_txt, ".text": read_txt, ".html": read_html, ".htm": read_html,
           ".pdf": read_pdf, ".docx": read_docx}
SUFFIXES = tuple(READERS)

__all__ = ["read_report", "report_from_text", "find_reports", "SUFFIXES"]


def find_reports(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Report files under ``paths`` (files, or folders searched recursively), and path errors."""
    found: list[Path] = []
    errors: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)
                           and p.suffix.lower() in SUFFIXES)
            if not files:
                errors.append(InputError(path, f"folder holds no reports ({', '.join(SUFFIXES)})"))
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            errors.append(InputError(path, "no such file or folder"))
    return found, errors


def read_report(path: str | Path, settings: Settings | None = None) -> Report:
    """Read one report file into a `Report`.

    Raises `InputError` (message ``"<file>: <reason>"``) when the file cannot be analysed.

    Examples
    --------
    >>> report = read_report("corpus/002_bdb4cd46df02da2c.txt")
    >>> report.title.split()[:3]
    ['Nieuwe', 'manier', 'van']
    """
    path = Path(path)
    settings = settings or Settings()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(SUFFIXES)}")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file")
    if size > settings.max_file_mb * 1e6:
        raise InputError(path, f"file too large ({size / 1e6:.1f} MB; the limit is {settings.max_file_mb:g} MB, "
                               "see the 'max_file_mb' setting)")
    result = reader(path, path.read_bytes())
    raw, left_out = result if isinstance(result, tuple) else (result, [])
    return report_from_text(raw, path, removed=[f"not main text: {b}" for b in left_out])


def report_from_text(raw: str, path: str | Path, removed: Iterable[str] = ()) -> Report:
    """Build a `Report` from raw text (the shared half of every reader)."""
    path = Path(path)
    blocks, boiler = remove_boilerplate(split_blocks(raw))
    if not blocks:
        raise InputError(path, "no text left after removing empty lines and website boilerplate")
    paragraphs, pieces, offset = [], [], 0
    for text, kind in blocks:
        paragraphs.append(Paragraph(offset, offset + len(text), kind))
        pieces.append(text)
        offset += len(text) + 2
    text = "\n\n".join(pieces)
    warning = not_dutch_warning(text)
    return Report(id=path.name, source=path, text=text, title=find_title(blocks),
                  paragraphs=tuple(paragraphs), metadata=extract_metadata(text),
                  removed=tuple(removed) + tuple(boiler), warnings=(warning,) if warning else ())


def iter_reports(paths: Iterable[Path], settings: Settings | None = None) -> Iterator[Report | InputError]:
    """Each path as a `Report`, or the `InputError` that explains why not."""
    for path in paths:
        try:
            yield read_report(path, settings)
        except InputError as error:
            yield error


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
