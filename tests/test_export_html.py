"""The organiser's report: sections, embedded figures, escaping, self-contained, atomic, CLI."""
import base64
import re
from dataclasses import replace

import pytest
from test_tables import sample_records

from wsd_text import Corpus
from wsd_text.cli import main, parse_args
from wsd_text.errors import InputError
from wsd_text.export.html import render_report, write_report
from wsd_text.records import Quote, Theme, Voice

MARKUP = "<script>alert(1)</script> <b>vet</b>"


@pytest.fixture(scope="module")
def html():
    return render_report(Corpus.from_records(sample_records(), [InputError("kapot.pdf", "not a readable PDF")]))


def test_export_html_summary_first_then_one_section_per_report(html):
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == ["Samenvatting", "Kenniscafé schulden en armoede", "werkplaats.txt", "Platform jeugd"]
    for heading in ("Wie was aan het woord", "Wie was er wel maar zweeg", "Over wie werd gepraat", "Wie ontbrak"):
        assert html.count(f"<h3>{heading}</h3>") == 3
    assert '<html lang="nl">' in html


def test_export_html_embeds_every_figure_as_png(html):
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == 4  # counts, time (some reports have dates), speakers, themes
    assert all(base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n" for data in images)


def test_export_html_voices_table_has_a_row_per_report_with_status_and_flag(html):
    table = html.split('<table class="voice-table">')[1].split("</table>")[0]
    rows = re.findall(r'<tr><td><a href="#(verslag-\d)">(.*?)</a></td>(.*?)</tr>', table, re.S)
    assert [(anchor, title) for anchor, title, _ in rows] == [
        ("verslag-1", "Kenniscafé schulden en armoede"), ("verslag-2", "werkplaats.txt"), ("verslag-3", "Platform jeugd")]
    cells = [re.findall(r'class="status v-(\w+)( flagged)?"', cells) for _, _, cells in rows]
    assert cells[1] == [("voiced", ""), ("absent", ""), ("mentioned", " flagged"), ("absent", "")]
    assert cells[2] == [("present", ""), ("absent", ""), ("absent", ""), ("voiced", "")]


def test_export_html_needs_no_network(html):
    assert not re.search(r"<(script|link|iframe)\b", html)
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)


def test_export_html_shows_evidence_speakers_and_quotes(html):
    assert "Maar één vrijwilliger had zich aangemeld." in html          # flagged missing, with its sentence
    assert "Femke Drost van Stichting Ommezij was erbij." in html      # why a silent voice counts as present
    assert "Ruud Schelling (lector Wijkeconomie, Hogeschool Lindewaard)" in html
    assert "“Niemand vroeg ons wat we nodig hadden”" in html
    assert "spreker niet genoemd" in html                              # the unattributed quote
    assert "Ook genoemd als ontbrekend: tolken, financiële expertise" in html
    assert "12 maart 2019 · Deventer · 15 organisaties aanwezig" in html
    assert "kapot.pdf" in html and "not a readable PDF" in html


def test_export_html_escapes_every_report_text():
    record = sample_records()[0]
    record = replace(record, title=MARKUP, location=MARKUP, missing_named=(MARKUP,),
                     quotes=(Quote(MARKUP, "a1", 0, 10),), themes=(Theme("schulden", (MARKUP,)),),
                     voices={**record.voices, "informal": Voice("present", True, MARKUP, MARKUP)})
    html = render_report(Corpus.from_records([record]))
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;") >= 7


def test_export_html_without_dates_leaves_out_the_time_figure():
    undated = [replace(r, event_date=None, published_date=None) for r in sample_records()]
    assert len(re.findall(r"<img ", render_report(Corpus.from_records(undated)))) == 3


def test_export_html_empty_corpus_still_renders():
    html = render_report(Corpus.from_records([]))
    assert "<h2>Samenvatting</h2>" in html and "Geen verslagen" not in html.split("<figure")[0]


def test_export_html_write_report_is_atomic(tmp_path):
    path = write_report(Corpus.from_records(sample_records()), tmp_path / "uit" / "report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]


def test_export_html_cli_report_defaults():
    args = parse_args(["report", "corpus"])
    assert args.command == "report" and args.out.name == "report.html"


def test_export_html_analyse_writes_report_and_report_reads_records_back(tmp_path, capsys):
    reports = tmp_path / "verslagen"
    reports.mkdir()
    (reports / "verslag.txt").write_text(
        "Bijeenkomst over <b>schulden</b>\n\nDe wethouder vertelde over armoede in de wijk.", encoding="utf-8")
    assert main(["analyse", str(reports), "--out", str(tmp_path / "results"), "-q"]) == 0
    assert "&lt;b&gt;schulden&lt;/b&gt;" in (tmp_path / "results" / "report.html").read_text(encoding="utf-8")
    for source in ("results", "verslagen"):
        out = tmp_path / f"{source}.html"
        assert main(["report", str(tmp_path / source), "--out", str(out), "-q"]) == 0
        assert "&lt;b&gt;schulden&lt;/b&gt;" in out.read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "ontbreekt"), "--out", str(tmp_path / "x.html"), "-q"]) == 1
    assert "no such file or folder" in capsys.readouterr().err and not (tmp_path / "x.html").exists()


def test_export_html_large_corpus_works_out_the_first_reports_only(monkeypatch):
    monkeypatch.setattr("wsd_text.export.html.REPORT_SECTIONS", 2)
    html = render_report(Corpus.from_records(sample_records()))
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Samenvatting", "Kenniscafé schulden en armoede", "werkplaats.txt"]
    assert "<strong>3</strong> verslagen" in html                         # the summary counts every report
    assert "Alleen de eerste 2 verslagen zijn hieronder uitgewerkt" in html
    assert len(re.findall(r'<img src="data:image/png;base64,', html)) == 4
    assert len(re.findall(r"<tr><td><a href=\"#verslag-", html)) == 2   # voices table: the reports worked out
