"""Reading and checking ``voice_cues.yaml``, the words and patterns of `wsd_voices`.

The file's own header explains each key; a user's file (``--settings`` ``data_dir``, or the
component's ``cues`` path) replaces it whole. Only ``terms``, ``clause_breaks``,
``attendance`` and ``missing`` are required: the keys added later may be left out.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import bad_choice, bad_keys
from ..records import PERSPECTIVES
from ..resources import load_yaml

CUES_FILE = "voice_cues.yaml"
TOP_KEYS = {"skip_names", "terms", "parts", "meeting", "not_now", "past_modals", "name_fillers", "pronouns",
            "plural_nouns", "addressed", "coordinators", "clause_breaks", "attendance", "missing", "named",
            "attendees", "wishing", "relative_starts", "listed_starts", "months", "dated_month", "dated_year",
            "chosen", "chosen_after", "beside", "earlier", "now", "then", "asking", "seasons", "dated_season", "consequence", "staff", "media", "topics"}
PATTERN_KEYS = ("clause_breaks", "coordinators", "past_modals", "plural_nouns", "relative_starts", "listed_starts",
                "dated_month", "dated_year", "dated_season", "chosen", "chosen_after", "beside", "earlier")  # one regex each
MISSING_KINDS = ("few", "none", "wanted")
NEVER = "(?!)"  # a pattern that matches nothing
# `{start}` in a pattern: the start of a sentence, or of what follows a colon or semicolon (a
# lookbehind, so that the scan still opens with the pattern's first word)
START = r"(?:(?<![^\n])|(?<=[.!?:;]\s))"


def words_pattern(words, template: str) -> str:
    """``template`` with its ``{}`` filled by an alternation of literal words or phrases
    (longest first); a pattern that never matches when there are none."""
    if not words:
        return NEVER
    return template.format("|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)))


def compile_cue(pattern: str, source: str, meeting: str = NEVER) -> re.Pattern:
    """A pattern for the lower-cased text, ``{meeting}`` standing for the meeting nouns and
    ``{start}`` for `START`; a broken one is reported with its file."""
    try:
        return re.compile(pattern.replace("{meeting}", meeting).replace("{start}", START), re.DOTALL)
    except re.error as error:
        raise ValueError(f"{source}: the pattern {pattern!r} is not a valid regular expression ({error}).") from None


def load_voice_cues(path: str | Path | None = "default", data_dir: str | Path | None = None) -> tuple[dict, str]:
    """Read and validate ``voice_cues.yaml`` (or a user's file); returns the data and its source.

    Examples
    --------
    >>> cues, _ = load_voice_cues()
    >>> sorted(cues["terms"]) == sorted(["formal", "informal", "lived_experience", "child"])
    True
    """
    if path in (None, "default") and data_dir and (Path(data_dir) / CUES_FILE).exists():
        path = Path(data_dir) / CUES_FILE
    source = str(path) if path not in (None, "default") else CUES_FILE
    cues = load_yaml(CUES_FILE, path, allowed=TOP_KEYS)
    for key in ("terms", "clause_breaks", "attendance", "missing"):
        if not cues.get(key):
            raise ValueError(f"{source}: the key {key!r} is required.")
    for key in PATTERN_KEYS:
        if not isinstance(cues.get(key) or "", str):
            raise ValueError(f"{source}: the key {key!r} must be one regular expression. Got {cues[key]!r} instead.")
    for key in ("skip_names", "parts", "staff", "media", "topics", "meeting", "not_now", "now", "then", "asking", "name_fillers", "pronouns", "addressed", "months"):
        if not isinstance(cues.get(key) or [], list):
            raise ValueError(f"{source}: the key {key!r} must be a list of words. Got {cues[key]!r} instead.")
    if not isinstance(cues.get("seasons") or {}, dict):
        raise ValueError(f"{source}: the key 'seasons' must map each season to its months. Got {cues['seasons']!r} instead.")
    if cues.get("months") and len(cues["months"]) != 12:
        raise ValueError(f"{source}: the key 'months' must list the twelve months in order. Got {len(cues['months'])}.")
    if set(cues["terms"]) - set(PERSPECTIVES):
        raise bad_keys(f"{source} (terms)", set(cues["terms"]) - set(PERSPECTIVES), PERSPECTIVES)
    for entry in cues["missing"]:
        if set(entry) != {"kind", "pattern"}:
            raise bad_keys(f"{source} (missing)", set(entry) ^ {"kind", "pattern"}, {"kind", "pattern"})
        if entry["kind"] not in MISSING_KINDS:
            raise bad_choice("kind", MISSING_KINDS, entry["kind"])
    return cues, source
