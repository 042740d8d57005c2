"""Report-level themes from a codebook (ANNOTATION.md §5): the ``wsd_themes`` component.

The rule, also written at the top of ``data/nl/codebook.yaml``: a theme is coded when the
report *discusses* it, not for a passing word, a list label or a title.

- Only body sentences count: headings (the title among them) never; a list item only when
  it has at least ``min_list_item_words`` words.
- A sentence scores 1 when a cue of the theme hits as a whole word or phrase, else
  ``compound_weight`` when only compounds hit (``armoedebeleid``, ``Jeugdwet``), however
  many hits it holds.
- The theme is coded when its sentence scores reach ``min_score`` (default 2.0: two
  sentences). The sentences that scored are the theme's evidence, the sum its score.

The threshold follows the gold coders' own line (gold/NOTES.md, "Theme threshold"): one
clause or one list item is a passing mention, two sentences of content are a discussion.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..codebook import WORD, Codebook, CueMatcher, load_codebook
from ..records import Theme
from .extensions import register_extensions
from .text import doc_text


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

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc_sentences(doc)
        hits = self.matcher.by_sentence(doc_text(doc), [s.start for s in sentences])
        scores: dict[str, float] = {}
        evidence: dict[str, list[str]] = {}
        for index, per_code in sorted(hits.items()):
            if index < 0 or not self._counts(sentences[index]):
                continue
            for code, code_hits in per_code.items():
                full = any(h.full for h in code_hits)
                scores[code] = scores.get(code, 0.0) + (1.0 if full else self.codebook.compound_weight)
                evidence.setdefault(code, []).append(sentences[index].text)
        doc._.wsd_themes = [
            Theme(c.code, tuple(evidence[c.code]), scores[c.code])
            for c in self.codebook.codes if scores.get(c.code, 0.0) >= self.codebook.min_score
        ]
        return doc

    def _counts(self, sentence: Sentence) -> bool:
        """Body sentences count; list items only when long enough to say something."""
        if sentence.kind == "heading":
            return False
        if sentence.kind == "list_item":
            return len(WORD.findall(sentence.text)) >= self.codebook.min_list_item_words
        return True


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
