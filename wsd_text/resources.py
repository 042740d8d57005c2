"""Loading the editable data files in ``wsd_text/data/nl`` (or a user's replacement)."""
from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import yaml

from .errors import bad_keys

DATA = resources.files("wsd_text") / "data" / "nl"
# libyaml's safe loader when PyYAML was built with it: about ten times faster, and the data
# files are read at every start-up (and by every --jobs worker that is not forked)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str, path: str | Path | None = None):
    """The package's data file ``name``, or the user's file at ``path`` when given."""
    return Path(path) if path not in (None, "default") else DATA / name


def data_beside(name: str, source: str | Path | None) -> Path:
    """A data file that another one names: beside that file (a user's folder) when it is
    there, else the package's own."""
    if source is not None and (beside := Path(source).parent / name).exists():
        return beside
    return Path(str(DATA / name))


def load_yaml(name: str, path=None, allowed: set[str] | None = None) -> dict:
    """A YAML mapping; with ``allowed``, unknown top-level keys are refused."""
    source = data_path(name, path)
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
    if allowed is not None and set(data) - allowed:
        raise bad_keys(str(source), set(data) - allowed, allowed)
    return data


def load_jsonl(name: str, path=None, allowed: set[str] | None = None) -> list[dict]:
    """Rows of a JSON-lines file; blank lines and ``//`` comments are skipped."""
    source = data_path(name, path)
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            row = json.loads(line)
            if allowed is not None and set(row) - allowed:
                raise bad_keys(str(source), set(row) - allowed, allowed)
            rows.append(row)
    return rows


def load_csv(name: str, path=None, required: set[str] | None = None) -> list[dict]:
    """Rows of a CSV file with a header; lines starting with ``#`` are skipped."""
    source = data_path(name, path)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    if required and rows and required - set(rows[0]):
        raise ValueError(f"{source}: missing column(s) {', '.join(sorted(required - set(rows[0])))}.")
    return rows


def load_wordlist(name: str, path=None) -> frozenset[str]:
    """A one-word-per-line list; ``#`` starts a comment."""
    source = data_path(name, path)
    words = (line.split("#", 1)[0].strip() for line in source.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)
