"""The text models (`wsd_text.pipeline.text_model`): missing voices, themes, and their training."""
import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from wsd_text.ingest import report_from_text
from wsd_text.nlp import build_pipeline, make_doc
from wsd_text.pipeline.text_model import TextModel, ngrams
from wsd_text.resources import DATA
from wsd_text.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "eval" / "extra"


def test_ngrams_are_words_and_word_pairs():
    assert ngrams("Ouders ontbraken, ouders!") == {"ouders": 2, "ontbraken": 1, "ouders ontbraken": 1,
                                                   "ontbraken ouders": 1}


def test_model_file_loads_and_scores():
    model = TextModel.load(Path(str(DATA / "missing_sentences.csv")))
    assert model.labels == ("missing",) and len(model.features) > 1000
    missing = model.probability("Jammer was dat we de jongeren zelf deze keer niet hebben kunnen spreken.", "missing")
    told = model.probability("De jongeren vertelden over hun ervaringen met school en geld.", "missing")
    assert missing > 0.7 > 0.1 > told


def test_theme_model_has_a_column_per_default_code():
    from wsd_text.codebook import load_codebook

    model = TextModel.load(Path(str(DATA / "theme_model.csv")))
    assert set(model.labels) == {c.code for c in load_codebook().codes}
    chances = model.probabilities("Veel gezinnen hebben schulden bij de energieleverancier en de zorgverzekeraar; "
                                  "de deurwaarder staat vaak al voor de deur voordat er hulp komt.")
    assert chances["schulden"] > 0.5 > chances["ervaringsdeskundigheid"]


def test_model_file_without_intercept_is_refused(tmp_path):
    path = tmp_path / "model.csv"
    path.write_text("ngram,idf,weight\nouders,1.5,0.2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="intercept"):
        TextModel.load(path)


def flagged(nlp, sentence):
    text = f"Verslag\n\nOp dinsdag kwamen dertig deelnemers bijeen in het buurthuis. {sentence}\n"
    doc = make_doc(report_from_text(text, "r.txt"), nlp)
    return sorted(p for p, v in doc._.wsd_voices.items() if v.flagged_missing)


@pytest.fixture(scope="module")
def phrases_only(tmp_path_factory):
    """The pipeline with a voice-cue file that names no sentence model."""
    folder = tmp_path_factory.mktemp("cues")
    cues = yaml.safe_load((Path(str(DATA)) / "voice_cues.yaml").read_text(encoding="utf-8"))
    del cues["missing_model"]
    (folder / "voice_cues.yaml").write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    return build_pipeline(Settings(data_dir=str(folder)))


@pytest.mark.parametrize("sentence, perspective", [
    ("Jammer was dat we de jongeren zelf deze keer niet hebben kunnen spreken.", "child"),
    ("De stem van de vrijwilligers klonk deze middag nauwelijks door.", "informal"),
])
def test_model_flags_what_no_phrase_covers(nlp, phrases_only, sentence, perspective):
    assert flagged(phrases_only, sentence) == []
    assert flagged(nlp, sentence) == [perspective]


@pytest.mark.parametrize("sentence", [
    # two perspectives: the model does not say which one
    "De stem van de vrijwilligers en de ouders klonk deze middag nauwelijks door.",
    # practice in general, and voices that were heard
    "In veel gemeenten worden jongeren nog te weinig betrokken bij beleid.",
    "De jongeren vertelden over hun ervaringen met school en geld.",
])
def test_model_leaves_other_sentences(nlp, sentence):
    assert flagged(nlp, sentence) == []


@pytest.mark.skipif(not EXTRA.exists(), reason="eval/extra is not in this checkout")
def test_training_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("train_models", ROOT / "eval" / "train_models.py")
    training = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training)
    main = training.main
    folder = tmp_path / "extra"
    for part in ("raw", "gold"):
        (folder / part).mkdir(parents=True)
    for gold in sorted((EXTRA / "gold").glob("*.json"))[:12]:
        shutil.copy(gold, folder / "gold")
        shutil.copy(next((EXTRA / "raw").glob(gold.stem + ".*")), folder / "raw")
    for out in ("a", "b"):
        assert main(["missing", "--eval", str(folder), "--out", str(tmp_path / out)]) == 0
    first, second = (tmp_path / out / "missing_sentences.csv" for out in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    assert TextModel.load(first).features
