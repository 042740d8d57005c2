"""The accuracy gate: evaluate figures on the seeds, the dev reports and eval/extra stay above pinned floors."""
import json
from pathlib import Path

import pytest

from wsd_text.analyse import analyse_paths
from wsd_text.evaluate import evaluate_records, load_records

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).with_name("accuracy_baseline.json")).read_text(encoding="utf-8"))
SETS = {"seeds": (ROOT / "corpus", SHARED / "gold"), "dev": (SHARED / "dev" / "raw", SHARED / "dev" / "gold"),
        "extra": (ROOT / "eval" / "extra" / "raw", ROOT / "eval" / "extra" / "gold")}


def _figures(scores) -> dict:
    return {
        "speakers_f1": scores.speakers.f1, "perspective": scores.perspective.accuracy,
        "quotes_f1": scores.quotes.f1, "attribution": scores.attribution.accuracy,
        "voice_status": scores.voice_status.accuracy, "flagged_missing_f1": scores.flagged_missing.f1,
        "themes_f1": scores.themes.f1,
    }


@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_gate_figures_stay_above_floors(name, tmp_path):
    raw, gold = SETS[name]
    if not gold.is_dir():
        pytest.skip(f"{gold} is not beside the project")
    analyse_paths([raw], out=tmp_path, progress=False)
    figures = _figures(evaluate_records(load_records(tmp_path), load_records(gold)))
    below = {k: (figures[k], floor) for k, floor in FLOORS[name].items() if (figures[k] or 0.0) < floor}
    assert not below, f"{name}: figures below their floors (found, floor): {below}"
