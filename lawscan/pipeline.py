"""The pipeline for one file: read -> normalise -> structure (-> graph -> analyse -> rules).

``load_document(path)`` gives a :class:`Document` or raises :class:`ReadError`;
``iter_inputs(paths)`` walks directories (sorted, symlink loops and unreadable entries reported)
and yields the files to read, formats being recognised later by content.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from lawscan.errors import ReadError
from lawscan.model import Document, InputError

# Files we never try to read when walking a directory (explicitly named files are always read).
# A .pdf is read like any other input (text layer, OCR of scanned pages: lawscan.read.pdf).
SKIP_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".pyc", ".lock", ".sarif"}
SKIP_DIRS = {".git", "__pycache__", ".lawscan-cache", "node_modules", ".venv", "venv"}
# A folder's own documentation is not a law (explicitly named files are always read).
SKIP_NAMES = ("readme", "license", "licence", "changelog", "contributing")


def load_document(path: str | os.PathLike, limits: dict | None = None) -> Document:
    """Read, normalise and parse one file, and tell its sector (``structure.sector``)."""
    from lawscan.normalise import normalise
    from lawscan.read import read_source
    from lawscan.structure import parse_source
    from lawscan.structure.sector import document_sector

    source = normalise(read_source(str(path), limits))
    if source.document is not None:  # structured input (Akoma Ntoso): the reader built the tree
        doc = source.document
        doc.lines = source.lines
        doc.problems[:0] = source.problems
    else:
        doc = parse_source(source)
    doc.sector = document_sector(doc)
    return doc


@contextmanager
def gc_per_document() -> Iterator[None]:
    """Pause the cyclic garbage collector while one document is processed, then collect the
    young generations once. A document makes a few hundred thousand small objects (lines, units,
    hits) that reference counting frees; the collector, left running, walks the survivors again
    at every threshold (about a tenth of the scan). The collector's state is restored."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def iter_documents(paths: Iterable[str | os.PathLike], errors: list[InputError],
                   report=None, exclude: Iterable[str] = ()) -> Iterator[Document]:
    """Load every input file under ``paths``, one document at a time. Files that cannot be read,
    and walk problems, go to ``errors`` (and to ``report(error)`` as they happen)."""
    reported = 0

    def flush() -> None:
        nonlocal reported
        if report is not None:
            for err in errors[reported:]:
                report(err)
        reported = len(errors)

    for path in iter_inputs(paths, exclude, errors):
        flush()
        try:
            with gc_per_document():
                doc = load_document(path)
        except ReadError as exc:
            errors.append(read_error(exc))
        else:
            yield doc
        flush()
    flush()


def iter_inputs(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = (),
                errors: list[InputError] | None = None) -> Iterator[str]:
    """Yield input files under ``paths`` in a stable order, each file once (a folder given beside
    its parent, or a file named twice, is not scanned twice). Problems (missing path, unreadable
    directory, symlink loop) are appended to ``errors`` instead of raising."""
    import fnmatch

    errors = errors if errors is not None else []
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
            errors.append(InputError(str(raw), "no such file or directory", "input.missing"))
            continue
        if p.is_file():
            if not excluded(p) and first_time(str(p)):
                yield str(p)
            continue
        if not p.is_dir():
            errors.append(InputError(str(raw), "not a regular file or directory (broken link?)",
                                     "input.missing"))
            continue
        seen: set[tuple[int, int]] = set()
        yield from filter(first_time, _walk(p, seen, excluded, errors))


def _walk(top: Path, seen: set, excluded, errors: list[InputError]) -> Iterator[str]:
    try:
        st = top.stat()
    except OSError as exc:
        errors.append(InputError(str(top), f"cannot read directory: {exc.strerror}", "input.unreadable"))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        errors.append(InputError(str(top), "symbolic link loop: directory already visited", "input.loop"))
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        errors.append(InputError(str(top), f"cannot read directory: {exc.strerror}", "input.unreadable"))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or excluded(path):
            continue
        try:
            is_dir = entry.is_dir()  # follows links; loops are caught by the (dev, inode) set
            is_file = entry.is_file()
        except OSError as exc:
            errors.append(InputError(str(path), f"cannot stat: {exc.strerror}", "input.unreadable"))
            continue
        if is_dir:
            if entry.name not in SKIP_DIRS:
                yield from _walk(path, seen, excluded, errors)
        elif is_file:
            if path.suffix.lower() not in SKIP_SUFFIXES and not path.stem.lower().startswith(SKIP_NAMES):
                yield str(path)
        elif entry.is_symlink():
            errors.append(InputError(str(path), "broken symbolic link", "input.missing"))


def read_error(exc: ReadError) -> InputError:
    return InputError(exc.path, exc.reason, exc.code)
