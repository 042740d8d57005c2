"""Theme discovery beyond the codebook: topics of a corpus from TF-IDF and NMF.

Each paragraph of each report is a document (reports are few and long, paragraphs keep a
topic together); words are weighed by TF-IDF with spaCy's Dutch stop words left out, and
non-negative matrix factorisation (scikit-learn's ``NMF``, ``nndsvda`` start) splits them
into ``n_themes`` topics. A topic is shown by its heaviest terms and by the sentences of
its most typical paragraphs that hold most of those terms. Discovered themes are a
starting point for a researcher to name and add to a codebook, not codes themselves.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.lang.nl.stop_words import STOP_WORDS

from .report import Report

_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Words of three letters or more; digits and single letters carry no theme.
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_][^\W\d_]+\b"


@dataclass(frozen=True)
class DiscoveredTheme:
    """A topic found in a corpus: its top terms, example sentences and share of the corpus."""

    terms: tuple[str, ...]
    example_sentences: tuple[str, ...]
    weight: float


def discover_themes(texts: Sequence[str | Report], n_themes: int = 8, seed: int = 0,
                    n_terms: int = 10, n_examples: int = 3) -> list[DiscoveredTheme]:
    """Find themes in a corpus, heaviest first; the same input and seed give the same themes.

    Parameters
    ----------
    texts : sequence of str or Report
        The reports (their clean text).
    n_themes : int
        How many themes to look for (fewer when the corpus has fewer paragraphs or words).
    seed : int
        Random state of the factorisation.
    n_terms, n_examples : int
        Terms and example sentences kept per theme.

    Returns
    -------
    list of DiscoveredTheme
        ``weight`` is the theme's share of all topic weight in the corpus (they sum to 1).

    Examples
    --------
    >>> themes = discover_themes(["Schulden en incasso drukken op gezinnen.\\n\\nVrijwilligers helpen buren in de wijk."], n_themes=2)
    >>> len(themes)
    2
    """
    if n_themes < 1:
        raise ValueError(f"The 'n_themes' parameter must be at least 1. Got {n_themes!r} instead.")
    units = [p for t in texts for p in _units(t)]
    if not units:
        raise ValueError("The 'texts' parameter holds no text to discover themes in.")
    vectorizer = TfidfVectorizer(stop_words=sorted(STOP_WORDS), token_pattern=_TOKEN_PATTERN,
                                 lowercase=True, sublinear_tf=True, max_df=0.9 if len(units) > 5 else 1.0)
    try:
        matrix = vectorizer.fit_transform(units)
    except ValueError:  # scikit-learn's way of saying every word was a stop word
        raise ValueError("The 'texts' parameter holds no words besides stop words.") from None
    k = min(n_themes, matrix.shape[0], matrix.shape[1])
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500)
    weights = model.fit_transform(matrix)
    vocabulary = vectorizer.get_feature_names_out()
    total = weights.sum() or 1.0
    themes = [_theme(model.components_[i], weights[:, i], vocabulary, units, n_terms, n_examples,
                     float(weights[:, i].sum() / total)) for i in range(k)]
    return sorted(themes, key=lambda t: (-t.weight, t.terms))


def _units(text: str | Report) -> list[str]:
    """The paragraphs of one report with some words in them."""
    body = text.text if isinstance(text, Report) else text
    return [" ".join(p.split()) for p in _PARAGRAPHS.split(body) if len(p.split()) >= 3]


def _theme(component, unit_weights, vocabulary, units, n_terms: int, n_examples: int,
           weight: float) -> DiscoveredTheme:
    """One theme: top terms, and the sentences of its top paragraphs richest in those terms."""
    order = np.argsort(-component, kind="stable")[:n_terms]
    terms = tuple(str(vocabulary[i]) for i in order if component[i] > 0)
    examples: list[tuple[int, int, str]] = []
    for rank, u in enumerate(np.argsort(-unit_weights, kind="stable")[:n_examples]):
        if unit_weights[u] <= 0:
            break
        for sentence in _SENTENCES.split(units[u]):
            words = set(re.findall(r"\w+", sentence.lower()))
            examples.append((-len(words & set(terms)), rank, sentence))
    best = [s for _, _, s in sorted(examples)[:n_examples]]
    return DiscoveredTheme(terms=terms, example_sentences=tuple(best), weight=weight)
