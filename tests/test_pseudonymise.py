"""Tests for wsd_text.pseudonymise: every form of a person's name replaced, reversibly."""
import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from wsd_text.cli import main
from wsd_text.corpus import Corpus
from wsd_text.evaluate import load_records
from wsd_text.export.html import render_report
from wsd_text.export.qdpx import write_qdpx
from wsd_text.export.tables import write_tables
from wsd_text.ingest import read_report
from wsd_text.pseudonymise import (PseudonymKey, Pseudonymiser, check_key_location, name_forms,
                                   pseudonymise_folder, pseudonymise_records, reverse_records, rewrite)
from wsd_text.records import Actor, Quote, Record, Theme, Voice
from wsd_text.report import Report

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("name, expected", [
    ("Bram Zwart", {"Bram Zwart", "Zwart", "Bram", "B. Zwart", "B.Zwart"}),
    # the bare core of a surname with particles ("Boer", "Berg") is no form: mostly a word
    ("Wout de Boer", {"Wout de Boer", "de Boer", "De Boer", "Wout", "W. de Boer", "W.de Boer"}),
    ("Jan Willem van der Berg", {"Jan Willem van der Berg", "van der Berg", "Van der Berg", "Jan Willem",
                                 "Jan", "J.W. van der Berg", "J.W.van der Berg", "J. van der Berg", "J.van der Berg"}),
    ("A. Kuipers", {"A. Kuipers", "Kuipers", "A.Kuipers"}),
    ("Zwart", {"Zwart"}),
])
def test_pseudonymise_name_forms(name, expected):
    assert name_forms(name) == expected


def test_pseudonymise_rewrite_maps_offsets():
    rw = rewrite("Bram Zwart zei ja. Zwart knikte.", re.compile("Bram Zwart|Zwart"), lambda m: "P1")
    assert rw.text == "P1 zei ja. P1 knikte."
    assert rw.span(11, 17) == (3, 9) and rw.span(0, 10) == (0, 2) and rw.span(5, 10) == (0, 2)


@pytest.mark.parametrize("text, expected", [
    ("Wethouder Bram Zwart opende de avond.", "Wethouder P1 opende de avond."),
    ("Volgens Zwart en B. Zwart gaat het goed.", "Volgens P1 en P1 gaat het goed."),
    ("„Bram, kom erbij,” riep Wout de Boer.", "„P1, kom erbij,” riep P2."),
    ("Mevrouw De Boer en dhr. W. de Boer.", "Mevrouw P2 en dhr. P2."),
    ("Hij is boer en zwarte koffie is lekker.", "Hij is boer en zwarte koffie is lekker."),  # words, not names
])
def test_pseudonymise_replaces_every_form_and_keeps_roles(text, expected):
    key = PseudonymKey()
    key.add_names(["Bram Zwart", "Wout de Boer"])
    assert Pseudonymiser(key).text(text, names=["Bram Zwart", "Wout de Boer"]) == expected


def record(report, *names, title="Kenniscafé"):
    actors = tuple(Actor(f"a{i}", n, None, "wethouder", None, "formal", speaks=True) for i, n in enumerate(names, 1))
    return Record(report, title, None, None, None, None, actors=actors,
                  quotes=(Quote(f"{names[0]} heeft gelijk", "a1", 0, 5),),
                  voices={"formal": Voice("voiced", status_evidence=f"{names[0]} sprak.")},
                  themes=(Theme("armoede", ("Zwart over armoede.",)),))


def test_pseudonymise_is_consistent_across_the_corpus():
    key = PseudonymKey()
    out = pseudonymise_records([record("a.txt", "Bram Zwart", "Anouk Bakker"), record("b.txt", "Zwart")], key)
    assert [a.name for a in out[0].actors] == ["P1", "P2"] and out[1].actors[0].name == "P1"
    assert out[0].actors[0].role == "wethouder" and out[1].quotes[0].text == "P1 heeft gelijk"
    assert out[0].themes[0].evidence == ("P1 over armoede.",)


def test_pseudonymise_reverse_restores_exactly_and_twice_changes_nothing():
    original = [record("a.txt", "Bram Zwart", "Anouk Bakker", title="Met Zwart en Bram").to_dict(),
                record("b.txt", "B. Zwart").to_dict()]
    key = PseudonymKey()
    once = pseudonymise_records(original, key)
    assert pseudonymise_records(once, key) == once and len(key.people) == 2
    assert reverse_records(once, key) == original


def test_pseudonymise_reverse_of_an_edited_string_gives_the_full_name():
    key = PseudonymKey()
    pseudonymise_records([record("a.txt", "Bram Zwart").to_dict()], key)
    assert reverse_records([{"report": "a.txt", "title": "Nieuw: P1"}], key)[0]["title"] == "Nieuw: Bram Zwart"


def test_pseudonymise_refuses_the_key_inside_the_output(tmp_path):
    with pytest.raises(ValueError, match="outside the output"):
        check_key_location(tmp_path / "uit" / "sleutel.json", tmp_path / "uit")
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "uit"), "--pseudonymise",
                 "--key", str(tmp_path / "uit" / "k.json"), "-q"]) == 1
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "uit"), "--pseudonymise", "-q"]) == 1


TEXT = ("Wethouder Bram Zwart en ervaringsdeskundige Anouk Bakker openden het kenniscafé.\n\n"
        "Zwart zei: „Bram is geen held, Bakker wel.” Bakker lachte.\n\nA. Bakker sloot af.")


def hand_corpus():
    quote = "Bram is geen held, Bakker wel."
    start = TEXT.index(quote)
    rec = Record("kc.txt", "Kenniscafé met Bram Zwart", None, None, None, None,
                 actors=(Actor("a1", "Bram Zwart", None, "wethouder", None, "formal", speaks=True,
                               mentions=((10, 20), (TEXT.index("Zwart zei"), TEXT.index("Zwart zei") + 5))),
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
    names = ["Bram Zwart", "Anouk Bakker"]
    assert leftovers(json.dumps([r.to_dict() for r in fake_records], ensure_ascii=False), names) == []
    csv = "".join(p.read_text("utf-8") for p in write_tables(fake_records, tmp_path / "csv", "csv"))
    assert leftovers(csv, names) == []
    assert leftovers(archive_text(write_qdpx(fake_records, fake_reports, tmp_path / "c.qdpx")), names) == []
    assert leftovers(render_report(Corpus.from_records(fake_records)), names) == []
    quote = fake_records[0].quotes[0]  # offsets follow the rewritten text
    assert fake_reports[0].text[quote.start:quote.end] == quote.text == "P1 is geen held, P2 wel."
    assert [fake_reports[0].text[s:e] for s, e in fake_records[0].actors[0].mentions] == ["P1", "P1"]


def person_names(folder):
    """Report -> names of its person actors."""
    return {r["report"]: [a["name"] for a in r["actors"] if a["kind"] == "individual" and a["name"]]
            for r in load_records(folder)}


def forms_as_names(name):
    """(full, partial) forms of a name as a report writes them when it means the person: the
    full name anywhere; in the person's own reports also the surname with its particles
    (a bare surname when it has none) and the first given name. The bare core of a surname
    with particles ("Linden" of "Sanne van der Linden") is mostly a word, so it is not checked."""
    tokens = name.split()
    cut = next((i for i, t in enumerate(tokens[1:], 1) if t[0].islower()), len(tokens) - 1)
    given = [t for t in tokens[:cut] if t[0].isupper() and not t.endswith(".")]
    surname = " ".join(tokens[cut:])
    full = {name} if cut else set()
    return full, {surname, surname[0].upper() + surname[1:]} | set(given[:1])


def leaked(text, names, report_names=()):
    """Forms of ``names`` standing as a name in ``text``: full names of all ``names``, partial
    forms of ``report_names`` (the people of the report ``text`` comes from). A partial form
    right after a pseudonym and a particle is the tail of that name ("P3 van Mobility
    Mentoring"), not the person."""
    full = {f for n in names for f in forms_as_names(n)[0]}
    partial = {f for n in report_names for f in forms_as_names(n)[1]}
    tails = re.sub(r"(?<=P\d)(\d*\s+(?:van|de|der|den)\s+)[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*", r"\1", text)
    return sorted({f for f in full if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)} |
                  {f for f in partial if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", tails)})


def qdpx_texts(path):
    """Report -> its source text, a NUL, and the project XML of its TextSource."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        return {s.get("name"): zf.read("sources/" + s.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
                + "\x00" + etree.tostring(s, encoding="unicode") for s in root.iter("{urn:QDA-XML:project:1.0}TextSource")}


def csv_rows(folder):
    """Report -> the text of every CSV row about it ("" for rows of no report)."""
    rows = {}
    for path in Path(folder).glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows[row.get("report", "")] = rows.get(row.get("report", ""), "") + " ".join(map(str, row.values()))
    return rows


def html_sections(html, reports):
    """Report -> its section of the organiser's report; the summary under ""."""
    parts = html.split('<section class="report"')
    sections = {"": parts[0]}
    for part in parts[1:]:
        report = next((r for r in reports if r in part), "")
        sections[report] = sections.get(report, "") + part
    return sections


def test_pseudonymise_real_corpus_every_output_and_reverse(tmp_path):
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "plain"), "-q"]) == 0
    people = person_names(tmp_path / "plain")
    names = [n for ns in people.values() for n in ns]
    key = str(tmp_path / "key.json")
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path / "json"), "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["export", str(CORPUS), "--format", "csv", "--out", str(tmp_path / "csv"),
                 "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["export", str(CORPUS), "--format", "qdpx", "--out", str(tmp_path / "c.qdpx"),
                 "--pseudonymise", "--key", key, "-q"]) == 0
    assert main(["report", str(CORPUS), "--out", str(tmp_path / "r.html"), "--pseudonymise", "--key", key, "-q"]) == 0
    outputs = {"json": {r["report"]: json.dumps(r, ensure_ascii=False) for r in load_records(tmp_path / "json")},
               "csv": csv_rows(tmp_path / "csv"), "qdpx": qdpx_texts(tmp_path / "c.qdpx"),
               "html": html_sections((tmp_path / "r.html").read_text("utf-8"), people)}
    found = {kind: {report: leaked(text, names, people.get(report, ())) for report, text in parts.items()}
             for kind, parts in outputs.items()}
    assert {kind: {r: f for r, f in by_report.items() if f} for kind, by_report in found.items()} == \
        dict.fromkeys(outputs, {})
    assert len(outputs["qdpx"]) == len(people) and all(outputs["json"].values())
    # Ordinary words and names of things stay (over-replacement): "Meer informatie" while
    # a Van der Meer spoke elsewhere, "Jong Hoogeveen", a method mistaken for a person in
    # one report left alone in another, and never one pseudonym nested in another's name.
    plain = {read_report(p).id: read_report(p).text for p in sorted(CORPUS.glob("*.txt"))}
    fake = "".join(text.split("\x00")[0] for text in outputs["qdpx"].values())
    for phrase in ("Meer informatie", "Jong Hoogeveen"):
        assert phrase in fake and fake.count(phrase) == "".join(plain.values()).count(phrase)
    method = "002_bdb4cd46df02da2c.txt"  # the method is an "actor" of 003 only
    assert outputs["qdpx"][method].split("\x00")[0].count("Mobility Mentoring") == \
        plain[method].count("Mobility Mentoring") > 0
    assert not re.search(r"P\d+ (?:van|de|der|den) P\d+", fake)
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


def actor(aid, name, text, *mentions):
    """A person actor of ``text`` with a mention at each (form, occurrence) of ``mentions``."""
    spans = []
    for form, nth in mentions:
        at = -1
        for _ in range(nth + 1):
            at = text.index(form, at + 1)
        spans.append((at, at + len(form)))
    return Actor(aid, name, None, None, None, "formal", speaks=True, mentions=tuple(spans))


def two_reports():
    """Anna de Vries and Ilse van der Meer in report a, Piet de Vries and Kees Groen in b;
    report a also holds words and names of things that look like their names."""
    a = ("Wethouder Anna de Vries en Ilse van der Meer openden de avond. De Vries vertelde over schulden. "
         "Meer informatie volgt. Groen beleid is nodig, zei Van der Meer. Jong Zuidhorn speelde en De Vries "
         "Makelaars sponsorde.")
    b = "Piet de Vries en Kees Groen spraken. De Vries pleitte voor minder regels. Groen knikte."
    records = [Record("a.txt", None, None, None, None, None, themes=(Theme("schulden", (a,)),),
                      actors=(actor("a1", "Anna de Vries", a, ("Anna de Vries", 0), ("De Vries", 0)),
                              actor("a2", "Ilse van der Meer", a, ("Ilse van der Meer", 0), ("Van der Meer", 0)))),
               Record("b.txt", None, None, None, None, None, themes=(Theme("schulden", (b,)),),
                      actors=(actor("b1", "Piet de Vries", b, ("Piet de Vries", 0), ("De Vries", 0)),
                              actor("b2", "Kees Groen", b, ("Kees Groen", 0), ("Groen", 1))))]
    return records, [Report(r.report, Path(r.report), text, None, ()) for r, text in zip(records, (a, b))]


TWO_REPORTS = ["Wethouder P1 en P2 openden de avond. P1 vertelde over schulden. Meer informatie volgt. "
               "Groen beleid is nodig, zei P2. Jong Zuidhorn speelde en De Vries Makelaars sponsorde.",
               "P3 en P4 spraken. P3 pleitte voor minder regels. P4 knikte."]


def test_pseudonymise_partial_forms_only_as_names_of_the_reports_people():
    records, reports = two_reports()
    key = PseudonymKey()
    fake = pseudonymise_records(records, key)
    assert [(p.pseudonym, p.name) for p in key.people] == [
        ("P1", "Anna de Vries"), ("P2", "Ilse van der Meer"), ("P3", "Piet de Vries"), ("P4", "Kees Groen")]
    assert [r.themes[0].evidence[0] for r in fake] == TWO_REPORTS
    assert [[a.name for a in r.actors] for r in fake] == [["P1", "P2"], ["P3", "P4"]]
    assert reverse_records([r.to_dict() for r in fake], key) == [r.to_dict() for r in records]


def test_pseudonymise_corpus_resolves_surnames_per_report_at_the_mentions():
    records, reports = two_reports()
    key = PseudonymKey()
    key.add_records(records)
    fake_reports, fake_records = Pseudonymiser(key).corpus(reports, records)
    assert [r.text for r in fake_reports] == TWO_REPORTS
    assert [r.themes[0].evidence[0] for r in fake_records] == TWO_REPORTS
    for report, record in zip(fake_reports, fake_records):
        assert {report.text[s:e] for a in record.actors for s, e in a.mentions} <= {"P1", "P2", "P3", "P4"}


def test_pseudonymise_a_method_taken_for_a_person_is_not_nested_and_twice_changes_nothing():
    text = "Kansrijk Coachen\nVertrekpunt van Kansrijk Coachen is het inzicht dat stress het denken vernauwt."
    records = [Record("m.txt", None, None, None, None, None, themes=(Theme("armoede", (text,)),),
                      actors=(actor("a1", "Kansrijk Coachen Vertrekpunt", text,
                                    ("Kansrijk Coachen\nVertrekpunt", 0)),))]
    reports = [Report("m.txt", Path("m.txt"), text, None, ())]
    expected = "P1 van Kansrijk Coachen is het inzicht dat stress het denken vernauwt."
    key = PseudonymKey()
    once = pseudonymise_records(records, key)
    assert once[0].themes[0].evidence[0] == expected and pseudonymise_records(once, key) == once
    fake_reports, fake_records = Pseudonymiser(key).corpus(reports, records)
    assert fake_reports[0].text == expected
    assert Pseudonymiser(key).corpus(fake_reports, fake_records) == (fake_reports, fake_records)


CONTACT = ("Wethouder Anna de Vries opende de avond.\n\nMeer weten? Neem contact op met Marieke Bosch "
           "(m.bosch@voorbeeld.nl) of mail info@voorbeeld.nl.")
CONTACT_MASKED = ("Wethouder P1 opende de avond.\n\nMeer weten? Neem contact op met [naam] ([e-mail]) "
                  "of mail [e-mail].")


def test_pseudonymise_masks_contact_names_and_email_addresses_in_every_output(tmp_path):
    sentence = CONTACT[CONTACT.index("Neem"):]
    records = [Record("c.txt", None, None, None, None, None,
                      actors=(actor("a1", "Anna de Vries", CONTACT, ("Anna de Vries", 0)),),
                      themes=(Theme("armoede", (sentence,)),))]
    reports = [Report("c.txt", Path("c.txt"), CONTACT, None, ())]
    key = PseudonymKey()
    key.add_records(records)
    fake_reports, fake_records = Pseudonymiser(key).corpus(reports, records)
    assert fake_reports[0].text == CONTACT_MASKED
    written = archive_text(write_qdpx(fake_records, fake_reports, tmp_path / "c.qdpx"))
    html = render_report(Corpus.from_records(pseudonymise_records(records, key)))
    for output in (written, html):
        assert "Bosch" not in output and not re.search(r"\w@\w", output) and "[naam] ([e-mail])" in output
    fake = pseudonymise_records([r.to_dict() for r in records], key)
    assert fake[0]["theme_evidence"]["armoede"] == [CONTACT_MASKED[CONTACT_MASKED.index("Neem"):]]
    assert reverse_records(fake, key) == [r.to_dict() for r in records]
