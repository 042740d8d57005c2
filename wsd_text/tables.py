"""The one place where records become pandas DataFrames."""
from __future__ import annotations

import pandas as pd

from .errors import InputError
from .records import PERSPECTIVES, Record


def reports_table(records: list[Record]) -> pd.DataFrame:
    """One row per report: metadata, counts, the status of each perspective, themes."""
    rows = []
    for r in records:
        row = {
            "report": r.report, "title": r.title, "published_date": r.published_date,
            "event_date": r.event_date, "location": r.location,
            "attendance": r.attendance["count"] if r.attendance else None,
            "attendance_unit": r.attendance["unit"] if r.attendance else None,
            "actors": len(r.actors), "speakers": sum(a.speaks for a in r.actors), "quotes": len(r.quotes),
        }
        for p in PERSPECTIVES:
            voice = r.voices.get(p)
            row[f"{p}_status"] = voice.status if voice else None
            row[f"{p}_flagged_missing"] = voice.flagged_missing if voice else None
        row["missing_named"] = "; ".join(r.missing_named)
        row["themes"] = "; ".join(t.code for t in r.themes)
        rows.append(row)
    return pd.DataFrame(rows)


def errors_table(errors: list[InputError]) -> pd.DataFrame:
    """One row per file that could not be analysed."""
    return pd.DataFrame([{"file": str(e.path), "reason": e.reason} for e in errors], columns=["file", "reason"])
