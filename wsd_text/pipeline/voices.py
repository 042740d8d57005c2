"""Voices and missing voices per perspective (ANNOTATION.md §4, §8.14–8.18): ``wsd_voices``.

Status, the first that holds (§4):

1. ``voiced``: an actor of the perspective speaks (``doc._.wsd_actors``); a ``mixed``
   group makes no perspective voiced (§8.4).
2. ``present``: a non-speaking actor of the perspective takes part, or a sentence names
   its people in the same clause as an attendance phrase ("verzamelden zich buurtbewoners
   en wijkagenten"), or says there were too few of them ("slechts twee bewoners uit de
   flat"). A clause about the future, a wish or practice in
   general ("zijn welkom bij de volgende bijeenkomst", "ontbreken vaak") is not this
   meeting (§8.14, §8.15).
3. ``mentioned``: a term of the perspective occurs anywhere else (target groups, a film,
   boilerplate, someone speaking on their behalf, §8.14).
4. ``absent``.

``flagged_missing`` comes from missing-phrases ("ontbraken", "bleek klein", "aan dezelfde
tafel nodig") in the same clauses as the perspective's terms, each main clause on its own
("vrijwilligers waren er, maar ouders ontbraken"); a phrase whose clause names nobody but
holds a pronoun ("Die hadden we uitgenodigd, maar ze waren er niet") flags the one
perspective named earlier in the sentence, else the one the sentence before names. The first body sentence that flags a perspective is
its ``evidence`` (§8.17). A term that names only a part of a perspective
("huisartsen", "de woningcorporatie") flags nothing: it goes to ``missing_named`` with the
other voices named as missing, which leaves out the four perspectives (§8.15, §8.16); two or
more parts named missing together flag their side when none of it took part ("Van de
gemeente, het wijkteam en de huisartsenpraktijk was niemand gekomen"). All
words and phrases are in ``data/nl/voice_cues.yaml``; the clause rule (`clauses.Clauses`)
is this module's own heuristic, so that an attendance phrase about volunteers does not make
the residents they help present.
"""
from __future__ import annotations

import bisect
import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..codebook import CueMatcher, Hit
from ..records import PERSPECTIVES, Voice
from .clauses import WORDY, Clauses
from .extensions import register_extensions
from .text import doc_text
from .themes import Sentence, doc_sentences
from .voice_cues import CUES_FILE, MISSING_KINDS, NEVER, compile_cue, load_voice_cues, words_pattern

_LIST_SPLIT = re.compile(r",\s*|\s+(?:en|of|and)\s+")
# a person's name (two capitalised words) and "van de" before an organisation: whose it is
_PERSON_BEFORE = re.compile(r"[A-Z][\w'’.-]+\s+(?:(?:van|de|der|den|el|al|ter|ten)\s+)*[A-Z][\w'’-]+\s+(?:van|namens|bij)\s+(?:de|het)\s+$")
# a first name and a surname right after a role word: "Ervaringsdeskundige Linda (de) Wit"
_PERSON_AFTER = re.compile(r"\s+[A-Z][a-zà-ÿ]+\s+(?:(?:van|de|der|den|ter|ten|het|in|op)\s+)*[A-Z]")


class VoiceFinder:
    """Sets ``doc._.wsd_voices`` and ``doc._.wsd_missing_named``.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("wsd_voices")
    >>> nlp("Op de avond waren twaalf vrijwilligers aanwezig. Het ging over kinderen.")._.wsd_voices["informal"].status
    'present'
    """

    def __init__(self, cues: dict, source: str = CUES_FILE):
        self.terms = CueMatcher(cues["terms"])
        self.parts = frozenset(w.lower() for w in cues.get("parts") or ())
        self.staff = frozenset(w.lower() for w in cues.get("staff") or ())
        self.skip_names = frozenset(cues.get("skip_names") or ())
        meeting = words_pattern(cues.get("meeting"), r"\w*(?:{})\b")
        self.meeting = re.compile(rf"\b{meeting}") if cues.get("meeting") else None
        self.clause_breaks = compile_cue(cues["clause_breaks"], source)
        self.coordinators = compile_cue(cues.get("coordinators") or NEVER, source)
        # where a main clause starts: a coordinator or ";" (not the subordinating clause breaks)
        self.main_breaks = compile_cue(f"(?:{cues.get('coordinators') or NEVER})|;", source)
        self.months = [m.lower() for m in cues.get("months") or ()]
        self.dated_month = cues.get("dated_month") or NEVER
        self.dated_year = cues.get("dated_year") or NEVER
        self.seasons = {s.lower(): set(months) for s, months in (cues.get("seasons") or {}).items()}
        self.dated_season = cues.get("dated_season") or NEVER
        for pattern in (self.dated_month.replace("{months}", "|".join(self.months)), self.dated_year.replace("{year}", "2000"),
                        self.dated_season.replace("{seasons}", "|".join(self.seasons) or NEVER)):
            compile_cue(pattern, source)  # a broken one fails here, not on the first report
        self.relative_starts = compile_cue(cues.get("relative_starts") or NEVER, source)
        self.listed_starts = compile_cue(cues.get("listed_starts") or NEVER, source)
        self.pronouns = compile_cue(words_pattern(cues.get("pronouns"), r"\b(?:{})\b"), source)
        self.plural_nouns = compile_cue(cues.get("plural_nouns") or NEVER, source)
        self.addressed = compile_cue(words_pattern(cues.get("addressed"), r"\b(?:{})\b"), source)
        self.attendees = compile_cue(words_pattern(cues.get("attendees"), r"\b(?:{})$"), source)
        self.topics = compile_cue(words_pattern(cues.get("topics"), r"\b(?:{})\s*$"), source)
        self.not_now = compile_cue(words_pattern(cues.get("not_now"), r"\b(?:{})\b"), source)
        self.earlier = compile_cue(cues.get("earlier") or NEVER, source)
        self.now = compile_cue(words_pattern(cues.get("now"), r"\b(?:{})\b"), source)
        self.then = compile_cue(words_pattern(cues.get("then"), r"\s*(?:{})\b"), source)
        self.asking = compile_cue(words_pattern(cues.get("asking"), r"\s*(?:{})\b"), source)
        self.past_modals = compile_cue(cues.get("past_modals") or NEVER, source)
        self.chosen = compile_cue(cues.get("chosen") or NEVER, source)
        self.chosen_after = compile_cue(cues.get("chosen_after") or NEVER, source)
        self.consequence = compile_cue(words_pattern(cues.get("consequence"), r"\b(?:{})\b"), source)
        self.beside = compile_cue(cues.get("beside") or NEVER, source)
        # in the film, or the film in which (not "na de film": after it, at the meeting)
        self.media = compile_cue(words_pattern(cues.get("media"), r"\bin\s+(?:de|het|een|die|dat|deze)\s+(?:\w+\s+)?(?:{0})\b|\b(?:{0})\b[^.!?]*?\bwaarin\b"), source)
        self.wishing = compile_cue(words_pattern(cues.get("wishing"), r"\b(?:{})\b"), source)
        self.fillers = compile_cue(words_pattern(cues.get("name_fillers"), r"^(?:(?:{})\s+)+"), source)
        self.attendance = [("attend", compile_cue(p, source, meeting)) for p in cues["attendance"]]
        self.missing = [(m["kind"], compile_cue(m["pattern"], source, meeting)) for m in cues["missing"]]
        self.named = [compile_cue(p, source, meeting) for p in cues.get("named") or ()]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        low = _lower(text)
        sentences = doc_sentences(doc)
        starts = [s.start for s in sentences]
        terms = self._terms(text, sentences)
        flags_at = _scan(low, self.missing, sentences, starts)
        attending_at = _scan(low, self.attendance, sentences, starts)
        other_times = self._other_times(doc._.wsd_report)
        present, mentioned, flags, by_parts = {}, {}, {}, {}
        for index in sorted(terms.keys() | flags_at.keys()):
            sentence, per = sentences[index], terms.get(index, {})
            there, flagged, parts = self._judge(text, low, sentence, per, flags_at.get(index, ()),
                                                attending_at.get(index, ()), terms.get(index - 1), other_times,
                                                sentences[index - 1] if index else None)
            for p in there:
                present.setdefault(p, sentence.text)
            for p in flagged:
                flags.setdefault(p, []).append(sentence)
            for p in parts:
                by_parts.setdefault(p, []).append(sentence)
            for p in per:
                mentioned.setdefault(p, sentence.text)
        voiced, taking_part = self._from_actors(doc, text, low, sentences, starts)
        present = {**taking_part, **present}
        # Several parts of a side that all stayed away are the side itself, when none of it took part.
        for p, found in by_parts.items():
            if p not in voiced and p not in present:
                flags.setdefault(p, []).extend(found)
        doc._.wsd_voices = {p: _voice(p, voiced, present, mentioned, flags.get(p, [])) for p in PERSPECTIVES}
        doc._.wsd_missing_named = self._missing_named(text, low, [sentences[i] for i in sorted(flags_at)])
        return doc

    def _terms(self, text: str, sentences: list[Sentence]) -> dict[int, dict[str, list[Hit]]]:
        """Perspective terms per sentence, without names where the data file says so."""
        result = {}
        for index, per in self.terms.by_sentence(text, [s.start for s in sentences]).items():
            if index < 0:
                continue
            per = _most_specific(per)
            # each hit on its own: "het Huis van het Kind" names no child, "kinderen" later on does
            kept = {p: [h for h in hits if p not in self.skip_names or not _in_name(text, sentences[index], h.start)]
                    for p, hits in per.items()}
            kept = {p: hits for p, hits in kept.items() if hits}
            if kept:
                result[index] = kept
        return result

    def _other_times(self, report) -> re.Pattern | None:
        """A clause dated in another month, season or year than the meeting ("in oktober" or "in
        het voorjaar" in the report of a December meeting, "in 2021") speaks of another time
        (`dated_month`, `dated_season`, `dated_year`). Without an event date the publication
        date stands in, its month and the one before ("in mei" in a report published in
        October); None when the report has neither."""
        meta = report.metadata if report is not None else None
        date = meta and (meta.event_date or meta.published_date)
        if not date:
            return None
        now = {int(date[5:7])} if meta.event_date else {int(date[5:7]), (int(date[5:7]) - 2) % 12 + 1}
        others = [m for number, m in enumerate(self.months, 1) if number not in now]
        months = self.dated_month.replace("{months}", "|".join(others)) if others else NEVER
        seasons = [s for s, held in self.seasons.items() if not now & held]
        seasons = self.dated_season.replace("{seasons}", "|".join(seasons)) if seasons else NEVER
        return re.compile(f"{months}|{seasons}|{self.dated_year.replace('{year}', date[:4])}")  # cached by re

    def _judge(self, text: str, low: str, sentence: Sentence, per: dict, flag_spans, attend_spans,
               before: dict | None = None, other_times: re.Pattern | None = None,
               previous: Sentence | None = None):
        """Perspectives one sentence makes present, those it flags as missing, and those it names
        as missing by their parts alone (`_by_parts`); ``before``: the terms of the sentence
        before, for a pronoun that stands for them; ``previous``: that sentence, where a choice
        may stand that a clause of consequence follows from (`_not_now`)."""
        if not flag_spans and not attend_spans:
            return set(), set(), set()  # most sentences: only mentions, no clauses to measure
        clauses = Clauses.split(low, sentence, self.clause_breaks, self.relative_starts, self.listed_starts)
        # A flag belongs to its own main clause: "vrijwilligers waren er, maar ouders ontbraken".
        main = clauses.joined(self.coordinators, self.clause_breaks)
        # Only a whole perspective is flagged: a part ("huisartsen") goes to missing_named (§8.15);
        # the others in the room ("mager vertegenwoordigd tussen de vele beroepskrachten") and whose
        # people they are ("ouders van jongeren") are not who was missing.
        whose = _modifiers(low, per)
        heads = {p: [h for h in hits if h.start not in whose] for p, hits in per.items()}
        whole = {p: [h for h in self._whole(text, hits) if not self.beside.search(low, max(0, h.start - _LOOKBACK), h.start)]
                 for p, hits in heads.items()}
        invitation = self.addressed.search(low, sentence.start, sentence.end) is not None
        question = _asks(sentence)
        asks = question and self.asking.match(low, sentence.start) is not None  # "Waren ze er niet bij?"
        now = [(kind, span) for kind, span in flag_spans  # a wish is never now; an invitation no wish
               if (kind == "wanted" and not invitation)
               or (kind != "wanted" and not asks and not self._not_now(main, span, other_times, previous))]
        flagged = {p for kind, span in now for p in self._flagged(whole, heads, main, kind, span)}
        flagged |= self._by_pronoun(text, per, main, now, before)
        by_kind = {kind: set() for kind in MISSING_KINDS}
        for kind, span in now:
            by_kind[kind] |= self._named_in(per, main, span)
        # a question ("Waren er ook ouders bij?") asks who came; it says nobody did (not the
        # question after a colon: "Vijftig deelnemers bogen zich over één vraag: hoe ...?")
        asked_from = low.rfind(":", sentence.start, sentence.end) + 1 - sentence.start if question else len(sentence.text)
        attending = {p for _, span in attend_spans if span[0] < asked_from and not self._not_now(main, span, other_times, previous)
                     for p in self._named_in(heads, clauses, span)}
        parts = {p for kind, span in now if kind == "none" for p in self._by_parts(text, per, heads, main, span)}
        return by_kind["few"] | (attending - by_kind["none"]), flagged, parts - flagged

    def _flagged(self, whole: dict, heads: dict, main: Clauses, kind: str, span: tuple) -> set[str]:
        """The perspectives one missing-phrase flags in its main clause; for a wish, not the one
        who wishes ("De jongerenraad wil volgende keer ouders uitnodigen"), unless a pronoun
        after the verb is who wishes and the people before it are what is wished ("Ouders willen
        we de volgende keer uitnodigen"). ``heads``: all the terms (parts too) for `_missing`."""
        wish = self.wishing.search(main.low, *main.stretch(span)) if kind == "wanted" else None
        if wish and wish.start() <= main.sentence.start + span[0] and not _INVERTED.match(main.low, wish.end()):
            whole, heads = ({p: [h for h in hits if h.start > wish.start()] for p, hits in terms.items()}
                            for terms in (whole, heads))
        return self._missing(whole, main, span, heads)

    def _by_parts(self, text: str, per: dict, heads: dict, main: Clauses, span: tuple) -> set[str]:
        """The perspectives a missing-phrase names by two or more of their `parts` and nothing
        else ("Van de gemeente, het wijkteam en de huisartsenpraktijk was niemand gekomen"):
        the whole side when none of it took part (§8.15; one part, "de wethouder", stays a
        part). ``heads``: the terms without those that only say whose ("een beleidsmedewerker
        van de gemeente" is one part, `_modifiers`)."""
        start, end = main.stretch(span)
        found = set()
        for p in self._missing(per, main, span):
            named = [h for h in per[p] if start <= h.start < end]
            parts = [h for h in heads[p] if start <= h.start < end]
            if len(parts) >= 2 and not self._whole(text, named):
                found.add(p)
        return found

    def _named_in(self, per: dict, clauses: Clauses, span: tuple) -> set[str]:
        """The perspectives an attendance or missing-phrase names in its clauses, or around an
        insertion before it ("Ook vrijwilligers van de buurtvaders, die 's avonds door de wijk
        lopen, waren aanwezig"), with a list after a colon or "onder wie"."""
        start = clauses.sentence.start
        if insertion := _insertion(clauses, span):
            return self._around(per, clauses, span, insertion)
        # a group ("veertien deelnemers") is listed after its colon; "veertien vragen: ..." is not
        # people, nor a question or topic after its colon ("praatten over één vraag: waarom ...")
        if span[2]:
            listed = self.attendees.search(clauses.low, start + span[0], start + span[1])
        else:
            colon = clauses.low.find(":", start + span[1], clauses.sentence.end)
            listed = colon < 0 or not self.topics.search(clauses.low, start + span[1], colon)
        return clauses.people(per, span, described=clauses.listed if listed else frozenset())

    def _missing(self, whole: dict, main: Clauses, span: tuple, named: dict | None = None) -> set[str]:
        """The perspectives a missing-phrase names in its clauses; when they name nobody (not
        even a part of a perspective in ``named``: "Iemand van de VDAB werd gemist: de dienst
        had een medewerker toegezegd"), the clauses right after that say who: a relative
        clause or a list after a colon ("Er waren weinig mensen die zelf schulden hebben",
        "Eén stem ontbrak: die van de leerlingen")."""
        if insertion := _insertion(main, span):
            return self._around(whole, main, span, insertion)
        passed = _passed(main, span)
        found = main.people(whole, span, passed)
        if found or (named is not None and main.people(named, span, passed)):
            return found
        return main.people(whole, span, passed, described=main.relative | main.listed)

    @staticmethod
    def _around(whole: dict, main: Clauses, span: tuple, insertion: re.Match) -> set[str]:
        """The perspectives a missing-phrase names around an insertion between commas before
        it ("Ook werkgevers, bij wie veel mantelzorgers aanlopen, waren niet vertegenwoordigd"):
        the insertion describes who is missing and is not them; they are named after it in
        the phrase's clauses, or else before it, as the subject the insertion interrupts."""
        offset, opening, closing = main.sentence.start, insertion.start(1), insertion.end(1)
        # an insertion may be the end of a relative clause with commas of its own ("Jonge
        # mantelzorgers, die voor een ouder, broertje of zus zorgen, waren er niet"): its subject
        # stands before the relative clause
        first = main.reach((opening - offset, opening - offset + 1, False), main.relative)[0] + offset
        last = main.stretch(span)[1]
        def named(start: int, end: int) -> set[str]:
            return {p for p, hits in whole.items()
                    if any(start <= h.start < end and not _PREPOSITION.search(main.low, start, h.start) for h in hits)}
        # after the closing comma: "…, waren ook ouders aanwezig" (not "met de jongeren", an object)
        return named(closing, last) or named(first, opening)

    def _by_pronoun(self, text: str, per: dict, main: Clauses, now: list, before: dict | None) -> set[str]:
        """The perspective a pronoun in the clause of a missing-phrase stands for, when the
        clause names nobody itself ("Ouders die krap zitten. Die hadden we uitgenodigd, maar
        ze waren er niet"); see `_antecedent`. Not in a wish, where the pronoun is mostly who
        wishes ("Zij mist de corporatie aan tafel")."""
        for kind, span in now:
            if kind == "wanted" or main.people(per, span):
                continue
            pronoun = self._pronoun_group(main, span) if span[2] else next(self._pronouns(main, span), None)
            found = pronoun is not None and self._antecedent(text, main, per, main.reach(span)[0], pronoun, before)
            if found:
                return found
        return set()

    def _pronoun_group(self, main: Clauses, span: tuple) -> int | None:
        """The offset of a pattern's `people` group when it is a pronoun ("er kwam niemand van
        hen"); a group of other words names who is missing itself."""
        start, end = main.sentence.start + span[0], main.sentence.start + span[1]
        return start if self.pronouns.fullmatch(main.low, start, end) else None

    def _pronouns(self, main: Clauses, span: tuple):
        """Offsets of the pronouns in the clauses of ``span``, not counting a relative "die"
        that opens a clause inside the sentence ("kinderen die niet mee kunnen doen") nor an
        object after a preposition ("over mensen gepraat, niet met ze": who is talked with;
        "niemand van hen" and "hun vrije tijd" do stand for who is missing), nor a determiner
        ("Die instanties waren niet uitgenodigd")."""
        for m in self.pronouns.finditer(main.low, *main.stretch(span)):
            offset = m.start() - main.sentence.start
            if not (offset and offset in main.relative) and not _OBJECT.search(main.low, max(0, m.start() - _LOOKBACK), m.end()) \
                    and not _DETERMINER.match(main.low, m.start()):
                yield m.start()

    def _antecedent(self, text: str, main: Clauses, per: dict, clause: int, pronoun: int,
                    before: dict | None) -> set[str]:
        """The one perspective named earlier in the sentence (before its offset ``clause``);
        if none is, the one the sentence before names, unless a plural noun stands before
        the pronoun (offset in the text) for it to point at. Empty when it is not one. Of
        several, the one not named after a preposition ("De vrijwilligers van de zelforganisaties
        van nieuwkomers oefenen met nieuwkomers. Zij waren er niet bij."). A sentence that opens
        with a pronoun goes on about the people of the sentence before ("Zij zijn de eersten bij
        wie nieuwkomers aankloppen, maar deze keer zaten ze er niet bij"): people named in a
        relative clause only describe someone, and a plural noun there ("de eersten") is the
        pronoun's own."""
        def whole(terms: dict, until: int, heads: bool = False) -> set[str]:
            return {p for p, hits in terms.items() if any(
                h.start < until and not (heads and _PREPOSITION.search(main.low, max(0, h.start - _LOOKBACK), h.start))
                and not (terms is per and main.in_relative(h.start)) for h in self._whole(text, hits))}
        start = main.sentence.start
        earlier = whole(per, start + clause)
        earlier = whole(per, start + clause, heads=True) if len(earlier) > 1 else earlier
        chained = self.pronouns.match(main.low, start) is not None
        if not earlier and before and (chained or not self.plural_nouns.search(main.low, start, pronoun)):
            earlier = whole(before, start)
            earlier = whole(before, start, heads=True) if len(earlier) > 1 else earlier
        return earlier if len(earlier) == 1 else set()

    def _not_now(self, clauses: Clauses, span: tuple, other_times: re.Pattern | None = None,
                 previous: Sentence | None = None) -> bool:
        """True when the clauses of ``span`` speak of the future, a wish or general practice
        (a modal in the perfect tense, "heeft niet kunnen komen", is past); or when their main
        clause speaks of people left out by choice (`chosen`; with a word of `consequence`, from
        the sentence before, ``previous``; after it, `chosen_after`), or dates them at an earlier time
        (`earlier`) or in another month or year (`_other_times`), or open with a word (`then`:
        "Toen") for the time of ``previous`` when that sentence is dated so, and they do not name this
        meeting's time themselves (`now`: "vanavond", which also outweighs a future or general
        word elsewhere in the clauses: "Omdat ouders vandaag ontbraken, nodigt de raad hen de
        volgende keer uit")."""
        start, end = clauses.stretch(span)
        low = clauses.low
        dated = self._main_start(clauses, span)
        chosen_from = dated
        if self.consequence.search(low, start, end):
            chosen_from = previous.start if previous is not None else clauses.sentence.start
        if self.chosen.search(low, chosen_from, end) or self.chosen_after.search(low, end, clauses.sentence.end):
            return True  # "…, en dat was een bewuste keuze": `chosen_after`
        if self.now.search(low, start, end):
            return False
        if self.media.search(low, start, end):
            return True  # "In de film waren geen jongeren te zien": on screen, not in the room
        if self._earlier(low, dated, end, other_times):
            return True
        if previous is not None and self.then.match(low, clauses.sentence.start) \
                and self._earlier(low, previous.start, previous.end, other_times):
            return True  # "Vorig jaar was dat anders. Toen ontbraken de jongeren nog."
        # a relative clause inserted before the verb describes the people ("die vaak als eersten
        # ... komen"): its habits are not the meeting's (a time in an insertion, ", vorig jaar,", is)
        insertion = _insertion(clauses, span)
        if insertion and _RELATIVE_START.match(low, insertion.start(1)):
            start = max(start, insertion.end(1))
        elif start - clauses.sentence.start in clauses.relative \
                and (comma := low.rfind(",", start, clauses.sentence.start + span[0])) > 0:
            start = comma  # "de mensen die zelf niet mee kunnen, waren niet in het webinar te zien"
        past = {m.start("modal") for m in self.past_modals.finditer(low, start, end) if "modal" in m.re.groupindex}
        return any(m.start() not in past for m in self.not_now.finditer(low, start, end))

    def _earlier(self, low: str, start: int, end: int, other_times: re.Pattern | None) -> bool:
        """True when ``low[start:end]`` dates itself at an earlier time or meeting (`earlier`) or
        in another month or year than the meeting (`_other_times`)."""
        return any(p is not None and p.search(low, start, end) for p in (other_times, self.earlier))

    def _main_start(self, clauses: Clauses, span: tuple) -> int:
        """Where the main clause that holds or introduces the clause of ``span`` starts: after
        the last coordinator or ";" before it, else at the sentence's start."""
        start = clauses.sentence.start
        for m in self.main_breaks.finditer(clauses.low, start, start + span[0]):
            start = m.end()
        return start

    def _from_actors(self, doc: Doc, text: str, low: str, sentences: list[Sentence], starts: list[int]):
        """Perspectives with a speaking actor, and those with an actor who only takes part."""
        voiced, taking_part = {}, {}
        for actor in doc._.wsd_actors or ():
            if actor.perspective not in PERSPECTIVES:
                continue
            where = _sentence_at(sentences, starts, actor.mentions[0][0]) if actor.mentions else None
            if where and (self._named_after(text, where, actor) or self._on_screen(low, where, actor)):
                continue
            evidence = where.text if where else actor.label()
            (voiced if actor.speaks else taking_part).setdefault(actor.perspective, evidence)
        return voiced, taking_part

    def _on_screen(self, low: str, sentence: Sentence, actor) -> bool:
        """True when an actor is first named in a `media` item of its sentence ("de film 'Een
        lege brooddoos', waarin drie kinderen vertellen ...", "in het filmpje zegt een jongen"):
        people in a film were not at the meeting, only talked about (§8.14)."""
        return self.media.search(low, sentence.start, actor.mentions[0][0]) is not None

    def _named_after(self, text: str, sentence: Sentence, actor) -> bool:
        """True when an actor's perspective rests on a word inside a name ("Stichting Jongeren
        Op Koers"): a name is not a mention (§8.18), so neither is the actor taken from it."""
        if actor.perspective not in self.skip_names or not actor.evidence:
            return False
        at = text.find(actor.evidence, sentence.start, sentence.end)
        return at >= 0 and _in_name(text, sentence, at)

    def _missing_named(self, text: str, low: str, flagged: list[Sentence]) -> list[str]:
        """Other voices named as missing in the sentences with a missing-phrase, as written,
        in text order, once each (§8.16)."""
        found = []
        for pattern, sentence in itertools.product(self.named, flagged):
            for m in _word_matches(pattern, low, sentence.start, sentence.end):
                group = "names" if m.groupdict().get("names") else "name"
                written = text[m.start(group):m.end(group)]
                items = _LIST_SPLIT.split(written) if group == "names" else [written]
                found += [(m.start(group), i, name) for i, name in enumerate(map(self._clean_name, items))]
        names: list[str] = []
        for _, _, name in sorted(found):
            # "We willen hen bij een volgende bijeenkomst uitnodigen": a meeting is no voice
            meeting = self.meeting is not None and self.meeting.search(name.lower())
            clause = self.clause_breaks.match(name.lower())  # "terwijl zij …": a clause, no voice
            if name and name not in names and not meeting and not clause and not self._names_perspective(name):
                names.append(name)
        return names

    def _names_perspective(self, name: str) -> bool:
        """True when a name holds a term of a whole perspective (not just one of its parts)."""
        return bool(self._whole(name, self.terms.find(name)))

    def _whole(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The hits that name a whole perspective, not one of its `parts` ("huisartsen"), the
        `staff` of one organisation ("een medewerker van de jongerenschuldhulp") nor the role of
        one named person ("Ervaringsdeskundige Linda de Wit had zich afgemeld", "Mevrouw El Amrani
        van de buurtvereniging kon er niet bij zijn")."""
        return [h for h in hits if (word := text[h.start:h.end].lower()) not in self.parts
                and not (word in self.staff and _names_whose(text, h.end)) and not _PERSON_AFTER.match(text, h.end)
                and not _PERSON_BEFORE.search(text, max(0, h.start - _LOOKBACK), h.start)]

    def _clean_name(self, item: str) -> str:
        """A missing voice as written, without leading fillers ("ook de") and punctuation."""
        name = " ".join(item.strip(" .,;:!?)(").split())
        fillers = self.fillers.match(_lower(name) + " ")
        return name[fillers.end():] if fillers else name


_FINITE = "was|waren|zat|zaten|bleef|bleven|kwam|kwamen|ontbrak|ontbraken|moest|moesten|kon|konden|had|hadden|heb|stond|stonden"
_MAIN_VERB = re.compile(rf"\b(?:{_FINITE})\b")
# "die"/"deze" before a noun and its verb ("Die instanties waren ..."), not before a verb ("Die lieten
# het afweten", "Die hadden we uitgenodigd")
_DETERMINER = re.compile(rf"(?:die|deze)\s+[a-zà-ÿ]+\s+(?:{_FINITE}|zijn|is|werd|werden|hebben|heeft)\b")
# an insertion between commas that ends where a match begins, or before the finite verb and a
# few words ("…, waren deze avond niet vertegenwoordigd"), or one other word
_INSERTION = re.compile(rf"(,[^,.;:]*,)\s*(?:(?:{_FINITE}|is|zijn|werd|werden)\s+(?:\w+\s+){{0,3}}|\w+\s+)?$")
_RELATIVE_START = re.compile(r",\s*(?:\w+\s+)?(?:die|dat|wie|waar\w*)\b")  # ", die …", ", bij wie …"
_OF = re.compile(r"\s+(?:van|bij)\s+(?:de\s+|het\s+)?")  # "medewerker van de gemeente": one part
# a word that makes the people after it an object, not who attends or is missing ("met de jongeren")
_PREPOSITIONS = "met|bij|over|voor|van|aan|naar|tegen|zonder|om|door|via"
_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS})\s+(?:\w+\s+){{0,2}}$")
# a pronoun that is a preposition's object ("niet met ze"); not after "van": "niemand van hen"
# is who is missing
_OBJECT = re.compile(rf"\b(?:{_PREPOSITIONS.replace('van|', '')})\s+(?:ze|hen)$")
_INVERTED = re.compile(r"\s+(?:we|wij|ze|zij|hij|u)\b")  # "willen we": the subject follows the verb
_LOOKBACK = 40  # characters before a term where the word that governs it stands: a few words


def _asks(sentence: Sentence) -> bool:
    """True when the sentence is a question."""
    return sentence.text.rstrip(" \"'”’»").endswith("?")


def _insertion(clauses: Clauses, span: tuple) -> re.Match | None:
    """The insertion between commas right before the phrase at ``span`` (not for a pattern
    whose `people` group says who it is about)."""
    start = clauses.sentence.start
    return None if span[2] else _INSERTION.search(clauses.low, start, start + span[0])


def _passed(main: Clauses, span: tuple) -> frozenset[int]:
    """The relative clauses of the sentence when a main verb follows the relative clause in
    the flag's clause ("Ouders die krap zitten waren er niet bij"), else none: "kinderen die
    niet mee kunnen doen" only describes them."""
    start = main.sentence.start + main.reach(span)[0]
    return main.relative if _MAIN_VERB.search(main.low, start, main.sentence.start + span[1]) else frozenset()


def _names_whose(text: str, end: int) -> bool:
    """True when "van" or "bij" and a word follow the offset ``end``: "medewerker van de bank"."""
    of = _OF.match(text, end)
    return of is not None and of.end() < len(text) and text[of.end()].isalnum()


def _modifiers(low: str, per: dict[str, list[Hit]]) -> set[int]:
    """Starts of the hits that say whose the hit before them is: "jongeren" in "ouders van
    jongeren", "gemeente" in "medewerkers van de gemeente"."""
    hits = sorted((h for found in per.values() for h in found), key=lambda h: h.start)
    return {h.start for g, h in zip(hits, hits[1:]) if _OF.fullmatch(low, g.end, h.start)}


def _most_specific(per: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Without the hits inside a longer hit of another perspective: "jonge mantelzorgers"
    are children, not the mantelzorgers their last word names."""
    spans = [(p, h.start, h.end) for p, hits in per.items() for h in hits]
    kept = {p: [h for h in hits if not any(q != p and s <= h.start and h.end <= e and e - s > h.end - h.start
                                           for q, s, e in spans)]
            for p, hits in per.items()}
    return {p: hits for p, hits in kept.items() if hits}


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (a character whose lower case is longer stays);
    "Eén" opening a sentence becomes "één", as the patterns write it."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("eén", "één")


def _word_matches(pattern: re.Pattern, low: str, start: int = 0, end: int | None = None):
    """Matches that start a word. The boundary is checked here, not by a leading ``\\b``,
    because a pattern that opens with a literal is scanned about ten times faster."""
    position, end = start, len(low) if end is None else end
    while (m := pattern.search(low, position, end)) is not None:
        if m.start() == 0 or not low[m.start() - 1].isalnum():
            yield m
            position = max(m.end(), m.start() + 1)
        else:
            position = m.start() + 1


def _scan(low: str, patterns: list, sentences: list[Sentence], starts: list[int]) -> dict[int, list]:
    """Matches of tagged patterns per sentence index, as (tag, (start, end, people)) within the
    sentence: the span of the group ``people`` (people=True) if the pattern has one, else of
    the whole match; a match running past its sentence's end is dropped."""
    found: dict[int, list] = {}
    for tag, pattern in patterns:
        group = "people" if "people" in pattern.groupindex else 0
        for m in _word_matches(pattern, low):
            index = bisect.bisect_right(starts, m.start()) - 1
            if index >= 0 and m.end() <= sentences[index].end:
                start = sentences[index].start
                found.setdefault(index, []).append((tag, (m.start(group) - start, m.end(group) - start, bool(group))))
    return found


def _voice(perspective: str, voiced: dict, present: dict, mentioned: dict, flagged: list[Sentence]) -> Voice:
    """The Voice of one perspective: first status that holds, flag with its best sentence."""
    if perspective in voiced:
        status, evidence = "voiced", voiced[perspective]
    elif perspective in present:
        status, evidence = "present", present[perspective]
    elif perspective in mentioned:
        status, evidence = "mentioned", mentioned[perspective]
    else:
        status, evidence = "absent", None
    # A heading ("Amper ouders op de inloopavond") flags too, but a body sentence says it fuller.
    best = min(flagged, key=lambda s: (s.kind == "heading", s.start), default=None)
    return Voice(status=status, flagged_missing=best is not None,
                 evidence=best.text if best else None, status_evidence=evidence)


def _in_name(text: str, sentence: Sentence, offset: int) -> bool:
    """True for a capitalised word that does not open its sentence: part of a name."""
    return text[offset].isupper() and bool(WORDY.search(text, sentence.start, offset))


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence holding a character offset."""
    index = bisect.bisect_right(starts, offset) - 1
    return sentences[index] if index >= 0 else None


@Language.factory(
    "wsd_voices",
    assigns=["doc._.wsd_voices", "doc._.wsd_missing_named"],
    requires=["doc._.wsd_actors"],
    default_config={"cues": "default", "data_dir": None},
)
def make_voices(nlp: Language, name: str, cues: str, data_dir: str | None) -> VoiceFinder:
    """The ``wsd_voices`` component; ``cues`` is ``"default"`` or a path to a voice-cue YAML.

    Examples
    --------
    >>> import spacy
    >>> "child" in spacy.blank("nl").add_pipe("wsd_voices").skip_names
    True
    """
    register_extensions()
    return VoiceFinder(*load_voice_cues(cues, data_dir))
