"""Many lines searched as one string. A Python loop over a document's lines (a law has thousands,
the corpus a hundred thousand) costs more than one C-level search - ``str.find``, a regex - of
the lines joined together; these helpers join the lines and give each match back to its line.
Used by the analysis scan, the rules' context and the reference extractor.

* ``join(texts, sep)`` -> (the texts joined by the one-character ``sep``, the offset where each
  text starts), or None when a text holds ``sep`` itself (a match could then span two texts);
* ``lines_with(joined, starts, what)`` -> the indices of the texts holding a match of ``what`` (a
  plain string, or a compiled regex searched in the joined text), each once, in order: after a
  match the search goes on from the start of the next text.
"""

from __future__ import annotations

import bisect
import itertools
import re


def join(texts: list[str], sep: str = "\0") -> tuple[str, list[int]] | None:
    """The texts joined by ``sep`` and the offset of each, or None if a text holds ``sep``."""
    assert len(sep) == 1
    joined = sep.join(texts)
    if joined.count(sep) != max(len(texts) - 1, 0):
        return None
    return joined, list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []


def lines_with(joined: str, starts: list[int], what: str | re.Pattern) -> list[int]:
    """The indices of the texts (starting at ``starts`` in ``joined``) that hold a match of
    ``what``, in order. A match is counted for the text it starts in: ``what`` should not be
    able to match the separator (a phrase without it, a regex that cannot cross it)."""
    if not starts:  # no text at all
        return []
    if isinstance(what, str):
        def first_at(pos: int) -> int:
            return joined.find(what, pos)
    else:
        def first_at(pos: int) -> int:
            m = what.search(joined, pos)
            return -1 if m is None else m.start()
    found: list[int] = []
    last = len(starts) - 1
    pos = first_at(0)
    while pos != -1:
        k = bisect.bisect_right(starts, pos) - 1
        found.append(k)
        if k == last:
            break
        pos = first_at(starts[k + 1])
    return found
