"""Tests for wsd_text.codebook: loading, validation and the cue language."""
import pytest

from wsd_text.codebook import CueMatcher, expand_cue, load_codebook

SECTION_5 = ["financiele_gezondheid", "schulden", "armoede", "stress", "vertrouwen",
             "samenwerking_formeel_informeel", "integrale_aanpak", "ervaringsdeskundigheid", "eigen_regie",
             "preventie_vroegsignalering", "sociaal_netwerk", "toegankelijkheid_hulp", "beleid_wetgeving",
             "kinderen_jongeren"]


def test_codebook_default_has_the_codes_of_section_5():
    book = load_codebook()
    assert [c.code for c in book.codes] == SECTION_5
    assert all(c.label and c.description and c.cues for c in book.codes)
    assert (book.min_score, book.compound_weight) == (2.0, 0.5)
    assert {c.code: c.min_score for c in book.codes if c.min_score is not None} == {
        "vertrouwen": 1.0, "eigen_regie": 1.0, "preventie_vroegsignalering": 1.0, "toegankelijkheid_hulp": 1.0}


# Phrases an audit found copied from single known reports; the default cues are general Dutch.
@pytest.mark.parametrize("phrase", ["wortel van het probleem", "brandjes geblust", "pleisters plakken",
                                    "voorzieningenwijzer", "paradigma's", "breed kijken", "succeservaringen",
                                    "eigen tempo", "financiële ongezondheid", "totale problematiek",
                                    "één contactpersoon", "langs elkaar heen", "zelf aan de slag", "erop af"])
def test_codebook_default_has_no_report_specific_phrases(phrase):
    cues = {variant for c in load_codebook().codes for cue in c.cues for variant in expand_cue(cue)}
    assert phrase not in cues


def default_labels(sentence):
    """The codes whose default cues hit in one sentence (conjunctions complete)."""
    book = load_codebook()
    matcher = CueMatcher({c.code: c.cues for c in book.codes})
    return set(matcher.by_sentence(sentence, [0]).get(0, {}))


@pytest.mark.parametrize("code, text", [
    ("armoede", "Ze brak haar arm en kwam met open armen binnen."),
    ("schulden", "Het is niet jouw schuld dat de bus te laat was."),
    ("schulden", "Het opzetten van de website neemt veel tijd in beslag."),
    ("vertrouwen", "Door het project groeide haar zelfvertrouwen."),
    ("preventie_vroegsignalering", "Om misverstanden te voorkomen sturen we de agenda vooraf."),
    ("preventie_vroegsignalering", "Ze was op tijd om de spreker te zien."),
    ("vertrouwen", "Ze durfde de envelop met de aanmaning niet open te maken."),
    ("integrale_aanpak", "Er was één traject voor de fietsers en één voor de wandelaars."),
    ("stress", "De zaal zat vol en het was druk bij de koffie."),
    ("preventie_vroegsignalering", "Ze was eerder deze maand al bij de bibliotheek geweest."),
    # from a review of the session's cues: other senses of common words
    ("vertrouwen", "De wethouder vertrouwt erop dat de nieuwe regeling goed werkt."),
    ("vertrouwen", "Ouders zijn bang voor de gevolgen van de stijgende energieprijzen."),
    ("eigen_regie", "Andere gemeenten kunnen dit idee niet zomaar overnemen."),
    ("preventie_vroegsignalering", "Zoals eerder vermeld waren ook de vrijwilligers van de kerk erbij."),
    ("preventie_vroegsignalering", "Het is een goed signaal dat er zoveel mensen zijn komen opdagen."),
    ("preventie_vroegsignalering", "Ik had me niet op tijd gemeld voor de workshop."),
    ("stress", "De begroting van de gemeente staat onder druk."),
    ("stress", "De buurtwinkel probeert met lage prijzen te overleven."),
    ("integrale_aanpak", "De twee workshops vonden los van elkaar plaats."),
    # an allowance named as the help someone applies for is no policy talk
    ("beleid_wetgeving", "Ze vroeg zorgtoeslag en bijzondere bijstand aan en kreeg kwijtschelding."),
    ("vertrouwen", "Ze vertrouwde de buurt, want het was haar vertrouwde omgeving."),
    ("eigen_regie", "Hij nam het niet over van de voorzitter, want zij koos zelf de volgende vraag niet."),
    ("kinderen_jongeren", "De zaal zat vol met ouderen uit de buurt."),
    # caring for a family member is mantelzorg, not the theme of a social network
    ("sociaal_netwerk", "De mantelzorger zorgt al jaren voor haar moeder; mantelzorg kost haar veel geld."),
])
def test_codebook_default_cues_respect_word_sense(code, text):
    assert code not in default_labels(text)


@pytest.mark.parametrize("code, text", [
    ("armoede", "Eén op de tien kinderen in de stad is arm."),
    ("armoede", "Arme gezinnen kunnen de energierekening niet betalen."),
    ("schulden", "Ze had een schuld bij de zorgverzekeraar."),
    ("schulden", "De deurwaarder legde beslag op zijn loon."),
    ("schulden", "Na drie aanmaningen volgde een betalingsregeling."),
    ("eigen_regie", "Het gezin neemt de regie terug."),
    ("eigen_regie", "Hulpverleners moeten het niet te snel overnemen."),
    ("samenwerking_formeel_informeel", "De diaconie en het wijkteam leren elkaar beter kennen."),
    ("toegankelijkheid_hulp", "Veel ouders weten niet waar ze terechtkunnen."),
    ("preventie_vroegsignalering", "Met een vroege aanpak voorkomen we dat schulden oplopen."),
    ("preventie_vroegsignalering", "Hoe signaleer je geldzorgen op tijd bij mantelzorgers?"),
    ("preventie_vroegsignalering", "Het team leerde anders naar signalen te kijken."),
    # autonomy in finite forms and either order, and not taking over
    ("eigen_regie", "Bewoners bepalen zelf wat er op tafel komt."),
    ("eigen_regie", "Een goede coach laat de deelnemer zelf kiezen welke rekening eerst gaat."),
    ("eigen_regie", "Haar tip: zorg dat je níet de muis overneemt."),
    ("eigen_regie", "Vrijwilligers leren om het probleem niet meteen over te nemen."),
    ("eigen_regie", "Mantelzorgers willen zelf aan het stuur blijven."),
    # the rules of an allowance are
    ("beleid_wetgeving", "Volgens de regels heeft een student geen recht op bijzondere bijstand."),
    # before it goes wrong, being there earlier, picking up signals in time
    ("preventie_vroegsignalering", "Respijtzorg werkt het best als je het regelt voordat het misgaat."),
    ("preventie_vroegsignalering", "Daar ligt een kans om er eerder bij te zijn."),
    ("preventie_vroegsignalering", "Het gaat erom signalen op tijd op te pikken."),
    # stress in other words: survival mode, worn out, no night's sleep
    ("stress", "Wie steeds moet rekenen, staat in de overlevingsstand."),
    ("stress", "De mantelzorgers zijn uitgeput en voelen zich zwaarbelast."),
    ("stress", "Zwaarbelaste gezinnen hebben geen ruimte voor nog een formulier."),
    ("stress", "Ze heeft al maanden geen nacht meer doorgeslapen."),
    # integrated work: one person or file across services, problems that are not separate
    ("integrale_aanpak", "Gezinnen krijgen één begeleider voor schulden, werk en zorg."),
    ("integrale_aanpak", "Wonen, geld en gezondheid zijn voor deze gezinnen niet los van elkaar te zien."),
    # trust in the finite verb, and expecting control rather than help
    ("vertrouwen", "Veel bewoners verwachten van het loket eerder controle dan hulp."),
    ("vertrouwen", "Door slechte ervaringen met de sociale dienst stappen ze er niet meer naartoe."),
    ("vertrouwen", "Na slechte ervaringen met de gemeente vragen ze geen hulp meer."),
    ("preventie_vroegsignalering", "Het doel is dat gezinnen vroegtijdig in beeld komen."),
    ("preventie_vroegsignalering", "Leerkrachten willen overbelasting eerder herkennen."),
    ("vertrouwen", "Ze is bang dat het wijkteam alles doorvertelt aan school."),
    # seeing it early, and what prevention prevents
    ("preventie_vroegsignalering", "Leerkrachten kunnen geldzorgen in een gezin vroeg herkennen."),
    ("preventie_vroegsignalering", "Als de corporatie een achterstand op tijd ziet, kan ze bellen."),
    ("preventie_vroegsignalering", "Zo kan de buurt eerder zien wie het zwaar heeft."),
    ("preventie_vroegsignalering", "Met een telefoontje kun je een uithuiszetting vaak nog voorkomen."),
    # the first half of a split compound is whole with the second's ending
    ("schulden", "Veel gezinnen hebben huur- en energieschulden; de deurwaarder staat voor de deur."),
])
def test_codebook_default_cues_find_general_wording(code, text):
    assert code in default_labels(text)


def test_codebook_csv(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("code,label,description,cues\nwonen,Wonen,Huisvesting,huur; huurwoning\n", encoding="utf-8")
    book = load_codebook(path)
    assert book.codes[0].cues == ("huur", "huurwoning")
    assert book.min_score == 2.0


def test_codebook_code_min_score(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("code,label,description,cues,min_score\nwonen,Wonen,x,huur,1\nsport,Sport,x,voetbal,\n",
                    encoding="utf-8")
    assert [c.min_score for c in load_codebook(path).codes] == [1.0, None]


def test_codebook_yaml_with_rule(tmp_path):
    path = tmp_path / "book.yaml"
    path.write_text("rule: {min_score: 1}\ncodes:\n  - {code: wonen, label: Wonen, description: x, cues: huur}\n",
                    encoding="utf-8")
    book = load_codebook(path)
    assert (book.min_score, book.codes[0].cues) == (1, ("huur",))


@pytest.mark.parametrize("name, content, message", [
    ("a.csv", "code,label,description,cues,extra\nw,W,x,huur,1\n", "unknown key"),
    ("a.csv", "code,label,cues\nw,W,huur\n", "missing column"),
    ("a.yaml", "codes: []\nthemes: []\n", "unknown key"),
    ("a.yaml", "rule: {threshold: 3}\ncodes: [{code: w, cues: [huur]}]\n", "unknown key"),
    ("a.yaml", "codes: [{code: w, cues: [huur], kleur: rood}]\n", "unknown key"),
    ("a.yaml", "codes: [{code: w, cues: []}]\n", "no cues"),
    ("a.yaml", "codes: [{code: W-1, cues: [huur]}]\n", "lower-case"),
    ("a.yaml", "codes: [{code: w, cues: [a]}, {code: w, cues: [b]}]\n", "duplicate"),
    ("a.yaml", "codes: []\n", "no codes"),
    ("a.yaml", "codes: [{code: w, cues: [huur], min_score: nul}]\n", "positive number"),
    ("a.yaml", "codes: [{code: w, cues: [huur], min_score: -1}]\n", "positive number"),
    ("a.txt", "huur\n", "'codebook'"),
])
def test_codebook_refuses_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_codebook(path)


@pytest.mark.parametrize("cue, text, expected", [
    ("armoede", "Armoede en kinderarmoede.", [True]),
    ("*armoede", "Armoede en kinderarmoede.", [True, False]),
    ("armoede*", "Het armoedebeleid en armoede- en schuldenbeleid.", [False, False]),
    ("stress", "Stress-sensitief werken.", [True]),
    ("eigen regie", "De eigen regie, niet de regie van een ander.", [True]),
    ("uit handen*", "Niet te snel uit handenname.", [False]),
    ("sociaal & netwerk", "Een sociaal (steunend) netwerk.", [True, True]),
    ("sociaal & netwerk", "Een sociaal plan. Een netwerk.", []),
])
def test_codebook_cue_language(cue, text, expected):
    matcher = CueMatcher({"x": [cue]})
    sentences = [0] + [i + 2 for i, c in enumerate(text) if c == "." and i + 2 < len(text)]
    hits = [h for per in matcher.by_sentence(text, sentences).values() for h in per.get("x", [])]
    assert [h.full for h in sorted(hits, key=lambda h: h.start)] == expected


@pytest.mark.parametrize("cue, expected", [
    ("schuld(en)", ["schuld", "schulden"]),
    ("ervaringsverha(al|len)", ["ervaringsverha", "ervaringsverhaal", "ervaringsverhalen"]),
    ("kerk|diaconie", ["kerk", "diaconie"]),
    ("elkaar (beter) kennen", ["elkaar kennen", "elkaar beter kennen"]),
    ("niet (te snel) overnemen", ["niet overnemen", "niet te snel overnemen"]),
    ("vrijwilliger(s) & kerk|moskee", ["vrijwilliger & kerk", "vrijwilliger & moskee",
                                       "vrijwilligers & kerk", "vrijwilligers & moskee"]),
    ("schulden*", ["schulden*"]),
    ("sociaal & netwerk", ["sociaal & netwerk"]),
])
def test_codebook_expand_cue(cue, expected):
    assert expand_cue(cue) == expected


@pytest.mark.parametrize("cue, text, expected", [
    ("betalingsachterstand(en)", "Eén betalingsachterstand werd drie betalingsachterstanden.", [True, True]),
    ("elkaar (beter) (leren) kennen", "Ze leren elkaar beter kennen.", [True]),
    ("elkaar (beter) (leren) kennen", "Ze kennen elkaar.", []),
    ("vrijwilliger(s) & wijkteam|kerk", "Vrijwilligers en de kerk. Het wijkteam.", [True, True]),
])
def test_codebook_cue_shorthand_matches(cue, text, expected):
    test_codebook_cue_language(cue, text, expected)


@pytest.mark.parametrize("cue, message", [
    ("*", "only a wildcard"),
    ("schuld(en", "unbalanced"),
    ("a|b|c|d " * 5, "variants"),
])
def test_codebook_bad_cue_refused(cue, message):
    with pytest.raises(ValueError, match=message):
        CueMatcher({"x": [cue]})


def test_codebook_split_compound_takes_the_ending_of_the_second_half():
    matcher = CueMatcher({"schulden": ["schulden", "huurschuld(en)"]})
    assert [h.full for h in matcher.find("Er zijn huur- en energieschulden.")] == [True]
    assert matcher.find("Er zijn huur- en energieproblemen.") == []
