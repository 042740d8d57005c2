"""A sentence model for missing voices, beside the cue phrases of `wsd_voices`.

Cue phrases catch the ways of saying that a voice was missing that someone wrote down; the
reports a lectoraat collects say it in ever new words. This model scores a sentence by the
word n-grams of many such sentences: a logistic regression over TF-IDF weights of words and
word pairs (scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)`` and
``LogisticRegression``), trained by ``eval/train_missing_model.py`` on the hand-coded
evidence sentences of ``eval/extra`` (invented reports, not ``../shared``).

The trained weights are a data file, ``data/nl/missing_sentences.csv`` (one row per n-gram:
its idf and its weight; the row ``(intercept)`` holds the bias), so the model is scored here
without scikit-learn and can be read, checked and replaced like the other data files.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..resources import load_csv

TOKEN = re.compile(r"\b\w+\b")  # scikit-learn's token pattern with one-letter words kept
INTERCEPT = "(intercept)"


def ngrams(text: str) -> Counter:
    """Counts of the lower-cased words and word pairs of ``text``, as the vectorizer makes them."""
    words = TOKEN.findall(text.lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


@dataclass(frozen=True)
class SentenceModel:
    """Idf and weight per n-gram, and the bias; `probability` scores one sentence.

    Examples
    --------
    >>> model = SentenceModel({"ontbraken": (2.0, 3.0)}, -1.0)
    >>> round(model.probability("Ouders ontbraken."), 3), round(model.probability("Ouders waren er."), 3)
    (0.881, 0.269)
    """

    features: dict[str, tuple[float, float]]
    intercept: float

    @classmethod
    def load(cls, path: str | Path) -> SentenceModel:
        """Read a model file written by ``eval/train_missing_model.py``."""
        rows = load_csv(Path(path).name, path, required={"ngram", "idf", "weight"})
        intercept = next((float(r["weight"]) for r in rows if r["ngram"] == INTERCEPT), None)
        if intercept is None:
            raise ValueError(f"{path}: no row {INTERCEPT!r} with the model's bias.")
        return cls({r["ngram"]: (float(r["idf"]), float(r["weight"])) for r in rows if r["ngram"] != INTERCEPT},
                   intercept)

    def probability(self, text: str) -> float:
        """The chance that ``text`` says a voice was missing: sublinear tf times idf, scaled to
        unit length over the known n-grams, then the logistic of its weighted sum."""
        known = [(n, *self.features[g]) for g, n in ngrams(text).items() if g in self.features]
        values = [((1 + math.log(n)) * idf, weight) for n, idf, weight in known]
        length = math.sqrt(sum(v * v for v, _ in values)) or 1.0
        score = self.intercept + sum(v * weight for v, weight in values) / length
        return 1 / (1 + math.exp(-score))
