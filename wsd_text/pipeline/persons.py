"""Person mentions in Dutch reports: full names, surname-only and first-name-only mentions.

Rules (from Dutch naming conventions and the reporting genre, see ANNOTATION.md §2):

- A name is a run of capitalised words and initials, possibly with tussenvoegsels
  ("A.J. de Vries", "Lieke van den Broek", "Jansen-de Wit").
- Function words, titles and organisation words in front are not part of the name
  ("wethouder Bosman", "Centrum Jeugd en Gezin").
- A run is a person when its first word is a gazetteer first name (Faker nl_NL/nl_BE), it
  starts with initials, or the context says so: a title or role word before it, an age,
  apposition or speech verb beside it, a surname repeated on its own elsewhere, a list
  of names it stands in, or a person entity of a trained pipeline (``--model``).
- Later surname-only and first-name-only mentions resolve to the full name (§2).
- Contact persons, authors and people listed as absent are left out (§8.13).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cached_property, lru_cache

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Actor
from .lexicon import Lexicon, fold, load_lexicon
from .text import doc_text

# Latin letters with diacritics up to Latin Extended-A, so that Turkish, Polish and Czech
# names ("Doğan", "Yıldız", "Łukasz") are names too; after a capital any of them may follow.
_EXTENDED = "".join(map(chr, range(0x100, 0x180)))
UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED if c.isupper())
LOW = "a-zß-öø-ÿ" + _EXTENDED
# A capitalised word; inside a hyphenated surname a lone capital is a part too ("Tjon-A-Joe").
CAP = rf"(?:IJ|[{UP}])[{LOW}]+(?:['’][{LOW}]+)?"
HYPHEN_LETTER = rf"[{UP}](?=-)"
INITIALS = rf"(?:(?:Th|Chr|Ph|Joh|[{UP}])\.\s?){{1,4}}"
SPACE = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*(?=[{LOW}]))".replace("{LOW}", LOW)
LIST_GAP = re.compile(r"[ \t]*(?:,|\ben\b|&)[ \t]*(?:,[ \t]*)?")
LIST_GAP_BEFORE = re.compile(r"[ \t]*(?:,|\ben\b|&)[ \t]*\Z")
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
NER_PERSON = frozenset({"PERSON", "PER"})  # OntoNotes (nl_core_news_*) and CoNLL labels
ABSENT_REACH, LIST_LINE = 12, 100  # blocks to look back for "Afwezig:"; longest list line
OBJECT_PREPOSITIONS = frozenset({"van", "bij", "uit", "met", "voor", "namens", "aan", "naar", "over", "door"})
SPEECH_AFTER_NAME = re.compile(r"\s*(?:\([^()\n]{1,80}\)\s*)?(?:,[^,.\n]{1,80},\s*)?([a-zë]+)")


@dataclass
class Candidate:
    """A name-shaped run after trimming, with what its context says."""

    start: int
    end: int
    words: list[str]          # capitalised words and initials, in order
    surname_at: int           # index in ``words`` where the surname starts
    text: str
    evidence: set[str] = field(default_factory=set)

    # Cached: clustering compares every mention with the earlier ones (``words`` and
    # ``text`` do not change once a candidate is made).
    @cached_property
    def first(self) -> str:
        return " ".join(self.words[:self.surname_at])

    @cached_property
    def surname(self) -> str:
        return self.text[len(self.first):].strip() if self.first else self.text


def name_pattern(lexicon: Lexicon) -> re.Pattern:
    """One regex for a run of name words with tussenvoegsels in between."""
    inter = "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in lexicon.interfixes)
    word = rf"(?:{INITIALS}|{CAP}(?:-(?:(?:{inter})\s)?(?:{CAP}|{HYPHEN_LETTER}))*)"
    return re.compile(rf"(?<![\w@.&-]){word}(?:{SPACE}(?:(?:{inter}){SPACE})?{word})*(?![\w@&])")


class PersonFinder:
    """Find person mentions and group them into actors.

    Parameters
    ----------
    lexicon : Lexicon
        The word lists (first names, tussenvoegsels, titles, role words).

    Examples
    --------
    >>> finder = PersonFinder(load_lexicon())
    >>> persons, others = finder.candidates("Volgens wethouder Kees van Dalen is het goed.")
    >>> [c.text for c in persons]
    ['Kees van Dalen']
    """

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.pattern = name_pattern(lexicon)
        inter = "|".join(re.escape(i) for i in lexicon.interfixes)
        interfix = re.compile(rf"(?i)^(?:{inter.replace(chr(92) + ' ', chr(92) + 's+')})$")
        # Asked several times for every name word; the same words recur across reports.
        self.is_interfix = lru_cache(maxsize=1 << 14)(lambda word: interfix.match(word) is not None)
        multi = "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in lexicon.interfixes if " " in i)
        self.places = re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicon.place_words)) or '(?!)'})[ \t]+({CAP})\b")
        self.part = re.compile(rf"{INITIALS}|(?:{multi})(?=\s)|{CAP}(?:-(?:(?:{inter})\s)?(?:{CAP}|{HYPHEN_LETTER}))*|\S+")

    def candidates(self, text: str, named: Iterable[tuple[int, int]] = ()) -> tuple[list[Candidate], list[Candidate]]:
        """Name-shaped runs: those that are persons on their own, and the others.

        The others may still be later mentions of a person ("Wolters", "Van Dijk").
        ``named`` are the (start, end) offsets of person entities a trained pipeline found;
        a run inside one has that as evidence.
        """
        self.text = text
        runs = [c for m in self.pattern.finditer(text) for c in self._segments(text, m.start(), m.end())]
        named = sorted(named)
        for cand in runs:
            self._context(text, cand)
            if any(start <= cand.start and cand.end <= end for start, end in named):
                cand.evidence.add("ner")
        places = set(self.places.findall(text))
        for cand in runs:
            if cand.words[-1] in places and not self.lexicon.is_first_name(cand.words[0]) \
                    and "title" not in cand.evidence and not any(map(self.is_interfix, cand.text.split())):
                cand.evidence.add("place")
        repeated = self._repeated_surnames(runs)
        for cand in runs:
            if len(cand.words) > 1 and cand.words[-1] in repeated:
                cand.evidence.add("repeated")
        persons = self._add_listed(runs, [c for c in runs if self._is_person(c)])
        found = {id(c) for c in persons}
        return persons, [c for c in runs if id(c) not in found]

    def _segments(self, text: str, start: int, end: int) -> list[Candidate]:
        """Split a run at words that cannot be part of a name.

        "Wethouder Pieter Dekker" loses its role word, "Maatschappelijke Zorg Sanne Wolters"
        splits at the organisation word, and "Femke Bakker van Netwerk Zwolle" at
        the tussenvoegsel that starts the organisation.
        """
        parts = [(m.group(), m.start() + start) for m in self.part.finditer(text[start:end])]
        segments, current, evidence = [], [], set()
        for word, offset in parts:
            if self._name_word(word, leading=not current, after_first=bool(current) and self.lexicon.is_first_name(current[-1][0])):
                current.append((word, offset))
                continue
            if current:
                segments.append((current, evidence))
                current, evidence = [], {"field"}
            low = word.rstrip(".").lower()
            if low in self.lexicon.titles:
                evidence.add("title")
            elif (e := self.lexicon.entry(low)) and e.category == "role" and not e.plural:
                evidence.add("role")  # not "Jeugd en Ouders Molenbroek": a plural is no one's title
            elif low in self.lexicon.not_name_words or e and e.category in ("org", "body") \
                    or word[:1].isupper() and low in STOP_WORDS and not _sentence_start(text, offset):
                evidence.add("organisation")  # "Stichting Op Koers", "winkel Bij Froukje": a name
        if current:
            segments.append((current, evidence))
        return [c for seg, ev in segments if (c := self._candidate(text, seg, ev))]

    def _candidate(self, text: str, parts: list, evidence: set) -> Candidate | None:
        """One name candidate from consecutive name words; None when it cannot be a name."""
        # A full name before a tussenvoegsel is followed by an organisation, unless both
        # first words are first names ("Jan Willem de Vries").
        # "Neem Sanne van der Linden", "lector Armoede Wouter Peeters": the name starts at
        # the first gazetteer first name when the words before it are not first names.
        first = next((i for i, (w, _) in enumerate(parts) if self.is_interfix(w)
                      or self.lexicon.is_first_name(w)), 0)
        if 0 < first < len(parts) - 1 and self.lexicon.is_first_name(parts[first][0]):
            parts = parts[first:]
        at = next((i for i, (w, _) in enumerate(parts) if self.is_interfix(w)), len(parts))
        # "Vraag van Mirthe": a first name after "van" starts a name, it ends none.
        if 0 < at < len(parts) - 1 and self.lexicon.is_first_name(parts[at + 1][0]) \
                and not self.lexicon.is_first_name(parts[0][0]):
            parts = parts[at + 1:]
            at = next((i for i, (w, _) in enumerate(parts) if self.is_interfix(w)), len(parts))
        if at >= 2 and not all(self.lexicon.is_first_name(w) for w, _ in parts[:2]):
            parts = parts[:at]
        # "Yusuf El Amrani van Jongerenwerk Oost": a second tussenvoegsel after the surname
        # starts the organisation
        elif (later := next((i for i in range(at + 2, len(parts)) if self.is_interfix(parts[i][0])), None)) is not None:
            parts = parts[:later]
        while parts and self.is_interfix(parts[-1][0]):
            parts = parts[:-1]
        words = [w for w, _ in parts if not self.is_interfix(w)]
        if not words or len(words) > 4:
            return None
        s, e = parts[0][1], parts[-1][1] + len(parts[-1][0])
        surname_at = min(at, len(words) - 1)
        return Candidate(s, e, words, surname_at, " ".join(text[s:e].split()), set(evidence))

    def _name_word(self, word: str, leading: bool, after_first: bool = False) -> bool:
        """Whether a capitalised word can be part of a person's name; after a first name a role
        word is a surname ("Paul Meester", "Jan Koster")."""
        low = word.lower()
        if self.is_interfix(word):
            return not leading or word[0].isupper()
        # a leading "Bel" or "Mail" asks the reader to get in touch ("Bel Greet op 06-...")
        if leading and (low in STOP_WORDS or low in self.lexicon.contact_words) or low.rstrip(".") in self.lexicon.titles \
                or low in self.lexicon.not_name_words:
            return False
        if word.isupper() and len(word) > 1 and "." not in word:
            return False  # acronyms name organisations ("CJG", "WMZ")
        if low.endswith(self.lexicon.not_name_endings) and low not in self.lexicon.first_names:
            return False  # streets, laws, policies ("Kastanjestraat", "Jeugdwet")
        entry = self.lexicon.entry(low)
        return entry is None or entry.category not in ("role", "org", "body", "attendee") \
            or after_first and entry.category == "role" and not entry.plural

    def _repeated_surnames(self, runs: list[Candidate]) -> set[str]:
        """Words that stand alone as a speaker elsewhere ("Wolters: ...", "volgens Wolters").

        A place or project name also repeats alone, but not as the subject of a speech
        verb or a colon label, so only those repetitions count.
        """
        return {c.words[0] for c in runs if len(c.words) == 1 and "place" not in c.evidence
                and c.evidence & {"speech", "colon", "title", "role"}}

    def _context(self, text: str, cand: Candidate) -> None:
        """Record what the words around a run say about it."""
        before = text[max(0, cand.start - 40):cand.start].split()
        # A word across a sentence or clause end says nothing about the name.
        prev = before[-1].lower().rstrip(".") if before and not before[-1].endswith((",", ":", ";")) else ""
        if prev and before[-1].endswith(".") and prev not in self.lexicon.titles:
            prev = ""
        if prev in self.lexicon.titles or " ".join(before[-2:]).lower() == "de heer":
            cand.evidence.add("title")
        entry = self.lexicon.entry(prev) if prev else None
        # "ervaringsdeskundigen Anna Smit en ...", but not "Centrum voor Jeugd en Ouders Molenbroek":
        # a capitalised plural inside a sentence belongs to the name of an organisation
        in_name = entry and entry.plural and before[-1][:1].isupper() and len(before) > 1 \
            and not before[-2].endswith((".", "!", "?", ":"))
        if entry and entry.category == "role" and not in_name:
            cand.evidence.add("role")
            prev = before[-2].lower() if len(before) > 1 else ""  # "legt wethouder X uit"
        if prev in self.lexicon.verbs:
            cand.evidence.add("speech")
        after = text[cand.end:cand.end + 60]
        # an age, not a count "(0)" nor a web page's counter before a separator ("Reacties (12) · Delen")
        if re.match(r"\s*\(\s*(?:[1-9]\d|[2-9])\s*\)(?![ \t]*[·|•])", after):
            cand.evidence.add("age")
        elif m := re.match(r"\s*\(\s*([^\s()]+)", after):
            # "(Centrum Jeugd en Gezin)", "(lector ...)", "(voorz.)", not "(een jaar in de inloop)"
            entry = self.lexicon.entry(m.group(1).lower())
            if m.group(1)[0].isupper() or entry and entry.category in ("role", "org", "body"):
                cand.evidence.add("apposition")
        elif m := re.match(r",\s+([a-zë-]+)", after):
            if (e := self.lexicon.entry(m.group(1))) and e.category == "role":
                cand.evidence.add("apposition")
        elif re.match(r":\s", after) and _sentence_start(text, cand.start):
            cand.evidence.add("colon")
        # "Een vrijwilliger van De Korf vulde aan", "X van basisschool De Vlieger stelde": after a
        # preposition (and a noun) the run is an object; the verb that follows belongs to the
        # head of the phrase, not to the run.
        object_ = prev in OBJECT_PREPOSITIONS or len(before) > 1 and before[-2].lower() in OBJECT_PREPOSITIONS \
            and before[-1].isalpha() and before[-1].islower() and not entry
        if (m := SPEECH_AFTER_NAME.match(after)) and not object_ \
                and self._says(m.group(1), text, cand.end + m.end()):
            cand.evidence.add("speech")

    def _says(self, word: str, text: str, at: int) -> bool:
        """A verb of saying, with its particle or noun later in the sentence when it has one
        ("legt ... uit", "is ... enthousiast"; "is" alone is no speech)."""
        end = SENTENCE_END.search(text, at)
        rest = text[at:end.start() if end else len(text)].lower().split()
        return any(verb.joined or not verb.particle or verb.particle in rest
                   for verb in self.lexicon.verbs.get(word, ()))

    def _is_person(self, cand: Candidate) -> bool:
        """Gazetteer, initials or context decide."""
        n, lex = len(cand.words), self.lexicon
        first = cand.words[0]
        if n >= 2 and (lex.is_first_name(first) or first.endswith(".")):
            return True
        if cand.evidence & {"organisation", "place"} and "ner" not in cand.evidence:
            return False  # an organisation ("Buurtbus Brakelo"), unless it starts with a person's name
        strong = cand.evidence - {"field"}
        if n > 2 and strong == {"role"}:
            return False  # "lector Maatschappelijk Werk Hogeschool Noord": a field, not a name
        if n >= 2 or cand.surname_at == 0 and " " in cand.text:
            return bool(strong)
        # "Kwame (14)": an age after a single word names a person, as a title does
        if strong & {"title", "ner", "age"} or "role" in strong and strong & {"speech", "repeated", "apposition"}:
            return True
        return lex.is_first_name(first) and fold(first) not in lex.first_name_exceptions

    def _add_chains(self, runs: list[Candidate], persons: list[Candidate]) -> None:
        """Three or more two-word runs in one comma list are a list of names."""
        chain: list[Candidate] = []
        for cand in runs + [None]:
            linked = cand is not None and len(cand.words) >= 2 and chain and \
                (m := LIST_GAP.match(self.text, chain[-1].end)) and m.end() == cand.start
            if linked:
                chain.append(cand)
                continue
            if len(chain) >= 3:
                persons.extend(c for c in chain if c not in persons)
            chain = [cand] if cand is not None and len(cand.words) >= 2 else []

    def _add_listed(self, runs: list[Candidate], persons: list[Candidate]) -> list[Candidate]:
        """Two-word runs in a comma or "en" list with a person are persons too."""
        self._add_chains(runs, persons)
        found = {c.start for c in persons}
        ends = {p.end: p for p in persons}
        starts = {p.start: p for p in persons}
        for cand in runs:
            if cand.start in found or len(cand.words) < 2:
                continue
            after = LIST_GAP.match(self.text, cand.end)
            # A gap holds no line break: searching from the line start finds what a search
            # from the text start would, without rescanning the text for every candidate.
            before = LIST_GAP_BEFORE.search(self.text, self.text.rfind("\n", 0, cand.start) + 1, cand.start)
            if after and after.end() in starts or before and before.start() in ends:
                persons.append(cand)
        return sorted(persons, key=lambda c: c.start)


@Language.factory("wsd_persons", assigns=["doc._.wsd_actors", "doc.spans"],
                  default_config={"data_dir": None})
def make_persons(nlp: Language, name: str, data_dir: str | None) -> "PersonsComponent":
    """Person mentions (``doc.spans["wsd_mentions"]``, label PERSON) and one actor per person.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Lector Sanne Wolters vertelt. Wolters: 'Dat is zo.'")
    >>> [a.name for a in doc._.wsd_actors]
    ['Sanne Wolters']
    """
    return PersonsComponent(load_lexicon(data_dir))


class PersonsComponent:
    """Mark person mentions and build the actors (ids in order of first mention)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.finder = PersonFinder(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # A trained nl_core_news_* pipeline (settings.model) tags persons: extra evidence.
        named = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NER_PERSON]
        persons, others = self.finder.candidates(text, named)
        clusters: list[list[Candidate]] = []
        # Full names first, so that a first name or surname alone finds its full name
        # even when it comes first ("Net als Femke ... Femke Kuipers (14)").
        persons.sort(key=lambda c: (len(c.words) < 2, c.start))
        is_person = {id(c) for c in persons}  # candidates are distinct objects; == compares every field
        for cand in persons + others:
            cluster = self._cluster_of(cand, clusters)
            if cluster is not None:
                cluster.append(cand)
            elif id(cand) in is_person:
                clusters.append([cand])
        clusters = [c for c in clusters if not all(self._contact(text, m) or self._absent(text, m) for m in c)]
        clusters.sort(key=lambda c: min(m.start for m in c))
        spans, actors = [], []
        for number, cluster in enumerate(clusters, 1):
            actor_id = f"a{number}"
            full = max(cluster, key=lambda m: (len(m.words), -m.start))
            mentions = sorted({(m.start, m.end) for m in cluster})
            actors.append(Actor(id=actor_id, name=full.text, description=None, role=None,
                                organisation=None, mentions=tuple(mentions)))
            for start, end in mentions:
                span = doc.char_span(start, end, label="PERSON", alignment_mode="expand")
                if span is not None:
                    span._.wsd_actor = actor_id
                    spans.append(span)
        doc.spans["wsd_mentions"] = spans
        doc._.wsd_actors = actors
        return doc

    def _cluster_of(self, cand: Candidate, clusters: list[list[Candidate]]) -> list[Candidate] | None:
        """The cluster a mention belongs to: same surname, or the first name of a full name."""
        key = fold(cand.surname)
        best = None
        for cluster in clusters:
            for known in cluster:
                if len(known.words) < 2 and len(cand.words) < 2:
                    same = fold(known.text) == fold(cand.text)
                elif len(cand.words) == 1 and cand.surname_at == 0:
                    same = fold(known.words[0]) == key or fold(known.surname) == key
                elif len(known.words) == 1 and known.surname_at == 0:
                    same = fold(cand.words[0]) == fold(known.text) or fold(cand.surname) == fold(known.text)
                else:
                    same = fold(known.surname) == key and _compatible(known.first, cand.first)
                if same:
                    best = cluster  # the latest cluster wins: the most recent namesake
                    break
        return best

    def _absent(self, text: str, cand: Candidate) -> bool:
        """A mention in a list of people who were not there ("Afwezig met bericht: ...").

        The label opens the mention's line, its block or a block above it, with only short
        blocks (one name or a few per line) between."""
        end = cand.start
        line = text[text.rfind("\n", 0, end) + 1:end]
        if ":" in line:  # "Aanwezig: ...\nAfwezig met bericht: ..." in one block
            return line.split(":", 1)[0].strip().lower() in self.lexicon.absent_labels
        for _ in range(ABSENT_REACH):
            start = text.rfind("\n\n", 0, end) + 2 if "\n\n" in text[:end] else 0
            head = text[start:end]
            if ":" in head:
                return head.split(":", 1)[0].strip().lower() in self.lexicon.absent_labels
            if start == 0 or len(head) > LIST_LINE:
                return False
            end = start - 2
        return False

    def _contact(self, text: str, cand: Candidate) -> bool:
        """A mention in a contact line (§8.13) or an author line."""
        line_start = text.rfind("\n", 0, cand.start) + 1
        starts = [m.end() for m in SENTENCE_END.finditer(text, line_start, cand.start)]
        end = SENTENCE_END.search(text, cand.end)
        sentence_start = starts[-1] if starts else line_start
        sentence = text[sentence_start:end.start() if end else len(text)]
        # A contact word before the name in its sentence ("Neem contact op met X", "mail naar
        # X"); after it, "contact" is part of what the person said ("… contact op te nemen").
        before = set(re.findall(r"[\w-]+", text[sentence_start:cand.start].lower()))
        if "@" in sentence or before & self.lexicon.contact_words:
            return True
        label = text[line_start:cand.start].strip().rstrip(":").lower()
        # "Dit verslag is geschreven door X": a label of two words or more also works in a sentence
        lead = " ".join(text[max(line_start, cand.start - 40):cand.start].lower().split()).rstrip(":")
        # "gepost op * door": a label with a wildcard for the date of a WordPress byline
        return label in self.lexicon.author_labels or any(
            fnmatchcase(label, a) if "*" in a else " " in a and lead.endswith(a) for a in self.lexicon.author_labels)


def _compatible(first_a: str, first_b: str) -> bool:
    """First names that can denote one person: equal, one missing, or matching initials."""
    a, b = fold(first_a), fold(first_b)
    if not a or not b or a == b:
        return True
    return a[0] == b[0] and ("." in a or "." in b)


def _sentence_start(text: str, offset: int) -> bool:
    """Whether a word opens a sentence or a line."""
    before = text[:offset].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"“„‘'"
