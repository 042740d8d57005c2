"""Atomic writes: a temporary file in the target folder, then a rename, so an interrupted
run never leaves a half-written output."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; parent folders are created."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes owner-only files; outputs are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 text with LF line ends to ``path`` atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def check_output_folder(path: str | Path) -> None:
    """Raise ``ValueError`` when ``path`` cannot be made an output folder: it, or a folder
    above it, is a file. Called before a run, so a slip in ``--out`` costs no analysis."""
    for folder in _up_to_existing(Path(path)):
        if not folder.is_dir():
            raise ValueError(f"{folder}: is a file, not a folder; the output must go to a folder.")


def check_output_file(path: str | Path) -> None:
    """Raise ``ValueError`` when ``path`` cannot be written as a file: it is a folder, or a
    folder above it is a file."""
    path = Path(path)
    if path.is_dir():
        raise ValueError(f"{path}: is a folder; give the name of a file to write.")
    check_output_folder(path.parent)


def _up_to_existing(path: Path) -> list[Path]:
    """The first of ``path`` and the folders above it that exists (none when none does)."""
    return [p for p in (path, *path.parents) if p.exists()][:1]
