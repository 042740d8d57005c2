"""Who speaks: speech cues of Dutch reporting and the actor each belongs to.

Rules (Dutch word order and the reporting genre; ANNOTATION.md §2, §3, §9.3):

- A verb of saying or thinking from ``speech_verbs.csv`` (separable particles and the nouns
  of multi-word verbs must follow in the sentence: "legt ... uit", "doet een oproep").
  Dutch main clauses put the finite verb second, so the subject either opens the clause
  ("Witte vult aan", "dat Grauss zegt") or follows the verb ("benadrukt docentonderzoeker
  Dollart", "“...”, vertelt Hilde"). "hij", "zij", "ze" take the last named person.
- "aldus X" and "volgens X" (the speaker follows the word).
- Any verb between a closing quotation mark and a name ("„...” gebaart Joke").
- Colon labels: "Witte: ...", "Vraag van X: ...", and a sentence ending in ":" before a
  quote ("Karsten sluit af: “...”").
- A quote opening a sentence belongs to the subject of the sentence before it in the same
  paragraph (§3), and a pull-quote line ending in "Naam - functie" to that name.
- Without content there is no speech (§9.3): "vertelt over X." followed by nothing said.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, load_lexicon

OPEN_QUOTES = "“„\"‘'‚«,"
CLOSE_QUOTES = "”\"’'»“"
PRONOUNS = {"hij", "zij", "ze"}
SUBORDINATORS = {"dat", "hoe", "of", "waarom", "omdat", "want", "terwijl", "toen", "wanneer",
                 "nadat", "zodat", "die", "wat", "welke", "waarna"}
COLON_LABEL = re.compile(r"[ \t]*:[ \t]*(?=[“„\"‘'«]|(?:\S+[ \t]+){3,}\S*[.?!])")
LABEL_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*|\b(?:[Vv]raag|[Aa]ntwoord|[Rr]eactie|[Oo]pmerking)\s+van\s+)\Z")
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

    def __call__(self, doc: Doc) -> Doc:
        self.text = doc.text  # Doc.text joins every token: read it once per document
        mentions = sorted(doc.spans.get("wsd_mentions", []), key=lambda s: s.start)
        self.starts = {s.start: s for s in mentions}
        self.persons = [s for s in mentions if s.label_ == "PERSON"]
        cues = []
        for sent in doc.sents:
            cues += self._verb_cues(doc, sent)
        cues += self._colon_cues(doc) + self._caption_cues(doc) + self._quote_cues(doc, cues)
        speaking = {c._.wsd_actor for c in cues if c._.wsd_actor}
        doc._.wsd_actors = [replace(a, speaks=True) if a.id in speaking else a
                            for a in doc._.wsd_actors or ()]
        doc.spans["wsd_speech"] = sorted(cues, key=lambda s: s.start)
        return doc

    def _verb_cues(self, doc: Doc, sent: Span) -> list[Span]:
        """Speech verbs, "aldus" and "volgens", and verbs after a closing quote."""
        cues = []
        words = [t.lower_ for t in sent]
        for token in sent:
            verbs = self.lexicon.verbs.get(token.lower_, ())
            verb = next((v for v in verbs if self._complete(v, words, token.i - sent.start)), None)
            after_quote = token.is_lower and token.is_alpha and _after_quote(doc, token.i)
            if verb is None and not after_quote:
                continue
            if verb is not None and verb.kind == "source":
                speaker = self._after(doc, token.i + 1, sent)
            elif verb is not None:
                speaker = self._subject(doc, sent, token.i) or self._after(doc, token.i + 1, sent)
            else:
                speaker = self._after(doc, token.i + 1, sent, max_skip=2)
            if speaker is None or verb is not None and self._empty(doc, sent, token.i, verb):
                continue
            cues.append(self._cue(doc, token.i, verb, sent, speaker))
        return cues

    def _complete(self, verb, words: list[str], at: int) -> bool:
        """A separable particle or multi-word noun is present after the verb."""
        return verb.joined or verb.particle in words[at + 1:] or verb.kind == "source"

    def _subject(self, doc: Doc, sent: Span, verb_i: int) -> str | None:
        """The actor opening the verb's clause (V2 main clause or subordinate clause)."""
        start = sent.start
        for i in range(verb_i - 1, sent.start - 1, -1):
            if doc[i].lower_ in SUBORDINATORS:
                start = i + 1
                break
        while start < verb_i and (doc[start].is_punct or doc[start].lower_ in ("en", "maar", "ook")
                                  or self._role_word(doc[start].lower_)):
            start += 1
        if start >= verb_i:
            return None
        if doc[start].lower_ in PRONOUNS:
            return self._antecedent(doc[start].idx, doc[verb_i])
        span = self.starts.get(start)
        if span is not None and span.end <= verb_i and self._apposition_only(doc, span.end, verb_i):
            return span._.wsd_actor
        return None

    def _role_word(self, word: str) -> bool:
        """A role word or title in front of a name ("Voorzitter Aafke ...")."""
        entry = self.lexicon.entry(word)
        return bool(entry and entry.category == "role") or word.rstrip(".") in self.lexicon.titles

    def _apposition_only(self, doc: Doc, begin: int, verb_i: int) -> bool:
        """Between subject and verb only an apposition: "(lector ...)" or ", directeur van X"."""
        if begin == verb_i:
            return True
        first = doc[begin]
        return first.text in "(,–-" and doc[begin + 1].lower_ not in SUBORDINATORS and \
            not any(t.i in self.starts and t.i > begin for t in doc[begin:verb_i])

    def _after(self, doc: Doc, i: int, sent: Span, max_skip: int = 4) -> str | None:
        """The actor right after a verb, past role words, titles and articles."""
        for j in range(i, min(i + max_skip + 1, sent.end)):
            if j in self.starts:
                return self.starts[j]._.wsd_actor
            token = doc[j]
            if token.lower_ in PRONOUNS and j == i:
                return self._antecedent(token.idx, doc[i - 1])
            if not (self._role_word(token.lower_) or token.lower_ in ("de", "het", "zo", "ook")):
                return None
        return None

    def _antecedent(self, offset: int, verb=None) -> str | None:
        """The last named person mentioned before a pronoun.

        "ze" with a plural verb ("beantwoorden ze") is a group, not the last person.
        """
        if verb is not None and verb.lower_.endswith("en") and verb.lower_ in self.lexicon.verbs:
            return None
        before = [s for s in self.persons if s.end_char <= offset]
        return before[-1]._.wsd_actor if before else None

    def _empty(self, doc: Doc, sent: Span, verb_i: int, verb) -> bool:
        """§9.3: "vertelt over haar ideeën." with no content and no quote after it."""
        rest = [t.lower_ for t in doc[verb_i + 1:sent.end]]
        if verb.kind not in ("say", "present") or "over" not in rest[:4] or "dat" in rest or ":" in rest:
            return False
        following = doc[sent.end:sent.end + 3].text.lstrip()
        return not following[:1] or following[0] not in OPEN_QUOTES

    def _cue(self, doc: Doc, verb_i: int, verb, sent: Span, actor_id: str) -> Span:
        """The cue span: the verb, with its particle when that follows it directly."""
        end = verb_i + 1
        if verb is not None and not verb.joined and end < sent.end and doc[end].lower_ == verb.particle:
            end += 1
        span = Span(doc, verb_i, end, label=verb.kind if verb else "say")
        span._.wsd_actor = actor_id
        return span

    def _colon_cues(self, doc: Doc) -> list[Span]:
        """"Witte: “...”" and "Vraag van X: ..." at the start of a line."""
        cues = []
        for span in self.starts.values():
            if span.label_ not in ("PERSON", "ROLE"):
                continue
            colon = COLON_LABEL.match(self.text, span.end_char)
            if colon and LABEL_BEFORE.search(self.text, 0, span.start_char):
                cue = doc.char_span(span.start_char, colon.end(), label="colon", alignment_mode="expand")
                if cue is not None:
                    cue._.wsd_actor = span._.wsd_actor
                    cues.append(cue)
        return cues

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
        cues, cued = [], {c.sent.start for c in found}
        sents = [s for s in doc.sents if not s.text.isspace()]
        paragraph = _paragraph_of(doc)
        for k, sent in enumerate(sents):
            first = next(t for t in sent if not t.is_space)
            if first.text not in OPEN_QUOTES or sent.start in cued or len(sent) <= QUOTE_WORDS:
                continue
            speaker = self._previous_subject(doc, sents, k, paragraph)
            if speaker is not None:
                cue = Span(doc, first.i, first.i + 1, label="quote_context")
                cue._.wsd_actor = speaker
                cues.append(cue)
        return cues

    def _previous_subject(self, doc: Doc, sents: list[Span], k: int, paragraph) -> str | None:
        """The speaker a quote continues: a sentence ending in ":" just before it (any
        paragraph), else the nearest earlier sentence of its paragraph with a subject."""
        if k and sents[k - 1].text.rstrip().endswith(":"):
            return self._opening_subject(doc, sents[k - 1])
        here = paragraph(sents[k].start_char)
        for j in range(k - 1, max(k - 4, -1), -1):
            if paragraph(sents[j].start_char) != here:
                return None
            if (speaker := self._opening_subject(doc, sents[j])) is not None:
                return speaker
        return None

    def _opening_subject(self, doc: Doc, sent: Span) -> str | None:
        """The named person or pronoun that opens a sentence."""
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            return None
        if first.lower_ in PRONOUNS:
            return self._antecedent(first.idx)
        span = self.starts.get(first.i)
        return span._.wsd_actor if span is not None and span.label_ in ("PERSON", "ANON") else None


def _after_quote(doc: Doc, i: int) -> bool:
    """The token follows a closing quotation mark, perhaps with a comma between."""
    j = i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    return j >= 0 and doc[j].text in CLOSE_QUOTES


def _paragraph_of(doc: Doc):
    """A function from a character offset to its paragraph number."""
    from bisect import bisect_right
    report = doc._.wsd_report
    if report is not None:
        starts = [p.start for p in report.paragraphs]
    else:
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
    return lambda offset: bisect_right(starts, offset)
