"""The pipeline for one file: read -> normalise -> structure (-> graph -> analyse -> rules).

``load_document(path)`` gives a :class:`Document` or raises :class:`ReadError`;
``iter_inputs(paths)`` (:mod:`lawscan.walk`) walks directories and yields the files to read,
formats being recognised later by content.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterable, Iterator

from lawscan.bounds import bound_problems
from lawscan.errors import ReadError
from lawscan.model import Document, InputError, display_path

from lawscan.walk import SKIP_DIRS, SKIP_NAMES, SKIP_SUFFIXES, iter_inputs  # noqa: F401 (re-exported)


def load_document(path: str | os.PathLike, limits: dict | None = None,
                  batches: str | None = None) -> Document:
    """Read, normalise and parse one file, and tell its sector (``structure.sector``).
    ``batches``: the folder of the run's office conversions (lawscan.read.office_batch)."""
    from lawscan.normalise import normalise
    from lawscan.read import read_source
    from lawscan.structure import parse_source
    from lawscan.structure.metadata import names_spelt
    from lawscan.structure.sector import document_sector

    source = normalise(read_source(str(path), limits, batches))
    if source.document is not None:  # structured input (Akoma Ntoso): the reader built the tree
        doc = source.document
        doc.lines = source.lines
        doc.problems[:0] = source.problems
        if doc.doc_kind != "foreign":
            doc.title = names_spelt(doc.title, doc.lines)
    else:
        doc = parse_source(source)
    doc.sector = document_sector(doc)
    doc.path = display_path(doc.path)
    doc.problems = bound_problems(doc.problems)
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
                   report=None, exclude: Iterable[str] = (),
                   skipped: list | None = None) -> Iterator[Document]:
    """Load every input file under ``paths``, one document at a time. Files that cannot be read,
    and walk problems, go to ``errors`` (and to ``report(error)`` as they happen); files left
    out on purpose (lawscan's own outputs, links out of a folder) to ``skipped``."""
    reported = 0

    def flush() -> None:
        nonlocal reported
        if report is not None:
            for err in errors[reported:]:
                report(err)
        reported = len(errors)

    for path in iter_inputs(paths, exclude, errors, skipped):
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


def read_error(exc: ReadError) -> InputError:
    return InputError(exc.path, exc.reason, exc.code)
