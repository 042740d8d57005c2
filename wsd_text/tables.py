"""The one place where records become pandas DataFrames.

Every table is built from the JSON form of a record (ANNOTATION.md §6, `Record.to_dict()`),
so records analysed in this session and records read back from an output folder give the
same tables, column for column. Perspectives and statuses are ordered Categoricals, dates
are ``datetime64``, and every finding keeps its evidence sentence beside it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pandas as pd

from .errors import InputError
from .records import ACTOR_PERSPECTIVES, KINDS, PERSPECTIVES, STATUSES, Record

PERSPECTIVE = pd.CategoricalDtype(PERSPECTIVES, ordered=True)
ACTOR_PERSPECTIVE = pd.CategoricalDtype(ACTOR_PERSPECTIVES, ordered=True)
STATUS = pd.CategoricalDtype(STATUSES, ordered=True)
KIND = pd.CategoricalDtype(KINDS, ordered=True)
DATE = "datetime64[ns]"

# Column -> dtype of every table; the order of the keys is the order of the columns.
REPORT_COLUMNS = {
    "report": "string", "title": "string", "date": DATE, "published_date": DATE, "event_date": DATE,
    "location": "string", "attendance": "Int64", "attendance_unit": "string",
    "actors": "int64", "speakers": "int64", "quotes": "int64", "words_quoted": "int64",
    **{c: t for p in PERSPECTIVES for c, t in ((f"{p}_status", STATUS), (f"{p}_flagged_missing", "bool"))},
    "missing_named": "string", "themes": "string", "warnings": "string",
}
ACTOR_COLUMNS = {
    "report": "string", "id": "string", "label": "string", "name": "string", "description": "string",
    "role": "string", "organisation": "string", "perspective": ACTOR_PERSPECTIVE, "kind": KIND,
    "speaks": "bool", "quotes": "int64", "words_quoted": "int64", "evidence": "string",
}
QUOTE_COLUMNS = {
    "report": "string", "text": "string", "words": "int64", "actor": "string", "speaker": "string",
    "perspective": ACTOR_PERSPECTIVE, "type": "string", "start": "Int64", "end": "Int64", "cue": "string",
}
VOICE_COLUMNS = {
    "report": "string", "perspective": PERSPECTIVE, "status": STATUS, "flagged_missing": "bool",
    "evidence": "string", "status_evidence": "string",
}
THEME_COLUMNS = {"report": "string", "code": "string", "sentences": "int64", "evidence": "string"}
ERROR_COLUMNS = {"file": "string", "reason": "string"}

LIST_SEPARATOR = "; "    # lists of short names in one cell (themes, missing_named)
EVIDENCE_SEPARATOR = "\n"  # evidence sentences in one cell; sentences never hold a newline


def record_dicts(records: Iterable[Record | Mapping]) -> list[Mapping]:
    """The JSON form (§6) of each record; dicts (read from JSON files) pass unchanged."""
    return [r.to_dict() if isinstance(r, Record) else r for r in records]


def words(text: str) -> int:
    """Words counted by splitting on whitespace (ANNOTATION.md §8.7)."""
    return len(text.split())


def reports_table(records: Iterable[Record | Mapping]) -> pd.DataFrame:
    """One row per report: metadata, counts, the status of each perspective, themes.

    ``date`` is the event date, or the publication date when the event date is unknown.

    Examples
    --------
    >>> reports_table([Record(report="a.txt", title="Kenniscafé", event_date="2019-03-12",
    ...     published_date=None, location="Utrecht", attendance=None)])[["report", "date"]]
      report       date
    0  a.txt 2019-03-12
    """
    rows = []
    for r in record_dicts(records):
        attendance = r.get("attendance") or {}
        quote_words = [words(q["text"]) for q in r["quotes"]]
        row = {
            "report": r["report"], "title": r["title"], "date": r["event_date"] or r["published_date"],
            "published_date": r["published_date"], "event_date": r["event_date"], "location": r["location"],
            "attendance": attendance.get("count"), "attendance_unit": attendance.get("unit"),
            "actors": len(r["actors"]), "speakers": sum(a["speaks"] for a in r["actors"]),
            "quotes": len(quote_words), "words_quoted": sum(quote_words),
        }
        for p in PERSPECTIVES:
            row[f"{p}_status"] = r["voices"][p]["status"]
            row[f"{p}_flagged_missing"] = r["voices"][p]["flagged_missing"]
        row["missing_named"] = LIST_SEPARATOR.join(r["missing_named"])
        row["themes"] = LIST_SEPARATOR.join(r["themes"])
        row["warnings"] = LIST_SEPARATOR.join(r.get("warnings", []))
        rows.append(row)
    return _frame(rows, REPORT_COLUMNS)


def actors_table(records: Iterable[Record | Mapping]) -> pd.DataFrame:
    """One row per actor, with how many quotes and quoted words the record gives them.

    Examples
    --------
    >>> from wsd_text.records import Actor
    >>> actors_table([Record(report="a.txt", title=None, event_date=None, published_date=None,
    ...     location=None, attendance=None, actors=(Actor("a1", "Sanne Wolters", None, "lector",
    ...     None, "formal", speaks=True),))])[["label", "perspective", "speaks"]]
               label perspective  speaks
    0  Sanne Wolters      formal    True
    """
    rows = []
    for r in record_dicts(records):
        quoted = defaultdict(list)
        for q in r["quotes"]:
            quoted[q["actor"]].append(words(q["text"]))
        for a in r["actors"]:
            rows.append({"report": r["report"], "label": _label(a), **a, "quotes": len(quoted[a["id"]]),
                         "words_quoted": sum(quoted[a["id"]])})
    return _frame(rows, ACTOR_COLUMNS)


def quotes_table(records: Iterable[Record | Mapping]) -> pd.DataFrame:
    """One row per quote, with its speaker's label and perspective.

    A quote the report attributes to nobody has no ``actor`` and perspective ``unknown``.
    """
    rows = []
    for r in record_dicts(records):
        actors = {a["id"]: a for a in r["actors"]}
        for q in r["quotes"]:
            speaker = actors.get(q["actor"])
            rows.append({"report": r["report"], **q, "words": words(q["text"]),
                         "speaker": _label(speaker) if speaker else None,
                         "perspective": speaker["perspective"] if speaker else "unknown"})
    return _frame(rows, QUOTE_COLUMNS)


def voices_table(records: Iterable[Record | Mapping]) -> pd.DataFrame:
    """One row per report × perspective (§4): status, flagged missing, evidence sentences."""
    rows = [{"report": r["report"], "perspective": p, **r["voices"][p]}
            for r in record_dicts(records) for p in PERSPECTIVES]
    return _frame(rows, VOICE_COLUMNS)


def themes_table(records: Iterable[Record | Mapping]) -> pd.DataFrame:
    """One row per report × theme code, its evidence sentences one per line in ``evidence``."""
    rows = []
    for r in record_dicts(records):
        evidence = r.get("theme_evidence") or {}
        for code in r["themes"]:
            sentences = [" ".join(s.split()) for s in evidence.get(code, [])]
            rows.append({"report": r["report"], "code": code, "sentences": len(sentences),
                         "evidence": EVIDENCE_SEPARATOR.join(sentences) or None})
    return _frame(rows, THEME_COLUMNS)


def errors_table(errors: Iterable[InputError]) -> pd.DataFrame:
    """One row per file that could not be analysed."""
    return _frame([{"file": str(e.path), "reason": e.reason} for e in errors], ERROR_COLUMNS)


def voice_matrix(voices: pd.DataFrame) -> pd.DataFrame:
    """Report × perspective table of statuses (rows in the order of ``voices``).

    A report id given twice (records of two runs put together by hand) keeps a row for
    each record rather than failing the pivot.

    Examples
    --------
    >>> voice_matrix(voices_table([Record("a.txt", None, None, None, None, None)])).loc["a.txt", "child"]
    'absent'
    """
    # The n-th row of a report and perspective belongs to the n-th record with that id.
    nth = voices.groupby(["report", "perspective"], observed=True, sort=False).cumcount().rename("nth")
    matrix = voices.assign(nth=nth).pivot(index=["report", "nth"], columns="perspective", values="status")
    rows = pd.MultiIndex.from_frame(voices.assign(nth=nth)[["report", "nth"]].drop_duplicates())
    matrix = matrix.reindex(index=rows, columns=list(PERSPECTIVES)).droplevel("nth")
    return matrix.astype(STATUS).rename_axis(index="report", columns=None)


def status_counts(voices: pd.DataFrame) -> pd.DataFrame:
    """Perspective × status: in how many reports each perspective had each status."""
    counts = pd.crosstab(voices["perspective"], voices["status"], dropna=False)
    return counts.reindex(index=list(PERSPECTIVES), columns=list(STATUSES), fill_value=0).rename_axis(
        index="perspective", columns=None)


def speaker_counts(actors: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per actor perspective: speaking actors, quotes and words quoted.

    Quotes attributed to nobody count under ``unknown``.
    """
    speakers = actors[actors["speaks"]].groupby("perspective", observed=False).size()
    by_perspective = quotes.groupby("perspective", observed=False)
    table = pd.DataFrame({"speakers": speakers, "quotes": by_perspective.size(),
                          "words_quoted": by_perspective["words"].sum()})
    return table.reindex(list(ACTOR_PERSPECTIVES), fill_value=0).astype("int64").rename_axis("perspective")


def theme_voices(themes: pd.DataFrame, voices: pd.DataFrame) -> pd.DataFrame:
    """Theme × perspective: in how many reports on the theme the perspective was voiced.

    The ``reports`` column gives the number of reports on each theme (the denominator);
    themes come most frequent first.
    """
    voiced = voices[voices["status"] == "voiced"]
    pairs = themes[["report", "code"]].merge(voiced[["report", "perspective"]], on="report")
    table = pd.crosstab(pairs["code"], pairs["perspective"], dropna=False).reindex(
        columns=list(PERSPECTIVES), fill_value=0)
    reports = themes["code"].value_counts(sort=False).rename("reports")
    table = table.reindex(reports.index, fill_value=0).astype("int64")
    table.insert(0, "reports", reports.astype("int64"))
    return table.sort_values("reports", ascending=False, kind="stable").rename_axis(index="code", columns=None)


def missing_voices(voices: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """The voices a report itself flags as missing (§4), with the report's title and the sentence."""
    flagged = voices[voices["flagged_missing"]]
    columns = ["report", "title", "date", "perspective", "status", "evidence"]
    return flagged.merge(reports[["report", "title", "date"]], on="report", how="left")[columns]


def _label(actor: Mapping) -> str:
    """The name, or the description of an anonymous actor (`Actor.label` on the JSON form)."""
    return actor["name"] or actor["description"] or actor["id"]


def _frame(rows: list[dict], columns: dict) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` in their dtypes, also when there are no rows."""
    frame = pd.DataFrame(rows, columns=list(columns))
    for column, dtype in columns.items():
        if dtype == DATE:
            # A fixed unit: pandas infers a different one for an empty column than for dates.
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce").astype(DATE)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
