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
    ("Vertrouwen tussen bewoners en gemeente is broos. Het wantrouwen tegenover instanties neemt toe.", "vertrouwen", True),
    ("Vrijwilligers en beroepskrachten kennen elkaar slecht. Samenwerking met vrijwilligers vraagt tijd.",
     "samenwerking_formeel_informeel", True),
    ("Hulp moet over alle levensdomeinen gaan. Een integrale aanpak is nodig.", "integrale_aanpak", True),
    ("Ervaringsdeskundigen weten wat werkt. Hun ervaringskennis is onmisbaar.", "ervaringsdeskundigheid", True),
    ("Bewoners willen het heft in eigen handen houden. Laat de regie bij de inwoner.", "eigen_regie", True),
    # autonomy, like trust, counts from one full sentence; a bare label does not
    ("Ze pleitte voor een afbouwfase waarin mensen stap voor stap zelf de regie terugkrijgen.", "eigen_regie", True),
    ("Eigen regie.", "eigen_regie", False),
    ("Vroegsignalering voorkomt erger. Preventie loont.", "preventie_vroegsignalering", True),
    ("Veel ouders zitten in een isolement. Een sociaal netwerk helpt hen.", "sociaal_netwerk", True),
    ("De drempel naar hulp is hoog. Het loket is slecht bereikbaar.", "toegankelijkheid_hulp", True),
    ("De Participatiewet is streng. Ook het beleid van de gemeente knelt.", "beleid_wetgeving", True),
    ("Kinderen willen meepraten. Jongeren ook.", "kinderen_jongeren", True),
    ("Geldzaken regelen is lastig. Financiële gezondheid begint bij overzicht.", "financiele_gezondheid", True),
])
def test_themes_rule(nlp, text, code, coded):
    assert (code in codes(nlp, text)) is coded


# Paragraphs written for these tests: a discussion codes the theme, a passing word does not.
@pytest.mark.parametrize("text, code, coded", [
    ("Steeds meer huishoudens lopen een betalingsachterstand op bij de energieleverancier. Wie de aanmaningen "
     "laat liggen, krijgt al snel de deurwaarder aan de deur.", "schulden", True),
    ("De buurtvereniging zoekt nieuwe vrijwilligers. Onder de aanwezigen was ook iemand van de schuldhulp.",
     "schulden", False),
    ("Een op de twaalf kinderen groeit op in een gezin dat moeilijk rondkomt. Arme gezinnen zeggen "
     "schoolreisjes af.", "armoede", True),
    # "arm" as a body part is never poverty
    ("Tijdens de voetbaltraining brak Sanne haar arm. Met haar arm in een mitella keek ze vanaf de kant toe.",
     "armoede", False),
    ("Wie voortdurend piekert over rekeningen, heeft geen ruimte in het hoofd voor lange termijn keuzes. "
     "Die mentale bandbreedte raakt op door schaarste.", "stress", True),
    ("Mensen moeten zelf kunnen beslissen welke hulp ze willen. De hulpverlener neemt het niet te snel "
     "over maar versterkt de eigen kracht.", "eigen_regie", True),
    ("Professionals en vrijwilligers van de voedselbank kennen elkaar nog te weinig. Een warme overdracht "
     "van de kerk naar het wijkteam komt daardoor zelden tot stand.", "samenwerking_formeel_informeel", True),
    ("Veel inwoners haken af omdat de formulieren ingewikkeld zijn. Een inloopspreekuur zonder afspraak "
     "verlaagt de drempel.", "toegankelijkheid_hulp", True),
    ("Met een laagdrempelig inloopspreekuur proberen we meer ouders te bereiken.", "toegankelijkheid_hulp", False),
    # one full sentence on a barrier to help is a discussion, as for trust and prevention
    ("Wie hulp zoekt bij zijn rekeningen, belandt eerst maandenlang op een wachtlijst voordat er iemand "
     "met hem meekijkt.", "toegankelijkheid_hulp", True),
    ("De huisarts en de buurtcoach signaleren vaak al dat een gezin het moeilijk heeft, lang voordat er een "
     "aanmaning komt.", "preventie_vroegsignalering", True),
    ("Op de middelbare school krijgen leerlingen geldlessen. Ook een gastles over geldzaken van de "
     "budgetcoach hoort erbij.", "financiele_gezondheid", True),
    ("Wie een aankoop achteraf betalen kan, raakt makkelijk het overzicht kwijt. Een kleine buffer voorkomt "
     "dat een kapotte wasmachine meteen een probleem wordt.", "financiele_gezondheid", True),
    ("De wachtlijst werd genoemd.", "toegankelijkheid_hulp", False),
    ("Sinds de wijziging van de Participatiewet zijn de regels voor bijverdienen soepeler. De gemeente past "
     "haar armoedebeleid daarop aan.", "beleid_wetgeving", True),
    ("De avond werd geopend door de beleidsmedewerker van de gemeente. Daarna was er koffie.",
     "beleid_wetgeving", False),
    # one full sentence on trust or prevention is a discussion, a repeated word is not
    ("Na jaren van beloften die niet werden nagekomen, hebben veel bewoners weinig vertrouwen meer in "
     "wat de gemeente zegt.", "vertrouwen", True),
    ("Vertrouwen, vertrouwen, daar draait het om!", "vertrouwen", False),
    ("Door huurachterstanden vroeg te signaleren kan de corporatie samen met de gemeente een "
     "huisuitzetting meestal voorkomen.", "preventie_vroegsignalering", True),
    ("Preventie, daar gaat het om, zei ze.", "preventie_vroegsignalering", False),
    ("De gemeente krijgt sinds dit jaar meldingen van de woningcorporatie en de energieleverancier zodra "
     "iemand een betalingsachterstand heeft.", "preventie_vroegsignalering", True),
    ("Vrijwilligers van de inloop kunnen vaak veel eerder zien dat het thuis misgaat met geld en rekeningen.",
     "preventie_vroegsignalering", True),
    ("Eerder dit jaar verscheen een nieuw rapport over de wijk en de voorzieningen daar.",
     "preventie_vroegsignalering", False),
    # too late and asking earlier; tiredness and pressure; daring to tell; volunteers beside the consulent
    ("Veel ouderen komen pas in beeld bij de thuiszorg als het eigenlijk al te laat is voor een gewone oplossing.",
     "preventie_vroegsignalering", True),
    ("Hoe voorkomen we dat jongeren met een betalingsachterstand aan hun volwassen leven beginnen?",
     "preventie_vroegsignalering", True),
    ("De te laat ingeleverde formulieren lagen nog op het bureau van de secretaris.", "preventie_vroegsignalering",
     False),
    ("Na een dag werken en zorgen is ze doodmoe. De prestatiedruk op school maakt het voor haar zoon niet "
     "makkelijker.", "stress", True),
    ("Ouders durven pas iets te vertellen als ze weten dat er niet meteen iemand belt, want ze zijn bang voor "
     "controle van hun dossier.", "vertrouwen", True),
    ("De maatjes spreken elke maand met de consulent over de gezinnen. Zo komen vrijwilligers en "
     "consulenten beter op elkaar af.", "samenwerking_formeel_informeel", True),
    ("Voor veel inwoners is de stap naar het wijkteam te groot. Zij vragen om één telefoonnummer voor alle vragen.",
     "toegankelijkheid_hulp", True),
    # co-occurring words are no phrase: a busy hall, the energy bill, tired children, the next step
    ("De zaal was druk. Het hoofd van de bibliotheek opende. De energie kost gezinnen steeds meer. De kinderen "
     "waren moe na de speurtocht.", "stress", False),
    ("De volgende stap is een groot onderzoek. We wachten al maanden op de cijfers van het rijk.",
     "toegankelijkheid_hulp", False),
    # one sentence about children among other things is a passing word
    ("De bijeenkomst ging over de energietoeslag. Een moeder vertelde dat haar kinderen thuis een trui "
     "aanhouden. Daarna ging het over de aanvraag.", "kinderen_jongeren", False),
])
def test_themes_own_paragraphs(nlp, text, code, coded):
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


@pytest.mark.parametrize("blocks, code, coded", [
    ([("heading", "Schulden"), ("body", "Het ging ook over schulden.")], "schulden", False),
    ([("list_item", "• Schulden en incasso"), ("body", "Het ging ook over schulden.")], "schulden", False),
    ([("list_item", "• Wie schulden heeft, moet al aan het begin van een traject hulp krijgen."),
      ("body", "Het ging ook over schulden.")], "schulden", True),
    ([("heading", "Vertrouwen tussen bewoners en gemeente is het thema van deze avond"),
      ("body", "De koffie stond klaar.")], "vertrouwen", False),
    ([("list_item", "• Armoede"), ("list_item", "• Schulden"), ("body", "Daarna ging het over wonen.")],
     "armoede", False),
    # a cue inside a capitalised name is a weak hit, like a compound
    ([("body", "Mevrouw Jansen (Voedselbank Zuid) en de lector Financiële Gezondheid van de hogeschool waren er."),
      ("body", "Er werd veel over geldzaken gesproken.")], "financiele_gezondheid", False),
    ([("body", "De lector vertelde wat financiële gezondheid voor gezinnen betekent."),
      ("body", "Er werd veel over geldzaken gesproken.")], "financiele_gezondheid", True),
])
def test_themes_headings_short_list_items_and_names_do_not_count(nlp, blocks, code, coded):
    assert (code in [t.code for t in report_doc(nlp, blocks)._.wsd_themes]) is coded


def test_themes_code_min_score(tmp_path):
    path = tmp_path / "eigen.yaml"
    path.write_text("codes:\n  - {code: wonen, label: Wonen, description: x, cues: [huur], min_score: 1}\n"
                    "  - {code: sport, label: Sport, description: x, cues: [voetbal]}\n", encoding="utf-8")
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_themes", config={"codebook": str(path)})
    long = "Voor veel jonge gezinnen in de stad is de huur van een woning nauwelijks nog op te brengen. "
    assert codes(pipeline, long + "Voetbal verbindt.") == ["wonen"]
    assert codes(pipeline, "De huur stijgt. Voetbal verbindt.") == []  # one short sentence is passing


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


def model_codebook(tmp_path, min_words: int):
    """A codebook whose rule names a tiny text model: 'geldzorgen' makes a report about debts."""
    (tmp_path / "model.csv").write_text("ngram,idf,schulden,sport\n(intercept),,-2,-2\ngeldzorgen,1,6,0\n",
                                        encoding="utf-8")
    path = tmp_path / "codes.yaml"
    path.write_text(f"rule: {{model: model.csv, model_threshold: 0.5, model_min_words: {min_words}}}\n"
                    "codes:\n  - {code: schulden, label: Schulden, description: x, cues: [schulden]}\n"
                    "  - {code: sport, label: Sport, description: x, cues: [voetbal]}\n", encoding="utf-8")
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_themes", config={"codebook": str(path)})
    return pipeline


def test_themes_model_judges_a_theme_the_report_names(tmp_path):
    text = "Het ging even over schulden. Daarna over geldzorgen thuis en de geldzorgen van de buren."
    doc = model_codebook(tmp_path, min_words=5)(text)
    # one sentence with a cue is below min_score, but the model reads the whole text as about debts
    assert [(t.code, t.evidence) for t in doc._.wsd_themes] == [("schulden", ("Het ging even over schulden.",))]
    # a theme no cue names is never coded by the model alone
    assert codes(model_codebook(tmp_path, min_words=5), "Daarna over geldzorgen thuis en nog meer geldzorgen.") == []


def test_themes_model_leaves_short_texts_to_the_cues(tmp_path):
    text = "Het ging even over schulden. Daarna over geldzorgen thuis en de geldzorgen van de buren."
    assert codes(model_codebook(tmp_path, min_words=100), text) == []
