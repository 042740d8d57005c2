"""Who said a quote (ANNOTATION.md §3, §8.8, §8.9, §9.8, §9.9), and the cue that decided it.

The first rule that names a speaker wins:

1. ``colon``: "Wolters vult aan: “…”": the subject of the clause before the colon.
2. ``after``: "“…”, aldus Wolters", "„…” roept coördinator Van Dalen", "‘…’, vertelt ze".
3. ``interrupted``: "“…”, zo zegt X, “…”": a quote broken by a cue clause, same speaker.
4. ``back-reference``: "‘…?’ Met die vraag sloot X de avond af": the next sentence points back.
5. ``subject``: "X denkt “…”": a quote inside a sentence goes to that sentence's subject.
6. ``previous``: a quote that opens a sentence goes to the subject of the sentence before
   it, or to the speaker of the quote just before it (``continuation``); one that opens a
   paragraph, to the subject of the last sentence of the body paragraph before it.
7. ``turn``: a quote in an interview answer goes to who answers: the person a label at the
   start of its paragraph names, or after "A:" the person the "V:" question addresses.
8. ``poll``: answers after a passage that asks a question or runs a poll, or in a sentence
   that names them as answers, go to the group that answered (§8.9).
9. ``echo``: a pull quote on a line of its own goes to the speaker whose body quote shares
   most of its words; it stays null when no speaker clearly does.

Anything else is ``None`` (§8.9). Speakers are the actors of ``doc.spans["wsd_mentions"]``;
a ``doc.spans["wsd_speech"]`` cue with an actor inside a rule's window takes precedence.
Pronouns (hij, zij, ze) go to the subject of the nearest earlier sentence whose actor has
the number of the verb beside the pronoun ("ze schudden" is a group, "vertelt ze" one
person); a first person singular quote ("ik") is never given to a group.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..records import Quote
from .quote_marks import BULLET, BULLET_LINE, PARAGRAPH_BREAK

GROUP_LABELS = ("GROUP", "POLL")
_MISFIT = "misfit"  # a subject was found, but not of the kind the quote needs
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)]*(?:\s+(?=[\"„“‘'«(]?[A-ZÀ-Ý0-9])|(?=[A-ZÀ-Ý][a-zà-ÿ]))|\n\s*")
_GAP_END = re.compile(r"[.!?…](?:\s|$)")  # a sentence ends between two quotes
_AFTER = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:zo[ \t]+)?([a-zà-ÿ]+)\b")
_LOWER_WORDS = re.compile(r"(?:[ \t\u00a0]+[a-zà-ÿ]+){0,2}[ \t\u00a0]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
_MARK_START = re.compile(BULLET + r"[„“”\"‘’'«‹‚,]")  # a paragraph that opens with a quote
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_WINDOW = 60  # characters after a closing mark that can hold an "aldus X" cue
_BACK_SENTENCES = 6  # how far a pronoun looks back for its actor
_LABEL_REACH = 60  # a speaker label ends within this many characters of its paragraph's start
_LABEL_TAIL = re.compile(r"\s*(?:\([^()\n]*\))?\s*")  # between a label's name and its colon
_QUESTION = re.compile(r"[ \t]*(?:V|Vraag)[ \t]*:")  # interview labels: "V: …" asks,
_ANSWER = re.compile(r"[ \t]*(?:A|Antwoord)[ \t]*:")  # "A: …" answers
# an interviewer's question opening a paragraph (no quote marks, no label)
_QUESTION_OPENING = re.compile(r"(?<![^\n])[^\n\"„“”‘’'«»:?.!]{5,160}\?")
_NARRATION = 2  # sentences of narration a quote may stand after its named speaker's sentence
_ECHO_SHARE = 0.4  # share of a pull quote's content words another quote must hold to override


@dataclass(frozen=True, order=True)
class _Mention:
    start: int
    end: int
    actor: str
    kind: str
    label: str


class _Context:
    """The Doc's text, sentences, paragraphs, mentions and speech cues, indexed for bisect."""

    def __init__(self, doc: Doc, text: str, cues):
        self.text, self.cues = text, cues
        kinds = {a.id: a.kind for a in doc._.wsd_actors or ()}
        spans = doc.spans["wsd_mentions"] if "wsd_mentions" in doc.spans else ()
        with_actor = ((s, s._.wsd_actor) for s in spans)
        self.mentions = sorted(
            _Mention(s.start_char, s.end_char, actor,
                     kinds.get(actor) or ("group" if s.label_ in GROUP_LABELS else "individual"), s.label_)
            for s, actor in with_actor if actor)
        self.mention_starts = [m.start for m in self.mentions]
        self.persons = {m.actor for m in self.mentions if m.label == "PERSON"}
        cues_group = doc.spans["wsd_speech"] if "wsd_speech" in doc.spans else ()
        self.speech = sorted((s.start_char, s._.wsd_actor) for s in cues_group if s._.wsd_actor)
        self.recounts = sorted((s.start_char, s._.wsd_actor) for s in cues_group
                               if s.label_ == "recounted" and s._.wsd_actor)
        self.sentences = [0] + [m.end() for m in _BOUNDARY.finditer(self.text)]
        self.paragraphs = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.pronoun = re.compile(r"\b(?:" + "|".join(cues.pronouns) + r")\b", re.I)
        self.back = re.compile(r"[\s.!?,;]*((?:\w+\s+)?(?:deze|die|dit|dat|zijn|haar|hun)\s+(?:\w+\s+)?(?:"
                               + "|".join(cues.back_references) + r"))\b", re.I)

    @cached_property
    def questions(self) -> int:
        """How many paragraphs open with an interviewer's question (`_QUESTION_OPENING`)."""
        return len(_QUESTION_OPENING.findall(self.text))

    def sentence(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        i = bisect.bisect_right(self.sentences, offset) - 1
        return self.sentences[i], self.sentences[i + 1] if i + 1 < len(self.sentences) else len(self.text)

    def paragraph(self, offset: int) -> int:
        """The start of the paragraph holding ``offset``."""
        return self.paragraphs[bisect.bisect_right(self.paragraphs, offset) - 1]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        lo, hi = bisect.bisect_left(self.mention_starts, start), bisect.bisect_left(self.mention_starts, end)
        return self.mentions[lo:hi]

    def speech_actor(self, start: int, end: int) -> str | None:
        """The actor of the first speech cue span that starts in ``[start, end)``."""
        i = bisect.bisect_left(self.speech, (start, ""))
        return self.speech[i][1] if i < len(self.speech) and self.speech[i][0] < end else None

    def subject(self, start: int, end: int, want: str | None) -> str | None:
        """The speaker a clause names: its first mention that is no object, or its pronoun;
        before a colon, as what follows one is a list or apposition ("kwam er hulp: … en een
        vrijwilliger die …")."""
        if (colon := self.text.find(":", start, end)) >= 0:
            end = colon
        pronoun = self.pronoun.search(self.text, start, end)
        misfit = None
        teller = self._teller(start, end)
        for mention in self.mentions_in(start, end):
            if pronoun and pronoun.start() < mention.start:
                break
            if teller and mention.label == "ANON":
                return teller  # "Een jongen zei laatst tegen hem: ‘…’": the one who recounts it says it
            if self._word_before(mention.start) in self.cues.object_prepositions:
                continue
            if want and mention.kind != want:
                misfit = _MISFIT
                continue
            return mention.actor
        if pronoun:
            return self.resolve(pronoun, want)
        return misfit

    def _teller(self, start: int, end: int) -> str | None:
        """Who recounts words told elsewhere, when a speech cue in ``[start, end)`` does so."""
        i = bisect.bisect_left(self.recounts, (start, ""))
        return self.recounts[i][1] if i < len(self.recounts) and self.recounts[i][0] < end else None

    def resolve(self, pronoun: re.Match, want: str | None) -> str | None:
        """The actor a pronoun stands for: the subject of the nearest fitting earlier sentence."""
        kind = self._number(pronoun)
        if want and kind and kind != want:
            return _MISFIT
        kind = kind or want
        end = pronoun.start()
        for _ in range(_BACK_SENTENCES):
            start, _ = self.sentence(end - 1) if end else (0, 0)
            if self._opens_with_pronoun(start, end):
                # "Ze vertelde dat … iemand …. Ze pleitte: “…”": the same subject as before; the
                # people that sentence names are not it
                if actor := self.speech_actor(start, end):
                    return actor
                end = start
                continue
            fitting = [m for m in self.mentions_in(start, end) if not kind or m.kind == kind]
            subjects = [m for m in fitting if self._word_before(m.start) not in self.cues.object_prepositions]
            if subjects or fitting:
                return (subjects or fitting)[0].actor
            if start == 0:
                break
            end = start
        return None

    def _opens_with_pronoun(self, start: int, end: int) -> bool:
        """Whether the sentence in ``[start, end)`` opens with a subject pronoun."""
        chunk = self.text[start:end]
        return self.pronoun.match(self.text, start + len(chunk) - len(chunk.lstrip()), end) is not None

    def group_before(self, offset: int) -> str | None:
        """The poll group (§8.9): the nearest POLL mention, else the nearest group before ``offset``."""
        polls = [m for m in self.mentions if m.label == "POLL"]
        earlier = [m for m in polls if m.start < offset] or [m for m in self.mentions
                                                             if m.kind == "group" and m.start < offset]
        if earlier:
            return earlier[-1].actor
        return polls[0].actor if polls else None

    def _word_before(self, offset: int) -> str:
        match = _WORD_BEFORE.search(self.text, max(0, offset - 20), offset)
        return match.group(1).lower() if match else ""

    def _number(self, pronoun: re.Match) -> str | None:
        """"group" or "individual" from the pronoun and the finite verb beside it."""
        if pronoun.group().lower() == "hij":
            return "individual"
        before = _WORD_BEFORE.search(self.text, max(0, pronoun.start() - 20), pronoun.start())
        after = _WORD_AFTER.match(self.text, pronoun.end())
        for match in (before, after):
            verb = match.group(1).lower() if match else ""
            if verb == "zijn" or (len(verb) > 3 and verb.endswith("en")):
                return "group"
            if verb.endswith(("t", "de", "te")) or verb in self.cues.singular_verbs:
                return "individual"
        return None


def attribute(doc: Doc, text: str, quotes, cues) -> tuple[list[Quote], list | None]:
    """`Quote` records for ``quotes`` (found candidates, in text order) and the updated actors.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.

    Returns the records and ``doc._.wsd_actors`` with every quoted actor marked
    ``speaks=True`` (None when the Doc has no actors).
    """
    if not quotes:
        return [], doc._.wsd_actors
    ctx = _Context(doc, text, cues)
    found, previous = [], None
    for quote in quotes:
        words = {w.strip(".,;:!?()\"'“”‘’„").lower() for w in ctx.text[quote.start:quote.end].split()}
        want = "individual" if words & cues.singular_persons else None
        decided = next(filter(None, (rule(ctx, quote, previous, want) for rule in _RULES)), None)
        found.append((quote, *(decided or (None, None))))
        previous = found[-1]
    found = _echo(ctx, found)
    records = [Quote(text=" ".join(ctx.text[q.start:q.end].split()), actor=actor, start=q.start,
                     end=q.end, cue=cue) for q, actor, cue in found]
    speakers = {r.actor for r in records if r.actor}
    actors = doc._.wsd_actors
    if actors is not None:
        actors = [replace(a, speaks=True) if a.id in speakers and not a.speaks else a for a in actors]
    return records, actors


def _cue(rule: str, words: str) -> str:
    """The cue as stored in `Quote.cue`: the rule and the words that decided it."""
    words = " ".join(words.split())
    return f"{rule}: {words[:80]}"


def _decided(actor, rule: str, words: str):
    """(actor, cue) when a real actor was found, else None so the next rule is tried."""
    return (actor, _cue(rule, words)) if actor and actor != _MISFIT else None


def _own(actor: str | None) -> str | None:
    """An actor found by the rule itself (a misfit counts as none)."""
    return None if actor == _MISFIT else actor


def _colon(ctx: _Context, quote, previous, want):
    """"Naam: “…”", "X vult aan: “…”", also across a paragraph break."""
    text, end = ctx.text, quote.left
    while end and text[end - 1].isspace():
        end -= 1
    if not end or text[end - 1] != ":":
        return None
    start = max(ctx.sentence(end - 1)[0], _after_previous(previous, end))
    actor = _own(ctx.subject(start, end, want)) or ctx.speech_actor(start, end)
    return _decided(actor, "colon", text[start:end])


def _after(ctx: _Context, quote, previous, want):
    """"“…”, aldus X", "„…” roept coördinator X", "‘…’, vertelt ze"."""
    text = ctx.text
    match = _AFTER.match(text, quote.right)
    if not match:
        return None
    verb, at = match.group(1), match.end()
    actor = next((m.actor for m in ctx.mentions_in(at, at + _WINDOW)
                  if _LOWER_WORDS.fullmatch(text, at, m.start)), None)
    if actor is None and verb in ctx.cues.verbs:
        pronoun = ctx.pronoun.match(text, at + 1) if text[at:at + 1] == " " else None
        actor = _own(ctx.resolve(pronoun, want)) if pronoun else None
    actor = actor or ctx.speech_actor(quote.right, at)
    return _decided(actor, "after", text[quote.right:at + 30].split(".")[0])


def _interrupted(ctx: _Context, quote, previous, want):
    """The second part of a quote broken by a cue clause: "“…”, zo zegt X, “…”"."""
    if not previous or previous[1] is None or ctx.paragraph(previous[0].right) != ctx.paragraph(quote.left):
        return None
    gap = ctx.text[previous[0].right:quote.left]
    if _GAP_END.search(gap) or len(gap.split()) > 12:
        return None
    return _decided(previous[1], "interrupted", gap or "(adjacent)")


def _back_reference(ctx: _Context, quote, previous, want):
    """"‘…?’. Met die vraag sloot X de avond af": the next sentence points back."""
    match = ctx.back.match(ctx.text, quote.right)
    if not match or not re.search(r"[.!?]", ctx.text[quote.end - 1:match.start(1)]):
        return None
    start, end = match.start(1), ctx.sentence(match.start(1))[1]
    actor = _own(ctx.subject(match.end(), end, want)) or ctx.speech_actor(start, end)
    return _decided(actor, "back-reference", ctx.text[start:end])


def _subject(ctx: _Context, quote, previous, want):
    """"Sanne Wolters denkt “dat …”": a quote inside a sentence goes to its subject."""
    start = max(ctx.sentence(quote.left)[0], _after_previous(previous, quote.left))
    if BULLET_LINE.fullmatch(ctx.text, start, quote.left):
        return None
    actor = _own(ctx.subject(start, quote.left, want)) or ctx.speech_actor(start, quote.left)
    return _decided(actor, "subject", ctx.text[start:quote.left])


def _previous(ctx: _Context, quote, previous, want):
    """A quote that opens a sentence: the subject of the sentence before, or the quote before.

    When that subject cannot have said it (a group before an "ik" quote), the nearest
    fitting subject earlier in the paragraph is taken instead; when the sentence before is
    narration without a speaker, a named person up to two sentences earlier ("X was
    kritisch. Het aantal klanten steeg. “…”").
    """
    start = ctx.sentence(quote.left)[0]
    paragraph = ctx.paragraph(quote.left)
    if not BULLET_LINE.fullmatch(ctx.text, start, quote.left):
        return None
    if start <= paragraph:
        return _after_paragraph(ctx, paragraph, want)
    end, passed_misfit, skipped = start, False, 0
    for _ in range(_BACK_SENTENCES):
        start = ctx.sentence(end - 1)[0]
        if previous and previous[0].right > start and ctx.paragraph(previous[0].right) == paragraph:
            return _decided(previous[1], "continuation", ctx.text[previous[0].left:previous[0].right])
        subject = ctx.subject(start, end, want)
        passed_misfit = passed_misfit or subject == _MISFIT
        actor = _own(subject) or ctx.speech_actor(start, end)
        if skipped and actor not in ctx.persons:
            actor = None  # past a sentence of narration only a named person is the speaker
        if actor is not None or start <= paragraph or not passed_misfit and skipped >= _NARRATION:
            return _decided(actor, "previous", ctx.text[start:end])
        skipped += not passed_misfit  # a sentence of narration (no speaker) passed
        end = start
    return None


def _after_paragraph(ctx: _Context, paragraph: int, want):
    """A quote opening a paragraph continues the person the paragraph before ends on
    ("Bakker vertelde hoe het begon.\n\n„Ik had …”"); after a heading it stays open."""
    end = len(ctx.text[:paragraph].rstrip())
    if not end or ctx.text[end - 1] not in ".:":
        return None
    start = ctx.sentence(end - 1)[0]
    actor = _own(ctx.subject(start, end, want)) or ctx.speech_actor(start, end)
    return _decided(actor, "previous paragraph", ctx.text[start:end])


def _poll(ctx: _Context, quote, previous, want):
    """Answers go to the answering group: after a passage that asks a question or runs a poll,
    or inside a sentence that names them ("De meest gegeven antwoorden waren “…”, “…”")."""
    intro = _intro(ctx, quote.left)
    lead = ctx.text[ctx.sentence(quote.left)[0]:quote.left]
    if not (intro.rstrip().endswith((":", "?")) and _has_poll_word(ctx, intro) or _has_poll_word(ctx, lead)):
        return None
    return _decided(ctx.group_before(quote.left), "poll", (lead or intro)[-80:])


def _has_poll_word(ctx: _Context, text: str) -> bool:
    return any(w.endswith(ctx.cues.poll_words) for w in re.findall(r"[^\W\d_]+", text.lower()))


def _intro(ctx: _Context, offset: int) -> str:
    """The passage that introduces a quote: its paragraph's lead up to a colon, or the paragraph
    before it, skipping a list of answers that each open with a mark."""
    text, i = ctx.text, bisect.bisect_right(ctx.paragraphs, offset) - 1
    lead = text[ctx.paragraphs[i]:offset]
    if lead.rstrip().endswith(":"):
        return lead
    in_list = _MARK_START.match(text, ctx.paragraphs[i])
    while i > 0:
        i -= 1
        paragraph = text[ctx.paragraphs[i]:ctx.paragraphs[i + 1]].rstrip()
        if not (in_list and _MARK_START.match(paragraph)):
            return paragraph
    return ""


def _after_previous(previous, limit: int) -> int:
    """The end of the previous quote when it lies before ``limit``; a clause starts there."""
    return previous[0].right if previous and previous[0].right <= limit else 0


def _echo(ctx: _Context, found: list) -> list:
    """Give an unattributed pull quote to the speaker whose quotes share most of its words."""
    words_of = {}
    for quote, actor, cue in found:
        if actor and not _guessed(cue):
            words_of.setdefault(actor, set()).update(_content(ctx.text[quote.start:quote.end]))
    result = []
    for quote, actor, cue in found:
        # A pull quote also opens a paragraph of its own; when it clearly echoes someone's
        # words (a large share of its own), that decides over the paragraph before it.
        if (actor is None or _guessed(cue)) and quote.alone:
            mine = _content(ctx.text[quote.start:quote.end])
            scores = sorted(((len(mine & words), who) for who, words in words_of.items()), reverse=True)
            enough = 2 if actor is None else max(3, len(mine) * _ECHO_SHARE)
            if scores and scores[0][0] >= enough and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                actor, cue = scores[0][1], _cue("echo", ctx.text[quote.start:quote.end])
        result.append((quote, actor, cue))
    return result


def _guessed(cue: str | None) -> bool:
    """Attributed only by the paragraph before the quote, which a pull quote may override."""
    return cue is not None and cue.startswith("previous paragraph")


def _content(text: str) -> set[str]:
    """Content words of a text: lower case, four letters or more, no stop words."""
    return {w for w in _CONTENT.findall(text.lower()) if w not in STOP_WORDS}


def _turn(ctx: _Context, quote, previous, want):
    """A quote in an interview answer goes to who answers: the person a label at the start of
    its paragraph names ("Semhar: … ‘…’"), for an "A:" answer the person the question
    before it addresses ("V: Kevin, waar …?"), and in an interview of questions on lines of
    their own the person it is with (`_interviewee`). Recounted words go to the teller (§9.8)."""
    if question := _question_before(ctx, quote.left):
        return _decided(_interviewee(ctx), "turn", question)
    start = ctx.paragraph(quote.left)
    colon = ctx.text.find(":", start, min(quote.left, start + _LABEL_REACH))
    if colon < 0:
        return None
    if person := _labelled_person(ctx, start, colon):
        return _decided(person, "turn", ctx.text[start:colon + 1])
    if not _ANSWER.match(ctx.text, start):
        return None
    i = bisect.bisect_right(ctx.paragraphs, start) - 1
    while i > 0:
        i -= 1
        begin = ctx.paragraphs[i]
        if _QUESTION.match(ctx.text, begin):
            end = ctx.paragraphs[i + 1]
            return _decided(_first_person(ctx, begin, end), "turn", ctx.text[begin:end].strip()[:80])
    return None


def _question_before(ctx: _Context, offset: int) -> str | None:
    """The question that opens the paragraph of a quote, right before it, in a text of two or
    more paragraphs that open so ("Hoe kijkt u terug op de middag? “Ik ben nog steeds …”")."""
    start = ctx.paragraph(offset)
    question = ctx.text[start:offset].strip()
    return question if _QUESTION_OPENING.fullmatch(question) and ctx.questions >= 2 else None


def _interviewee(ctx: _Context) -> str | None:
    """Who an interview of such questions is with: the first person the text names (in its
    headline or lead: "In gesprek met Greet Hofstede")."""
    return _first_person(ctx, 0, len(ctx.text))


def _first_person(ctx: _Context, start: int, end: int) -> str | None:
    return next((m.actor for m in ctx.mentions_in(start, end) if m.label == "PERSON"), None)


def _labelled_person(ctx: _Context, start: int, colon: int) -> str | None:
    """The person a label names: "Semhar:", "Mevr. Pinto (wijkteam):", not "Een vrijwilliger
    van De Korf vulde aan:" (a clause, which the other rules read)."""
    for m in ctx.mentions_in(start, colon):
        if m.label == "PERSON" and len(ctx.text[start:m.start].split()) <= 2 \
                and _LABEL_TAIL.fullmatch(ctx.text, m.end, colon):
            return m.actor
    return None


_RULES = (_colon, _after, _interrupted, _back_reference, _subject, _previous, _turn, _poll)
