"""Reading input files and writing a command's outputs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..engine.errors import InputError

MAX_INPUT_BYTES = 2 * 1024 * 1024


def read_input(path: Path | str) -> bytes:
    """A file's bytes, or an InputError that says in one line why it cannot be read."""
    name = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(name, 0, 0, "no such file") from None
    except OSError as exc:
        raise InputError(name, 0, 0, f"cannot read: {exc.strerror}") from None
    if p.is_dir():
        raise InputError(name, 0, 0, "is a directory, not a file")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(name, 0, 0, f"file is {st.st_size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    try:
        with open(p, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(name, 0, 0, f"cannot read: {exc.strerror}") from None


def yaml_files(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """The files named, with each folder replaced by the YAML files in it (sorted)."""
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return files


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(str(path), 0, 0, f"folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; a report gets the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
