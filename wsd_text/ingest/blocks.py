"""Raw text to paragraph blocks: blank lines separate blocks, hard wraps are undone."""
from __future__ import annotations

import re
import unicodedata

_BULLET = re.compile(r"^\s*(?:[-–•·*▪●◦]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK = re.compile(r"\n\s*\n")
# The control characters (Unicode category Cc) but tab and line feed; one regex pass is ~10x
# faster than asking unicodedata about every character.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A speaker or question label opens a new turn, not a wrapped line: "V: …", "A: …",
# "Semhar: …", "Mevr. Pinto (wijkteam): …".
_LABEL = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){0,3})(?:\s*\([^()\n]{1,40}\))?\s*:\s")
_HYPHENATED = re.compile(r"[a-zà-ÿ]{2}-$")
# "zorg- en welzijn": a hyphen before a conjunction marks a shared word part, not a broken word.
_CONTINUES = re.compile(r"(?!(?:en|of|tot)\b)[a-zà-ÿ]")
# A block whose lines are all this short is a list of lines (menu, address, names), not wrapped prose.
_SHORT_LINE = 60
# A block of this many lines that each open like a new item (a capital, a digit, a bullet or a
# form of address: "mw. A. Kok – ..."): a list of people or points, not wrapped prose, whose
# lines mostly continue a sentence in lower case.
_LIST_LINES = 3
# A line ending in an article, preposition or conjunction goes on: "… doorgeschoven omdat de" +
# "Voedselbank toen …" is wrapped prose, however the next line opens.
# Not a word that also ends a clause as a verb particle ("… welke regelingen er zijn", "… vullen
# de formulieren in"): an action list has such lines.
_OPEN_END = re.compile(r"\b(?:de|het|een|van|en|of|dat|die|omdat|met|naar|te|om|als|zoals)$")
_LIST_START = re.compile(r"[A-ZÀ-Ý0-9•·▪*–-]|(?:mw|mevr|dhr|hr|dr|drs|ir|prof|mr|ing)\.\s")
# No one hard-wraps lines this long (PDF and e-mail text wraps at 60-100 characters): a block
# with such a line holds one paragraph per line.
_WRAP_MAX = 150
_UNBREAKABLE = re.compile(r"\S{40,}")  # a link or path no wrap can break
# A wrapped line is at least this share of the block's longest line once the next word is
# added (proportional PDF fonts make wrapped lines uneven); a shorter one ended on purpose.
_FULL_LINE = 0.7


def normalise(raw: str) -> str:
    """NFC, LF line ends, no control characters, runs of spaces (incl. NBSP) as one space."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_blocks(raw: str) -> list[tuple[str, str]]:
    """Blocks of ``raw`` as (text, kind) pairs, kind being "body", "heading" or "list_item"."""
    blocks = []
    for chunk in _BLANK.split(normalise(raw)):
        lines = [line for line in chunk.split("\n") if line]
        if lines:
            blocks.extend(_unwrap(lines))
    return [(text, _kind(text)) for text in blocks]


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; keep list items, lists of short lines and lines longer than
    any hard wrap (one paragraph per line, as minutes are often typed) apart."""
    if len(lines) > 1 and (max(map(len, lines)) < _SHORT_LINE or _one_paragraph_per_line(lines)) \
            or len(lines) >= _LIST_LINES and all(_LIST_START.match(line) for line in lines[1:]) \
            and not any(_OPEN_END.search(line) for line in lines[:-1]):
        return lines
    out: list[str] = []
    width = _wrap_width(lines)
    for previous, line in zip([None, *lines], lines):
        if previous is not None and _ends_short(previous, line, width):
            out.append(line)  # "6. Rondvraag" + "Dennis vraagt …": the short line ended there
        elif out and _HYPHENATED.search(out[-1]) and _CONTINUES.match(line):
            out[-1] = out[-1][:-1] + line  # a word hyphenated at the line end (PDF): "verant-" + "woordelijk"
        elif out and out[-1].endswith("-") and out[-1][-2:-1].isalpha() and line[:1].isupper():
            out[-1] += line  # a hyphenated name broken at its hyphen: "Noord-" + "Holland"
        elif out and not _BULLET.match(line) and not _LABEL.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _wrap_width(lines: list[str]) -> int:
    """The length hard-wrapped lines reach: the longest line without an unbreakable run (a URL),
    so that one long link does not make every other line look short."""
    return max((len(line) for line in lines if not _UNBREAKABLE.search(line)), default=max(map(len, lines)))


def _ends_short(previous: str, line: str, width: int) -> bool:
    """True when ``line`` opens with a capital whose first word would have fitted on the
    line before with room to spare: a hard wrap fills its line, so that break was typed."""
    first = line.split(" ", 1)[0]
    return line[:1].isupper() and len(previous) + 1 + len(first) < width * _FULL_LINE


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Most lines are longer than any hard wrap. The last line is left out (a link pasted at
    the end of a wrapped paragraph runs long), and so is a lone long line that PDF extraction
    made by joining two."""
    body = lines[:-1]
    return sum(len(line) > _WRAP_MAX for line in body) * 2 >= len(body)


def _kind(text: str) -> str:
    if _BULLET.match(text):
        return "list_item"
    if len(text.split()) <= 15 and not text.rstrip().endswith((".", ":", ";", ",")):
        return "heading"
    return "body"
