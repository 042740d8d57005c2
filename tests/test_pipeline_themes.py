"""Tests for wsd_text.pipeline.themes: the substantive-discussion rule and user codebooks (§5)."""
from pathlib import Path

import pytest
import spacy

from wsd_text.pipeline.extensions import register_extensions
from wsd_text.report import Paragraph, Report


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_themes")
    return pipeline


def codes(nlp, text):
    return [t.code for t in nlp(text)._.wsd_themes]


@pytest.mark.parametrize("text, code, coded", [
    ("Schulden groeien snel. Wie schulden heeft, schaamt zich vaak.", "schulden", True),
    ("Het ging kort over schulden. Daarna over het weer.", "schulden", False),
    ("Preventie, preventie en nog eens preventie.", "preventie_vroegsignalering", False),
    # compounds weigh half: they often name a policy or a role
    ("De armoedebestrijding kreeg aandacht. Net als het armoedebeleid.", "armoede", False),
    ("Armoede raakt veel gezinnen. De kinderarmoede groeit. Het armoedebeleid schiet tekort.", "armoede", True),
    ("Stress maakt keuzes moeilijk. Met stress-sensitief werken daalt de druk.", "stress", True),
    ("Vertrouwen tussen bewoners en gemeente is broos. Het wantrouwen jegens de overheid groeit.", "vertrouwen", True),
    ("Vrijwilligers en beroepskrachten kennen elkaar slecht. Samenwerking met vrijwilligers vraagt tijd.",
     "samenwerking_formeel_informeel", True),
    ("Hulp moet over alle levensdomeinen gaan. Een integrale aanpak is nodig.", "integrale_aanpak", True),
    ("Ervaringsdeskundigen weten wat werkt. Hun ervaringskennis is onmisbaar.", "ervaringsdeskundigheid", True),
    ("Neem het niet te snel uit handen. Laat de regie bij de inwoner.", "eigen_regie", True),
    ("Vroegsignalering voorkomt erger. Preventie loont.", "preventie_vroegsignalering", True),
    ("Veel ouders zitten in een isolement. Een sociaal netwerk helpt hen.", "sociaal_netwerk", True),
    ("De drempel naar hulp is hoog. Het loket is slecht bereikbaar.", "toegankelijkheid_hulp", True),
    ("De Participatiewet is streng. Ook het beleid van de gemeente knelt.", "beleid_wetgeving", True),
    ("Kinderen willen meepraten. Jongeren ook.", "kinderen_jongeren", True),
    ("Geldzaken regelen is lastig. Financiële gezondheid begint bij overzicht.", "financiele_gezondheid", True),
])
def test_themes_rule(nlp, text, code, coded):
    assert (code in codes(nlp, text)) is coded


def report_doc(nlp, blocks):
    """A Doc made from (kind, text) paragraphs, as ingest leaves it."""
    text, paragraphs = "", []
    for kind, block in blocks:
        start = len(text)
        text += block + "\n\n"
        paragraphs.append(Paragraph(start, start + len(block), kind))
    report = Report("r.txt", Path("r.txt"), text, None, tuple(paragraphs))
    doc = nlp.make_doc(text)
    doc._.wsd_report = report
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


@pytest.mark.parametrize("blocks, coded", [
    ([("heading", "Schulden"), ("body", "Het ging ook over schulden.")], False),
    ([("list_item", "• Schulden en incasso"), ("body", "Het ging ook over schulden.")], False),
    ([("list_item", "• Wie schulden heeft, moet al aan het begin van een traject hulp krijgen."),
      ("body", "Het ging ook over schulden.")], True),
])
def test_themes_headings_and_short_list_items_do_not_count(nlp, blocks, coded):
    assert ("schulden" in [t.code for t in report_doc(nlp, blocks)._.wsd_themes]) is coded


def test_themes_evidence_and_score(nlp):
    doc = nlp("Schulden groeien. Het weer is goed. Over schuldhulpverlening was men kritisch.")
    theme = doc._.wsd_themes[0]
    assert theme.code == "schulden"
    assert theme.evidence == ("Schulden groeien.", "Over schuldhulpverlening was men kritisch.")
    assert theme.score == 2.0


def test_themes_user_codebook_csv(tmp_path):
    path = tmp_path / "eigen.csv"
    path.write_text("code,label,description,cues\nwonen,Wonen,Huisvesting,huur;huurwoning;woningnood\n",
                    encoding="utf-8")
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_themes", config={"codebook": str(path)})
    assert codes(pipeline, "De huur stijgt. Woningnood treft jongeren.") == ["wonen"]


def test_themes_codebook_from_data_dir(tmp_path):
    (tmp_path / "codebook.yaml").write_text(
        "codes:\n  - {code: sport, label: Sport, description: Sport, cues: [sport, voetbal]}\n", encoding="utf-8")
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_themes", config={"data_dir": str(tmp_path)})
    assert codes(pipeline, "Sport verbindt. Voetbal ook.") == ["sport"]
