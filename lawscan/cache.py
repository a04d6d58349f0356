"""A content-hash cache of parse results: takes a file path, gives the parsed :class:`Document`
from a previous run when the file's bytes, lawscan's version, its reading/parsing code, the rules
and the reading limits are all unchanged; otherwise parses and stores it.

A document read without a system tool that would read it better (``meta["degraded"]``: scanned
PDF pages with no OCR engine, a .doc converted without LibreOffice) is not stored, so that
installing the tool changes the next run's result.

Entries are data, never code: ``<dir>/<2 hex>/<sha256>.json``, one header line (format version,
length and sha256 of the payload) then the payload, the document as JSON (its lines once, its
units as a flat list pointing at their parent and at their lines). An entry is used only when
its checksum matches and every field has the type and range it must have; otherwise it is
rebuilt, never fatal, never executed (a planted entry can at most make a report lie about that
file; it cannot run code or crash lawscan). Entries larger than :func:`max_entry_bytes` are not
read. A document whose ``meta`` would not come back the same from JSON is not stored.

The limits hold on a hit as on a miss: the input file is read under the reading limits
(``max_bytes``, not a pipe or device) before it is hashed, the limits are part of the key, and a
cached document with more lines than ``max_lines`` is refused; the per-document timeout covers the
cache look-up. The cache folder gets a ``CACHEDIR.TAG``, so that a scan of a folder holding it
(and backup tools) leave it alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from lawscan import __version__
from lawscan.model import KIND_PREFIX, Document, Line, Problem, Unit, display_path

PACKAGE = Path(__file__).resolve().parent
FORMAT = 2  # version of the entry layout
CACHE_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by lawscan (--cache).\n"
             "# For information about cache directory tags, see https://bford.info/cachedir/\n")
_KINDS = set(KIND_PREFIX) | {"root"}
# Document fields kept by their own parts of an entry (the others are plain values, by name)
_STRUCTURAL = {"path", "root", "problems", "lines", "meta", "frozen_counts"}
_SEVERITIES = {"error", "warning", "info"}


@lru_cache(maxsize=1)
def code_key(rules_dirs: tuple[str, ...] = ()) -> str:
    """Hash of everything that decides a parse result: version, reader/parser code, rules."""
    h = hashlib.sha256(__version__.encode())
    roots = [PACKAGE / "read", PACKAGE / "structure", PACKAGE / "normalise.py", PACKAGE / "model.py",
             PACKAGE / "fold.py"]  # the structure stage folds (a law's sector)
    try:
        import lawscan._rules as builtin

        roots.append(Path(builtin.__file__).parent)
    except ImportError:  # pragma: no cover - rules are part of the package
        pass
    roots.extend(Path(d) for d in rules_dirs)
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*")
                                                      if p.is_file() and p.suffix in (".py", ".toml", ".json"))
        for f in files:
            h.update(str(f.name).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def max_entry_bytes(input_bytes: int) -> int:
    """The largest entry read for an input of ``input_bytes`` (1 MiB + 32 times the input): on
    the corpus an entry is at most 4.3 times its input for text, HTML and JSON and 19 times for
    a .docx (its text is unzipped). A larger entry is rebuilt instead of read."""
    return (1 << 20) + 32 * input_bytes


class ParseCache:
    def __init__(self, directory: str | os.PathLike, rules_dirs: tuple[str, ...] = (),
                 limits: dict | None = None):
        from lawscan.read.limits import merge_limits

        self.dir = Path(directory)
        self.limits = merge_limits(limits)
        reading = {k: v for k, v in sorted(self.limits.items()) if k != "timeout"}
        self.key = code_key(tuple(rules_dirs)) + json.dumps(reading, sort_keys=True, default=str)
        self.hits = 0
        self.misses = 0

    def _entry(self, data: bytes, path: str) -> Path:
        digest = hashlib.sha256(data + b"\0" + self.key.encode() + b"\0" + Path(path).suffix.encode())
        name = digest.hexdigest()
        return self.dir / name[:2] / f"{name}.json"

    def holds(self, path: str, data: bytes) -> bool:
        """Whether an entry for ``path`` with these bytes (read under the reading limits) is kept."""
        return self._entry(data, path).is_file()

    def load(self, path: str, loader):
        """``loader(path)`` parses; its result is cached under the content hash of ``path``. The
        file is read under the reading limits first: one that breaks them raises the reader's
        ReadError whether or not it is cached."""
        from lawscan.read.limits import read_bytes

        data = read_bytes(path, self.limits)
        entry = self._entry(data, path)
        doc = self._read(entry, max_entry_bytes(len(data)))
        del data
        if doc is not None:
            self.hits += 1
            doc.path = display_path(str(path))
            return doc
        self.misses += 1
        doc = loader(path)
        if not doc.meta.get("degraded"):  # read without a tool that is missing today: not kept
            self._write(entry, doc)
        return doc

    def _read(self, entry: Path, limit: int) -> Document | None:
        try:
            return read_entry(entry, limit, self.limits)
        except FileNotFoundError:
            return None
        except Exception:  # damaged, planted or from another version: rebuilt, never fatal
            try:
                entry.unlink()
            except OSError:
                pass
            return None

    def _write(self, entry: Path, doc: Document) -> None:
        from lawscan.errors import WriteError
        from lawscan.atomic import AtomicFile

        try:
            if _loads(_dumps(doc.meta)) != doc.meta:  # not plain JSON data (tuples, int keys): not kept
                return
            payload = _dumps(to_data(doc))
            header = {"format": FORMAT, "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
            self._tag()
            target = AtomicFile(entry, parents=True, sync=False)
            try:
                target.write(json.dumps(header).encode() + b"\n" + payload)
                target.commit()
            finally:
                target.discard()
        except (OSError, WriteError, TypeError, ValueError, RecursionError):
            pass  # a cache that cannot be written only costs time

    def _tag(self) -> None:
        tag = self.dir / "CACHEDIR.TAG"
        if not tag.exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            tag.write_text(CACHE_TAG, encoding="ascii")


def read_entry(entry: str | os.PathLike, limit: int | None = None, limits: dict | None = None) -> Document:
    """The document of one cache entry of at most ``limit`` bytes; ValueError (or OSError) when
    it is too large, damaged (checksum) or not what :func:`to_data` writes."""
    from lawscan.read.limits import merge_limits

    with open(entry, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if limit is not None and size > limit:
            raise ValueError("entry too large")
        header = json.loads(fh.readline(512))
        payload = fh.read(size)
    if (not isinstance(header, dict) or header.get("format") != FORMAT
            or header.get("size") != len(payload)
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()):
        raise ValueError("damaged entry")
    return from_data(_loads(payload), merge_limits(limits))


def _dumps(data) -> bytes:
    import orjson

    return orjson.dumps(data)


def _loads(payload: bytes):
    import orjson

    return orjson.loads(payload)


# --------------------------------------------------------------------------- the entry's data

def to_data(doc: Document) -> dict:
    """A parsed document as JSON data: its lines once (a unit's lines are indices), its units as
    a flat list in document order, each pointing at its parent's index."""
    lines = list(doc.lines)
    index = {id(line): i for i, line in enumerate(lines)}
    units, where = [], {}
    for unit in doc.root.walk():
        content = []
        for line in unit.content:
            if id(line) not in index:  # a line kept by a unit only (structured input)
                index[id(line)] = len(lines)
                lines.append(line)
            content.append(index[id(line)])
        where[id(unit)] = len(units)
        units.append([unit.kind, unit.num, unit.heading, unit.eid, unit.line, content, unit.attrs])
    parents = [-1] * len(units)
    for unit in doc.root.walk():
        for child in unit.children:
            parents[where[id(child)]] = where[id(unit)]
    head = {}
    for f in dataclasses.fields(doc):  # the scalar fields by name; a field of another type: not kept
        if f.name not in _STRUCTURAL:
            value = getattr(doc, f.name)
            if value is not None and not isinstance(value, (str, int, bool)):
                raise TypeError(f"Document.{f.name} is not a plain value")
            head[f.name] = value
    return {"doc": head,
            "lines": [[ln.text, ln.lineno, ln.raw] for ln in lines], "doc_lines": len(doc.lines),
            "units": units, "parents": parents,
            "problems": [[p.code, p.message, p.line, p.severity] for p in doc.problems],
            "meta": doc.meta}


def from_data(data, limits: dict) -> Document:
    """The document of :func:`to_data`, every field checked; ValueError when anything is not as
    :func:`to_data` writes it or breaks the limits (``max_lines``)."""
    _check(isinstance(data, dict), "not an object")
    head = data.get("doc")
    scalars = {f.name: f.default for f in dataclasses.fields(Document) if f.name not in _STRUCTURAL}
    _check(isinstance(head, dict) and set(head) == set(scalars), "doc")
    for name, default in scalars.items():
        value = head[name]
        if isinstance(default, bool):
            _check(isinstance(value, bool), name)
        elif isinstance(default, str) or default is dataclasses.MISSING:  # format: a text
            _check(_all(str, value), name)
        else:  # None by default: a text or a number, or nothing
            _check(_opt(str, value) or _opt(int, value), name)
    raw_lines = data.get("lines")
    _check(isinstance(raw_lines, list) and len(raw_lines) <= int(limits["max_lines"]), "lines")
    lines = [_line(item) for item in raw_lines]
    n = data.get("doc_lines")
    _check(isinstance(n, int) and 0 <= n <= len(lines), "doc_lines")
    doc = Document(**{**head, "path": ""}, lines=lines[:n])
    doc.root = _units(data.get("units"), data.get("parents"), lines)
    problems = data.get("problems")
    _check(isinstance(problems, list), "problems")
    for item in problems:
        _check(isinstance(item, list) and len(item) == 4, "problem")
        code, message, line, severity = item
        _check(_all(str, code, message) and _opt(int, line) and severity in _SEVERITIES, "problem")
        doc.problems.append(Problem(code, message, line, severity))
    _check(isinstance(data.get("meta"), dict), "meta")
    doc.meta = data["meta"]
    return doc


def _units(raw, parents, lines: list[Line]) -> Unit:
    _check(isinstance(raw, list) and raw and isinstance(parents, list) and len(parents) == len(raw),
           "units")
    units = []
    for i, (item, parent) in enumerate(zip(raw, parents)):
        _check(isinstance(item, list) and len(item) == 7, "unit")
        kind, num, heading, eid, line, content, attrs = item
        _check(kind in _KINDS and (kind == "root") == (i == 0) and _all(str, num, heading, eid)
               and _opt(int, line) and isinstance(content, list) and isinstance(attrs, dict), "unit")
        _check(all(isinstance(k, int) and 0 <= k < len(lines) for k in content), "unit lines")
        _check(isinstance(parent, int) and (parent == -1 if i == 0 else 0 <= parent < i), "parent")
        unit = Unit(kind=kind, num=num, heading=heading, eid=eid, line=line,
                    content=[lines[k] for k in content], attrs=attrs)
        if i:
            units[parent].children.append(unit)
        units.append(unit)
    return units[0]


def _line(item) -> Line:
    _check(isinstance(item, list) and len(item) == 3, "line")
    text, lineno, raw = item
    _check(isinstance(text, str) and isinstance(lineno, int) and _opt(str, raw), "line")
    return Line(text=text, lineno=lineno, raw=raw)


def _all(kind: type, *values) -> bool:
    return all(isinstance(v, kind) and not isinstance(v, bool) for v in values)


def _opt(kind: type, *values) -> bool:
    return all(v is None or (isinstance(v, kind) and not isinstance(v, bool)) for v in values)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"invalid cache entry: {what}")
