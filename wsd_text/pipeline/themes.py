"""Report-level themes from a codebook (ANNOTATION.md §5): the ``wsd_themes`` component.

The rule, also written at the top of ``data/nl/codebook.yaml``: a theme is coded when the
report *discusses* it, not for a passing word, a name, a list label or a title.

- Only body sentences count: headings (the title among them) never; a list item only when
  it has at least ``min_list_item_words`` words.
- A sentence scores 1 when a cue of the theme hits as a whole word or phrase, else
  ``compound_weight`` when only compounds hit (``armoedebeleid``, ``Jeugdwet``) or the cue
  is part of a capitalised name (``lector Financiële Veerkracht``), however many hits it
  holds.
- The theme is coded when its sentence scores reach ``min_score`` (default 2.0: two
  sentences). A code may carry its own ``min_score``; one below the rule's is met only by
  full sentences of content (``min_list_item_words`` words besides the cue), so one long
  sentence on trust codes ``vertrouwen`` but "Vertrouwen, vertrouwen!" does not. The
  sentences that scored are the theme's evidence, the sum its score.
- A theme whose cues hit but fall short is coded too when the rule's text ``model``
  (`wsd_text.pipeline.text_model`, trained on hand-coded reports) gives the report's counted
  sentences at least ``model_threshold``, for a report of at least ``model_min_words`` words.

The threshold follows the gold coders' own line (gold/NOTES.md, "Theme threshold"): one
clause, name or list item is a passing mention; a discussion is two sentences, or one full
sentence of content for themes a report names only to say something about them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..codebook import WORD, Code, Codebook, CueMatcher, Hit, load_codebook
from ..records import Theme
from ..resources import data_beside
from .extensions import register_extensions
from .text import doc_text
from .text_model import TextModel


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text with the kind of paragraph it stands in."""

    start: int
    end: int
    kind: str
    text: str


def doc_sentences(doc: Doc) -> list[Sentence]:
    """The Doc's sentences, each with its paragraph kind (``body`` when the Doc has no report).

    Read from the token arrays rather than ``doc.sents``: building a Span per sentence and
    a Token per word cost more than the rest of the voice and theme analysis together.
    """
    report = doc._.wsd_report
    text = doc_text(doc)
    paragraphs = report.paragraphs if report is not None else ()
    starts = [p.start for p in paragraphs]
    if not len(doc):
        return []
    array = doc.to_array([SENT_START, IDX])
    bounds = sorted({0, *array[array[:, 0] == 1, 1].tolist()}) + [len(text)]
    sentences = []
    for start, end in zip(bounds, bounds[1:]):
        chunk = text[start:end]
        words = chunk.split()
        if words:
            # A sentence may begin with the blank line before it; its paragraph is where its words are.
            start += len(chunk) - len(chunk.lstrip())
            index = bisect.bisect_right(starts, start) - 1
            kind = paragraphs[index].kind if index >= 0 else "body"
            sentences.append(Sentence(start, end, kind, " ".join(words)))
    return sentences


class ThemeCoder:
    """Codes a Doc with the themes of a codebook it discusses substantively.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("wsd_themes")
    >>> [t.code for t in nlp("Schulden groeien snel. Wie schulden heeft, schaamt zich.")._.wsd_themes]
    ['schulden']
    """

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.matcher = CueMatcher({c.code: c.cues for c in codebook.codes})
        self.model = TextModel.load(data_beside(codebook.model, codebook.source)) if codebook.model else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.wsd_themes = self.code(doc_text(doc), doc_sentences(doc))
        return doc

    def code(self, text: str, sentences: list[Sentence]) -> list[Theme]:
        """The themes ``text`` (split into ``sentences``) discusses, with evidence and score."""
        hits = self.matcher.by_sentence(text, [s.start for s in sentences])
        scores: dict[str, float] = {}
        full_sentences: dict[str, float] = {}  # the part of the score from full sentences of content
        evidence: dict[str, list[str]] = {}
        for index, per_code in sorted(hits.items()):
            sentence = sentences[index] if index >= 0 else None
            if sentence is None or not self._counts(sentence):
                continue
            words = [m.span() for m in WORD.finditer(text, sentence.start, sentence.end)]
            for code, code_hits in per_code.items():
                full = any(h.full and not _in_name(text, h, words) for h in code_hits)
                value = 1.0 if full else self.codebook.compound_weight
                scores[code] = scores.get(code, 0.0) + value
                if _content_words(words, code_hits) >= self.codebook.min_list_item_words:
                    full_sentences[code] = full_sentences.get(code, 0.0) + value
                evidence.setdefault(code, []).append(sentence.text)
        coded = {c.code for c in self.codebook.codes if self._coded(c, scores.get(c.code, 0.0),
                                                                     full_sentences.get(c.code, 0.0))}
        coded |= self._modelled(sentences, set(scores) - coded)
        return [Theme(c.code, tuple(evidence[c.code]), scores[c.code]) for c in self.codebook.codes if c.code in coded]

    def _modelled(self, sentences: list[Sentence], named: set[str]) -> set[str]:
        """Of the codes a report names but its cues did not code (``named``), those the text
        model (the rule's ``model``) gives the report's body text at least ``model_threshold``:
        it judges whether the report discusses them from all its words, not only the count of
        sentences with a cue (trained on hand-coded reports, `wsd_text.pipeline.text_model`)."""
        if self.model is None or not named:
            return set()
        body = self.body_text(sentences)
        # trained on whole reports, it cannot judge a text much shorter than one
        if len(WORD.findall(body)) < self.codebook.model_min_words:
            return set()
        chances = self.model.probabilities(body)
        return {code for code in named if chances.get(code, 0.0) >= self.codebook.model_threshold}

    def _coded(self, code: Code, score: float, full_score: float) -> bool:
        """The rule's ``min_score``, or a code's own; a threshold below the rule's is met only
        by full sentences of content (``min_list_item_words`` words besides the cue)."""
        own = self.codebook.min_score if code.min_score is None else code.min_score
        return score >= own and (score >= self.codebook.min_score or full_score >= own)

    def body_text(self, sentences: list[Sentence]) -> str:
        """The sentences the rule counts (`_counts`), joined: what the text model reads, and
        what ``eval/train_models.py`` trains it on."""
        return " ".join(s.text for s in sentences if self._counts(s))

    def _counts(self, sentence: Sentence) -> bool:
        """Body sentences count; list items only when long enough to say something."""
        if sentence.kind == "heading":
            return False
        if sentence.kind == "list_item":
            return len(WORD.findall(sentence.text)) >= self.codebook.min_list_item_words
        return True


def _content_words(words: list[tuple[int, int]], hits: list[Hit]) -> int:
    """The words of the sentence (``words``: their spans) besides those of its cue hits."""
    return sum(not any(h.start <= w < h.end for h in hits) for w, _ in words)


def _in_name(text: str, hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """True when the hit is part of a capitalised name ("lector Financiële Veerkracht", "Loket
    Geldzaken", "programmamanager Armoede en Schulden"): Dutch writes topic words in lower
    case, so a capitalised cue that is not the sentence's first word and has a capitalised
    word right beside it (or inside the phrase) names an organisation, post or programme.
    ``spans``: the word spans of the hit's sentence."""
    inside = [i for i, (start, _) in enumerate(spans) if hit.start <= start < hit.end]
    capital = [text[spans[i][0]].isupper() for i in inside]
    if not inside or not capital[0]:
        return False
    if any(capital[1:]):
        return True
    before, after = inside[0] - 1, inside[-1] + 1
    return (before > 0 and text[spans[before][0]].isupper() and not text[spans[before][1]:hit.start].strip()) or (
        after < len(spans) and text[spans[after][0]].isupper() and not text[hit.end:spans[after][0]].strip())


@Language.factory(
    "wsd_themes",
    assigns=["doc._.wsd_themes"],
    default_config={"codebook": "default", "data_dir": None},
)
def make_themes(nlp: Language, name: str, codebook: str, data_dir: str | None) -> ThemeCoder:
    """The ``wsd_themes`` component; ``codebook`` is ``"default"`` or a YAML/CSV path.

    Examples
    --------
    >>> import spacy
    >>> spacy.blank("nl").add_pipe("wsd_themes", config={"codebook": "default"}).codebook.min_score
    2.0
    """
    register_extensions()
    return ThemeCoder(load_codebook(codebook, data_dir))
