"""Records to DataFrames: columns, dtypes, counts and summaries, on hand-made records.

`sample_records()` is the small corpus the corpus, plot and report tests share.
"""
import json

import pandas as pd
import pytest

from wsd_text import tables
from wsd_text.errors import InputError
from wsd_text.records import Actor, Quote, Record, Theme, Voice


def sample_records() -> list[Record]:
    """Three reports covering every status, a flagged voice, an unattributed quote, dates and none."""
    cafe = Record(
        report="kenniscafe.txt", title="Kenniscafé schulden en armoede", event_date="2019-03-12",
        published_date="2019-03-20", location="Deventer", attendance={"count": 15, "unit": "organisaties"},
        actors=(
            Actor("a1", "Ruud Schelling", None, "lector Wijkeconomie", "Hogeschool Lindewaard", "formal",
                  speaks=True, evidence="lector"),
            Actor("a2", "Femke Drost", None, "vrijwilliger", "Stichting Ommezij", "informal"),
            Actor("a3", None, "de ervaringsdeskundigen", None, None, "lived_experience", "group", speaks=True),
        ),
        quotes=(
            Quote("Rondkomen wordt voor veel gezinnen moeilijker", "a1", 10, 55),
            Quote("Wij zien het elke dag", "a1", 80, 101),
            Quote("Niemand vroeg ons wat we nodig hadden", "a3", 150, 187),
            Quote("Het aanvraagformulier van de gemeente is te ingewikkeld", None, 200, 255),
        ),
        voices={
            "formal": Voice("voiced"),
            "informal": Voice("present", True, "Maar één vrijwilliger had zich aangemeld.",
                              "Femke Drost van Stichting Ommezij was erbij."),
            "lived_experience": Voice("voiced"),
            "child": Voice("mentioned", status_evidence="Kinderen groeien op in armoede."),
        },
        missing_named=("tolken", "financiële expertise"),
        themes=(Theme("schulden", ("Schulden stapelen zich op.", "De  schuldhulp\nduurt lang.")),
                Theme("armoede", ("Armoede raakt gezinnen.",))),
    )
    werkplaats = Record(
        report="werkplaats.txt", title=None, event_date=None, published_date=None, location=None,
        attendance=None,
        actors=(Actor("a1", "Ineke Wolters", None, "lector Gezin en Bestaanszekerheid", None, "formal", speaks=True),),
        quotes=(Quote("Leraren zien als eerste wie honger heeft", "a1", 5, 45),),
        voices={"formal": Voice("voiced"),
                "lived_experience": Voice("mentioned", True, "Ouders zelf waren er niet bij.")},
        themes=(Theme("schulden", ("Over schulden werd lang gepraat.",)),),
    )
    platform = Record(
        report="platform.txt", title="Platform jeugd", event_date=None, published_date="2020-01-15",
        location=None, attendance=None,
        voices={"formal": Voice("present"), "child": Voice("voiced")},
    )
    return [cafe, werkplaats, platform]


@pytest.fixture(scope="module")
def records():
    return sample_records()


def test_tables_reports_columns_dtypes_and_counts(records):
    reports = tables.reports_table(records)
    assert list(reports.columns) == list(tables.REPORT_COLUMNS)
    cafe = reports.iloc[0]
    assert (cafe["actors"], cafe["speakers"], cafe["quotes"]) == (3, 2, 4)
    assert cafe["words_quoted"] == 6 + 5 + 7 + 8
    assert cafe["attendance"] == 15 and cafe["attendance_unit"] == "organisaties"
    assert cafe["missing_named"] == "tolken; financiële expertise" and cafe["themes"] == "schulden; armoede"
    assert cafe["informal_status"] == "present" and cafe["informal_flagged_missing"]
    assert reports["child_status"].cat.ordered
    assert pd.isna(reports.loc[1, "attendance"]) and reports["attendance"].dtype == "Int64"


def test_tables_reports_date_is_event_date_else_published(records):
    reports = tables.reports_table(records)
    for column in ("date", "event_date", "published_date"):
        assert pd.api.types.is_datetime64_any_dtype(reports[column])
    assert reports["date"].tolist()[0] == pd.Timestamp("2019-03-12")
    assert pd.isna(reports["date"][1])
    assert reports["date"][2] == pd.Timestamp("2020-01-15")


def test_tables_perspectives_and_statuses_are_ordered_categoricals(records):
    voices = tables.voices_table(records)
    assert voices["perspective"].cat.categories.tolist() == ["formal", "informal", "lived_experience", "child"]
    assert voices["status"].cat.categories.tolist() == ["voiced", "present", "mentioned", "absent"]
    assert voices["status"].cat.ordered and voices["perspective"].cat.ordered
    actors = tables.actors_table(records)
    assert actors["perspective"].cat.categories.tolist()[-2:] == ["mixed", "unknown"]


def test_tables_voices_one_row_per_report_and_perspective_with_evidence(records):
    voices = tables.voices_table(records)
    assert len(voices) == 3 * 4
    informal = voices[(voices["report"] == "kenniscafe.txt") & (voices["perspective"] == "informal")].iloc[0]
    assert informal["flagged_missing"] and informal["evidence"] == "Maar één vrijwilliger had zich aangemeld."
    assert informal["status_evidence"] == "Femke Drost van Stichting Ommezij was erbij."
    # A perspective the record leaves out is absent (Record.to_dict fills the default Voice).
    assert voices.query("report == 'platform.txt' and perspective == 'informal'")["status"].item() == "absent"


def test_tables_actors_count_their_quotes_and_words(records):
    actors = tables.actors_table(records).set_index(["report", "id"])
    schelling = actors.loc[("kenniscafe.txt", "a1")]
    assert (schelling["label"], schelling["quotes"], schelling["words_quoted"]) == ("Ruud Schelling", 2, 11)
    group = actors.loc[("kenniscafe.txt", "a3")]
    assert group["label"] == "de ervaringsdeskundigen" and group["kind"] == "group"
    assert actors.loc[("kenniscafe.txt", "a2"), "quotes"] == 0


def test_tables_quotes_take_speaker_and_perspective_unknown_without_actor(records):
    quotes = tables.quotes_table(records)
    assert quotes["speaker"].tolist()[:3] == ["Ruud Schelling", "Ruud Schelling", "de ervaringsdeskundigen"]
    unattributed = quotes.iloc[3]
    assert pd.isna(unattributed["actor"]) and unattributed["perspective"] == "unknown"
    assert quotes["words"].tolist() == [6, 5, 7, 8, 7]
    assert quotes["start"].dtype == "Int64"


def test_tables_themes_keep_evidence_one_sentence_a_line(records):
    themes = tables.themes_table(records)
    assert themes[["report", "code", "sentences"]].values.tolist() == [
        ["kenniscafe.txt", "schulden", 2], ["kenniscafe.txt", "armoede", 1], ["werkplaats.txt", "schulden", 1]]
    assert themes["evidence"][0] == "Schulden stapelen zich op.\nDe schuldhulp duurt lang."


def test_tables_records_and_their_json_give_the_same_tables(records):
    dicts = [json.loads(json.dumps(r.to_dict())) for r in records]
    for build in (tables.reports_table, tables.actors_table, tables.quotes_table, tables.voices_table,
                  tables.themes_table):
        pd.testing.assert_frame_equal(build(records), build(dicts))


@pytest.mark.parametrize("build, columns", [
    (tables.reports_table, tables.REPORT_COLUMNS), (tables.actors_table, tables.ACTOR_COLUMNS),
    (tables.quotes_table, tables.QUOTE_COLUMNS), (tables.voices_table, tables.VOICE_COLUMNS),
    (tables.themes_table, tables.THEME_COLUMNS), (tables.errors_table, tables.ERROR_COLUMNS),
])
def test_tables_empty_input_gives_typed_empty_frames(build, columns, records):
    empty, full = build([]), build(records) if build is not tables.errors_table else build([InputError("x", "y")])
    assert empty.empty and list(empty.columns) == list(columns)
    assert empty.dtypes.astype(str).tolist() == full.dtypes.astype(str).tolist()


def test_tables_errors_table_names_file_and_reason():
    errors = tables.errors_table([InputError("corpus/kapot.pdf", "not a readable PDF")])
    assert errors.to_dict("records") == [{"file": "corpus/kapot.pdf", "reason": "not a readable PDF"}]


def test_tables_voice_matrix_and_status_counts(records):
    voices = tables.voices_table(records)
    matrix = tables.voice_matrix(voices)
    assert matrix.index.tolist() == ["kenniscafe.txt", "werkplaats.txt", "platform.txt"]
    assert matrix.loc["platform.txt"].tolist() == ["present", "absent", "absent", "voiced"]
    counts = tables.status_counts(voices)
    assert counts.loc["formal"].tolist() == [2, 1, 0, 0]
    assert counts.loc["child"].tolist() == [1, 0, 1, 1]
    assert counts.to_numpy().sum() == 12


def test_tables_voice_matrix_keeps_a_row_per_record_when_an_id_repeats(records):
    voices = tables.voices_table(records + records[:1])
    matrix = tables.voice_matrix(voices)
    assert matrix.index.tolist() == ["kenniscafe.txt", "werkplaats.txt", "platform.txt", "kenniscafe.txt"]
    assert matrix.iloc[3].tolist() == matrix.iloc[0].tolist()


def test_tables_voice_matrix_of_ids_with_folders(records):
    from dataclasses import replace

    renamed = [replace(r, report=f"map {i}/verslag.txt") for i, r in enumerate(records)]
    matrix = tables.voice_matrix(tables.voices_table(renamed))
    assert matrix.index.tolist() == ["map 0/verslag.txt", "map 1/verslag.txt", "map 2/verslag.txt"]


def test_tables_speaker_counts_per_perspective(records):
    counts = tables.speaker_counts(tables.actors_table(records), tables.quotes_table(records))
    assert counts.index.tolist() == ["formal", "informal", "lived_experience", "child", "mixed", "unknown"]
    assert counts.loc["formal"].tolist() == [2, 3, 18]
    assert counts.loc["lived_experience"].tolist() == [1, 1, 7]
    assert counts.loc["informal"].tolist() == [0, 0, 0]
    assert counts.loc["unknown"].tolist() == [0, 1, 8]


def test_tables_theme_voices_counts_reports_where_a_perspective_spoke(records):
    table = tables.theme_voices(tables.themes_table(records), tables.voices_table(records))
    assert table.index.tolist() == ["schulden", "armoede"]
    assert table.loc["schulden"].tolist() == [2, 2, 0, 1, 0]
    assert table.loc["armoede"].tolist() == [1, 1, 0, 1, 0]


def test_tables_missing_voices_lists_flagged_with_title_and_sentence(records):
    missing = tables.missing_voices(tables.voices_table(records), tables.reports_table(records))
    assert missing[["report", "perspective", "status"]].values.tolist() == [
        ["kenniscafe.txt", "informal", "present"], ["werkplaats.txt", "lived_experience", "mentioned"]]
    assert missing["title"][0] == "Kenniscafé schulden en armoede"
    assert missing["evidence"][1] == "Ouders zelf waren er niet bij."
