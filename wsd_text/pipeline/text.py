"""Fast access to a Doc's text, tokens and sentences for the wsd_* components.

spaCy builds a Python object for every `Token` and `Span` it hands out (``doc[i]``,
``doc.sents``, ``span.sent``) and rebuilds ``doc.text`` from the tokens on each access;
over a corpus that cost more than the analysis itself. `tokens_of` reads the token arrays
once per Doc and answers with plain lists and offsets; `spans_by_actor` groups mention
and cue spans in one pass.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span


def string_ids(strings) -> numpy.ndarray:
    """The sorted hashes of ``strings``, as `Doc.to_array` gives them for ORTH or LOWER."""
    return numpy.array(sorted(set(map(get_string_id, strings))), dtype=numpy.uint64)


def isin(hashes: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(hashes, ids)`` for sorted ``ids`` from `string_ids`, without sorting
    ``hashes`` (several times faster on a Doc's column of string hashes)."""
    if not len(ids):
        return numpy.zeros(len(hashes), dtype=bool)
    return ids[ids.searchsorted(hashes).clip(max=len(ids) - 1)] == hashes


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it from the tokens: a Doc made by `nlp.make_doc` keeps
    its report, whose text it was tokenised from (checked by length)."""
    report = doc._.wsd_report
    if report is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(report.text):
        return report.text
    return doc.text


class Tokens:
    """A Doc's token offsets and sentences as plain lists, and its text.

    ``idx[i]`` and ``end[i]`` are ``doc[i].idx`` and ``doc[i].idx + len(doc[i])``;
    ``sent_starts`` are the first tokens of ``doc.sents``. Words and their lower case are
    cut from the text on demand (``word(i)``, ``lower(i)``), so only the tokens a rule
    looks at cost anything. The sentence boundaries must be final (after ``wsd_segments``).
    """

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)
        idx, length, sent_start = doc.to_array([IDX, LENGTH, SENT_START]).T
        self.idx = idx.tolist()
        self.end = (idx + length).tolist()
        self.sent_starts = [0] + ((sent_start[1:] == 1).nonzero()[0] + 1).tolist() if len(doc) else []

    def __len__(self) -> int:
        return len(self.idx)

    def word(self, i: int) -> str:
        """``doc[i].text``."""
        return self.text[self.idx[i]:self.end[i]]

    def lower(self, i: int) -> str:
        """``doc[i].lower_`` (the lexeme's lower case is ``str.lower`` of its text)."""
        return self.text[self.idx[i]:self.end[i]].lower()

    def lowers(self, start: int, end: int) -> list[str]:
        """``[t.lower_ for t in doc[start:end]]``."""
        return [self.lower(i) for i in range(start, min(end, len(self.idx)))]

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token ``i`` (``Span.sent`` of a span starting there)."""
        k = bisect.bisect_right(self.sent_starts, i)
        return self.sent_starts[k - 1], self.sent_starts[k] if k < len(self.sent_starts) else len(self.idx)

    def sentences(self) -> list[tuple[int, int]]:
        """Token bounds of every sentence, in order (``doc.sents``)."""
        return list(zip(self.sent_starts, self.sent_starts[1:] + [len(self.idx)]))

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: from the first token to the end of the last, without its
        trailing whitespace; ``end`` may run past the Doc."""
        end = min(end, len(self.idx))
        return self.text[self.idx[start]:self.end[end - 1]] if start < end else ""


def spans_by_actor(spans: Iterable[Span]) -> dict[str | None, list[Span]]:
    """Spans grouped by ``span._.wsd_actor``, in order: one pass instead of one per actor."""
    grouped: dict[str | None, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span._.wsd_actor, []).append(span)
    return grouped


def tokens_of(doc: Doc) -> Tokens:
    """The `Tokens` of a Doc, built on first use and kept on the Doc for later components."""
    tokens = doc._.wsd_tokens
    if tokens is None or len(tokens) != len(doc):
        tokens = doc._.wsd_tokens = Tokens(doc)
    return tokens
