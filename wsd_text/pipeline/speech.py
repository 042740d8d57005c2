"""Who speaks: speech cues of Dutch reporting and the actor each belongs to.

Rules (Dutch word order and the reporting genre; ANNOTATION.md §2, §3, §9.3):

- A verb of saying or thinking from ``speech_verbs.csv`` (separable particles and the nouns
  of multi-word verbs must follow in the sentence: "legt ... uit", "doet een oproep").
  Dutch main clauses put the finite verb second, so the subject either opens the clause
  ("Wolters vult aan", "dat Bosman zegt") or follows the verb ("benadrukt docentonderzoeker
  Verhoef", "“...”, vertelt Femke"). "hij", "zij", "ze" take the last named person.
- "aldus X" and "volgens X" (the speaker follows the word).
- Any verb between a closing quotation mark and a name ("„...” gebaart Joke").
- Colon labels: "Wolters: ...", "Vraag van X: ...", and a sentence ending in ":" before a
  quote ("Bakker sluit af: “...”").
- A quote opening a sentence belongs to the subject of the sentence before it in the same
  paragraph (§3), and a pull-quote line ending in "Naam - functie" to that name.
- Without content there is no speech (§9.3): "vertelt over X." followed by nothing said.
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, load_lexicon
from .text import doc_text, isin, string_ids, tokens_of

OPEN_QUOTES = "“„\"‘'‚«,"
CLOSE_QUOTES = "”\"’'»“"
PRONOUNS = {"hij", "zij", "ze"}
SUBORDINATORS = {"dat", "hoe", "of", "waarom", "omdat", "want", "terwijl", "toen", "wanneer",
                 "nadat", "zodat", "die", "wat", "welke", "waarna"}
COLON_LABEL = re.compile(r"[ \t]*:[ \t]*(?=[“„\"‘'«]|(?:\S+[ \t]+){3,}\S*[.?!])")
LABEL_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*|\b(?:[Vv]raag|[Aa]ntwoord|[Rr]eactie|[Oo]pmerking)\s+van\s+)\Z")
LABEL_REACH = len("Opmerking")  # the longest label word of LABEL_BEFORE
CAPTION_AFTER = re.compile(r"[ \t]+[-–—][ \t]+[^\n]{2,60}(?:\n|\Z)")
QUOTE_WORDS = 3


@Language.factory("wsd_speech", assigns=["doc._.wsd_actors", "doc.spans"],
                  requires=["doc._.wsd_actors"], default_config={"data_dir": None})
def make_speech(nlp: Language, name: str, data_dir: str | None) -> "SpeechComponent":
    """Speech cues (``doc.spans["wsd_speech"]``) and ``speaks`` of the actors.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Wethouder Jan de Vries legt uit dat het beter moet.")
    >>> [(s.text, s._.wsd_actor) for s in doc.spans["wsd_speech"]]
    [('legt uit', 'a1')]
    """
    return SpeechComponent(load_lexicon(data_dir))


class SpeechComponent:
    """Find speech cues, resolve their speaker and set ``Actor.speaks``."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        # Hashes of the verb forms and of every string ``in CLOSE_QUOTES``, to find the
        # candidate tokens of a Doc from its arrays in one step.
        self.verb_ids = string_ids(lexicon.verbs)
        self.close_ids = string_ids(CLOSE_QUOTES[a:b] for a in range(len(CLOSE_QUOTES))
                                    for b in range(a + 1, len(CLOSE_QUOTES) + 1))
        self.comma_id = get_string_id(",")

    def __call__(self, doc: Doc) -> Doc:
        self.doc, self.tok = doc, tokens_of(doc)
        self.text = self.tok.text
        mentions = sorted(doc.spans.get("wsd_mentions", []), key=lambda s: s.start)
        self.starts = {s.start: s for s in mentions}
        self.persons = [s for s in mentions if s.label_ == "PERSON"]
        self.person_ends = [(s.end_char, s._.wsd_actor) for s in self.persons]
        cues = self._verb_cues(doc)
        cues += self._colon_cues(doc) + self._caption_cues(doc) + self._quote_cues(doc, cues)
        speaking = {c._.wsd_actor for c in cues if c._.wsd_actor}
        doc._.wsd_actors = [replace(a, speaks=True) if a.id in speaking else a
                            for a in doc._.wsd_actors or ()]
        doc.spans["wsd_speech"] = sorted(cues, key=lambda s: s.start)
        return doc

    def _verb_cues(self, doc: Doc) -> list[Span]:
        """Speech verbs, "aldus" and "volgens", and verbs after a closing quote, in text order."""
        cues = []
        for i, after_quote in self._cue_tokens(doc):
            sent = self.tok.sentence(i)
            verb = next((v for v in self.lexicon.verbs.get(self.tok.lower(i), ()) if self._complete(v, i, sent)), None)
            if verb is None and not after_quote:
                continue
            if verb is not None and verb.kind == "source":
                speaker = self._after(i + 1, sent)
            elif verb is not None:
                speaker = self._subject(sent, i) or self._after(i + 1, sent)
            else:
                speaker = self._after(i + 1, sent, max_skip=2)
            if speaker is None or verb is not None and self._empty(sent, i, verb):
                continue
            cues.append(self._cue(doc, i, verb, sent, speaker))
        return cues

    def _cue_tokens(self, doc: Doc) -> list[tuple[int, bool]]:
        """(i, after_quote) of the tokens that can be a cue: a form of a speech verb, or a
        lower-case word right after a closing quotation mark, perhaps with a comma between
        (``after_quote``). Read from the token arrays: a Token per word would cost more
        than the rest of the component."""
        lower, orth, is_lower, is_alpha = doc.to_array([LOWER, ORTH, IS_LOWER, IS_ALPHA]).T
        closing, comma = isin(orth, self.close_ids), orth == self.comma_id
        after_quote = numpy.zeros(len(orth), dtype=bool)
        after_quote[1:] = closing[:-1]
        after_quote[2:] |= comma[1:-1] & closing[:-2]
        after_quote &= (is_lower == 1) & (is_alpha == 1)
        found = numpy.flatnonzero(isin(lower, self.verb_ids) | after_quote)
        return list(zip(found.tolist(), after_quote[found].tolist()))

    def _complete(self, verb, i: int, sent: tuple[int, int]) -> bool:
        """A separable particle or multi-word noun is present after the verb."""
        return verb.joined or verb.particle in self.tok.lowers(i + 1, sent[1]) or verb.kind == "source"

    def _subject(self, sent: tuple[int, int], verb_i: int) -> str | None:
        """The actor opening the verb's clause (V2 main clause or subordinate clause)."""
        lower = self.tok.lower
        start = sent[0]
        for i in range(verb_i - 1, sent[0] - 1, -1):
            if lower(i) in SUBORDINATORS:
                start = i + 1
                break
        while start < verb_i and (self.doc[start].is_punct or lower(start) in ("en", "maar", "ook")
                                  or self._role_word(lower(start))):
            start += 1
        if start >= verb_i:
            return None
        if lower(start) in PRONOUNS:
            return self._antecedent(self.tok.idx[start], lower(verb_i))
        span = self.starts.get(start)
        if span is not None and span.end <= verb_i and self._apposition_only(span.end, verb_i):
            return span._.wsd_actor
        return None

    def _role_word(self, word: str) -> bool:
        """A role word or title in front of a name ("Voorzitter Aafke ...")."""
        entry = self.lexicon.entry(word)
        return bool(entry and entry.category == "role") or word.rstrip(".") in self.lexicon.titles

    def _apposition_only(self, begin: int, verb_i: int) -> bool:
        """Between subject and verb only an apposition: "(lector ...)" or ", directeur van X"."""
        if begin == verb_i:
            return True
        return self.tok.word(begin) in "(,–-" and self.tok.lower(begin + 1) not in SUBORDINATORS and \
            not any(j in self.starts for j in range(begin + 1, verb_i))

    def _after(self, i: int, sent: tuple[int, int], max_skip: int = 4) -> str | None:
        """The actor right after a verb, past role words, titles and articles."""
        for j in range(i, min(i + max_skip + 1, sent[1])):
            if j in self.starts:
                return self.starts[j]._.wsd_actor
            word = self.tok.lower(j)
            if word in PRONOUNS and j == i:
                return self._antecedent(self.tok.idx[j], self.tok.lower(i - 1))
            if not (self._role_word(word) or word in ("de", "het", "zo", "ook")):
                return None
        return None

    def _antecedent(self, offset: int, verb: str | None = None) -> str | None:
        """The last named person mentioned before a pronoun.

        "ze" with a plural verb ("beantwoorden ze") is a group, not the last person.
        """
        if verb is not None and verb.endswith("en") and verb in self.lexicon.verbs:
            return None
        before = [actor for end, actor in self.person_ends if end <= offset]
        return before[-1] if before else None

    def _empty(self, sent: tuple[int, int], verb_i: int, verb) -> bool:
        """§9.3: "vertelt over haar ideeën." with no content and no quote after it."""
        rest = self.tok.lowers(verb_i + 1, sent[1])
        if verb.kind not in ("say", "present") or "over" not in rest[:4] or "dat" in rest or ":" in rest:
            return False
        following = self.tok.span_text(sent[1], sent[1] + 3).lstrip()
        return not following[:1] or following[0] not in OPEN_QUOTES

    def _cue(self, doc: Doc, verb_i: int, verb, sent: tuple[int, int], actor_id: str) -> Span:
        """The cue span: the verb, with its particle when that follows it directly."""
        end = verb_i + 1
        if verb is not None and not verb.joined and end < sent[1] and self.tok.lower(end) == verb.particle:
            end += 1
        span = Span(doc, verb_i, end, label=verb.kind if verb else "say")
        span._.wsd_actor = actor_id
        return span

    def _colon_cues(self, doc: Doc) -> list[Span]:
        """"Wolters: “...”" and "Vraag van X: ..." at the start of a line."""
        cues = []
        for span in self.starts.values():
            if span.label_ not in ("PERSON", "ROLE"):
                continue
            colon = COLON_LABEL.match(self.text, span.end_char)
            if colon and self._label_before(span.start_char):
                cue = doc.char_span(span.start_char, colon.end(), label="colon", alignment_mode="expand")
                if cue is not None:
                    cue._.wsd_actor = span._.wsd_actor
                    cues.append(cue)
        return cues

    def _label_before(self, end: int) -> bool:
        """``LABEL_BEFORE.search(self.text, 0, end)``, scanning only from where a match
        could start: the last line break, or a label word before the trailing "van"."""
        head = self.text[:end].rstrip()
        label_at = len(head[:-len("van")].rstrip()) - LABEL_REACH
        return LABEL_BEFORE.search(self.text, max(0, min(self.text.rfind("\n", 0, end), label_at)), end) is not None

    def _caption_cues(self, doc: Doc) -> list[Span]:
        """A pull-quote line "Zin van iemand Naam - functie" gives that person's words."""
        cues = []
        for span in self.persons:
            line_start = self.text.rfind("\n", 0, span.start_char) + 1
            words_before = self.text[line_start:span.start_char].split()
            if len(words_before) >= 4 and CAPTION_AFTER.match(self.text, span.end_char):
                cue = Span(doc, span.start, span.end, label="caption")
                cue._.wsd_actor = span._.wsd_actor
                cues.append(cue)
        return cues

    def _quote_cues(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Quotes with no cue of their own: after "...:" or after the subject's sentence."""
        tok = self.tok
        cues, cued = [], {tok.sentence(c.start)[0] for c in found}
        sents = [(start, end) for start, end in tok.sentences() if not tok.span_text(start, end).isspace()]
        paragraph = _paragraph_of(doc)
        for k, (start, end) in enumerate(sents):
            first = self._first_word(start, end)
            if tok.word(first) not in OPEN_QUOTES or start in cued or end - start <= QUOTE_WORDS:
                continue
            speaker = self._previous_subject(sents, k, paragraph)
            if speaker is not None:
                cue = Span(doc, first, first + 1, label="quote_context")
                cue._.wsd_actor = speaker
                cues.append(cue)
        return cues

    def _first_word(self, start: int, end: int) -> int | None:
        """The first token of ``start:end`` that is not whitespace."""
        return next((i for i in range(start, end) if not self.tok.word(i).isspace()), None)

    def _previous_subject(self, sents: list[tuple[int, int]], k: int, paragraph) -> str | None:
        """The speaker a quote continues: a sentence ending in ":" just before it (any
        paragraph), else the nearest earlier sentence of its paragraph with a subject."""
        if k and self.tok.span_text(*sents[k - 1]).rstrip().endswith(":"):
            return self._opening_subject(*sents[k - 1])
        here = paragraph(self.tok.idx[sents[k][0]])
        for j in range(k - 1, max(k - 4, -1), -1):
            if paragraph(self.tok.idx[sents[j][0]]) != here:
                return None
            if (speaker := self._opening_subject(*sents[j])) is not None:
                return speaker
        return None

    def _opening_subject(self, start: int, end: int) -> str | None:
        """The named person or pronoun that opens a sentence."""
        first = self._first_word(start, end)
        if first is None:
            return None
        if self.tok.lower(first) in PRONOUNS:
            return self._antecedent(self.tok.idx[first])
        span = self.starts.get(first)
        return span._.wsd_actor if span is not None and span.label_ in ("PERSON", "ANON") else None


def _paragraph_of(doc: Doc):
    """A function from a character offset to its paragraph number."""
    from bisect import bisect_right
    report = doc._.wsd_report
    if report is not None:
        starts = [p.start for p in report.paragraphs]
    else:
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))]
    return lambda offset: bisect_right(starts, offset)
