"""Sentence and paragraph boundaries: ``wsd_segments``.

With ``punctuation`` (a blank pipeline, which has no parser) the component first does what
spaCy's rule-based ``sentencizer`` does: a sentence starts at the first token that is not
punctuation after a token that is final punctuation ("."). Headings and list items have
none, so every paragraph start of the `Report` (the token after a whitespace token holding
a line break) is forced to start a sentence too. The rules run on the token arrays, not
per `Token`: building one Python object per word cost more than the rest of the component.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .extensions import register_extensions
from .text import doc_text, isin, string_ids


@Language.factory("wsd_segments", requires=["token.is_sent_start"], assigns=["token.is_sent_start"],
                  default_config={"punctuation": True})
def make_segments(nlp: Language, name: str, punctuation: bool) -> "Segmenter":
    """Sentence starts: at final punctuation (``punctuation``) and after every blank line.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("wsd_segments")
    >>> [s.text for s in nlp("Titel\\n\\nEen zin. Nog een!").sents]
    ['Titel\\n\\n', 'Een zin.', 'Nog een!']
    """
    register_extensions()
    return Segmenter(punctuation)


class Segmenter:
    """Set ``Token.is_sent_start`` of every token (True or False) from the token arrays."""

    def __init__(self, punctuation: bool):
        self.punctuation = punctuation
        self.final = string_ids(Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, IDX, LENGTH, SENT_START])
        values = array[:, 5].astype(numpy.int64)  # -1, 0 or 1, stored as uint64
        if self.punctuation:
            values = numpy.where(self._after_final(array[:, 0], array[:, 1] == 1), 1, -1)
            values[0] = 1
        values[self._after_break(doc_text(doc), array)] = 1
        doc.from_array([SENT_START], values.astype(numpy.uint64))
        return doc

    def _after_final(self, orth: numpy.ndarray, punct: numpy.ndarray) -> numpy.ndarray:
        """spaCy's sentencizer rule: a token that is no punctuation starts a sentence when the
        last token before it that is final punctuation or no punctuation is final punctuation."""
        final = isin(orth, self.final)
        event = numpy.flatnonzero(final | ~punct)  # the tokens the rule looks at
        starts = numpy.zeros(len(orth), dtype=bool)
        starts[event[1:][final[event[:-1]] & ~final[event[1:]]]] = True
        return starts

    def _after_break(self, text: str, array: numpy.ndarray) -> list[int]:
        """Tokens right after a whitespace token that holds a line break (a paragraph start)."""
        space = numpy.flatnonzero(array[:-1, 2] == 1)
        return [i + 1 for i, at, length in zip(space.tolist(), array[space, 3].tolist(), array[space, 4].tolist())
                if "\n" in text[at:at + length] and not array[i + 1, 2]]
