"""Tests for wsd_text.discover: TF-IDF + NMF theme discovery."""
from pathlib import Path

import pytest

from wsd_text.discover import DiscoveredTheme, discover_themes
from wsd_text.report import Paragraph, Report

TEXTS = [
    "Schulden en incasso drukken zwaar op gezinnen. De schuldhulpverlening kent lange wachtlijsten.\n\n"
    "Vrijwilligers helpen buren in de wijk met boodschappen en een praatje.",
    "Incasso en deurwaarders maken schulden groter. Schuldhulpverlening moet sneller.\n\n"
    "In de buurt helpen vrijwilligers elkaar; de wijk leeft.",
    "Kinderen en jongeren willen meepraten op school. Jongeren vragen een jongerenraad.\n\n"
    "De school luistert naar kinderen en jongeren.",
]


def test_discover_finds_the_topics():
    themes = discover_themes(TEXTS, n_themes=3, seed=0)
    assert len(themes) == 3 and all(isinstance(t, DiscoveredTheme) for t in themes)
    tops = [set(t.terms[:4]) for t in themes]
    assert any({"schulden", "incasso"} <= top or {"schuldhulpverlening", "incasso"} <= top for top in tops)
    assert any("jongeren" in top for top in tops)
    assert sum(t.weight for t in themes) == pytest.approx(1.0)
    assert [t.weight for t in themes] == sorted((t.weight for t in themes), reverse=True)
    assert all(t.example_sentences for t in themes)


def test_discover_is_deterministic_for_a_seed():
    assert discover_themes(TEXTS, n_themes=3, seed=7) == discover_themes(TEXTS, n_themes=3, seed=7)


def test_discover_leaves_out_dutch_stop_words():
    terms = {term for t in discover_themes(TEXTS, n_themes=3) for term in t.terms}
    assert not terms & {"de", "het", "een", "en", "op", "met", "naar"}


def test_discover_accepts_reports_and_caps_n_themes():
    text = "Armoede raakt veel gezinnen in de stad."
    report = Report("r.txt", Path("r.txt"), text, None, (Paragraph(0, len(text)),))
    themes = discover_themes([report], n_themes=8)
    assert len(themes) == 1 and "armoede" in themes[0].terms


@pytest.mark.parametrize("texts, n_themes, message", [
    ([], 3, "no text"),
    (["Kort."], 3, "no text"),
    (["en de het een op met naar"], 3, "stop words"),
    (TEXTS, 0, "n_themes"),
])
def test_discover_refuses_bad_input(texts, n_themes, message):
    with pytest.raises(ValueError, match=message):
        discover_themes(texts, n_themes=n_themes)
