"""Analysis: `Report` -> `Doc` -> `Record`, for one report or a whole corpus run."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .errors import InputError
from .export.atomic import write_text_atomic
from .export.json import write_record
from .ingest import find_reports, iter_reports
from .nlp import build_pipeline, make_doc
from .records import Record, record_from_doc
from .report import Report
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    """What a corpus run produced: records, the files it could not analyse, files written."""

    records: list[Record] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when at least one report was analysed."""
        return bool(self.records)


def analyse_report(report: Report, settings: Settings | None = None) -> Record:
    """Analyse one ingested report.

    Examples
    --------
    >>> from wsd_text.ingest import read_report
    >>> record = analyse_report(read_report("corpus/000_a2d3b59cfc4ed371.txt"))
    >>> record.report
    '000_a2d3b59cfc4ed371.txt'
    """
    doc = make_doc(report, build_pipeline(settings or Settings()))
    return record_from_doc(doc, report)


def analyse_paths(paths: Iterable[str | Path], out: str | Path | None = None,
                  settings: Settings | None = None, progress: bool = True) -> RunResult:
    """Analyse every report under ``paths``; with ``out``, write the records and tables.

    One bad file never stops the run: it is logged, kept in ``RunResult.errors`` and
    written to ``errors.csv``.
    """
    settings = settings or Settings()
    files, errors = find_reports(paths)
    result = RunResult(errors=list(errors))
    bar = tqdm(iter_reports(files, settings), total=len(files), desc="analyse", unit="report",
               disable=not progress, leave=False)
    for item in bar:
        if isinstance(item, InputError):
            log.warning("%s", item)
            result.errors.append(item)
            continue
        for warning in item.warnings:
            log.warning("%s: %s", item.id, warning)
        result.records.append(analyse_report(item, settings))
    if out is not None:
        result.written = write_outputs(result, Path(out))
    return result


def write_outputs(result: RunResult, out: Path) -> list[Path]:
    """One ``<stem>.json`` per record, ``corpus.csv`` and ``errors.csv``, all written atomically."""
    from .tables import errors_table, reports_table  # pandas is loaded only when writing tables

    written = []
    for name, record in zip(_json_names(result.records), result.records):
        written.append(write_record(record.to_dict(), out / name))
    written.append(write_text_atomic(out / "corpus.csv", reports_table(result.records).to_csv(index=False)))
    written.append(write_text_atomic(out / "errors.csv", errors_table(result.errors).to_csv(index=False)))
    return written


def _json_names(records: list[Record]) -> list[str]:
    """``<stem>.json``; a second report with the same stem keeps its extension in the name."""
    names, seen = [], set()
    for record in records:
        stem = Path(record.report).stem
        name = f"{stem}.json" if stem not in seen else f"{record.report.replace('.', '_')}.json"
        seen.add(stem)
        names.append(name)
    return names
