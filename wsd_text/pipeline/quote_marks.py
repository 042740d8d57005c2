"""Quotation marks in Dutch text: which mark opens, which closes, and what they enclose.

A mark's direction comes from its table entry in ``data/nl/quote_marks.yaml`` and from its
neighbours (a mark before a word opens, after a word closes; a single mark between letters
is an apostrophe). Marks pair within a family, paragraph by paragraph; broken and
unbalanced marks are coded as ANNOTATION.md §8.5 asks: a quote never closed runs to the end
of its paragraph (or on into the next paragraph when that one reopens it, the Dutch style
for long quotes), and a closing mark without an opener ends the speech that began after
the previous quote.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..errors import bad_keys
from ..resources import load_yaml

MARKS_FILE = "quote_marks.yaml"
FINAL = ".!?…,;:"  # speech ends on punctuation inside the marks
BULLET = r"\s*(?:[-–—•*·▪‣●◦]|\d+[.)])?\s*"  # what may stand before a list item's text
BULLET_LINE = re.compile(BULLET)
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")  # a blank line
_MARK_KEYS = {"family", "role", "fixed"}
_OPENING_CONTEXT = "([{/–—-"  # a mark after these stands before its words
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)]*\s+\S")


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
            return left and not right  # ” before a word opens (”Elke instantie kijkt …”)
        if left != right:
            return left
        return spec["family"] not in open_families


def find_candidates(text: str, marks: QuoteMarks) -> list[Candidate]:
    """Every stretch the marks enclose, paragraph by paragraph, nested ones included."""
    paragraphs = _paragraphs(text)
    starts = [start for start, _ in paragraphs]
    by_paragraph: dict[int, list[re.Match]] = {}
    for match in marks.regex.finditer(text):  # one pass; most paragraphs have no marks
        by_paragraph.setdefault(bisect.bisect_right(starts, match.start()) - 1, []).append(match)
    found: list[Candidate] = []
    stack: list[_Mark] = []
    for index in sorted(by_paragraph):
        p_start, p_end = paragraphs[index]
        in_paragraph, orphans = [], []
        for match in by_paragraph[index]:
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
    start, end = quote.start, quote.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return quote if (start, end) == (quote.start, quote.end) else replace(quote, start=start, end=end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; a blank line separates them."""
    bounds, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return [(s, e) for s, e in bounds if e > s]


def _starts_paragraph(text: str, p_start: int, at: int) -> bool:
    """Whether only a bullet stands between the paragraph start and ``at``."""
    return BULLET_LINE.fullmatch(text, p_start, at) is not None


def _end_paragraph(text, stack, p_end, next_start, marks, found) -> list[_Mark]:
    """Close quotes still open at a paragraph end, unless the next paragraph continues them."""
    if not stack:
        return stack
    if next_start is not None:
        following = marks.regex.match(text, BULLET_LINE.match(text, next_start).end())
        if following and marks.specs[following.group()]["family"] == stack[-1].family:
            return stack[-1:]  # Dutch style: a new opening mark on every paragraph of one quote
    opener = stack[0]  # unbalanced (§8.5): the stretch runs to the paragraph end
    found.append(Candidate(opener.end, p_end, opener.start, p_end, opener.family))
    return []


def _code_orphans(text, p_start, found, orphans) -> list[Candidate]:
    """Give each closing mark without an opener the speech it ends (§8.5)."""
    for mark in orphans:
        if text[mark.start - 1] not in FINAL:
            continue  # a possessive ("Hans' fiets"), not the end of speech
        previous = max((c for c in found if c.right <= mark.start), key=lambda c: c.right, default=None)
        if previous and previous.family == mark.family and text[previous.end - 1] not in FINAL \
                and not _SENTENCE_END.search(text, previous.right, mark.start):
            # ‘…’, … ' : one statement with a stray mark inside; code the outer marks
            found.remove(previous)
            found.append(Candidate(previous.start, mark.start, previous.left, mark.end, mark.family))
            continue
        start = max(p_start, previous.right if previous else p_start, text.rfind(":", p_start, mark.start) + 1)
        start += len(text[start:mark.start]) - len(text[start:mark.start].lstrip())
        found.append(Candidate(start, mark.start, start, mark.end, mark.family))
    return found
