"""Who a speech cue's subject is: the grammar of Dutch reporting clauses, for `wsd_speech`.

Dutch main clauses put the finite verb second, so everything before it is one constituent:
the subject opens the clause ("Wolters vult aan", "dat Bosman zegt") or follows the verb
("waarschuwt onderzoeker Hoekstra", "“...”, vertelt Femke"). The subject may be coordinated
("A en B vertelden"), carry a "van" phrase ("Kok van de voedselbank") or an insertion between
commas or brackets (an apposition or a relative clause); titles, role words, field words and
an unknown job title opening the clause may precede the name ("docent sociaal werk Kok",
"Praktijkondersteuner Linda Smeets"). With a perfect ("heeft gezegd") the auxiliary is the
finite verb. A line break ends a clause: a heading line is never a subject.

"hij", "zij", "ze" take the last named person, with three refinements: a pronoun repeated in
its sentence is the one that opens it; a pronoun opening a sentence after one that names
several people takes that sentence's subject; an anonymous person in a subject's place later
in the same sentence ("reageerde een vrijwilliger dat het volgens haar ...") takes it.
"""
from __future__ import annotations

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Span

PRONOUNS = {"hij", "zij", "ze"}
QUOTE_MARKS = "“”„\"«»"  # not the apostrophe, which also stands in words ("zzp'ers")
AUXILIARIES = {"heeft", "hebben", "had", "hadden"}  # "heeft gezegd": finite verb of a perfect
SUBORDINATORS = {"dat", "hoe", "of", "waarom", "omdat", "want", "terwijl", "toen", "wanneer",
                 "nadat", "zodat", "die", "wat", "welke", "waarna"}
CLAUSE_OPENERS = {"en", "maar", "ook"}
LEAD_WORDS = {"de", "het", "zo", "ook"}  # may stand before a name or role after the verb
CONJUNCTIONS = {",", "en"}
INSERTIONS = {"(": ")", ",": ",", "–": "–", "-": "-"}  # opening and closing mark
FIELD_WORDS = 3  # lower-case words between a role and a name ("docent sociaal werk Kok")
VAN_WORDS = 8  # words of a "van" phrase after a name ("van het Centrum voor Jeugd en Ouders Molenbroek")
SUBJECT_REACH = 4  # tokens from a sentence's start to its subject (after a title, or the verb: "Daarna vertelde X")
MAX_INSERTION = 25  # tokens of an apposition or relative clause between subject and verb


def as_speakers(actor: str | None) -> list[str]:
    """A found actor as a list of speakers."""
    return [actor] if actor else []


class SubjectGrammar:
    """The subject rules of `SpeechComponent`, which sets ``tok`` (`text.Tokens`), ``doc``,
    ``lexicon``, ``text``, ``starts`` (mention start token -> Span), ``persons`` and
    ``person_ends`` ((end offset, actor) of every person mention) for each Doc."""

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
            return as_speakers(self._relative_antecedent(start - 1))
        if lower(start) in PRONOUNS:
            return as_speakers(self._antecedent(start, lower(verb_i)))
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
            actors += as_speakers(span._.wsd_actor)
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

    def _first_word(self, start: int, end: int) -> int | None:
        """The first token of ``start:end`` that is not whitespace."""
        return next((i for i in range(start, end) if not self.tok.word(i).isspace()), None)

    def _opening_subject(self, start: int, end: int) -> str | None:
        """The named person or pronoun that opens a sentence."""
        first = self._first_word(start, end)
        if first is None:
            return None
        if self.tok.lower(first) in PRONOUNS:
            return self._antecedent(first)
        span = self.starts.get(first)
        return span._.wsd_actor if span is not None and span.label_ in ("PERSON", "ANON") else None
