"""Atomic file writes: a file lawscan writes (a report, a suggestion, a converted law, a baseline,
a configuration, a cache entry) is either the old file or the complete new one, never half, and a
write never destroys what is not lawscan's to replace. A shared lower layer: the reports, the
drafting aids, the export, the cache and the commands use it; of lawscan it imports only
lawscan.errors.

``atomic_open(path)`` is a context manager giving a binary file; ``atomic_write(path, data)``
writes bytes or text at once; :class:`AtomicFile` is the same for a file written over a long run
(``write`` … ``commit()`` or ``discard()``). All three write a temporary file in the target's
directory, fsync it, ``os.replace`` it over the target and fsync the directory. On any exception the
temporary file is removed and an existing file at ``path`` is left untouched.

What is refused, as a :class:`lawscan.errors.WriteError` naming the path and the reason (checked when
the file is opened and again just before the rename): a target that exists and is not a regular
file (a device such as /dev/null, a named pipe, a socket, a directory) — the rename would replace
it with a regular file; a folder that cannot be created or written. ``check_not_input(path,
inputs)`` refuses a target that is one of the run's input files. Any other OSError on the way
(a full disk) is a WriteError too.

Temporary files are named ``.<name>.lawscan-<pid>-<random>.tmp``. An interrupted run removes its
own (the command line calls :func:`discard_all`, whatever step the interrupt came at). A run killed
outright (SIGKILL, out of memory) cannot; the next write to the same target removes those whose
process is gone, so they do not pile up.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
from pathlib import Path
from typing import IO, Iterable, Iterator

from lawscan.errors import WriteError

TMP_TAG = ".lawscan-"


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


def check_target(path: str | os.PathLike) -> None:
    """Raise WriteError unless ``path`` is absent or a regular file (links are followed: a link
    to /dev/null is refused like /dev/null)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:  # e.g. a file where a folder should be ("afile/x.json")
        raise WriteError(path, f"cannot write there: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise WriteError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(path, "not a regular file (a device, pipe or socket); lawscan writes only "
                               "regular files (leave out -o to write to standard output)")


def check_not_input(path: str | os.PathLike, inputs: Iterable[tuple[int, int]]) -> None:
    """Raise WriteError when ``path`` exists and is one of ``inputs`` ((device, inode) pairs of
    the run's input files)."""
    try:
        st = os.stat(path)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in set(inputs):
        raise WriteError(path, "is an input of this run; lawscan never writes over an input "
                               "(choose another output file)")


def make_parents(path: str | os.PathLike) -> None:
    """Create the folders above ``path``; WriteError when they cannot be."""
    parent = Path(path).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(path, f"cannot create the folder {parent}: {exc.strerror}") from None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _sweep(directory: Path, prefix: str) -> None:
    """Remove temporary files ``prefix<pid>-*.tmp`` left by processes that no longer exist."""
    for tmp in glob.glob(os.path.join(glob.escape(str(directory)), glob.escape(prefix) + "*.tmp")):
        pid = Path(tmp).name[len(prefix):].partition("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# the temporary files of this process not yet put in place or removed: an interrupt can come
# between two steps of any caller, and the command line removes what is left (discard_all)
_LIVE: set[str] = set()


def discard_all() -> None:
    """Remove every temporary file this process made and has not put in place or removed yet (the
    last step of an interrupted run: Ctrl-C or SIGTERM may come at any point of a write)."""
    for tmp in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _LIVE.discard(tmp)


def _create(directory: Path, prefix: str, path: Path) -> tuple[str, IO[bytes]]:
    """A new temporary file ``<prefix><random>.tmp`` in ``directory``, open for binary writing,
    made with O_EXCL under a name chosen first and known to :func:`discard_all` from the moment
    it exists."""
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = str(directory / f"{prefix}{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o600)
            _LIVE.add(tmp)
            return tmp, os.fdopen(fd, "wb")
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(path, f"cannot write there: {exc.strerror}") from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            _LIVE.discard(tmp)
            raise
    raise WriteError(path, "cannot find a free temporary name")


class AtomicFile:
    """A temporary file next to ``path``, open for binary writing: ``commit()`` puts it in place of
    ``path``; ``discard()`` (or a failed commit) removes it and leaves ``path`` untouched. For a
    report written piece by piece over a long run. ``parents``: create missing folders; ``sync``:
    fsync the file and its folder (off for a cache entry, which is checked when read)."""

    def __init__(self, path: str | os.PathLike, parents: bool = False, sync: bool = True):
        self.path = Path(path)
        self.sync = sync
        self.directory = self.path.parent if str(self.path.parent) else Path(".")
        check_target(self.path)
        if parents:
            make_parents(self.path)
        prefix = f".{self.path.name[:100]}{TMP_TAG}"
        _sweep(self.directory, prefix)
        self.tmp, self.fh = _create(self.directory, f"{prefix}{os.getpid()}-", self.path)
        self.done = False

    def write(self, data: bytes) -> None:
        try:
            self.fh.write(data)
        except OSError as exc:
            raise WriteError(self.path, f"cannot write: {exc.strerror}") from None

    def commit(self) -> Path:
        if self.done:
            return self.path
        try:
            self.fh.flush()
            if self.sync:
                os.fsync(self.fh.fileno())
            self.fh.close()
            os.chmod(self.tmp, _target_mode(self.path))
            check_target(self.path)  # nothing else took the place meanwhile
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise WriteError(self.path, f"cannot write: {exc.strerror}") from None
        except BaseException:
            self.discard()
            raise
        self.done = True
        _LIVE.discard(self.tmp)
        if self.sync:
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
        _LIVE.discard(self.tmp)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, parents: bool = False) -> Iterator[IO[bytes]]:
    """Open a temporary file next to ``path`` for binary writing; on success it replaces ``path``."""
    target = AtomicFile(path, parents)
    try:
        yield target.fh
    except BaseException:  # the caller's failure (a full disk, an interrupt): the old file stays
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


def atomic_write(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8",
                 parents: bool = False) -> Path:
    """Write ``data`` (text is encoded with ``encoding``) to ``path`` atomically."""
    if isinstance(data, str):
        data = data.encode(encoding)
    with atomic_open(path, parents) as fh:
        fh.write(data)
    return Path(path)
