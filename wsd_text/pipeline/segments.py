"""Sentence and paragraph boundaries for a blank pipeline.

spaCy's rule-based sentencizer splits on final punctuation; headings and list items have
none, so every paragraph start of the `Report` is forced to start a sentence too.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("wsd_segments", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def wsd_segments(doc: Doc) -> Doc:
    """Start a sentence after every blank line (a paragraph break of the clean text)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc
