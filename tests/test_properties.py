"""Properties that hold for any input: ingest fails only with `InputError`, offsets stay
inside the text, analysis is deterministic and its quotes slice back to their text."""
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from wsd_text.analyse import analyse_report
from wsd_text.errors import InputError
from wsd_text.ingest import read_report, report_from_text
from wsd_text.report import Report

# Dutch-like pieces: the words, names, marks and spellings that the quote finder, the name
# finder and the cleaning have to cope with in real reports.
WORDS = ("de", "het", "een", "en", "van", "is", "dat", "niet", "wethouder", "bewoners", "armoede",
         "vrijwilliger", "gemeente", "zegt", "vertelt", "aldus", "vult", "aan", "schulden", "wijk",
         "Kenniscafé", "ervaringsdeskundige", "kinderen", "jongeren", "hulp", "Op", "Tijdens", "Zij")
NAMES = ("Nadia Verhoef", "Noëlle Kramer", "Kees van Dalen", "Van der Linden", "Femke Smit (26)",
         "mevrouw Jansen", "Wietse IJzerman", "Yusuf")
APOSTROPHE_WORDS = ("zo'n", "auto's", "’s avonds", "m’n", "d'r", "thema’s", "baby's")
MARKS = ("“", "”", "„", "‘", "’", "'", '"', "«", "»", ",,", "''", "‹", "›")
PUNCTUATION = (".", ",", ":", ";", "?", "!", " – ", "…", "(", ")", "-", "•")
EMOJI = ("🙂", "👍🏽", "❤️", "🇳🇱", "👩‍👧")
SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", "\t", "\u00a0", "\r\n")

words = st.lists(st.sampled_from(WORDS + APOSTROPHE_WORDS), min_size=1, max_size=8).map(" ".join)
quoted = st.builds(lambda opening, inner, closing: f"{opening}{inner}{closing}",
                   st.sampled_from(MARKS), words, st.sampled_from(MARKS))
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(APOSTROPHE_WORDS),
                  st.sampled_from(MARKS), st.sampled_from(PUNCTUATION), st.sampled_from(EMOJI),
                  quoted, st.text(max_size=3))
dutch_text = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda pairs: "".join(p + s for p, s in pairs))
any_text = st.one_of(dutch_text, st.text(max_size=300))

# Bytes that start like each format reach deeper into its reader than noise alone would.
PREFIXES = (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00")
raw_bytes = st.builds(lambda prefix, body: prefix + body, st.sampled_from(PREFIXES), st.binary(max_size=600))
encoded_text = st.builds(lambda text, encoding: text.encode(encoding, errors="replace"),
                         dutch_text, st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")))
file_bytes = st.one_of(raw_bytes, encoded_text, dutch_text.map(lambda t: f"<p>{t}</p>".encode()))

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Analysing a text runs the whole pipeline: fewer examples keep the test within seconds.
ANALYSIS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _report_or_none(text: str) -> Report | None:
    """The report of ``text``, or None when ingest refuses it with an `InputError`."""
    try:
        return report_from_text(text, "verslag.txt")
    except InputError:
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _assert_paragraphs_inside(report: Report) -> None:
    for paragraph in report.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(report.text), paragraph
        assert report.paragraph_text(paragraph).strip(), paragraph


@FAST
@given(any_text)
def test_properties_report_from_text_gives_a_report_or_an_input_error(text):
    report = _report_or_none(text)
    assert report is None or isinstance(report, Report)


@FAST
@given(any_text)
def test_properties_paragraphs_lie_within_the_text(text):
    report = _report_or_none(text)
    if report is not None:
        _assert_paragraphs_inside(report)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf", ".docx"])
@FAST
@given(data=file_bytes)
def test_properties_read_report_gives_a_report_or_an_input_error(suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"verslag{suffix}"
        path.write_bytes(data)
        try:
            report = read_report(path)
        except InputError:
            return
    assert isinstance(report, Report)
    _assert_paragraphs_inside(report)


@ANALYSIS
@given(dutch_text, dutch_text)
def test_properties_analysis_is_deterministic(text, other):
    report, between = _report_or_none(text), _report_or_none(other)
    if report is None:
        return
    first = analyse_report(report).to_dict()
    if between is not None:
        analyse_report(between)  # state left behind by another report must not change the record
    assert analyse_report(report).to_dict() == first


@ANALYSIS
@given(dutch_text)
def test_properties_quotes_slice_back_to_their_text(text):
    report = _report_or_none(text)
    if report is None:
        return
    for quote in analyse_report(report).quotes:
        assert 0 <= quote.start < quote.end <= len(report.text), quote
        assert _collapse(report.text[quote.start:quote.end]) == _collapse(quote.text), quote
