"""Plain text: detect the encoding (charset-normalizer) and decode."""
from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: Path) -> str:
    """Decode bytes to text: a BOM decides, then strict UTF-8, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError(path, "binary file, not text (contains NUL bytes)")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "binary file, not text (no text encoding fits)")
    return str(best)


def read_txt(path: Path, data: bytes) -> str:
    """The text of a .txt report."""
    text = decode(data, path)
    if "\x00" in text:
        raise InputError(path, "binary file, not text (contains NUL characters)")
    return text
