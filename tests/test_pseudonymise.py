"""Tests for wsd_text.pseudonymise: every form of a person's name replaced, reversibly."""
import json
import re
import zipfile
from pathlib import Path

import pytest

from wsd_text.cli import main
from wsd_text.corpus import Corpus
from wsd_text.evaluate import load_records
from wsd_text.export.html import render_report
from wsd_text.export.qdpx import write_qdpx
from wsd_text.export.tables import write_tables
from wsd_text.pseudonymise import (PseudonymKey, Pseudonymiser, check_key_location, name_forms,
                                   pseudonymise_folder, pseudonymise_records, reverse_records, rewrite)
from wsd_text.records import Actor, Quote, Record, Theme, Voice
from wsd_text.report import Report

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("name, expected", [
    ("Toby Witte", {"Toby Witte", "Witte", "Toby", "T. Witte", "T.Witte"}),
    ("Freek de Jong", {"Freek de Jong", "de Jong", "De Jong", "Jong", "Freek", "F. de Jong", "F.de Jong"}),
    ("Jan Willem van der Berg", {"Jan Willem van der Berg", "van der Berg", "Van der Berg", "Berg", "Jan Willem",
                                 "Jan", "J.W. van der Berg", "J.W.van der Berg", "J. van der Berg", "J.van der Berg"}),
    ("A. Lusse", {"A. Lusse", "Lusse", "A.Lusse"}),
    ("Witte", {"Witte"}),
])
def test_pseudonymise_name_forms(name, expected):
    assert name_forms(name) == expected


def test_pseudonymise_rewrite_maps_offsets():
    rw = rewrite("Toby Witte zei ja. Witte knikte.", re.compile("Toby Witte|Witte"), lambda m: "P1")
    assert rw.text == "P1 zei ja. P1 knikte."
    assert rw.span(11, 17) == (3, 9) and rw.span(0, 10) == (0, 2) and rw.span(5, 10) == (0, 2)


@pytest.mark.parametrize("text, expected", [
    ("Wethouder Toby Witte opende de avond.", "Wethouder P1 opende de avond."),
    ("Volgens Witte en T. Witte gaat het goed.", "Volgens P1 en P1 gaat het goed."),
    ("„Toby, kom erbij,” riep Freek de Jong.", "„P1, kom erbij,” riep P2."),
    ("Mevrouw De Jong en dhr. F. de Jong.", "Mevrouw P2 en dhr. P2."),
    ("Hij is jong en witte wijn is lekker.", "Hij is jong en witte wijn is lekker."),  # words, not names
])
def test_pseudonymise_replaces_every_form_and_keeps_roles(text, expected):
    key = PseudonymKey()
    key.add_names(["Toby Witte", "Freek de Jong"])
    assert Pseudonymiser(key).text(text) == expected


def record(report, *names, title="Kenniscafé"):
    actors = tuple(Actor(f"a{i}", n, None, "wethouder", None, "formal", speaks=True) for i, n in enumerate(names, 1))
    return Record(report, title, None, None, None, None, actors=actors,
                  quotes=(Quote(f"{names[0]} heeft gelijk", "a1", 0, 5),),
                  voices={"formal": Voice("voiced", status_evidence=f"{names[0]} sprak.")},
                  themes=(Theme("armoede", ("Witte over armoede.",)),))


def test_pseudonymise_is_consistent_across_the_corpus():
    key = PseudonymKey()
    out = pseudonymise_records([record("a.txt", "Toby Witte", "Anouk Bakker"), record("b.txt", "Witte")], key)
    assert [a.name for a in out[0].actors] == ["P1", "P2"] and out[1].actors[0].name == "P1"
    assert out[0].actors[0].role == "wethouder" and out[1].quotes[0].text == "P1 heeft gelijk"
    assert out[0].themes[0].evidence == ("P1 over armoede.",)


def test_pseudonymise_reverse_restores_exactly_and_twice_changes_nothing():
    original = [record("a.txt", "Toby Witte", "Anouk Bakker", title="Met Witte en Toby").to_dict(),
                record("b.txt", "T. Witte").to_dict()]
    key = PseudonymKey()
    once = pseudonymise_records(original, key)
    assert pseudonymise_records(once, key) == once and len(key.people) == 2
    assert reverse_records(once, key) == original


def test_pseudonymise_reverse_of_an_edited_string_gives_the_full_name():
    key = PseudonymKey()
    pseudonymise_records([record("a.txt", "Toby Witte").to_dict()], key)
    assert reverse_records([{"report": "a.txt", "title": "Nieuw: P1"}], key)[0]["title"] == "Nieuw: Toby Witte"


def test_pseudonymise_refuses_the_key_inside_the_output(tmp_path):
    with pytest.raises(ValueError, match="outside the output"):
        check_key_location(tmp_path / "uit" / "sleutel.json", tmp_path / "uit")
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "uit"), "--pseudonymise",
                 "--key", str(tmp_path / "uit" / "k.json"), "-q"]) == 1
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "uit"), "--pseudonymise", "-q"]) == 1


TEXT = ("Wethouder Toby Witte en ervaringsdeskundige Anouk Bakker openden het kenniscafé.\n\n"
        "Witte zei: „Toby is geen held, Bakker wel.” Bakker lachte.\n\nA. Bakker sloot af.")


def hand_corpus():
    quote = "Toby is geen held, Bakker wel."
    start = TEXT.index(quote)
    rec = Record("kc.txt", "Kenniscafé met Toby Witte", None, None, None, None,
                 actors=(Actor("a1", "Toby Witte", None, "wethouder", None, "formal", speaks=True,
                               mentions=((10, 20), (TEXT.index("Witte zei"), TEXT.index("Witte zei") + 5))),
                         Actor("a2", "Anouk Bakker", None, "ervaringsdeskundige", None, "lived_experience",
                               speaks=True, mentions=((44, 56),))),
                 quotes=(Quote(quote, "a1", start, start + len(quote)),),
                 voices={"lived_experience": Voice("voiced", status_evidence="A. Bakker sloot af.")},
                 themes=(Theme("ervaringsdeskundigheid", ("Bakker lachte.",)),))
    return [rec], [Report("kc.txt", Path("kc.txt"), TEXT, rec.title, ())]


def leftovers(text, names):
    """Capitalised name words of ``names`` still in ``text``."""
    words = {w for n in names for w in n.replace(".", " ").split() if len(w) > 1 and w[0].isupper()}
    return sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))


def archive_text(path):
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode("utf-8") for n in zf.namelist())


def test_pseudonymise_no_name_remains_in_any_output_of_a_hand_made_corpus(tmp_path):
    records, reports = hand_corpus()
    key = PseudonymKey()
    key.add_records(records)
    fake_reports, fake_records = Pseudonymiser(key).corpus(reports, records)
    names = ["Toby Witte", "Anouk Bakker"]
    assert leftovers(json.dumps([r.to_dict() for r in fake_records], ensure_ascii=False), names) == []
    csv = "".join(p.read_text("utf-8") for p in write_tables(fake_records, tmp_path / "csv", "csv"))
    assert leftovers(csv, names) == []
    assert leftovers(archive_text(write_qdpx(fake_records, fake_reports, tmp_path / "c.qdpx")), names) == []
    assert leftovers(render_report(Corpus.from_records(fake_records)), names) == []
    quote = fake_records[0].quotes[0]  # offsets follow the rewritten text
    assert fake_reports[0].text[quote.start:quote.end] == quote.text == "P1 is geen held, P2 wel."
    assert [fake_reports[0].text[s:e] for s, e in fake_records[0].actors[0].mentions] == ["P1", "P1"]


def person_names(folder):
    return [a["name"] for r in load_records(folder) for a in r["actors"] if a["kind"] == "individual" and a["name"]]


def test_pseudonymise_real_corpus_every_output_and_reverse(tmp_path):
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "plain"), "-q"]) == 0
    names = person_names(tmp_path / "plain")
    key = str(tmp_path / "key.json")
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "json"), "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["export", str(CORPUS), "--format", "csv", "--out", str(tmp_path / "csv"),
                 "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["export", str(CORPUS), "--format", "qdpx", "--out", str(tmp_path / "c.qdpx"),
                 "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["report", str(CORPUS), "--out", str(tmp_path / "r.html"), "--pseudonymise", "--key", key, "-q"]) == 0
    outputs = {"json": "".join(p.read_text("utf-8") for p in (tmp_path / "json").glob("*.json")),
               "csv": "".join(p.read_text("utf-8") for p in (tmp_path / "csv").glob("*.csv")),
               "qdpx": archive_text(tmp_path / "c.qdpx"), "html": (tmp_path / "r.html").read_text("utf-8")}
    assert {kind: leftovers(text, names) for kind, text in outputs.items()} == dict.fromkeys(outputs, [])
    pseudonymise_folder(tmp_path / "json", tmp_path / "back", key, reverse=True)
    assert load_records(tmp_path / "back") == load_records(tmp_path / "plain")


def test_pseudonymise_cli_folder_round_trip(tmp_path):
    main(["analyse", str(CORPUS), "--out", str(tmp_path / "plain"), "-q"])
    key = str(tmp_path / "key.json")
    assert main(["pseudonymise", str(tmp_path / "plain"), "--out", str(tmp_path / "fake"), "--key", key, "-q"]) == 0
    assert main(["pseudonymise", str(tmp_path / "fake"), "--out", str(tmp_path / "back"), "--key", key,
                 "--reverse", "-q"]) == 0
    assert load_records(tmp_path / "back") == load_records(tmp_path / "plain")
    assert main(["pseudonymise", str(tmp_path / "plain"), "--out", str(tmp_path / "fake"),
                 "--key", str(tmp_path / "fake" / "k.json"), "-q"]) == 1
