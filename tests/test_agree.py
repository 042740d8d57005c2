"""Tests for wsd_text.agree: published κ and α values, unit alignment, intervals, the CLI."""
import copy
import json
from pathlib import Path

import pytest

from wsd_text.agree import (agree, agreement_units, bootstrap_interval, cohen_kappa, format_agreements,
                            krippendorff_alpha, load_coding, write_agreements_csv)
from wsd_text.analyse import analyse_paths
from wsd_text.cli import main
from wsd_text.export.qdpx import write_run_qdpx

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_ = None  # a missing value


def test_agree_krippendorff_alpha_published_nominal_example():
    # Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School
    # for Communication, University of Pennsylvania. Example C: nominal data, 4 observers,
    # 12 units, missing values; alpha = 0.743.
    observers = [[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
                 [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
                 [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
                 [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]]
    assert krippendorff_alpha(*observers) == pytest.approx(0.743, abs=5e-4)


def test_agree_krippendorff_alpha_published_binary_example():
    # Same paper, example A: binary data, two observers, 10 units; alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(a, b) == pytest.approx(0.095, abs=5e-4)


def test_agree_cohen_kappa_textbook_example():
    # Wikipedia, "Cohen's kappa", simple example: 50 grant proposals read by two readers;
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15; p_o = 0.7, p_e = 0.5, kappa = 0.4.
    a = ["ja"] * 25 + ["nee"] * 25
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_agree_statistics_are_none_when_undefined():
    assert cohen_kappa(["ja", "ja"], ["ja", "ja"]) is None
    assert krippendorff_alpha(["ja", "ja"], ["ja", "ja"]) is None


def actor(id, name, perspective="formal", speaks=True):
    return {"id": id, "name": name, "description": None, "perspective": perspective, "kind": "individual",
            "speaks": speaks}


def coding(name, perspective, quote_actor, themes, status="voiced"):
    return [{"report": "r.txt",
             "actors": [actor("a1", name, perspective), actor("a2", "Ilse de Boer", "informal", speaks=False)],
             "quotes": [{"text": "We moeten eerder bij gezinnen komen", "actor": quote_actor, "type": "direct"}],
             "voices": {"formal": {"status": status, "flagged_missing": False}},
             "themes": themes}]


def test_agree_aligns_units_like_evaluate():
    a = coding("Nadia Verhoef", "formal", "a1", ["armoede", "schulden"])
    b = coding("Verhoef", "informal", "a1", ["armoede"], status="present")
    b[0]["quotes"][0]["text"] = "we moeten veel eerder bij gezinnen komen"
    units, n, unmatched = agreement_units(a, b)
    assert n == 1 and unmatched == ()
    # Verhoef ~ Nadia Verhoef and Ilse de Boer ~ Ilse de Boer (equal names are aligned first).
    assert sorted(zip(*units["speaks"])) == [(False, False), (True, True)]
    assert sorted(zip(*units["perspective"])) == [("formal", "informal"), ("informal", "informal")]
    assert units["quote_found"] == ([True], [True])                    # Jaccard 6/7 >= 0.5
    assert units["attribution"][0] == units["attribution"][1]          # same speaker by names_match
    assert units["voice_status"][0][0] == "voiced" and units["voice_status"][1][0] == "present"
    assert units["theme:schulden"] == ([True], [False])


def test_agree_unpaired_quotes_and_reports():
    a = coding("Nadia Verhoef", "formal", "a1", [])
    b = coding("Nadia Verhoef", "formal", None, []) + [{"report": "ander.txt"}]
    b[0]["quotes"][0]["text"] = "Iets heel anders gezegd vandaag"
    units, n, unmatched = agreement_units(a, b)
    assert units["quote_found"] == ([True, False], [False, True])
    assert unmatched == ("ander.txt",)


def test_agree_intervals_are_repeatable_and_hold_the_estimate():
    a = ["ja", "nee", "ja", "ja", "nee", "nee", "ja", "nee"] * 3
    b = ["ja", "nee", "nee", "ja", "nee", "ja", "ja", "nee"] * 3
    low, high = bootstrap_interval(cohen_kappa, a, b, resamples=300, seed=7)
    assert (low, high) == bootstrap_interval(cohen_kappa, a, b, resamples=300, seed=7)
    assert low <= cohen_kappa(a, b) <= high


def test_agree_table_and_csv(tmp_path):
    result = agree(coding("Nadia Verhoef", "formal", "a1", ["armoede"]),
                   coding("Nadia Verhoef", "informal", "a1", ["armoede"]), resamples=50)
    table = format_agreements(result)
    assert table.splitlines()[1].startswith("speaks") and "1 report(s) coded by both" in table
    rows = write_agreements_csv(result, tmp_path / "a.csv").read_text("utf-8").splitlines()
    assert rows[0].startswith("field,n,observed,observed_low,observed_high,kappa")
    assert [r.split(",")[0] for r in rows[1:]] == [r.field for r in result.rows]


def test_agree_real_corpus_json_against_qdpx(tmp_path):
    run = analyse_paths([CORPUS], out=tmp_path / "json", progress=False)
    write_run_qdpx(run.records, run.sources, tmp_path / "c.qdpx")
    assert len(load_coding(tmp_path / "c.qdpx")) == len(load_coding(tmp_path / "json"))
    assert main(["agree", str(tmp_path / "json"), str(tmp_path / "c.qdpx"), "--resamples", "20",
                 "--csv", str(tmp_path / "a.csv")]) == 0
    for row in (tmp_path / "a.csv").read_text("utf-8").splitlines()[1:]:
        field, n, observed = row.split(",")[:3]
        assert int(n) == 0 or float(observed) == 1.0, field  # the same coding agrees with itself


def test_agree_gold_against_a_changed_copy(tmp_path):
    gold = Path(__file__).resolve().parents[2] / "shared" / "gold"
    if not gold.is_dir():
        pytest.skip("shared/gold is not beside the repository")
    changed = copy.deepcopy(load_coding(gold))
    for record in changed:
        record["themes"] = record["themes"][1:]
    result = {r.field: r for r in agree(load_coding(gold), changed, resamples=50).rows}
    assert result["speaks"].observed == 1.0 and result["themes"].observed < 1.0
    assert json.dumps([r.to_dict() for r in result.values()])  # plain JSON-ready numbers
