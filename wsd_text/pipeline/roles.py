"""Roles and organisations of named actors, role mentions, and anonymous actors and groups.

Rules (from the apposition patterns of Dutch reporting, ANNOTATION.md §2, §8, §9):

- A role word just before a name ("lector Sociale Innovatie Sanne Wolters", "Voorzitter
  Anouk van Dijk") or in its apposition ("Ingrid Mulder, beleidsadviseur van ...",
  "Jeroen de Boer (consulent Werkplein Rivierland)").
- An organisation after "van", "bij", "namens" or "vanuit" beside the name, or a
  capitalised apposition in parentheses ("(Centrum Jeugd en Gezin)").
- "de wethouder" later in the text is the actor whose role that is (label ROLE).
- "een moeder", "iemand", "een ander" (ANON) and "de deelnemers", "sommigen", "de
  kinderraad" (GROUP) are candidate actors; wsd_perspective keeps those that speak (§2).
- The group answering a poll or Mentimeter is marked at the poll word (POLL, §8.9).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Actor
from .lexicon import Lexicon, load_lexicon
from .text import doc_text, spans_by_actor, tokens_of

ORG = r"(?:(?:de|het|De|Het)\s+)?((?:(?:gemeente|provincie|regio)\s+)?(?:[A-ZÀ-Þ0-9][\w'’&/-]*)(?:\s+(?:(?:en|van|voor|de|der|het|in|op)\s+)?[A-ZÀ-Þ0-9][\w'’&/-]*)*)"
ORG_AFTER = re.compile(rf",?\s+(?:van|bij|namens|vanuit)\s+{ORG}")
# A bracket may run over a line end (a list of participants wrapped as typed).
APPOSITION = re.compile(r"\s*(?:\(([^()]{1,120})\)|,\s+([^,.;:()\n]{2,120})[,.;:]?|[ \t]+[-–][ \t]+([^\n]{2,60})$)",
                        re.MULTILINE)
BOTH = ("beiden", "allebei")
GROUP_WORDS = frozenset({"de", "onze", "beide", "enkele"})  # before a listed group, besides a number ("twee")
RELATIVES = frozenset({"die", "dat", "wie", "wat", "waar"})
MEMBER_WORDS = frozenset({"lid", "namens", "vanuit", "van", "bij", "de", "het"})  # before a lower-case type word
FIELD_WORDS = 3  # lower-case words of a field between a role and a name ("docent sociaal werk")
ADJ = r"(?:[a-zà-ÿ]+(?:e|en|ig|s)\s+){0,2}"
PRONOUN_GROUPS = r"[Ss]ommigen|[Aa]nderen|[Vv]elen|[Dd]e meesten"
# "Iemand zei", "toen vroeg iemand"; not the generic "dat iemand durft te kijken"
_WORD_BEFORE = re.compile(r"\w+\s+$")
PRONOUN_ANON = r"Iemand|(?<!\bdat )(?<!\bals )(?<!\bof )(?<!\bzodat )(?<!\bwanneer )iemand|[Ee]en ander"


@Language.factory("wsd_roles", assigns=["doc._.wsd_actors", "doc.spans"],
                  requires=["doc._.wsd_actors"], default_config={"data_dir": None})
def make_roles(nlp: Language, name: str, data_dir: str | None) -> "RolesComponent":
    """Roles and organisations of actors; ROLE, ANON, GROUP and POLL mentions.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Ingrid Mulder, programmamanager van het Kennisnet, vertelt.")
    >>> doc._.wsd_actors[0].role, doc._.wsd_actors[0].organisation
    ('programmamanager', 'Kennisnet')
    """
    return RolesComponent(load_lexicon(data_dir))


class RolesComponent:
    """Fill ``role``/``organisation`` of named actors and add the other mention kinds."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        singular = sorted((t for t, e in lexicon.roles.items() if not e.plural
                           and e.category in ("role", "person", "attendee")), key=len, reverse=True)
        plural = sorted((t for t, e in lexicon.roles.items() if e.plural
                         and e.category in ("role", "person", "attendee")), key=len, reverse=True)
        bodies = sorted((t for t, e in lexicon.roles.items() if e.category == "body"), key=len, reverse=True)
        alt = lambda words: "|".join(re.escape(w) for w in words)  # noqa: E731
        self.anon = re.compile(rf"\b(?:(?:[Ee]en|[Éé]én)\s+(?:van\s+de\s+(?:{alt(plural)})|{ADJ}(?:{alt(singular)}))|{PRONOUN_ANON})\b")
        self.group = re.compile(
            rf"\b(?<!\bop )(?:(?:[Dd]e|[Aa]lle|[Vv]eel|[Ee]nkele|[Ss]ommige|[Tt]wee|[Dd]rie|[Vv]ier|\d+)\s+{ADJ}"
            rf"(?:{alt(plural)})|(?:[Dd]e|[Hh]et)\s+(?:{alt(bodies)})(?:\s+van\s+[A-Z]\w+)?|{PRONOUN_GROUPS})\b")
        self.poll = re.compile(rf"(?i)\b(?:{alt(sorted(lexicon.poll_words, key=len, reverse=True))})\b")
        # "van de voedselbank", "bij woningcorporatie Thuisbasis": an organisation named by its
        # type in lower case, perhaps followed by its name.
        types = sorted((t for t, e in lexicon.roles.items() if e.category in ("org", "body")), key=len, reverse=True)
        self.org_type = re.compile(rf",?\s+(?:van|bij|namens|vanuit)\s+(?:(?:de|het|onze|ons)\s+)?"
                                   rf"((?:{alt(types)})(?:\s+[A-ZÀ-Þ0-9][\w'’&/-]*)*)\b")
        self.on_behalf = re.compile(rf"\b[Nn]amens\s+(?:(?:de|het)\s+)?((?:{alt(types)})(?:\s+[A-ZÀ-Þ][\w'’&/-]*)*)"
                                    rf"\s+(?:[a-z]+\s+){{1,2}}$")
        # "Deelnemer C", "respondent 4": a person a focus group or interview report labels, one
        # actor for all its mentions (not "16 jaar", "4 uur"; an initial, "J. Jansen", is part of a name)
        self.labelled = re.compile(rf"\b(?i:{alt(singular)})\s+(?:[A-Z]|\d{{1,2}})(?![\w-])(?!\s+(?:jaar|uur|keer|euro|minuten|dagen|weken)\b)")
        # scanning the text for the noun list costs as much as the rest of this component: look
        # for the rare label first, then for a noun right before it
        self.label = re.compile(r"(?<=\s)(?:[A-Z]|\d{1,2})(?![\w-])")
        # "De jongerenwerker vertelde": one unnamed person known by a role (not "de wethouder"
        # when a named actor has that role; `_role_mentions` links that one).
        self.definite = re.compile(rf"\b[Dd]e\s+{ADJ}({alt(singular)})\b")

    def __call__(self, doc: Doc) -> Doc:
        self.text = doc_text(doc)
        report = doc._.wsd_report
        self.paragraphs = report.paragraphs if report is not None else ()
        self.paragraph_starts = [p.start for p in self.paragraphs]
        actors = {a.id: a for a in doc._.wsd_actors or ()}
        spans = list(doc.spans.get("wsd_mentions", []))
        self.person_tokens = {i: s.start for s in spans if s.label_ == "PERSON" for i in range(s.start, s.end)}
        # All mentions first: "A en B (beiden van X)" describes A through B's mention.
        self._describe(doc, spans, spans)
        by_actor = spans_by_actor(spans)
        for actor_id, actor in list(actors.items()):
            mentions = by_actor.get(actor_id, [])
            role = next((s._.wsd_role for s in mentions if s._.wsd_role), None)
            org = next((s._.wsd_organisation for s in mentions if s._.wsd_organisation), None)
            actors[actor_id] = _replace(actor, role=role, organisation=org)
        spans += self._role_mentions(doc, list(actors.values()), spans)
        spans += self._anonymous(doc, actors, spans)
        doc.spans["wsd_mentions"] = sorted(spans, key=lambda s: (s.start, s.end))
        doc._.wsd_actors = list(actors.values())
        return doc

    def _describe(self, doc: Doc, mentions: list[Span], persons: list[Span]) -> None:
        """Role and organisation of every mention (``span._.wsd_role``/``wsd_organisation``)."""
        for span in mentions:
            span_role = self._role_before(doc, span)
            span_org = None
            m = APPOSITION.match(self.text, span.end_char)
            inner = m and next(g for g in m.groups() if g)
            if inner and inner.split()[0] in RELATIVES:
                inner = None  # ", die al jaren voor zijn vrouw zorgt": a relative clause, no apposition
            if inner and not self._names_person(doc, m.start(m.lastindex), persons):
                inner_role, inner_org = self._split(inner)
                span_role, span_org = span_role or inner_role, inner_org
                if inner.split()[0].lower() in BOTH:
                    self._share(doc, span, persons, inner_role, inner_org)
            if span_org is None and (m := ORG_AFTER.match(self.text, span.end_char) or
                                     self.org_type.match(self.text, span.end_char)):
                span_org = m.group(1)
            if span_org is None and (m := self.on_behalf.search(self.text, max(0, span.start_char - 80), span.start_char)):
                span_org = m.group(1)  # "Namens de cliëntenraad sprak X"
            span_org = self._cut_at_person(doc, span_org, span.end_char, persons) or self._heading_organisation(doc, span)
            span._.wsd_role = span._.wsd_role or span_role
            span._.wsd_organisation = span._.wsd_organisation or span_org

    def _heading_organisation(self, doc: Doc, span: Span) -> str | None:
        """Minutes give each organisation's news under its name ("Diaconie Brakelo" / "Annie
        vertelt ..."): a name opening the paragraph right after a heading that names an
        organisation by its type speaks for that organisation."""
        paragraphs = self.paragraphs
        index = bisect.bisect_right(self.paragraph_starts, span.start_char) - 1
        if index < 2 or paragraphs[index].start != span.start_char or paragraphs[index - 1].kind != "heading":
            return None  # the first heading is the report's title ("Verslag Cliëntenraad Oost")
        heading = self.text[paragraphs[index - 1].start:paragraphs[index - 1].end].strip()
        return heading if self.lexicon.names_organisation(heading) else None

    def _names_person(self, doc: Doc, offset: int, persons: list[Span]) -> bool:
        """An apposition that starts with another person is a list of names, not a role."""
        return any(p.label_ == "PERSON" and p.start_char == offset for p in persons)

    def _cut_at_person(self, doc: Doc, org: str | None, after: int, persons: list[Span]) -> str | None:
        """"van Netwerk Zwolle en Anouk Smit": the organisation ends before a name."""
        if not org:
            return org
        start = self.text.find(org, after)
        if start < 0:
            return org  # its words were joined from several lines: no name inside to cut at
        for p in persons:
            if p.label_ == "PERSON" and start <= p.start_char < start + len(org):
                org = self.text[start:p.start_char].rstrip()
                org = re.sub(r"\s+(?:en|,)$", "", org)
                break
        return org or None

    def _role_before(self, doc: Doc, span: Span) -> str | None:
        """Role words right before a name, back to the first role word of the phrase; the
        field of a role may follow it in capitals or lower case ("docent sociaal werk X"),
        also after "van" or "voor" ("Schepen van Sociale Zaken X")."""
        start, first_role, field = span.start, None, 0
        if start and doc[start - 1].text == ",":
            # not an item of a list of attendees, with its own apposition: "drie ervaringsdeskundigen,
            # Liesbeth Doornbos (Kredietbank), ..."
            return None if doc[span.end:span.end + 1].text == "(" else self._listed_role(doc, start - 1)
        for i in range(span.start - 1, max(span.start - 7, tokens_of(doc).sentence(span.start)[0]) - 1, -1):
            token = doc[i]
            if i in self.person_tokens:  # another name ends the role, unless both share a plural one
                return self._shared_plural_role(doc, self.person_tokens[i], i, start)
            if not token.text.replace("-", "").isalpha() or token.lower_ in self.lexicon.verbs:
                break  # a hyphenated compound is a word: "Wmo-raadslid"
            entry = self.lexicon.entry(token.lower_)
            if entry and entry.category == "role":
                first_role, field = i, 0
            elif token.is_lower and token.lower_ not in STOP_WORDS and field < FIELD_WORDS and first_role is None:
                field += 1
            elif not (token.is_title or token.lower_ == "en"
                      or token.lower_ in ("van", "voor") and i + 1 < span.start and doc[i + 1].is_title):
                break  # "van"/"voor" only before a field in capitals: not "De begeleider van Fatima X"
        if first_role is None or first_role == start - 2 and doc[start - 1].lower_ == "en":
            return None  # "de wethouder en Anna Smit": two people, no role of Anna Smit
        return doc[first_role:start].text

    def _shared_plural_role(self, doc: Doc, other: int, end: int, start: int) -> str | None:
        """ "ervaringsdeskundigen Anna Smit en Piet Bos": a plural role before two coordinated
        names is the role of both; else the other name ends the role."""
        entry = self.lexicon.entry(doc[other - 1].lower_) if other else None
        joined = doc[end + 1:start].text.strip() in ("en", ",", "&")
        if joined and other and doc[other - 1].text == ",":
            return self._listed_role(doc, other - 1)  # "twee leerlingen, Lieke Brands en Daan Oukili"
        return doc[other - 1].text if joined and entry and entry.category == "role" and entry.plural else None

    def _listed_role(self, doc: Doc, comma: int) -> str | None:
        """The plural role of a counted or definite group whose members follow it after a comma:
        "twee leerlingen uit 5 havo, Lieke Brands en Daan Oukili" (not "de wethouder, Anna
        Smit": one person's role comes before the name without a comma)."""
        sentence_start = tokens_of(doc).sentence(comma)[0]
        for i in range(comma - 1, max(comma - 6, sentence_start) - 1, -1):
            token = doc[i]
            if token.lower_ in self.lexicon.verbs or not token.text.isalnum():
                return None
            entry = self.lexicon.entry(token.lower_)
            if entry and entry.category == "role" and entry.plural:
                counted = i > sentence_start and (doc[i - 1].like_num or doc[i - 1].lower_ in GROUP_WORDS)
                return token.text if counted else None
        return None

    def _split(self, text: str) -> tuple[str | None, str | None]:
        """An apposition as (role, organisation): role words first, capitalised words after."""
        words = text.split()
        if words[0].lower() in BOTH:
            words = words[1:]
        role_at = next((i for i, w in enumerate(words[:4]) if (e := self.lexicon.entry(w.strip(",").lower()))
                        and e.category == "role"), None)
        if role_at is None:
            # "(beiden van welzijnsorganisatie Stichting X)": the organisation and its type
            words = words[1:] if words and words[0].lower() in ("van", "bij", "namens", "vanuit") else words
            return None, (" ".join(words) if any(w[:1].isupper() for w in words) or self._typed(words) else None)
        if m := ORG_AFTER.search(" " + " ".join(words)):
            return " ".join(words)[:m.start()].strip(" ,") or None, m.group(1)
        tail = words[role_at + 1:]
        caps = next((i for i, w in enumerate(tail) if w[:1].isupper()), None)
        if caps is None:
            return " ".join(words), None
        return " ".join(words[:role_at + 1 + caps]), " ".join(tail[caps:])

    def _typed(self, words: list[str]) -> bool:
        """ "(lid adviesraad sociaal domein)": a type word names an organisation in lower case too,
        when only "lid" or a preposition stands before it; not "(bezoeker voedselbank)", "(woont
        naast het buurthuis)"."""
        for i, word in enumerate(words):
            entry = self.lexicon.entry(word.strip(",").lower())
            if entry and entry.category in ("org", "body"):
                return all(w.lower() in MEMBER_WORDS for w in words[:i])
        return False

    def _share(self, doc: Doc, span: Span, persons: list[Span], role, org) -> None:
        """"A en B (beiden van X)": the apposition also describes A."""
        for other in persons:
            gap = self.text[other.end_char:span.start_char]
            if other.label_ == "PERSON" and gap.strip() in ("en", ",", "&"):
                other._.wsd_role = other._.wsd_role or role
                other._.wsd_organisation = other._.wsd_organisation or org

    def _role_mentions(self, doc: Doc, actors: list[Actor], spans: list[Span]) -> list[Span]:
        """"de wethouder": the one named actor whose role has that head word."""
        heads: dict[str, list[str]] = {}
        for actor in actors:
            for word in (actor.role or "").lower().split():
                if (e := self.lexicon.entry(word)) and e.category == "role":
                    heads.setdefault(word, []).append(actor.id)
        found = []
        taken = {(s.start_char, s.end_char) for s in spans}
        for head, ids in heads.items():
            if len(set(ids)) != 1:
                continue
            # "de wethouder", and in minutes the label "Voorzitter: …" at the start of a line
            for m in re.finditer(rf"\b[Dd]e\s+{re.escape(head)}\b|(?m:^){re.escape(head.capitalize())}(?=[ \t]*:)",
                                 self.text):
                span = doc.char_span(m.start(), m.end(), label="ROLE", alignment_mode="expand")
                if span is not None and (span.start_char, span.end_char) not in taken:
                    span._.wsd_actor = ids[0]
                    found.append(span)
        return found

    def _anonymous(self, doc: Doc, actors: dict[str, Actor], spans: list[Span]) -> list[Span]:
        """ANON, GROUP and POLL mentions, each with a candidate actor.

        An indefinite person ("een vrijwilliger") is a new actor each time (§9.10); a definite
        one ("de jongerenwerker") or a labelled one ("deelnemer C") is one actor for all its
        mentions."""
        found, groups = [], {}
        number = len(actors)
        taken = [(s.start_char, s.end_char) for s in spans]
        # A person a speaker mentions inside a quote is no actor of the meeting (§9.8).
        matches = [(m, "ANON") for m in self.anon.finditer(self.text) if not _quoted(self.text, m.start())]
        matches += [(m, "DEFINITE") for m in self.definite.finditer(self.text)
                    if not _overlaps(m, taken) and not _quoted(self.text, m.start())]
        matches += [(m, "LABELLED") for m in self._labelled() if not _overlaps(m, taken)]
        matches += [(m, "GROUP") for m in self.group.finditer(self.text)]
        matches += [(m, "POLL") for m in self.poll.finditer(self.text)]
        for m, kind in sorted(matches, key=lambda x: x[0].start()):
            label = "ANON" if kind in ("DEFINITE", "LABELLED") else kind
            span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
            if span is None:
                continue
            key = ("definite", m.group(1).lower()) if kind == "DEFINITE" else \
                ("labelled", m.group().lower()) if kind == "LABELLED" else \
                self._group_key(m.group()) if label != "ANON" else None
            if key in groups:
                actor_id = groups[key]
            else:
                number += 1
                actor_id = f"a{number}"
                description = "de deelnemers" if label == "POLL" else m.group()
                actors[actor_id] = Actor(id=actor_id, name=None, description=description, role=None,
                                         organisation=None, kind="individual" if label == "ANON" else "group")
                if key is not None:
                    groups[key] = actor_id
            span._.wsd_actor = actor_id
            found.append(span)
        return found

    def _labelled(self) -> Iterator[re.Match]:
        """The `labelled` persons ("Deelnemer C") in the text."""
        for label in self.label.finditer(self.text):
            word = _WORD_BEFORE.search(self.text, max(0, label.start() - 40), label.start())
            if word and (m := self.labelled.match(self.text, word.start())):
                yield m

    def _group_key(self, text: str) -> str:
        """One actor per group noun; all attendee nouns and polls are one group (§8.4)."""
        word = text.split()[-1].lower()
        entry = self.lexicon.entry(word)
        if entry is None or entry.category == "attendee" or word in self.lexicon.poll_words:
            return "attendees"
        return entry.term


def _overlaps(match: re.Match, spans: list[tuple[int, int]]) -> bool:
    """True when the match overlaps one of the (start, end) ``spans`` (a name already taken)."""
    return any(a < match.end() and match.start() < b for a, b in spans)


def _quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened earlier in its paragraph: a role
    a speaker recounts (“De consulent zei tegen mij …”) is not an actor of the meeting (§9.8)."""
    before = text[text.rfind("\n\n", 0, offset) + 1:offset]
    opened = sum(before.count(m) for m in "“„‘«") - sum(before.count(m) for m in "”’»")
    return opened > 0 or before.count('"') % 2 == 1


def _replace(actor: Actor, **changes) -> Actor:
    """A copy of a frozen actor with some fields changed."""
    return replace(actor, **changes)
