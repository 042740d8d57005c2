"""Tests for wsd_text.pipeline.voices: voice status, missing flags and missing_named (§4, §8.14–8.18)."""
import pytest
import spacy

from wsd_text.pipeline.extensions import register_extensions
from wsd_text.pipeline.voices import VoiceFinder, load_voice_cues
from wsd_text.records import Actor


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wsd_voices")
    return pipeline


def analyse(nlp, text, actors=()):
    """Run the pipeline with hand-set actors, as the actor components would leave them."""
    doc = nlp.make_doc(text)
    doc._.wsd_actors = list(actors)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def actor(perspective, speaks, start=0, kind="individual"):
    return Actor("a1", "Anna de Vries", None, None, None, perspective, kind, speaks, mentions=((start, start + 4),))


@pytest.mark.parametrize("text, perspective, status", [
    # present: attendance or taking part, in the same clause as the people
    ("Op de bijeenkomst waren twintig vrijwilligers aanwezig.", "informal", "present"),
    ("Ruim dertig beleidsmedewerkers namen deel aan de werksessie.", "formal", "present"),
    ("Ook bewoners uit de wijk deden actief mee aan de gesprekken.", "lived_experience", "present"),
    ("Aan het eind schoven nog drie scholieren aan.", "child", "present"),
    ("De werkgroep bestaat uit ambtenaren en vrijwilligers van de kerk.", "informal", "present"),
    ("De voorzitter heette alle ervaringsdeskundigen welkom.", "lived_experience", "present"),
    ("De avond werd bijgewoond door zo'n vijftig jongeren.", "child", "present"),
    ("Er was slechts één cliënt bij het overleg.", "lived_experience", "present"),
    # mentioned: only talked about (§8.14)
    ("De avond ging over de vraag hoe we inwoners met geldzorgen beter bereiken.", "lived_experience", "mentioned"),
    ("Vrijwilligers kwamen bijeen om te bespreken wat inwoners nodig hebben.", "lived_experience", "mentioned"),
    ("Een film liet zien hoe kinderen opgroeien in armoede.", "child", "mentioned"),
    ("Meestal komen er ook vrijwilligers naar deze avonden.", "informal", "mentioned"),
    ("De lector sprak namens de ouders.", "lived_experience", "mentioned"),
    ("Kinderen zelf werden niet gevraagd.", "child", "mentioned"),
    ("Jongeren waren niet aanwezig.", "child", "mentioned"),
    # absent: names of laws and organisations are not mentions of children (§8.18)
    ("Het overleg ging over de Jeugdwet en de Wmo.", "child", "absent"),
    ("Het Centrum Jeugd en Gezin en de Stichting Kinderen Eerst gaven uitleg.", "child", "absent"),
    ("Jongerenorganisaties presenteerden hun werk.", "child", "absent"),
    ("De wethouder opende de avond.", "informal", "absent"),
])
def test_voices_status_from_text(nlp, text, perspective, status):
    assert analyse(nlp, text)._.wsd_voices[perspective].status == status


@pytest.mark.parametrize("perspective, speaks, kind, expected", [
    ("child", True, "individual", {"child": "voiced"}),
    ("formal", False, "individual", {"formal": "present"}),
    ("mixed", True, "group", {"formal": "present", "informal": "present"}),
    ("unknown", True, "individual", {"formal": "present"}),
])
def test_voices_status_from_actors(nlp, perspective, speaks, kind, expected):
    text = "Anna sprak met de zaal. Er waren ambtenaren en vrijwilligers aanwezig."
    voices = analyse(nlp, text, [actor(perspective, speaks, kind=kind)])._.wsd_voices
    assert {p: voices[p].status for p in expected} == expected


def test_voices_status_evidence_is_the_deciding_sentence(nlp):
    text = "Het ging over kinderen. Op de avond waren veel vrijwilligers aanwezig."
    voices = analyse(nlp, text)._.wsd_voices
    assert voices["informal"].status_evidence == "Op de avond waren veel vrijwilligers aanwezig."
    assert voices["child"].status_evidence == "Het ging over kinderen."
    assert voices["formal"].status_evidence is None


@pytest.mark.parametrize("text, perspective, flagged", [
    ("Er was slechts één vrijwilliger aanwezig.", "informal", True),
    ("Er waren maar twee ervaringsdeskundigen bij.", "lived_experience", True),
    ("Het aantal aanwezige ervaringsdeskundigen bleek erg klein.", "lived_experience", True),
    ("Jongeren ontbraken helaas op deze avond.", "child", True),
    ("Ervaringsdeskundigen werden node gemist in het gesprek.", "lived_experience", True),
    ("De wethouder was niet aanwezig.", "formal", True),
    ("Opvallend was dat weinig ouders op kwamen dagen.", "lived_experience", True),
    ("Door de lage opkomst van jongeren ging het gesprek vooral over hen.", "child", True),
    ("Er werd vooral over cliënten gesproken en niet met cliënten.", "lived_experience", True),
    ("Zij was de enige spreker met armoede-ervaring.", "lived_experience", True),
    ("Voor een goed gesprek zijn ook vrijwilligers aan dezelfde tafel nodig.", "informal", True),
    ("We willen een vervolg graag samen met jongeren organiseren.", "child", True),
    ("Een volgende keer willen we ook cliënten uitnodigen.", "lived_experience", True),
    # practice in general, a call to consult, or plenty of them: no flag (§8.15)
    ("Ervaringsdeskundigen ontbreken vaak in beleid.", "lived_experience", False),
    ("Vraag ook aan kinderen wat zij nodig hebben.", "child", False),
    ("Er waren veel vrijwilligers aanwezig.", "informal", False),
    ("De financiële expertise was laag vertegenwoordigd.", "formal", False),
])
def test_voices_flagged_missing(nlp, text, perspective, flagged):
    voice = analyse(nlp, text)._.wsd_voices[perspective]
    assert voice.flagged_missing is flagged
    assert voice.evidence == (text if flagged else None)


def test_voices_flag_evidence_prefers_first_sentence(nlp):
    text = "Er was slechts één vrijwilliger. Later bleek dat vrijwilligers werden gemist."
    assert analyse(nlp, text)._.wsd_voices["informal"].evidence == "Er was slechts één vrijwilliger."


@pytest.mark.parametrize("text, expected", [
    ("Ook andere partijen werden gemist, zoals tolken en juristen.", ["tolken", "juristen"]),
    ("Tijdens de sessie bleek de juridische kennis erg laag vertegenwoordigd.", ["juridische kennis"]),
    ("Er waren geen schuldeisers aanwezig.", ["schuldeisers"]),
    ("We misten andere stemmen, zoals vrijwilligers en huisartsen.", []),
    ("Er waren veel tolken aanwezig.", []),
])
def test_voices_missing_named(nlp, text, expected):
    assert analyse(nlp, text)._.wsd_missing_named == expected


def test_voices_missing_named_keeps_spelling(nlp):
    doc = analyse(nlp, "Er ontbraken anderen, zoals MBO's en Tolken.")
    assert doc._.wsd_missing_named == ["MBO's", "Tolken"]


def test_voices_user_cue_file(tmp_path):
    cues, _ = load_voice_cues()
    cues["terms"]["child"] = ["knirps"]
    path = tmp_path / "voice_cues.yaml"
    import yaml
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wsd_voices", config={"cues": str(path)})
    assert analyse(nlp, "Er waren drie knirpsen en een knirps aanwezig.")._.wsd_voices["child"].status == "present"


@pytest.mark.parametrize("change, message", [
    (lambda c: c.update(extra=1), "unknown key"),
    (lambda c: c["terms"].update(elderly=["ouderen"]), "unknown key"),
    (lambda c: c["missing"].append({"kind": "maybe", "pattern": "x"}), "'kind'"),
    (lambda c: c["missing"].append({"kind": "few", "pattern": "(open"}), "not a valid regular expression"),
    (lambda c: c.pop("attendance"), "required"),
])
def test_voices_cue_file_validated(tmp_path, change, message):
    import yaml
    cues, _ = load_voice_cues()
    change(cues)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        VoiceFinder(*load_voice_cues(path))
