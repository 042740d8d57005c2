"""Pseudonymisation: each person actor's name becomes one pseudonym across a whole corpus.

A person is an actor of kind ``individual`` with a name. Every form of that name is
replaced wherever it occurs (actor names, quote texts, evidence sentences, titles, report
texts): the full name, the surname with or without its particles ("de Jong", "De Jong",
"Jong"), the given names ("Sanne"), and initials with the surname ("S. Wolters", "J.W. de
Jong"). Role words around a name stay, so "wethouder Sanne Wolters" becomes "wethouder P3".

The key file (JSON) holds the people and, for every rewritten string, the original forms
in order, so ``--reverse`` restores each string exactly; a string edited after
pseudonymisation gets each person's full name back instead. The key identifies people: it
is refused inside the output folder.

Offsets: records pseudonymised on their own (JSON, tables) keep the offsets of the original
report text; exports that carry the text (REFI-QDA) rewrite text and offsets together with
`Pseudonymiser.corpus`. Pseudonymising twice changes nothing.

Where the name forms come from: Dutch names put lower-case particles (van, de, ter, 't)
between given names and surname, and reports cite people by full name first and by
surname later (ANNOTATION.md §2), sometimes with initials ("mevrouw A. van der Berg").
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path

from .evaluate import names_match
from .export.atomic import write_text_atomic
from .records import Record

# Identifiers and file names are never rewritten: they pair records with reports and actors.
_KEEP = frozenset({"report", "id", "actor", "source", "text_hash"})
_KEY_FORMAT = "wsd-text pseudonym key"

Span = tuple[int, int]
Edit = tuple[int, int, int, int]  # old start, old end, new start, new end


@dataclass(frozen=True)
class Rewrite:
    """A text after substitutions, with the edits that map old offsets to new ones.

    Examples
    --------
    >>> rw = rewrite("Jan zegt: ja", re.compile("Jan"), lambda m: "P1")
    >>> rw.text, rw.span(4, 8)
    ('P1 zegt: ja', (3, 7))
    """

    text: str
    edits: tuple[Edit, ...] = ()

    def span(self, start: int, end: int) -> Span:
        """The new (start, end) of an old half-open span; a span edge inside an edit
        moves to that edit's edge, so the span keeps the whole replacement."""
        return self._map(start, False), self._map(end, True)

    def _map(self, offset: int, is_end: bool) -> int:
        k = bisect_right([e[1] for e in self.edits], offset)
        if k < len(self.edits) and self.edits[k][0] < offset:
            return self.edits[k][3] if is_end else self.edits[k][2]
        return offset + (self.edits[k - 1][3] - self.edits[k - 1][1] if k else 0)


def rewrite(text: str, pattern: re.Pattern, replace_match: Callable[[re.Match], str]) -> Rewrite:
    """Substitute every match of ``pattern`` and keep the offset edits.

    Parameters
    ----------
    text : str
    pattern : re.Pattern
    replace_match : callable
        Gives the replacement of one match.

    Returns
    -------
    Rewrite

    Examples
    --------
    >>> rewrite("a\\r\\nb", re.compile("\\r\\n"), lambda m: "\\n").span(3, 4)
    (2, 3)
    """
    pieces, edits, last, shift = [], [], 0, 0
    for match in pattern.finditer(text):
        new = replace_match(match)
        pieces += [text[last:match.start()], new]
        edits.append((match.start(), match.end(), match.start() + shift, match.start() + shift + len(new)))
        shift += len(new) - (match.end() - match.start())
        last = match.end()
    pieces.append(text[last:])
    return Rewrite("".join(pieces), tuple(edits))


def name_forms(name: str) -> set[str]:
    """The ways a report may write one person's name.

    Examples
    --------
    >>> sorted(name_forms("Freek de Jong"))
    ['De Jong', 'F. de Jong', 'F.de Jong', 'Freek', 'Freek de Jong', 'Jong', 'de Jong']
    """
    tokens = name.split()
    if len(tokens) < 2:
        return {name} if _is_name_form(name) else set()
    # The surname starts at the first particle after the given names, else it is the last word.
    cut = next((i for i, t in enumerate(tokens[1:], 1) if t[0].islower()), len(tokens) - 1)
    first, surname = tokens[:cut], " ".join(tokens[cut:])
    core = " ".join(tokens[cut:][next((i for i, t in enumerate(tokens[cut:]) if t[0].isupper()), 0):])
    given = [t for t in first if t[0].isupper() and not _is_initial(t)]
    initials = "".join(t[0] + "." for t in first if t[0].isupper())
    forms = {name, surname, surname[0].upper() + surname[1:], core}
    if given:
        forms |= {" ".join(given), given[0]}
    if initials:
        forms |= {f"{initials} {surname}", f"{initials}{surname}",
                  f"{initials[:2]} {surname}", f"{initials[:2]}{surname}"}
    return {f for f in forms if _is_name_form(f)}


def _is_initial(token: str) -> bool:
    """'T.' or 'J.W.': letters each followed by a full stop."""
    return bool(re.fullmatch(r"(?:\w\.)+", token))


def _is_name_form(form: str) -> bool:
    """A form worth replacing: two letters or more and a capital (so no bare 'de' or 'T.')."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters) and not _is_initial(form)


def _form_pattern(form: str) -> str:
    """Regex of one form: particles in any case, any run of spaces between words."""
    parts = []
    for i, token in enumerate(form.split()):
        if i:
            parts.append(r"\s*" if parts[-1].endswith(r"\.") else r"\s+")
        parts.append(f"(?i:{re.escape(token)})" if token[0].islower() else re.escape(token))
    return "".join(parts)


def _digest(scope: str, text: str) -> str:
    """The restore-log key of a rewritten string within its report."""
    return hashlib.sha256(f"{scope}\x1f{text}".encode("utf-8")).hexdigest()[:20]


@dataclass
class Person:
    """One person: their pseudonym, full name, and every name written for them."""

    pseudonym: str
    name: str
    names: list[str] = field(default_factory=list)


@dataclass
class PseudonymKey:
    """The reversible key: people, and the original forms behind each rewritten string.

    Examples
    --------
    >>> key = PseudonymKey(); key.add_names(["Sanne Wolters", "Wolters", "Ingrid Bakhuis"])
    >>> [(p.pseudonym, p.name) for p in key.people]
    [('P1', 'Sanne Wolters'), ('P2', 'Ingrid Bakhuis')]
    """

    people: list[Person] = field(default_factory=list)
    restore: dict[str, list[str] | None] = field(default_factory=dict)

    def add_names(self, names: Iterable[str]) -> None:
        """Give every new person a pseudonym; a name matching a known person (§7
        ``names_match``: "Wolters" ~ "Sanne Wolters") or written as one of their forms
        ("S. Wolters") joins that person."""
        pseudonyms = {p.pseudonym for p in self.people}
        for name in names:
            if name in pseudonyms:  # a record pseudonymised before
                continue
            person = next((p for p in self.people if any(names_match(name, n) or _fold(name) in
                                                         {_fold(f) for f in name_forms(n)} for n in p.names)), None)
            if person is None:
                self.people.append(Person(f"P{len(self.people) + 1}", name, [name]))
            elif name not in person.names:
                person.names.append(name)
                person.name = max(person.names, key=len)

    def add_records(self, records: Iterable) -> None:
        """Add the person actors of records (`Record` objects or their JSON form)."""
        self.add_names(name for record in records for name in _person_names(record))

    @classmethod
    def load(cls, path: str | Path) -> PseudonymKey:
        """Read a key file written by `save`."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(f"{path}: not a readable pseudonym key ({error}).") from error
        if not isinstance(data, dict) or data.get("format") != _KEY_FORMAT:
            raise ValueError(f"{path}: not a wsd-text pseudonym key (expected 'format': {_KEY_FORMAT!r}).")
        return cls([Person(**p) for p in data["people"]], data["restore"])

    def save(self, path: str | Path, out: str | Path | None = None) -> Path:
        """Write the key as JSON; refused inside the output folder ``out``."""
        check_key_location(path, out)
        data = {"format": _KEY_FORMAT, "version": 1, "people": [vars(p) for p in self.people],
                "restore": self.restore}
        return write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def check_key_location(key: str | Path, out: str | Path | None) -> None:
    """Raise ``ValueError`` when the key file would be written inside the output ``out``."""
    if out is None:
        return
    key, out = Path(key).resolve(), Path(out).resolve()
    if key == out or out in key.parents:
        raise ValueError(f"The pseudonym key {key} must be written outside the output {out}: "
                         "whoever has the key can restore every name.")


def _report_id(value) -> str:
    """The report a record (or report) belongs to; "" for anything else."""
    if isinstance(value, Mapping):
        return str(value.get("report", ""))
    return str(getattr(value, "report", None) or getattr(value, "id", "") if is_dataclass(value) else "")


def _person_names(record) -> list[str]:
    actors = record["actors"] if isinstance(record, Mapping) else [a.to_dict() for a in record.actors]
    return [a["name"] for a in actors if a.get("kind", "individual") == "individual" and (a.get("name") or "").strip()]


class Pseudonymiser:
    """Replaces the names of a key's people in strings, records and reports.

    Parameters
    ----------
    key : PseudonymKey
        Its ``restore`` and ``offsets`` are filled as strings are rewritten.

    Examples
    --------
    >>> key = PseudonymKey(); key.add_names(["Sanne Wolters"])
    >>> Pseudonymiser(key).text("Wethouder Wolters en S. Wolters: „Sanne weet het.”")
    'Wethouder P1 en P1: „P1 weet het.”'
    """

    def __init__(self, key: PseudonymKey):
        self.key = key
        by_form = {}
        for person in key.people:
            for name in person.names:
                for form in name_forms(name):
                    by_form.setdefault(form, person.pseudonym)
        # Pseudonyms already in the text are matched too, so reversal counts them in order.
        by_form.update({p.pseudonym: p.pseudonym for p in key.people})
        forms = sorted(by_form, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(_form_pattern, forms)) + r")(?!\w)") if forms else None
        self._by_form = {}
        for form, pseudonym in by_form.items():
            self._by_form.setdefault(_fold(form), pseudonym)

    def rewrite(self, text: str, scope: str = "") -> Rewrite:
        """The pseudonymised text with its offset edits; logs the originals in the key.

        ``scope`` (report id and field path) keeps apart equal rewritten strings of
        different places ("Wolters" in one, "Sanne Wolters" in another, both "P1").
        """
        if self._pattern is None:
            return Rewrite(text)
        originals = []

        def pseudonym(match: re.Match) -> str:
            originals.append(match.group())
            return self._by_form[_fold(match.group())]

        result = rewrite(text, self._pattern, pseudonym)
        # A string pseudonymised before holds only pseudonyms: its log entry stays as it was.
        if set(originals) - {p.pseudonym for p in self.key.people}:
            digest = _digest(scope, result.text)
            known = self.key.restore.get(digest, originals)
            self.key.restore[digest] = originals if known == originals else None
        return result

    def text(self, text: str, scope: str = "") -> str:
        """The pseudonymised string."""
        return self.rewrite(text, scope).text

    def value(self, value, spans: Rewrite | None = None):
        """A record, report, dict or list with every string pseudonymised; with ``spans``,
        the ``start``/``end`` and ``mentions`` offsets are mapped through it. Each string is
        logged under its report and path (see `rewrite`)."""
        scope = _report_id(value)
        return _walk(value, lambda text, path: self.text(text, f"{scope}/{path}"), spans.span if spans else None)

    def corpus(self, reports: list, records: list) -> tuple[list, list]:
        """Reports (texts rewritten, offsets remapped) and their records, pseudonymised.

        ``records[i]`` belongs to ``reports[i]``.
        """
        new_reports, new_records = [], []
        for report, record in zip(reports, records, strict=True):
            rw = self.rewrite(report.text, report.id)
            # The text is rewritten once, above, so its edits and its log are the ones kept.
            new_reports.append(replace(self.value(replace(report, text=""), rw), text=rw.text))
            new_records.append(self.value(record, rw))
        return new_reports, new_records


def _fold(form: str) -> str:
    """Case and spacing folded, so a match finds the form it came from."""
    return " ".join(form.replace(".", ". ").split()).casefold()


def _walk(value, text_fn: Callable[[str, str], str], span_fn: Callable[[int, int], Span] | None, path: str = ""):
    """Apply ``text_fn(string, path)`` to every string inside ``value``; identifiers
    (``_KEEP``) stay."""
    if isinstance(value, str):
        return text_fn(value, path)
    if isinstance(value, (list, tuple)):
        return type(value)(_walk(v, text_fn, span_fn, f"{path}/{i}") for i, v in enumerate(value))
    if isinstance(value, Mapping) or is_dataclass(value):
        items = dict(value) if isinstance(value, Mapping) else {f.name: getattr(value, f.name) for f in fields(value)}
        new = {k: v if k in _KEEP else _walk(v, text_fn, span_fn, f"{path}/{k}") for k, v in items.items()}
        if span_fn is not None:
            _map_spans(new, span_fn)
        return dict(new) if isinstance(value, Mapping) else replace(value, **new)
    return value


def _map_spans(item: dict, span_fn: Callable[[int, int], Span]) -> None:
    """Remap the offsets a record item carries: ``start``/``end`` and ``mentions``."""
    if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        item["start"], item["end"] = span_fn(item["start"], item["end"])
    if item.get("mentions"):
        item["mentions"] = type(item["mentions"])(type(m)(span_fn(*m)) for m in item["mentions"])


def pseudonymise_records(records: list, key: PseudonymKey) -> list:
    """Records (`Record` objects or dicts) with person names replaced; offsets unchanged.

    Parameters
    ----------
    records : list of Record or dict
    key : PseudonymKey
        Extended with the records' people; save it afterwards.

    Returns
    -------
    list
        Same types as given.

    Examples
    --------
    >>> key = PseudonymKey()
    >>> pseudonymise_records([{"report": "r.txt", "title": "Met Jan Smit", "actors": [{"id": "a1",
    ...     "name": "Jan Smit", "kind": "individual"}]}], key)[0]["title"]
    'Met P1'
    """
    key.add_records(records)
    pseudonymiser = Pseudonymiser(key)
    return [pseudonymiser.value(r) if isinstance(r, Mapping) else _via_json(pseudonymiser, r) for r in records]


def _via_json(pseudonymiser: Pseudonymiser, record: Record) -> Record:
    """A `Record` pseudonymised in its JSON form, so the key's paths are those of the
    JSON files that ``--reverse`` reads; theme scores (not in JSON) are carried over."""
    new = Record.from_dict(pseudonymiser.value(record.to_dict()))
    return replace(new, themes=tuple(replace(t, score=old.score) for t, old in zip(new.themes, record.themes)))


def reverse_records(records: list, key: PseudonymKey) -> list:
    """Undo `pseudonymise_records`: every string back as it was (offsets never changed).

    Examples
    --------
    >>> key = PseudonymKey()
    >>> fake = pseudonymise_records([{"report": "r.txt", "title": "Smit en Jan", "actors": []}], key)
    >>> reverse_records(fake, key)[0]["title"]
    'Smit en Jan'
    """
    pseudonyms = {p.pseudonym: p.name for p in key.people}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, pseudonyms)) + r")(?!\w)") if pseudonyms else None

    def restore(text: str, scope: str) -> str:
        """The string as it was, from the log of its place; else full names."""
        if pattern is None:
            return text
        originals = key.restore.get(_digest(scope, text))
        found = pattern.findall(text)
        if originals is None or len(originals) != len(found):
            return pattern.sub(lambda m: pseudonyms[m.group()], text)
        queue = iter(originals)
        return pattern.sub(lambda m: next(queue), text)

    return [_walk(record, lambda text, path, report=_report_id(record): restore(text, f"{report}/{path}"), None)
            for record in records]


def pseudonymise_folder(src: str | Path, out: str | Path, key_path: str | Path,
                        reverse: bool = False) -> list[Path]:
    """Pseudonymise (or with ``reverse`` restore) a folder of JSON records into ``out``.

    An existing key file is read and extended, so pseudonyms stay the same across runs.

    Parameters
    ----------
    src : Path
        Folder of ``*.json`` records (the output of ``wsd-text analyse``).
    out : Path
        Folder to write the records to, under the same file names.
    key_path : Path
        Key file; must lie outside ``out``. Required to exist for ``reverse``.
    reverse : bool

    Returns
    -------
    list of Path
        The files written (records, then the key when pseudonymising).
    """
    from .evaluate import load_records
    from .export.json import write_record

    check_key_location(key_path, out)
    key_path = Path(key_path)
    if reverse and not key_path.is_file():
        raise FileNotFoundError(f"{key_path}: no pseudonym key to reverse with.")
    key = load_key(key_path)
    records = load_records(src)  # sorted by file name, like the glob below
    new = reverse_records(records, key) if reverse else pseudonymise_records(records, key)
    written = [write_record(record, Path(out) / path.name)
               for path, record in zip(sorted(Path(src).glob("*.json")), new)]
    if not reverse:
        written.append(key.save(key_path, out))
    return written


def load_key(path: str | Path) -> PseudonymKey:
    """The key at ``path``, or a new empty key when the file does not exist yet."""
    return PseudonymKey.load(path) if Path(path).is_file() else PseudonymKey()


def pseudonymise_run(result, key_path: str | Path | None, out: str | Path | None = None) -> None:
    """Pseudonymise the records of an `analyse_paths` run in place and save the key.

    Parameters
    ----------
    result : RunResult
    key_path : Path
        Key file, read when it exists and extended; must lie outside ``out``.
    out : Path, optional
        The run's output folder.
    """
    if key_path is None:
        raise ValueError("Pseudonymising needs a key file: give the 'pseudonym_key' parameter "
                         "(--key on the command line), outside the output folder.")
    check_key_location(key_path, out)
    key = load_key(key_path)
    result.records = pseudonymise_records(result.records, key)
    key.save(key_path, out)


def pseudonymise_tables(corpus, key: PseudonymKey):
    """A `wsd_text.corpus.Corpus` with person names replaced in every text cell.

    For the organiser's report and notebooks, which start from the tables rather than
    the records. The key is extended with the corpus's person actors.

    Examples
    --------
    >>> from wsd_text.corpus import Corpus
    >>> from wsd_text.records import Actor, Record
    >>> corpus = Corpus.from_records([Record("a.txt", "Met Jan Smit", None, None, None, None,
    ...     actors=(Actor("a1", "Jan Smit", None, "wethouder", None, "formal"),))])
    >>> pseudonymise_tables(corpus, PseudonymKey()).reports["title"].tolist()
    ['Met P1']
    """
    actors = corpus.actors
    key.add_names(name for name, kind in zip(actors["name"], actors["kind"])
                  if kind == "individual" and isinstance(name, str) and name.strip())
    pseudonymiser = Pseudonymiser(key)

    def frame(df):
        out = df.copy()
        for column in df.columns:
            if column not in _KEEP and (df[column].dtype == object or df[column].dtype == "string"):
                out[column] = df[column].map(lambda v: pseudonymiser.text(v, column) if isinstance(v, str) else v,
                                             na_action="ignore").astype(df[column].dtype)
        return out

    return replace(corpus, **{f.name: frame(getattr(corpus, f.name)) for f in fields(corpus)})
