"""Tests for wsd_text.ingest: every format on files the tests make, and the five corpus reports."""
import json
import re
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from wsd_text.ingest import SUFFIXES, find_report_ids, find_reports, iter_reports, read_report, report_from_text
from wsd_text.ingest.blocks import split_blocks
from wsd_text.errors import InputError
from wsd_text.report import Attendance
from wsd_text.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

TITLE = "Bewoners praten mee over financiële zorgen"
LEAD = ("Op dinsdag 5 maart 2024 vond in de raadzaal van Tiel een bijeenkomst plaats. Ruim 30 bewoners "
        "en professionals gingen met elkaar in gesprek over geldzorgen en over de hulp van de gemeente.")
BODY = ("Een ervaringsdeskundige vertelde hoe moeilijk het is om hulp te vragen. De wethouder luisterde "
        "en beloofde dat de gemeente de drempels wil verlagen.")

PAGE = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{TITLE} | Wijkplatform Oost</title></head>
<body>
<div class="cookie-banner"><p>Deze website gebruikt cookies.</p><button>Alles accepteren</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/nieuws">Nieuws</a></li><li><a href="/agenda">Agenda</a></li></ul></nav>
<main><article>
<h1>{TITLE}</h1>
<p>Gepubliceerd op 12 maart 2024</p>
<p>{LEAD}</p>
<h2>Drempels</h2>
<p>{BODY}</p>
</article></main>
<footer><p>Volg ons op Facebook en LinkedIn</p><p>Meld je aan voor onze nieuwsbrief</p>
<p>Wijkplatform Oost, Dorpsstraat 1, 6800 AB Arnhem</p></footer>
</body></html>
"""


def assert_offsets_slice_text(report):
    """Paragraph offsets cut ``Report.text`` into its blocks exactly, blank lines between."""
    assert report.paragraphs
    pieces = [report.paragraph_text(p) for p in report.paragraphs]
    assert "\n\n".join(pieces) == report.text
    for paragraph, piece in zip(report.paragraphs, pieces):
        assert piece == piece.strip() and piece
        assert report.text[paragraph.start:paragraph.end] == piece


def test_ingest_html_keeps_main_text_and_records_furniture(tmp_path):
    path = tmp_path / "verslag.html"
    path.write_text(PAGE, encoding="utf-8")
    report = read_report(path)
    assert report.title == TITLE
    assert LEAD in report.text and BODY in report.text
    for furniture in ("cookies", "Alles accepteren", "Home", "nieuwsbrief", "Facebook", "6800 AB"):
        assert furniture not in report.text
        assert any(furniture in removed for removed in report.removed), furniture
    assert report.metadata.published_date == "2024-03-12"
    assert report.metadata.event_date == "2024-03-05"
    assert report.metadata.location == "raadzaal, Tiel"
    assert report.metadata.attendance == Attendance(30, "bewoners en professionals")
    assert not report.warnings
    assert_offsets_slice_text(report)


def test_ingest_html_in_a_declared_legacy_encoding(tmp_path):
    path = tmp_path / "oud.htm"
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    path.write_bytes(page.encode("cp1252"))
    report = read_report(path)
    assert "financiële" in report.text


def test_ingest_docx_paragraphs_and_tables_in_order(tmp_path):
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(LEAD)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Wie", "Wat"
    table.cell(1, 0).text, table.cell(1, 1).text = "Bewoners", "Vertelden over schulden."
    document.add_paragraph(BODY)
    path = tmp_path / "verslag.docx"
    document.save(path)
    report = read_report(path)
    assert report.title == TITLE
    texts = [report.paragraph_text(p) for p in report.paragraphs]
    assert texts.index(LEAD) < texts.index("Vertelden over schulden.") < texts.index(BODY)
    assert report.metadata.event_date == "2024-03-05"
    assert_offsets_slice_text(report)


def make_pdf(path: Path, title: str, paragraphs: list[str]) -> None:
    """A one-page PDF; with DejaVu installed it can hold Dutch letters such as ë."""
    pdf = FPDF()
    pdf.add_page()
    if DEJAVU.exists():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        font = "DejaVu"
    else:
        font = "Helvetica"
    pdf.set_font(font, size=16)
    pdf.multi_cell(0, 10, title)
    pdf.set_font(font, size=11)
    for paragraph in paragraphs:
        pdf.ln(6)
        pdf.multi_cell(0, 6, paragraph)
    pdf.output(str(path))


def test_ingest_pdf_title_and_paragraphs(tmp_path):
    title, lead, body = TITLE, LEAD, BODY
    if not DEJAVU.exists():  # the core PDF fonts cannot write ë
        title, lead, body = (t.replace("ë", "e") for t in (TITLE, LEAD, BODY))
    path = tmp_path / "verslag.pdf"
    make_pdf(path, title, [lead, body])
    report = read_report(path)
    assert report.title == title
    texts = [report.paragraph_text(p) for p in report.paragraphs]
    assert texts == [title, lead, body]
    assert report.metadata.location == "raadzaal, Tiel"
    assert_offsets_slice_text(report)


def test_ingest_txt_from_text_and_offsets():
    report = report_from_text(f"{TITLE}\n\n\n{LEAD}\r\n\r\n  {BODY}  \n", "verslag.txt")
    assert report.id == "verslag.txt"
    assert report.title == TITLE
    assert [report.paragraph_text(p) for p in report.paragraphs] == [TITLE, LEAD, BODY]
    assert_offsets_slice_text(report)


def test_ingest_suffixes_cover_the_four_formats():
    assert {".txt", ".html", ".pdf", ".docx"} <= set(SUFFIXES)


def test_ingest_find_reports_in_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "een.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "a" / "twee.HTML").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / ".verborgen.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "a" / "corpus.csv").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "lijst.xlsx").write_bytes(b"PK\x03\x04")
    files, errors = find_reports([tmp_path / "a", tmp_path / "weg"])
    assert [f.name for f in files] == ["een.txt", "twee.HTML"]
    messages = [str(e) for e in errors]
    assert any(m.startswith("lijst.xlsx: unsupported file type '.xlsx'") for m in messages)
    assert "weg: no such file or folder" in messages


def test_ingest_find_reports_skips_the_output_folder_and_pages_wsd_text_wrote(tmp_path):
    from wsd_text.export.html import write_report
    from wsd_text.corpus import Corpus

    (tmp_path / "verslag.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "ander.txt").write_text(LEAD, encoding="utf-8")
    write_report(Corpus.from_records([]), tmp_path / "elders" / "report.html")
    files, errors = find_reports([tmp_path], skip=tmp_path / "results")
    assert [f.name for f in files] == ["verslag.txt"] and errors == []
    files, errors = find_reports([tmp_path / "elders"])
    assert files == [] and "only pages wsd-text wrote" in str(errors[0])
    # An output folder that is the input folder itself leaves the reports in it.
    assert [f.name for f in find_reports([tmp_path / "results"], skip=tmp_path / "results")[0]] == ["ander.txt"]


def test_ingest_find_report_ids_are_paths_below_the_input_and_unique(tmp_path):
    for path in ("a/verslag.txt", "b/c/verslag.txt", "verslag.txt"):
        (tmp_path / "in" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / path).write_text(LEAD, encoding="utf-8")
    (tmp_path / "losse").mkdir()
    (tmp_path / "losse" / "verslag.txt").write_text(LEAD, encoding="utf-8")
    ids, _ = find_report_ids([tmp_path / "in", tmp_path / "losse" / "verslag.txt", tmp_path / "in" / "a"])
    assert list(ids.values()) == ["a/verslag.txt", "b/c/verslag.txt", "verslag.txt", "losse/verslag.txt"]


def test_ingest_read_report_takes_the_id_a_run_gives(tmp_path):
    (tmp_path / "verslag.txt").write_text(f"{TITLE}\n\n{LEAD}", encoding="utf-8")
    assert read_report(tmp_path / "verslag.txt").id == "verslag.txt"
    assert read_report(tmp_path / "verslag.txt", report_id="a/verslag.txt").id == "a/verslag.txt"


def test_ingest_iter_reports_yields_errors_in_place(tmp_path):
    good = tmp_path / "goed.txt"
    good.write_text(f"{TITLE}\n\n{LEAD}", encoding="utf-8")
    items = list(iter_reports([tmp_path / "weg.txt", good]))
    assert isinstance(items[0], InputError) and str(items[0]) == "weg.txt: no such file"
    assert items[1].title == TITLE


def test_ingest_data_dir_replaces_boilerplate_rules(tmp_path):
    (tmp_path / "boilerplate.yaml").write_text(
        "max_words: 10\npatterns:\n  eigen:\n    - '^Geschreven door'\n", encoding="utf-8")
    path = tmp_path / "verslag.txt"
    path.write_text(f"{TITLE}\n\nGeschreven door de redactie\n\n{LEAD}", encoding="utf-8")
    assert "Geschreven door" in read_report(path).text
    report = read_report(path, Settings(data_dir=tmp_path))
    assert "Geschreven door" not in report.text
    assert "eigen: Geschreven door de redactie" in report.removed


# ------------------------------------------------------------------ the five corpus reports

CORPUS_FILES = sorted(CORPUS.glob("*.txt"))
FURNITURE = ("cookie", "nieuwsbrief", "ik ga akkoord", "contactgegevens", "volg de werkplaats",
             "routebeschrijving", "keer bekeken")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_ingest_corpus_report_title_and_no_boilerplate(path):
    report = read_report(path)
    assert report.title
    assert report.text.startswith(report.title)
    for word in FURNITURE:
        short_blocks = [report.paragraph_text(p).lower() for p in report.paragraphs
                        if len(report.paragraph_text(p).split()) <= 30]
        assert not any(word in block for block in short_blocks), (path.name, word)
    # no contact line left ("E: info@...", a bare address); an e-mail inside a sentence is text
    assert not any(re.match(r"(e|t|tel|e-mail)\s*:|\S+@\S+$|\d{4} ?[a-z]{2}\b", block)
                   for block in (report.paragraph_text(p).lower() for p in report.paragraphs))
    assert not report.warnings
    assert_offsets_slice_text(report)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_ingest_corpus_report_matches_gold_title_and_dates(path):
    gold_file = SHARED / "gold" / f"{path.stem}.json"
    if not gold_file.exists():
        pytest.skip("shared gold files not available")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    report = read_report(path)
    assert report.title == gold["title"]
    assert report.metadata.published_date == gold["published_date"]
    assert report.metadata.event_date == gold["event_date"]


def test_split_blocks_keeps_a_short_line_apart_from_wrapped_prose():
    raw = ("6. Rondvraag\n"
           "Dennis vraagt of de werkgroep in de zomer een activiteit kan ondersteunen voor\n"
           "kinderen die niet op vakantie gaan, en of daar geld voor is bij de gemeente\n"
           "Hasselburg. Dit komt terug op de volgende agenda van de werkgroep in juni.\n")
    assert [text[:12] for text, _ in split_blocks(raw)] == ["6. Rondvraag", "Dennis vraag"]
    wrapped = ("De avond werd geopend door de voorzitter van de bewonersvereniging, Anna\n"
               "Visser, die iedereen welkom heette en het programma van de avond toelichtte.\n")
    assert len(split_blocks(wrapped)) == 1


def test_split_blocks_a_line_ending_in_an_article_is_wrapped_prose_not_a_list():
    raw = ("Naar aanleiding van:\n"
           "Dhr. Bakker merkt op dat het agendapunt in oktober is doorgeschoven omdat de\n"
           "Voedselbank toen niet kon komen. Het punt komt terug in het eerste kwartaal van\n"
           "2024.\n")
    assert [text[:12] for text, _ in split_blocks(raw)] == ["Naar aanleid", "Dhr. Bakker "]


def test_split_blocks_an_action_list_whose_lines_end_in_particles_stays_a_list():
    raw = ("Actiepunten\n"
           "Anna Smit zoekt voor de volgende vergadering uit welke regelingen er beschikbaar zijn\n"
           "Piet de Vries nodigt voor het overleg in maart de vrijwilligers van de voedselbank uit\n"
           "Kees Bos vult samen met de secretaris het formulier voor de twee lokale fondsen in\n")
    assert len(split_blocks(raw)) == 4


def test_split_blocks_one_long_url_line_does_not_split_wrapped_prose():
    raw = ("De bijeenkomst werd geopend door de voorzitter van de adviesraad, die samen\n"
           "met de wethouder de avond leidde. Daarna kwam het woord aan Anna Smit van de\n"
           "Voedselbank, die vertelde over de rij die elke week langer wordt in de wijk.\n"
           "Lees meer: https://www.voorbeeldgemeente.nl/nieuws/2024/adviesraad-sociaal-domein-jaarverslag-bijeenkomst-"
           "verslag-van-de-avond-over-armoede-en-schulden-in-de-wijk\n")
    assert "van de Voedselbank, die" in split_blocks(raw)[0][0]
