"""Scoring found records against gold records, exactly as ANNOTATION.md §7 defines it.

Both sides are JSON records of ANNOTATION.md §6, paired by their ``report`` field. Every
measure is summed over reports from per-report counts, so the totals are micro-averages
and ``Scores.per_report`` shows which report each error comes from.

Conventions where §7 is silent:

- A ratio whose denominator is 0 (precision with nothing found, recall with nothing in
  gold, accuracy over no items) is ``None``: ``null`` in JSON, "–" in tables. F1 is
  ``2·tp / (2·tp + fp + fn)``, so it is 0.0 when tp is 0 and there are errors, and
  ``None`` only when there is nothing at all.
- Attribution of anonymous actors (``name`` null or blank, §8.1): an anonymous gold actor
  matches a found actor that is also anonymous and of the same ``kind`` (``group`` /
  ``individual``); a named actor never matches an anonymous one, and a found quote with
  ``actor: null`` never matches a gold quote that has an actor.
- A name that two speaking actors of one record share counts as one speaker.
- One-to-one matching is greedy, best pair first; ties go to the gold item that comes
  first, then to the found item that comes first.

Beyond §7, the two dates of §6 are scored too: ``event_date`` and ``published_date``,
accuracy over reports, a date right when it equals the gold date (both ``null`` counts).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .records import PERSPECTIVES

QUOTE_MIN_JACCARD = 0.5  # §7: a found quote matches a gold quote at this token overlap

# ",," (two commas) is the typewriter form of „ in Dutch; '' needs no entry of its own
# because each ' is removed.
_QUOTE_MARKS = re.compile(",,|[\"'`´“”„‟‘’‚‛«»‹›]")


def normalise_text(s: str) -> str:
    """Normalise text for comparison (ANNOTATION.md §7).

    In order: Unicode NFC; lower-case; every quotation mark deleted (not replaced by a
    space, so "auto's" and "auto’s" both give "autos"); every run of whitespace collapsed
    to one space; leading and trailing whitespace stripped.

    The quotation marks are “ ” „ ‟ " ' ‘ ’ ‚ ‛ « » ‹ › ` ´ and the digraph ,, (the digraph
    '' goes with its two ' marks). Whitespace is whatever ``str.split()`` splits on, which
    includes tabs, newlines, NBSP (U+00A0) and narrow NBSP (U+202F).

    Parameters
    ----------
    s : str
        Any text: a quote, a name.

    Returns
    -------
    str
        The normalised text.

    Examples
    --------
    >>> normalise_text("„Dit  houdt\\u00a0MIJ wakker”")
    'dit houdt mij wakker'
    """
    text = unicodedata.normalize("NFC", s).lower()
    return " ".join(_QUOTE_MARKS.sub("", text).split())


def _tokens(s: str) -> list[str]:
    """The whitespace tokens of the normalised text (§8.7)."""
    return normalise_text(s).split()


def _suffix_length(a: list[str], b: list[str]) -> int:
    """How many tokens two names share when one is a token-suffix of the other, else 0."""
    shorter, longer = sorted((a, b), key=len)
    if shorter and longer[len(longer) - len(shorter):] == shorter:
        return len(shorter)
    return 0


def names_match(a: str, b: str) -> bool:
    """Whether two names denote the same person (ANNOTATION.md §7).

    After normalisation, the names match when they are equal or the tokens of one are
    the last tokens of the other. An empty name matches nothing.

    Parameters
    ----------
    a, b : str
        Names as written.

    Returns
    -------
    bool

    Examples
    --------
    >>> names_match("Verhoef", "Nadia Verhoef"), names_match("Nadia", "Nadia Verhoef")
    (True, False)
    """
    return _suffix_length(_tokens(a), _tokens(b)) > 0


def _set_jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard of two token sets; 0.0 when both are empty."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def jaccard(a: str, b: str) -> float:
    """Token-set overlap of two texts (ANNOTATION.md §7).

    Tokens are the whitespace-separated words of the normalised texts, punctuation
    included. Two empty texts give 0.0, so an empty quote never matches.

    Parameters
    ----------
    a, b : str

    Returns
    -------
    float
        ``|A ∩ B| / |A ∪ B|`` between 0.0 and 1.0.

    Examples
    --------
    >>> jaccard("Het moet anders", "het moet echt anders")
    0.75
    """
    return _set_jaccard(set(_tokens(a)), set(_tokens(b)))


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class PRF:
    """Counts of one precision / recall / F1 measure; ``None`` for a ratio of 0/0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """Counts of one accuracy measure; ``accuracy`` is ``None`` over no items."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.n + other.n)

    def to_dict(self) -> dict:
        return {"accuracy": self.accuracy, "correct": self.correct, "n": self.n}


# The measures in table order, each with the class that counts it.
_MEASURES = {"speakers": PRF, "perspective": Accuracy, "quotes": PRF, "attribution": Accuracy,
             "voice_status": Accuracy, "flagged_missing": PRF, "themes": PRF,
             "event_date": Accuracy, "published_date": Accuracy}


@dataclass(frozen=True)
class Scores:
    """The §7 scores over all gold reports.

    Attributes
    ----------
    speakers, quotes, flagged_missing, themes : PRF
    perspective, attribution, voice_status, event_date, published_date : Accuracy
    n_reports : int
        Number of gold reports scored.
    per_report : tuple of dict
        One dict per gold report, in gold order: ``report``, ``predicted`` (False when
        the report had no found record) and each measure's ``to_dict()``.
    unmatched : tuple of str
        ``report`` values of found records that have no gold record; they are not scored.
    """

    speakers: PRF
    perspective: Accuracy
    quotes: PRF
    attribution: Accuracy
    voice_status: Accuracy
    flagged_missing: PRF
    themes: PRF
    event_date: Accuracy
    published_date: Accuracy
    n_reports: int
    per_report: tuple[dict, ...] = ()
    unmatched: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """All scores as JSON-ready data; ratios of 0/0 are ``None``."""
        data = {"n_reports": self.n_reports}
        data.update({name: getattr(self, name).to_dict() for name in _MEASURES})
        data["per_report"] = list(self.per_report)
        data["unmatched"] = list(self.unmatched)
        return data


def _greedy(candidates: list[tuple]) -> list[tuple[int, int]]:
    """Take (gold, found) index pairs one-to-one from candidates sorted best first.

    Each candidate ends with its gold index and found index.
    """
    pairs, used_gold, used_found = [], set(), set()
    for *_, g, f in candidates:
        if g not in used_gold and f not in used_found:
            pairs.append((g, f))
            used_gold.add(g)
            used_found.add(f)
    return pairs


def _speakers(record: dict) -> list[tuple[list[str], dict]]:
    """Named speaking actors with their name tokens; a repeated name counts once."""
    seen, speakers = set(), []
    for actor in record.get("actors") or []:
        tokens = _tokens(actor.get("name") or "")
        if actor.get("speaks") is True and tokens and tuple(tokens) not in seen:
            seen.add(tuple(tokens))
            speakers.append((tokens, actor))
    return speakers


def _score_speakers(found: dict, gold: dict) -> tuple[PRF, Accuracy]:
    """Speaker P/R/F1 and perspective accuracy over the matched speakers."""
    gold_speakers, found_speakers = _speakers(gold), _speakers(found)
    candidates = []
    for g, (gold_tokens, _) in enumerate(gold_speakers):
        for f, (found_tokens, _) in enumerate(found_speakers):
            if k := _suffix_length(gold_tokens, found_tokens):
                # Equal names first, then the longest shared suffix.
                candidates.append((gold_tokens != found_tokens, -k, g, f))
    pairs = _greedy(sorted(candidates))
    correct = sum(gold_speakers[g][1].get("perspective")
                  == found_speakers[f][1].get("perspective") for g, f in pairs)
    tp = len(pairs)
    return (PRF(tp, len(found_speakers) - tp, len(gold_speakers) - tp),
            Accuracy(correct, tp))


def _actor_of(quote: dict, record: dict) -> dict | None:
    """The actor a quote is attributed to, or None for ``actor: null``."""
    actor_id = quote.get("actor")
    if actor_id is None:
        return None
    for actor in record.get("actors") or []:
        if actor.get("id") == actor_id:
            return actor
    raise ValueError(f"{record.get('report')}: a quote's actor {actor_id!r} "
                     f"is not the id of any actor in the record.")


def _same_actor(found: dict | None, gold: dict) -> bool:
    """Whether a found quote's actor is the gold quote's actor (module docstring)."""
    if found is None:
        return False
    found_name, gold_name = _tokens(found.get("name") or ""), _tokens(gold.get("name") or "")
    if not found_name or not gold_name:
        return not found_name and not gold_name and found.get("kind") == gold.get("kind")
    return _suffix_length(found_name, gold_name) > 0


def _score_quotes(found: dict, gold: dict) -> tuple[PRF, Accuracy]:
    """Quote P/R/F1 and attribution accuracy over matched quotes with a gold actor."""
    gold_quotes, found_quotes = gold.get("quotes") or [], found.get("quotes") or []
    gold_sets = [set(_tokens(q.get("text") or "")) for q in gold_quotes]
    found_sets = [set(_tokens(q.get("text") or "")) for q in found_quotes]
    candidates = []
    for g, gold_set in enumerate(gold_sets):
        for f, found_set in enumerate(found_sets):
            score = _set_jaccard(gold_set, found_set)
            if score >= QUOTE_MIN_JACCARD:
                candidates.append((-score, g, f))
    pairs = _greedy(sorted(candidates))
    attributed = [(gold_quotes[g], found_quotes[f]) for g, f in pairs
                  if gold_quotes[g].get("actor") is not None]
    correct = sum(_same_actor(_actor_of(fq, found), _actor_of(gq, gold)) for gq, fq in attributed)
    tp = len(pairs)
    return (PRF(tp, len(found_quotes) - tp, len(gold_quotes) - tp),
            Accuracy(correct, len(attributed)))


def _voice(record: dict, perspective: str) -> dict:
    return (record.get("voices") or {}).get(perspective) or {}


def _score_voices(found: dict, gold: dict) -> tuple[Accuracy, PRF]:
    """Status accuracy and flagged_missing P/R/F1 over the four perspectives."""
    correct, flagged = 0, PRF()
    for perspective in PERSPECTIVES:
        gold_voice, found_voice = _voice(gold, perspective), _voice(found, perspective)
        correct += gold_voice.get("status") == found_voice.get("status")
        is_gold = gold_voice.get("flagged_missing") is True
        is_found = found_voice.get("flagged_missing") is True
        flagged += PRF(int(is_gold and is_found), int(is_found and not is_gold),
                       int(is_gold and not is_found))
    return Accuracy(correct, len(PERSPECTIVES)), flagged


def _score_themes(found: dict, gold: dict) -> PRF:
    gold_codes, found_codes = set(gold.get("themes") or []), set(found.get("themes") or [])
    return PRF(len(gold_codes & found_codes), len(found_codes - gold_codes),
               len(gold_codes - found_codes))


def _score_report(found: dict, gold: dict) -> dict:
    """Every measure's counts for one report, keyed as in ``_MEASURES``."""
    speakers, perspective = _score_speakers(found, gold)
    quotes, attribution = _score_quotes(found, gold)
    voice_status, flagged_missing = _score_voices(found, gold)
    return {"speakers": speakers, "perspective": perspective, "quotes": quotes,
            "attribution": attribution, "voice_status": voice_status,
            "flagged_missing": flagged_missing, "themes": _score_themes(found, gold),
            "event_date": _score_field(found, gold, "event_date"),
            "published_date": _score_field(found, gold, "published_date")}


def _score_field(found: dict, gold: dict, field: str) -> Accuracy:
    """One report's value of ``field``: right when equal to gold (``null`` too)."""
    return Accuracy(int(found.get(field) == gold.get(field)), 1)


def _by_report(records: list[dict], side: str) -> dict[str, dict]:
    """Records keyed by ``report``; a report given twice is a caller mistake."""
    keyed = {}
    for record in records:
        if record["report"] in keyed:
            raise ValueError(f"The {side} records contain report {record['report']!r} twice.")
        keyed[record["report"]] = record
    return keyed


def evaluate_records(pred: list[dict], gold: list[dict]) -> Scores:
    """Score found records against gold records (ANNOTATION.md §7).

    Records are paired by ``report``. A gold report without a found record is scored as
    if nothing was found in it; a found record without a gold record is not scored and
    is listed in ``Scores.unmatched``. See the module docstring for the conventions §7
    leaves open (0/0, anonymous actors, ties).

    Parameters
    ----------
    pred : list of dict
        Found records (the toolkit's JSON export).
    gold : list of dict
        Gold records.

    Returns
    -------
    Scores

    Raises
    ------
    ValueError
        When a side has two records for one report, or a quote names an actor id that
        is not in its record.

    Examples
    --------
    >>> gold = [{"report": "r.txt", "themes": ["armoede", "schulden"]}]
    >>> evaluate_records([{"report": "r.txt", "themes": ["armoede"]}], gold).themes.f1
    0.6666666666666666
    """
    found_by_report, gold_by_report = _by_report(pred, "predicted"), _by_report(gold, "gold")
    counts = {report: _score_report(found_by_report.get(report, {"report": report}), record)
              for report, record in gold_by_report.items()}
    totals = {name: sum((c[name] for c in counts.values()), cls())
              for name, cls in _MEASURES.items()}
    details = tuple({"report": report, "predicted": report in found_by_report,
                     **{name: m.to_dict() for name, m in c.items()}}
                    for report, c in counts.items())
    unmatched = tuple(r for r in found_by_report if r not in gold_by_report)
    return Scores(**totals, n_reports=len(counts), per_report=details, unmatched=unmatched)


def load_records(folder: Path) -> list[dict]:
    """Read every ``*.json`` record in a folder (not its subfolders), sorted by file name.

    Parameters
    ----------
    folder : Path

    Returns
    -------
    list of dict

    Raises
    ------
    FileNotFoundError
        When ``folder`` is not a folder.
    ValueError
        Naming the file, when a file is not valid JSON or not an object with a
        ``report`` key.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder of JSON records.")
    records = []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}: not valid JSON ({error}).") from error
        if not isinstance(record, dict) or "report" not in record:
            raise ValueError(f"{path}: expected a JSON object with a 'report' key.")
        records.append(record)
    return records


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_table(scores: Scores) -> str:
    """The scores as a plain-text table, one row per measure.

    Columns: measure, precision, recall, F1 or accuracy, counts. A ratio of 0/0 is
    shown as "–".

    Parameters
    ----------
    scores : Scores

    Returns
    -------
    str
    """
    rows = [("measure", "precision", "recall", "F1 / acc", "counts")]
    for name in _MEASURES:
        m = getattr(scores, name)
        if isinstance(m, PRF):
            rows.append((name, _cell(m.precision), _cell(m.recall), _cell(m.f1),
                         f"tp {m.tp}  fp {m.fp}  fn {m.fn}"))
        else:
            rows.append((name, "", "", _cell(m.accuracy), f"{m.correct} of {m.n} correct"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join([row[0].ljust(widths[0])]
                       + [cell.rjust(width) for cell, width in zip(row[1:4], widths[1:])]
                       + [row[4]]) for row in rows]
    lines.append(f"{scores.n_reports} gold report(s)")
    if scores.unmatched:
        lines.append("not scored (no gold record): " + ", ".join(scores.unmatched))
    return "\n".join(lines)


def default_gold_dir() -> Path | None:
    """The shared gold folder, if it can be found.

    Looks for ``../shared/gold`` relative to the current working directory, then
    relative to the repository root (the folder holding the ``wsd_text`` package).

    Returns
    -------
    Path or None
        The first of these that is a folder, else None.
    """
    for base in (Path.cwd(), Path(__file__).resolve().parent.parent):
        candidate = (base / ".." / "shared" / "gold").resolve()
        if candidate.is_dir():
            return candidate
    return None
