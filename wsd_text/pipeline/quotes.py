"""Direct quotes (ANNOTATION.md §3): quotation marks -> candidate stretches -> speech.

The finder reads ``doc.text`` only, so it needs no actors. It scans the marks listed in
``data/nl/quote_marks.yaml``, pairs them within a family, codes broken and unbalanced marks
(§8.5), and keeps the stretches that are speech, using the words of
``data/nl/quote_cues.yaml`` to leave out titles, scare quotes and terms (§3, §8.7, §9.7),
nested quotes (§9.5) and pull quotes that repeat a body quote (§8.6). Who said each quote
is decided afterwards by `wsd_text.pipeline.attribution`.

The rules come from Dutch typography (Taalunie Leidraad and Onze Taal on aanhalingstekens)
and from how reports set quotes; like textacy's ``extract.triples.direct_quotations`` they
work on marks and their neighbours, not on a parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate import normalise_text
from ..resources import data_path, load_yaml
from . import attribution
from .extensions import register_extensions

MARKS_FILE = "quote_marks.yaml"
CUES_FILE = "quote_cues.yaml"
_MARK_KEYS = {"family", "role", "fixed"}
_OPENING_CONTEXT = "([{/–—-"  # a mark after these stands before its words
_FINAL = ".!?…,;:"  # speech ends on punctuation inside the marks
_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)]*\s+\S")
_BULLET_LINE = re.compile(r"\s*(?:[-–—•*·▪‣●◦]|\d+[.)])?\s*")
_LINE_TAIL = re.compile(r"[ \t\u00a0]*[.,;:!?]?[ \t\u00a0]*(?:\n|$)")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:zo\s+)?([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


@dataclass(frozen=True)
class Candidate:
    """A stretch between quotation marks; ``left``/``right`` include the marks (missing marks: same as start/end)."""

    start: int
    end: int
    left: int
    right: int
    family: str = "double"
    alone: bool = False  # on a line, list item or parenthesis of its own


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    family: str
    opens: bool


class QuoteMarks:
    """The mark table of ``quote_marks.yaml`` and the scanner that gives each mark a direction."""

    def __init__(self, path=None):
        data = load_yaml(MARKS_FILE, path, allowed={"marks", "apostrophe_starts"})
        for mark, spec in data["marks"].items():
            if set(spec) - _MARK_KEYS:
                from ..errors import bad_keys
                raise bad_keys(f"{MARKS_FILE}: {mark}", set(spec) - _MARK_KEYS, _MARK_KEYS)
        self.specs = data["marks"]
        self.chars = "".join(self.specs)
        self.regex = re.compile("|".join(re.escape(m) for m in sorted(self.specs, key=len, reverse=True)))
        self.apostrophe = re.compile("(?:" + "|".join(data["apostrophe_starts"]) + r")(?!\w)")

    def direction(self, text: str, i: int, j: int, open_families) -> tuple[str, bool] | None:
        """(family, opens) of the mark at ``text[i:j]``, or None for an apostrophe."""
        spec = self.specs[text[i:j]]
        opens = self._opens(text, i, j, spec, open_families)
        return None if opens is None else (spec["family"], opens)

    def _opens(self, text, i, j, spec, open_families) -> bool | None:
        """True for an opener, False for a closer, None for an apostrophe."""
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        if spec["family"] == "single" and not spec["fixed"]:
            if before.isalnum() and after.isalnum():
                return None  # MBO's, zo’n, paradigma’s
            if (before.isspace() or before in _OPENING_CONTEXT) and self.apostrophe.match(text, j):
                return None  # 's avonds, de jaren '90
        if spec["fixed"]:
            return spec["role"] == "open"
        left = not after.isspace() and (before.isspace() or before in _OPENING_CONTEXT or before in self.chars)
        right = not before.isspace() and before not in _OPENING_CONTEXT
        if spec["role"] == "open":
            return not (right and not left)  # “ after a word closes (German „…“)
        if spec["role"] == "close":
            return left and not right  # ” before a word opens (”Veel hulpverleners …”)
        if left != right:
            return left
        return spec["family"] not in open_families


def find_candidates(text: str, marks: QuoteMarks) -> list[Candidate]:
    """Every stretch the marks enclose, paragraph by paragraph, nested ones included."""
    found: list[Candidate] = []
    stack: list[_Mark] = []
    paragraphs = _paragraphs(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        in_paragraph, orphans = [], []
        for match in marks.regex.finditer(text, p_start, p_end):
            direction = marks.direction(text, match.start(), match.end(), {m.family for m in stack})
            if direction is None:
                continue
            mark = _Mark(match.start(), match.end(), *direction)
            if mark.opens:
                if stack and stack[-1].start < p_start and mark.family == stack[-1].family \
                        and _starts_paragraph(text, p_start, mark.start):
                    continue  # the next paragraph of a quote that runs on (§8.5)
                stack.append(mark)
                continue
            opener = next((m for m in reversed(stack) if m.family == mark.family), None)
            if opener is None:
                orphans.append(mark)
                continue
            del stack[stack.index(opener):]
            in_paragraph.append(Candidate(opener.end, mark.start, opener.start, mark.end, mark.family))
        in_paragraph = _code_orphans(text, p_start, in_paragraph, orphans)
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        stack = _end_paragraph(text, stack, p_end, next_start, marks, in_paragraph)
        found.extend(in_paragraph)
    return sorted((_trim(text, c) for c in found), key=lambda c: c.start)


def _trim(text: str, quote: Candidate) -> Candidate:
    """Leave the spaces just inside the marks out of the quote."""
    inner = text[quote.start:quote.end]
    start = quote.start + len(inner) - len(inner.lstrip())
    return replace(quote, start=start, end=max(start, quote.start + len(inner.rstrip())))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; a blank line separates them."""
    bounds, start = [], 0
    for match in _BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return [(s, e) for s, e in bounds if e > s]


def _starts_paragraph(text: str, p_start: int, at: int) -> bool:
    """Whether only a bullet stands between the paragraph start and ``at``."""
    return _BULLET_LINE.fullmatch(text, p_start, at) is not None


def _end_paragraph(text, stack, p_end, next_start, marks, found) -> list[_Mark]:
    """Close quotes still open at a paragraph end, unless the next paragraph continues them."""
    if not stack:
        return stack
    if next_start is not None:
        following = marks.regex.match(text, _BULLET_LINE.match(text, next_start).end())
        if following and marks.specs[following.group()]["family"] == stack[-1].family:
            return stack[-1:]  # Dutch style: a new opening mark on every paragraph of one quote
    opener = stack[0]  # unbalanced (§8.5): the stretch runs to the paragraph end
    found.append(Candidate(opener.end, p_end, opener.start, p_end, opener.family))
    return []


def _code_orphans(text, p_start, found, orphans) -> list[Candidate]:
    """Give each closing mark without an opener the speech it ends (§8.5)."""
    for mark in orphans:
        if text[mark.start - 1] not in _FINAL:
            continue  # a possessive ("Hans' fiets"), not the end of speech
        previous = max((c for c in found if c.right <= mark.start), key=lambda c: c.right, default=None)
        if previous and previous.family == mark.family and text[previous.end - 1] not in _FINAL \
                and not _SENTENCE_END.search(text, previous.right, mark.start):
            # ‘…’, … ' : one statement with a stray mark inside; code the outer marks
            found.remove(previous)
            found.append(Candidate(previous.start, mark.start, previous.left, mark.end, mark.family))
            continue
        start = max(p_start, previous.right if previous else p_start, text.rfind(":", p_start, mark.start) + 1)
        start += len(text[start:mark.start]) - len(text[start:mark.start].lstrip())
        found.append(Candidate(start, mark.start, start, mark.end, mark.family))
    return found


@dataclass(frozen=True)
class QuoteCues:
    """The word lists of ``quote_cues.yaml``, lower case, for the filters and attribution."""

    title_nouns: tuple[str, ...]
    term_words: frozenset[str]
    determiners: frozenset[str]
    persons: frozenset[str]
    verbs: frozenset[str]
    pronouns: frozenset[str]
    object_prepositions: frozenset[str]
    singular_verbs: frozenset[str]
    singular_persons: frozenset[str]
    back_references: frozenset[str]
    poll_words: tuple[str, ...]

    _SECTIONS = {"not_quote": {"title_nouns", "term_words", "determiners"},
                 "speech": {"persons", "verbs"},
                 "attribution": {"pronouns", "object_prepositions", "singular_verbs", "singular_persons",
                                 "back_references", "poll_words"}}

    @classmethod
    def load(cls, path=None) -> "QuoteCues":
        """Read and validate the cue file (the package's, or the one at ``path``)."""
        from ..errors import bad_keys

        data = load_yaml(CUES_FILE, path, allowed=set(cls._SECTIONS))
        lists = {}
        for section, allowed in cls._SECTIONS.items():
            given = data.get(section) or {}
            if set(given) != allowed:
                raise bad_keys(f"{CUES_FILE}: {section}", set(given) ^ allowed, allowed)
            lists.update({key: [str(w).lower() for w in words] for key, words in given.items()})
        ordered = {"title_nouns", "poll_words"}
        return cls(**{k: tuple(v) if k in ordered else frozenset(v) for k, v in lists.items()})


def select_quotes(text: str, candidates: list[Candidate], cues: QuoteCues) -> list[Candidate]:
    """The candidates that are speech: outermost (§9.5), not titles or terms, not repeats (§8.6)."""
    marked = (replace(c, alone=_standalone(text, c)) for c in _outermost(candidates))
    return _drop_repeats(text, [c for c in marked if is_speech(text, c, cues)])


def is_speech(text: str, quote: Candidate, cues: QuoteCues) -> bool:
    """Whether a stretch between marks reproduces speech rather than naming a title or term."""
    inner = text[quote.start:quote.end]
    words = inner.split()
    if len(words) < 3:  # §8.7, whitespace words
        return False
    before = _WORD_BEFORE.search(text, max(0, quote.left - 40), quote.left)
    word = before.group(1).lower() if before else ""
    if word in cues.term_words or word in cues.determiners or word.endswith(cues.title_nouns):
        return False  # "de werkvorm 'over de streep'", "het 'te snel uit handen nemen'"
    after = _NEXT_WORD.match(text, quote.right)
    next_word = after.group(1) if after else ""
    if quote.alone or text[max(0, quote.left - 20):quote.left].rstrip().endswith(":") \
            or next_word in cues.verbs:
        return True
    if inner.rstrip()[-1] in _FINAL or quote.right == quote.end:
        return True  # a sentence, or speech cut off by the end of the text
    if _CONTINUES.match(text, quote.right):
        return False  # "‘van horen zeggen’ weten": the sentence runs on through the marks
    bare = [w.strip(_PUNCTUATION) for w in words]
    if any(w.lower() in cues.persons for w in bare):
        return True
    if any(w[:1].isupper() for w in bare[1:]):
        return False  # title case: "De Staat van de Stad"
    return not (inner.lstrip()[0].islower() and len(words) <= _SCARE_WORDS)


_CONTINUES = re.compile(r"[ \t\u00a0]+[a-zà-ÿ]")
_PUNCTUATION = "()[]{}.,;:!?…\"'“”„‘’«»-–—"
_SCARE_WORDS = 6  # a lower-case phrase up to this long, with no speech signal, is a scare quote
_PAREN_BEFORE = re.compile(r"\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _standalone(text: str, quote: Candidate) -> bool:
    """A line, list item or parenthesis of its own: a pull quote, poll answer or aside."""
    line_start = text.rfind("\n", 0, quote.left) + 1
    if _BULLET_LINE.fullmatch(text, line_start, quote.left) and _LINE_TAIL.match(text, quote.right):
        return True
    return bool(_PAREN_BEFORE.search(text, max(0, quote.left - 5), quote.left)
                and _PAREN_AFTER.match(text, quote.right))


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates inside another one (§9.5); ``candidates`` sorted by start."""
    kept: list[Candidate] = []
    for quote in sorted(candidates, key=lambda c: (c.left, -c.right)):
        if not kept or quote.right > kept[-1].right:
            kept.append(quote)
    return kept


def _drop_repeats(text: str, quotes: list[Candidate]) -> list[Candidate]:
    """Leave out a pull quote that, normalised (§7), is a substring of another quote (§8.6)."""
    norms = [normalise_text(text[q.start:q.end]) for q in quotes]
    return [q for i, q in enumerate(quotes)
            if not any(j != i and norms[i] in norms[j] and (len(norms[j]) > len(norms[i]) or j < i)
                       for j in range(len(quotes)))]


def _source(name: str, given: str, data_dir) -> str | Path | None:
    """The file to read: an explicit path, the user's data folder, or the package default."""
    if given not in (None, "default"):
        return given
    if data_dir and (Path(data_dir) / name).exists():
        return Path(data_dir) / name
    return None


@Language.factory(
    "wsd_quotes",
    assigns=["doc._.wsd_quotes", "doc._.wsd_actors", "span._.wsd_actor", "span._.wsd_cue"],
    default_config={"marks": "default", "cues": "default", "data_dir": None},
)
def make_quotes(nlp: Language, name: str, marks: str, cues: str, data_dir: str | None) -> "QuoteFinder":
    """Build the quote component (see `QuoteFinder`)."""
    return QuoteFinder(marks=marks, cues=cues, data_dir=data_dir)


class QuoteFinder:
    """Find the direct quotes of a report and attribute each to an actor (ANNOTATION.md §3).

    Sets ``doc._.wsd_quotes`` (a list of `wsd_text.records.Quote`) and the span group
    ``doc.spans["wsd_quotes"]``; an actor that gets a quote is marked ``speaks=True`` in
    ``doc._.wsd_actors``. Attribution reads the actor components' ``wsd_mentions`` and
    ``wsd_speech`` spans; without them every quote is found but has ``actor=None``.

    Parameters
    ----------
    marks : str
        ``"default"`` or the path of a replacement ``quote_marks.yaml``.
    cues : str
        ``"default"`` or the path of a replacement ``quote_cues.yaml``.
    data_dir : str or None
        A folder whose ``quote_marks.yaml`` / ``quote_cues.yaml`` replace the defaults.

    Examples
    --------
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("wsd_quotes")
    >>> [q.text for q in nlp("Witte vult aan: „Dit raakt mij diep.” Dan is het pauze.")._.wsd_quotes]
    ['Dit raakt mij diep.']
    """

    def __init__(self, *, marks: str = "default", cues: str = "default", data_dir: str | None = None):
        register_extensions()
        self.marks = QuoteMarks(_source(MARKS_FILE, marks, data_dir))
        self.cues = QuoteCues.load(_source(CUES_FILE, cues, data_dir))

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        quotes = select_quotes(text, find_candidates(text, self.marks), self.cues)
        records, actors = attribution.attribute(doc, quotes, self.cues)
        doc._.wsd_quotes = records
        if actors is not None:
            doc._.wsd_actors = actors
        spans = []
        for record in records:
            span = doc.char_span(record.start, record.end, alignment_mode="expand")
            if span is not None:
                span._.wsd_actor, span._.wsd_cue = record.actor, record.cue
                spans.append(span)
        doc.spans["wsd_quotes"] = spans
        return doc
