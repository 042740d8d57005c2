"""JSON records, validated against the shipped JSON Schema before they are written."""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from .atomic import write_text_atomic


@lru_cache(maxsize=1)
def record_schema() -> dict:
    """The analysis record schema (``wsd_text/schema/record.schema.json``)."""
    return json.loads((resources.files("wsd_text") / "schema" / "record.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def record_validator() -> jsonschema.Draft202012Validator:
    """The validator of the analysis record schema; it names the first violation of a record."""
    return jsonschema.Draft202012Validator(record_schema())


@lru_cache(maxsize=1)
def _fast_check() -> Callable[[dict], object] | None:
    """The schema compiled to Python by fastjsonschema, when it is installed, else None.

    About 15 times faster than jsonschema, which took more time per record than writing it.
    It only lets valid records through quickly: a record it rejects goes to jsonschema,
    which decides and names the violation. The schema uses no keyword beyond draft 7.
    """
    try:
        import fastjsonschema
    except ImportError:
        return None
    return fastjsonschema.compile(record_schema())


def validate_record(data: dict) -> None:
    """Raise ``ValueError`` naming the first schema violation of a record."""
    if _passes_fast_check(data):
        return
    error = jsonschema.exceptions.best_match(record_validator().iter_errors(data))
    if error is not None:
        where = "/".join(map(str, error.absolute_path)) or "(top)"
        raise ValueError(f"{data.get('report', '?')}: record does not match the schema at {where}: {error.message}")


def _passes_fast_check(data: dict) -> bool:
    check = _fast_check()
    if check is None:
        return False
    try:
        check(data)
    except Exception:  # fastjsonschema.JsonSchemaException, or a type it did not expect
        return False
    return True


def write_record(data: dict, path: str | Path) -> Path:
    """Validate a record and write it as pretty UTF-8 JSON, atomically."""
    validate_record(data)
    return write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
