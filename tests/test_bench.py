"""Smoke tests of the benchmark scripts on a tiny corpus. Nothing here is timed: speed is
measured by ``bench/run.py`` only, never asserted in a unit test."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wsd_text.ingest import read_report

pytest.importorskip("faker", reason="the corpus generator needs the 'bench' extra (Faker)")

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run(*args: str) -> str:
    """Run a bench script with this interpreter; its standard output."""
    done = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True, cwd=BENCH.parent)
    return done.stdout


def _bench_run_module():
    """``bench/run.py`` as a module (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    _run(str(BENCH / "make_corpus.py"), str(folder), "--reports", "6", "--seed", "3")
    return folder


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_bench_make_corpus_is_deterministic_for_a_seed(tiny_corpus, tmp_path):
    _run(str(BENCH / "make_corpus.py"), str(tmp_path / "same"), "--reports", "6", "--seed", "3")
    _run(str(BENCH / "make_corpus.py"), str(tmp_path / "other"), "--reports", "6", "--seed", "4")
    assert _contents(tmp_path / "same") == _contents(tiny_corpus)
    assert _contents(tmp_path / "other") != _contents(tiny_corpus)


def test_bench_make_corpus_writes_ingestible_reports_of_report_length(tiny_corpus):
    files = sorted(tiny_corpus.iterdir())
    assert len(files) == 6 and {p.suffix for p in files} <= {".txt", ".html"}
    for path in files:
        assert len(path.read_text(encoding="utf-8").split()) >= 300
        assert read_report(path).text


def test_bench_make_corpus_reports_are_not_copies(tiny_corpus):
    texts = [read_report(p).text for p in sorted(tiny_corpus.iterdir())]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("mode", ["ingest", "analysis", "blank"])
def test_bench_measure_child_prints_words_seconds_and_memory(tiny_corpus, mode):
    result = json.loads(_run(str(BENCH / "run.py"), "measure", mode, str(tiny_corpus), "--limit", "2",
                             "--min-seconds", "0"))
    assert result["words"] > 0 and result["seconds"] > 0 and result["peak_kb"] > 0


def test_bench_measure_child_times_a_first_and_an_unchanged_cli_run(tiny_corpus, tmp_path):
    result = json.loads(_run(str(BENCH / "run.py"), "measure", "cli", str(tiny_corpus), "--out", str(tmp_path)))
    assert result["reports"] == 6 and result["seconds"] > 0 and result["again"] > 0


def test_bench_profile_writes_stages_and_top_functions(tmp_path):
    output = tmp_path / "profile.txt"
    subprocess.run([sys.executable, str(BENCH / "run.py"), "--profile", "--reports", "2", "--work", str(tmp_path),
                    "--output", str(output)], check=True, capture_output=True, cwd=BENCH.parent)
    text = output.read_text(encoding="utf-8")
    assert "Time per stage" in text and "component wsd_segments" in text and "top functions by own time" in text


def test_bench_results_markdown_has_machine_targets_and_rows():
    bench = _bench_run_module()
    sizes = bench.Sizes(small=2, large=3, repeat_real=1, trained_reports=1, min_seconds=0)
    rows = [bench.Measurement(stage, corpus, jobs, 2, 2000, seconds, 200_000, 0.5)
            for stage, corpus, jobs, seconds in [
                ("analysis", "synthetic 2", 1, 0.02), ("analysis", "synthetic 2", 2, 0.012),
                ("spacy blank tokenizer", "synthetic 2", 1, 0.002), ("end to end", "synthetic 2", 1, 0.05),
                ("end to end", "synthetic 2", 2, 0.03), ("end to end", "synthetic 3", 2, 10.0),
                ("end to end, again", "synthetic 3", 2, 0.4)]]
    text = bench.results_markdown(rows, sizes, "python bench/run.py", ((0.1,) * 3, (0.2,) * 3), quick=True)
    assert "CPU cores" in text and "Quick run" in text and "Other processes were running" in text
    targets = dict((t, met) for t, _, met in bench.target_rows(rows, sizes))
    assert list(targets.values()) == [False, False, False, True, True, False, True]
    assert text.count("| end to end |") == 3 and text.count("| end to end, again |") == 1


def test_bench_measurement_that_fails_says_why(tmp_path):
    run = _bench_run_module()
    with pytest.raises(SystemExit, match="(?s)'ingest' on empty failed .*IndexError"):
        run.run_measurement("ingest", "empty", tmp_path)  # an empty folder: the child cannot read a report
