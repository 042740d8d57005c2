"""The Corpus API: from records, from a folder of JSON records, analyse_corpus, filters."""
import json

import pandas as pd
import pytest
from test_tables import sample_records

from wsd_text import Corpus, analyse_corpus
from wsd_text.export.json import write_record

TABLES = ("reports", "actors", "quotes", "voices", "themes", "errors")


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_records(sample_records())


@pytest.fixture
def record_folder(tmp_path):
    for i, record in enumerate(sample_records()):  # records are read in file-name order
        write_record(record.to_dict(), tmp_path / f"{i}_{record.report}.json")
    (tmp_path / "errors.csv").write_text("file,reason\ncorpus/kapot.pdf,not a readable PDF\n", encoding="utf-8")
    return tmp_path


def test_corpus_from_records_has_every_table(corpus):
    assert len(corpus) == 3
    assert [len(getattr(corpus, name)) for name in TABLES] == [3, 4, 5, 12, 3, 0]


def test_corpus_from_json_folder_equals_from_records(corpus, record_folder):
    stored = Corpus.from_json_folder(record_folder)
    for name in TABLES[:-1]:
        pd.testing.assert_frame_equal(getattr(stored, name), getattr(corpus, name))
    assert stored.errors.to_dict("records") == [{"file": "corpus/kapot.pdf", "reason": "not a readable PDF"}]


def test_corpus_from_json_folder_refuses_a_record_off_the_schema(record_folder):
    (record_folder / "kapot.json").write_text(json.dumps({"report": "kapot.txt"}), encoding="utf-8")
    with pytest.raises(ValueError, match="kapot.txt: record does not match the schema"):
        Corpus.from_json_folder(record_folder)


def test_corpus_quotes_for_filters_by_perspective_and_theme(corpus):
    assert corpus.quotes_for(perspective="lived_experience")["speaker"].tolist() == ["de ervaringsdeskundigen"]
    assert corpus.quotes_for(theme="armoede")["report"].unique().tolist() == ["kenniscafe.txt"]
    on_debt = corpus.quotes_for(perspective="formal", theme="schulden")
    assert on_debt["speaker"].tolist() == ["Ruud Schelling", "Ruud Schelling", "Ineke Wolters"]
    assert corpus.quotes_for().equals(corpus.quotes)


def test_corpus_missing_voices(corpus):
    assert corpus.missing_voices()["perspective"].tolist() == ["informal", "lived_experience"]


def test_corpus_analyse_corpus_reads_record_folders_and_analyses_reports(record_folder, tmp_path_factory):
    reports = tmp_path_factory.mktemp("reports")
    (reports / "verslag.txt").write_text(
        "Bijeenkomst over schulden\n\nDe wethouder vertelde over armoede in de wijk.", encoding="utf-8")
    corpus = analyse_corpus([record_folder, reports, reports / "ontbreekt.txt"])
    assert corpus.reports["report"].tolist() == ["kenniscafe.txt", "werkplaats.txt", "platform.txt", "verslag.txt"]
    assert corpus.errors["reason"].tolist() == ["not a readable PDF", "no such file or folder"]


def test_corpus_report_folder_with_a_stray_json_is_analysed(tmp_path):
    (tmp_path / "verslag.txt").write_text(
        "Bijeenkomst over schulden\n\nDe wethouder vertelde over armoede in de wijk.", encoding="utf-8")
    (tmp_path / "bronnen.json").write_text(json.dumps({"bronnen": ["https://example.org/verslag"]}), encoding="utf-8")
    (tmp_path / "lijst.json").write_text(json.dumps([{"report": "x"}]), encoding="utf-8")
    corpus = analyse_corpus(tmp_path)
    assert corpus.reports["report"].tolist() == ["verslag.txt"]


def test_corpus_record_folder_is_known_by_its_records(record_folder):
    (record_folder / "bronnen.json").write_text("[]", encoding="utf-8")
    (record_folder / "verslag.txt").write_text("Een verslag dat al geanalyseerd is.", encoding="utf-8")
    corpus = analyse_corpus(record_folder)  # the records are read; nothing is analysed
    assert corpus.reports["report"].tolist() == ["kenniscafe.txt", "werkplaats.txt", "platform.txt"]


def test_corpus_from_records_refuses_a_report_id_twice():
    records = sample_records()
    with pytest.raises(ValueError, match="'kenniscafe.txt' is given 2 times"):
        Corpus.from_records(records + records[:1])


def test_corpus_two_record_folders_of_the_same_reports_keep_every_report(record_folder, tmp_path_factory):
    again = tmp_path_factory.mktemp("run2")
    for path in record_folder.glob("*.json"):
        (again / path.name).write_bytes(path.read_bytes())
    corpus = analyse_corpus([record_folder, again])
    assert corpus.reports["report"].tolist() == ["kenniscafe.txt", "werkplaats.txt", "platform.txt",
                                                 f"{again.name}/kenniscafe.txt", f"{again.name}/werkplaats.txt",
                                                 f"{again.name}/platform.txt"]
