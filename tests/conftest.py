"""Shared fixtures: the analysis pipeline and a helper that turns Dutch text into a Doc."""
from __future__ import annotations

import pytest

from wsd_text.ingest import report_from_text
from wsd_text.nlp import build_pipeline, make_doc


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (``spacy.blank("nl")`` plus wsd-text's components)."""
    return build_pipeline()


@pytest.fixture(scope="session")
def analyse(nlp):
    """Analyse a Dutch string as if it were a report file ``x.txt``; returns the Doc."""
    def run(text: str):
        return make_doc(report_from_text(text, "x.txt"), nlp)
    return run
