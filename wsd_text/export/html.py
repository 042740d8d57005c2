"""The organiser's report: one self-contained HTML file in Dutch.

A corpus summary with figures comes first, then per report who was heard, who was
present but silent, who was talked about and who was missing, with the evidence
sentences, the quotes per perspective and the themes. Only the first `REPORT_SECTIONS`
reports get a section (and a row in the voices table); the page then says so, and the
summary and the figures still count every report. The voices per report are an HTML table
with the figure's colours, not a picture: it stays readable and searchable, and drawing it
as a figure cost more than every other part of the page. Figures are embedded as base64
PNG and the CSS is inline, so the file opens anywhere without a network. Every text from
a report goes through Jinja's autoescaping: a report containing ``<script>`` shows it as
text.
"""
from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import jinja2
import pandas as pd

from .. import __version__, plots
from ..corpus import Corpus
from ..records import ACTOR_PERSPECTIVES, PERSPECTIVES, STATUSES
from ..tables import EVIDENCE_SEPARATOR, LIST_SEPARATOR, status_counts
from .atomic import write_text_atomic

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
CARD_HEADINGS = {"voiced": "Wie was aan het woord", "present": "Wie was er wel maar zweeg",
                 "mentioned": "Over wie werd gepraat", "missing": "Wie ontbrak"}
FIGURE_DPI = 110
# Reports worked out one by one, in their own section and as rows of the voices table. Far
# more make a page nobody reads through; corpus.csv has every report.
REPORT_SECTIONS = 50


def render_report(corpus: Corpus, title: str = "Meerstemmigheid in de verslagen") -> str:
    """The organiser's report of ``corpus`` as an HTML string.

    Parameters
    ----------
    corpus : Corpus
    title : str
        The heading of the page.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> "Wie ontbrak" in render_report(Corpus.from_records([Record("a.txt", "Kenniscafé", None, None, None, None)]))
    True
    """
    template = _environment().get_template("report.html.j2")
    shown = corpus.reports.head(REPORT_SECTIONS)
    anchors = {rid: f"verslag-{i + 1}" for i, rid in enumerate(shown["report"])}
    rows = _rows_by_report(corpus, anchors)
    # No date of making on the page: the same records give the same bytes (runs can be compared).
    reports = _rows(shown)
    return template.render(title=title, version=__version__, not_shown=len(corpus) - len(shown),
                           **_labels(), **_summary(corpus, anchors), figures=_figures(corpus),
                           voice_table=[_voice_row(r, anchors[r["report"]], rows["voices"]) for r in reports],
                           reports=[_report(r, anchors[r["report"]], rows) for r in reports])


def write_report(corpus: Corpus, path: str | Path, title: str = "Meerstemmigheid in de verslagen") -> Path:
    """Write the organiser's report of ``corpus`` to ``path`` atomically.

    Examples
    --------
    >>> from wsd_text import analyse_corpus
    >>> write_report(analyse_corpus("corpus"), "results/report.html")  # doctest: +SKIP
    """
    return write_text_atomic(path, render_report(corpus, title))


def _environment() -> jinja2.Environment:
    """Jinja with autoescaping always on: report text is untrusted."""
    return jinja2.Environment(loader=jinja2.PackageLoader("wsd_text", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _labels() -> dict:
    """Dutch labels and the palette, shared with the figures so colours match."""
    return {"status_labels": [plots.STATUS_LABELS[s] for s in STATUSES], "flagged_label": plots.FLAGGED_LABEL,
            "perspective_labels": [plots.PERSPECTIVE_LABELS[p] for p in PERSPECTIVES],
            "perspective_colours": plots.PERSPECTIVE_COLOURS, "status_colours": plots.STATUS_COLOURS,
            "flagged_colour": plots.FLAGGED_COLOUR}


def _summary(corpus: Corpus, anchors: dict[str, str]) -> dict:
    """Headline numbers, the perspective × status table, the flagged voices and the errors."""
    flagged = corpus.voices.groupby("perspective", observed=False)["flagged_missing"].sum()
    table = status_counts(corpus.voices)
    missing = corpus.missing_voices()
    missing = missing[missing["report"].isin(anchors)]  # the flags of the other reports are in corpus.csv
    return {
        "numbers": {"reports": len(corpus), "speakers": int(corpus.actors["speaks"].sum()),
                    "quotes": len(corpus.quotes), "flagged": int(flagged.sum()), "errors": len(corpus.errors)},
        "summary": [{"key": p, "label": plots.PERSPECTIVE_LABELS[p], "counts": table.loc[p].tolist(),
                     "flagged": int(flagged[p])} for p in PERSPECTIVES],
        "missing": [{"key": m["perspective"], "label": plots.PERSPECTIVE_LABELS[m["perspective"]],
                     "report": _title(m["title"], m["report"]), "anchor": anchors[m["report"]],
                     "evidence": m["evidence"]} for m in _rows(missing)],
        "errors": _rows(corpus.errors),
    }


def _figures(corpus: Corpus) -> list[dict]:
    """The corpus figures as base64 PNG; the time figure only when some report has a date."""
    figures = [
        ("aantallen", plots.plot_status_counts(corpus.voices), "Per perspectief het aantal verslagen per status."),
    ]
    if corpus.reports["date"].notna().any():
        figures.append(("tijd", plots.plot_status_over_time(corpus.voices, corpus.reports),
                        "Per perspectief de status in elk verslag met een datum."))
    figures += [
        ("sprekers", plots.plot_speakers(corpus.actors, corpus.quotes),
         "Sprekers, citaten en geciteerde woorden per perspectief; citaten zonder spreker tellen als onbekend."),
        ("themas", plots.plot_theme_voices(corpus.themes, corpus.voices),
         "Per thema: in hoeveel van de verslagen over dat thema elk perspectief aan het woord was."),
    ]
    return [_png(key, fig, caption) for key, fig, caption in figures]


def _png(key: str, fig, caption: str) -> dict:
    """A figure rendered to base64 PNG with its pixel size (so the page does not jump while loading)."""
    png = plots.figure_png(fig, FIGURE_DPI)
    width, height = (fig.get_size_inches() * FIGURE_DPI).round().astype(int)
    title = fig.axes[0].get_title() or fig.get_suptitle()
    return {"id": f"fig-{key}", "png": base64.b64encode(png).decode("ascii"),
            "width": int(width), "height": int(height), "title": title.split("\n")[0], "caption": caption}


def _rows_by_report(corpus: Corpus, anchors: dict[str, str]) -> dict[str, dict[str, list[dict]]]:
    """Table name -> report -> its rows, for the reports in ``anchors``.

    Rows are converted once and grouped here: filtering every table again for every report
    grows with the square of the corpus.
    """
    grouped = {}
    for name in ("voices", "actors", "quotes", "themes"):
        frame = getattr(corpus, name)
        grouped[name] = {rid: [] for rid in anchors}
        for row in _rows(frame[frame["report"].isin(anchors)]):
            grouped[name][row["report"]].append(row)
    return grouped


def _voice_row(report: dict, anchor: str, voices: dict[str, list[dict]]) -> dict:
    """One row of the voices table: the report and the status of each perspective, flagged or not."""
    by_perspective = {v["perspective"]: v for v in voices[report["report"]]}
    cells = [{"status": v["status"], "label": plots.STATUS_LABELS[v["status"]], "flagged": v["flagged_missing"]}
             for v in (by_perspective[p] for p in PERSPECTIVES)]
    return {"anchor": anchor, "title": _title(report["title"], report["report"]), "cells": cells}


def _report(report: dict, anchor: str, rows: dict[str, dict[str, list[dict]]]) -> dict:
    """Everything the page shows for one report."""
    rid = report["report"]
    return {
        "anchor": anchor, "title": _title(report["title"], rid), "meta": _meta(report),
        "cards": _cards(rows["voices"][rid], rows["actors"][rid], _split(report["missing_named"], LIST_SEPARATOR)),
        "quotes": _quote_groups(rows["quotes"][rid]),
        "themes": [{"label": plots.theme_label(t["code"]), "evidence": _split(t["evidence"], EVIDENCE_SEPARATOR)}
                   for t in rows["themes"][rid]],
    }


def _cards(voices: list[dict], actors: list[dict], missing_named: list[str]) -> list[dict]:
    """The four cards: heard (with the speakers), present, mentioned, and missing.

    A perspective is missing when it was absent or when the report flags it; the card
    then shows the report's own sentence.
    """
    cards = {key: [] for key in CARD_HEADINGS}
    for v in voices:
        p = v["perspective"]
        item = {"key": p, "label": plots.PERSPECTIVE_LABELS[p], "people": [], "evidence": v["status_evidence"]}
        if v["status"] == "voiced":
            item["people"] = [_person(a) for a in actors if a["speaks"] and a["perspective"] == p]
        if v["status"] != "absent":
            cards[v["status"]].append(item)
        if v["status"] == "absent" or v["flagged_missing"]:
            cards["missing"].append({**item, "people": [], "evidence": v["evidence"]})
    return [{"key": key, "heading": heading, "entries": cards[key], "named": missing_named if key == "missing" else []}
            for key, heading in CARD_HEADINGS.items()]


def _quote_groups(quotes: list[dict]) -> list[dict]:
    """Quotes grouped by the speaker's perspective, in the fixed perspective order."""
    groups = [(p, [q for q in quotes if q["perspective"] == p]) for p in ACTOR_PERSPECTIVES]
    return [{"key": p, "label": plots.PERSPECTIVE_LABELS[p], "entries": entries} for p, entries in groups if entries]


def _person(actor: dict) -> str:
    """A speaker as "label (role, organisation)"."""
    details = ", ".join(x for x in (actor["role"], actor["organisation"]) if x)
    return f"{actor['label']} ({details})" if details else actor["label"]


def _meta(report: dict) -> list[str]:
    """The report's file name, date, place and attendance, as far as known."""
    meta = [report["report"]]
    if report["date"] is not None:
        meta.append(_dutch_date(report["date"]))
    if report["location"]:
        meta.append(report["location"])
    if report["attendance"] is not None:
        meta.append(" ".join(filter(None, (str(report["attendance"]), report["attendance_unit"], "aanwezig"))))
    return meta


def _rows(frame: pd.DataFrame) -> list[dict]:
    """The rows of a table as dicts, with pandas' missing values as None for the template."""
    return [{k: None if pd.isna(v) else v for k, v in row.items()} for row in frame.to_dict("records")]


def _split(text: str | None, separator: str) -> list[str]:
    """A list cell of a table back into its items."""
    return [item for item in (text or "").split(separator) if item]


def _title(title: str | None, report: str) -> str:
    """The report's title, or its file name when it has none."""
    return title or report


def _dutch_date(date: dt.date) -> str:
    """A date written out in Dutch: 12 maart 2019."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
