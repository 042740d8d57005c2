"""Pseudonymisation: each person actor's name becomes one pseudonym across a whole corpus.

A person is an actor of kind ``individual`` with a name. What is replaced where:

- a person's **full name** (a given name or initials with the surname, as some report
  writes it: "Sanne Wolters", "A. Kuipers") is replaced in every report of the corpus;
- the **partial forms** (surname with its particles "de Boer" / "De Boer", a surname
  without particles "Wolters", the given names "Sanne", initials "S. Wolters") only in
  the reports where that person is an actor, and only where they stand as a name: spelt
  with the name's capitals, not glued to a following capitalised word ("De Vries
  Makelaars", "Groen Links" are other names), and not right after another replaced name
  with only particles between ("P3 van Zonnebloem Thuis", never "P3 van P3");
- with the report text (`Pseudonymiser.corpus`, the REFI-QDA export), also every mention
  the analysis found for a person actor, at its offsets: the only place where the bare core
  of a surname with particles ("Boer" of "Wout de Boer") is replaced, since on its own it
  is mostly a word ("Meer informatie", "Jong Zuidhorn").

A partial form is resolved within its report: with Anna de Vries in one report and Piet de
Vries in another, "De Vries" in the second is Piet. Role words around a name stay, so
"wethouder Sanne Wolters" becomes "wethouder P3".

Contact details are masked too (ANNOTATION.md §8.13 leaves contact persons out of the
actors, so they get no pseudonym): every e-mail address becomes ``[e-mail]``, and in a
sentence with an e-mail address or a contact word (``contact_words`` of
``data/nl/name_parts.yaml``) each name starting with a known first name or initials
becomes ``[naam]``.

The key file (JSON) holds the people and, for every rewritten string, the original forms
in order, so ``--reverse`` restores each string exactly; a string edited after
pseudonymisation gets each person's full name back instead (and keeps its masks). The key
identifies people: it is refused inside the output folder.

Offsets: records pseudonymised on their own (JSON, tables) keep the offsets of the original
report text; exports that carry the text (REFI-QDA) rewrite text and offsets together with
`Pseudonymiser.corpus`. Pseudonymising twice changes nothing: pseudonyms and masks already
in a text are kept as they are.

Where the name forms come from: Dutch names put lower-case particles (van, de, ter, 't)
between given names and surname, and reports cite people by full name first and by
surname later (ANNOTATION.md §2), sometimes with initials ("mevrouw A. van der Berg").
A limit: a surname without particles that is also a word ("Groen", "Zwart") is replaced at
the start of a sentence in the reports of that person, where a word and a name look alike.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from pathlib import Path

from .evaluate import names_match
from .export.atomic import write_text_atomic
from .records import Record

# Identifiers and file names are never rewritten: they pair records with reports and actors.
_KEEP = frozenset({"report", "id", "actor", "source", "text_hash"})
_KEY_FORMAT = "wsd-text pseudonym key"
EMAIL_MASK, NAME_MASK = "[e-mail]", "[naam]"
_MASKS = (EMAIL_MASK, NAME_MASK)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Particles that join a name to the one before it ("Huis van Bakker"): a partial form after
# a replaced name and these is the tail of that name, not a second person.
_JOINING = r"(?:van|de|der|den|het|'t|ter|ten|te|von|du|da|di|la|le)"
_AFTER_NAME = re.compile(rf"\s+(?:{_JOINING}[ \t]+)+\Z")
_DUTCH_PARTICLES = frozenset({"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "uit"})
_GLUED_AFTER = re.compile(r"[ \t]+([^\W\d_])")
_SENTENCE_BREAK = re.compile(r"\n|(?<=[.!?])\s+")
_WORD = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_][\w'’-]*")

Span = tuple[int, int]
Edit = tuple[int, int, int, int]  # old start, old end, new start, new end
Replacement = tuple[int, int, str]  # start, end, new text


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
        k = bisect.bisect_right([e[1] for e in self.edits], offset)
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
    return _apply(text, [(m.start(), m.end(), replace_match(m)) for m in pattern.finditer(text)])


def _apply(text: str, replacements: Iterable[Replacement]) -> Rewrite:
    """The text with non-overlapping ``(start, end, new)`` replacements, and its edits."""
    pieces, edits, last, shift = [], [], 0, 0
    for start, end, new in sorted(replacements):
        pieces += [text[last:start], new]
        edits.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        last = end
    pieces.append(text[last:])
    return Rewrite("".join(pieces), tuple(edits))


def _particles() -> frozenset[str]:
    """The words of the tussenvoegsels (``interfixes`` in ``data/nl/name_parts.yaml``)."""
    return frozenset(w for interfix in _lexicon().interfixes for w in interfix.split())


@lru_cache(maxsize=1)
def _lexicon():
    from .pipeline.lexicon import load_lexicon

    return load_lexicon()


def _parts(name: str) -> tuple[list[str], str, str]:
    """(given tokens, surname with its particles, surname core) of a name.

    The surname starts at the first particle, else it is the last word; a name may start
    with its particle ("Van Dalen", "de Boer"). Capitalised, only the Dutch particles
    count ("Ben" and "Al" are given names too).
    """
    tokens = name.split()
    if len(tokens) < 2:
        return [], name, name
    cut = next((i for i, t in enumerate(tokens[:-1]) if t[0].islower() or t.lower() in _DUTCH_PARTICLES),
               len(tokens) - 1)
    core_at = next((i for i, t in enumerate(tokens[cut:]) if t[0].isupper() and t.lower() not in _DUTCH_PARTICLES), 0)
    return tokens[:cut], " ".join(tokens[cut:]), " ".join(tokens[cut:][core_at:])


def _is_full(name: str) -> bool:
    """A name with a given name or initials before the surname ("Sanne Wolters", "A. Kuipers")."""
    return any(t[0].isupper() for t in _parts(name)[0])


def _partial_forms(name: str) -> set[str]:
    """The partial forms of a name: surname (with particles, or bare without), given names,
    initials with the surname. Not the bare core of a surname with particles."""
    first, surname, core = _parts(name)
    given = [t for t in first if t[0].isupper() and not _is_initial(t)]
    initials = "".join(t[0] + "." for t in first if t[0].isupper())
    forms = {surname, surname[0].upper() + surname[1:]}
    if surname != core:  # "de Boer" and "De Boer", whichever the name has
        forms.add(surname[0].lower() + surname[1:])
    if given:
        forms |= {" ".join(given), given[0]}
    if initials:
        forms |= {f"{initials} {surname}", f"{initials}{surname}",
                  f"{initials[:2]} {surname}", f"{initials[:2]}{surname}"}
    return {f for f in forms if _is_name_form(f)} - {name}


def name_forms(name: str) -> set[str]:
    """The ways a report may write one person's name, bare surname cores left out.

    Examples
    --------
    >>> sorted(name_forms("Wout de Boer"))
    ['De Boer', 'W. de Boer', 'W.de Boer', 'Wout', 'Wout de Boer', 'de Boer']
    """
    return ({name} if _is_name_form(name) else set()) | _partial_forms(name)


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


def _forms_regex(forms: Iterable[str]) -> re.Pattern | None:
    """One pattern for ``forms``, longest first, standing as whole words."""
    forms = sorted(set(forms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(_form_pattern, forms)) + r")(?!\w)") if forms else None


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
        """Give every new person of one report a pseudonym; a name matching a known person
        (§7 ``names_match``: "Wolters" ~ "Sanne Wolters") or written as one of their forms
        ("S. Wolters") joins that person, a person of the same report first."""
        names = [n for n in names if n not in {p.pseudonym for p in self.people}]
        for name in sorted(names, key=lambda n: not _is_full(n)):  # full names settle the report's people
            person = self.person(name, names)
            if person is None:
                self.people.append(Person(f"P{len(self.people) + 1}", name, [name]))
            elif name not in person.names:
                person.names.append(name)
                person.name = max(person.names, key=len)

    def add_records(self, records: Iterable) -> None:
        """Add the person actors of records (`Record` objects or their JSON form), report by report."""
        for record in records:
            self.add_names(_person_names(record))

    def person(self, name: str, report_names: Iterable[str] = ()) -> Person | None:
        """The person ``name`` denotes in a report whose person actors are ``report_names``.

        A full name is looked up as written; a partial one ("De Vries") among the people of
        the same report first, then among all.

        Examples
        --------
        >>> key = PseudonymKey(); key.add_names(["Anna de Vries"]); key.add_names(["Piet de Vries"])
        >>> key.person("De Vries", ["Piet de Vries", "De Vries"]).name
        'Piet de Vries'
        """
        by_pseudonym = next((p for p in self.people if p.pseudonym == name), None)
        if by_pseudonym is not None:
            return by_pseudonym
        folded = _fold(name)
        exact = [p for p in self.people if any(_fold(n) == folded for n in p.names)]
        if exact and _is_full(name):
            return exact[0]
        here = {_fold(n) for n in report_names if _is_full(n)}
        local = [p for p in self.people if any(_fold(n) in here for n in p.names)]
        for people in (local, exact, self.people):
            found = next((p for p in people if any(_joins(name, n) for n in p.names)), None)
            if found is not None:
                return found
        return None

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


def _joins(name: str, known: str) -> bool:
    """Whether ``name`` can be the person known as ``known`` (same, §7 match, or a form)."""
    return _fold(name) == _fold(known) or names_match(name, known) or \
        _fold(name) in {_fold(f) for f in name_forms(known)}


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


def _person_actors(record) -> list[dict]:
    """The person actors (individuals with a name) of a record or its JSON form."""
    if isinstance(record, Mapping):
        actors = record.get("actors") or []
    else:
        actors = [a.to_dict() for a in getattr(record, "actors", ())]
    return [a for a in actors if a.get("kind", "individual") == "individual" and (a.get("name") or "").strip()]


def _person_names(record) -> list[str]:
    return [a["name"] for a in _person_actors(record)]


@dataclass(frozen=True)
class _Actor:
    """A person actor of one report: pseudonym, the person's names, mention offsets."""

    pseudonym: str
    names: tuple[str, ...]
    mentions: tuple[Span, ...] = ()


class _Chosen:
    """Non-overlapping replacements, added by priority."""

    def __init__(self):
        self.starts: list[int] = []
        self.items: list[Replacement] = []

    def add(self, start: int, end: int, new: str) -> bool:
        k = bisect.bisect_right(self.starts, start)
        if k and self.items[k - 1][1] > start or k < len(self.items) and self.items[k][0] < end:
            return False
        self.starts.insert(k, start)
        self.items.insert(k, (start, end, new))
        return True

    def ends_at(self, offset: int) -> bool:
        """Whether a chosen replacement ends at ``offset``."""
        k = bisect.bisect_left(self.starts, offset) - 1
        return k >= 0 and self.items[k][1] == offset


class Pseudonymiser:
    """Replaces the names of a key's people in strings, records and reports.

    Parameters
    ----------
    key : PseudonymKey
        Its ``restore`` log is filled as strings are rewritten.

    Examples
    --------
    >>> key = PseudonymKey(); key.add_names(["Sanne Wolters"])
    >>> Pseudonymiser(key).text("Wethouder Wolters en S. Wolters: „Sanne weet het.”", names=["Sanne Wolters"])
    'Wethouder P1 en P1: „P1 weet het.”'
    """

    def __init__(self, key: PseudonymKey):
        self.key = key
        full = {}
        for person in key.people:
            for name in person.names:
                if _is_full(name) and _is_name_form(name):
                    full.setdefault(_fold(name), person.pseudonym)
        # Pseudonyms and masks already in a text are matched too: they stay, and reversal
        # counts them in order.
        self._keep = {p.pseudonym for p in key.people} | set(_MASKS)
        self._full = full
        self._full_pattern = _forms_regex([n for p in key.people for n in p.names if _fold(n) in full] +
                                          sorted(self._keep))
        self._scopes: dict[tuple, tuple] = {}

    # -- which people a report holds --------------------------------------------------

    def actors(self, record) -> tuple[_Actor, ...]:
        """The person actors of a record (or its JSON form), each resolved to its person
        within the record's report."""
        actors = _person_actors(record)
        names = [a["name"] for a in actors]
        found = []
        for actor in actors:
            person = self.key.person(actor["name"], names)
            if person is not None:
                found.append(_Actor(person.pseudonym, tuple(dict.fromkeys([actor["name"], *person.names])),
                                    tuple(tuple(m) for m in actor.get("mentions") or ())))
        return tuple(found)

    def _actors_of_names(self, names: Iterable[str]) -> tuple[_Actor, ...]:
        names = list(names)
        return self.actors({"actors": [{"name": n, "kind": "individual"} for n in names]})

    def _partials(self, actors: tuple[_Actor, ...]):
        """(pattern, folded form -> pseudonym) of the partial forms of a report's people."""
        key = tuple((a.pseudonym, a.names) for a in actors)
        if key not in self._scopes:
            by_form = {}
            for actor in actors:
                for name in actor.names:
                    for form in _partial_forms(name) | ({name} if not _is_full(name) else set()):
                        if _fold(form) not in self._full and _is_name_form(form):
                            by_form.setdefault(form, actor.pseudonym)
            folded = {}
            for form, pseudonym in by_form.items():
                folded.setdefault(_fold(form), pseudonym)
            self._scopes[key] = (_forms_regex(by_form), folded)
        return self._scopes[key]

    # -- rewriting ----------------------------------------------------------------------

    def _replacements(self, text: str, actors: tuple[_Actor, ...], mentions: bool) -> list[Replacement]:
        chosen = _Chosen()
        for match in _EMAIL.finditer(text):
            chosen.add(match.start(), match.end(), EMAIL_MASK)
        if self._full_pattern is not None:
            for match in self._full_pattern.finditer(text):
                found = match.group()
                chosen.add(match.start(), match.end(), found if found in self._keep else self._full[_fold(found)])
        if mentions:
            for actor in actors:
                for start, end in actor.mentions:
                    inside = 0 <= start < end <= len(text) and text[start:end].strip()
                    found = self._mention(text, start, end, actor) if inside else None
                    if found is not None:
                        chosen.add(*found)
        pattern, by_form = self._partials(actors) if actors else (None, {})
        if pattern is not None:
            for match in pattern.finditer(text):
                if _glued(text, match, chosen):
                    continue
                chosen.add(match.start(), match.end(), by_form[_fold(match.group())])
        for start, end in _contact_names(text):
            chosen.add(start, end, NAME_MASK)
        return chosen.items

    def _mention(self, text: str, start: int, end: int, actor: _Actor) -> Replacement | None:
        """The replacement of one mention: the actor's longest name form inside it (the
        bare surname core included), else the whole mention when it is written as a name;
        a role mention ("de wethouder") stays."""
        pattern = _mention_pattern(actor.names, tuple(sorted(self._keep)))
        match = max(pattern.finditer(text, start, end), key=lambda m: m.end() - m.start(), default=None)
        if match is None:
            words = text[start:end].split()
            if words[0][0].isupper() and all(w[0].isupper() or w.lower() in _DUTCH_PARTICLES for w in words):
                return start, end, actor.pseudonym
            return None
        found = match.group()
        return match.start(), match.end(), found if found in self._keep else actor.pseudonym

    def _rewrite(self, text: str, actors: tuple[_Actor, ...], scope: str | None, mentions: bool = False) -> Rewrite:
        """The rewritten text; with a ``scope``, the originals are logged in the key."""
        replacements = self._replacements(text, actors, mentions)
        result = _apply(text, replacements)
        originals = [text[start:end] for start, end, _ in replacements]
        # A string pseudonymised before holds only pseudonyms: its log entry stays as it was.
        if scope is not None and any(o != new for o, (_, _, new) in zip(originals, replacements)):
            digest = _digest(scope, result.text)
            known = self.key.restore.get(digest, originals)
            self.key.restore[digest] = originals if known == originals else None
        return result

    def rewrite(self, text: str, scope: str = "", names: Iterable[str] | None = None) -> Rewrite:
        """The pseudonymised text with its offset edits; logs the originals in the key.

        ``names`` are the person actors of the text's report, whose partial forms are
        replaced too; without them only full names (and contact details) are. ``scope``
        (report id and field path) keeps apart equal rewritten strings of different places
        ("Wolters" in one, "Sanne Wolters" in another, both "P1").
        """
        return self._rewrite(text, self._actors_of_names(names or ()), scope)

    def text(self, text: str, scope: str = "", names: Iterable[str] | None = None) -> str:
        """The pseudonymised string (see `rewrite`)."""
        return self.rewrite(text, scope, names).text

    def value(self, value, spans: Rewrite | None = None, actors: tuple[_Actor, ...] | None = None):
        """A record, report, dict or list with every string pseudonymised, each person
        actor's name replaced by its pseudonym; with ``spans``, the ``start``/``end``,
        ``mentions`` and ``speech`` offsets are mapped through it. Each string is logged
        under its report and path (see `rewrite`)."""
        scope = _report_id(value)
        actors = self.actors(value) if actors is None else actors
        new = _walk(value, lambda text, path: self._rewrite(text, actors, f"{scope}/{path}").text,
                    spans.span if spans else None)
        return self._named(new, actors)

    def _named(self, record, actors: tuple[_Actor, ...]):
        """Person actors named by their pseudonym, whatever form the text pass left."""
        pseudonyms = iter(a.pseudonym for a in actors)
        if isinstance(record, Mapping) and isinstance(record.get("actors"), list):
            people = [a for a in record["actors"] if a in _person_actors(record)]
            if len(people) != len(actors):
                return record
            named = {id(a): next(pseudonyms) for a in people}
            return {**record, "actors": [{**a, "name": named[id(a)]} if id(a) in named else a
                                         for a in record["actors"]]}
        if isinstance(record, Record):
            people = [a for a in record.actors if a.kind == "individual" and (a.name or "").strip()]
            if len(people) != len(actors):
                return record
            named = {a.id: next(pseudonyms) for a in people}
            return replace(record, actors=tuple(replace(a, name=named[a.id]) if a.id in named else a
                                                for a in record.actors))
        return record

    def corpus(self, reports: list, records: list) -> tuple[list, list]:
        """Reports (texts rewritten, offsets remapped) and their records, pseudonymised.

        ``records[i]`` belongs to ``reports[i]``. The text is rewritten with the mentions
        of the record's person actors; a record string found in the text (an evidence
        sentence, a quote) takes the rewritten words of the text, so both agree.
        """
        new_reports, new_records = [], []
        for report, record in zip(reports, records, strict=True):
            actors = self.actors(record)
            rw = self._rewrite(report.text, actors, None, mentions=True)

            def text_fn(string: str, path: str, old=report.text, rw=rw, actors=actors) -> str:
                at = old.find(string) if len(string.split()) > 1 else -1
                if at >= 0:
                    start, end = rw.span(at, at + len(string))
                    string = rw.text[start:end]
                return self._rewrite(string, actors, None).text

            new_reports.append(replace(self._named(_walk(replace(report, text=""), text_fn, rw.span), actors),
                                       text=rw.text))
            new = self._named(_walk(record, text_fn, rw.span), actors)
            quotes = [replace(q, text=self._rewrite(rw.text[q.start:q.end], actors, None).text)
                      if 0 <= old.start < old.end <= len(report.text) and report.text[old.start:old.end] == old.text
                      else q for q, old in zip(new.quotes, record.quotes)]
            new_records.append(replace(new, quotes=tuple(quotes)))
        return new_reports, new_records


@lru_cache(maxsize=4096)
def _mention_pattern(names: tuple[str, ...], keep: tuple[str, ...]) -> re.Pattern:
    """Every form of a person's names, bare surname cores included, and the kept tokens."""
    return _forms_regex({f for n in names for f in name_forms(n) | {_parts(n)[2]} if _is_name_form(f)} | set(keep))


def _glued(text: str, match: re.Match, chosen: _Chosen) -> bool:
    """A partial form that is part of a longer name: a capitalised word follows on the same
    line ("De Vries Makelaars"), or it follows a replaced name with only particles between
    ("Werkwijze van Zonnebloem Thuis" once "Werkwijze" is replaced)."""
    after = _GLUED_AFTER.match(text, match.end())
    if after and after.group(1).isupper():
        return True
    before = _AFTER_NAME.search(text, 0, match.start())
    return bool(before) and chosen.ends_at(before.start())


def _contact_names(text: str) -> list[Span]:
    """Names in contact sentences (§8.13): a known first name or initials, with the
    capitalised words and particles that follow on the same line."""
    lexicon, particles = _lexicon(), _particles()
    found, start = [], 0
    for brk in [*_SENTENCE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        sentence = text[start:end]
        words = set(re.findall(r"[\w-]+", sentence.lower()))
        if "@" in sentence or words & lexicon.contact_words:
            found += [(start + s, start + e) for s, e in _name_runs(sentence, lexicon, particles)]
        start = brk.end() if brk else end
    return found


def _name_runs(sentence: str, lexicon, particles: frozenset[str]) -> list[Span]:
    words = list(_WORD.finditer(sentence))
    runs, i = [], 0
    while i < len(words):
        word = words[i].group()
        initials = _is_initial(word)
        if not (initials or word[0].isupper() and lexicon.is_first_name(word)
                and word.lower() not in lexicon.first_name_exceptions):
            i += 1
            continue
        last = j = i
        while j + 1 < len(words) and re.fullmatch(r"[ \t]*", sentence[words[j].end():words[j + 1].start()]):
            following = words[j + 1].group()
            if following[0].isupper() and not _is_initial(following):
                last = j = j + 1
            elif following.lower() in particles:
                j += 1
            else:
                break
        if last > i or not initials:
            runs.append((words[i].start(), words[last].end()))
        i = last + 1
    return runs


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
    """Remap the offsets a record item carries: ``start``/``end``, ``mentions`` and ``speech``."""
    if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        item["start"], item["end"] = span_fn(item["start"], item["end"])
    for name in ("mentions", "speech"):
        if item.get(name):
            item[name] = type(item[name])(type(m)(span_fn(*m)) for m in item[name])


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
    pattern = _forms_regex([*pseudonyms, *_MASKS])

    def restore(text: str, scope: str) -> str:
        """The string as it was, from the log of its place; else full names (masks stay)."""
        originals = key.restore.get(_digest(scope, text))
        found = pattern.findall(text)
        if originals is None or len(originals) != len(found):
            return pattern.sub(lambda m: pseudonyms.get(m.group(), m.group()), text)
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
    import pandas as pd
    actors = corpus.actors
    people: dict[str, list[str]] = {}  # report -> names of its person actors
    for report, name, kind in zip(actors["report"], actors["name"], actors["kind"]):
        if kind == "individual" and isinstance(name, str) and name.strip():
            people.setdefault(report, []).append(name)
    for names in people.values():
        key.add_names(names)
    pseudonymiser = Pseudonymiser(key)
    scopes = {report: pseudonymiser._actors_of_names(names) for report, names in people.items()}

    def cell(value, column: str, report, row) -> object:
        if not isinstance(value, str):
            return value
        if column in ("name", "label") and row.get("kind") == "individual" and value == row.get("name"):
            person = key.person(value, people.get(report, ()))
            if person is not None:
                return person.pseudonym
        return pseudonymiser._rewrite(value, scopes.get(report, ()), column).text

    def frame(df):
        out = df.copy()
        rows = df.to_dict("records")
        reports = df["report"] if "report" in df.columns else [None] * len(df)
        for column in df.columns:
            if column not in _KEEP and (df[column].dtype == object or df[column].dtype == "string"):
                values = [cell(v, column, r, row) for v, r, row in zip(df[column], reports, rows)]
                out[column] = pd.Series(values, index=df.index, dtype=df[column].dtype)
        return out

    return replace(corpus, **{f.name: frame(getattr(corpus, f.name)) for f in fields(corpus)})
