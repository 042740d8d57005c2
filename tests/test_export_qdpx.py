"""Tests for wsd_text.export.qdpx: valid REFI-QDA projects with exact codepoint offsets."""
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from wsd_text.analyse import analyse_paths
from wsd_text.export.qdpx import PROJECT_NS, code_tree, codebook_xml, write_qdc, write_qdpx, write_run_qdpx
from wsd_text.ingest import read_report
from wsd_text.records import Actor, Quote, Record, Theme, Voice
from wsd_text.report import Report

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
Q = {"q": PROJECT_NS}


def schema(name):
    with resources.as_file(resources.files("wsd_text") / "schema" / name) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def make(text, name="Nadia Verhoef", quote="Dit houdt mij wakker", report="verslag.txt"):
    """A report and its record: one speaking wethouder, one quote, a voice and a theme."""
    start = text.index(quote)
    mention = text.index(name)
    record = Record(report, "Kenniscafé armoede", "2024-03-12", None, "Utrecht", {"count": 15, "unit": "mensen"},
                    actors=(Actor("a1", name, None, "wethouder", "gemeente Utrecht", "formal", speaks=True,
                                  evidence="wethouder", mentions=((mention, mention + len(name)),)),
                            Actor("a2", None, "een vrijwilliger", None, None, "informal", speaks=True)),
                    quotes=(Quote(quote, "a1", start, start + len(quote), cue="zei"),),
                    voices={"formal": Voice("voiced", status_evidence="zei"),
                            "child": Voice("mentioned", True, "Kinderen waren er niet bij.")},
                    missing_named=("tolken",), themes=(Theme("armoede", ("Armoede raakt veel gezinnen.",)),))
    return record, Report(report, Path(report), text, "Kenniscafé armoede", ())


TEXT = ("Kenniscafé armoede\n\nWethouder Nadia Verhoef zei: „Dit houdt mij wakker.”\n\n"
        "Armoede raakt veel gezinnen. Kinderen waren er niet bij.")


def export(path, text=TEXT, **kwargs):
    """Export the one-report corpus of `make` to ``path``."""
    record, report = make(text, **kwargs)
    return write_qdpx([record], [report], path)


def members(path):
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def selections(path):
    """(name, text of the source between the offsets) of every selection."""
    files = members(path)
    root = etree.fromstring(files["project.qde"])
    out = []
    for source in root.iterfind("q:Sources/q:TextSource", Q):
        text = files["sources/" + source.get("plainTextPath").removeprefix("internal://")].decode("utf-8")
        out += [(s.get("name"), text[int(s.get("startPosition")):int(s.get("endPosition"))])
                for s in source.iterfind("q:PlainTextSelection", Q)]
    return out


def test_export_qdpx_validates_against_the_xsd(tmp_path):
    path = export(tmp_path / "c.qdpx")
    assert schema("Project-mrt2019.xsd").validate(etree.fromstring(members(path)["project.qde"]))
    assert schema("Codebook-mrt2019.xsd").validate(etree.fromstring(write_qdc([], tmp_path / "c.qdc").read_bytes()))


def test_export_qdpx_schemas_keep_their_mit_header():
    for name in ("Project-mrt2019.xsd", "Codebook-mrt2019.xsd"):
        header = (resources.files("wsd_text") / "schema" / name).read_text("utf-8")[:4000]
        assert "licensed under the MIT license" in header and "Copyright 2019 REFI" in header


def test_export_qdpx_layout_follows_the_pitfalls(tmp_path):
    path = export(tmp_path / "c.qdpx")
    files = members(path)
    assert sorted(files)[0] == "project.qde"
    assert all(n == "project.qde" or (n.startswith("sources/") and n.count("/") == 1) for n in files)
    xml = files["project.qde"].decode("utf-8")
    assert "richTextPath" not in xml and "<Sets" not in xml and not files["project.qde"].startswith(b"\xef\xbb\xbf")
    source = etree.fromstring(files["project.qde"]).find("q:Sources/q:TextSource", Q)
    assert source.find("q:PlainTextContent", Q) is None and source.get("plainTextPath").startswith("internal://")


def test_export_qdpx_leaves_out_empty_containers(tmp_path):
    record = Record("leeg.txt", None, None, None, None, None)
    report = Report("leeg.txt", Path("leeg.txt"), "Geen sprekers vandaag.", None, ())
    root = etree.fromstring(members(write_qdpx([record], [report], tmp_path / "c.qdpx"))["project.qde"])
    assert root.find("q:Cases", Q) is None
    assert all(len(el) for el in root.iter() if el.tag.endswith(("s", "Codes")) and el.text is None)


@pytest.mark.parametrize("text", [
    TEXT,
    TEXT.replace("wakker", "wakker 😀🇳🇱"),                    # astral codepoints and a flag sequence
    TEXT.replace("\n", "\r\n"),                                   # CRLF line ends
    "\ufeff" + TEXT,                                              # a BOM
    "\ufeff" + TEXT.replace("\n", "\r\n").replace("wakker", "wakker 👍🏽"),  # all three
], ids=["plain", "emoji", "crlf", "bom", "all"])
def test_export_qdpx_offsets_are_codepoints_over_the_text_written(tmp_path, text):
    path = export(tmp_path / "c.qdpx", text, quote=text[text.index("Dit"):text.index(".”")])
    written = next(v for k, v in members(path).items() if k.startswith("sources/"))
    assert b"\r" not in written and not written.startswith(b"\xef\xbb\xbf")
    found = dict(selections(path))
    assert found[text[text.index("Dit"):text.index(".”")]] == text[text.index("Dit"):text.index(".”")]
    assert found["Nadia Verhoef"] == "Nadia Verhoef"
    assert found["child: flagged_missing"] == "Kinderen waren er niet bij."
    assert found["armoede"] == "Armoede raakt veel gezinnen."


def test_export_qdpx_offsets_of_an_ingested_file_with_bom_and_crlf(tmp_path):
    source = tmp_path / "verslag.txt"
    source.write_bytes(("\ufeff" + TEXT.replace("wakker", "wakker 😀")).replace("\n", "\r\n").encode("utf-8"))
    report = read_report(source)
    record, _ = make(report.text, quote="Dit houdt mij wakker 😀")
    path = write_qdpx([record], [report], tmp_path / "c.qdpx")
    assert dict(selections(path))["Dit houdt mij wakker 😀"] == "Dit houdt mij wakker 😀"


def test_export_qdpx_is_deterministic(tmp_path):
    first = export(tmp_path / "a" / "c.qdpx").read_bytes()
    assert export(tmp_path / "b" / "c.qdpx").read_bytes() == first


def test_export_qdpx_actors_are_cases_with_variables(tmp_path):
    root = etree.fromstring(members(export(tmp_path / "c.qdpx"))["project.qde"])
    names = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", Q)}
    case = root.find("q:Cases/q:Case", Q)
    values = {names[v.find("q:VariableRef", Q).get("targetGUID")]: v[1].text for v in case.iterfind("q:VariableValue", Q)}
    assert case.get("name") == "Nadia Verhoef"
    assert values == {"actor_id": "a1", "perspective": "formal", "role": "wethouder",
                      "organisation": "gemeente Utrecht", "kind": "individual", "speaks": "true"}
    assert len(case.findall("q:SelectionRef", Q)) == 2  # the mention and the quote


def test_export_qdpx_refuses_records_out_of_order():
    record, report = make(TEXT)
    with pytest.raises(ValueError, match="same order"):
        write_qdpx([record], [Report("ander.txt", Path("ander.txt"), TEXT, None, ())], "/tmp/nooit.qdpx")


def test_export_qdpx_codebook_has_the_themes_of_the_codebook():
    assert "armoede" in codebook_xml([]).decode("utf-8")
    record = Record("r.txt", None, None, None, None, None, themes=(Theme("eigen_code"),))
    assert ("theme", "eigen_code") in {c.path for node in code_tree([record]) for c in node.children}


def test_export_qdpx_real_corpus(tmp_path):
    run = analyse_paths([CORPUS], progress=False)
    path = write_run_qdpx(run.records, run.sources, tmp_path / "corpus.qdpx")
    files = members(path)
    assert schema("Project-mrt2019.xsd").validate(etree.fromstring(files["project.qde"]))
    assert len([n for n in files if n.startswith("sources/")]) == len(run.records)
    for name, text in selections(path):
        assert text  # every selection covers text inside its source


SPEECH = ("Werkplaats schulden\n\nWethouder Sanne Hoekstra legt uit dat de wachtlijsten groeien 📈. "
          "Zij wil meer budget.\n\nDe zaal luisterde.")


def codes_by_selection(path):
    """Selection name -> the code paths of its Codings."""
    root = etree.fromstring(members(path)["project.qde"])
    paths = {}

    def walk(parent, prefix):
        for code in parent.iterfind("q:Code", Q):
            paths[code.get("guid")] = prefix + (code.get("name"),)
            walk(code, paths[code.get("guid")])

    walk(root.find("q:CodeBook/q:Codes", Q), ())
    return {s.get("name"): {paths[r.get("targetGUID")] for r in s.iterfind("q:Coding/q:CodeRef", Q)}
            for s in root.iter(f"{{{PROJECT_NS}}}PlainTextSelection")}


@pytest.mark.parametrize("text", [SPEECH, "\ufeff" + SPEECH.replace("\n", "\r\n")], ids=["plain", "bom-crlf"])
def test_export_qdpx_speaking_turns_without_quote_marks_are_selections(tmp_path, text):
    sentence = "Wethouder Sanne Hoekstra legt uit dat de wachtlijsten groeien 📈."
    start, name = text.index(sentence), text.index("Sanne Hoekstra")
    record = Record("turn.txt", None, None, None, None, None,
                    actors=(Actor("a1", "Sanne Hoekstra", None, "wethouder", None, "formal", speaks=True,
                                  mentions=((name, name + 14),), speech=((start, start + len(sentence)),)),))
    path = write_qdpx([record], [Report("turn.txt", Path("turn.txt"), text, None, ())], tmp_path / "t.qdpx")
    assert schema("Project-mrt2019.xsd").validate(etree.fromstring(members(path)["project.qde"]))
    assert dict(selections(path))[sentence] == sentence
    assert codes_by_selection(path)[sentence] == {("speech",), ("perspective", "formal")}


def test_export_qdpx_records_carry_the_speech_sentences_of_the_analysis(analyse):
    import json

    import jsonschema

    from wsd_text.records import record_from_doc

    doc = analyse(SPEECH)
    record = record_from_doc(doc, doc._.wsd_report)
    speaker = next(a for a in record.actors if a.name == "Sanne Hoekstra")
    assert [SPEECH[s:e] for s, e in speaker.speech] == ["Wethouder Sanne Hoekstra legt uit dat de wachtlijsten "
                                                        "groeien 📈."]
    data = record.to_dict()
    assert Record.from_dict(data) == record
    with resources.as_file(resources.files("wsd_text") / "schema" / "record.schema.json") as path:
        jsonschema.validate(data, json.loads(path.read_text("utf-8")))
