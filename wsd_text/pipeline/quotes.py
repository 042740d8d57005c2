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

from ..errors import bad_keys
from ..evaluate import normalise_text
from ..resources import load_yaml
from . import attribution
from .extensions import register_extensions
from .quote_marks import BULLET_LINE, FINAL, MARKS_FILE, Candidate, QuoteMarks, find_candidates
from .text import doc_text

CUES_FILE = "quote_cues.yaml"
_LINE_TAIL = re.compile(r"[ \t\u00a0]*[.,;:!?]?[ \t\u00a0]*(?:\n|$)")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:zo\s+)?([^\W\d_]+)")
# the word right before the marks, or "motto was:" / "thema:" before them
_TITLE_LEAD = re.compile(r"([^\W\d_][\w'’-]*)(?:(?:\s+([^\W\d_]+))?\s*:)?\s+$")


@dataclass(frozen=True)
class QuoteCues:
    """The word lists of ``quote_cues.yaml``, lower case, for the filters and attribution."""

    title_nouns: tuple[str, ...]
    term_words: frozenset[str]
    determiners: frozenset[str]
    copulas: frozenset[str]
    persons: frozenset[str]
    verbs: frozenset[str]
    pronouns: frozenset[str]
    object_prepositions: frozenset[str]
    singular_verbs: frozenset[str]
    singular_persons: frozenset[str]
    back_references: frozenset[str]
    poll_words: tuple[str, ...]

    _SECTIONS = {"not_quote": {"title_nouns", "term_words", "determiners", "copulas"},
                 "speech": {"persons", "verbs"},
                 "attribution": {"pronouns", "object_prepositions", "singular_verbs", "singular_persons",
                                 "back_references", "poll_words"}}

    @classmethod
    def load(cls, path=None) -> "QuoteCues":
        """Read and validate the cue file (the package's, or the one at ``path``)."""
        data = load_yaml(CUES_FILE, path, allowed=set(cls._SECTIONS))
        lists = {}
        for section, allowed in cls._SECTIONS.items():
            given = data.get(section) or {}
            if set(given) - allowed:
                raise bad_keys(f"{CUES_FILE}: {section}", set(given) - allowed, allowed)
            if allowed - set(given):
                raise ValueError(f"{CUES_FILE}: {section}: missing key(s) {', '.join(sorted(allowed - set(given)))}.")
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
    if _names_a_title(text, quote.left, cues):
        return False
    after = _NEXT_WORD.match(text, quote.right)
    next_word = after.group(1) if after else ""
    before = _PREVIOUS_WORD.search(text, max(0, quote.left - 30), quote.left)
    if quote.alone or _aside(text, quote) or text[max(0, quote.left - 20):quote.left].rstrip().endswith(":") \
            or next_word in cues.verbs or before and before.group(1).lower() in cues.verbs:
        return True  # "zei ‘dat komt goed’ en liep weg": a speech verb right before the marks
    if inner.rstrip()[-1] in FINAL or quote.right == quote.end:
        return True  # a sentence, or speech cut off by the end of the text
    if _CONTINUES.match(text, quote.right) and not _NEXT_QUOTE.match(text, quote.right):
        return False  # "‘uit de tweede hand’ kennen": the sentence runs on through the marks
    bare = [w.strip(_PUNCTUATION) for w in words]
    if any(w.lower() in cues.persons for w in bare):
        return True
    if any(w[:1].isupper() for w in bare[1:]):
        return False  # title case: "De Week van de Buurt"
    return not (inner.lstrip()[0].islower() and len(words) <= _SCARE_WORDS)


def _names_a_title(text: str, left: int, cues: QuoteCues) -> bool:
    """A title noun, term word or determiner right before the marks, or before "was:"."""
    lead = _TITLE_LEAD.search(text, max(0, left - 60), left)
    if not lead:
        return False
    word, verb = lead.group(1).lower(), (lead.group(2) or "").lower()
    if verb and verb not in cues.copulas:
        word = verb  # "De voorzitter zei: ‘…’": the word before the colon decides
    embedded = ":" not in lead.group() and word in cues.determiners  # "het ‘…’", not "zei dit: ‘…’"
    return embedded or word in cues.term_words or word.endswith(cues.title_nouns)


_CONTINUES = re.compile(r"[ \t\u00a0]+[a-zà-ÿ]")
# "“A”, “B” en “C”": a list of quoted answers runs on through "en"/"of" to the next quote.
_NEXT_QUOTE = re.compile(r"[ \t\u00a0]+(?:en|of)[ \t\u00a0]+[„“\"‘'«‹‚]")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]*$")
_PUNCTUATION = "()[]{}.,;:!?…\"'“”„‘’«»-–—"
_SCARE_WORDS = 5  # a lower-case phrase up to this long, with no speech signal, is a scare quote
_PAREN_BEFORE = re.compile(r"\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _standalone(text: str, quote: Candidate) -> bool:
    """A line or list item of its own: a headline, pull quote or poll answer."""
    line_start = text.rfind("\n", 0, quote.left) + 1
    return bool(BULLET_LINE.fullmatch(text, line_start, quote.left) and _LINE_TAIL.match(text, quote.right))


def _aside(text: str, quote: Candidate) -> bool:
    """A parenthesis of its own: "(“de burger komt niet naar ons …”)"."""
    return bool(_PAREN_BEFORE.search(text, max(0, quote.left - 5), quote.left)
                and _PAREN_AFTER.match(text, quote.right))


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates inside another one (§9.5)."""
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
    >>> import spacy
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("wsd_quotes")
    >>> [q.text for q in nlp("Wolters vult aan: „Dit houdt mij wakker.” Dan is het pauze.")._.wsd_quotes]
    ['Dit houdt mij wakker.']
    """

    def __init__(self, *, marks: str = "default", cues: str = "default", data_dir: str | None = None):
        register_extensions()
        self.marks = QuoteMarks(_source(MARKS_FILE, marks, data_dir))
        self.cues = QuoteCues.load(_source(CUES_FILE, cues, data_dir))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = select_quotes(text, find_candidates(text, self.marks), self.cues)
        records, actors = attribution.attribute(doc, text, quotes, self.cues)
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
