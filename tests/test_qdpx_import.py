"""Tests for wsd_text.export.qdpx_read: round trips, other tools' layouts, unsafe archives."""
import zipfile
from pathlib import Path

import pytest

from wsd_text.analyse import analyse_paths
from wsd_text.export.qdpx import write_qdpx, write_run_qdpx
from wsd_text.export.qdpx_read import read_qdpx
from wsd_text.records import Actor, Quote, Record, Theme, Voice
from wsd_text.report import Report

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT = ("Buurtcafé schulden\n\nVrijwilliger Wout de Boer vertelde: „Mensen schamen zich voor hun post.”\n\n"
        "Ervaringsdeskundige Anouk Bakker: „Ik durfde de envelop niet open te maken 😔.” De Boer knikte.\n\n"
        "Schulden stapelen zich snel op. Jongeren ontbraken aan tafel.")


def span(text, part):
    start = text.index(part)
    return start, start + len(part)


def corpus():
    """A record with named and anonymous actors, two quotes, voices, themes and metadata."""
    q1, q2 = "Mensen schamen zich voor hun post.", "Ik durfde de envelop niet open te maken 😔."
    record = Record(
        "buurtcafe.txt", "Buurtcafé schulden", "2023-11-02", "2023-11-10", "Rotterdam", {"count": 12, "unit": "mensen"},
        actors=(Actor("a1", "Wout de Boer", None, "vrijwilliger", "Humanitas", "informal", speaks=True,
                      evidence="Vrijwilliger", mentions=(span(TEXT, "Wout de Boer"), span(TEXT, "De Boer"))),
                Actor("a2", "Anouk Bakker", None, "ervaringsdeskundige", None, "lived_experience", speaks=True,
                      mentions=(span(TEXT, "Anouk Bakker"),)),
                Actor("a3", None, "de aanwezigen", None, None, "mixed", kind="group")),
        quotes=(Quote(q1, "a1", *span(TEXT, q1), cue="vertelde"), Quote(q2, "a2", *span(TEXT, q2))),
        voices={"informal": Voice("voiced"), "lived_experience": Voice("voiced"),
                "child": Voice("absent", True, "Jongeren ontbraken aan tafel.")},
        missing_named=("jongeren", "schuldeisers"),
        themes=(Theme("schulden", ("Schulden stapelen zich snel op.",)), Theme("vertrouwen")))
    return [record], [Report("buurtcafe.txt", Path("buurtcafe.txt"), TEXT, "Buurtcafé schulden", ())]


def comparable(record):
    """The JSON form without what REFI-QDA does not carry (theme scores, warnings)."""
    data = record.to_dict()
    data.pop("warnings")
    return data


def test_qdpx_import_round_trip_keeps_actors_quotes_offsets_and_codes(tmp_path):
    records, reports = corpus()
    project = read_qdpx(write_qdpx(records, reports, tmp_path / "c.qdpx"))
    assert [comparable(r) for r in project.records] == [comparable(r) for r in records]
    assert project.texts["buurtcafe.txt"] == TEXT
    quote = project.records[0].quotes[1]
    assert TEXT[quote.start:quote.end] == quote.text


def rename_members(source, target, rename):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            zout.writestr(rename(info.filename), zin.read(info))
    return target


def test_qdpx_import_reads_any_qde_name_and_capitalised_sources(tmp_path):
    records, reports = corpus()
    ours = write_qdpx(records, reports, tmp_path / "c.qdpx")
    theirs = rename_members(ours, tmp_path / "atlas.qdpx",
                            lambda n: "Mijn project.qde" if n == "project.qde" else n.replace("sources/", "Sources/"))
    assert [comparable(r) for r in read_qdpx(theirs).records] == [comparable(r) for r in records]


def test_qdpx_import_strips_a_bom_before_counting(tmp_path):
    records, reports = corpus()
    ours = write_qdpx(records, reports, tmp_path / "c.qdpx")
    with zipfile.ZipFile(ours) as zin, zipfile.ZipFile(tmp_path / "bom.qdpx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, b"\xef\xbb\xbf" + data if info.filename.startswith("sources/") else data)
    project = read_qdpx(tmp_path / "bom.qdpx")
    quote = project.records[0].quotes[0]
    assert project.texts["buurtcafe.txt"][quote.start:quote.end] == quote.text


@pytest.mark.parametrize("member, message", [
    ("../buiten.txt", "escapes the archive folder"),
    ("sources/../../buiten.txt", "escapes the archive folder"),
    ("/etc/passwd", "absolute path"),
    ("C:/Windows/win.ini", "absolute path"),
])
def test_qdpx_import_refuses_unsafe_paths(tmp_path, member, message):
    archive = tmp_path / "kwaad.qdpx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("project.qde", "<Project/>")
        zf.writestr(member, "x")
    with pytest.raises(ValueError, match=message) as error:
        read_qdpx(archive)
    assert "kwaad.qdpx" in str(error.value) and member in str(error.value)


def test_qdpx_import_refuses_a_zip_bomb(tmp_path):
    archive = tmp_path / "bom.qdpx"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", "<Project/>")
        zf.writestr("sources/groot.txt", b"0" * (5 * 2**20))  # deflates about 1000-fold
    with pytest.raises(ValueError, match="sources/groot.txt.*zip bomb"):
        read_qdpx(archive)


@pytest.mark.parametrize("content, message", [
    (None, "not a zip archive"),
    ({"sources/a.txt": "tekst"}, "one \\*.qde"),
    ({"a.qde": "<Project/>", "b.qde": "<Project/>"}, "one \\*.qde"),
    ({"project.qde": "<Project><Sources>"}, "raar.qdpx: project.qde is not well-formed XML"),
    ({"project.qde": b"\x00\x01 geen xml"}, "raar.qdpx: project.qde is not well-formed XML"),
])
def test_qdpx_import_refuses_what_is_not_a_project(tmp_path, content, message):
    archive = tmp_path / "raar.qdpx"
    if content is None:
        archive.write_text("geen zip")
    else:
        with zipfile.ZipFile(archive, "w") as zf:
            for name, data in content.items():
                zf.writestr(name, data)
    with pytest.raises(ValueError, match=message):
        read_qdpx(archive)


def test_qdpx_import_real_corpus_round_trip(tmp_path):
    run = analyse_paths([CORPUS], progress=False)
    project = read_qdpx(write_run_qdpx(run.records, run.sources, tmp_path / "corpus.qdpx"))
    assert [r.report for r in project.records] == [r.report for r in run.records]
    for before, after in zip(run.records, project.records):
        assert [(a.name, a.perspective, a.speaks, a.mentions) for a in after.actors] == \
               [(a.name, a.perspective, a.speaks, a.mentions) for a in before.actors]
        assert [(q.actor, q.start, q.end) for q in after.quotes] == [(q.actor, q.start, q.end) for q in before.quotes]
        assert [t.code for t in after.themes] == [t.code for t in before.themes]
        assert {p: v.status for p, v in after.voices.items()} == {p: v.status for p, v in before.voices.items()}
