"""Tests for wsd_text.codebook: loading, validation and the cue language."""
import pytest

from wsd_text.codebook import CueMatcher, load_codebook

SECTION_5 = ["financiele_gezondheid", "schulden", "armoede", "stress", "vertrouwen",
             "samenwerking_formeel_informeel", "integrale_aanpak", "ervaringsdeskundigheid", "eigen_regie",
             "preventie_vroegsignalering", "sociaal_netwerk", "toegankelijkheid_hulp", "beleid_wetgeving",
             "kinderen_jongeren"]


def test_codebook_default_has_the_codes_of_section_5():
    book = load_codebook()
    assert [c.code for c in book.codes] == SECTION_5
    assert all(c.label and c.description and c.cues for c in book.codes)
    assert (book.min_score, book.compound_weight) == (2.0, 0.5)


def test_codebook_csv(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("code,label,description,cues\nwonen,Wonen,Huisvesting,huur; huurwoning\n", encoding="utf-8")
    book = load_codebook(path)
    assert book.codes[0].cues == ("huur", "huurwoning")
    assert book.min_score == 2.0


def test_codebook_yaml_with_rule(tmp_path):
    path = tmp_path / "book.yaml"
    path.write_text("rule: {min_score: 1}\ncodes:\n  - {code: wonen, label: Wonen, description: x, cues: huur}\n",
                    encoding="utf-8")
    book = load_codebook(path)
    assert (book.min_score, book.codes[0].cues) == (1, ("huur",))


@pytest.mark.parametrize("name, content, message", [
    ("a.csv", "code,label,description,cues,extra\nw,W,x,huur,1\n", "unknown key"),
    ("a.csv", "code,label,cues\nw,W,huur\n", "missing column"),
    ("a.yaml", "codes: []\nthemes: []\n", "unknown key"),
    ("a.yaml", "rule: {threshold: 3}\ncodes: [{code: w, cues: [huur]}]\n", "unknown key"),
    ("a.yaml", "codes: [{code: w, cues: [huur], kleur: rood}]\n", "unknown key"),
    ("a.yaml", "codes: [{code: w, cues: []}]\n", "no cues"),
    ("a.yaml", "codes: [{code: W-1, cues: [huur]}]\n", "lower-case"),
    ("a.yaml", "codes: [{code: w, cues: [a]}, {code: w, cues: [b]}]\n", "duplicate"),
    ("a.yaml", "codes: []\n", "no codes"),
    ("a.txt", "huur\n", "'codebook'"),
])
def test_codebook_refuses_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_codebook(path)


@pytest.mark.parametrize("cue, text, expected", [
    ("armoede", "Armoede en kinderarmoede.", [True]),
    ("*armoede", "Armoede en kinderarmoede.", [True, False]),
    ("armoede*", "Het armoedebeleid en armoede- en schuldenbeleid.", [False, False]),
    ("stress", "Stress-sensitief werken.", [True]),
    ("eigen regie", "De eigen regie, niet de regie van een ander.", [True]),
    ("uit handen*", "Niet te snel uit handenname.", [False]),
    ("sociaal & netwerk", "Een sociaal (steunend) netwerk.", [True, True]),
    ("sociaal & netwerk", "Een sociaal plan. Een netwerk.", []),
])
def test_codebook_cue_language(cue, text, expected):
    matcher = CueMatcher({"x": [cue]})
    sentences = [0] + [i + 2 for i, c in enumerate(text) if c == "." and i + 2 < len(text)]
    hits = [h for per in matcher.by_sentence(text, sentences).values() for h in per.get("x", [])]
    assert [h.full for h in sorted(hits, key=lambda h: h.start)] == expected


def test_codebook_cue_without_words_refused():
    with pytest.raises(ValueError, match="only a wildcard"):
        CueMatcher({"x": ["*"]})
