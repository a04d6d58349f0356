"""Stage 2 — normalise. Takes a :class:`Source`, gives it back with every ``Line.text`` in NFC,
"Ð" (U+00D0) folded to "Đ", non-breaking and odd spaces folded, CRLF gone; ``Line.raw`` keeps the
original text and ``Line.lineno`` the original line, so findings point into the user's file."""

from __future__ import annotations

from lawscan.model import Source


def normalise(source: Source) -> Source:  # pragma: no cover - filled in
    raise NotImplementedError
