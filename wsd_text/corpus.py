"""A corpus as pandas DataFrames: the API the notebooks and the organiser's report use."""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import tables
from .errors import InputError
from .ingest import unique_id
from .records import Record
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corpus:
    """Every table of an analysed corpus (built by `wsd_text.tables`).

    Attributes
    ----------
    reports : DataFrame
        One row per report: metadata, counts, the status of each perspective, themes.
    actors : DataFrame
        One row per actor, with perspective, ``speaks``, quotes and words quoted.
    quotes : DataFrame
        One row per quote, with speaker and perspective.
    voices : DataFrame
        One row per report × perspective: status, flagged missing, evidence sentences.
    themes : DataFrame
        One row per report × theme code, with its evidence sentences.
    errors : DataFrame
        One row per file that could not be analysed.

    Examples
    --------
    >>> corpus = Corpus.from_records([Record("a.txt", "Kenniscafé armoede", None, None, None, None)])
    >>> corpus.voices["status"].tolist()
    ['absent', 'absent', 'absent', 'absent']
    """

    reports: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    voices: pd.DataFrame
    themes: pd.DataFrame
    errors: pd.DataFrame

    @classmethod
    def from_records(cls, records: Iterable[Record | Mapping],
                     errors: Iterable[InputError] | pd.DataFrame = ()) -> "Corpus":
        """The corpus of ``records`` (`Record` objects or their JSON form).

        Parameters
        ----------
        records : iterable of Record or dict
            Each with its own ``report`` id: the tables are joined on it.
        errors : iterable of InputError, or an errors DataFrame
            Files that could not be analysed, shown in the organiser's report.

        Raises
        ------
        ValueError
            When two records have the same ``report`` id.

        Examples
        --------
        >>> corpus = Corpus.from_records([Record("a.txt", "Werkplaats schulden", None, None, None, None)])
        >>> len(corpus)
        1
        """
        dicts = tables.record_dicts(records)
        twice = [rid for rid, n in Counter(d["report"] for d in dicts).items() if n > 1]
        if twice:
            raise ValueError(f"The records must each have their own 'report' id; {twice[0]!r} is given "
                             f"{sum(d['report'] == twice[0] for d in dicts)} times.")
        error_frame = errors if isinstance(errors, pd.DataFrame) else tables.errors_table(errors)
        return cls(reports=tables.reports_table(dicts), actors=tables.actors_table(dicts),
                   quotes=tables.quotes_table(dicts), voices=tables.voices_table(dicts),
                   themes=tables.themes_table(dicts), errors=error_frame)

    @classmethod
    def from_json_folder(cls, folder: str | Path) -> "Corpus":
        """The corpus of the JSON records in ``folder`` (the output of ``wsd-text analyse``).

        Each record is checked against the record schema; an ``errors.csv`` beside them is
        read too. Hand-coded gold records are read the same way.

        Examples
        --------
        >>> corpus = Corpus.from_json_folder("results")  # doctest: +SKIP
        >>> corpus.voices.groupby("perspective", observed=True)["status"].value_counts()  # doctest: +SKIP
        """
        return cls.from_records(*_read_record_folder(Path(folder)))

    def __len__(self) -> int:
        return len(self.reports)

    def missing_voices(self) -> pd.DataFrame:
        """The voices that reports themselves flag as missing, with the evidence sentence."""
        return tables.missing_voices(self.voices, self.reports)

    def quotes_for(self, perspective: str | None = None, theme: str | None = None) -> pd.DataFrame:
        """The quotes of one perspective, or from reports on one theme, or both.

        Examples
        --------
        >>> corpus = Corpus.from_records([])
        >>> corpus.quotes_for(perspective="lived_experience", theme="schulden").empty
        True
        """
        quotes = self.quotes
        if perspective is not None:
            quotes = quotes[quotes["perspective"] == perspective]
        if theme is not None:
            on_theme = self.themes.loc[self.themes["code"] == theme, "report"]
            quotes = quotes[quotes["report"].isin(on_theme)]
        return quotes


def analyse_corpus(path: str | Path | Iterable[str | Path], settings: Settings | None = None,
                   progress: bool = False, jobs: int = 1, scheduler: str | None = None) -> Corpus:
    """Analyse reports into a `Corpus`, or read back the records an earlier run wrote.

    Parameters
    ----------
    path : str, Path or list of them
        Report files and folders (searched recursively). A folder that directly holds
        JSON records (``*.json`` with the keys of the record schema, as ``wsd-text analyse``
        writes them) is read as a folder of records; other JSON files are passed over.
        A report id found in two inputs gets the input's folder name in front
        (``results-2024/verslag.txt``), so every report keeps its own row.
    settings : Settings, optional
    progress : bool
        Show a progress bar while analysing.
    jobs, scheduler
        Worker processes or a Dask scheduler address, as in `wsd_text.analyse_paths`.

    Returns
    -------
    Corpus
        Files that could not be analysed are in ``Corpus.errors``.

    Examples
    --------
    >>> corpus = analyse_corpus("corpus")
    >>> corpus.voices["perspective"].cat.categories.tolist()
    ['formal', 'informal', 'lived_experience', 'child']
    """
    from .analyse import analyse_paths

    paths = [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]
    record_folders = [p for p in paths if _is_record_folder(p)]
    records, errors, taken = [], [], set()
    for folder in record_folders:
        stored, stored_errors = _read_record_folder(folder)
        records += _with_unique_ids(stored, folder.resolve().name, taken)
        errors.append(stored_errors)
    to_analyse = [p for p in paths if p not in record_folders]
    if to_analyse:
        run = analyse_paths(to_analyse, settings=settings, progress=progress, jobs=jobs, scheduler=scheduler)
        records += _with_unique_ids(run.records, "", taken)
        errors.append(tables.errors_table(run.errors))
    return Corpus.from_records(records, pd.concat(errors, ignore_index=True))


def _with_unique_ids(records: list, folder: str, taken: set[str]) -> list:
    """``records`` with an id another input already gave made unique (see `unique_id`)."""
    renamed = []
    for record in records:
        rid = record["report"] if isinstance(record, Mapping) else record.report
        new = unique_id(rid, folder, taken)
        if new == rid:
            renamed.append(record)
        else:
            renamed.append({**record, "report": new} if isinstance(record, Mapping) else replace(record, report=new))
    return renamed


def _read_record_folder(folder: Path) -> tuple[list[dict], pd.DataFrame]:
    """The schema-checked records in ``folder`` and the ``errors.csv`` beside them.

    Other JSON files (a list of sources, notes) are passed over with a warning; a file that
    is not JSON, or a record off the schema, is refused, naming the file.
    """
    from .export.json import validate_record

    records = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise ValueError(f"{path}: not valid JSON ({error}).") from error
        if isinstance(data, dict) and "report" in data:  # meant as a record: it must fit the schema
            validate_record(data)
            records.append(data)
        else:
            log.warning("%s: not an analysis record (no 'report' key), passed over", path)
    errors_csv = folder / "errors.csv"
    errors = pd.read_csv(errors_csv, dtype="string") if errors_csv.is_file() else tables.errors_table([])
    return records, errors.astype(tables.ERROR_COLUMNS)


def _is_record_folder(path: Path) -> bool:
    """A folder that directly holds a JSON record; a stray ``bronnen.json`` beside reports
    does not make one."""
    return path.is_dir() and any(_holds_record(p) for p in sorted(path.glob("*.json")))


def _holds_record(path: Path) -> bool:
    from .export.json import looks_like_record

    try:
        return looks_like_record(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):  # unreadable or not JSON: not a record
        return False
