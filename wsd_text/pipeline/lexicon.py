"""The Dutch word lists behind the actor components, read once per data folder.

Every list lives in an editable file in ``wsd_text/data/nl`` (see its README.md); a
settings ``data_dir`` with files of the same names replaces them. The components share one
cached `Lexicon`, so a document never triggers file reading.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import resources
from ..errors import bad_choice
from ..records import ACTOR_PERSPECTIVES

NAME_PART_KEYS = {"interfixes", "titles", "first_name_exceptions", "not_name_words", "not_name_endings",
                  "contact_words", "author_labels", "absent_labels", "place_words"}
WORD_LIST_KEYS = ("interview_words", "poll_words", "chair_verbs", "chairs", "recounted_to", "recounting_words",
                  "work_verbs", "relations", "perfect_auxiliaries")
PERSPECTIVE_KEYS = {"max_child_age", "phrases", "patterns", "interview_words", "poll_words", "chair_verbs", "chairs",
                    "recounted_to", "recounting_words", "work_verbs", "relations", "perfect_auxiliaries"}
ROLE_CATEGORIES = ("role", "org", "person", "attendee", "body")
SPEECH_KINDS = ("say", "think", "present", "ask", "source")
# A compound inherits the entry of its head (the last part, as Dutch compounds go) only
# when the head is long enough not to be an accidental ending ("werker" yes, "man" no).
MIN_HEAD = 5
MAX_CACHED = 200_000  # distinct words whose lexicon entry is kept
MAX_NAME_WORDS = 6  # words of an organisation's name standing as a heading
NAME_FUNCTION_WORDS = frozenset({"de", "het", "van", "voor", "en", "der", "den", "'t", "in", "op", "aan", "&"})


@lru_cache(maxsize=1 << 16)  # names and words repeat across a corpus; fold is called per comparison
def fold(word: str) -> str:
    """Lower case without diacritics ("José" and "Jose" are the same name)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Entry:
    """One row of ``roles.csv``; ``plural`` tells which form was looked up."""

    term: str
    perspective: str
    category: str
    weak: bool
    plural: bool = False


@dataclass(frozen=True)
class Verb:
    """One row of ``speech_verbs.csv`` for one finite form."""

    lemma: str
    particle: str
    kind: str
    joined: bool  # the form already holds its particle ("uitlegt")


@dataclass(frozen=True)
class Lexicon:
    """All word lists of the actor components (see ``data/nl/README.md``)."""

    first_names: frozenset[str]
    first_name_exceptions: frozenset[str]
    interfixes: tuple[str, ...]
    titles: frozenset[str]
    not_name_words: frozenset[str]
    not_name_endings: tuple[str, ...]
    contact_words: frozenset[str]
    author_labels: frozenset[str]
    absent_labels: frozenset[str]
    place_words: tuple[str, ...]
    roles: dict[str, Entry]
    verbs: dict[str, tuple[Verb, ...]]
    max_child_age: int
    phrases: dict[str, tuple[str, ...]]
    patterns: dict[str, tuple[str, ...]]
    interview_words: tuple[str, ...]
    poll_words: frozenset[str]
    chair_verbs: frozenset[str]
    chairs: frozenset[str]
    recounted_to: frozenset[str]
    recounting_words: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    work_verbs: tuple[str, ...]
    relations: tuple[str, ...]
    # entry() per distinct word, filled as the components ask: the compound search tries
    # every ending of a word, and the same words are looked up for every report.
    _entries: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def entry(self, words: str) -> Entry | None:
        """The lexicon entry for a word or phrase, exact or through its compound head."""
        try:
            return self._entries[words]
        except KeyError:
            if len(self._entries) > MAX_CACHED:
                self._entries.clear()
            found = self._entries[words] = self._find_entry(words)
            return found

    def _find_entry(self, words: str) -> Entry | None:
        key = words.lower()
        if key in self.roles:
            return self.roles[key]
        if " " in key:
            return None  # a compound is one word: "diaconie Hervormde Gemeente" is no "gemeente"
        head = self.roles.get(key.rsplit("-", 1)[-1]) if "-" in key else None
        if head is not None and head.category in ("role", "org", "body"):
            return head  # a hyphen marks the head however short: "Jeugd-GGZ", "Wmo-raad"
        for cut in range(1, len(key) - MIN_HEAD + 1):
            head = self.roles.get(key[cut:])
            if head is not None and cut >= 3 and head.category in ("role", "org", "body"):
                return head
        return None

    def names_organisation(self, heading: str) -> bool:
        """Whether a heading is the name of an organisation: a few capitalised words, function
        words between them, one of them a type word ("Seniorenvereniging De Linde", "Adviesraad
        Sociaal Domein Oost"); not a phrase ("Brief van de gemeente", "Gastspreker: ...")."""
        words = heading.split()
        return 0 < len(words) <= MAX_NAME_WORDS and ":" not in heading \
            and all(w[:1].isupper() or w.lower() in NAME_FUNCTION_WORDS for w in words) \
            and any((e := self.entry(w.lower().strip(",.()"))) and e.category in ("org", "body") for w in words)

    def is_first_name(self, word: str) -> bool:
        """A gazetteer first name (accents and case ignored), or first names joined by
        hyphens ("Jan-Pieter", "Anne-Fleur")."""
        folded = fold(word)
        return folded in self.first_names or "-" in folded and all(
            part in self.first_names for part in folded.split("-"))


def _path(data_dir: str | None, name: str):
    """The user's replacement file when it exists, else the packaged one."""
    if data_dir and (Path(data_dir) / name).is_file():
        return Path(data_dir) / name
    return None


@lru_cache(maxsize=8)
def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """Read and check every data file once; later calls return the cached lexicon."""
    parts = resources.load_yaml("name_parts.yaml", _path(data_dir, "name_parts.yaml"), NAME_PART_KEYS)
    persp = resources.load_yaml("perspective.yaml", _path(data_dir, "perspective.yaml"), PERSPECTIVE_KEYS)
    for key in WORD_LIST_KEYS:
        if not isinstance(persp.get(key) or [], list):
            raise ValueError(f"perspective.yaml: the key {key!r} must be a list of words. Got {persp[key]!r} instead.")
    names = resources.load_wordlist("first_names.txt", _path(data_dir, "first_names.txt")) \
        | resources.load_wordlist("first_names_extra.txt", _path(data_dir, "first_names_extra.txt"))
    lower = lambda key, source=parts: frozenset(w.lower() for w in source.get(key) or ())  # noqa: E731
    return Lexicon(
        first_names=frozenset(map(fold, names)),
        first_name_exceptions=frozenset(map(fold, parts.get("first_name_exceptions") or ())),
        interfixes=tuple(sorted({w.lower() for w in parts["interfixes"]}, key=len, reverse=True)),
        titles=lower("titles"), not_name_words=lower("not_name_words"),
        not_name_endings=tuple(lower("not_name_endings")),
        contact_words=lower("contact_words"), author_labels=lower("author_labels"),
        absent_labels=lower("absent_labels"),
        place_words=tuple(parts.get("place_words") or ()),
        roles=_load_roles(data_dir), verbs=_load_verbs(data_dir),
        max_child_age=int(persp.get("max_child_age", 20)),
        phrases={p: tuple(w.lower() for w in ws) for p, ws in (persp.get("phrases") or {}).items()},
        patterns={p: tuple(ws) for p, ws in (persp.get("patterns") or {}).items()},
        interview_words=tuple(w.lower() for w in persp.get("interview_words") or ()),
        poll_words=lower("poll_words", persp),
        chair_verbs=lower("chair_verbs", persp),
        chairs=lower("chairs", persp),
        recounted_to=lower("recounted_to", persp),
        recounting_words=lower("recounting_words", persp),
        perfect_auxiliaries=lower("perfect_auxiliaries", persp),
        work_verbs=tuple(lower("work_verbs", persp)),
        relations=tuple(lower("relations", persp)),
    )


def _load_roles(data_dir: str | None) -> dict[str, Entry]:
    """``roles.csv`` as a map from singular and plural form to its entry."""
    rows = resources.load_csv("roles.csv", _path(data_dir, "roles.csv"),
                              required={"term", "plural", "perspective", "category", "strength"})
    roles: dict[str, Entry] = {}
    for row in rows:
        if row["perspective"] not in ACTOR_PERSPECTIVES:
            raise bad_choice("perspective (roles.csv)", ACTOR_PERSPECTIVES, row["perspective"])
        if row["category"] not in ROLE_CATEGORIES:
            raise bad_choice("category (roles.csv)", ROLE_CATEGORIES, row["category"])
        entry = Entry(row["term"].lower(), row["perspective"], row["category"], row["strength"] == "weak")
        roles.setdefault(entry.term, entry)
        if row["plural"]:
            roles.setdefault(row["plural"].lower(), Entry(**{**entry.__dict__, "plural": True}))
    return roles


def _load_verbs(data_dir: str | None) -> dict[str, tuple[Verb, ...]]:
    """``speech_verbs.csv`` as a map from finite form to the verbs it can be."""
    rows = resources.load_csv("speech_verbs.csv", _path(data_dir, "speech_verbs.csv"),
                              required={"lemma", "particle", "forms", "kind"})
    verbs: dict[str, list[Verb]] = {}
    for row in rows:
        if row["kind"] not in SPEECH_KINDS:
            raise bad_choice("kind (speech_verbs.csv)", SPEECH_KINDS, row["kind"])
        particle = row["particle"].lower()
        for form in row["forms"].lower().split():
            joined = not particle or form.startswith(particle)
            verbs.setdefault(form, []).append(Verb(row["lemma"], particle, row["kind"], joined))
    return {form: tuple(v) for form, v in verbs.items()}
