"""A content-hash cache of parse results: takes a file path, gives the parsed :class:`Document`
from a previous run when the file's bytes, lawscan's version, its reading/parsing code and the
rules are all unchanged; otherwise parses and stores it.

A document read without a system tool that would read it better (``meta["degraded"]``: scanned
PDF pages with no OCR engine, a .doc converted without LibreOffice) is not stored, so that
installing the tool changes the next run's result.

Entries are pickles under ``<dir>/<2 hex>/<sha256>.pickle``, written atomically. A corrupt,
truncated or incompatible entry is ignored and rebuilt, never fatal. The cache is the user's own
directory (like pytest's), so loading its pickles is as trusted as running lawscan itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from lawscan import __version__

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_key(rules_dirs: tuple[str, ...] = ()) -> str:
    """Hash of everything that decides a parse result: version, reader/parser code, rules."""
    h = hashlib.sha256(__version__.encode())
    roots = [PACKAGE / "read", PACKAGE / "structure", PACKAGE / "normalise.py", PACKAGE / "model.py"]
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


class ParseCache:
    def __init__(self, directory: str | os.PathLike, rules_dirs: tuple[str, ...] = ()):
        self.dir = Path(directory)
        self.key = code_key(tuple(rules_dirs))
        self.hits = 0
        self.misses = 0

    def _entry(self, data: bytes, path: str) -> Path:
        digest = hashlib.sha256(data + b"\0" + self.key.encode() + b"\0" + Path(path).suffix.encode())
        name = digest.hexdigest()
        return self.dir / name[:2] / f"{name}.pickle"

    def load(self, path: str, loader):
        """``loader(path)`` parses; its result is cached under the content hash of ``path``."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return loader(path)  # let the reader report the problem
        entry = self._entry(data, path)
        doc = self._read(entry)
        if doc is not None:
            self.hits += 1
            doc.path = str(path)
            return doc
        self.misses += 1
        doc = loader(path)
        if not doc.meta.get("degraded"):  # read without a tool that is missing today: not kept
            self._write(entry, doc)
        return doc

    @staticmethod
    def _read(entry: Path):
        try:
            with open(entry, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # corrupt or from an incompatible version: rebuild
            try:
                entry.unlink()
            except OSError:
                pass
            return None

    @staticmethod
    def _write(entry: Path, doc) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(doc, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, entry)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            pass  # a cache that cannot be written only costs time
