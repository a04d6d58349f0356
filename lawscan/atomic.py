"""Atomic file writes: a file lawscan writes (a report, a suggestion, a converted law, a baseline,
a configuration) is either the old file or the complete new one, never half. A shared lower layer:
the reports, the drafting aids, the export and the commands use it; it imports nothing of lawscan.

``atomic_open(path)`` is a context manager giving a binary file; ``atomic_write(path, data)``
writes bytes or text at once; :class:`AtomicFile` is the same for a file written over a long run
(``write`` … ``commit()`` or ``discard()``). All three write a temporary file in the target's
directory, fsync it, ``os.replace`` it over the target and fsync the directory. On any exception the temporary file
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


class AtomicFile:
    """A temporary file next to ``path``, open for binary writing: ``commit()`` puts it in place of
    ``path``; ``discard()`` (or a failed commit) removes it and leaves ``path`` untouched. For a
    report written piece by piece over a long run."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.directory)
        self.fh = os.fdopen(fd, "wb")
        self.done = False

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> Path:
        if self.done:
            return self.path
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.chmod(self.tmp, _target_mode(self.path))
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True
        _fsync_dir(self.directory)
        return self.path

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """Open a temporary file next to ``path`` for binary writing; on success it replaces ``path``."""
    target = AtomicFile(path)
    try:
        yield target.fh
    except BaseException:
        target.discard()
        raise
    target.commit()


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
