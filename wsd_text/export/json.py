"""JSON records, validated against the shipped JSON Schema before they are written."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema
import orjson

from ..naming import first_free
from .atomic import write_bytes_atomic

# Characters no file name may hold on one of the systems researchers use (Windows is the strictest).
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
_NAME_CHARS = 120  # well under every file system's limit, with room for a number and ".json"
FOLDER_SEPARATOR = "__"  # stands for "/" of a report id in its JSON file name


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


def looks_like_record(data) -> bool:
    """True for a JSON object with every key the record schema requires (a record, perhaps
    off the schema, which `validate_record` then names), not for other JSON files.

    Examples
    --------
    >>> looks_like_record({"bronnen": ["https://example.org"]})
    False
    """
    required = set(record_schema()["required"])
    return isinstance(data, dict) and isinstance(data.get("report"), str) and required <= set(data)


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
    """Validate a record and write it as pretty UTF-8 JSON, atomically.

    orjson writes the bytes ``json.dumps(data, ensure_ascii=False, indent=2)`` would, about
    fifteen times faster: with an indent, the standard library falls back to pure Python.
    """
    validate_record(data)
    return write_bytes_atomic(path, orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


def record_file_names(report_ids: Iterable[str]) -> list[str]:
    """A JSON file name for each report id, unique in the folder, in the same order.

    ``verslag.txt`` gives ``verslag.json``; folders are joined with ``__``
    (``a/verslag.txt`` gives ``a__verslag.json``); characters a file system refuses become
    ``_``. A name taken before keeps the report's extension (``verslag_html.json``), and
    is numbered when that is taken too; names differing only in case count as taken, as
    they do on Windows and macOS.

    Examples
    --------
    >>> record_file_names(["000_a2d3b59cfc4ed371.txt", "a/verslag.txt", "b/verslag.txt", "verslag.html"])
    ['000_a2d3b59cfc4ed371.json', 'a__verslag.json', 'b__verslag.json', 'verslag.json']
    """
    names, taken = [], set()
    for report_id in report_ids:
        parts = [_UNSAFE.sub("_", part).strip(" .") for part in report_id.split("/")]
        parts = [part for part in parts if part] or ["record"]
        stem = parts[:-1] + [Path(parts[-1]).stem or parts[-1]]
        whole = parts[:-1] + [parts[-1].replace(".", "_")]
        named = [_joined(stem), _joined(whole)]
        name = first_free(named, lambda n: f"{named[1]}-{n}", taken, key=str.casefold)
        names.append(f"{name}.json")
    return names


def _joined(parts: list[str]) -> str:
    """Parts of a report id as one file name, short enough and not a name Windows reserves."""
    name = FOLDER_SEPARATOR.join(parts)[:_NAME_CHARS].rstrip(" .")
    return f"{name}_" if name.split(".")[0].casefold() in _RESERVED else name


def write_records(records: Iterable, folder: str | Path) -> list[Path]:
    """Write each `Record` (or its JSON form) to ``folder`` under `record_file_names`.

    Raises
    ------
    ValueError
        Naming the report, when a record does not match the schema; nothing is written then.
    """
    dicts = [r if isinstance(r, dict) else r.to_dict() for r in records]
    for data in dicts:  # all checked before any is written: no half-written folder
        validate_record(data)
    names = record_file_names(d["report"] for d in dicts)
    return [write_record(data, Path(folder) / name) for data, name in zip(dicts, names)]
