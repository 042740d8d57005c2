"""Analysis: `Report` -> `Doc` -> `Record`, for one report or a whole corpus run."""
from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from tqdm import tqdm

from .cache import RecordCache
from .errors import InputError
from .export.atomic import check_output_folder, write_text_atomic
from .export.json import record_file_names, write_record
from .ingest import find_report_ids, read_report
from .nlp import build_pipeline, make_doc
from .records import Record, record_from_doc
from .report import Report
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    """What a corpus run produced.

    ``records[i]`` was made from ``sources[i]``; ``errors`` lists the files that could not be
    analysed; ``written`` the output files; ``reused`` how many records came from the cache.
    A record's ``report`` is the id `wsd_text.ingest.find_report_ids` gave its file: the path
    below the folder it was found in (``a/verslag.txt``), unique in the run.
    """

    records: list[Record] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    reused: int = 0

    @property
    def ok(self) -> bool:
        """True when at least one report was analysed."""
        return bool(self.records)


def analyse_report(report: Report, settings: Settings | None = None) -> Record:
    """Analyse one ingested report.

    Examples
    --------
    >>> from wsd_text.ingest import read_report
    >>> analyse_report(read_report("corpus/000_a2d3b59cfc4ed371.txt")).report
    '000_a2d3b59cfc4ed371.txt'
    """
    doc = make_doc(report, build_pipeline(settings or Settings()))
    return record_from_doc(doc, report)


def analyse_file(path: Path, settings: Settings, report_id: str | None = None,
                 json_path: Path | None = None) -> Record | InputError:
    """Read and analyse one file; a file that cannot be read or analysed comes back as an
    `InputError`, never raised.

    With ``report_id`` the record carries the run's id for the file; with ``json_path`` it is
    also written there, so that ``--jobs`` workers write records in parallel too (a record
    that fails its schema raises: that is a bug to report, not bad input).
    """
    try:
        record = analyse_report(read_report(path, settings), settings)
    except InputError as error:
        return error
    except Exception as exc:  # a bug on one odd file must not stop a corpus run
        log.debug("internal error on %s", path, exc_info=True)
        return InputError(path, f"internal error while analysing ({type(exc).__name__}: {exc}); please report it")
    if report_id is not None and record.report != report_id:
        record = replace(record, report=report_id)  # equal file names in different folders
    if json_path is not None:
        write_record(record.to_dict(), json_path)
    return record


def analyse_paths(paths: Iterable[str | Path], out: str | Path | None = None,
                  settings: Settings | None = None, progress: bool = True,
                  jobs: int = 1, scheduler: str | None = None,
                  pseudonym_key: str | Path | None = None) -> RunResult:
    """Analyse every report under ``paths``; with ``out``, write the records and tables.

    Parameters
    ----------
    paths : iterable of str or Path
        Report files, or folders searched recursively.
    out : str or Path, optional
        Output folder. An unchanged report analysed into the same folder before is not
        analysed again (see `wsd_text.cache`).
    settings : Settings, optional
    progress : bool
        Show a progress bar on standard error.
    jobs : int
        Worker processes; the output is identical to one process.
    scheduler : str, optional
        Address of a Dask scheduler to run the per-report analysis on.
    pseudonym_key : str or Path, optional
        Key file for ``settings.pseudonymise`` (required then): person names are replaced
        before anything is written, and the key is saved outside ``out``
        (`wsd_text.pseudonymise`).

    One bad file never stops the run: it is logged (at error level), kept in
    ``RunResult.errors`` and written to ``errors.csv``. Files in ``out`` and pages wsd-text
    wrote are not read as reports (`wsd_text.ingest.find_reports`).
    """
    settings = settings or Settings()
    if jobs < 1:
        raise ValueError(f"The 'jobs' parameter must be at least 1. Got {jobs!r} instead.")
    if out is not None:
        check_output_folder(out)
    ids, errors = find_report_ids(paths, skip=out)
    for error in errors:
        log.error("%s", error)
    result = RunResult(errors=list(errors))
    cache = RecordCache(Path(out), settings) if out is not None else None
    cached = {f: cache.get(f, report_id) for f, report_id in ids.items()} if cache else {}
    todo = [f for f in ids if cached.get(f) is None]
    # Named before analysing, so a worker can write its record: a file that then fails still
    # holds its name ("verslag.docx" broken beside "verslag.html" gives "verslag_html.json").
    names = dict(zip(ids, record_file_names(ids.values())))
    # Records are written as they are made, unless pseudonyms must replace names first.
    direct = out is not None and not settings.pseudonymise and not scheduler
    targets = [Path(out) / names[f] for f in todo] if direct else [None] * len(todo)
    fresh = dict(zip(todo, _run(todo, [ids[f] for f in todo], targets, settings, progress, jobs, scheduler)))
    for path, report_id in ids.items():
        item = cached.get(path) or fresh[path]
        if isinstance(item, InputError):
            log.error("%s", item)
            result.errors.append(item)
            continue
        for warning in item.warnings:
            log.warning("%s: %s", report_id, warning)
        # A cached record is named after its file; the run's id also tells apart equal names.
        result.records.append(item if item.report == report_id else replace(item, report=report_id))
        result.sources.append(path)
    result.reused = len(ids) - len(todo)
    if settings.pseudonymise:
        from .pseudonymise import pseudonymise_run

        pseudonymise_run(result, pseudonym_key, out)
    if out is not None:
        written = {path for path in targets if path is not None}
        result.written = write_outputs(result, Path(out), cache, [names[p] for p in result.sources], written)
    return result


def _run(files: list[Path], report_ids: list[str], targets: list[Path | None], settings: Settings,
         progress: bool, jobs: int, scheduler: str | None) -> Iterator[Record | InputError]:
    """Analyse ``files`` in order, in this process, in ``jobs`` processes, or on Dask; a
    record is written to its target as soon as it is made (`analyse_file`)."""
    if scheduler:
        from .distributed import analyse_on_dask

        return iter(analyse_on_dask(files, settings, scheduler))
    work = partial(_analyse_to, settings=settings)
    # disable=None: no bar when standard error is not a terminal (a log file gets no "\r" debris)
    bar = partial(tqdm, total=len(files), desc="analyse", unit="report", disable=None if progress else True,
                  leave=False)
    if jobs == 1 or len(files) < 2:
        return iter(bar(map(work, files, report_ids, targets)))
    if multiprocessing.get_start_method() == "fork":
        build_pipeline(settings)  # built once here, a forked worker starts with it (~0.4 s each)
    return _in_processes(work, (files, report_ids, targets), jobs, bar)


def _analyse_to(path: Path, report_id: str, target: Path | None, settings: Settings) -> Record | InputError:
    """`analyse_file` with the file's arguments first, to map over files, ids and targets."""
    return analyse_file(path, settings, report_id, target)


def _in_processes(work, arguments: tuple[list, ...], jobs, bar) -> Iterator[Record | InputError]:
    # Small chunks: the last one runs on one worker while the others idle, and at ~20 ms a report
    # a chunk of 64 left a core idle for up to a second at the end of a run; 8 costs no more IPC.
    chunk = max(1, min(8, len(arguments[0]) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(work, *arguments, chunksize=chunk)
        # started once the workers are forked: a fork during an import in another thread can hang
        threading.Thread(target=_load_writers, daemon=True).start()
        yield from bar(results)


def _load_writers() -> None:
    """Import pandas and matplotlib for the tables and the report while the workers analyse:
    this process waits then, and at the end of a run they took another second."""
    from . import corpus  # noqa: F401
    from .export import html  # noqa: F401


def write_outputs(result: RunResult, out: Path, cache: RecordCache | None = None,
                  names: list[str] | None = None, written: set[Path] = frozenset()) -> list[Path]:
    """One ``<stem>.json`` per record, ``corpus.csv``, ``errors.csv`` and the organiser's ``report.html``.

    ``names``: the JSON file names of the records (default `record_file_names` of their
    ids); ``written``: record files already written while analysing. With a ``cache``,
    records read back from this folder are not written again, nor are the tables and the
    report when no record and no error changed since the run that wrote them.
    """
    names = names or record_file_names(record.report for record in result.records)
    # The JSON form of a record, built once and only when a record or the summaries are written.
    dicts: dict[int, dict] = {}

    def as_dict(i: int) -> dict:
        if i not in dicts:
            dicts[i] = result.records[i].to_dict()
        return dicts[i]

    for i, (name, source) in enumerate(zip(names, result.sources)):
        if out / name not in written and (cache is None or not cache.unchanged(source, name)):
            write_record(as_dict(i), out / name)
        if cache is not None:
            _remove_renamed(cache, source, name, names, out)
            cache.put(source, name)
    summaries = [out / "corpus.csv", out / "errors.csv", out / "report.html"]
    if cache is None or not cache.outputs_unchanged(result.sources, result.errors, summaries):
        _write_summaries([as_dict(i) for i in range(len(result.records))], result.errors, summaries)
    if cache is not None:
        cache.save()
    return [out / name for name in names] + summaries


def _write_summaries(dicts: list[dict], errors: list[InputError], paths: list[Path]) -> None:
    """``corpus.csv``, ``errors.csv`` and ``report.html`` from the records' JSON form, built once."""
    from .corpus import Corpus  # pandas and matplotlib are loaded only when writing outputs
    from .export.html import write_report

    corpus = Corpus.from_records(dicts, errors)
    corpus_csv, errors_csv, report_html = paths
    write_text_atomic(corpus_csv, corpus.reports.to_csv(index=False))
    write_text_atomic(errors_csv, corpus.errors.to_csv(index=False))
    write_report(corpus, report_html)


def _remove_renamed(cache: RecordCache, source: Path, name: str, names: list[str], out: Path) -> None:
    """Remove the record an earlier run wrote for ``source`` under another name.

    Left behind, it would be read back beside the new one as a second record of the report.
    """
    old = cache.json_name(source)
    if old is not None and old != name and old not in names:
        (out / old).unlink(missing_ok=True)
