"""Bad input: every file that cannot be analysed gets a one-line "<file>: <reason>" message,
a corpus run records it in errors.csv and goes on, and no input file is ever modified."""
import csv
import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest

from wsd_text.analyse import analyse_paths
from wsd_text.errors import InputError
from wsd_text.ingest import read_report

DUTCH = ("Verslag van de wijkavond\n\n"
         "Op dinsdag 5 maart 2024 kwamen ruim 30 bewoners bijeen in het buurthuis. Zij spraken met "
         "de wethouder over de financiële zorgen van gezinnen en over de hulp die de gemeente biedt. "
         "Een ervaringsdeskundige vertelde hoe moeilijk het is om hulp te vragen.")
ENGLISH = ("Report of the neighbourhood evening\n\n"
           "On Tuesday many residents came together in the community centre. They talked with the "
           "alderman about the money worries of families and about the help that the city offers to "
           "them, and an expert by experience told them how hard it is to ask for help.")


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in files.items():
            package.writestr(name, text)
    return buffer.getvalue()


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for block in text.split("\n\n"):
        document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# name -> (bytes, expected words in the reason)
BAD_FILES = {
    "leeg.txt": (b"", "empty file"),
    "spaties.txt": (b" \n\n \t\n", "empty file"),
    "binair.txt": (bytes(range(256)) * 20, "binary file"),
    "tabel.xlsx": (_zip({"xl/workbook.xml": "<workbook/>"}), "unsupported file type '.xlsx'"),
    "tekst.pdf": (DUTCH.encode("utf-8"), "not a PDF (the file holds plain text)"),
    "afgebroken.html": (b"<html><head><title>Verslag</title></head><body><div class=", "no main text found in the HTML"),
    "kapot.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Ty",
                  "not a readable PDF (file is truncated)"),
    "kapot.docx": (b"PK\x03\x04 dit is geen zip", "not a readable DOCX (broken zip package"),
    "geen-document.docx": (_zip({"[Content_Types].xml": "<Types/>", "docProps/app.xml": "<x/>"}),
                           "not a readable DOCX (the zip package holds no word/document.xml)"),
    "oud.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word .doc file"),
    "afbeelding.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "it is a PNG image"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_ingest_bad_file_gets_a_one_line_message(tmp_path, name):
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_report(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert reason in message
    assert "\n" not in message and len(message) < 200


def test_ingest_nonexistent_path_and_folder(tmp_path):
    with pytest.raises(InputError, match=r"^weg\.txt: no such file$"):
        read_report(tmp_path / "weg.txt")
    with pytest.raises(InputError, match=r"is a folder, not a file"):
        read_report(tmp_path)


def test_ingest_file_over_the_size_limit(tmp_path):
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # a sparse 50 MB file: the size check comes before reading
    with pytest.raises(InputError, match=r"^groot\.txt: file too large \(50\.0 MB; the limit is 25 MB"):
        read_report(path)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_ingest_text_encodings_are_decoded(tmp_path, encoding):
    text = DUTCH.replace("bijeen", "bijeen (“samen”)") if encoding not in ("latin-1",) else DUTCH
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    report = read_report(path)
    assert "financiële" in report.text
    assert "ë" not in report.text.replace("financiële", "")  # no mojibake elsewhere
    assert report.title == "Verslag van de wijkavond"


def test_ingest_truncated_html_with_text_is_read_with_a_warning(tmp_path):
    path = tmp_path / "half.html"
    path.write_text(f"<html><body><h1>Verslag van de wijkavond</h1><p>{DUTCH.split(chr(10))[-1]}</p><p>Daarna",
                    encoding="utf-8")
    report = read_report(path)
    assert "financiële" in report.text
    assert any("truncated" in w for w in report.warnings)


def test_ingest_text_not_in_dutch_is_read_with_a_warning(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    report = read_report(path)
    assert len(report.warnings) == 1 and "does not look like Dutch" in report.warnings[0]


# ------------------------------------------------------------------ a corpus run with bad files

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, (data, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "goed.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "goed-cp1252.txt").write_bytes(DUTCH.encode("cp1252"))
    (folder / "goed.docx").write_bytes(_docx_bytes(DUTCH))
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    with (folder / "groot.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    empty_folder = tmp_path_factory.mktemp("leeg")
    (empty_folder / "notities.csv").write_text("a,b\n", encoding="utf-8")
    before = {p: _digest(p) for p in folder.iterdir()}
    out = tmp_path_factory.mktemp("out")
    result = analyse_paths([folder, empty_folder, folder.parent / "bestaat-niet"], out=out, progress=False)
    with (out / "errors.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return folder, empty_folder, before, result, rows


def test_ingest_run_lists_every_bad_file_in_errors_csv(bad_run):
    folder, empty_folder, _, _, rows = bad_run
    listed = {Path(row["file"]).name: row["reason"] for row in rows}
    for name, (_, reason) in BAD_FILES.items():
        assert name in listed, name
        assert reason in listed[name]
    assert "file too large" in listed["groot.txt"]
    assert listed[empty_folder.name].startswith("folder holds no report files")
    assert listed["bestaat-niet"] == "no such file or folder"


def test_ingest_run_still_analyses_the_good_files(bad_run):
    _, _, _, result, _ = bad_run
    analysed = sorted(record.report for record in result.records)
    assert analysed == ["english.txt", "goed-cp1252.txt", "goed.docx", "goed.txt"]


def test_ingest_run_never_modifies_input_files(bad_run):
    folder, _, before, _, _ = bad_run
    assert {p: _digest(p) for p in folder.iterdir()} == before


# ------------------------------------------------- a run with awkward but readable files

def test_ingest_run_reads_latin1_utf16_and_truncated_html_beside_good_files(tmp_path):
    folder = tmp_path / "verslagen"
    folder.mkdir()
    body = DUTCH.split("\n")[-1]
    (folder / "goed.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "goed.docx").write_bytes(_docx_bytes(DUTCH))
    (folder / "latin1.txt").write_bytes(DUTCH.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(DUTCH.encode("utf-16"))  # with a byte order mark
    (folder / "half.html").write_text(f"<html><body><h1>Verslag van de wijkavond</h1><p>{body}</p><p>Daarna",
                                      encoding="utf-8")
    (folder / "leeg.txt").write_bytes(b"")
    assert (folder / "utf16.txt").read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    result = analyse_paths([folder], out=tmp_path / "out", progress=False)
    by_id = {record.report: record for record in result.records}
    assert sorted(by_id) == ["goed.docx", "goed.txt", "half.html", "latin1.txt", "utf16.txt"]
    assert [str(e) for e in result.errors] == ["leeg.txt: empty file"]
    assert {by_id[name].title for name in ("latin1.txt", "utf16.txt", "half.html")} == {"Verslag van de wijkavond"}
    assert any("truncated" in w for w in by_id["half.html"].warnings)
    assert not by_id["latin1.txt"].warnings and not by_id["utf16.txt"].warnings
    same = {k: v for k, v in by_id["goed.txt"].to_dict().items() if k != "report"}
    for name in ("latin1.txt", "utf16.txt"):  # decoded right: the same findings as the UTF-8 file
        assert {k: v for k, v in by_id[name].to_dict().items() if k != "report"} == same
    records = {p.name for p in (tmp_path / "out").glob("*.json")}
    assert records == {"goed.json", "goed_txt.json", "half.json", "latin1.json", "utf16.json"}
    errors_csv = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")
    assert errors_csv.splitlines()[1:] == [f"{folder / 'leeg.txt'},empty file"]
