"""Report metadata: title, dates, place and attendance (ANNOTATION.md §6, §8.10–11, §9.1–2).

Rules, all general and driven by the cue words in ``data/nl/metadata.yaml``:

- **Dates.** A regex finds candidates ("5 oktober", "9 september 2021", "17/05/2023",
  "2023-11-07"), dateparser reads them (Dutch, day first). A date without a day is never a
  candidate. A date opening the lead ("8 oktober 2021 - Nieuws") or after a publication label
  ("Gepubliceerd op: 12 mei 2023", "Datum: ...") is the *publication* date (§9.2). The
  *event* date is the first other date in a sentence about the meeting (cue words) that does
  not announce a future one; day and month alone take their year from the publication date,
  as the last such day on or before it (so "18 december jongstleden" in a January text is the
  year before); without a publication date the year is unknown and the field is null (§8.11).
- **Place.** In order: a "Locatie:" label; "bij/in <Naam> te <Plaats>"; a venue noun
  ("raadzaal", "...kerk", "wijkcentrum") with its name or town; travel to a town ("reisden naar
  Arnhem"). Null when a meeting sentence says the meeting was online (§8.11).
- **Attendance.** A count (digits or Dutch number words) right before a noun of people or
  organisations, kept only with headline evidence: an approximation ("ruim", "zo'n"), a
  definite article ("de 47 aanwezigen") or a presence cue in the sentence. People win over
  organisations (§8.10); the unit is the noun as written, without quantity adjectives.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from dateparser.languages import default_loader

from ..report import Attendance, Metadata
from ..resources import load_yaml

_TITLE_MAX_WORDS = 20
_QUOTES = "‘’“”„\"'«»‹›"
_OPEN_QUOTES = "‘“„\"'«‹"
# The lead is the first few blocks, or all before the first paragraph of the body when a web
# page's menu and breadcrumb come first; a date there opens the report (§9.2).
_LEAD_BLOCKS = 4
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")  # dateparser's locale keys, in calendar order
_MAX_REPORT_DELAY = 183  # days: a report appears within months of its meeting
_HEADER_BLOCK = 120  # characters: longer is a paragraph, and no byline
_MAX_LEAD = 12  # blocks: the minutes of a meeting are short blocks too
_LABEL_SEPARATORS = "|·•–—-"
# the hours of a meeting: "19.30-21.00", "van 14.00 tot 16.00 uur", Flemish "19u30 – 22u" (not a
# page's time stamp, "18.42 uur")
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2}|u\d{0,2})\s*(?:[-–]|tot)\s*\d{1,2}(?:[.:]\d{2}|u\d{0,2})(?!\w)")
_WORD = re.compile(r"[\w'’-]+")
_DAY_PARTS = ("avond", "middag", "ochtend", "namiddag", "voormiddag")  # written onto a weekday: "dinsdagavond"
_PLACE_DATELINE = re.compile(r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2},")
_AUTHOR = r"(?i:door|tekst|auteur)"  # the word that opens a byline
_AUTHOR_WORD = re.compile(_AUTHOR + r"\b")
# a lower-case word right after a date, not a byline's "door" or a time of posting's "om"
_SENTENCE_GOES_ON = re.compile(r"\s+(?!door\b|om\b)[a-zà-ÿ]")
_TIME_STAMP = re.compile(r"\s*,?\s*(?:om\s+)?\d{1,2}[.:]\d{2}(?:\s*uur)?\s*")  # the time of posting: ", 10:32"
# A byline: "Door Iris Bos", "Door: redactie", "Tekst en foto's: ...", who took the minutes
# ("Verslag: Koen Beukema (student), 16 juni 2023"), or a person's name and a comma before a role
# (not "Door de storm ...")
_BYLINE = re.compile(_AUTHOR + r"(?i:\s+en\s+\S+)?(?:\s*:|\s+[A-Z])"
                     r"|(?i:verslag|notulen|notulist|verslaglegging)\s*:\s*[A-Z][a-z]+\s+(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][\w'’-]+\s*[,(]"
                     r"|[A-Z][\w'’-]+(?:\s+(?:(?:van|de|der|den|ter|ten|het)\s+)*[A-Z][\w'’-]+)+,")
# what stands before a date that a sentence gives, not a byline: "spraken op 14 maart 2024"
_DATE_PREPOSITION = re.compile(r"\b(?:op|in|van|tot|naar|sinds|vanaf|per|voor|na)\s*$", re.IGNORECASE)
_DOCUMENT_LABEL = re.compile(r"[A-Z]{4,}")  # "PERSBERICHT", "NIEUWSBERICHT", "VERSLAG"
_ALLOWED_KEYS = {"patterns", "approximate", "people", "organisations", "drop_adjectives",
                 "numbers", "multipliers", "venues", "abbreviations", "days_before"}
_OPTIONAL_KEYS = {"days_before"}
_PATTERN_KEYS = {"published", "event", "event_label", "future", "online", "attendance", "travel", "location_label"}
_SENTENCE_END = re.compile(r"(?<=[.!?…])[’”'\"]?\s+(?=[^a-z\s])|\n+")
# A proper name: capitalised tokens, with the lowercase particles Dutch names carry inside.
_CAP = r"(?:[A-Z][a-z]{0,2}\.|[A-Z0-9][\w.'’&-]*[\w'’])"  # also "St." in "St. Bavokerk"
_NAME = rf"{_CAP}(?:\s+(?:(?:van|de|der|den|het|voor|en|aan|op)\s+)*{_CAP}){{0,5}}"
# "Locatie: ...", also inside a form flattened to one line ("Datum : ... Locatie : ...").
_LABEL = re.compile(r"(?:^|(?<=\s))(?P<label>\w+)\s*:\s+")
# A place name: "Haarlem", "Den Haag", "'s-Hertogenbosch", "Alphen aan den Rijn".
_TOWN = r"(?:'s-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+(?:aan|op|in|bij)\s+(?:de[nr]?\s+)?[A-Z][\w'’-]+)?"


def find_title(blocks: list[tuple[str, str]]) -> str | None:
    """The headline: the first block when it is heading-like, else None (§9.1).

    A final full stop is dropped; quotation marks are dropped only when they enclose the
    whole headline, so a headline ending in a quoted name keeps its closing mark.

    Examples
    --------
    >>> find_title([("‘Luister eerst, help daarna!’", "heading"), ("Tekst.", "body")])
    'Luister eerst, help daarna!'
    >>> find_title([("Verslag van het café 'Arm zijn'.", "body")])
    "Verslag van het café 'Arm zijn'"
    >>> find_title([("Nieuws – 3 mei 2024", "heading"), ("Arm in de stad", "heading")])
    'Arm in de stad'
    """
    # A dateline ("Nieuws – 23 maart 2026") or a document label ("PERSBERICHT") above the
    # headline is not the headline.
    while blocks and (_is_dateline(blocks[0][0]) or _DOCUMENT_LABEL.fullmatch(blocks[0][0])):
        blocks = blocks[1:]
    if not blocks:
        return None
    text, kind = blocks[0]
    heading_like = kind == "heading" or (
        len(text.split()) <= _TITLE_MAX_WORDS and text.endswith((".", "!", "?", "’", "'", "”", "»"))
        and text.count(".") <= 1)
    if not heading_like:
        return None
    title = text.strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    if len(title) > 1 and title[0] in _OPEN_QUOTES and title[-1] in _QUOTES \
            and not any(ch in _QUOTES for ch in title[1:-1]):
        title = title[1:-1].strip()
    return title or None


# ---------------------------------------------------------------- cue data

@dataclass(frozen=True, eq=False)  # hashed by identity, so compiled regexes can be cached per cue set
class MetadataCues:
    """The cue words of ``metadata.yaml``, compiled."""

    patterns: dict[str, tuple[re.Pattern, ...]]
    approximate: tuple[str, ...]
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    drop_adjectives: frozenset[str]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    venues: tuple[str, ...]
    abbreviations: frozenset[str]
    days_before: dict[str, int]  # "gisteravond": 1, a day counted back from the publication date

    def has(self, name: str, text: str) -> bool:
        """True when a ``name`` pattern matches ``text``."""
        return _has(self, name, text)


@lru_cache(maxsize=4096)  # the date and place rules ask the same of the same sentences
def _has(cues: MetadataCues, name: str, text: str) -> bool:
    return _any_pattern(cues, name).search(text) is not None


@lru_cache(maxsize=64)
def _any_pattern(cues: MetadataCues, name: str) -> re.Pattern:
    """The ``name`` patterns as one alternation: one scan of a sentence instead of one per pattern.

    It matches where any of them matches; an empty group matches nothing.
    """
    patterns = cues.patterns[name]
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> MetadataCues:
    """Read the metadata cue words from the package data or a user's YAML file.

    Parameters
    ----------
    path : str or None
        A replacement ``metadata.yaml``; ``None`` reads the package's file.
    """
    data = load_yaml("metadata.yaml", path, allowed=_ALLOWED_KEYS)
    missing = _ALLOWED_KEYS - _OPTIONAL_KEYS - set(data)
    if missing:
        raise ValueError(f"metadata.yaml: missing key(s) {', '.join(sorted(missing))}.")
    unknown = set(data["patterns"]) - _PATTERN_KEYS
    if unknown:
        raise ValueError(f"metadata.yaml: unknown pattern group(s) {', '.join(sorted(unknown))}; "
                         f"allowed groups are {', '.join(sorted(_PATTERN_KEYS))}.")
    patterns = {name: tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"].get(name, ()))
                for name in _PATTERN_KEYS}
    lower = lambda items: tuple(sorted((str(i).lower() for i in items), key=len, reverse=True))  # noqa: E731
    return MetadataCues(
        patterns=patterns, approximate=lower(data["approximate"]), people=lower(data["people"]),
        organisations=lower(data["organisations"]),
        drop_adjectives=frozenset(lower(data["drop_adjectives"])),
        numbers={str(k).lower(): int(v) for k, v in data["numbers"].items()},
        multipliers={str(k).lower(): int(v) for k, v in data["multipliers"].items()},
        venues=lower(data["venues"]),
        abbreviations=frozenset(str(a).lower().rstrip(".") for a in data["abbreviations"]),
        days_before={str(k).lower(): int(v) for k, v in (data.get("days_before") or {}).items()})


# ---------------------------------------------------------------- public entry

def extract_metadata(text: str, cues: MetadataCues | None = None) -> Metadata:
    """Dates, place and attendance from the clean text of a report.

    Parameters
    ----------
    text : str
        ``Report.text``: blocks separated by blank lines, the headline first.
    cues : MetadataCues or None
        Cue words; ``None`` uses ``data/nl/metadata.yaml``.

    Returns
    -------
    Metadata

    Examples
    --------
    >>> meta = extract_metadata("Verslag\\n\\n8 oktober 2021 - Nieuws\\n\\nOp dinsdag 5 oktober "
    ...                         "vond een bijeenkomst plaats met ruim 20 deelnemers.")
    >>> meta.published_date, meta.event_date, meta.attendance.count
    ('2021-10-08', '2021-10-05', 20)
    """
    cues = cues or load_cues()
    blocks = text.split("\n\n")
    published, published_span = find_published_date(blocks, cues)
    event = find_event_date(text, cues, published or _lead_month(blocks), published_span)
    if event is None and published is not None:
        event = find_relative_event_date(text, cues, published)
    return Metadata(published_date=published.isoformat() if published else None,
                    event_date=event.isoformat() if event else None,
                    location=find_location(text, cues), attendance=find_attendance(text, cues))


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class DateMention:
    """A date written in the text; ``year`` is None when the text gives only day and month."""

    start: int
    end: int
    text: str
    year: int | None


@lru_cache(maxsize=1)
def _date_regex() -> re.Pattern:
    """Candidate dates; month names come from dateparser's Dutch locale."""
    month = _month_names()
    return re.compile(
        rf"(?<![\w/.-])(?:(?P<d>\d{{1,2}})(?:e|ste|de)?\s+(?P<m>{month})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w-])"
        rf"|(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>\d{{4}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\w/-])",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _month_names() -> str:
    """An alternation of the Dutch month names and abbreviations of dateparser's locale, longest first."""
    return "|".join(re.escape(m) for m in sorted(_month_numbers(), key=len, reverse=True))


def find_dates(text: str) -> list[DateMention]:
    """Every date with a day in ``text`` ("26 februari", "04/01/2022"); month-only dates are left out.

    Examples
    --------
    >>> [(d.text, d.year) for d in find_dates("Op 14 mei, en in maart 2019, en 04/01/2022.")]
    [('14 mei', None), ('04/01/2022', 2022)]
    """
    out = []
    for match in _date_regex().finditer(text):
        year = match.group("y") or match.group("ny") or match.group("iy")
        out.append(DateMention(match.start(), match.end(), match.group(0), int(year) if year else None))
    return out


def parse_date(mention: DateMention, before: date | None = None) -> date | None:
    """The date of a mention; day and month alone take the last such day on or before ``before``.

    Returns None when the text gives no year and there is no ``before`` date to take it from,
    or when dateparser cannot read the mention (e.g. 31/02/2020).
    """
    if mention.year is None and before is None:
        return None
    return _parse(mention.text, before if mention.year is None else None)


@lru_cache(maxsize=4096)
def _parse(text: str, before: date | None) -> date | None:
    """dateparser on one mention, remembered: it takes milliseconds, and reports repeat dates."""
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month"]}
    if before is not None:
        # dateparser resolves a year-less date relative to a base: "past" keeps it on or before.
        settings.update(RELATIVE_BASE=datetime.combine(before, datetime.min.time()),
                        PREFER_DATES_FROM="past")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        settings["DATE_ORDER"] = "YMD"
    parsed = dateparser.parse(text, languages=["nl"], settings=settings)
    return parsed.date() if parsed else None


def find_published_date(blocks: list[str], cues: MetadataCues | None = None
                        ) -> tuple[date | None, tuple[int, int] | None]:
    """The publication date and its span in the text joined by blank lines (§9.2).

    A full date (with year) in the lead that opens its block ("8 oktober 2021 - Nieuws"),
    ends a byline ("Door Iris Bos, docent 12 januari 2022") or follows a publication label
    ("Gepubliceerd op: ...", "Datum: ...").
    """
    cues = cues or load_cues()
    offset, lead_blocks = 0, _lead_length(blocks)
    for i, block in enumerate(blocks):
        lead = i < lead_blocks
        for mention in find_dates(block):
            before = block[:mention.start]
            # a date opening the lead dates the page, unless its line places or times the meeting
            # ("Woensdag 25 september 2024, Gemeentehuis Ommerwold, raadzaal": `find_event_date`), nor
            # when the lead's sentence goes on about the meeting ("Woensdag 8 november 2023 kwamen 22
            # deelnemers bijeen"): the date is then that sentence's own
            opens_lead = lead and _lead_prefix(before) and not _meeting_line(block[mention.end:], cues) \
                and not _dates_its_sentence(block, mention, cues)
            # a byline that ends in the date: "Saskia Mertens, lector, Hogeschool Waalrand 19 september 2024"
            ends_byline = lead and 0 < i and _is_byline(block, mention, cues)
            # Minutes that date their meeting before ("Notulen 05-02-2014", "Betreft: verslag
            # overleg 2 december") were written on another day their "Datum:" gives; otherwise
            # that label dates the meeting itself (`find_event_date`).
            written = cues.has("event_label", before[-40:]) and \
                _dated_before(blocks[:i] + [before], mention, cues) and lead
            labelled = (cues.has("published", before[-40:]) or written) and (lead or len(block) < 200)
            if mention.year and (opens_lead or ends_byline or labelled) and not cues.has("future", block):
                parsed = parse_date(mention)
                if parsed:
                    return parsed, (offset + mention.start, offset + mention.end)
        offset += len(block) + 2
    return None, None


def _is_byline(block: str, mention: DateMention, cues: MetadataCues) -> bool:
    """True when a short block is a byline that ends in the date: "Saskia Mertens, lector ...,
    Hogeschool Waalrand 19 september 2024" (not a sentence that gives a date, "spraken op 14
    maart 2024", nor a venue's line, "Buurthuis De Linde, donderdag 14 maart 2024")."""
    before = block[:mention.start]
    first = before.split(None, 1)[0].lower() if before.strip() else ""
    # the date ends the byline, perhaps with the time of posting ("..., 10:32")
    ends = not block[mention.end:].strip(" .") or _TIME_STAMP.fullmatch(block, mention.end) is not None
    # a weekday before the date marks a venue's line, not one that says who wrote it ("Door ...")
    weekday_ok = _weekday_before(before) is None or _AUTHOR_WORD.match(block) is not None
    return len(block) < _HEADER_BLOCK and ends and _BYLINE.match(block) is not None \
        and not _DATE_PREPOSITION.search(before) and weekday_ok \
        and not any(first.endswith(venue) for venue in cues.venues)


def _lead_length(blocks: list[str]) -> int:
    """How many blocks the lead has: the first ``_LEAD_BLOCKS + 1``, and on until a paragraph
    when only short header blocks (a menu, a breadcrumb) came before, up to ``_MAX_LEAD``."""
    for i in range(_LEAD_BLOCKS + 1, min(len(blocks), _MAX_LEAD)):
        if len(blocks[i - 1]) >= _HEADER_BLOCK:
            return i
    return min(len(blocks), _MAX_LEAD)


def _lead_month(blocks: list[str]) -> date | None:
    """The last day of a month with its year in the lead ("Nieuwsbrief welzijn, maart 2024"):
    no publication date, but the year of the meeting's "donderdag 7 maart" before it."""
    for block in blocks[:_lead_length(blocks)]:
        # a masthead, not a sentence: "Sinds maart 2023 werkt het netwerk samen" dates no issue
        match = _month_year_regex().search(block)
        if match and len(block) < _HEADER_BLOCK and not block.rstrip().endswith(".") \
                and not _DATE_PREPOSITION.search(block[:match.start()]):
            year, month = int(match.group("y")), _month_numbers()[match.group("m").lower().rstrip(".")]
            return date(year, month, calendar.monthrange(year, month)[1])
    return None


@lru_cache(maxsize=1)
def _month_year_regex() -> re.Pattern:
    """A month name and a year without a day before it ("maart 2024", not "7 maart 2024")."""
    return re.compile(rf"(?<![\w.-])(?<!\d\s)(?P<m>(?:{_month_names()})\.?)\s+(?P<y>(?:19|20)\d\d)(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """1 to 12 for each Dutch month name and abbreviation of dateparser's locale ("mrt": 3)."""
    info = default_loader.get_locale("nl").info
    return {name.lower().rstrip("."): number for number, key in enumerate(_MONTH_KEYS, 1) for name in info[key]}


def _dated_before(blocks: list[str], mention: DateMention, cues: MetadataCues) -> bool:
    """True when ``blocks`` (the text before ``mention``) date a meeting on another day."""
    text = "\n\n".join(blocks)
    day = _day_month(mention)
    return any(cues.has("event", text[max(0, m.start - 60):m.end]) and _day_month(m) != day
               for m in find_dates(text))


def _day_month(mention: DateMention) -> tuple[int, int] | None:
    """Day and month of a mention, whether or not it has a year."""
    parsed = parse_date(mention, before=date(2000, 12, 31) if mention.year is None else None)
    return (parsed.day, parsed.month) if parsed else None


def _is_dateline(block: str) -> bool:
    """A block that is a date, perhaps with a weekday or a short section label before it."""
    dates = find_dates(block)
    return len(dates) == 1 and not block[dates[0].end:].strip(" .") and _lead_prefix(block[:dates[0].start])


def _meeting_line(rest: str, cues: MetadataCues) -> bool:
    """True when what follows a date on a short line, after a comma or a separator, places or
    times a meeting: ", Gemeentehuis Ommerwold, raadzaal", " | 15.30 – 17.00 uur" (a venue word
    ends one of its words); not a lead that goes on after a dash ("19 juni 2024 – In dorpshuis De
    Meerpaal ...")."""
    line = rest.split("\n", 1)[0]
    if len(line) >= _HEADER_BLOCK or line.lstrip()[:1] not in ",|·•":
        return False
    return _CLOCK.search(line) is not None or \
        any(word.endswith(venue) for word in _WORD.findall(line.lower()) for venue in cues.venues)


def _dates_its_sentence(block: str, mention: DateMention, cues: MetadataCues) -> bool:
    """True when a sentence about a meeting goes on right after the date, with no separator:
    "Woensdag 8 november 2023 kwamen 22 deelnemers bijeen" (not "18 september 2018 - Gisteren
    ...", nor "12 maart 2024 door de redactie")."""
    rest = block[mention.end:].split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    return _SENTENCE_GOES_ON.match(sentence) is not None and cues.has("event", sentence)


def _lead_prefix(text: str) -> bool:
    """True when ``text`` is what may stand before a date that opens the lead: nothing, a
    weekday ("Zaterdag 14 oktober 2023 - ..."), a short section label and a separator
    ("Nieuws | 7 oktober 2025", "Blog · 3 mei 2024", with a weekday: "Regio | ma 3 okt 2022") or
    the place of a press release ("Zwolle, 3 mei 2024")."""
    if _PLACE_DATELINE.fullmatch(text.strip()):
        return True
    words = text.strip(" ,").lower()
    # a weekday after a label: "Regio | Onderwijs | ma 3 okt 2022"
    label, _, last = words.rpartition(" ")
    if label and last in _weekdays():
        words = label.rstrip(" ,")
    if words[-1:] in _LABEL_SEPARATORS:  # "Maaswolde Nieuws · Jeugd · 14 maart 2024": three words
        return len([w for w in words.split() if w not in _LABEL_SEPARATORS]) <= 4
    return not words or words in _weekdays()


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    """Dutch weekday names from dateparser's locale, with their number (0 is Monday)."""
    info = default_loader.get_locale("nl").info
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return {name: number for number, key in enumerate(days) for name in info[key]}


def find_event_date(text: str, cues: MetadataCues | None = None, published: date | None = None,
                    published_span: tuple[int, int] | None = None) -> date | None:
    """The date of the reported meeting: the first of `_event_candidates` that is not the
    publication date and not after it (a later date announces the next meeting).

    Examples
    --------
    >>> find_event_date("De volgende inloopavond is op 9 juni 2025. Op 14 mei 2025 vond de "
    ...                 "bijeenkomst plaats.").isoformat()
    '2025-05-14'
    >>> find_event_date("Op dinsdag 4 maart 2025 schoven achttien mensen aan.").isoformat()
    '2025-03-04'
    """
    cues = cues or load_cues()
    yearless = None  # the sentence of a date without a year: the meeting's own, unless it dates one more
    for start, sentence, mention in _event_candidates(text, cues):
        if (start + mention.start, start + mention.end) == published_span:
            continue
        if yearless is not None and start != yearless:
            return None  # the meeting's own date, but the text does not fix its year (§8.11)
        if mention.year is None and published is None:
            yearless = start  # "De bijeenkomst i.p.v. 3 maart vond plaats op dinsdag 12 maart 2024"
            continue
        parsed = parse_date(mention, before=published)
        if parsed is not None and mention.year is None and published and (published - parsed).days > _MAX_REPORT_DELAY:
            continue  # "12 oktober" in the agenda of a September issue comes after it, not a year before
        weekday = _weekday_before(sentence[:mention.start])
        # a weekday that does not fit ("dinsdag 4 juni" is no Tuesday in the year before
        # publication) marks a date to come, or the wrong year
        if parsed is not None and not (published and parsed > published) and weekday in (None, parsed.weekday()):
            return parsed
    return None


def find_relative_event_date(text: str, cues: MetadataCues, published: date) -> date | None:
    """The meeting's date from a word that counts back from the publication date ("Zo'n
    vijftig jongeren kwamen gisteravond naar ..."), in a sentence about the meeting (§9.2:
    the publication date fixes the year).

    Examples
    --------
    >>> find_relative_event_date("Gisteravond kwamen veertig bewoners bijeen.", load_cues(),
    ...                          date(2024, 3, 8)).isoformat()
    '2024-03-07'
    """
    if not cues.days_before:
        return None
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, cues.days_before)) + r")\b", re.IGNORECASE)
    for _, sentence in _sentences(text, cues):
        if cues.has("event", sentence) and not cues.has("future", sentence) and (m := words.search(sentence)):
            return published - timedelta(days=cues.days_before[m.group().lower()])
    return None


def _event_candidates(text: str, cues: MetadataCues) -> Iterator[tuple[int, str, DateMention]]:
    """Dates (with their sentence's offset) in sentences not about the future, most trusted
    first: on a line that dates and places the meeting ("Woensdag 25 september 2024,
    Gemeentehuis Ommerwold"), in a headline about a meeting ("Notulen 05-02-2014"), after an
    event label ("Datum vergadering: ..."), in a sentence about a meeting, after a weekday ("Op
    dinsdag 4 maart schoven achttien mensen aan"), the way reports date the meeting they describe."""
    dated = [(start, sentence, mention) for start, sentence in _sentences(text, cues)
             if not cues.has("future", sentence) for mention in find_dates(sentence)]
    headline = len(text.split("\n\n", 1)[0])
    # a line of its own that dates and places the meeting: "Woensdag 25 september 2024, Gemeentehuis"
    yield from (d for d in dated if _lead_prefix(d[1][:d[2].start]) and _meeting_line(d[1][d[2].end:], cues))
    yield from (d for d in dated if d[0] < headline and cues.has("event", d[1]))
    yield from (d for d in dated if cues.has("event_label", d[1][:d[2].start][-40:]))
    yield from (d for d in dated if cues.has("event", d[1]))
    yield from (d for d in dated if _weekday_before(d[1][:d[2].start]) is not None)


def _weekday_before(before: str) -> int | None:
    """The weekday (0 is Monday) the text before a date ends in ("Op dinsdag", "woensdagavond,",
    "donderdag (")."""
    words = before.rstrip(" ,(").rsplit(None, 1)
    word = words[-1].lower() if words else ""
    for part in ("", *_DAY_PARTS):
        if word.endswith(part) and (day := _weekdays().get(word[:len(word) - len(part)])) is not None:
            return day
    return None


# ---------------------------------------------------------------- place

def find_location(text: str, cues: MetadataCues | None = None) -> str | None:
    """Where the meeting was held, or None (online, or the place only implied; §8.11).

    Examples
    --------
    >>> find_location("De bijeenkomst vond plaats bij Hogeschool Noord te Zwolle.")
    'Hogeschool Noord, Zwolle'
    >>> find_location("In het buurthuis van Assen kwamen bewoners bijeen.")
    'buurthuis, Assen'
    """
    cues = cues or load_cues()
    sentences = [sentence for _, sentence in _sentences(text, cues)]
    if any(cues.has("online", s) and cues.has("event", s) for s in sentences):
        return None
    rules, held_in, travel = _location_rules(cues)
    for sentence in sentences:
        for match in _LABEL.finditer(sentence):
            if cues.has("location_label", match.group("label")):
                return _until_next_label(sentence[match.end():])
    current = [s for s in sentences if not cues.has("future", s)]
    for rule in rules:
        for sentence in current:
            match = rule.search(sentence)
            if match:
                parts = [match.group("name")] + ([match.group("town")] if "town" in rule.groupindex
                                                  and match.group("town") else [])
                return ", ".join(p.strip(" ,.") for p in parts)
    for sentence in current:
        match = held_in.search(sentence)
        if match and cues.has("event", sentence):
            return match.group("town")
    for sentence in sentences:
        match = travel.search(sentence)
        if match and cues.has("travel", sentence):
            return match.group("town")
    return None


@lru_cache(maxsize=4)
def _location_rules(cues: MetadataCues) -> tuple[list[re.Pattern], re.Pattern, re.Pattern]:
    """The venue rules in order of trust, then "vond plaats in <Plaats>", then travel "naar <Plaats> om"."""
    venue = "|".join(re.escape(v) for v in cues.venues)
    venue_word = rf"[\w-]*(?i:{venue})"
    town = rf"(?:\s+(?:in|te)\s+(?P<town>{_TOWN}))?"
    # Case matters for names, so only the prepositions and articles ignore it.
    rules = [
        # "bij Hogeschool Noord te Haarlem", "in Buurthuis De Pijp te Amsterdam", "van het X College te Y"
        re.compile(rf"\b(?i:bij|in|van)\s+(?:de\s+|het\s+)?(?P<name>{_NAME})\s+te\s+(?P<town>{_TOWN})"),
        # "in het buurthuis van Deventer", "van een schoolgebouw in Zwolle"
        re.compile(rf"\b(?i:in|op|bij|van)\s+(?:de|het|een)\s+(?:[a-z]+e\s+)?(?P<name>(?=[a-z]){venue_word})"
                   rf"\s+(?:van|in|te)\s+(?P<town>{_TOWN})"),
        # "in sporthal De Kikker", "in de Bibliotheek Midden-Brabant", "in wijkcentrum De Bron te Ede"
        re.compile(rf"\b(?i:in|bij|naar)\s+(?:(?i:de|het)\s+)?(?P<name>(?=[A-Za-z]){venue_word}\s+{_NAME}){town}"),
        # "in de Pelgrimskerk", "in de St. Bavokerk aan de Markt"
        re.compile(rf"\b(?i:in|bij)\s+(?:de|het)\s+(?P<name>(?:{_CAP}\s+){{0,3}}[A-Z][\w'’-]*(?:{venue})"
                   rf"(?:\s+aan\s+de[nr]?\s+{_CAP})?){town}"),
    ]
    # A name, not _TOWN: "vond plaats in Het Klooster" must not give "Het".
    held_in = re.compile(rf"\b(?:vond|plaatsvond|gehouden|plaats)\b.*?\bin\s+(?P<town>{_NAME})")
    travel = re.compile(rf"\bnaar\s+(?P<town>{_TOWN})\s+(?:om|voor)\b")
    return rules, held_in, travel


def _until_next_label(value: str) -> str | None:
    """A label's value, cut where the next "Label :" of a flattened form starts."""
    value = re.split(r"\s+\w+\s*:\s", value, maxsplit=1)[0]
    return value.strip(" ,.;") or None


# ---------------------------------------------------------------- attendance

def parse_number(word: str, cues: MetadataCues | None = None) -> int | None:
    """The value of a count written in digits or Dutch words ("40", "veertig", "honderdvijftig").

    Examples
    --------
    >>> [parse_number(w) for w in ["22", "1.200", "veertig", "vijfentwintig", "tweeëndertig",
    ...                            "honderdvijftig", "tweehonderd", "twintigtal", "zestal", "boom"]]
    [22, 1200, 40, 25, 32, 150, 200, 20, 6, None]
    """
    cues = cues or load_cues()
    word = word.lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", word):
        return int(word.replace(".", ""))
    if word.endswith("tal") and len(word) > 5:  # "een twintigtal": about twenty
        return _number_word(word[:-3], cues)
    return _number_word(word, cues)


def _number_word(word: str, cues: MetadataCues) -> int | None:
    """Compose a Dutch number word from the base words of the data file."""
    if not word:
        return None
    if word in cues.numbers:
        return cues.numbers[word]
    for name, factor in sorted(cues.multipliers.items(), key=lambda kv: -kv[1]):
        if name in word:
            left, right = word.split(name, 1)
            head = _number_word(left, cues) if left else 1
            tail = _number_word(right, cues) if right else 0
            if head is None or tail is None:
                return None
            return head * factor + tail
    match = re.fullmatch(r"(?P<unit>\w+?)(?:en|ën)(?P<tens>\w+tig)", word)
    if match:
        unit, tens = cues.numbers.get(match["unit"]), cues.numbers.get(match["tens"])
        if unit and tens and unit < 10 <= tens:
            return unit + tens
    return None


def find_attendance(text: str, cues: MetadataCues | None = None) -> Attendance | None:
    """The headline count of people (or, failing that, organisations) present (§8.10).

    Examples
    --------
    >>> find_attendance("Er waren zo'n zestig (meest) ouders en 9 organisaties aanwezig.")
    Attendance(count=60, unit='ouders')
    >>> find_attendance("Ruim 25 verschillende organisaties gingen in gesprek.")
    Attendance(count=25, unit='organisaties')
    """
    cues = cues or load_cues()
    regex = _attendance_regex(cues)
    found: dict[str, Attendance] = {}
    for _, sentence in _sentences(text, cues):
        for match in regex.finditer(sentence):
            count = parse_number(match.group("number"), cues)
            if count is None or count < 2:
                continue
            kind, unit = _unit(match.group("unit"), cues)
            # "de 47 aanwezigen" is a headcount; "de drie netwerken" names a set.
            article = match.group("article") and kind == "people"
            approx = match.group("approx") or match.group("number").lower().endswith("tal")  # "een zestigtal"
            if not (approx or article or cues.has("attendance", sentence)):
                continue
            if kind and kind not in found:
                found[kind] = Attendance(count, unit)
        if "people" in found:
            break
    return found.get("people") or found.get("organisations")


@lru_cache(maxsize=4)
def _attendance_regex(cues: MetadataCues) -> re.Pattern:
    approx = "|".join(re.escape(a) for a in cues.approximate)
    nouns = "|".join(re.escape(n) for n in cues.people + cues.organisations)
    noun = rf"[\w-]*(?:{nouns})"
    # A number word starts with a base word ("vijf|entwintig", "honderd|vijftig"): trying only
    # those keeps the regex from testing every word of a sentence as a count.
    words = "|".join(sorted(map(re.escape, [*cues.numbers, *cues.multipliers]), key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<article>\b(?:de|het|die|deze)\s+)|\b)(?:(?P<approx>{approx})\s+)?"
        rf"(?:(?:een|het)\s+)?(?P<number>\d{{1,3}}(?:\.\d{{3}})+|\d+|(?:{words})[a-zë]*)"
        rf"\s+(?:\([^)]*\)\s+)?(?P<unit>(?:[a-zë]+e\s+){{0,2}}{noun}(?:(?:,\s*|\s+(?:en|of)\s+){noun})*)\b",
        re.IGNORECASE)


def _unit(phrase: str, cues: MetadataCues) -> tuple[str | None, str]:
    """The kind ("people"/"organisations") of a unit phrase and the phrase without quantity words."""
    words = [w for w in phrase.split() if w.lower() not in cues.drop_adjectives]
    head = words[-1].lower()
    # "Buurtbewoners en agenten van 8 organisaties": the noun decides the kind.
    if any(head.endswith(n) for n in cues.organisations):
        return "organisations", " ".join(words)
    if any(head.endswith(n) for n in cues.people):
        return "people", " ".join(words)
    return None, " ".join(words)


# ---------------------------------------------------------------- helpers

def _sentences(text: str, cues: MetadataCues | None = None) -> tuple[tuple[int, str], ...]:
    """(start offset, sentence) pairs: a rough split on end punctuation and line breaks."""
    return _split_sentences(text, cues or load_cues())


@lru_cache(maxsize=4)  # dates, place and attendance each read the sentences of one text
def _split_sentences(text: str, cues: MetadataCues) -> tuple[tuple[int, str], ...]:
    abbreviations = cues.abbreviations
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()]
        last = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.strip() else ""
        if "\n" not in match.group(0) and last in abbreviations:
            continue  # "St. Bavokerk", "ca. 35": a full stop that ends no sentence
        if before.strip():
            out.append((start, text[start:match.start()]))
        start = match.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return tuple(out)
