"""The corpus run: records written, validated, atomic; one bad file never stops the run."""
import json
from pathlib import Path

import pytest

from wsd_text.analyse import analyse_paths
from wsd_text.export.json import validate_record, write_record

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    return analyse_paths([CORPUS], out=out, progress=False), out


def test_analyse_writes_one_valid_record_per_report(corpus_run):
    result, out = corpus_run
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == sorted(p.with_suffix(".json").name for p in CORPUS.glob("*.txt"))
    for path in out.glob("*.json"):
        validate_record(json.loads(path.read_text(encoding="utf-8")))
    assert len(result.records) == 5 and not result.errors


def test_analyse_writes_corpus_and_errors_tables(corpus_run):
    _, out = corpus_run
    lines = (out / "corpus.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("report,title") and len(lines) == 6
    assert (out / "errors.csv").read_text(encoding="utf-8").strip() == "file,reason"


def test_analyse_leaves_no_temporary_files(corpus_run):
    _, out = corpus_run
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".wsd-cache"]


def test_analyse_same_stem_twice_keeps_both(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    text = "Verslag\n\nDe wethouder opende de bijeenkomst en de deelnemers spraken over armoede in de wijk."
    (tmp_path / "a" / "verslag.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "verslag.html").write_text(f"<html><body><article><h1>Verslag</h1><p>{text}</p></article></body></html>",
                                                  encoding="utf-8")
    result = analyse_paths([tmp_path], out=tmp_path / "out", progress=False)
    assert len(result.records) == 2
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["verslag.json", "verslag_html.json"]


def test_write_record_refuses_an_invalid_record_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="record does not match the schema at voices"):
        write_record({"report": "x.txt", "title": None, "event_date": None, "published_date": None,
                      "location": None, "attendance": None, "actors": [], "quotes": [],
                      "voices": {}, "missing_named": [], "themes": []}, tmp_path / "x.json")
    assert list(tmp_path.iterdir()) == []


def _dump(out: Path) -> dict:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def test_analyse_jobs_two_gives_identical_output(tmp_path):
    analyse_paths([CORPUS], out=tmp_path / "one", progress=False)
    analyse_paths([CORPUS], out=tmp_path / "two", progress=False, jobs=2)
    assert _dump(tmp_path / "one") == _dump(tmp_path / "two")


def test_analyse_second_run_reuses_unchanged_reports(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    first = analyse_paths([corpus], out=tmp_path / "out", progress=False)
    before = _dump(tmp_path / "out")
    second = analyse_paths([corpus], out=tmp_path / "out", progress=False)
    assert (first.reused, second.reused) == (0, 5)
    assert _dump(tmp_path / "out") == before
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nEen extra alinea over schulden.", encoding="utf-8")
    assert analyse_paths([corpus], out=tmp_path / "out", progress=False).reused == 4


def test_analyse_second_run_rewrites_nothing_when_nothing_changed(tmp_path):
    analyse_paths([CORPUS], out=tmp_path / "out", progress=False)
    written = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()}
    second = analyse_paths([CORPUS], out=tmp_path / "out", progress=False)
    assert second.reused == 5 and len(second.records) == 5
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()} == written
    (tmp_path / "out" / "report.html").unlink()
    analyse_paths([CORPUS], out=tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "report.html").is_file()


def test_analyse_changed_data_file_invalidates_the_cache(tmp_path):
    from wsd_text.settings import Settings

    data = tmp_path / "data"
    data.mkdir()
    analyse_paths([CORPUS], out=tmp_path / "out", settings=Settings(data_dir=data), progress=False)
    (data / "boilerplate.yaml").write_text("max_words: 30\npatterns: {}\n", encoding="utf-8")
    rerun = analyse_paths([CORPUS], out=tmp_path / "out", settings=Settings(data_dir=data), progress=False)
    assert rerun.reused == 0


def test_analyse_rejects_zero_jobs():
    with pytest.raises(ValueError, match="'jobs' parameter must be at least 1"):
        analyse_paths([CORPUS], jobs=0)
