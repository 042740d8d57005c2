"""Tests for wsd_text.evaluate: ANNOTATION.md §7 scoring on small hand-made records."""
import json
from pathlib import Path

import pytest

from wsd_text import evaluate
from wsd_text.evaluate import (PRF, default_gold_dir, evaluate_records, format_table, jaccard,
                               load_records, names_match, normalise_text)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def actor(id, name, perspective="formal", kind="individual", speaks=True):
    return {"id": id, "name": name, "description": None if name else "een deelnemer",
            "perspective": perspective, "kind": kind, "speaks": speaks}


def quote(text, actor_id):
    return {"text": text, "actor": actor_id, "type": "direct"}


def record(report="r.txt", actors=(), quotes=(), voices=None, themes=()):
    return {"report": report, "actors": list(actors), "quotes": list(quotes),
            "voices": voices or {}, "themes": list(themes)}


def voices(**spec):
    """Voices from perspective=(status, flagged_missing) keywords."""
    return {p: {"status": status, "flagged_missing": flagged, "evidence": None}
            for p, (status, flagged) in spec.items()}


@pytest.mark.parametrize("text, expected", [
    ("“Dit raakt mij”", "dit raakt mij"),
    ('"Dit raakt mij"', "dit raakt mij"),
    ("„Dit raakt mij‟", "dit raakt mij"),
    (",,Dit raakt mij''", "dit raakt mij"),
    ("«Dit ‹raakt› mij»", "dit raakt mij"),
    ("‚Dit ‛raakt´ mij`", "dit raakt mij"),
    ("  Dit\u00a0raakt\u202fmij\n\t", "dit raakt mij"),
    ("DIT Raakt Mij", "dit raakt mij"),
    ("auto’s en auto's", "autos en autos"),
    ("Marie\u0308tte", "mari\u00ebtte"),
])
def test_evaluate_normalise_text(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Toby Witte", "Toby Witte", True),
    ("Witte", "Toby Witte", True),
    ("Toby Witte", "witte", True),
    ("de Jong", "Freek de Jong", True),
    ("Jong", "Freek de Jong", True),
    ("Marie\u0308tte LUSSE", "Mari\u00ebtte Lusse", True),
    ("Toby", "Toby Witte", False),
    ("de Witte", "Toby Witte", False),
    ("Witte", "Witten", False),
    ("", "Toby Witte", False),
])
def test_evaluate_names_match_token_suffix(a, b, expected):
    assert names_match(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Het moet anders", "het moet echt anders", 0.75),
    ("“Het moet anders”", "het  moet anders", 1.0),
    ("het moet anders", "niets gelijk hier", 0.0),
    ("", "", 0.0),
])
def test_evaluate_jaccard(a, b, expected):
    assert jaccard(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("counts, expected", [
    ((0, 0, 0), (None, None, None)),
    ((0, 2, 0), (0.0, None, 0.0)),
    ((0, 0, 3), (None, 0.0, 0.0)),
    ((2, 1, 1), (2 / 3, 2 / 3, 2 / 3)),
    ((3, 0, 1), (1.0, 0.75, 6 / 7)),
])
def test_evaluate_prf_zero_division_is_none(counts, expected):
    prf = PRF(*counts)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


def test_evaluate_speakers_suffix_names_match_overlapping_names_do_not():
    gold = record(actors=[actor("a1", "Toby Witte"), actor("a2", "Freek de Jong"),
                          actor("a3", "Mariëtte Lusse"), actor("a4", None, "mixed", "group"),
                          actor("a5", "Mirjam Karsten", speaks=False)])
    found = record(actors=[actor("b1", "Witte"), actor("b2", "de Jong", "informal"),
                           actor("b3", "Toby"), actor("b4", None, "mixed", "group"),
                           actor("b5", "Mirjam Karsten")])
    scores = evaluate_records([found], [gold])
    # Witte ~ Toby Witte and de Jong ~ Freek de Jong; Toby and Karsten are extra; Lusse missed.
    assert (scores.speakers.tp, scores.speakers.fp, scores.speakers.fn) == (2, 2, 1)
    assert (scores.perspective.correct, scores.perspective.n) == (1, 2)


def test_evaluate_speakers_prefer_exact_then_longest_suffix():
    gold = record(actors=[actor("a1", "Toby Witte"), actor("a2", "Anna Jong", "child"),
                          actor("a3", "Freek de Jong")])
    # The found perspectives are right only for the intended gold partner.
    found = record(actors=[actor("b1", "Witte", "informal"), actor("b2", "Toby Witte"),
                           actor("b3", "de Jong")])
    scores = evaluate_records([found], [gold])
    assert (scores.speakers.tp, scores.speakers.fp, scores.speakers.fn) == (2, 1, 1)
    assert (scores.perspective.correct, scores.perspective.n) == (2, 2)


def test_evaluate_quotes_no_gold_quotes():
    found = record(actors=[actor("b1", "Witte")],
                   quotes=[quote("Het moet anders nu", "b1"), quote("Dat boek lezen", None)])
    quotes = evaluate_records([found], [record()]).quotes
    assert (quotes.tp, quotes.fp, quotes.fn) == (0, 2, 0)
    assert (quotes.precision, quotes.recall, quotes.f1) == (0.0, None, 0.0)


def test_evaluate_quotes_no_found_quotes():
    gold = record(actors=[actor("a1", "Witte")],
                  quotes=[quote("Het moet anders nu", "a1"), quote("Dat boek lezen", None)])
    scores = evaluate_records([record()], [gold])
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (0, 0, 2)
    assert (scores.quotes.precision, scores.quotes.recall, scores.quotes.f1) == (None, 0.0, 0.0)
    assert scores.attribution.n == 0 and scores.attribution.accuracy is None


def test_evaluate_quotes_competing_predictions_better_one_wins():
    text = "Armoede is een veel groter probleem dan geld"
    gold = record(actors=[actor("a1", "Toby Witte")], quotes=[quote(text, "a1")])
    found = record(actors=[actor("b1", "Toby Witte"), actor("b2", "Guido Walraven")],
                   quotes=[quote("Armoede is een groter probleem", "b2"),  # Jaccard 5/8
                           quote(text + " alleen", "b1")])  # Jaccard 8/9
    scores = evaluate_records([found], [gold])
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (1, 1, 0)
    # Attributed right only if the second, closer quote took the match.
    assert (scores.attribution.correct, scores.attribution.n) == (1, 1)


@pytest.mark.parametrize("found_text, matches", [
    ("stress wegnemen", True),  # 2 shared of 4 tokens: Jaccard 0.5, the bound itself
    ("stress wegnemen bij iedereen", True),  # 3 of 5: 0.6
    ("stress wegnemen elders", False),  # 2 of 5: 0.4
])
def test_evaluate_quotes_jaccard_threshold(found_text, matches):
    gold = record(quotes=[quote("Stress wegnemen bij mensen", None)])
    found = record(quotes=[quote(found_text, None)])
    assert evaluate_records([found], [gold]).quotes.tp == int(matches)


def test_evaluate_attribution_null_gold_excluded_anonymous_by_kind():
    group = actor("a2", None, "mixed", "group")
    gold = record(actors=[actor("a1", "Toby Witte"), group],
                  quotes=[quote("Dit raakt mij diep echt", "a1"),
                          quote("De burger komt niet naar ons", None),
                          quote("Elkaar beter leren kennen", "a2"),
                          quote("Heel veel beroepsgroepen zien armoede", "a1"),
                          quote("Signalen uit de praktijk meenemen", "a2")])
    found = record(actors=[actor("b1", "Witte"), actor("b2", None, "mixed", "group"),
                           actor("b3", None, "formal", "individual")],
                   quotes=[quote("Dit raakt mij diep echt", "b1"),  # named suffix: right
                           quote("De burger komt niet naar ons", "b1"),  # gold null: not scored
                           quote("Elkaar beter leren kennen", "b2"),  # anonymous group: right
                           quote("Heel veel beroepsgroepen zien armoede", None),  # null: wrong
                           quote("Signalen uit de praktijk meenemen", "b3")])  # other kind: wrong
    scores = evaluate_records([found], [gold])
    assert scores.quotes.tp == 5
    assert (scores.attribution.correct, scores.attribution.n) == (2, 4)


def test_evaluate_attribution_named_never_matches_anonymous():
    gold = record(actors=[actor("a1", None, "informal")], quotes=[quote("Beloof niks wat je", "a1")])
    found = record(actors=[actor("b1", "Toby Witte", "informal")],
                   quotes=[quote("Beloof niks wat je", "b1")])
    assert evaluate_records([found], [gold]).attribution.correct == 0
    assert evaluate_records([gold], [found]).attribution.correct == 0


def test_evaluate_voice_status_accuracy_and_flagged_missing_f1():
    gold = record(voices=voices(formal=("voiced", False), informal=("present", True),
                                lived_experience=("present", True), child=("mentioned", False)))
    found = record(voices=voices(formal=("voiced", False), informal=("present", True),
                                 lived_experience=("mentioned", False), child=("absent", True)))
    scores = evaluate_records([found], [gold])
    assert (scores.voice_status.correct, scores.voice_status.n) == (2, 4)
    flagged = scores.flagged_missing
    assert (flagged.tp, flagged.fp, flagged.fn) == (1, 1, 1)
    assert flagged.f1 == pytest.approx(0.5)


def test_evaluate_themes_micro_f1_over_reports():
    gold = [record("r1.txt", themes=["armoede", "schulden", "stress"]),
            record("r2.txt", themes=["armoede"])]
    found = [record("r2.txt"), record("r1.txt", themes=["armoede", "schulden", "vertrouwen"])]
    scores = evaluate_records(found, gold)
    assert (scores.themes.tp, scores.themes.fp, scores.themes.fn) == (2, 1, 2)
    assert (scores.themes.precision, scores.themes.recall) == pytest.approx((2 / 3, 0.5))
    assert scores.themes.f1 == pytest.approx(4 / 7)
    assert [r["report"] for r in scores.per_report] == ["r1.txt", "r2.txt"]
    assert scores.per_report[1]["themes"]["precision"] is None


def test_evaluate_missing_prediction_counts_as_nothing_found():
    gold = record("r1.txt", actors=[actor("a1", "Toby Witte"), actor("a2", "Freek de Jong")],
                  quotes=[quote("Het moet anders nu", "a1")],
                  voices=voices(formal=("voiced", False), informal=("present", True),
                                lived_experience=("absent", False), child=("absent", False)),
                  themes=["armoede", "schulden"])
    scores = evaluate_records([record("elders.txt", themes=["armoede"])], [gold])
    assert scores.n_reports == 1 and scores.unmatched == ("elders.txt",)
    assert (scores.speakers.tp, scores.speakers.fp, scores.speakers.fn) == (0, 0, 2)
    assert (scores.quotes.fn, scores.themes.fn, scores.themes.fp) == (1, 2, 0)
    assert (scores.voice_status.correct, scores.voice_status.n) == (0, 4)
    assert (scores.flagged_missing.fn, scores.flagged_missing.f1) == (1, 0.0)
    assert scores.per_report[0]["predicted"] is False


def test_evaluate_duplicate_report_is_refused():
    with pytest.raises(ValueError, match="r.txt"):
        evaluate_records([record(), record()], [record()])


def test_evaluate_unknown_actor_id_is_refused():
    gold = record(actors=[actor("a1", "Witte")], quotes=[quote("Het moet anders nu", "a1")])
    found = record(quotes=[quote("Het moet anders nu", "b9")])
    with pytest.raises(ValueError, match="'b9'"):
        evaluate_records([found], [gold])


def test_evaluate_to_dict_is_json_with_null_for_zero_division():
    data = evaluate_records([record()], [record(themes=["armoede"])]).to_dict()
    assert data["quotes"]["precision"] is None and data["themes"]["recall"] == 0.0
    assert '"precision": null' in json.dumps(data)
    assert data["per_report"][0]["report"] == "r.txt" and data["unmatched"] == []


def test_evaluate_format_table_rows_and_dash():
    table = format_table(evaluate_records([record()], [record(themes=["armoede"])]))
    lines = table.splitlines()
    assert lines[0].split()[0] == "measure"
    for name in ("speakers", "perspective", "quotes", "attribution", "voice_status",
                 "flagged_missing", "themes"):
        assert any(line.startswith(name) for line in lines)
    themes = next(line for line in lines if line.startswith("themes"))
    assert themes.split()[1:4] == ["–", "0.000", "0.000"]


def test_evaluate_load_records_sorted_top_level_only(tmp_path):
    (tmp_path / "b.json").write_text(json.dumps(record("b.txt")), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(record("a.txt")), encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("notes", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.json").write_text(json.dumps(record("c.txt")), encoding="utf-8")
    assert [r["report"] for r in load_records(tmp_path)] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("content", ["{not json", '{"title": "geen report"}', "[1, 2]"])
def test_evaluate_load_records_names_the_bad_file(tmp_path, content):
    (tmp_path / "a.json").write_text(json.dumps(record("a.txt")), encoding="utf-8")
    (tmp_path / "kapot.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="kapot.json"):
        load_records(tmp_path)


def test_evaluate_load_records_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="nergens"):
        load_records(tmp_path / "nergens")


def test_evaluate_default_gold_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluate, "__file__", str(tmp_path / "repo" / "wsd_text" / "evaluate.py"))
    (tmp_path / "main").mkdir()
    monkeypatch.chdir(tmp_path / "main")
    assert default_gold_dir() is None
    (tmp_path / "shared" / "gold").mkdir(parents=True)
    assert default_gold_dir() == (tmp_path / "shared" / "gold").resolve()


@pytest.mark.parametrize("folder", [
    pytest.param(folder, marks=pytest.mark.skipif(not (SHARED / folder).is_dir(),
                                                  reason=f"no {SHARED / folder}"))
    for folder in ("gold", "dev/gold")])
def test_evaluate_gold_against_itself_is_perfect(folder):
    gold = load_records(SHARED / folder)
    scores = evaluate_records(gold, gold)
    for name in ("speakers", "quotes", "flagged_missing", "themes"):
        prf = getattr(scores, name)
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0), name
    for name in ("perspective", "attribution", "voice_status"):
        assert getattr(scores, name).accuracy == 1.0, name
