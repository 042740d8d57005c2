"""Generate a synthetic corpus of Dutch meeting reports for the benchmark (issue #9).

Reports are recombined from pieces of the real reports in ``corpus/`` and, when present,
``../shared/dev/raw/``: headings, whole paragraphs, paragraphs rebuilt from sentences of
different reports, website furniture (menus, footers) and extra quotes. Person names are
replaced by random first and last names from Faker's ``nl_NL`` lists, consistently within
one report; quotation marks are redrawn in the styles Dutch reports use. About one file in
ten is a simple HTML page. Report ``i`` depends only on ``(seed, i)``, so the first 1,000
reports of a 10,000-report corpus are the 1,000-report corpus.

Run ``python bench/make_corpus.py OUT --reports 10000 --seed 9``.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from faker.providers.person.nl_NL import Provider as DutchNames

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCES = (ROOT / "corpus", SHARED / "dev" / "raw")
GOLD_FOLDERS = (SHARED / "gold", SHARED / "dev" / "gold")

# Report lengths in words: the real reports run from about 230 to 1,400 words; a log-normal
# around 700 clipped to the 300-2,000 range gives mostly ordinary reports and a tail.
MIN_WORDS, MAX_WORDS, MEDIAN_WORDS = 300, 2000, 700
HTML_SHARE = 0.1
# A block this short without final punctuation is a heading or website furniture, as in
# wsd_text.ingest.blocks.
HEADING_MAX_WORDS = 15
# Double quotation marks as Dutch reports write them; the curly pair is the house style of
# most publishers, the typewriter forms come from e-mail and minutes.
QUOTE_STYLES = (("“", "”"), ("„", "”"), ('"', '"'), ("«", "»"), (",,", "''"), ("‘", "’"), ("'", "'"))
QUOTE_WEIGHTS = (5, 2, 3, 1, 1, 2, 1)
_QUOTED = re.compile(r"[“„]([^“”„\n]+)[”“]|\"([^\"\n]+)\"|«([^«»\n]+)»")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-Z“„\"‘«(])")
_FIRST_NAME_PAIR = re.compile(
    r"\b([A-Z][a-zà-ÿ]+) ((?:(?:van der|van den|van de|van|de|den|der|ter|ten) )?[A-Z][a-zà-ÿ'-]+)")
_TUSSENVOEGSELS = ("van", "de", "van der", "van den", "van de", "ter", "den")
_SAYS = ("zegt", "vertelt", "legt uit", "benadrukt", "vult aan", "stelt", "concludeert", "aldus")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Pieces:
    """Everything a synthetic report is built from."""

    headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    headers: tuple[tuple[str, ...], ...]  # website furniture above the text, per source
    footers: tuple[tuple[str, ...], ...]  # and below it
    names: tuple[str, ...]


def load_pieces(sources: Iterable[Path] = DEFAULT_SOURCES) -> Pieces:
    """Split every ``*.txt`` report in ``sources`` (missing folders are skipped) into pieces."""
    files = sorted(p for folder in sources if Path(folder).is_dir() for p in Path(folder).glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no *.txt reports in {', '.join(map(str, sources))}")
    headings, paragraphs, headers, footers = [], [], [], []
    for path in files:
        blocks = _blocks(path.read_text(encoding="utf-8"))
        body = [i for i, b in enumerate(blocks) if not _is_short(b)]
        if not body:
            continue
        headers.append(tuple(blocks[:body[0]]))
        footers.append(tuple(blocks[body[-1] + 1:]))
        for block in blocks[body[0]:body[-1] + 1]:
            (headings if _is_short(block) else paragraphs).append(block)
    sentences = tuple(s for p in paragraphs for s in _sentences(p) if len(s.split()) >= 4)
    texts = [path.read_text(encoding="utf-8") for path in files]
    return Pieces(tuple(headings), tuple(paragraphs), sentences, tuple(headers), tuple(footers),
                  tuple(sorted(known_names(texts), key=len, reverse=True)))


def _blocks(text: str) -> list[str]:
    """Blocks separated by blank lines, inner whitespace collapsed."""
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]


def _is_short(block: str) -> bool:
    return len(block.split()) <= HEADING_MAX_WORDS and not block.endswith((".", ":", ";", ",", "”", '"'))


def _sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, never cutting inside a quotation (it would leave a lone mark)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        if out and _open_quote(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _open_quote(text: str) -> bool:
    return (text.count("“") + text.count("„")) != text.count("”") or text.count('"') % 2 == 1


def known_names(texts: Iterable[str]) -> set[str]:
    """Person names to replace: gold actor names (when ../shared is there) and first-name pairs.

    The pairs are a capitalised word from Faker's Dutch first names followed by a surname;
    gold records add the names that heuristic misses (rare first names, single first names).
    """
    first = set(DutchNames.first_names_male) | set(DutchNames.first_names_female)
    names = {m.group(0) for t in texts for m in _FIRST_NAME_PAIR.finditer(t) if m.group(1) in first}
    for folder in GOLD_FOLDERS:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            actors = json.loads(path.read_text(encoding="utf-8")).get("actors", ())
            names.update(a["name"] for a in actors if a.get("name"))
    return names


class NameSwapper:
    """Replaces the real names in report pieces by fake ones, the same fake for the same person.

    A later mention by surname ("Verhoef" after "Nadia Verhoef") gets the fake surname.
    """

    _LAST_NAMES = tuple(n for n in DutchNames.last_names if re.fullmatch(r"[A-Z][a-zë]+", n))
    _FIRST_NAMES = tuple(DutchNames.first_names_male) + tuple(DutchNames.first_names_female)

    def __init__(self, names: Iterable[str], rng: random.Random):
        self.rng = rng
        self.person: dict[str, str] = {}  # any form of a name -> the full name it belongs to
        for full in names:
            self.person.setdefault(full, full)
            parts = full.split(" ", 1)
            if len(parts) == 2 and len(parts[1]) > 3:
                # "Van der Meer" opens a sentence; a bare "Meer" would also hit the adverb.
                self.person.setdefault(parts[1], full)
                self.person.setdefault(parts[1][0].upper() + parts[1][1:], full)
        forms = sorted(self.person, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b") if forms else None
        self.fake: dict[str, tuple[str, str]] = {}

    def __call__(self, text: str) -> str:
        """``text`` with every known name replaced."""
        return self.pattern.sub(self._replace, text) if self.pattern else text

    def name(self) -> str:
        """A new random full name (for quotes the generator adds)."""
        return " ".join(self._new())

    def _replace(self, match: re.Match) -> str:
        form = match.group(0)
        full = self.person[form]
        first, last = self.fake.setdefault(full, self._new())
        if form == full:
            return f"{first} {last}" if " " in full else first
        before = match.string[:match.start()].rstrip()
        if not before or before.endswith((".", "!", "?", ":", "“", "„", '"', "‘")):
            return last[0].upper() + last[1:]  # Dutch writes "Van Dijk" only where a sentence starts
        return last

    def _new(self) -> tuple[str, str]:
        last = self.rng.choice(self._LAST_NAMES)
        if self.rng.random() < 0.3:
            last = f"{self.rng.choice(_TUSSENVOEGSELS)} {last}"
        return self.rng.choice(self._FIRST_NAMES), last


def make_report(pieces: Pieces, seed: int, index: int) -> tuple[str, str]:
    """The file name and content of report ``index`` (depends only on ``seed`` and ``index``)."""
    rng = random.Random(f"{seed}:{index}")
    swap = NameSwapper(pieces.names, rng)
    style = rng.choices(QUOTE_STYLES, QUOTE_WEIGHTS)[0]
    title = swap(rng.choice(pieces.headings))
    target = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(0, 0.45) * MEDIAN_WORDS)))
    blocks = _body(pieces, rng, swap, style, target)
    source = rng.randrange(len(pieces.headers))
    header = list(pieces.headers[source]) if rng.random() < 0.6 else []
    footer = list(pieces.footers[source]) if rng.random() < 0.6 else []
    if rng.random() < HTML_SHARE:
        return f"syn_{index:05d}.html", _as_html(title, blocks, header, footer)
    return f"syn_{index:05d}.txt", "\n\n".join(header + [title, _date_line(rng)] + blocks + footer) + "\n"


def _body(pieces: Pieces, rng: random.Random, swap: NameSwapper, style: tuple[str, str],
          target: int) -> list[str]:
    """Headings and paragraphs until the report has about ``target`` words."""
    blocks: list[str] = []
    words = 0
    while words < target:
        if blocks and rng.random() < 0.15:
            block = swap(rng.choice(pieces.headings))
        elif rng.random() < 0.15:
            block = _quote_paragraph(rng, rng.choice(pieces.sentences), swap.name(), style)
        elif rng.random() < 0.5:
            block = restyle_quotes(swap(rng.choice(pieces.paragraphs)), rng, style)
        else:
            sentences = rng.sample(pieces.sentences, rng.randint(2, 6))
            block = restyle_quotes(swap(" ".join(sentences)), rng, style)
        blocks.append(block)
        words += len(block.split())
    return blocks


def restyle_quotes(text: str, rng: random.Random, style: tuple[str, str]) -> str:
    """Redraw double quotation marks in the report's style, now and then in another one."""
    def redraw(match: re.Match) -> str:
        opening, closing = style if rng.random() < 0.9 else rng.choice(QUOTE_STYLES)
        return f"{opening}{next(g for g in match.groups() if g is not None)}{closing}"

    return _QUOTED.sub(redraw, text)


def _quote_paragraph(rng: random.Random, sentence: str, speaker: str, style: tuple[str, str]) -> str:
    """A direct quote with a cue, in one of the attribution patterns of ANNOTATION.md §3."""
    opening, closing = style
    quote = _QUOTED.sub(lambda m: next(g for g in m.groups() if g is not None), sentence)
    says = rng.choice(_SAYS)
    if rng.random() < 0.5:
        return f"{speaker}: {opening}{quote}{closing}"
    return f"{opening}{quote}{closing}, {says} {speaker.split()[-1] if says == 'aldus' else speaker}."


def _date_line(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2025)
    return rng.choice((f"Geplaatst op {day} {_MONTHS[month - 1]} {year}", f"{day:02d}-{month:02d}-{year}",
                       f"Datum: {day} {_MONTHS[month - 1]} {year}", f"date {year}-{month:02d}"))


def _as_html(title: str, blocks: list[str], header: list[str], footer: list[str]) -> str:
    """A simple web page: furniture in nav and footer, the report in an article."""
    esc = html.escape
    body = "\n".join(f"<h2>{esc(b)}</h2>" if _is_short(b) else f"<p>{esc(b)}</p>" for b in blocks)
    nav = "".join(f"<li>{esc(b)}</li>" for b in header)
    foot = "".join(f"<p>{esc(b)}</p>" for b in footer)
    return (f"<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{esc(title)}</title></head>\n"
            f"<body><nav><ul>{nav}</ul></nav>\n<article><h1>{esc(title)}</h1>\n{body}\n</article>\n"
            f"<footer>{foot}</footer></body></html>\n")


def generate(out: str | Path, reports: int = 10_000, seed: int = 9,
             sources: Iterable[Path] = DEFAULT_SOURCES) -> list[Path]:
    """Write ``reports`` synthetic reports into ``out`` and return their paths.

    Parameters
    ----------
    out : str or Path
        Folder to write into (created; existing files of the same names are replaced).
    reports : int
        How many reports.
    seed : int
        The same seed and sources give byte-identical files.
    sources : iterable of Path
        Folders of real ``*.txt`` reports to take the pieces from.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pieces = load_pieces(sources)
    paths = []
    for index in range(reports):
        name, content = make_report(pieces, seed, index)
        path = out / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line of ``make_corpus.py``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the reports into")
    parser.add_argument("--reports", type=int, default=10_000, help="number of reports (default 10,000)")
    parser.add_argument("--seed", type=int, default=9, help="random seed (default 9)")
    parser.add_argument("--sources", type=Path, nargs="+", default=list(DEFAULT_SOURCES),
                        help="folders of real *.txt reports (default: corpus/ and ../shared/dev/raw/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point: generate the corpus and say what was written."""
    args = parse_args(argv)
    paths = generate(args.out, args.reports, args.seed, args.sources)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} reports ({sum(p.suffix == '.html' for p in paths)} html), {words:,} words in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
