"""A table of contents printed as text (a PDF's "MỤC LỤC", one copied into a .txt or .md): found
in a :class:`Source`'s lines and set apart, so that its entries ("Điều 3. Áp dụng Luật Đấu
thầu ......... 2") are not read as a second copy of every heading. Word's own tables of contents
are set apart by the .docx reader (:mod:`lawscan.read.docx.source`); Akoma Ntoso documents have
none in their text.

``set_toc_apart(source)`` takes a Source, removes the lines of each table of contents from
``source.lines`` and adds one info Problem ``read.toc_skipped`` naming the lines removed.

A table of contents is a run of at least ``MIN_ENTRIES`` lines that end (or go on, when the PDF
printed two entries on one line) with a dot leader and a page number (or a leader whose page
number stands alone on the next line), no more than
``MAX_GAP`` lines apart (an entry's title wrapped over lines before its leader, a page number
wrapped onto a line of its own), at least two of them entries of a unit ("Chương …", "Điều …":
``vietnamese.json`` ``unit_labels``). The run starts at the first entry's first line (or the
heading above it, ``toc_titles``: "MỤC LỤC") and ends with the last leader. In Markdown, a
list item that is only a link to an anchor of the page ("- [Điều 1. Phạm vi điều chỉnh](#dieu-1)",
seen in ``Line.raw``) is an entry too, without a leader. A form's dotted lines ("Họ và tên: ..........") end in no page number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.model import Problem, Source

MIN_ENTRIES = 3
MAX_GAP = 3  # lines without a leader between two entries of one table of contents
LEADER_RE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*\d{1,4}(?=\s|$)")
_OPEN_LEADER_RE = re.compile(r"(?:\.{4,}|…{2,})\s*$")  # its page number wrapped onto the next line
_PAGE_RE = re.compile(r"^\d{1,4}$")
_ANCHOR_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[^\]]+\]\(#[^)\s]*\)\s*$")  # "- [Điều 1. …](#dieu-1)"


@lru_cache(maxsize=1)
def _unit_entry_re() -> re.Pattern:
    from lawscan.read.encoding import unit_labels_pattern

    return re.compile(rf"^(?:{unit_labels_pattern()})\s+[\dIVXLC]")  # "Điều 3", "Chương IV": a number


@lru_cache(maxsize=1)
def _toc_titles() -> frozenset[str]:
    from lawscan.read.encoding import vietnamese

    return frozenset(" ".join(t.split()).upper() for t in vietnamese().get("toc_titles", []))


def toc_runs(texts: list[str], raws: list[str] | None = None) -> list[tuple[int, int]]:
    """The (first, last) indexes of the tables of contents among ``texts`` (the lines as read;
    ``raws`` as printed, for Markdown links: see the module docstring)."""
    raws = raws or texts
    leaders = [k for k, text in enumerate(texts) if _has_leader(texts, k)
               or "](#" in raws[k] and _ANCHOR_ITEM_RE.match(raws[k])]
    groups: list[list[int]] = []
    for k in leaders:
        if groups and k - groups[-1][-1] <= MAX_GAP + 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    runs = []
    for group in groups:
        units = sum(1 for k in group if _unit_entry_re().match(texts[k].lstrip("-*+ ")))
        if len(group) >= MIN_ENTRIES and units >= 2:
            last = group[-1] + (_OPEN_LEADER_RE.search(texts[group[-1]]) is not None)
            first = _entry_start(texts, group[0])
            if first > 0 and " ".join(texts[first - 1].split()).upper() in _toc_titles():
                first -= 1  # its heading, "MỤC LỤC"
            runs.append((first, last))
    return runs


def _has_leader(texts: list[str], k: int) -> bool:
    """Line ``k`` ends an entry: a dot leader and a page number, on it or alone on the next."""
    text = texts[k]
    if "...." not in text and "……" not in text and ". . ." not in text:
        return False  # most lines: three substring tests instead of the regexes (0.9 s a corpus)
    if LEADER_RE.search(text):
        return True
    return (_OPEN_LEADER_RE.search(text) is not None and k + 1 < len(texts)
            and _PAGE_RE.match(texts[k + 1]) is not None)


def _entry_start(texts: list[str], leader: int) -> int:
    """The first line of the entry whose leader is on line ``leader``: a unit's label up to
    ``MAX_GAP`` lines above it when its title was wrapped, else the leader's own line."""
    for k in range(leader - 1, max(-1, leader - 1 - MAX_GAP), -1):
        if _has_leader(texts, k):
            break
        if _unit_entry_re().match(texts[k]):
            return k
    return leader


def set_toc_apart(source: Source) -> Source:
    """Remove the tables of contents from ``source.lines`` (see the module docstring)."""
    runs = toc_runs([line.text for line in source.lines], [line.raw or line.text for line in source.lines])
    if not runs:
        return source
    drop = {k for first, last in runs for k in range(first, last + 1)}
    linenos = [source.lines[k].lineno for k in sorted(drop)]
    source.lines = [line for k, line in enumerate(source.lines) if k not in drop]
    source.problems.append(Problem(
        "read.toc_skipped", f"a table of contents was skipped ({len(linenos)} lines, "
        f"{linenos[0]}-{linenos[-1]})", linenos[0], "info"))
    return source
