"""The theme model (`wsd_text.pipeline.text_model`) and its training (`eval/train_models.py`)."""
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from wsd_text.codebook import load_codebook
from wsd_text.pipeline.text_model import TextModel, ngrams
from wsd_text.resources import DATA

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "eval" / "extra"


def test_ngrams_are_words_and_word_pairs():
    assert ngrams("Ouders ontbraken, ouders!") == {"ouders": 2, "ontbraken": 1, "ouders ontbraken": 1,
                                                   "ontbraken ouders": 1}


def test_theme_model_has_a_column_per_default_code():
    model = TextModel.load(Path(str(DATA / "theme_model.csv")))
    assert set(model.labels) == {c.code for c in load_codebook().codes} and len(model.features) > 1000
    chances = model.probabilities("Veel gezinnen hebben schulden bij de energieleverancier en de zorgverzekeraar; "
                                  "de deurwaarder staat vaak al voor de deur voordat er hulp komt.")
    assert chances["schulden"] > 0.5 > chances["ervaringsdeskundigheid"]


def test_model_file_without_intercept_is_refused(tmp_path):
    path = tmp_path / "model.csv"
    path.write_text("ngram,idf,schulden\nouders,1.5,0.2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="intercept"):
        TextModel.load(path)


@pytest.mark.skipif(not EXTRA.exists(), reason="eval/extra is not in this checkout")
def test_training_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("train_models", ROOT / "eval" / "train_models.py")
    training = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training)
    folder = tmp_path / "extra"
    for part in ("raw", "gold"):
        (folder / part).mkdir(parents=True)
    needed = {c.code for c in load_codebook().codes}
    for gold in sorted((EXTRA / "gold").glob("*.json")):  # a dozen reports with every code at least once
        themes = set(json.loads(gold.read_text(encoding="utf-8"))["themes"])
        if len(list((folder / "gold").iterdir())) < 12 or themes & needed:
            shutil.copy(gold, folder / "gold")
            shutil.copy(next((EXTRA / "raw").glob(gold.stem + ".*")), folder / "raw")
            needed -= themes
        if not needed and len(list((folder / "gold").iterdir())) >= 12:
            break
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for out in (first, second):
        assert training.main(["--eval", str(folder), "--out", str(out)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert TextModel.load(first).labels
