"""The corpus run: records written, validated, atomic; one bad file never stops the run."""
import json
from pathlib import Path

import pytest

from wsd_text.analyse import analyse_paths, analyse_report
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


TEXT = "Verslag\n\nDe wethouder opende de bijeenkomst en de deelnemers spraken over armoede in de wijk."


def test_analyse_same_stem_twice_keeps_both(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "verslag.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "verslag.html").write_text(f"<html><body><article><h1>Verslag</h1><p>{TEXT}</p></article></body></html>",
                                                  encoding="utf-8")
    result = analyse_paths([tmp_path], out=tmp_path / "out", progress=False)
    assert [r.report for r in result.records] == ["a/verslag.txt", "b/verslag.html"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a__verslag.json", "b__verslag.json"]


@pytest.mark.parametrize("folders", [("a", "b"), ("a", "b", "c")])
def test_analyse_same_file_name_in_subfolders_gives_each_its_own_id(tmp_path, folders):
    from wsd_text import Corpus
    from wsd_text.tables import voice_matrix

    for folder in folders:
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "verslag.txt").write_text(TEXT.replace("armoede", f"armoede in {folder}"),
                                                              encoding="utf-8")
    out = tmp_path / "out"
    result = analyse_paths([tmp_path / "in"], out=out, progress=False)
    ids = [f"{folder}/verslag.txt" for folder in folders]
    assert [r.report for r in result.records] == ids and not result.errors
    assert sorted(p.name for p in out.glob("*.json")) == [f"{folder}__verslag.json" for folder in folders]
    assert (out / "report.html").is_file()
    stored = Corpus.from_json_folder(out)
    assert stored.reports["report"].tolist() == ids
    assert voice_matrix(stored.voices).index.tolist() == ids


def test_analyse_flat_folder_and_single_file_keep_the_file_name_as_id(corpus_run):
    result, _ = corpus_run
    assert [r.report for r in result.records] == sorted(p.name for p in CORPUS.glob("*.txt"))
    single = analyse_paths([CORPUS / "000_a2d3b59cfc4ed371.txt"], progress=False)
    assert [r.report for r in single.records] == ["000_a2d3b59cfc4ed371.txt"]


def test_analyse_same_name_in_two_input_folders_and_a_file_given_twice(tmp_path):
    for folder in ("x/a", "y/a"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "verslag.txt").write_text(TEXT, encoding="utf-8")
    inputs = [tmp_path / "x" / "a", tmp_path / "y" / "a", tmp_path / "x" / "a" / "verslag.txt"]
    result = analyse_paths(inputs, out=tmp_path / "out", progress=False)
    assert [r.report for r in result.records] == ["verslag.txt", "a/verslag.txt"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a__verslag.json", "verslag.json"]


def test_analyse_record_of_a_report_whose_id_changed_is_not_left_behind(tmp_path):
    from wsd_text import Corpus

    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "verslag.txt").write_text(TEXT, encoding="utf-8")
    analyse_paths([tmp_path / "in" / "a"], out=tmp_path / "out", progress=False)
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["verslag.json"]
    rerun = analyse_paths([tmp_path / "in"], out=tmp_path / "out", progress=False)
    assert rerun.reused == 0 and rerun.records[0].report == "a/verslag.txt"
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["a__verslag.json"]
    assert Corpus.from_json_folder(tmp_path / "out").reports["report"].tolist() == ["a/verslag.txt"]


def test_analyse_does_not_read_its_own_output_again(tmp_path):
    (tmp_path / "verslag.txt").write_text(TEXT, encoding="utf-8")
    for _ in range(2):
        result = analyse_paths([tmp_path], out=tmp_path / "results", progress=False)
        assert [r.report for r in result.records] == ["verslag.txt"] and not result.errors
    # Also where the output went elsewhere: the page is known by its mark.
    (tmp_path / "results").rename(tmp_path / "oud")
    assert [r.report for r in analyse_paths([tmp_path], progress=False).records] == ["verslag.txt"]


def test_analyse_refuses_an_output_folder_that_is_a_file(tmp_path):
    (tmp_path / "notities.md").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notities\.md: is a file, not a folder"):
        analyse_paths([CORPUS], out=tmp_path / "notities.md", progress=False)


def test_analyse_text_over_a_million_characters(tmp_path):
    # Long words keep the test fast: spaCy's own limit counts characters, not tokens.
    paragraph = " ".join(["schuldhulpverleningsbijeenkomstenverslag" * 5] * 49) + ".\n\n"
    text = "Verslag van de wijkavond\n\n" + paragraph * (1_500_000 // len(paragraph) + 1)
    (tmp_path / "lang.txt").write_text(text, encoding="utf-8")
    result = analyse_paths([tmp_path / "lang.txt"], progress=False)
    assert not result.errors and [r.report for r in result.records] == ["lang.txt"]


def test_analyse_text_longer_than_the_size_setting_gets_a_clear_message():
    from wsd_text.errors import InputError
    from wsd_text.ingest import report_from_text
    from wsd_text.settings import Settings

    report = report_from_text("Verslag\n\n" + "Een zin over armoede. " * 1000, "lang.docx")
    expected = r"^lang\.docx: text too long to analyse \(22,008 characters; the limit is 10,000"
    with pytest.raises(InputError, match=expected):
        analyse_report(report, Settings(max_file_mb=0.01))


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
