"""Stage 1 — read. Takes a path, gives a :class:`lawscan.model.Source`.

``read_source(path)`` recognises the format by content (not only the extension) and hands the
file to one reader module: ``text`` (txt/md), ``html`` (vbpl.vn, thuvienphapluat.vn, other),
``docx``, ``jsonrec`` (JSON records), ``akn`` (Akoma Ntoso 2.0/3.0). Bad input raises
:class:`lawscan.errors.ReadError` with a one-line reason; nothing else escapes.
"""

from __future__ import annotations

from lawscan.model import Source


def read_source(path: str, limits: "dict | None" = None) -> Source:  # pragma: no cover - filled in
    raise NotImplementedError
