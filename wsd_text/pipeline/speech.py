"""Who speaks: speech cues of Dutch reporting and the actor each belongs to.

Rules (Dutch word order and the reporting genre; ANNOTATION.md §2, §3, §9.3):

- A verb of saying or thinking from ``speech_verbs.csv`` (separable particles and the nouns
  of multi-word verbs must follow in the sentence: "legt ... uit", "doet een oproep"; a
  particle may be joined to "er", "daar" or "hier": "wees erop").
  Dutch main clauses put the finite verb second, so everything before it is one constituent:
  the subject opens the clause ("Wolters vult aan", "dat Bosman zegt") or follows the verb
  ("waarschuwt onderzoeker Hoekstra", "“...”, vertelt Femke"). The subject may be
  coordinated ("A en B vertelden"), carry a "van" phrase ("Kok van de voedselbank") or an
  insertion between commas or brackets (an apposition or a relative clause); titles, role
  words and field words may precede the name ("docent sociaal werk Kok"). With a perfect
  ("heeft gezegd") the auxiliary is the finite verb. "hij", "zij", "ze" take the last named
  person. A line break ends a clause: a heading line is never a subject.
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
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, load_lexicon
from .text import doc_text, isin, string_ids, tokens_of

OPEN_QUOTES = "“„\"‘'‚«,"
CLOSE_QUOTES = "”\"’'»“"
QUOTE_MARKS = "“”„\"«»"  # not the apostrophe, which also stands in words ("zzp'ers")
PRONOUNS = {"hij", "zij", "ze"}
SOURCE_PRONOUNS = PRONOUNS | {"hem", "haar"}  # "volgens hem", "aldus haar"
AUXILIARIES = {"heeft", "hebben", "had", "hadden"}  # "heeft gezegd": finite verb of a perfect
SUBORDINATORS = {"dat", "hoe", "of", "waarom", "omdat", "want", "terwijl", "toen", "wanneer",
                 "nadat", "zodat", "die", "wat", "welke", "waarna"}
CLAUSE_OPENERS = {"en", "maar", "ook"}
# An article or quantifier makes the verb form after it a noun: "heeft geen vragen", "de antwoorden".
# Not "het", also an object pronoun: "heeft het uitgelegd".
NOUN_MARKERS = {"de", "een", "geen", "enkele", "veel", "weinig", "alle", "meer", "andere"}
LEAD_WORDS = {"de", "het", "zo", "ook"}  # may stand before a name or role after the verb
CONJUNCTIONS = {",", "en"}
R_WORDS = ("er", "daar", "hier")  # "wees erop": a particle joined to a pronominal adverb
INSERTIONS = {"(": ")", ",": ",", "–": "–", "-": "-"}  # opening and closing mark
FIELD_WORDS = 3  # lower-case words between a role and a name ("docent sociaal werk Kok")
VAN_WORDS = 8  # words of a "van" phrase after a name ("van het Centrum voor Jeugd en Ouders Molenbroek")
RECOUNT_REACH = 4  # tokens after a speech verb that may hold a recounting word ("zei laatst tegen hem")
SUBJECT_REACH = 4  # tokens from a sentence's start to its subject (after a title, or the verb: "Daarna vertelde X")
MAX_INSERTION = 25  # tokens of an apposition or relative clause between subject and verb
COLON_LABEL = re.compile(r"[ \t]*:[ \t]*(?=[“„\"‘'«]|(?:\S+[ \t]+){3,}\S*[.?!])")
BRACKET = re.compile(r"[ \t]*\([^()\n]{1,80}\)")  # "Pinto (wijkteam):"
LABEL_BEFORE = re.compile(r"\b(?:[Vv]raag|[Aa]ntwoord|[Rr]eactie|[Oo]pmerking)\s+van\s+\Z")
LABEL_REACH = len("Opmerking van  ")  # the longest label of LABEL_BEFORE
CAPTION_AFTER = re.compile(r"[ \t]+[-–—][ \t]+[^\n]{2,60}(?:\n|\Z)")
QUOTE_WORDS = 3
QUESTION_LEADS = {"opent", "opende", "begint", "begon", "start", "startte", "sluit", "sloot"}  # "opende met een vraag:"


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
        dat"): someone else's words, told elsewhere (§8.8)."""
        if verb is None or verb.kind == "source":
            return False
        after = self.tok.lowers(i + 1, min(i + RECOUNT_REACH, sent[1]))
        times = self.lexicon.recounting_words
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
            return _found(self._after(i + 1, sent, max_skip=2))
        if verb.kind == "source":
            return _found(self._after(i + 1, sent, pronouns=SOURCE_PRONOUNS))
        if after_quote:  # "“...”, zegt ze": the words inside the quote are not the subject
            return _found(self._after(i + 1, sent)) or self._subject(sent, i)
        finite = self._finite(sent, i)
        return self._subject(sent, finite) or _found(self._after(finite + 1, sent))

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

    def _finite(self, sent: tuple[int, int], verb_i: int) -> int:
        """The auxiliary of a perfect in the same clause ("Kok heeft ... uitgelegd"), else the verb."""
        if verb_i and self.tok.lower(verb_i - 1) == "te":  # "om te vertellen": an infinitive
            return verb_i
        for i in range(verb_i - 1, self._clause_start(sent, verb_i) - 1, -1):
            if self.tok.lower(i) in AUXILIARIES:
                return i
            if self.doc[i].is_punct:
                break
        return verb_i

    def _clause_start(self, sent: tuple[int, int], verb_i: int) -> int:
        """The first token of the verb's clause: after the last subordinator or line break
        before it, passing over an insertion closed by a comma right before the verb."""
        end = verb_i - 1
        if end > sent[0] and self.tok.word(end) == ",":  # "Kok, die ... werkt, vertelde"
            end = next((k for k in range(end - 1, sent[0] - 1, -1) if self.tok.word(k) == ","), sent[0])
        for i in range(end, sent[0] - 1, -1):
            if self.tok.lower(i) in SUBORDINATORS or "\n" in self.tok.word(i) or self._full_stop(i):
                return i + 1
        return sent[0]

    def _full_stop(self, i: int) -> bool:
        """A word with its full stop before a capital ("herkent dat. Zij legt uit"): the tokenizer
        keeps some such words whole, as abbreviations, and the sentence unsplit."""
        word = self.tok.word(i)
        return len(word) > 2 and word.endswith(".") and word[:-1].isalpha() and word[:-1].islower() and \
            word[:-1] not in self.lexicon.titles and self.tok.word(i + 1)[:1].isupper()

    def _subject(self, sent: tuple[int, int], verb_i: int) -> list[str]:
        """The actors opening the verb's clause (V2 main clause or subordinate clause)."""
        lower = self.tok.lower
        start = self._clause_start(sent, verb_i)
        while start < verb_i and (self.doc[start].is_punct or lower(start) in CLAUSE_OPENERS):
            start += 1
        if start >= verb_i:
            return _found(self._relative_antecedent(start - 1))
        if lower(start) in PRONOUNS:
            return _found(self._antecedent(start, lower(verb_i)))
        actors, end = self._conjuncts(start, verb_i)
        # "X studeert op het mbo en vertelt": coordinated verbs share the subject before the
        # first, unless the verb has its own ("en beantwoorden ze")
        shared = lower(verb_i - 1) in ("en", "maar") and end < verb_i and self.tok.word(end).islower() \
            and lower(verb_i + 1) not in PRONOUNS
        return actors if end == verb_i or shared else []

    def _relative_antecedent(self, i: int) -> str | None:
        """The name before ", die" when the relative pronoun at ``i`` is the verb's subject
        ("aan Kok, die vertelt dat ...")."""
        if i < 2 or self.tok.lower(i) != "die" or self.tok.word(i - 1) != ",":
            return None
        span = self.ends.get(i - 1)
        return span._.wsd_actor if span is not None and span.label_ == "PERSON" else None

    def _conjuncts(self, i: int, verb_i: int) -> tuple[list[str], int]:
        """The actors of a subject "A", "A en B" or "A, B en C", each perhaps with modifiers,
        and the token after the last of them."""
        actors, end = [], i
        while (span := self._name_at(i, verb_i, fields=FIELD_WORDS)) is not None:
            if actors and span.label_ not in ("PERSON", "ROLE"):
                break  # "van Humanitas en Vluchtelingenwerk": organisations, not co-speakers
            actors += _found(span._.wsd_actor)
            end = self._modifiers_end(span.end, verb_i)
            if end >= verb_i or self.tok.lower(end) not in CONJUNCTIONS:
                break
            i = end + 1
        return actors, end

    def _modifiers_end(self, i: int, verb_i: int) -> int:
        """The token after the modifiers of a name: "van" phrases and insertions
        ("Hagedoorn (Jeugd) van de gemeente X", "Kok, die al jaren ... werkt,")."""
        while i < verb_i:
            k = self._van_phrase(i, verb_i) if self.tok.lower(i) == "van" else self._insertion(i, verb_i)
            if k == i:
                break
            i = k
        return i

    def _van_phrase(self, i: int, verb_i: int) -> int:
        """The token after "van de voedselbank" or "van Humanitas Oost", else ``i``."""
        for k in range(i + 1, min(i + 1 + VAN_WORDS, verb_i) + 1):
            word = self.tok.lower(k)
            if k == verb_i or word in CONJUNCTIONS and not self._inside_name(k) or word in INSERTIONS:
                return k
            span = self.starts.get(k)
            if word in SUBORDINATORS or word in self.lexicon.verbs or span is not None and span.label_ == "PERSON" \
                    or not any(c.isalnum() for c in word):
                return i
        return i

    def _inside_name(self, k: int) -> bool:
        """ "en" between capitalised words of one name ("Centrum voor Jeugd en Gezin"), not
        before a person ("van de gemeente en Anna Smit")."""
        return self.tok.lower(k) == "en" and k + 1 < len(self.tok) and self.tok.word(k + 1)[:1].isupper() \
            and self.tok.word(k - 1)[:1].isupper() and not (k + 1 in self.starts and self.starts[k + 1].label_ == "PERSON")

    def _insertion(self, i: int, verb_i: int) -> int:
        """The token after an apposition or relative clause opening at ``i`` ("(lector X)",
        ", moeder van drie kinderen,", "– ... –"), else ``i``. Writers often leave out the
        closing comma after a role: ", programmamanager van X gaf" runs to the verb."""
        close = INSERTIONS.get(self.tok.word(i))
        if close is None or i == verb_i - 1:  # "De consulent, Vink, vertelde": the apposition's end
            return verb_i if close == "," else i
        stop = next((k for k in range(i + 1, min(i + MAX_INSERTION, verb_i)) if self.tok.word(k) == close), None)
        if stop is None and close == "," and any(map(self._role_word, self.tok.lowers(i + 1, i + 3))):
            stop = verb_i - 1
        if stop is None or any(j in self.starts and self.starts[j].label_ == "PERSON" for j in range(i + 1, stop)):
            return i
        return stop + 1

    def _role_word(self, word: str) -> bool:
        """A role word or title in front of a name ("Voorzitter Mirthe ...")."""
        entry = self.lexicon.entry(word)
        return bool(entry and entry.category == "role") or word.rstrip(".") in self.lexicon.titles

    def _field_word(self, i: int) -> bool:
        """A word that can extend a role ("docent sociaal werk", "lector Armoede")."""
        word, lower = self.tok.word(i), self.tok.lower(i)
        return word.isalpha() and (word.islower() or word.istitle()) and lower not in SUBORDINATORS and \
            lower not in PRONOUNS and lower not in CONJUNCTIONS and lower not in self.lexicon.verbs

    def _name_at(self, i: int, end: int, max_skip: int = 5, fields: int = 0) -> Span | None:
        """The mention at ``i`` or after a lead-in: articles, "ook", titles and role words,
        then up to ``fields`` field words, or a comma of apposition ("de consulent, Vink")."""
        role = False
        for k in range(i, min(i + max_skip + 1, end)):
            if k in self.starts:
                return self._named_apposition(self.starts[k])
            word = self.tok.lower(k)
            if self._role_word(word) or k > i and f"{self.tok.lower(k - 1)} {word}" in self.lexicon.titles \
                    or self._title_before_name(k):
                role = True  # "de heer" is one title
            elif role and word == "," and self._role_word(self.tok.lower(k - 1)):
                continue
            elif role and fields and self._field_word(k):
                fields -= 1
            elif role or word not in LEAD_WORDS:
                return None
        return None

    def _title_before_name(self, k: int) -> bool:
        """A capitalised word right before a name, not in the lexicon: a job title at the start
        of a clause ("Praktijkondersteuner Linda Smeets vertelde"); in a V2 clause nothing
        else stands there, and a verb is excluded."""
        word, low = self.tok.word(k), self.tok.lower(k)
        return word[:1].isupper() and word.isalpha() and low not in self.lexicon.verbs and low not in STOP_WORDS \
            and (name := self.starts.get(k + 1)) is not None and name.label_ == "PERSON"

    def _named_apposition(self, span: Span) -> Span:
        """The name in apposition to a role or description ("de consulent, Vink,"), else ``span``."""
        name = self.starts.get(span.end + 1)
        if span.label_ != "PERSON" and name is not None and name.label_ == "PERSON" and self.tok.word(span.end) == ",":
            return name
        return span

    def _after(self, i: int, sent: tuple[int, int], max_skip: int = 4, pronouns=PRONOUNS) -> str | None:
        """The actor right after a verb: a pronoun, or a name past role words, titles and articles."""
        if i < sent[1] and self.tok.lower(i) in pronouns and not self._possessive(i):
            return self._antecedent(i, self.tok.lower(i - 1))
        span = self._name_at(i, sent[1], max_skip)
        return span._.wsd_actor if span is not None else None

    def _possessive(self, i: int) -> bool:
        """"haar" before a person or group word is a possessive ("volgens haar moeder")."""
        return self.tok.lower(i) == "haar" and i + 1 < len(self.tok) and (
            i + 1 in self.starts or self.lexicon.entry(self.tok.lower(i + 1)) is not None)

    def _antecedent(self, i: int, verb: str | None = None) -> str | None:
        """The last named person mentioned before the pronoun at token ``i``, unless an
        anonymous individual comes later in the same sentence, outside quotes, with no named
        person before it there ("Een ander reageerde dat het volgens haar ...", but not "Bos
        vroeg om een vaste medewerker, maar volgens hem ..."). "ze" with a plural verb
        ("beantwoorden ze") is a group.
        """
        if verb is not None and verb.endswith("en") and verb in self.lexicon.verbs:
            return None
        offset = self.tok.idx[i]
        before = [(end, actor) for end, actor in self.person_ends if end <= offset]
        first = self.tok.sentence(i)[0]
        opening = self._first_word(first, i)
        if opening is not None and self.tok.lower(opening) == self.tok.lower(i):
            return self._antecedent(opening)  # "Hij legde uit dat de jongeren die hij spreekt …": one man
        if (subject := self._previous_subject_person(i, first)) is not None:
            return subject
        anon = [s for k, s in self.starts.items() if first <= k < i and s.label_ == "ANON" and self._subject_place(k, first)]
        if anon and (not before or anon[-1].end_char > before[-1][0]) and \
                not any(c in QUOTE_MARKS for c in self.text[anon[-1].start_char:offset]):
            return anon[-1]._.wsd_actor
        return before[-1][1] if before else None

    def _subject_place(self, k: int, first: int) -> bool:
        """A mention where a subject stands: opening the sentence, after punctuation or "en",
        or right after a verb ("reageerde een vrijwilliger"), not after a preposition ("om een
        vaste medewerker")."""
        if k == first:
            return True
        before = self.tok.lower(k - 1)
        return before in self.lexicon.verbs or before in CONJUNCTIONS or not before.isalpha()

    def _previous_subject_person(self, i: int, first: int) -> str | None:
        """For a pronoun opening its sentence after one that names several people, the person
        at the head of that sentence, its subject ("Jongerenwerker Dave Bos herkende wat Hoekstra
        schetste. Hij legde uit ..."): not simply the last one named."""
        if i != self._first_word(first, i + 1) or first == 0:
            return None
        start, end = self.tok.sentence(first - 1)
        named = [s for s in self.persons if start <= s.start < end]
        if len(named) > 1 and named[0].start <= start + SUBJECT_REACH:
            return named[0]._.wsd_actor
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
                    or not any(w in self.lexicon.verbs or w in QUESTION_LEADS for w in self.tok.lowers(first, colon)):
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
            return self._antecedent(first)
        span = self.starts.get(first)
        return span._.wsd_actor if span is not None and span.label_ in ("PERSON", "ANON") else None


def _found(actor: str | None) -> list[str]:
    """A found actor as a list of speakers."""
    return [actor] if actor else []


def _paragraph_of(doc: Doc):
    """A function from a character offset to its paragraph number."""
    from bisect import bisect_right
    report = doc._.wsd_report
    if report is not None:
        starts = [p.start for p in report.paragraphs]
    else:
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))]
    return lambda offset: bisect_right(starts, offset)
