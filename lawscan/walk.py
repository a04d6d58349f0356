"""The files a run reads: takes the paths given on the command line, gives the input files in a
stable order, with the problems met on the way (:class:`InputError`) and the files left out on
purpose (:class:`SkippedInput`).

* A path given by name is read (a symbolic link given by name is followed: the user named it).
  Each file is read once (a folder given beside its parent, or a file named twice, is not
  scanned twice).
* A folder is walked in name order. Left out without a word: names starting with ".", folders
  such as ``.git`` or ``node_modules`` (:data:`SKIP_DIRS`), folders holding a ``CACHEDIR.TAG``
  (lawscan's ``--cache`` folders carry one, as other tools' caches do), files that cannot hold
  a law (:data:`SKIP_SUFFIXES`) and a folder's own README / LICENSE, and ``--exclude`` globs.
* Left out and named (a :class:`SkippedInput`, reasons in ``data/skipped.toml``): lawscan's own
  outputs, recognised by their content (:mod:`lawscan.read.own`), wherever they are, given by
  name or met in a folder; symbolic links that lead out of the folder being walked, which
  are never followed (a link in a scanned folder must not make lawscan quote a file from
  elsewhere); and named pipes, sockets and devices met in a folder, never opened (given by
  name, each is an error that says what it is).
* Errors: a path that does not exist, a folder that cannot be read, a symbolic link loop, a
  broken link, a folder given that holds nothing to scan (an empty run is more often a wrong
  path than good news).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from lawscan.model import InputError, SkippedInput, display_path
from lawscan.skipped import skipped

# Files we never try to read when walking a directory (explicitly named files are always read).
# A .pdf is read like any other input (text layer, OCR of scanned pages: lawscan.read.pdf).
SKIP_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".pyc", ".lock", ".sarif",
                 ".graphml", ".dot", ".gv"}
SKIP_DIRS = {".git", "__pycache__", ".lawscan-cache", "node_modules", ".venv", "venv"}
# A folder's own documentation is not a law (explicitly named files are always read).
SKIP_NAMES = ("readme", "license", "licence", "changelog", "contributing")
CACHE_TAG = "CACHEDIR.TAG"  # https://bford.info/cachedir/ : a folder of cached data, not input


@dataclass
class Inputs:
    """What :func:`collect_inputs` gives."""

    files: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)

    def ids(self) -> set[tuple[int, int]]:
        """(device, inode) of every input file: what no output of the run may replace."""
        out = set()
        for path in self.files:
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.add((st.st_dev, st.st_ino))
        return out


def collect_inputs(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = ()) -> Inputs:
    """Every input file under ``paths`` (see the module docstring)."""
    inputs = Inputs()
    inputs.files = list(iter_inputs(paths, exclude, inputs.errors, inputs.skipped))
    return inputs


def iter_inputs(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = (),
                errors: list[InputError] | None = None,
                skipped: list[SkippedInput] | None = None) -> Iterator[str]:
    """Yield input files under ``paths`` in a stable order; problems go to ``errors``, files left
    out on purpose to ``skipped`` (see the module docstring)."""
    errors = errors if errors is not None else []
    skipped = skipped if skipped is not None else []
    patterns = list(exclude)
    given: set[str] = set()

    def first_time(path: str) -> bool:
        real = os.path.realpath(path)
        if real in given:
            return False
        given.add(real)
        return True

    def excluded(p: Path) -> bool:
        s = p.as_posix()
        return any(fnmatch.fnmatch(s, pat) or fnmatch.fnmatch(p.name, pat)
                   or fnmatch.fnmatch(s, f"*/{pat}") for pat in patterns)

    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            why = ("standard input is not read: give the path of the file (lawscan reads a law's "
                   "format from its file)") if str(raw) == "-" else "no such file or directory"
            errors.append(InputError(display_path(raw), why, "input.missing"))
            continue
        if p.is_file():
            if not excluded(p) and first_time(str(p)) and not _own_output(p, skipped):
                yield str(p)
            continue
        if not p.is_dir():
            kind = special_kind(p)
            errors.append(InputError(display_path(raw), f"{kind}, not a regular file: not read" if kind
                                     else "broken symbolic link", "input.missing"))
            continue
        walk = _Walk(os.path.realpath(p), excluded, errors, skipped)
        found = 0
        for path in walk.files(p):
            found += 1
            if first_time(path):
                yield path
        if not found and not walk.problems:
            errors.append(InputError(display_path(raw), "no files to scan in this folder (empty, or every "
                                               "file excluded or skipped)", "input.nothing"))


class _Walk:
    """One folder given on the command line, walked in name order."""

    def __init__(self, top: str, excluded, errors: list[InputError], skipped: list[SkippedInput]):
        self.top = top
        self.excluded = excluded
        self.errors = errors
        self.skipped = skipped
        self.seen: set[tuple[int, int]] = set()
        self.problems = 0  # errors and skipped files met in this folder

    def error(self, path: Path, message: str, code: str) -> None:
        self.problems += 1
        self.errors.append(InputError(display_path(path), message, code))

    def inside(self, path: Path) -> bool:
        real = os.path.realpath(path)
        return real == self.top or real.startswith(self.top.rstrip(os.sep) + os.sep)

    def files(self, folder: Path) -> Iterator[str]:
        try:
            st = folder.stat()
        except OSError as exc:
            self.error(folder, f"cannot read directory: {exc.strerror}", "input.unreadable")
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen:
            self.error(folder, "symbolic link loop: directory already visited", "input.loop")
            return
        self.seen.add(key)
        if (folder / CACHE_TAG).is_file():
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.error(folder, f"cannot read directory: {exc.strerror}", "input.unreadable")
            return
        for entry in entries:
            yield from self.entry(entry)

    def entry(self, entry: os.DirEntry) -> Iterator[str]:
        path = Path(entry.path)
        if entry.name.startswith(".") or self.excluded(path):
            return
        try:
            link = entry.is_symlink()
            is_dir = entry.is_dir()  # follows links; loops are caught by the (dev, inode) set
            is_file = entry.is_file()
        except OSError as exc:
            self.error(path, f"cannot stat: {exc.strerror}", "input.unreadable")
            return
        if link and (is_dir or is_file) and not self.inside(path):
            self.problems += 1
            self.skipped.append(skipped(display_path(path), "link_outside"))
        elif is_dir:
            if entry.name not in SKIP_DIRS:
                yield from self.files(path)
        elif is_file:
            if path.suffix.lower() not in SKIP_SUFFIXES and not path.stem.lower().startswith(SKIP_NAMES):
                if _own_output(path, self.skipped):
                    self.problems += 1
                else:
                    yield str(path)
        elif special_kind(path):  # never opened: a named pipe would wait for a writer for ever
            self.problems += 1
            self.skipped.append(skipped(display_path(path), "not_regular"))
        elif link:
            self.error(path, "broken symbolic link", "input.missing")


def special_kind(path: Path) -> str | None:
    """"a named pipe", "a socket" or "a device" for such a file (a link followed), else None."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def _own_output(path: Path, left_out: list[SkippedInput]) -> bool:
    """Whether ``path`` is one of lawscan's own outputs (then named in ``left_out``)."""
    from lawscan.read.own import lawscan_output, read_marks

    try:  # O_NONBLOCK: a named pipe put in place of the file must not block the walk
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return False  # the reader will say what is wrong
    try:
        head, tail = read_marks(fd)
    except OSError:
        return False
    finally:
        os.close(fd)
    if lawscan_output(head, tail) is None:
        return False
    left_out.append(skipped(display_path(path), "lawscan_output"))
    return True
