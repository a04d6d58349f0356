"""Atomic file writes: a report is either the old file or the complete new one, never half.

``atomic_open(path)`` is a context manager giving a binary file; ``atomic_write(path, data)``
writes bytes or text at once. Both write a temporary file in the target's directory, fsync it,
``os.replace`` it over the target and fsync the directory. On any exception the temporary file
is removed and an existing file at ``path`` is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


def _umask() -> int:
    """The process umask, read without changing it (Linux); 0o022 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777  # keep the mode of the file we replace
    except OSError:
        return 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """Open a temporary file next to ``path`` for binary writing; on success it replaces ``path``."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _target_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text is encoded with ``encoding``) to ``path`` atomically."""
    if isinstance(data, str):
        data = data.encode(encoding)
    with atomic_open(path) as fh:
        fh.write(data)
    return Path(path)
