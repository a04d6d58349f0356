"""Incremental report writers: one document at a time, so a run's memory does not grow with it.

Takes document results and input errors as a scan produces them; gives a report in one format,
written atomically. Every format is one :class:`Writer` subclass (in its own module)::

    writer = open_writer("json", "out/report.json", rules=ruleset.infos(), base_dir=".")
    writer.add_document(dr)      # as each document is done (its number, doc1 …, is its order)
    writer.add_error(input_error)
    writer.add_skipped(skipped_input)   # a file that is not a legal document
    writer.close()               # totals, header, the parked parts; the file replaces the old one
    writer.abort()               # on failure: the temporary file goes, an old report stays

A writer keeps only running counts (:class:`common.Tally`), the input errors and what its format
needs in memory at the end (a few top findings, rule-coverage counts); the per-document parts of
formats whose header needs totals are parked in a :class:`Spool` (a temporary file) and copied
out at close. ``render_result(cls, result, ...)`` gives the whole report of a ScanResult as text
through the same writer, so each format has one implementation.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from lawscan.model import DocumentResult, InputError, RuleInfo, ScanResult, SkippedInput
from lawscan.report import common


class Spool:
    """Text parked in a temporary file (kept in memory while small), read back at close."""

    MAX_MEMORY = 1 << 20

    def __init__(self):
        self._file = tempfile.SpooledTemporaryFile(max_size=self.MAX_MEMORY, mode="w+",
                                                   encoding="utf-8", newline="\n")
        self.count = 0  # items added (see add)

    def write(self, text: str) -> None:
        self._file.write(text)

    def add(self, text: str, sep: str = ",\n") -> None:
        """Append one item, ``sep`` before every item but the first."""
        self._file.write(sep + text if self.count else text)
        self.count += 1

    def copy_to(self, write: Callable[[str], object]) -> None:
        self._file.seek(0)
        while chunk := self._file.read(1 << 16):
            write(chunk)
        self._file.seek(0, io.SEEK_END)

    def lines(self) -> Iterable[str]:
        """The parked text line by line (lines split on "\\n" only), without the newlines."""
        self._file.seek(0)
        for line in self._file:
            yield line[:-1] if line.endswith("\n") else line
        self._file.seek(0, io.SEEK_END)

    def close(self) -> None:
        self._file.close()


class _Output:
    """Where a report goes: a path (written atomically), "-" (standard output) or a text stream."""

    def __init__(self, target, fmt: str):
        self.atomic = None
        if hasattr(target, "write"):
            self.stream = target
        elif str(target) == "-":
            self.stream = sys.stdout
        else:
            from lawscan.report import default_filename
            from lawscan.atomic import AtomicFile

            path = Path(target)
            if path.is_dir() or str(target).endswith(("/", os.sep)):
                path = path / default_filename(fmt)
            self.atomic = AtomicFile(path, parents=True)
            self.stream = None
        self.path = self.atomic.path if self.atomic else Path("-")

    def write(self, text: str) -> None:
        if self.atomic is not None:
            self.atomic.write(text.encode("utf-8"))
        else:
            self.stream.write(text)

    def flush(self) -> None:
        if self.atomic is None and hasattr(self.stream, "flush"):
            self.stream.flush()

    def commit(self) -> None:
        if self.atomic is not None:
            self.atomic.commit()
        else:
            self.flush()

    def discard(self) -> None:
        if self.atomic is not None:
            self.atomic.discard()


class Writer:
    """Base of the format writers. A subclass implements ``start()`` (once, at open),
    ``document(entry)`` (a :class:`common.DocEntry`) and ``finish()`` (at close; ``self.tally``,
    ``self.errors`` and ``self.rules`` are complete then). It writes text with ``self.write``."""

    fmt = ""

    def __init__(self, out, *, rules: Iterable[RuleInfo] = (), tool_version: str = "",
                 base_dir: str | os.PathLike | None = None, **options):
        self.base_dir = base_dir
        self.tool_version = tool_version or _version()
        self.rules: dict[str, RuleInfo] = {r.id: r for r in rules}
        self.options = options
        self.tally = common.Tally()
        self.errors: list[InputError] = []
        self.skipped: list[SkippedInput] = []  # files that are not legal documents
        self.count = 0
        self.closed = False
        self._spools: list[Spool] = []
        self._out = _Output(out, self.fmt)
        self.path = self._out.path
        try:
            self.start()
        except BaseException:
            self.abort()
            raise

    # --- the interface -----------------------------------------------------------------------
    def add_document(self, dr: DocumentResult) -> None:
        self.count += 1
        common.add_unknown_rules(self.rules, dr)
        self.tally.add_document(dr)
        self.document(common.entry(self.count, dr, self.base_dir))

    def add_error(self, error: InputError) -> None:
        self.errors.append(error)
        self.tally.add_error(error)

    def add_skipped(self, skipped: SkippedInput) -> None:
        """A file of the run that is not a legal document: named once in the summary."""
        self.skipped.append(skipped)
        self.tally.add_skipped(skipped)

    def close(self) -> Path:
        """Finish the report and put it in place; returns the path written ("-" for a stream)."""
        if self.closed:
            return self.path
        try:
            self.finish()
            self._out.commit()
        except BaseException:
            self.abort()
            raise
        self.closed = True
        self._close_spools()
        return self.path

    def abort(self) -> None:
        """Give up: the temporary file is removed and any old report is left as it was."""
        if self.closed:
            return
        self.closed = True
        self._out.discard()
        self._close_spools()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.close()
        else:
            self.abort()
        return False

    # --- for subclasses ------------------------------------------------------------------------
    def start(self) -> None:
        pass

    def document(self, entry: common.DocEntry) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def write(self, text: str) -> None:
        self._out.write(text)

    def flush(self) -> None:
        self._out.flush()

    def spool(self) -> Spool:
        s = Spool()
        self._spools.append(s)
        return s

    def sorted_rules(self) -> dict[str, RuleInfo]:
        return dict(sorted(self.rules.items()))

    def sorted_errors(self) -> list[InputError]:
        return common.sort_errors(self.errors)

    def sorted_skipped(self) -> list[SkippedInput]:
        return common.sort_skipped(self.skipped)

    def summary(self) -> dict:
        return self.tally.summary()

    def _close_spools(self) -> None:
        for s in self._spools:
            s.close()
        self._spools = []


def dumps_pretty(data) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text, by orjson (the standard
    library's encoder has no C path when it indents: ~13x slower on a corpus of parse trees)."""
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode("utf-8")


def pad(text: str, width: int) -> str:
    """Every line of ``text`` indented by ``width`` spaces (lines split on "\\n" only)."""
    prefix = " " * width
    return prefix + text.replace("\n", "\n" + prefix)


def write_json(write: Callable[[str], object], data: dict, holes: dict[str, Spool]) -> None:
    """``json.dumps(data, indent=2)`` followed by a newline, where each one-item list
    ``[marker]`` in ``data`` stands for the items parked in ``holes[marker]`` (already indented
    and joined with ",\\n"). ``data`` must hold an empty list instead for a spool without items."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    pos = 0
    for marker, spool in holes.items():
        quoted = json.dumps(marker)
        at = text.index(quoted, pos)
        line_start = text.rindex("\n", 0, at) + 1
        write(text[pos:line_start])
        spool.copy_to(write)
        pos = at + len(quoted)
    write(text[pos:])


def render_result(cls: type[Writer], result: ScanResult, **options) -> str:
    """The whole report of ``result`` as text, through the format's writer: documents in report
    order (by path), then the input errors."""
    buf = io.StringIO()
    writer = cls(buf, rules=common.rules_by_id(result).values(), tool_version=result.tool_version,
                 **options)
    feed(writer, result)
    return buf.getvalue()


def feed(writer: Writer, result: ScanResult) -> None:
    """Give a whole ScanResult to ``writer`` and close it."""
    try:
        for dr in common.ordered(result):
            writer.add_document(dr)
        for err in result.errors:
            writer.add_error(err)
        for skipped in result.skipped:
            writer.add_skipped(skipped)
    except BaseException:
        writer.abort()
        raise
    writer.close()


def _version() -> str:
    from lawscan import __version__

    return __version__
