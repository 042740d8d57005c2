"""Who speaks: speech cues of Dutch reporting and the actor each belongs to.

Rules (Dutch word order and the reporting genre; ANNOTATION.md §2, §3, §9.3):

- A verb of saying or thinking from ``speech_verbs.csv`` (separable particles and the nouns
  of multi-word verbs must follow in the sentence: "legt ... uit", "doet een oproep"; a
  particle may be joined to "er", "daar" or "hier": "wees erop").
  The subject of the verb is found by `subjects.SubjectGrammar` (Dutch clause order,
  coordination, "van" phrases, insertions, titles; pronouns).
- "aldus X" and "volgens X" (the speaker follows the word; "volgens haar/hem" is the last
  named person).
- Any verb between a closing quotation mark and a name ("„...” wijst Kees").
- Colon labels at the start of a line, after titles or role words and before an optional
  bracket ("Wolters: ...", "Mevr. Pinto (wijkteam): ..."), "Vraag van X: ...", and a
  sentence ending in ":" before a quote ("Bakker sluit af: “...”").
- A quote opening a sentence belongs to the subject of the sentence before it in the same
  paragraph (§3), and a pull-quote line ending in "Naam - functie" to that name.
- Without content there is no speech (§9.3): "vertelt over X." followed by nothing said.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, load_lexicon
from .subjects import FIELD_WORDS, PRONOUNS, SubjectGrammar, as_speakers
from .text import doc_text, isin, string_ids, tokens_of

OPEN_QUOTES = "“„\"‘'‚«,"
CLOSE_QUOTES = "”\"’'»“"
SOURCE_PRONOUNS = PRONOUNS | {"hem", "haar"}  # "volgens hem", "aldus haar"
# An article or quantifier makes the verb form after it a noun: "heeft geen vragen", "de antwoorden".
# Not "het", also an object pronoun: "heeft het uitgelegd".
NOUN_MARKERS = {"de", "een", "geen", "enkele", "veel", "weinig", "alle", "meer", "andere"}
R_WORDS = ("er", "daar", "hier")  # "wees erop": a particle joined to a pronominal adverb
RECOUNT_REACH = 4  # tokens after a speech verb that may hold a recounting word ("zei laatst tegen hem")
COLON_LABEL = re.compile(r"[ \t]*:[ \t]*(?=[“„\"‘'«]|(?:\S+[ \t]+){3,}\S*[.?!])")
BRACKET = re.compile(r"[ \t]*\([^()\n]{1,80}\)")  # "Pinto (wijkteam):"
LABEL_BEFORE = re.compile(r"\b(?:[Vv]raag|[Aa]ntwoord|[Rr]eactie|[Oo]pmerking)\s+van\s+\Z")
LABEL_REACH = len("Opmerking van  ")  # the longest label of LABEL_BEFORE
CAPTION_AFTER = re.compile(r"[ \t]+[-–—][ \t]+[^\n]{2,60}(?:\n|\Z)")
QUOTE_WORDS = 3


@Language.factory("wsd_speech", assigns=["doc._.wsd_actors", "doc.spans"],
                  requires=["doc._.wsd_actors"], default_config={"data_dir": None})
def make_speech(nlp: Language, name: str, data_dir: str | None) -> "SpeechComponent":
    """Speech cues (``doc.spans["wsd_speech"]``) and ``speaks`` of the actors.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Wethouder Kees van Dalen legt uit dat het beter moet.")
    >>> [(s.text, s._.wsd_actor) for s in doc.spans["wsd_speech"]]
    [('legt uit', 'a1')]
    """
    return SpeechComponent(load_lexicon(data_dir))


class SpeechComponent(SubjectGrammar):
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
        self.ends = {s.end: s for s in mentions}
        self.persons = [s for s in mentions if s.label_ == "PERSON"]
        self.anonymous = {s._.wsd_actor for s in mentions if s.label_ == "ANON"}
        self.person_ends = [(s.end_char, s._.wsd_actor) for s in self.persons]
        cues = self._verb_cues(doc)
        cues += self._colon_cues(doc) + self._caption_cues(doc) + self._quote_cues(doc, cues)
        cues += self._question_cues(doc, cues)
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
            verbs = self.lexicon.verbs.get(self.tok.lower(i), ())
            if i > sent[0] and self.tok.lower(i - 1) in NOUN_MARKERS:  # "heeft geen vragen": a noun
                verbs = [v for v in verbs if v.kind == "source"]  # "het volgens haar" stays
            verb = self._complete(verbs, i, sent)
            if verb is None and not after_quote or verb is not None and self._empty(sent, i, verb):
                continue
            speakers = self._speakers(i, verb, sent, after_quote)
            actors = [a for a in speakers if a not in self.anonymous or not self._recounted(i, verb, sent)]
            cues += [self._cue(doc, i, verb, sent, actor, len(actors) > 1) for actor in actors]
            if len(actors) < len(speakers) and (teller := self._teller(sent, cues)):
                cues.append(self._recount_cue(doc, i, teller))
        return cues

    def _recounted(self, i: int, verb, sent: tuple[int, int]) -> bool:
        """True when the speech verb at ``i`` is followed by a time long before ("zei laatst
        tegen hem") or by its hearer and then what was said ("vertelde haar onlangs", "zei hem
        dat"), or is a participle after an auxiliary and its hearer ("had hem verteld"):
        someone else's words, told elsewhere (§8.8)."""
        if verb is None or verb.kind == "source":
            return False
        after = self.tok.lowers(i + 1, min(i + RECOUNT_REACH, sent[1]))
        times = self.lexicon.recounting_words
        # the perfect with the hearer before the participle: "had hem verteld: ‘…’"
        before = self.tok.lowers(max(sent[0], i - 2), i)
        if len(before) == 2 and before[0] in self.lexicon.perfect_auxiliaries and before[1] in self.lexicon.recounted_to:
            return True
        return bool(after) and (after[0] in times or after[0] in self.lexicon.recounted_to and len(after) > 1
                                and (after[1] in times or after[1] in ("dat", ":") or after[1] in OPEN_QUOTES))

    def _teller(self, sent: tuple[int, int], cues: list[Span]) -> str | None:
        """Who recounts words told elsewhere ("Hij legde uit …. Een jongen zei laatst tegen hem:
        ‘…’"): the speaker of the last cue before the sentence, else the last person named (§8.8)."""
        if cues and cues[-1].start < sent[0]:
            return cues[-1]._.wsd_actor
        offset = self.tok.idx[sent[0]]
        before = [actor for end, actor in self.person_ends if end <= offset]
        return before[-1] if before else None

    @staticmethod
    def _recount_cue(doc: Doc, verb_i: int, teller: str) -> Span:
        """A cue labelled "recounted" at the verb, for the person who recounts."""
        span = Span(doc, verb_i, verb_i + 1, label="recounted")
        span._.wsd_actor = teller
        return span

    def _speakers(self, i: int, verb, sent: tuple[int, int], after_quote: bool) -> list[str]:
        """The actors a cue at token ``i`` belongs to, by the cue's kind and place."""
        if verb is None:
            return as_speakers(self._after(i + 1, sent, max_skip=2))
        if verb.kind == "source":
            return as_speakers(self._after(i + 1, sent, pronouns=SOURCE_PRONOUNS))
        if after_quote:  # "“...”, zegt ze": the words inside the quote are not the subject
            return as_speakers(self._after(i + 1, sent)) or self._subject(sent, i)
        finite = self._finite(sent, i)
        return self._subject(sent, finite) or as_speakers(self._after(finite + 1, sent))

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

    def _complete(self, verbs, i: int, sent: tuple[int, int]):
        """The first of ``verbs`` whose separable particle or multi-word noun follows the form,
        or stands joined to "er", "daar", "hier" anywhere in the sentence ("wees erop")."""
        words = None
        for verb in verbs:
            if verb.joined or verb.kind == "source":
                return verb
            words = words or (set(self.tok.lowers(i + 1, sent[1])), set(self.tok.lowers(*sent)))
            if verb.particle in words[0] or not words[1].isdisjoint(r + verb.particle for r in R_WORDS):
                return verb
        return None

    def _empty(self, sent: tuple[int, int], verb_i: int, verb) -> bool:
        """§9.3: "vertelt over haar ideeën." with no content and no quote after it."""
        rest = self.tok.lowers(verb_i + 1, sent[1])
        if verb.kind not in ("say", "present") or "over" not in rest[:4] or "dat" in rest or ":" in rest:
            return False
        following = self.tok.span_text(sent[1], sent[1] + 3).lstrip()
        return not following[:1] or following[0] not in OPEN_QUOTES

    def _cue(self, doc: Doc, verb_i: int, verb, sent: tuple[int, int], actor_id: str, shared: bool) -> Span:
        """The cue span: the verb, with its particle when that follows it directly; for one
        of several subjects its name, as a span holds one actor and the first named comes first."""
        start, end = verb_i, verb_i + 1
        if shared:
            start, end = next((k, s.end) for k, s in self.starts.items()
                              if sent[0] <= k < verb_i and s._.wsd_actor == actor_id)
        elif verb is not None and not verb.joined and end < sent[1] and self.tok.lower(end) == verb.particle:
            end += 1
        span = Span(doc, start, end, label=verb.kind if verb else "say")
        span._.wsd_actor = actor_id
        return span

    def _colon_cues(self, doc: Doc) -> list[Span]:
        """"Wolters: “...”", "Mevr. Pinto (wijkteam): ..." and "Vraag van X: ..."."""
        cues = []
        for span in self.starts.values():
            if span.label_ not in ("PERSON", "ROLE"):
                continue
            bracket = BRACKET.match(self.text, span.end_char)
            colon = COLON_LABEL.match(self.text, bracket.end() if bracket else span.end_char)
            if colon and self._label_before(span):
                cue = doc.char_span(span.start_char, colon.end(), label="colon", alignment_mode="expand")
                if cue is not None:
                    cue._.wsd_actor = span._.wsd_actor
                    cues.append(cue)
        return cues

    def _label_before(self, span: Span) -> bool:
        """The name opens its line, perhaps after titles and role words ("Wethouder Van Dam:"),
        or opens a sentence after them (minutes whose lines were joined: "... . Mevr. Pinto
        (wijkteam): ..."; a bare word there is a label like "Uitgangspunt:"), or follows a
        label ("Vraag van")."""
        line = self.text.rfind("\n", 0, span.start_char) + 1
        first = bisect_left(self.tok.idx, line)
        sentence = self.tok.sentence(span.start)[0]
        if sentence > first:
            first = sentence if sentence < span.start else span.start + 1
        while first < span.start and self.tok.word(first).isspace():
            first += 1
        found = self._name_at(first, span.end, fields=FIELD_WORDS)
        return found is not None and found.start == span.start or \
            LABEL_BEFORE.search(self.text, max(line, span.start_char - LABEL_REACH), span.start_char) is not None

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

    def _question_cues(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "Dagvoorzitter X opende met een vraag aan de zaal: wie heeft ...?": a question after
        a colon in a sentence of its own, with no other cue, is asked by the sentence's subject."""
        cued = {self.tok.sentence(c.start)[0] for c in found}
        cues = []
        tok = self.tok
        for start, end in tok.sentences():
            chars = self.text[tok.idx[start]:tok.end[end - 1]]  # strings first: most sentences have no colon
            if start in cued or ":" not in chars or "?" not in chars[-3:]:
                continue
            words = tok.lowers(start, end)
            if ":" not in words:
                continue
            colon = start + words.index(":")
            first = self._first_word(start, colon)
            if first is None or end - colon <= QUOTE_WORDS or self.tok.word(colon + 1) in OPEN_QUOTES \
                    or not any(w in self.lexicon.verbs or w in self.lexicon.chair_verbs for w in self.tok.lowers(first, colon)):
                continue  # "X kreeg de vraag: …?" is asked, not asking
            if self.tok.lower(first) in PRONOUNS:
                actor = self._antecedent(first)
            else:
                span = self._name_at(first, colon, fields=FIELD_WORDS)
                actor = span._.wsd_actor if span is not None and span.label_ in ("PERSON", "ROLE", "ANON") else None
            if actor:
                cue = Span(doc, colon, colon + 1, label="ask")
                cue._.wsd_actor = actor
                cues.append(cue)
        return cues

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

def _paragraph_of(doc: Doc):
    """A function from a character offset to its paragraph number."""
    from bisect import bisect_right
    report = doc._.wsd_report
    if report is not None:
        starts = [p.start for p in report.paragraphs]
    else:
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))]
    return lambda offset: bisect_right(starts, offset)
