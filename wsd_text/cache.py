"""Incremental runs: a report whose content, toolkit version, settings and data files are
unchanged is not analysed again; its record is read back from the last run's output."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from . import __version__
from .export.atomic import write_text_atomic
from .records import Record
from .resources import DATA
from .settings import Settings

CACHE_FILE = ".wsd-cache"  # no .json suffix: the folder's *.json are records only


def config_fingerprint(settings: Settings) -> str:
    """A hash of everything besides the input that decides a record: version, settings, data files.

    Any change to a lexicon, verb list or codebook changes it, so every record that could
    depend on that file is analysed again.
    """
    digest = hashlib.sha256(__version__.encode())
    digest.update(json.dumps(asdict(settings), default=str, sort_keys=True).encode())
    folders = [Path(str(DATA))] + ([Path(settings.data_dir)] if settings.data_dir else [])
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_fingerprint(path: Path, config: str) -> str:
    """The cache key of one input file under the configuration fingerprint ``config``."""
    return hashlib.sha256(path.read_bytes() + config.encode()).hexdigest()


class RecordCache:
    """Maps input files to the records a previous run wrote into the same output folder."""

    def __init__(self, out: Path, settings: Settings):
        self.out = Path(out)
        # Computed once per run: data files are read at the start, as the pipeline reads them.
        self.config = config_fingerprint(settings)
        path = self.out / CACHE_FILE
        self.entries: dict[str, dict] = json.loads(path.read_text("utf-8")) if path.is_file() else {}

    def get(self, path: Path) -> Record | None:
        """The cached record of ``path`` when nothing it depends on has changed."""
        entry = self.entries.get(str(path.resolve()))
        if not entry or entry["key"] != file_fingerprint(path, self.config):
            return None
        record_path = self.out / entry["json"]
        if not record_path.is_file():
            return None
        return Record.from_dict(json.loads(record_path.read_text("utf-8")))

    def put(self, path: Path, json_name: str) -> None:
        self.entries[str(path.resolve())] = {"key": file_fingerprint(path, self.config), "json": json_name}

    def save(self) -> Path:
        return write_text_atomic(self.out / CACHE_FILE, json.dumps(self.entries, indent=1, sort_keys=True))
