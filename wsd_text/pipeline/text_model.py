"""A linear text model beside the cue rules: whether a report discusses a theme it names.

Cues catch the words someone wrote down for a theme; whether a report *discusses* it shows in
all its words. A `TextModel` scores a text by its words and word pairs: logistic regressions
over TF-IDF weights (scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)``
and ``LogisticRegression``, one per label), trained by ``eval/train_models.py`` on the
hand-coded records of ``eval/extra`` (invented reports, not ``../shared``).

The trained weights are a data file, ``data/nl/theme_model.csv``: one row per n-gram with its
idf and a weight per label, and the row ``(intercept)`` with each label's bias. It is scored
here without scikit-learn and can be read, checked and replaced like the other data files.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from ..resources import load_csv

TOKEN = re.compile(r"\b\w+\b")  # scikit-learn's token pattern with one-letter words kept
INTERCEPT = "(intercept)"


def ngrams(text: str) -> Counter:
    """Counts of the lower-cased words and word pairs of ``text``, as the vectorizer makes them."""
    words = TOKEN.findall(text.lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


@dataclass(frozen=True)
class TextModel:
    """Idf and one weight per label for each n-gram, and each label's bias.

    Examples
    --------
    >>> model = TextModel(("schulden",), {"deurwaarder": (2.0, (3.0,))}, (-1.0,))
    >>> round(model.probabilities("De deurwaarder kwam.")["schulden"], 3)
    0.881
    >>> round(model.probabilities("De buren kwamen.")["schulden"], 3)
    0.269
    """

    labels: tuple[str, ...]
    features: dict[str, tuple[float, tuple[float, ...]]]
    intercepts: tuple[float, ...]

    @classmethod
    def load(cls, path: str | Path) -> TextModel:
        """Read a model file written by ``eval/train_models.py``."""
        rows = load_csv(Path(path).name, path, required={"ngram", "idf"})
        labels = tuple(k for k in (rows[0] if rows else {}) if k not in ("ngram", "idf"))
        intercept = next((r for r in rows if r["ngram"] == INTERCEPT), None)
        if not labels or intercept is None:
            raise ValueError(f"{path}: a model file needs a weight column per label and a row {INTERCEPT!r}.")
        return cls(labels, {r["ngram"]: (float(r["idf"]), tuple(float(r[k]) for k in labels))
                            for r in rows if r["ngram"] != INTERCEPT},
                   tuple(float(intercept[k]) for k in labels))

    def probabilities(self, text: str) -> dict[str, float]:
        """Each label's chance for ``text``: sublinear tf times idf, scaled to unit length over
        the known n-grams, then the logistic of the label's weighted sum."""
        rows, values = [], []
        for gram, count in ngrams(text).items():
            if (row := self._rows.get(gram)) is not None:
                rows.append(row)
                values.append((1 + math.log(count)) * self.features[gram][0])
        vector = np.array(values)
        length = math.sqrt(vector @ vector) or 1.0
        scores = np.array(self.intercepts) + vector @ self._weights[rows] / length
        return {label: 1 / (1 + math.exp(-score)) for label, score in zip(self.labels, scores.tolist())}

    @cached_property
    def _rows(self) -> dict[str, int]:
        """Each n-gram's row in `_weights`."""
        return {gram: row for row, gram in enumerate(self.features)}

    @cached_property
    def _weights(self) -> np.ndarray:
        """The label weights as one matrix, an n-gram a row: the weighted sums in one product."""
        return np.array([weights for _, weights in self.features.values()]).reshape(len(self.features), len(self.labels))