"""JSON records, validated against the shipped JSON Schema before they are written."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from .atomic import write_text_atomic


@lru_cache(maxsize=1)
def record_validator() -> jsonschema.Draft202012Validator:
    """The validator of the analysis record schema (``wsd_text/schema/record.schema.json``)."""
    schema = json.loads((resources.files("wsd_text") / "schema" / "record.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_record(data: dict) -> None:
    """Raise ``ValueError`` naming the first schema violation of a record."""
    error = jsonschema.exceptions.best_match(record_validator().iter_errors(data))
    if error is not None:
        where = "/".join(map(str, error.absolute_path)) or "(top)"
        raise ValueError(f"{data.get('report', '?')}: record does not match the schema at {where}: {error.message}")


def write_record(data: dict, path: str | Path) -> Path:
    """Validate a record and write it as pretty UTF-8 JSON, atomically."""
    validate_record(data)
    return write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
