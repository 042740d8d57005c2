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
    ("“Dit houdt mij”", "dit houdt mij"),
    ('"Dit houdt mij"', "dit houdt mij"),
    ("„Dit houdt mij‟", "dit houdt mij"),
    (",,Dit houdt mij''", "dit houdt mij"),
    ("«Dit ‹houdt› mij»", "dit houdt mij"),
    ("‚Dit ‛houdt´ mij`", "dit houdt mij"),
    ("  Dit\u00a0houdt\u202fmij\n\t", "dit houdt mij"),
    ("DIT Houdt Mij", "dit houdt mij"),
    ("auto’s en auto's", "autos en autos"),
    ("Noe\u0308lle", "no\u00eblle"),
])
def test_evaluate_normalise_text(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Nadia Verhoef", "Nadia Verhoef", True),
    ("Verhoef", "Nadia Verhoef", True),
    ("Nadia Verhoef", "verhoef", True),
    ("de Graaf", "Wout de Graaf", True),
    ("Graaf", "Wout de Graaf", True),
    ("Noe\u0308lle KRAMER", "No\u00eblle Kramer", True),
    ("Nadia", "Nadia Verhoef", False),
    ("de Verhoef", "Nadia Verhoef", False),
    ("Verhoef", "Verhoeven", False),
    ("", "Nadia Verhoef", False),
])
def test_evaluate_names_match_token_suffix(a, b, expected):
    assert names_match(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Dit moet beter", "dit moet echt beter", 0.75),
    ("“Dit moet beter”", "dit  moet beter", 1.0),
    ("dit moet beter", "niets gelijk hier", 0.0),
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
    gold = record(actors=[actor("a1", "Nadia Verhoef"), actor("a2", "Wout de Graaf"),
                          actor("a3", "Noëlle Kramer"), actor("a4", None, "mixed", "group"),
                          actor("a5", "Fenna Brouwer", speaks=False)])
    found = record(actors=[actor("b1", "Verhoef"), actor("b2", "de Graaf", "informal"),
                           actor("b3", "Nadia"), actor("b4", None, "mixed", "group"),
                           actor("b5", "Fenna Brouwer")])
    scores = evaluate_records([found], [gold])
    # Verhoef ~ Nadia Verhoef and de Graaf ~ Wout de Graaf; Nadia and Brouwer are extra; Kramer missed.
    assert (scores.speakers.tp, scores.speakers.fp, scores.speakers.fn) == (2, 2, 1)
    assert (scores.perspective.correct, scores.perspective.n) == (1, 2)


def test_evaluate_speakers_prefer_exact_then_longest_suffix():
    gold = record(actors=[actor("a1", "Nadia Verhoef"), actor("a2", "Anna Graaf", "child"),
                          actor("a3", "Wout de Graaf")])
    # The found perspectives are right only for the intended gold partner.
    found = record(actors=[actor("b1", "Verhoef", "informal"), actor("b2", "Nadia Verhoef"),
                           actor("b3", "de Graaf")])
    scores = evaluate_records([found], [gold])
    assert (scores.speakers.tp, scores.speakers.fp, scores.speakers.fn) == (2, 1, 1)
    assert (scores.perspective.correct, scores.perspective.n) == (2, 2)


def test_evaluate_quotes_no_gold_quotes():
    found = record(actors=[actor("b1", "Verhoef")],
                   quotes=[quote("Dit moet echt beter", "b1"), quote("Die folder lezen", None)])
    quotes = evaluate_records([found], [record()]).quotes
    assert (quotes.tp, quotes.fp, quotes.fn) == (0, 2, 0)
    assert (quotes.precision, quotes.recall, quotes.f1) == (0.0, None, 0.0)


def test_evaluate_quotes_no_found_quotes():
    gold = record(actors=[actor("a1", "Verhoef")],
                  quotes=[quote("Dit moet echt beter", "a1"), quote("Die folder lezen", None)])
    scores = evaluate_records([record()], [gold])
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (0, 0, 2)
    assert (scores.quotes.precision, scores.quotes.recall, scores.quotes.f1) == (None, 0.0, 0.0)
    assert scores.attribution.n == 0 and scores.attribution.accuracy is None


def test_evaluate_quotes_competing_predictions_better_one_wins():
    text = "Wachtlijsten voor schuldhulp worden elk jaar veel langer"
    gold = record(actors=[actor("a1", "Nadia Verhoef")], quotes=[quote(text, "a1")])
    found = record(actors=[actor("b1", "Nadia Verhoef"), actor("b2", "Ruben Dijkstra")],
                   quotes=[quote("Wachtlijsten voor schuldhulp worden langer", "b2"),  # Jaccard 5/8
                           quote(text + " alleen", "b1")])  # Jaccard 8/9
    scores = evaluate_records([found], [gold])
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (1, 1, 0)
    # Attributed right only if the second, closer quote took the match.
    assert (scores.attribution.correct, scores.attribution.n) == (1, 1)


@pytest.mark.parametrize("found_text, matches", [
    ("rust brengen", True),  # 2 shared of 4 tokens: Jaccard 0.5, the bound itself
    ("rust brengen bij iedereen", True),  # 3 of 5: 0.6
    ("rust brengen elders", False),  # 2 of 5: 0.4
])
def test_evaluate_quotes_jaccard_threshold(found_text, matches):
    gold = record(quotes=[quote("Rust brengen bij gezinnen", None)])
    found = record(quotes=[quote(found_text, None)])
    assert evaluate_records([found], [gold]).quotes.tp == int(matches)


def test_evaluate_attribution_null_gold_excluded_anonymous_by_kind():
    group = actor("a2", None, "mixed", "group")
    gold = record(actors=[actor("a1", "Nadia Verhoef"), group],
                  quotes=[quote("Dit houdt mij echt wakker", "a1"),
                          quote("De bewoner belt ons niet zomaar", None),
                          quote("Elkaar beter leren kennen", "a2"),
                          quote("Veel huisartsen zien geldzorgen thuis", "a1"),
                          quote("Vaker samen de wijk in", "a2")])
    found = record(actors=[actor("b1", "Verhoef"), actor("b2", None, "mixed", "group"),
                           actor("b3", None, "formal", "individual")],
                   quotes=[quote("Dit houdt mij echt wakker", "b1"),  # named suffix: right
                           quote("De bewoner belt ons niet zomaar", "b1"),  # gold null: not scored
                           quote("Elkaar beter leren kennen", "b2"),  # anonymous group: right
                           quote("Veel huisartsen zien geldzorgen thuis", None),  # null: wrong
                           quote("Vaker samen de wijk in", "b3")])  # other kind: wrong
    scores = evaluate_records([found], [gold])
    assert scores.quotes.tp == 5
    assert (scores.attribution.correct, scores.attribution.n) == (2, 4)


def test_evaluate_attribution_named_never_matches_anonymous():
    gold = record(actors=[actor("a1", None, "informal")], quotes=[quote("Kom altijd op tijd", "a1")])
    found = record(actors=[actor("b1", "Nadia Verhoef", "informal")],
                   quotes=[quote("Kom altijd op tijd", "b1")])
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
    gold = record("r1.txt", actors=[actor("a1", "Nadia Verhoef"), actor("a2", "Wout de Graaf")],
                  quotes=[quote("Dit moet echt beter", "a1")],
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
    gold = record(actors=[actor("a1", "Verhoef")], quotes=[quote("Dit moet echt beter", "a1")])
    found = record(quotes=[quote("Dit moet echt beter", "b9")])
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


def test_evaluate_dates_are_exact_matches_and_null_counts():
    gold = [{"report": "a.txt", "event_date": "2024-03-12", "published_date": None},
            {"report": "b.txt", "event_date": "2024-05-01", "published_date": "2024-05-08"}]
    found = [{"report": "a.txt", "event_date": "2024-03-12", "published_date": None},
             {"report": "b.txt", "event_date": "2023-05-01", "published_date": "2024-05-08"}]
    scores = evaluate_records(found, gold)
    assert (scores.event_date.correct, scores.event_date.n) == (1, 2)
    assert scores.published_date.accuracy == 1.0
    assert "event_date" in format_table(scores)
