"""The spaCy pipeline: `spacy.blank("nl")` (or an installed trained Dutch pipeline) plus
wsd-text's own components, and the one function that turns a `Report` into a `Doc`."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline  # noqa: F401  (registers the wsd_* component factories)
from .pipeline.extensions import register_extensions
from .errors import InputError
from .report import Report
from .settings import Settings

# The analysis components in the order they run; each reads what the earlier ones set.
COMPONENTS = (
    "wsd_segments",
    "wsd_persons",
    "wsd_roles",
    "wsd_speech",
    "wsd_perspective",
    "wsd_quotes",  # after the actor components; before voices, which read `speaks`
    "wsd_actors",  # keeps the actors that count, also those only a quote shows speaking
    "wsd_voices",
    "wsd_themes",
)


@lru_cache(maxsize=4)
def build_pipeline(settings: Settings = Settings()) -> Language:
    """The analysis pipeline for ``settings`` (built once per settings, then reused).

    Examples
    --------
    >>> nlp = build_pipeline()
    >>> "wsd_segments" in nlp.pipe_names
    True
    """
    register_extensions()
    if settings.model == "blank":
        nlp = spacy.blank("nl")
    elif importlib.util.find_spec(settings.model) is None:
        raise ValueError(f"The model {settings.model!r} is not installed; install it or use model='blank'.")
    else:
        nlp = spacy.load(settings.model, exclude=["senter"])
    # Without a parser, wsd_segments also splits at final punctuation (as spaCy's sentencizer).
    parsed = nlp.has_pipe("parser") or nlp.has_pipe("senter")
    for name in COMPONENTS:
        nlp.add_pipe(name, config=_component_config(name, settings, parsed))
    # spaCy's own cap (1,000,000 characters) guards the memory of a trained parser and would
    # fail a 1.5 MB report with an internal error; the limit that counts is the file size a
    # researcher sets, and a plain text file has at most as many characters as bytes.
    nlp.max_length = max_characters(settings)
    return nlp


def max_characters(settings: Settings) -> int:
    """The longest clean text analysed under ``settings`` (``max_file_mb`` in characters)."""
    return int(settings.max_file_mb * 1_000_000)


def _component_config(name: str, settings: Settings, parsed: bool) -> dict:
    """Components that read data files get the user's data folder, when one is set."""
    if name == "wsd_segments":
        return {"punctuation": not parsed}
    factory = Language.get_factory_meta(name) if Language.has_factory(name) else None
    if factory and "data_dir" in factory.default_config and settings.data_dir:
        return {"data_dir": str(settings.data_dir)}
    return {}


def make_doc(report: Report, nlp: Language) -> Doc:
    """Run the pipeline over a report's clean text, with the report attached to the Doc.

    Raises
    ------
    InputError
        When the text is longer than ``nlp.max_length`` (a DOCX or PDF holds more text
        than its size on disk suggests).
    """
    if len(report.text) > nlp.max_length:
        raise InputError(report.source, f"text too long to analyse ({len(report.text):,} characters; the limit "
                                         f"is {nlp.max_length:,}, one per byte of the 'max_file_mb' setting)")
    doc = nlp.make_doc(report.text)
    doc._.wsd_report = report
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
