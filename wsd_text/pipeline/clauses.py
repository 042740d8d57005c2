"""The clauses of one sentence, for the voice rules of `wsd_voices`: how far a missing-phrase
or an attendance phrase reaches, and which perspectives are named there.

A Dutch clause starts at a subordinating word or relative pronoun ("die", "omdat",
"terwijl" ...) or at ";" and ":" (``clause_breaks`` in ``voice_cues.yaml``); a comma with
"en", "maar" ... starts another main clause (``coordinators``); ``relative_starts`` and
``listed_starts`` say which breaks open a relative clause or a list of people. The words are
data; this module only measures offsets.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .themes import Sentence

WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Clauses:
    """Clause bounds of one sentence: offsets within it, its length as the last bound.

    ``relative`` holds the bounds that open a relative clause ("die ...", "om wie ..."),
    ``listed`` those that open a list of who ("namen 35 mensen deel: ...", "de aanwezigen,
    onder wie ..."): the breaks where the patterns of the same names match.

    Examples
    --------
    >>> s = Sentence(0, 37, "body", "Ouders die krap zitten, waren er niet")
    >>> die = re.compile(r"\\bdie\\b")
    >>> clauses = Clauses.split(s.text.lower(), s, die, relative=die)
    >>> clauses.bounds, sorted(clauses.relative)
    ([0, 7, 37], [7])
    """

    low: str
    sentence: Sentence
    bounds: list[int]
    relative: frozenset[int]
    listed: frozenset[int]

    @classmethod
    def split(cls, low: str, sentence: Sentence, breaks: re.Pattern, relative: re.Pattern | None = None,
              listed: re.Pattern | None = None) -> "Clauses":
        """The clauses of ``sentence`` in the lower-cased text ``low``."""
        bounds = _bounds(low, sentence, (breaks,))
        def opening(pattern: re.Pattern | None) -> frozenset[int]:
            return frozenset(b for b in bounds if pattern and pattern.match(low, sentence.start + b))
        return cls(low, sentence, bounds, opening(relative), opening(listed))

    def joined(self, coordinators: re.Pattern, breaks: re.Pattern) -> "Clauses":
        """The same sentence with each main clause of a coordination on its own ("vrijwilligers
        waren er, maar ouders ontbraken")."""
        return replace(self, bounds=_bounds(self.low, self.sentence, (breaks, coordinators)))

    def reach(self, span: tuple, relative: frozenset[int] = frozenset(),
              described: frozenset[int] = frozenset()) -> tuple[int, int]:
        """The stretch (sentence offsets) of the clauses that ``span`` touches; a relative
        clause between them and the subject is passed ("Ouders die krap zitten, waren er niet
        bij": the subject stands before "die"). ``relative``: clause starts that open one;
        ``described``: those of clauses right after that are taken in: a relative clause
        ("Er waren weinig mensen die zelf schulden hebben gehad") or a list after a colon."""
        bounds = self.bounds
        first = bisect.bisect_right(bounds, span[0]) - 1
        last = bisect.bisect_right(bounds, max(span[1] - 1, span[0])) - 1
        if first > 0 and bounds[first] in relative:
            first -= 1
        # relative clauses in a row, then a list: "ontbrak één groep die in de cijfers wel voorkomt:
        # kinderen die thuis zorgen"; what describes the list's people is not taken in (the
        # sentence's own relative clauses, not the ``relative`` ones passed to reach a subject)
        while last + 1 < len(bounds) - 1 and bounds[last + 1] in described:
            last += 1
            if bounds[last] not in self.relative:
                break
        return bounds[first], bounds[min(last + 1, len(bounds) - 1)]

    def stretch(self, span: tuple) -> tuple[int, int]:
        """`reach` of ``span`` as offsets in the text."""
        start, end = self.reach(span)
        return self.sentence.start + start, self.sentence.start + end

    def people(self, per: dict, span: tuple, relative: frozenset[int] = frozenset(),
               described: frozenset[int] = frozenset()) -> set[str]:
        """Perspectives with a term where ``span`` points: inside its ``people`` group when
        the pattern has one (``span[2]``), with a ``described`` clause right after it ("Er waren
        veertien deelnemers: twee docenten, ..."), else anywhere in the clauses it reaches."""
        if not span[2]:
            start, end = self.reach(span, relative, described)
            clause_start = self.reach(span)[0]
            # "Vrijwilligers die naast ouders staan, waren er niet": the relative clause passed
            # on the way to its subject describes them and is not who is meant
            subject = self._named(per, start, clause_start) if start < clause_start else set()
            return subject or self._named(per, start, end)
        start, end = span[:2]
        if (after := bisect.bisect_left(self.bounds, end)) < len(self.bounds) - 1 \
                and self.bounds[after] in described and not self.low[self.sentence.start + end:
                                                                     self.sentence.start + self.bounds[after]].strip():
            end = self.bounds[after + 1]
        # a term may begin before the group it ends in: "geen enkele ouder" names "ouder"
        return self._named(per, start, end, overlap=True)

    def in_relative(self, offset: int) -> bool:
        """True when the text offset ``offset`` lies in a relative clause of the sentence."""
        at = offset - self.sentence.start
        return self.bounds[max(0, bisect.bisect_right(self.bounds, at) - 1)] in self.relative

    def _named(self, per: dict, start: int, end: int, overlap: bool = False) -> set[str]:
        """Perspectives with a term that starts between the sentence offsets ``start`` and
        ``end``; with ``overlap``, also one that only ends there."""
        offset = self.sentence.start
        return {p for p, hits in per.items()
                if any(start <= h.start - offset < end or (overlap and start < h.end - offset <= end) for h in hits)}


def _bounds(low: str, sentence: Sentence, patterns: tuple[re.Pattern, ...]) -> list[int]:
    """Clause starts where any of ``patterns`` matches; a break right before another opens no
    clause of its own (": die van de leerlingen")."""
    start, length = sentence.start, sentence.end - sentence.start
    breaks = sorted({m.start() - start for p in patterns for m in p.finditer(low, start, sentence.end)} - {0})
    ends = breaks[1:] + [length]
    kept = [b for b, e in zip(breaks, ends) if WORDY.search(low, start + b + 1, start + e)]
    return [0, *kept, length]
