"""Stage 3 — structure. Takes a normalised :class:`Source`, gives a :class:`Document` with the
metadata (title, number, year, kind) and the tree Phần › Chương › Mục › Tiểu mục › Điều › khoản ›
điểm. Never refuses: always a tree plus ``problems``."""

from __future__ import annotations

from lawscan.model import Document, Source


def parse_source(source: Source) -> Document:  # pragma: no cover - filled in
    raise NotImplementedError
