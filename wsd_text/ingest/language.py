"""Is this Dutch? Shares of function words per language, a signal that needs no model."""
from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import spacy.lang
from spacy.lang.nl.stop_words import STOP_WORDS as NL


def _stop_words(lang: str) -> set[str]:
    """spaCy's stop words of ``lang``, read without importing the ``spacy.lang.<lang>`` package.

    Importing that package compiles its tokenizer exceptions: for French that takes 1-3 s,
    paid again by every process of a corpus run, for a list of words.
    """
    path = Path(spacy.lang.__file__).parent / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_wsd_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STOP_WORDS


DE, EN, FR = _stop_words("de"), _stop_words("en"), _stop_words("fr")
_WORD = re.compile(r"[^\W\d_]+")
_OTHERS = {"English": EN, "German": DE, "French": FR}
# Dutch running text has 35-55 % Dutch stop-word tokens (minutes with name lists about 25 %).
DUTCH_MIN_SHARE = 0.15
_MIN_WORDS = 20


def stopword_share(words: Counter, stop_words) -> float:
    """The share of the counted ``words`` that are in ``stop_words``."""
    total = sum(words.values())
    return sum(words[w] for w in words.keys() & stop_words) / total if total else 0.0


def not_dutch_warning(text: str) -> str | None:
    """A warning when a text of some length looks like another language than Dutch."""
    words = Counter(_WORD.findall(text.lower()))  # each distinct word is looked up once per language
    if sum(words.values()) < _MIN_WORDS:
        return None
    dutch = stopword_share(words, NL)
    other, share = max(((name, stopword_share(words, sw)) for name, sw in _OTHERS.items()),
                       key=lambda pair: pair[1])
    if dutch < DUTCH_MIN_SHARE or share > dutch:
        return (f"does not look like Dutch ({dutch:.0%} Dutch function words, "
                f"{share:.0%} {other}); analysed anyway")
    return None
