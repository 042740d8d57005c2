"""Ingest: files of any supported format to `Report` objects.

One reader per format returns raw text; the shared steps (blocks, boilerplate, title,
metadata, language check) turn it into a `Report` whose offsets all refer to ``Report.text``.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..naming import first_free
from ..report import Paragraph, Report
from ..settings import Settings
from .blocks import split_blocks
from .clean import load_rules, remove_boilerplate
from .docx import read_docx
from .html import read_html
from .language import not_dutch_warning
from .metadata import extract_metadata, find_title, load_cues
from .pdf import read_pdf
from .txt import read_txt

READERS = {".txt": read_txt, ".text": read_txt, ".html": read_html, ".htm": read_html,
           ".pdf": read_pdf, ".docx": read_docx}
SUFFIXES = tuple(READERS)
# Office formats a researcher may have saved reports in that wsd-text cannot read; notes such
# as README.md are left alone, a folder of reports often holds one.
UNREADABLE_DOCUMENTS = frozenset({".doc", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
                                  ".odp", ".pages", ".epub"})
_SAVE_AS = "save it as .docx, .pdf or .txt to analyse it"
# The mark in the <head> of the pages wsd-text writes, so a later run does not read its own
# report.html as a meeting report (templates/report.html.j2).
OWN_OUTPUT_MARK = b'<meta name="generator" content="wsd-text'
OWN_OUTPUT_HEAD = 16_384  # bytes read to look for it: the head with its inline CSS

__all__ = ["read_report", "report_from_text", "find_reports", "find_report_ids", "iter_reports", "SUFFIXES"]

log = logging.getLogger(__name__)


def find_reports(paths: Iterable[str | Path], skip: str | Path | None = None) -> tuple[list[Path], list[InputError]]:
    """Report files under ``paths`` (files, or folders searched recursively), and path errors.

    In a folder, files of a document format wsd-text cannot read (.doc, .xlsx, ...) are
    returned as errors so that a researcher sees they were skipped; other files (the run's own
    .json and .csv output, images) are passed over silently, as are hidden files, the pages
    wsd-text writes (``report.html``) and everything in the folder ``skip`` (a run's output
    folder). See `find_report_ids` for the id each file gets in a run.
    """
    ids, errors = find_report_ids(paths, skip)
    return list(ids), errors


def find_report_ids(paths: Iterable[str | Path],
                    skip: str | Path | None = None) -> tuple[dict[Path, str], list[InputError]]:
    """Report files under ``paths`` as in `find_reports`, each with its id in the run.

    The id (``Record.report``) is the file's path relative to the folder it was found under,
    with ``/`` between folders (``a/verslag.txt``); a file given by itself is known by its
    name, so a flat folder keeps the file names that gold records are matched on. Ids are
    unique in a run: an id that an earlier input already gave is prefixed with the name of the
    folder it was found in, and numbered if that is taken too. A file given twice (by itself
    and inside a given folder) is analysed once.

    Examples
    --------
    >>> ids, errors = find_report_ids(["corpus"])
    >>> sorted(ids.values())[0]
    '000_a2d3b59cfc4ed371.txt'
    """
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    seen: set[Path] = set()
    errors: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            reports, folder_errors = _reports_in_folder(path, skip)
            errors.extend(folder_errors)
            folder_name = path.resolve().name
            entries = [(p, p.relative_to(path).as_posix(), folder_name) for p in reports]
        elif path.is_file():
            entries = [(path, path.name, path.resolve().parent.name)]
        else:
            errors.append(InputError(path, "no such file or folder"))
            continue
        for file, report_id, folder in entries:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                ids[file] = unique_id(report_id, folder, taken)
    return ids, errors


def _reports_in_folder(folder: Path, skip: str | Path | None) -> tuple[list[Path], list[InputError]]:
    """The report files in ``folder`` and its subfolders, and the documents it cannot read."""
    inside = _skipped_parts(folder, skip)
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and not _hidden(p, folder) and not _under(p, folder, inside))
    candidates = [p for p in files if p.suffix.lower() in SUFFIXES]
    reports = [p for p in candidates if not is_own_output(p)]
    errors = [InputError(p, f"unsupported file type {p.suffix!r}, skipped; {_SAVE_AS}")
              for p in files if p.suffix.lower() in UNREADABLE_DOCUMENTS]
    if not reports:
        own = " (only pages wsd-text wrote, which are not analysed again)" if candidates else ""
        errors.append(InputError(folder, f"folder holds no report files ({', '.join(SUFFIXES)}){own}"))
    return reports, errors


def _skipped_parts(folder: Path, skip: str | Path | None) -> tuple[str, ...] | None:
    """The path of ``skip`` inside ``folder``, or None when it is not strictly inside it.

    An output folder that is the input folder itself is not skipped (that would skip
    everything): the run's own records and tables are not report files anyway.
    """
    if skip is None:
        return None
    try:
        parts = Path(skip).resolve().relative_to(folder.resolve()).parts
    except ValueError:
        return None
    return parts or None


def _under(path: Path, root: Path, parts: tuple[str, ...] | None) -> bool:
    return parts is not None and path.relative_to(root).parts[:len(parts)] == parts


def is_own_output(path: Path) -> bool:
    """True for an HTML page wsd-text wrote (the organiser's report), by its generator mark.

    Pages of versions before the mark carry the note "Gemaakt met wsd-text" near the top.
    """
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(OWN_OUTPUT_HEAD)
    except OSError:
        return False  # read_report names the problem
    return OWN_OUTPUT_MARK in head or b'<p class="note">Gemaakt met wsd-text' in head


def unique_id(report_id: str, folder: str, taken: set[str]) -> str:
    """``report_id``, else ``folder/report_id``, else that numbered: the first not ``taken``.

    Examples
    --------
    >>> taken = set()
    >>> [unique_id("verslag.txt", "a", taken) for _ in range(3)]
    ['verslag.txt', 'a/verslag.txt', 'a/verslag-2.txt']
    """
    named = [report_id, f"{folder}/{report_id}"] if folder else [report_id]
    stem, dot, suffix = named[-1].rpartition(".")
    if not dot or "/" in suffix:
        stem, suffix = named[-1], ""
    return first_free(named, lambda n: f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}", taken)



def read_report(path: str | Path, settings: Settings | None = None, *, report_id: str | None = None) -> Report:
    """Read one report file into a `Report`.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.html``, ``.pdf`` or ``.docx`` file; it is only read, never modified.
    settings : Settings or None
        ``max_file_mb`` limits the file size; ``data_dir`` may hold replacement
        ``boilerplate.yaml`` and ``metadata.yaml`` files.
    report_id : str, optional
        ``Report.id``; the file name by default (a run gives the id `find_report_ids` made).

    Returns
    -------
    Report

    Raises
    ------
    InputError
        When the file cannot be analysed; the message is one line, ``"<file>: <reason>"``.

    Examples
    --------
    >>> report = read_report("corpus/002_bdb4cd46df02da2c.txt")
    >>> report.title.split()[:3]
    ['Nieuwe', 'manier', 'van']
    """
    path = Path(path)
    settings = settings or Settings()
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file; use find_reports() or analyse_paths() for folders")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of "
                               f"{', '.join(SUFFIXES)} ({_SAVE_AS})")
    try:
        size = path.stat().st_size
        if size > settings.max_file_mb * 1e6:
            raise InputError(path, f"file too large ({size / 1e6:.1f} MB; the limit is {settings.max_file_mb:g} MB, "
                                   "see the 'max_file_mb' setting)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(path, "empty file")
    extracted = reader(path, data)
    return report_from_text(extracted.text, path,
                            removed=[f"not main text: {b}" for b in extracted.left_out],
                            warnings=extracted.warnings, settings=settings, report_id=report_id)


def report_from_text(raw: str, path: str | Path, removed: Iterable[str] = (), *,
                     warnings: Iterable[str] = (), settings: Settings | None = None,
                     report_id: str | None = None) -> Report:
    """Build a `Report` from raw text (the shared half of every reader).

    Parameters
    ----------
    raw : str
        The text as a reader extracted it; blank lines separate blocks.
    path : str or Path
        The source file; its name becomes ``Report.id`` unless ``report_id`` is given.
    removed : iterable of str
        Parts the reader already left out (HTML page furniture), kept in ``Report.removed``.
    warnings : iterable of str
        The reader's non-fatal findings.
    settings : Settings or None
        ``data_dir`` may hold replacement ``boilerplate.yaml`` and ``metadata.yaml`` files.
    report_id : str, optional
        ``Report.id`` when it is not the file name.

    Examples
    --------
    >>> report = report_from_text("Verslag\\n\\nOp 3 maart 2024 vond de bijeenkomst plaats.", "r.txt")
    >>> report.title, report.metadata.event_date
    ('Verslag', '2024-03-03')
    """
    path = Path(path)
    rules = load_rules(_data_file(settings, "boilerplate.yaml"))
    blocks, boiler = remove_boilerplate(split_blocks(raw), rules)
    if not blocks:
        raise InputError(path, "no text left after removing empty lines and website boilerplate")
    paragraphs, pieces, offset = [], [], 0
    for text, kind in blocks:
        paragraphs.append(Paragraph(offset, offset + len(text), kind))
        pieces.append(text)
        offset += len(text) + 2
    text = "\n\n".join(pieces)
    notes = list(warnings)
    language = not_dutch_warning(text)
    if language:
        notes.append(language)
    metadata = extract_metadata(text, load_cues(_data_file(settings, "metadata.yaml")))
    return Report(id=report_id or path.name, source=path, text=text, title=find_title(blocks),
                  paragraphs=tuple(paragraphs), metadata=metadata,
                  removed=tuple(removed) + tuple(boiler), warnings=tuple(notes))


def iter_reports(paths: Iterable[Path], settings: Settings | None = None) -> Iterator[Report | InputError]:
    """Each path as a `Report`, or the `InputError` that explains why not.

    A bug of wsd-text on one odd file is also turned into an `InputError` (its traceback is
    logged at debug level), so that one file never stops a corpus run.
    """
    for path in paths:
        try:
            yield read_report(path, settings)
        except InputError as error:
            yield error
        except Exception as exc:  # noqa: BLE001
            log.debug("unexpected error reading %s", path, exc_info=True)
            yield InputError(path, f"could not be read (unexpected {type(exc).__name__}: {exc}); "
                                   "please report this as a wsd-text bug")


def _data_file(settings: Settings | None, name: str) -> str | None:
    """The user's replacement for data file ``name`` in ``settings.data_dir``, if there is one."""
    if settings is None or settings.data_dir is None:
        return None
    candidate = Path(settings.data_dir) / name
    return str(candidate) if candidate.is_file() else None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
