"""Tests for wsd_text.export.tables: the corpus tables as CSV files or an Excel workbook."""
from pathlib import Path

import pandas as pd
import pytest

from wsd_text.analyse import analyse_paths
from wsd_text.cli import main
from wsd_text.errors import InputError
from wsd_text.export.tables import write_tables
from wsd_text.records import Actor, Quote, Record

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TABLES = ["reports", "actors", "quotes", "voices", "themes", "errors"]


def records():
    return [Record("wijk.txt", "Wijkavond over geldzorgen", "2024-02-01", None, "Utrecht", None,
                   actors=(Actor("a1", "Sanne Mulder", None, "buurtwerker", None, "formal", speaks=True),),
                   quotes=(Quote("Vraag gewoon om hulp", "a1", 10, 30),))]


def test_export_tables_csv_writes_one_file_per_table(tmp_path):
    written = write_tables(records(), tmp_path / "tabellen", "csv", [InputError("kapot.pdf", "not a readable PDF")])
    assert [p.stem for p in written] == TABLES
    actors = pd.read_csv(tmp_path / "tabellen" / "actors.csv")
    assert actors.loc[0, ["name", "perspective", "quotes"]].tolist() == ["Sanne Mulder", "formal", 1]
    assert pd.read_csv(tmp_path / "tabellen" / "errors.csv")["reason"].tolist() == ["not a readable PDF"]


def test_export_tables_xlsx_writes_one_sheet_per_table(tmp_path):
    write_tables(records(), tmp_path / "tabellen.xlsx", "xlsx")
    sheets = pd.read_excel(tmp_path / "tabellen.xlsx", sheet_name=None)
    assert list(sheets) == TABLES
    assert sheets["quotes"].loc[0, "text"] == "Vraag gewoon om hulp"


@pytest.mark.parametrize("out, fmt, message", [
    ("x", "json", "'format' parameter must be one of"),
    ("tabellen.csv", "xlsx", "must be a .xlsx file"),
])
def test_export_tables_refuses_bad_arguments(tmp_path, out, fmt, message):
    with pytest.raises(ValueError, match=message):
        write_tables(records(), tmp_path / out, fmt)


def test_export_tables_real_corpus(tmp_path):
    run = analyse_paths([CORPUS], progress=False)
    write_tables(run.records, tmp_path / "csv", "csv")
    assert len(pd.read_csv(tmp_path / "csv" / "reports.csv")) == len(run.records)
    assert main(["export", str(CORPUS), "--format", "xlsx", "--out", str(tmp_path / "c.xlsx"), "-q"]) == 0
    assert len(pd.read_excel(tmp_path / "c.xlsx", sheet_name="voices")) == 4 * len(run.records)
