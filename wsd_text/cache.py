"""Incremental runs: a report whose content, toolkit version, settings and data files are
unchanged is not analysed again; its record is read back from the last run's output.

When every record and error of a run is the same as in the run that last wrote the
folder, the records, tables and report on disk are still right and are not written again.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import orjson

from . import __version__
from .errors import InputError
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
    """Maps input files to the records a previous run wrote into the same output folder.

    The cache file holds ``records`` (resolved input path -> key and JSON name) and
    ``outputs``, a digest of the run that last wrote the tables and the report.
    """

    def __init__(self, out: Path, settings: Settings):
        self.out = Path(out)
        # Computed once per run: data files are read at the start, as the pipeline reads them.
        self.config = config_fingerprint(settings)
        # Pseudonymised records also depend on the key file, which no fingerprint covers.
        self.reuse_outputs = not settings.pseudonymise
        path = self.out / CACHE_FILE
        self._saved = path.read_text("utf-8") if path.is_file() else "{}"
        stored = json.loads(self._saved)
        # A cache file of an older version is the bare mapping of records.
        self.entries: dict[str, dict] = stored["records"] if "records" in stored else stored
        self.outputs: str | None = stored.get("outputs") if "records" in stored else None
        self._keys: dict[str, str] = {}  # hashed once per run, in get(), reused by put()
        self._hits: dict[str, str] = {}  # input -> JSON name of the records read back
        self._paths: dict[Path, str] = {}  # input -> resolved path, asked for several times a file

    def _resolved(self, path: Path) -> str:
        if path not in self._paths:
            self._paths[path] = str(path.resolve())
        return self._paths[path]

    def get(self, path: Path, report_id: str | None = None) -> Record | None:
        """The cached record of ``path`` when nothing it depends on has changed.

        With ``report_id``, a record stored under another id (the run's inputs changed
        around the file) is not reused.
        """
        resolved = self._resolved(path)
        key = self._key(path, resolved)
        entry = self.entries.get(resolved)
        if not entry or entry["key"] != key:
            return None
        record_path = self.out / entry["json"]
        if not record_path.is_file():
            return None
        record = Record.from_dict(orjson.loads(record_path.read_bytes()))  # ~3x json.loads: 10,000 on a rerun
        if report_id is not None and record.report != report_id:
            return None
        self._hits[resolved] = entry["json"]
        return record

    def unchanged(self, path: Path, json_name: str) -> bool:
        """True when the record of ``path`` came from the cache and is on disk as ``json_name``."""
        return self.reuse_outputs and self._hits.get(self._resolved(path)) == json_name

    def json_name(self, path: Path) -> str | None:
        """The name under which the last run wrote the record of ``path``, if it did."""
        entry = self.entries.get(self._resolved(path))
        return entry["json"] if entry else None

    def put(self, path: Path, json_name: str) -> None:
        resolved = self._resolved(path)
        self.entries[resolved] = {"key": self._key(path, resolved), "json": json_name}

    def outputs_unchanged(self, sources: Iterable[Path], errors: Iterable[InputError],
                          files: Iterable[Path]) -> bool:
        """True when ``files`` exist and were written from the same records and errors.

        Call after `put` for every source; the run is remembered for the next one.
        """
        digest = hashlib.sha256(json.dumps(
            [[self.entries[self._resolved(p)] for p in sources], [[str(e.path), e.reason] for e in errors]],
            sort_keys=True).encode()).hexdigest()
        same = self.reuse_outputs and digest == self.outputs and all(f.is_file() for f in files)
        self.outputs = digest
        return same

    def save(self) -> Path:
        """Write the cache file, unless it would not change."""
        path = self.out / CACHE_FILE
        text = json.dumps({"records": self.entries, "outputs": self.outputs}, indent=1, sort_keys=True)
        return path if text == self._saved else write_text_atomic(path, text)

    def _key(self, path: Path, resolved: str) -> str:
        if resolved not in self._keys:
            self._keys[resolved] = file_fingerprint(path, self.config)
        return self._keys[resolved]
