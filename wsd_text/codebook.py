"""Theme codebooks and the cue language their codes (and the voice lexicon) are written in.

A codebook is a list of codes, each with a label, a description, Dutch cues and optionally
its own ``min_score``. The default is ``data/nl/codebook.yaml`` (ANNOTATION.md §5); a
researcher brings their own as YAML (same layout) or as CSV with the columns
``code,label,description,cues`` (cues separated by ``;``; a ``min_score`` column is
optional), without changing code.

Cue language (one cue is a word, a phrase or a conjunction):

- ``armoede``: the word itself, case-insensitive, as a whole word; list inflections
  (``schuld; schulden``) because no stemming is done.
- ``armoede*`` / ``*armoede`` / ``*armoede*``: also compounds that start with, end with
  or contain the stem (``armoedebeleid``, ``kinderarmoede``). A compound hit is a *weak*
  hit: compounds often name a policy, role or organisation rather than discuss the topic.
- ``eigen regie``: a phrase, word by word (each word may carry a ``*``).
- ``sociaal & netwerk``: every part somewhere in the same sentence.
- ``schuld(en)``, ``elkaar (beter) kennen``: letters or a word in brackets may be left out
  (``schuld`` and ``schulden``; with or without ``beter``).
- ``vrijwilliger(s) & kerk|diaconie``: ``|`` separates alternatives for one word.

A cue with brackets or ``|`` is short for all the plain cues it spells out (at most
``MAX_VARIANTS``), so a researcher writes ``betalingsachterstand(en)`` the way a codebook
on paper would.
"""
from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .errors import bad_keys
from .resources import data_path, load_csv, load_yaml

CODEBOOK_FILE = "codebook.yaml"
CODE_KEYS = {"code", "label", "description", "cues"}
OPTIONAL_CODE_KEYS = {"min_score"}  # a code's own threshold, else the rule's
RULE_KEYS = {"min_score", "compound_weight", "min_list_item_words", "model", "model_threshold", "model_min_words"}
TOP_KEYS = {"rule", "codes"}
DEFAULT_RULE = {"min_score": 2.0, "compound_weight": 0.5, "min_list_item_words": 10}

# A word of running text; a trailing hyphen is kept ("armoede- en schuldenbeleid") so the
# first half of a split compound is still seen as a compound.
WORD = re.compile(r"\w+(?:[-'’]\w+)*-?")
_SPLIT_JOINS = frozenset({"en", "of", "&"})  # between the halves of a split compound
_CODE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CACHE_LIMIT = 200_000
_OPTIONAL = re.compile(r"\(([^()]*)\)")
MAX_VARIANTS = 256


@dataclass(frozen=True)
class Code:
    """One theme of a codebook."""

    code: str
    label: str
    description: str
    cues: tuple[str, ...]
    min_score: float | None = None  # None: the codebook's rule


@dataclass(frozen=True)
class Codebook:
    """Codes plus the rule that decides when a report discusses one (see ``codebook.yaml``)."""

    codes: tuple[Code, ...]
    min_score: float = DEFAULT_RULE["min_score"]
    compound_weight: float = DEFAULT_RULE["compound_weight"]
    min_list_item_words: int = DEFAULT_RULE["min_list_item_words"]
    model: str | None = None  # a text model file with a weight per code (`wsd_text.pipeline.text_model`)
    model_threshold: float = 0.5
    model_min_words: int = 200  # a shorter text is left to the cues: the model judges whole reports
    source: str = "default"


def load_codebook(path: str | Path | None = "default", data_dir: str | Path | None = None) -> Codebook:
    """Load and validate a codebook: the default one, or a user's YAML or CSV file.

    Parameters
    ----------
    path : str, Path or None
        ``"default"`` (or None) for ``codebook.yaml`` (from ``data_dir`` when it holds one),
        else a ``.yaml``/``.yml`` or ``.csv`` file.
    data_dir : str, Path or None
        A user's folder of replacement data files.

    Returns
    -------
    Codebook

    Raises
    ------
    ValueError
        For unknown keys or columns, a missing field, a duplicate or malformed code.

    Examples
    --------
    >>> "armoede" in [c.code for c in load_codebook().codes]
    True
    """
    if path in (None, "default") and data_dir and (Path(data_dir) / CODEBOOK_FILE).exists():
        path = Path(data_dir) / CODEBOOK_FILE
    source = data_path(CODEBOOK_FILE, path)
    if source.suffix.lower() == ".csv":
        rows = load_csv(CODEBOOK_FILE, source, required=CODE_KEYS)
        if rows and set(rows[0]) - CODE_KEYS - OPTIONAL_CODE_KEYS:
            raise bad_keys(str(source), set(rows[0]) - CODE_KEYS - OPTIONAL_CODE_KEYS, CODE_KEYS | OPTIONAL_CODE_KEYS)
        entries, rule = [{**row, "cues": (row["cues"] or "").split(";")} for row in rows], {}
    elif source.suffix.lower() in (".yaml", ".yml"):
        data = load_yaml(CODEBOOK_FILE, source, allowed=TOP_KEYS)
        entries, rule = data.get("codes") or [], data.get("rule") or {}
    else:
        raise ValueError(f"The 'codebook' parameter must be 'default' or a .yaml, .yml or .csv file. Got {str(path)!r} instead.")
    if set(rule) - RULE_KEYS:
        raise bad_keys(f"{source} (rule)", set(rule) - RULE_KEYS, RULE_KEYS)
    codes = tuple(_code(entry, source) for entry in entries)
    _check_codes(codes, source)
    return Codebook(codes=codes, **{**DEFAULT_RULE, **rule}, source=str(source))


def _code(entry: Mapping, source: Path) -> Code:
    """One validated code from a YAML mapping or a CSV row."""
    if not isinstance(entry, Mapping):
        raise ValueError(f"{source}: every code must be a mapping with keys {', '.join(sorted(CODE_KEYS))}.")
    if set(entry) - CODE_KEYS - OPTIONAL_CODE_KEYS:
        raise bad_keys(str(source), set(entry) - CODE_KEYS - OPTIONAL_CODE_KEYS, CODE_KEYS | OPTIONAL_CODE_KEYS)
    code = str(entry.get("code") or "").strip()
    if not _CODE_NAME.match(code):
        raise ValueError(f"{source}: code {code!r} must be lower-case letters, digits and '_'.")
    cues = entry.get("cues") or []
    cues = tuple(c.strip() for c in ([cues] if isinstance(cues, str) else cues) if str(c).strip())
    if not cues:
        raise ValueError(f"{source}: code {code!r} has no cues.")
    return Code(code, str(entry.get("label") or code), str(entry.get("description") or ""), cues,
                _min_score(entry.get("min_score"), code, source))


def _min_score(value, code: str, source: Path) -> float | None:
    """A code's own threshold: empty (the rule's) or a positive number."""
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = 0.0
    if number <= 0:
        raise ValueError(f"{source}: the 'min_score' of code {code!r} must be a positive number. Got {value!r} instead.")
    return number


def _check_codes(codes: Sequence[Code], source: Path) -> None:
    """Refuse an empty codebook and duplicate codes."""
    if not codes:
        raise ValueError(f"{source}: the codebook has no codes.")
    seen = [c.code for c in codes]
    duplicates = {c for c in seen if seen.count(c) > 1}
    if duplicates:
        raise ValueError(f"{source}: duplicate code(s) {', '.join(sorted(duplicates))}.")


_START = operator.itemgetter(3)


class Hit(NamedTuple):  # a tuple: a report holds thousands, and a frozen dataclass is slow to make
    """Where one part of a cue matched: ``full`` is False for a compound (wildcard) hit."""

    label: str
    cue: int
    part: int
    start: int
    end: int
    full: bool


@dataclass(frozen=True)
class _Word:
    """One word of a cue phrase."""

    stem: str
    head: bool  # a leading '*': compounds ending in the stem
    tail: bool  # a trailing '*': compounds starting with the stem


class CueMatcher:
    """Finds the cues of several labels in a text, sentence by sentence.

    Each distinct word of the text is looked up once per matcher (then cached), so a
    corpus run costs about one dictionary lookup per word.

    Examples
    --------
    >>> m = CueMatcher({"armoede": ["*armoede"]})
    >>> [h.full for h in m.find("Kinderarmoede is armoede.")]
    [False, True]
    """

    def __init__(self, cues: Mapping[str, Iterable[str]]):
        self.cues: list[tuple[str, list[list[_Word]]]] = []
        self._exact: dict[str, list] = {}
        self._tails: dict[str, list] = {}
        self._heads: dict[str, list] = {}
        self._inner: list[tuple[str, tuple]] = []
        for label, strings in cues.items():
            for string in strings:
                self._add(label, string)
        self._cache: dict[str, tuple] = {}

    def _add(self, label: str, string: str) -> None:
        """Parse one cue (each plain cue it spells out) and index its words."""
        variants = expand_cue(string)
        if not variants:
            raise ValueError(f"The cue {string!r} of {label!r} has no words.")
        for variant in variants:
            self._add_plain(label, variant)

    def _add_plain(self, label: str, string: str) -> None:
        """Parse one plain cue (no brackets, no '|') and index its words."""
        parts = [[_parse_word(w) for w in part.split()] for part in string.lower().split("&")]
        parts = [p for p in parts if p]
        if not parts:
            raise ValueError(f"The cue {string!r} of {label!r} has no words.")
        cue = len(self.cues)
        self.cues.append((label, parts))
        for p, words in enumerate(parts):
            for i, word in enumerate(words):
                key = (cue, p, i)
                if word.head and word.tail:
                    self._inner.append((word.stem, key))
                elif word.head:
                    self._heads.setdefault(word.stem, []).append(key)
                elif word.tail:
                    self._tails.setdefault(word.stem, []).append(key)
                self._exact.setdefault(word.stem, []).append(key)

    def _lookup(self, token: str) -> tuple[tuple, tuple, dict]:
        """What one word of text can be, cached per distinct word: the one-word cue parts it is
        (label, cue, part, full), the (key, full) pairs of the longer phrases it may start (key
        = (cue, part, position)), and every key it matches with whether it matches as a whole
        word (True) or only as a compound (False)."""
        found = self._cache.get(token)
        if found is None:
            low = _unstressed(token.lower(), self._exact)
            pairs = [(k, True) for k in self._exact.get(low, ())]
            # Each element of a hyphenated word is a word of its own: "stress-sensitief"
            # is about stress as much as "stress" is.
            if "-" in low.strip("-"):
                pairs += [(k, True) for part in low.split("-") for k in self._exact.get(part, ())]
            for i in range(1, len(low)):
                pairs += [(k, False) for k in self._tails.get(low[:i], ())]
                pairs += [(k, False) for k in self._heads.get(low[i:], ())]
            pairs += [(k, False) for stem, k in self._inner if stem in low and stem != low]
            keys: dict[tuple, bool] = {}
            for key, full in pairs:  # whole-word pairs come first: their flag wins
                keys.setdefault(key, full)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            starts = [p for p in pairs if p[0][2] == 0]
            single = tuple((self.cues[k[0]][0], k[0], k[1], full) for k, full in starts if len(self.cues[k[0]][1][k[1]]) == 1)
            longer = tuple((k, full) for k, full in starts if len(self.cues[k[0]][1][k[1]]) > 1)
            found = self._cache[token] = (single, longer, keys)
        return found

    def _elided(self, first: str, second: str) -> tuple | None:
        """The entry of the first half of a split compound made whole with the longest ending of
        the second that is a cue word ("huur-" before "energieschulden": "huurschulden"), or None."""
        low = second.lower()
        for i in range(1, len(low) - 2):
            if low[i:] in self._heads or low[i:] in self._exact:
                entry = self._lookup(first[:-1] + low[i:])
                return entry if entry[2] else None
        return None

    def find(self, text: str) -> list[Hit]:
        """Every phrase hit of every cue part, in text order."""
        return [Hit._make(hit) for hit in self._find(text)]

    def _find(self, text: str) -> list[tuple]:
        """`find` as plain tuples: most hits are parts of a conjunction cue whose other part is
        not in the sentence, and a named tuple costs more to make than the rest of the search."""
        words, spans = _words(text)
        found = list(map(self._cache.get, words))  # C-level lookups; misses computed below
        for i, entry in enumerate(found):
            if entry is None:
                found[i] = self._lookup(words[i])
            # a split compound: "taal- en digicoaches" holds "taalcoaches"
            if words[i][-1] == "-" and i + 2 < len(words) and words[i + 1].lower() in _SPLIT_JOINS:
                found[i] = self._elided(words[i], words[i + 2]) or found[i]
        hits = []
        for t, (single, longer, _) in enumerate(found):
            if single:
                start, end = spans[t]
                hits += [(label, cue, part, start, end, full) for label, cue, part, full in single]
            for (cue, part, _), full in longer:
                hit = self._phrase(found, spans, t, cue, part, full)
                if hit:
                    hits.append(hit)
        hits.sort(key=_START)  # text order, as before one-word and longer hits were split
        return hits

    def _phrase(self, found: list, spans: list, t: int, cue: int, part: int, full: bool) -> tuple | None:
        """The hit of a phrase whose first word is word ``t``, or None."""
        label, parts = self.cues[cue]
        length = len(parts[part])
        if t + length > len(found):
            return None
        for i in range(1, length):
            match = found[t + i][2].get((cue, part, i))
            if match is None:
                return None
            full = full and match
        return label, cue, part, spans[t][0], spans[t + length - 1][1], full

    def by_sentence(self, text: str, starts: Sequence[int]) -> dict[int, dict[str, list[Hit]]]:
        """Hits grouped by sentence index (``starts``: sorted sentence start offsets), then
        by label; a conjunction cue counts only where all its parts hit in one sentence."""
        grouped: dict[int, dict[int, list[tuple]]] = {}
        for hit in self._find(text):
            sentence = bisect.bisect_right(starts, hit[3]) - 1
            grouped.setdefault(sentence, {}).setdefault(hit[1], []).append(hit)
        result: dict[int, dict[str, list[Hit]]] = {}
        for sentence, per_cue in grouped.items():
            for cue, hits in per_cue.items():
                label, parts = self.cues[cue]
                if len(parts) == 1 or len({h[2] for h in hits}) == len(parts):
                    result.setdefault(sentence, {}).setdefault(label, []).extend(map(Hit._make, hits))
        return result


_STRESS = str.maketrans("áéíóú", "aeiou")


def _unstressed(word: str, known: Mapping[str, object]) -> str:
    """The word without the acute accents Dutch writes for stress ("níet", "wél", "dát"),
    unless it is a cue word with them ("één", "café")."""
    if word.isascii() or word in known:
        return word
    return word.translate(_STRESS)


# The last text split into words: wsd_voices and wsd_themes read the same text in turn.
# One tuple, replaced whole, so a reader in another thread sees one text's words or none.
_last_words: tuple = (None, [], [])


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``text`` and their offsets."""
    global _last_words
    memo = _last_words
    if memo[0] is not text:
        memo = _last_words = (text, WORD.findall(text), [m.span() for m in WORD.finditer(text)])
    return memo[1], memo[2]


def expand_cue(cue: str) -> list[str]:
    """The plain cues a cue with optional ``(...)`` parts and ``a|b`` alternatives spells out.

    Examples
    --------
    >>> expand_cue("schuld(en) & kerk|diaconie")
    ['schuld & kerk', 'schuld & diaconie', 'schulden & kerk', 'schulden & diaconie']
    >>> expand_cue("niet (te snel) overnemen")
    ['niet overnemen', 'niet te snel overnemen']
    """
    parts = []
    for part in cue.split("&"):
        phrases = []
        for text in _optional_words(part):  # "niet (te snel) overnemen": the words in brackets
            spelled = [""]
            for options in [_word_variants(word, cue) for word in text.split()]:
                spelled = [f"{p} {o}".strip() for p in spelled for o in options]
                if len(spelled) > MAX_VARIANTS:
                    raise ValueError(f"The cue {cue!r} spells out more than {MAX_VARIANTS} variants; split it up.")
            phrases += spelled
        phrases = list(dict.fromkeys(p for p in phrases if p))
        if phrases:
            parts.append(phrases)
    cues = [""]
    for phrases in parts:
        cues = [f"{c} & {p}" if c else p for c in cues for p in phrases]
        if len(cues) > MAX_VARIANTS:
            raise ValueError(f"The cue {cue!r} spells out more than {MAX_VARIANTS} variants; split it up.")
    return [c for c in cues if c]


def _optional_words(part: str) -> list[str]:
    """A cue part with and without each bracketed group of several words."""
    match = re.search(r"\(([^()]*\s[^()]*)\)", part)
    if match is None:
        return [part]
    head, tail = part[:match.start()], part[match.end():]
    return _optional_words(head + " " + tail) + _optional_words(head + match.group(1) + tail)


def _word_variants(word: str, cue: str) -> list[str]:
    """The spellings of one cue word: ``a|b`` alternatives, each with its ``(...)`` parts in or out."""
    if word.count("(") != word.count(")"):
        raise ValueError(f"The cue {cue!r} has unbalanced brackets.")
    alternatives, depth, current = [], 0, ""
    for char in word:  # split at '|' outside brackets only: "(on)betrouwba(ar|re)"
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += char
    alternatives.append(current)
    spelled: list[str] = []
    for alternative in alternatives:
        pending = [alternative]
        while pending:
            form = pending.pop(0)
            match = _OPTIONAL.search(form)
            if match is None:
                spelled.append(form)
                continue
            head, tail = form[:match.start()], form[match.end():]
            pending += [head + tail] + [head + option + tail for option in match.group(1).split("|")]
    return list(dict.fromkeys(spelled))


def _parse_word(word: str) -> _Word:
    """A cue word with its wildcards."""
    stem = word.strip("*")
    if not stem:
        raise ValueError(f"The cue word {word!r} is only a wildcard.")
    return _Word(stem, word.startswith("*"), word.endswith("*"))
