"""The corpus tables (`wsd_text.corpus.Corpus`) as CSV files or one Excel workbook.

CSV: one UTF-8 file per table in a folder (``reports.csv``, ``actors.csv``, ``quotes.csv``,
``voices.csv``, ``themes.csv``, ``errors.csv``). XLSX: one workbook with a sheet per table,
in the same order. Both are written atomically.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path

import pandas as pd

from ..corpus import Corpus
from ..errors import InputError, bad_choice
from ..records import Record
from .atomic import write_bytes_atomic, write_text_atomic

FORMATS = ("csv", "xlsx")


def corpus_tables(records: Iterable[Record | Mapping], errors: Iterable[InputError] = ()) -> dict[str, pd.DataFrame]:
    """Table name -> DataFrame, in the order of `Corpus`.

    Examples
    --------
    >>> list(corpus_tables([]))
    ['reports', 'actors', 'quotes', 'voices', 'themes', 'errors']
    """
    corpus = Corpus.from_records(records, errors)
    return {f.name: getattr(corpus, f.name) for f in fields(corpus)}


def write_tables(records: Iterable[Record | Mapping], out: str | Path, format: str = "csv",
                 errors: Iterable[InputError] = ()) -> list[Path]:
    """Write the corpus tables as CSV files in the folder ``out``, or as the workbook ``out``.

    Parameters
    ----------
    records : iterable of Record or dict
    out : str or Path
        A folder for ``csv``; a ``.xlsx`` file for ``xlsx``.
    format : {"csv", "xlsx"}
    errors : iterable of InputError
        Files that could not be analysed (the ``errors`` table).

    Returns
    -------
    list of Path

    Examples
    --------
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> [p.name for p in write_tables([], f"{folder}/tabellen", "csv")][:2]
    ['reports.csv', 'actors.csv']
    """
    if format not in FORMATS:
        raise bad_choice("format", FORMATS, format)
    tables = corpus_tables(records, errors)
    out = Path(out)
    if format == "csv":
        return [write_text_atomic(out / f"{name}.csv", frame.to_csv(index=False)) for name, frame in tables.items()]
    if out.suffix.lower() != ".xlsx":
        raise ValueError(f"The 'out' parameter must be a .xlsx file for format 'xlsx'. Got {str(out)!r} instead.")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as workbook:
        for name, frame in tables.items():
            frame.to_excel(workbook, sheet_name=name, index=False)
    return [write_bytes_atomic(out, buffer.getvalue())]
