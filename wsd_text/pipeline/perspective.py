"""The perspective each actor speaks from (ANNOTATION.md §1, §8.12, §9.12–16), with evidence.

The first rule that gives an answer decides, and its words go to ``Actor.evidence``:

1. A strong role word of the actor ("lector", "vrijwilliger", "ervaringsdeskundige").
2. An age up to ``max_child_age`` written after the name ("Femke (14)"), §9.12.
3. The actor's own words place them: a role after a copula ("is al jaren vrijwilliger"),
   "als vrijwilliger", "zelf armoede ervaren", caring for a family member (mantelzorg); a
   relative clause after another name in the sentence is that person's ("Ria, die als
   vrijwilliger ..., Jan en Anneke").
4. The organisation's type ("Sociale Dienst", "Humanitas", "Cliëntenraad"); the leftmost
   type word of its name decides. An organisation of unstated type leaves the decision to a
   weak role's own row ("Coördinator X van Fonds Meedoen"), but not to a chair's (§9.15);
   else the actor is ``unknown`` (§8.12).
5. A weak role without an organisation: when "de voorzitter opent/sluit ..." the chair
   chairs the reported meeting and is ``formal``; else it takes the type of a body named in
   its own or the previous sentence, else the report's dominant organisation type (the
   chair or coordinator of the organisation the report is about, §9.15), else its own row
   in ``roles.csv``.
6. Asking the questions in an interview makes an interviewer: ``formal`` (§8.12). An
   adult age after the name of someone with no role and no organisation ("Riet (81) woont
   al veertig jaar in de straat") is how news reports introduce residents and clients, not
   professionals: ``lived_experience``. Someone named without any description belongs to
   the report's dominant group: the council its title names ("Verslag Cliëntenraad ...":
   its members, §9.14), else the organisation type it names most.
7. Anonymous actors and groups take their noun; the attendees take the attendance unit
   ("35 beleidsmedewerkers en professionals" is formal) or are ``mixed`` (§8.4).

Which actors count, and their numbering, is decided after the quotes (`wsd_actors`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Actor
from .lexicon import Lexicon, load_lexicon
from .text import spans_by_actor, tokens_of
from .voice_cues import words_pattern

AGE = re.compile(r"\s*\(\s*(\d{1,2})\s*(?:jaar)?\s*[,)]")  # "(14)", "(58, achternaam bekend)"
MEMBER = re.compile(r"\s*(?:\(\s*lid\s*\)|,\s+lid\s*[,.])")  # "A. de Wolf (lid)": a member, of the dominant body
APPOSITION_START = re.compile(r"\s*(?:\(|,\s+(?:de|het|een|[a-z]+er)\b)")
QUOTED = re.compile(r"\s*[“„\"‘'«]([^”\"’»\n]{1,2000})")
# "als (ervaren) vrijwilliger": the role word right after "als" or after one adjective; not
# "als een hulpverlener", a comparison.
SELF_ROLE = re.compile(r"\b[Aa]ls\s+(?!(?:een|de|het)\b)(\w+)(?:\s+(\w+))?")
AGE_APPOSITION = re.compile(r",?[ \t]+((?:[\w-]+[ \t]+){0,2}[\w-]+)")  # "(45), wethouder van ..."
AGE_ORGANISATION = re.compile(r"[ \t]+(?:van|bij)[ \t]+(?:de[ \t]+|het[ \t]+)?([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})")
SUBJECT_PRONOUNS = frozenset({"hij", "zij", "ze", "haar"})  # "Haar zoon ...": about her too
# "Femke Kok is al tien jaar vrijwilliger bij ...", "werkt als ...": a role after a copula
# that follows the name (or "Hij" opening the next sentence), within a few words; or an
# apposition of what the person is "zelf" ("Coördinator Henk Bos, zelf ook vrijwilliger").
COPULA_ROLE = re.compile(r"(?:[ \t]+(?:is|was|werd|werkt|werkte)|,[ \t]+zelf(?:[ \t]+ook)?)[ \t]+((?:[\w-]+[ \t]+){0,5}[\w-]+)")
LETTERHEAD = 6  # headings at the top of a report that may name the body whose minutes these are
ONE_OF = re.compile(r"(?:een|één)\s+van\s+(?:de|onze|hun)\s")  # "is een van de vrijwilligers"
OTHERS_CLAUSE = re.compile(r",\s+die\b[^,;.]*")  # ", die als vrijwilliger ...": about the name before it
COPULA_SUBJECTS = frozenset({"hij", "zij", "ze"})  # not "Haar zoon is ...", about someone else


@Language.factory("wsd_perspective", assigns=["doc._.wsd_actors"],
                  requires=["doc._.wsd_actors"], default_config={"data_dir": None})
def make_perspective(nlp: Language, name: str, data_dir: str | None) -> "PerspectiveComponent":
    """The perspective of every actor candidate, with its evidence.

    Examples
    --------
    >>> from wsd_text.nlp import build_pipeline
    >>> doc = build_pipeline()("Vrijwilliger Anna de Boer vertelt dat het goed gaat.")
    >>> doc._.wsd_actors[0].perspective, doc._.wsd_actors[0].evidence
    ('informal', 'Vrijwilliger')
    """
    return PerspectiveComponent(load_lexicon(data_dir))


class PerspectiveComponent:
    """Decide the perspective of every actor candidate."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        # someone else named after a person: "haar buurman", "een collega", "Piet Smit"
        self.others = re.compile(words_pattern(lexicon.relations, r"\b(?:haar|zijn|hun|een|de)\s+(?:\w+\s+)?(?:{})\b")
                                 + r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+")
        self.works = re.compile(words_pattern(lexicon.work_verbs, r"[ \t,]+(?:{})\b"))  # after an age: "(38) werkt bij"
        # Whole words only: "vrijwillig" must not be found inside "vrijwilligers".
        self.phrases = {}
        for p in dict.fromkeys([*lexicon.phrases, *lexicon.patterns]):
            alternatives = [rf"\b{re.escape(w)}\b" for w in lexicon.phrases.get(p, ())] + list(lexicon.patterns.get(p, ()))
            if alternatives:
                self.phrases[p] = re.compile("(?i)" + "|".join(f"(?:{a})" for a in alternatives))

    def __call__(self, doc: Doc) -> Doc:
        self.tok = tokens_of(doc)
        self.text = self.tok.text
        mentions = list(doc.spans.get("wsd_mentions", []))
        self.mentions = mentions
        cues = list(doc.spans.get("wsd_speech", []))
        report = doc._.wsd_report
        dominant = self._body_in_title(self._letterhead(report)) or self._dominant(self.text)
        own_of, said_of = spans_by_actor(mentions), spans_by_actor(cues)
        actors = []
        for actor in doc._.wsd_actors or ():
            own, said = own_of.get(actor.id, []), said_of.get(actor.id, [])
            if actor.name is None:
                perspective, evidence = self._anonymous(doc, actor)
            else:
                perspective, evidence = self._named(doc, actor, own, said, dominant)
            actors.append(replace(actor, perspective=perspective, evidence=evidence))
        doc._.wsd_actors = actors
        return doc

    def _named(self, doc: Doc, actor: Actor, own, said, dominant) -> tuple[str, str | None]:
        """Rules 1 to 6 for a named actor."""
        roles = [s._.wsd_role for s in own if s._.wsd_role] + ([actor.role] if actor.role else [])
        weak = None
        for role in roles:
            for word in role.split():
                entry = self.lexicon.entry(word.strip(",()").lower())
                if entry and entry.category == "role" and entry.perspective != "unknown" and not entry.weak:
                    return entry.perspective, word
                if entry and entry.category == "role" and entry.weak:
                    weak = weak or (entry, word)
        ages = [age for span in own if (age := AGE.match(self.text, span.end_char))]
        for age in ages:
            if int(age.group(1)) <= self.lexicon.max_child_age:
                return "child", age.group().strip(" ,")
        if found := self._own_words(doc, own, said):
            return found
        orgs = [s._.wsd_organisation for s in own if s._.wsd_organisation]
        for org in orgs + ([actor.organisation] if actor.organisation else []):
            if found := self._organisation(org):
                return found
        if orgs or actor.organisation:
            # §8.12: an organisation of unstated type decides nothing, nor does the chair of one
            # (§9.15); another weak role word keeps its own row
            if weak and weak[0].term not in self.lexicon.chairs and weak[0].perspective != "unknown":
                return weak[0].perspective, weak[1]
            return "unknown", None
        if weak is not None:
            if weak[0].perspective == "formal" and self._chair_of_meeting(weak[0].term):
                return weak[0].perspective, weak[1]
            if found := self._nearby_organisation(own):
                return found[0], f"{weak[1]}; {found[1]}"  # "De leden van de Wmo-raad ... Voorzitter X"
            if dominant is not None:
                return dominant[0], f"{weak[1]}; {dominant[1]}"
            return weak[0].perspective, weak[1]
        if any(c.label_ == "ask" and any(w in self._sentence(c).lower() for w in self.lexicon.interview_words)
               for c in said):
            return "formal", "interview"
        if ages:
            return self._after_age(ages[0])
        described = any(APPOSITION_START.match(self.text, s.end_char) and not MEMBER.match(self.text, s.end_char)
                        for s in own)
        if dominant is not None and not described:
            # Named without any description, or as "(lid)": one of the meeting's dominant group.
            return dominant[0], dominant[1]
        return "unknown", None

    def _after_age(self, age: re.Match) -> tuple[str, str]:
        """A role or organisation right after the age ("Jan (45), wethouder, ...", "Piet (52)
        van de Voedselbank") decides; else the adult age marks a resident or client (rule 6)."""
        if m := AGE_APPOSITION.match(self.text, age.end()):
            for word in m.group(1).split():
                if entry := self._strong_role(word):
                    return entry.perspective, word
        if (m := AGE_ORGANISATION.match(self.text, age.end())) and (found := self._organisation(m.group(1))):
            return found
        if self.works.match(self.text, age.end()):
            return "unknown", None  # "Sandra (38) werkt bij ...": a job, not a resident's age
        return "lived_experience", age.group().strip(" ,")

    def _own_words(self, doc: Doc, own, said) -> tuple[str, str] | None:
        """Rule 3: "als vrijwilliger", "zelf armoede ervaren" in the actor's sentences."""
        # A dict, not a set: the first text with a phrase decides, so the order must not
        # depend on string hashing (which differs per process).
        for subject, end in self._subjects(own):
            # "X leefde jaren van een uitkering en is nu ervaringsdeskundige": a copula after
            # the name in its own sentence says more than a comparison in a quote ("als een …")
            if m := COPULA_ROLE.search(self.text, subject, end):
                one_of = ONE_OF.match(m.group(1)) is not None
                for word in m.group(1).split():
                    # the singular, also in a compound ("is al jaren taalmaatje"); a plural
                    # names others ("is blij met de vrijwilligers"), unless the actor is one
                    # of them ("is een van de vrijwilligers die ...")
                    entry = self._strong_role(word)
                    if entry and (not entry.plural or one_of):
                        return entry.perspective, word
        texts = dict.fromkeys([self._own_sentence(s) for s in own] + [self._sentence(s) for s in said])
        for span in own:
            # "X ... . Zij zorgt al jaren voor haar man": the next sentence opens with a pronoun
            after = self.tok.sentence(span.start)[1]
            if after < len(self.tok) and self.tok.lower(after) in SUBJECT_PRONOUNS:
                texts.setdefault(self.tok.span_text(*self.tok.sentence(after)))
        for cue in said:
            # the quote that follows the cue's sentence is the speaker's own words too; the
            # sentencizer may keep an opening mark with the sentence, as its last token
            last = self.tok.sentence(cue.start)[1] - 1
            after = self.tok.idx[last] if self.tok.word(last) in "“„\"‘'«" else self.tok.end[last]
            if m := QUOTED.match(self.text, after):
                texts.setdefault(m.group(1))
        for original in texts:
            for perspective, pattern in self.phrases.items():
                if m := pattern.search(original):
                    return perspective, m.group()
            for m in SELF_ROLE.finditer(original):
                for word in filter(None, m.groups()):
                    if entry := self._strong_role(word):
                        return entry.perspective, original[m.start():m.end(m.groups().index(word) + 1)]
        return None

    def _own_sentence(self, span: Span) -> str:
        """The sentence of a mention without the relative clauses that describe someone else
        in it ("Aan tafel zaten Ria, die als vrijwilliger de Buurtkamer draait, Jan en Anneke":
        Jan and Anneke are no volunteers)."""
        start, end = self.tok.sentence(span.start)
        first, last = self.tok.idx[start], self.tok.end[end - 1]
        text = self.text[first:last]
        for other in self.mentions:
            if first <= other.start_char < last and other._.wsd_actor != span._.wsd_actor \
                    and (clause := OTHERS_CLAUSE.match(self.text, other.end_char, last)):
                a, b = clause.start() - first, clause.end() - first
                text = text[:a] + " " * (b - a) + text[b:]
        return text

    def _subjects(self, own):
        """(end of the subject, end of its sentence) for each mention of the actor, and for a
        "Hij"/"Zij" opening the sentence after it ("Daarna nam X het woord. Hij is ..."), unless
        that sentence names someone else after X ("X stelde haar buurman voor. Hij is ...")."""
        for span in own:
            _, after = self.tok.sentence(span.start)
            yield span.end_char, self.tok.end[after - 1]
            if after < len(self.tok) and self.tok.lower(after) in COPULA_SUBJECTS \
                    and not self.others.search(self.text, span.end_char, self.tok.end[after - 1]):
                yield self.tok.end[after], self.tok.end[self.tok.sentence(after)[1] - 1]

    def _nearby_organisation(self, own) -> tuple[str, str] | None:
        """The type of an organisation or body named in the sentence of the actor's first
        mention or the sentence before it: whose chair or coordinator a weak role is."""
        if not own:
            return None
        start, end = self.tok.sentence(min(s.start for s in own))
        before = self.tok.sentence(start - 1)[0] if start > 0 else start
        for word in re.findall(r"[^\W\d_][\w-]*", self.tok.span_text(before, end)):
            entry = self.lexicon.entry(word.lower())
            if entry and entry.category in ("org", "body") and entry.perspective not in ("unknown", "mixed"):
                return entry.perspective, word
        return None

    def _chair_of_meeting(self, role: str) -> bool:
        """ "De voorzitter opent de vergadering": the role chairs the reported meeting (§9.15)."""
        verbs = "|".join(map(re.escape, self.lexicon.chair_verbs))
        return bool(verbs) and re.search(rf"(?i)\bde {re.escape(role)} (?:{verbs})\b", self.text) is not None

    def _strong_role(self, word: str):
        """The lexicon entry of a role word that decides a perspective on its own, or None."""
        entry = self.lexicon.entry(word.lower())
        if entry and entry.category == "role" and not entry.weak and entry.perspective != "unknown":
            return entry
        return None

    def _sentence(self, span: Span) -> str:
        """``span.sent.text``."""
        return self.tok.span_text(*self.tok.sentence(span.start))

    def _organisation(self, org: str) -> tuple[str, str] | None:
        """Rule 4: the type of an organisation, from its name's words.

        The leftmost type word decides, as Dutch names put the type first ("diaconie
        Protestantse Gemeente X" is a diaconie); at each word the longest phrase is tried
        first ("Sociale Dienst X")."""
        words = org.lower().split()
        # Organisation types first; a role word names one too ("Vereniging van Ervaringsdeskundigen").
        for categories in (("org", "body"), ("role",)):
            for i in range(len(words)):
                for size in range(len(words) - i, 0, -1):
                    entry = self.lexicon.entry(" ".join(words[i:i + size]).strip(",.()"))
                    if entry and entry.category in categories and entry.perspective not in ("unknown", "mixed") \
                            and not entry.weak:
                        return entry.perspective, org
        return None

    def _letterhead(self, report) -> str:
        """The title and the headings above the first body paragraph that are the name of a
        body ("Verslag werkgroep Armoede" / "Adviesraad Sociaal Domein Brederwolde"): where
        minutes name their council; not "Op uitnodiging van de Cliëntenraad"."""
        if report is None:
            return ""
        lines = [report.title or ""]
        for paragraph in report.paragraphs[:LETTERHEAD]:
            if paragraph.kind != "heading":
                break
            heading = report.text[paragraph.start:paragraph.end]
            if heading != report.title and self.lexicon.names_organisation(heading):
                lines.append(heading)
        return "\n".join(lines)

    def _body_in_title(self, title: str | None) -> tuple[str, str] | None:
        """Rule 5: the council a report's title names ("Verslag vergadering Cliëntenraad
        Dorpveen"): the undescribed people in its minutes are its members (§9.14)."""
        for word in re.findall(r"[\w-]{4,}", title or ""):
            entry = self.lexicon.entry(word.lower())
            if entry and entry.category == "body" and entry.perspective not in ("unknown", "mixed"):
                return entry.perspective, word
        return None

    def _dominant(self, text: str) -> tuple[str, str] | None:
        """Rule 5: the role and organisation type the report names most, when one leads
        clearly (at least twice, and more than one and a half times as often as the next)."""
        counts: Counter = Counter()
        for word in re.findall(r"[A-Za-zÀ-ÿ-]{4,}", text):
            entry = self.lexicon.entry(word.lower())
            if entry and entry.category in ("org", "role", "person") and entry.perspective not in ("unknown", "mixed") \
                    and not entry.weak:
                counts[(entry.perspective, entry.term)] += 1
        per: Counter = Counter()
        for (perspective, _), n in counts.items():
            per[perspective] += n
        if not per:
            return None
        (best, n), *rest = per.most_common()
        if n < 2 or rest and rest[0][1] * 3 >= n * 2:
            return None
        term = max((t for (p, t) in counts if p == best), key=lambda t: counts[(best, t)])
        return best, term

    def _anonymous(self, doc: Doc, actor: Actor) -> tuple[str, str | None]:
        """Rule 7: the noun of an anonymous actor or group."""
        words = (actor.description or "").lower().split()
        entry = next((e for w in reversed(words) if (e := self.lexicon.entry(w))), None)
        if entry is not None and entry.category != "attendee":
            return entry.perspective, entry.term
        if actor.kind == "individual":
            return "unknown", None
        report = doc._.wsd_report
        attendance = report.metadata.attendance if report is not None else None
        if attendance is not None:
            found = {e.perspective for w in re.split(r"\W+", attendance.unit.lower())
                     if (e := self.lexicon.entry(w)) and e.perspective not in ("unknown", "mixed")}
            if len(found) == 1:
                return found.pop(), attendance.unit
        return "mixed", None
