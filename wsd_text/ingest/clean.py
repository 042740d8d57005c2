"""Website boilerplate removal by general rules; what is removed is returned, never lost.

Two kinds of rule, both site-independent:
- furniture patterns from ``data/nl/boilerplate.yaml`` (cookies, newsletter, social, contact,
  navigation), applied only to short blocks so a sentence that mentions a newsletter stays;
- repetition: a short block that recurs apart from its first place is site chrome (a site
  name in header and footer); one repeated right after itself is a doubled heading, so the
  first stays; a block "Site | Headline" that repeats an earlier heading is the page title.
- the page header: headings above the page's last menu or breadcrumb, before any body text,
  are the site's name and sections ("Gemeente X", "Platform Y"), not the headline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml

_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_REPEAT_MAX_WORDS = 15
# Furniture that stands in a page's header, above the headline.
_HEADER_FURNITURE = frozenset({"menu"})


@dataclass(frozen=True)
class BoilerplateRules:
    max_words: int
    patterns: dict[str, tuple[re.Pattern, ...]]

    def category(self, text: str) -> str | None:
        """The furniture category of a short block, or None for report text."""
        if len(text.split()) > self.max_words:
            return None
        for name, patterns in self.patterns.items():
            if any(p.search(text) for p in patterns):
                return name
        return None


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> BoilerplateRules:
    """Read boilerplate rules from the package data or a user's YAML file."""
    data = load_yaml("boilerplate.yaml", path, allowed={"max_words", "patterns"})
    patterns = {name: tuple(re.compile(p, re.IGNORECASE) for p in items)
                for name, items in data["patterns"].items()}
    return BoilerplateRules(int(data["max_words"]), patterns)


def remove_boilerplate(blocks: list[tuple[str, str]], rules: BoilerplateRules | None = None
                       ) -> tuple[list[tuple[str, str]], list[str]]:
    """Split blocks into (kept, removed); each removed entry is ``"category: text"``."""
    rules = rules or load_rules()
    counts = Counter(text for text, _ in blocks if len(text.split()) <= _REPEAT_MAX_WORDS)
    kept: list[tuple[str, str]] = []
    reasons: list[str | None] = []
    for i, (text, kind) in enumerate(blocks):
        # Repetition first: "Site | Headline" is the page title repeated, not a menu.
        reasons.append(_repetition(blocks, i, counts, kept) or rules.category(text))
        if not reasons[-1]:
            kept.append((text, kind))
    for i in range(_header_end(blocks, reasons)):
        reasons[i] = reasons[i] or "site header"
    kept = [block for block, reason in zip(blocks, reasons) if not reason]
    removed = [f"{reason}: {text}" for (text, _), reason in zip(blocks, reasons) if reason]
    return kept, removed


def _header_end(blocks, reasons) -> int:
    """The index after the last menu or breadcrumb of the page top (0 if none).

    The top ends at the first body block that is report text.
    """
    end = 0
    for i, ((_, kind), reason) in enumerate(zip(blocks, reasons)):
        if reason in _HEADER_FURNITURE:
            end = i + 1
        elif kind == "body" and not reason:
            break
    return end


_NEWS_DATELINE = re.compile(r"[A-Z][A-Z'’ -]{2,40}\s+[–—-]\s+\S")  # "BEEKSTEDE – " opening a news paragraph


def _repetition(blocks, i, counts, kept) -> str | None:
    text = blocks[i][0]
    if counts[text] > 1:
        previous = [j for j in range(i) if blocks[j][0] == text]
        if not previous and _doubled_next(blocks, i):
            return None
        return "repeated heading" if previous and previous[-1] == i - 1 else "repeated block"
    # a heading or footer made of an earlier heading and more ("Soepmiddag – Beekster Courant"); not
    # a news paragraph that opens with its dateline ("BEEKSTEDE – Een grote pan erwtensoep ...")
    if blocks[i][1] != "heading" and _NEWS_DATELINE.match(text):
        return None
    heads = {t for t, kind in kept if kind == "heading"}
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(text)]
    if len(parts) > 1 and any(p in heads for p in parts):
        return "repeated heading"
    return None


def _doubled_next(blocks, i) -> bool:
    """True when the block's only repeat stands right after it (a doubled headline)."""
    text = blocks[i][0]
    later = [j for j in range(i + 1, len(blocks)) if blocks[j][0] == text]
    return later == [i + 1]
