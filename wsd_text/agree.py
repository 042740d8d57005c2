"""Agreement between two codings of the same reports (two coders, or a coder and wsd-text).

For each field the units are aligned as ANNOTATION.md §7 aligns gold and found records
(`wsd_text.evaluate`), then observed agreement, Cohen's κ (scikit-learn) and
Krippendorff's α (the ``krippendorff`` package, nominal) are computed, each with a
percentile bootstrap 95 % confidence interval over the units (fixed seed).

Units per field:

- ``speaks``: named actors, aligned one-to-one by `names_match` (equal names first). An
  actor only one side coded counts as not speaking on the other side.
- ``perspective``: the aligned actors.
- ``quote_found``: quotes aligned one-to-one by token Jaccard ≥ 0.5, best pair first; a
  quote only one side found is a unit with "not found" on the other. Without units both
  sides leave out, κ and α of this field are low by construction: read the observed
  agreement.
- ``attribution``: the aligned quotes; the speakers agree when their names match (two
  nameless speakers agree when their kind is the same).
- ``voice_status``, ``flagged_missing``: report × perspective.
- ``themes`` and ``theme:<code>``: report × code, for every code either side used.

Only reports both codings hold are compared; the others are listed in ``unmatched``.
A statistic that is undefined (fewer than two categories in all the units) is ``None``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score

from .evaluate import QUOTE_MIN_JACCARD, _greedy, jaccard, load_records, names_match, normalise_text
from .export.atomic import write_text_atomic
from .records import PERSPECTIVES

Units = tuple[list, list]
_STATS = ("observed", "kappa", "alpha")


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's κ of two coders' labels (scikit-learn); None when it is undefined.

    Examples
    --------
    >>> cohen_kappa(["ja", "ja", "nee", "nee"], ["ja", "nee", "nee", "nee"])
    0.5
    """
    if len(set(a) | set(b)) < 2:
        return None
    return float(cohen_kappa_score(list(map(str, a)), list(map(str, b))))


def _krippendorff():
    """The ``krippendorff`` package, an optional extra because it is GPL-3.0 (wsd-text is MIT)."""
    try:
        import krippendorff
    except ImportError as exc:
        raise ImportError("Krippendorff's alpha needs the GPL-3.0 'krippendorff' package: "
                          "pip install 'wsd-text[agree]'") from exc
    return krippendorff


def krippendorff_alpha(*codings: Sequence) -> float | None:
    """Krippendorff's α, nominal, of any number of coders; ``None`` marks a missing value.

    Parameters
    ----------
    *codings : sequences of equal length
        One per coder, one value per unit.

    Returns
    -------
    float or None
        None when fewer than two distinct values occur.

    Examples
    --------
    >>> round(krippendorff_alpha(["ja", "ja", "nee", "nee"], ["ja", "nee", "nee", "nee"]), 3)
    0.533
    """
    domain = sorted({str(v) for coding in codings for v in coding if v is not None})
    if len(domain) < 2:
        return None
    index = {v: i for i, v in enumerate(domain)}
    data = np.array([[np.nan if v is None else index[str(v)] for v in coding] for coding in codings], dtype=float)
    return float(_krippendorff().alpha(reliability_data=data, level_of_measurement="nominal"))


def observed_agreement(a: Sequence, b: Sequence) -> float | None:
    """The share of units on which the two coders agree."""
    return sum(x == y for x, y in zip(a, b)) / len(a) if len(a) else None


_FUNCTIONS: dict[str, Callable] = {"observed": observed_agreement, "kappa": cohen_kappa, "alpha": krippendorff_alpha}


@dataclass(frozen=True)
class Agreement:
    """Agreement on one field: the statistics and their bootstrap 95 % intervals."""

    field: str
    n: int
    observed: float | None
    kappa: float | None
    alpha: float | None
    intervals: dict[str, tuple[float | None, float | None]]

    def to_dict(self) -> dict:
        row = {"field": self.field, "n": self.n}
        for stat in _STATS:
            low, high = self.intervals[stat]
            row.update({stat: getattr(self, stat), f"{stat}_low": low, f"{stat}_high": high})
        return row


@dataclass(frozen=True)
class Agreements:
    """Every field's agreement, the number of reports compared, and the unpaired reports."""

    rows: tuple[Agreement, ...]
    n_reports: int
    unmatched: tuple[str, ...] = ()


def bootstrap_interval(stat: Callable, a: Sequence, b: Sequence, resamples: int = 1000,
                       seed: int = 0) -> tuple[float | None, float | None]:
    """Percentile bootstrap 95 % interval of ``stat(a, b)``, resampling units.

    Resamples where the statistic is undefined are left out. The statistics here depend
    only on how many units fall in each (a, b) pair of values, so ``stat`` runs once per
    distinct table of counts, not once per resample.

    Examples
    --------
    >>> bootstrap_interval(observed_agreement, [1, 1, 0, 0], [1, 1, 0, 0], resamples=50)
    (1.0, 1.0)
    """
    if not len(a):
        return None, None
    pair_types = sorted(set(zip(a, b)), key=repr)
    unit_type = np.array([pair_types.index(pair) for pair in zip(a, b)])
    draws = unit_type[np.random.default_rng(seed).integers(0, len(a), (resamples, len(a)))]
    tables = (draws[..., None] == np.arange(len(pair_types))).sum(axis=1)
    cache: dict[bytes, float | None] = {}
    values = []
    for table in tables:
        key = table.tobytes()
        if key not in cache:
            pairs = [pair for pair, count in zip(pair_types, table) for _ in range(count)]
            cache[key] = stat([x for x, _ in pairs], [y for _, y in pairs])
        values.append(cache[key])
    values = [v for v in values if v is not None]
    if not values:
        return None, None
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def _pairs_by_name(left: list[dict], right: list[dict]) -> list[tuple[int, int]]:
    """Actor index pairs aligned one-to-one by `names_match`, equal names first."""
    candidates = sorted((normalise_text(x["name"]) != normalise_text(y["name"]), i, j)
                        for i, x in enumerate(left) for j, y in enumerate(right) if names_match(x["name"], y["name"]))
    return _greedy(candidates)


def _pairs_by_text(left: list[dict], right: list[dict]) -> list[tuple[int, int]]:
    """Quote index pairs with Jaccard ≥ 0.5, best pair first (ANNOTATION.md §7)."""
    candidates = []
    for i, x in enumerate(left):
        for j, y in enumerate(right):
            score = jaccard(x.get("text") or "", y.get("text") or "")
            if score >= QUOTE_MIN_JACCARD:
                candidates.append((-score, i, j))
    return _greedy(sorted(candidates))


def _speaker(quote: dict, record: dict) -> dict | None:
    return next((a for a in record.get("actors") or [] if a.get("id") == quote.get("actor")), None)


def _speaker_labels(qa: dict, a: dict, qb: dict, b: dict) -> tuple[str, str]:
    """Comparable labels of two aligned quotes' speakers: equal when the speakers agree."""
    def label(actor):
        if actor is None:
            return "(none)"
        return normalise_text(actor.get("name") or "") or f"({actor.get('kind', 'individual')})"

    sa, sb = _speaker(qa, a), _speaker(qb, b)
    same_name = sa is not None and sb is not None and names_match(sa.get("name") or "", sb.get("name") or "")
    return label(sa), label(sa) if same_name else label(sb)


def _add(units: dict[str, Units], name: str, x, y) -> None:
    left, right = units.setdefault(name, ([], []))
    left.append(x)
    right.append(y)


def _actor_units(units: dict, a: dict, b: dict) -> None:
    named_a = [x for x in a.get("actors") or [] if (x.get("name") or "").strip()]
    named_b = [y for y in b.get("actors") or [] if (y.get("name") or "").strip()]
    pairs = _pairs_by_name(named_a, named_b)
    units.setdefault("speaks", ([], []))
    units.setdefault("perspective", ([], []))
    for i, j in pairs:
        _add(units, "speaks", bool(named_a[i].get("speaks")), bool(named_b[j].get("speaks")))
        _add(units, "perspective", named_a[i].get("perspective"), named_b[j].get("perspective"))
    for i in set(range(len(named_a))) - {i for i, _ in pairs}:
        _add(units, "speaks", bool(named_a[i].get("speaks")), False)
    for j in set(range(len(named_b))) - {j for _, j in pairs}:
        _add(units, "speaks", False, bool(named_b[j].get("speaks")))


def _quote_units(units: dict, a: dict, b: dict) -> None:
    quotes_a, quotes_b = a.get("quotes") or [], b.get("quotes") or []
    pairs = _pairs_by_text(quotes_a, quotes_b)
    units.setdefault("quote_found", ([], []))
    units.setdefault("attribution", ([], []))
    for i, j in pairs:
        _add(units, "quote_found", True, True)
        _add(units, "attribution", *_speaker_labels(quotes_a[i], a, quotes_b[j], b))
    for _ in range(len(quotes_a) - len(pairs)):
        _add(units, "quote_found", True, False)
    for _ in range(len(quotes_b) - len(pairs)):
        _add(units, "quote_found", False, True)


def _voice_units(units: dict, a: dict, b: dict) -> None:
    for p in PERSPECTIVES:
        va, vb = (a.get("voices") or {}).get(p) or {}, (b.get("voices") or {}).get(p) or {}
        _add(units, "voice_status", va.get("status", "absent"), vb.get("status", "absent"))
        _add(units, "flagged_missing", va.get("flagged_missing") is True, vb.get("flagged_missing") is True)


def _theme_units(units: dict, a: dict, b: dict, codes: list[str]) -> None:
    themes_a, themes_b = set(a.get("themes") or []), set(b.get("themes") or [])
    for code in codes:
        _add(units, "themes", code in themes_a, code in themes_b)
        _add(units, f"theme:{code}", code in themes_a, code in themes_b)


def agreement_units(a: list[dict], b: list[dict]) -> tuple[dict[str, Units], int, tuple[str, ...]]:
    """The aligned units of every field, the number of paired reports, the unpaired ones."""
    by_a, by_b = {r["report"]: r for r in a}, {r["report"]: r for r in b}
    paired = [r for r in by_a if r in by_b]
    codes = sorted({c for r in paired for c in (by_a[r].get("themes") or []) + (by_b[r].get("themes") or [])})
    units: dict[str, Units] = {}
    for report in paired:
        _actor_units(units, by_a[report], by_b[report])
        _quote_units(units, by_a[report], by_b[report])
        _voice_units(units, by_a[report], by_b[report])
        _theme_units(units, by_a[report], by_b[report], codes)
    unmatched = tuple(sorted(set(by_a) ^ set(by_b)))
    return units, len(paired), unmatched


def agree(a: list[dict], b: list[dict], resamples: int = 1000, seed: int = 0) -> Agreements:
    """Agreement of two codings of the same reports, field by field.

    Parameters
    ----------
    a, b : list of dict
        JSON records (ANNOTATION.md §6), paired by ``report``.
    resamples : int
        Bootstrap resamples for the confidence intervals.
    seed : int
        Seed of the bootstrap, so a run can be repeated exactly.

    Returns
    -------
    Agreements

    Examples
    --------
    >>> coder = [{"report": "r.txt", "themes": ["armoede"]}]
    >>> agree(coder, coder, resamples=10).rows[-1].observed
    1.0
    """
    units, n_reports, unmatched = agreement_units(a, b)
    rows = []
    for name, (left, right) in units.items():
        values = {stat: _FUNCTIONS[stat](left, right) for stat in _STATS}
        intervals = {stat: bootstrap_interval(_FUNCTIONS[stat], left, right, resamples, seed) for stat in _STATS}
        rows.append(Agreement(name, len(left), **values, intervals=intervals))
    return Agreements(tuple(rows), n_reports, unmatched)


def load_coding(path: str | Path) -> list[dict]:
    """One coding as JSON records: a folder of ``*.json`` records or a ``.qdpx`` project.

    Examples
    --------
    >>> load_coding("/work/shared/gold")[0]["report"]  # doctest: +SKIP
    '000_a2d3b59cfc4ed371.txt'
    """
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".qdpx":
        from .export.qdpx_read import read_qdpx

        return [record.to_dict() for record in read_qdpx(path).records]
    if path.is_dir():
        return load_records(path)
    raise FileNotFoundError(f"{path}: expected a folder of JSON records or a .qdpx file.")


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_agreements(result: Agreements) -> str:
    """The agreements as a plain-text table, one row per field, intervals in brackets.

    Examples
    --------
    >>> print(format_agreements(Agreements((), 0)).splitlines()[0].split())
    ['field', 'n', 'observed', '[95%', 'CI]', 'kappa', '[95%', 'CI]', 'alpha', '[95%', 'CI]']
    """
    header = ["field", "n"] + [f"{stat} [95% CI]" for stat in _STATS]
    rows = [header]
    for row in result.rows:
        rows.append([row.field, str(row.n)] + [
            f"{_cell(getattr(row, stat))} [{_cell(row.intervals[stat][0])}, {_cell(row.intervals[stat][1])}]"
            for stat in _STATS])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths)))
             for r in rows]
    lines.append(f"{result.n_reports} report(s) coded by both")
    if result.unmatched:
        lines.append("coded by one side only (not compared): " + ", ".join(result.unmatched))
    return "\n".join(lines)


def write_agreements_csv(result: Agreements, path: str | Path) -> Path:
    """Write one row per field (statistics and interval bounds) as CSV, atomically."""
    buffer = io.StringIO()
    columns = ["field", "n"] + [f"{stat}{end}" for stat in _STATS for end in ("", "_low", "_high")]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row.to_dict() for row in result.rows)
    return write_text_atomic(path, buffer.getvalue())
