"""One settings object, validated in one place, passed from ingest to export."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from .errors import bad_choice, bad_keys

MODELS = ("blank", "nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Analysis settings; every field has a default that just works.

    Parameters
    ----------
    model : str
        ``"blank"`` (default: ``spacy.blank("nl")`` plus wsd-text's own components) or the
        name of an installed trained Dutch pipeline used as extra evidence.
    max_file_mb : float
        Files larger than this are refused with a message (meeting reports are small).
    pseudonymise : bool
        Replace person names by consistent pseudonyms in every output.
    data_dir : Path or None
        A folder with replacement data files (same names as ``wsd_text/data/nl``).
    """

    model: str = "blank"
    max_file_mb: float = 25.0
    pseudonymise: bool = False
    data_dir: Path | None = None

    def __post_init__(self):
        if self.model not in MODELS:
            raise bad_choice("model", MODELS, self.model)
        if not self.max_file_mb > 0:
            raise ValueError(f"The 'max_file_mb' setting must be positive. Got {self.max_file_mb!r} instead.")

    @classmethod
    def from_file(cls, path: str | Path, **overrides) -> "Settings":
        """Settings from a YAML file whose keys override the defaults one by one."""
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        allowed = {f.name for f in fields(cls)}
        if set(data) - allowed:
            raise bad_keys(str(path), set(data) - allowed, allowed)
        return replace(cls(**data), **overrides)
