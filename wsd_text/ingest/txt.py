"""Plain text: detect the encoding (BOM, UTF-8, UTF-16 without BOM, charset-normalizer) and decode."""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError
from .formats import Extracted, looks_like_html, sniff

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# A decoded text with more than this share of control or unassigned characters is binary data
# that some 8-bit code page happened to "decode".
_MAX_JUNK_SHARE = 0.02
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode(data: bytes, path: Path, declared: str | None = None) -> str:
    """Decode bytes to text.

    A BOM decides first, then strict UTF-8, then UTF-16 recognised by its zero bytes, then an
    encoding the file declares (HTML ``<meta charset>``), then charset-normalizer's guess.
    Raises `InputError` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), path)
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), path)
    if b"\x00" in data:
        raise InputError(path, "binary file, not text (contains NUL bytes)")
    if declared:
        try:
            return _checked(data.decode(declared), path)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall back to guessing
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "binary file, not text (no text encoding fits)")
    return _checked(str(best), path)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def read_txt(path: Path, data: bytes) -> Extracted:
    """The text of a .txt report."""
    kind = sniff(data)
    if kind:
        raise InputError(path, f"not a text file: it is {kind}; give it the right extension")
    text = decode(data, path)
    if looks_like_html(text):
        return Extracted(text, warnings=("the .txt file holds HTML markup; read as plain text",))
    return Extracted(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte is zero, as in mostly-Latin UTF-16."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, path: Path) -> str:
    """The text, unless it is mostly control characters (binary data decoded by luck)."""
    if "\x00" in text:
        raise InputError(path, "binary file, not text (contains NUL characters)")
    sample = text[:20000]
    junk = sum(count for ch, count in Counter(sample).items()  # each distinct character once
               if ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Co", "Cn") or ch == "\ufffd")
    if sample and junk / len(sample) > _MAX_JUNK_SHARE:
        raise InputError(path, f"binary file, not text ({junk / len(sample):.0%} control or undecodable characters)")
    return text
