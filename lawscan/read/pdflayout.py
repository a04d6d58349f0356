"""From the printed lines of a PDF's pages to the lines of the text: what the page layout added
is taken off, what it split is joined back. Used by :mod:`lawscan.read.pdf` (text layer and OCR
alike); knows nothing of PDF files.

Takes a list of :class:`Page` (each with its :class:`PageLine` s in reading order: text, left and
right edges, distance of the line's top from the top of the page, font size, superscript note
marks already taken off the text) and gives a :class:`Layout`:

* ``lines``: the text lines, ``(text, lineno, raw)``. ``lineno`` numbers the printed lines of the
  body from the first page on, running headers, page numbers and footnotes not counted; a line
  joined from several printed lines has the number of its first. ``raw`` is the printed lines as
  they were, joined by "\\n".
* ``page_starts``: ``page_starts[k]`` is the number of the first body line of page ``k + 1`` (the
  number the next body line would get when the page has none): the table that turns a line
  number into "trang 3, dòng 12".
* ``footnotes``: ``{"id", "text", "kind": "footnote", "page"}`` for the notes printed at the foot
  of the pages (consolidated texts name the amending acts there).
* ``headers``: how many running header and footer lines (Gazette headers "CÔNG BÁO/Số 1523 +
  1524/Ngày 29-12-2024 3", page numbers) were removed.

What it does, in order:

0. Lines a superscript note mark split are put back together, and a mark the PDF printed as a
   line of its own goes to its line's marks (see ``mend_lines``).
1. Running headers and footers: a line in the top or bottom 7% of a page is removed when it is a
   page number ("3", "- 3 -", "Trang 3") or when its shape (digits taken as one sign) is printed
   in that band on at least a third of the pages (two pages at least); a line anywhere on the
   page is removed when it has the shape of the Official Gazette's header (``vietnamese.json``,
   ``running_headers``: on landscape pages the header is printed up the side), and the first
   line of a page's body when it is the heading of one of the Gazette's own sections
   (``gazette_sections``: "PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", not a Phần of the document).
2. Footnotes: at the foot of a page, lines printed smaller than the body text (at most 88% of the
   body's font size) from a line that starts with the next note's number ("1 Luật Bảo hiểm xã hội
   số 41/2024/QH15 ...") are notes, when that number is a superscript mark taken off a line of the
   same page's body (so the small print of a table or a form is not taken for notes); small lines
   that follow a note without a number of their own continue it, also at the foot of the next
   page. OCR'd pages have no marks: their notes stay in the text.
3. Lines wrapped by the layout are joined. A line is continued by the next line when that one
   starts at the left edge of the text column (within 30% of its font size: not indented like a
   new paragraph) in about the same font size, also across a page break, and either
   - the line reaches the right edge (within 30% of its font size: a justified line; the box of
     a last glyph like "," or "m" stops short of the edge by up to a fifth of the font size in
     LibreOffice's PDFs), unless it ends a sentence or is a title in capitals and the next
     starts a numbered unit ("Điều 7.", "Mục 1.", "2.", "b)"); or
   - (ragged right, as article titles are often set) the next line starts in lower case (or
     both are in capitals: "Mục 1. … VÀ XÉT DUYỆT" / "TRÚNG THẦU …"), not as a numbered unit,
     after a line that does not end a sentence, and its first word would not have fitted in the
     room left at the end of the line.
   A line that is only punctuation (".", ";", left alone after a superscript note mark) is
   glued to the line before. A hyphen that PDFium marks as a line-end hyphen (U+0002) or gives
   as U+FFFE (a hyphen inside a word: "NĐ-CP", "ô-dôn") is a "-".

The left and right edges of the text column are measured on each page (the most common left
edge and right edge of its lines), so pages with other margins (landscape tables, even and odd
pages) are read on their own terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lawscan.read.wrap import SENTENCE_END, in_capitals, unit_start_re

MARGIN_BAND = 0.07  # top and bottom share of the page where running headers and footers stand
REPEAT_SHARE = 0.3  # share of the pages a header shape must be printed on
NOTE_SIZE = 0.88  # footnotes are printed at most this share of the body's font size
CONTINUED_NOTE_TOP = 0.3  # a note that goes on from the page before starts below this share
SUPERSCRIPT = 0.8  # a note mark is printed at most this share of the size of the text it follows
RIGHT_TOLERANCE = 0.3  # of the font size: how near the right edge a justified line ends
LEFT_TOLERANCE = 0.3  # of the font size: how near the left edge a continued line starts
OWN_EDGES = 15  # lines a page needs to have its margins measured on itself

# a note's number, then its text or the end of the line ("1 Luật ...", "2"), never "1." or "2)"
_NOTE_START_RE = re.compile(r"^(\d{1,3})(?:\s+|$)")
_PUNCT_ONLY_RE = re.compile(r"^[.,;:)\]”\"’]+$")
_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})  # PDFium's line-end and in-word hyphens


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """The Vietnamese the layout needs, from ``vietnamese.json``: running headers and page
    numbers."""
    from lawscan.read.encoding import vietnamese

    data = vietnamese()
    return {"headers": [re.compile(p) for p in data.get("running_headers", [])],
            "gazette_sections": [re.compile(p) for p in data.get("gazette_sections", [])],
            "page_number": [re.compile(p) for p in data.get("page_numbers", [])]}


def is_gazette_section(text: str) -> bool:
    """Is ``text`` the heading of one of the Official Gazette's own sections ("PHẦN I. VĂN BẢN
    QUY PHẠM PHÁP LUẬT", printed above a document's header in a Gazette issue, and in its table
    of contents with the page column's "Trang" after it), not a Phần of the document? Removed
    here at the top of a page; the structure parser never reads one as a Phần (a text taken out
    of the PDF keeps it)."""
    flat = " ".join(text.split())
    return any(p.match(flat) for p in _patterns()["gazette_sections"])


@dataclass
class PageLine:
    """One printed line: text, left and right edge, top (points from the page's top), font size
    (for OCR: the line's height), superscript note marks taken off its text."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    marks: list[str] = field(default_factory=list)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[PageLine] = field(default_factory=list)
    ocr: bool = False


@dataclass
class Layout:
    lines: list[tuple[str, int, str]] = field(default_factory=list)  # (text, lineno, raw)
    page_starts: list[int] = field(default_factory=list)
    footnotes: list[dict] = field(default_factory=list)
    headers: int = 0
    joined: int = 0


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def body_size(pages: list[Page]) -> float:
    """The font size most of the text is printed in (weighted by characters)."""
    sizes: Counter = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def strip_running_headers(pages: list[Page]) -> int:
    """Remove running headers, footers and page numbers (see the module docstring); how many."""
    def in_band(page: Page, line: PageLine) -> bool:
        return line.top < MARGIN_BAND * page.height or line.top + line.size > (1 - MARGIN_BAND) * page.height

    seen: Counter = Counter()
    for page in pages:
        seen.update({_shape(ln.text) for ln in page.lines if in_band(page, ln)})
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    patterns, page_numbers = _patterns()["headers"], _patterns()["page_number"]
    removed = 0
    for page in pages:
        keep = []
        for line in page.lines:
            text = " ".join(line.text.split())
            if any(p.search(text) for p in patterns) or in_band(page, line) and (
                    any(p.match(text) for p in page_numbers) or seen[_shape(text)] >= needed) \
                    or not keep and is_gazette_section(text):
                removed += 1
                continue
            keep.append(line)
        page.lines = keep
    return removed


def split_footnotes(pages: list[Page], size: float) -> list[dict]:
    """Take the footnotes off the foot of each page (see the module docstring); the notes."""
    notes: list[dict] = []
    open_page = None  # the page whose foot ended inside a note
    for page in pages:
        lines = page.lines
        start = len(lines)
        while start > 0 and 0 < lines[start - 1].size <= NOTE_SIZE * size:
            start -= 1
        foot = lines[start:]
        expected = int(notes[-1]["id"]) + 1 if notes else 1
        marks = {mark for ln in lines[:start] for mark in ln.marks}  # note marks of the page's body
        first = next((k for k, ln in enumerate(foot) if _starts_note(ln.text, expected)
                      and str(expected) in marks), None)
        # a note goes on at the foot of the next page, in small print below the body
        continues = (bool(notes) and open_page == page.number - 1 and bool(foot) and start > 0
                     and foot[0].top >= CONTINUED_NOTE_TOP * page.height)
        if first is None and not continues:
            open_page = None
            continue
        cut = 0 if continues else first  # small text above the first note stays in the body
        page.lines = lines[:start + cut]
        for line in foot[cut:]:
            m = _NOTE_START_RE.match(line.text.strip())
            if m and int(m.group(1)) == expected and m.group(1) in marks:
                notes.append({"id": m.group(1), "text": line.text.strip()[m.end():].strip(),
                              "kind": "footnote", "page": page.number})
                expected += 1
            elif notes:
                notes[-1]["text"] = f"{notes[-1]['text']} {line.text.strip()}".strip()
        open_page = page.number
    return notes


def _starts_note(text: str, expected: int) -> bool:
    m = _NOTE_START_RE.match(text.strip())
    return bool(m) and int(m.group(1)) == expected


def _edges(lines: list[PageLine]) -> tuple[float, float] | None:
    """The left and right edge of a text column, from the lines printed in its most common font
    size: the leftmost and the rightmost 3-point bin that hold at least a tenth of those lines
    (two at least); None for fewer than three lines. Continued lines start at the left edge and
    justified lines end at the right edge, so both bins are full even on a page of short
    paragraphs whose first lines are indented."""
    lines = [ln for ln in lines if ln.size > 0 and ln.text.strip()]
    if not lines:
        return None
    size = Counter(round(ln.size) for ln in lines).most_common(1)[0][0]
    lines = [ln for ln in lines if abs(ln.size - size) <= 0.15 * size]
    if len(lines) < 3:
        return None
    needed = max(2, len(lines) // 10)
    lefts = Counter(int(ln.x0 // 3) for ln in lines)
    rights = Counter(int(ln.x1 // 3) for ln in lines)
    left_bin = min((b for b, n in lefts.items() if n >= needed), default=None)
    right_bin = max((b for b, n in rights.items() if n >= needed), default=None)
    if left_bin is None or right_bin is None or right_bin <= left_bin:
        return None
    left = min(ln.x0 for ln in lines if int(ln.x0 // 3) == left_bin)
    right = max(ln.x1 for ln in lines if int(ln.x1 // 3) == right_bin)
    return left, right


def page_edges(pages: list[Page]) -> dict[int, tuple[float, float] | None]:
    """Each page's text column: its own edges when it holds at least ``OWN_EDGES`` lines, else
    those of all the pages of its size (a last page with a few lines and a signature block has
    too few lines to tell its margins)."""
    by_shape: dict[tuple, list[PageLine]] = {}
    for page in pages:
        by_shape.setdefault((round(page.width), round(page.height)), []).extend(page.lines)
    shared = {shape: _edges(lines) for shape, lines in by_shape.items()}
    out = {}
    for page in pages:
        own = _edges(page.lines) if len(page.lines) >= OWN_EDGES else None
        out[page.number] = own or shared[(round(page.width), round(page.height))]
    return out


def join_lines(pages: list[Page]) -> Layout:
    """Number the body lines, record where each page starts, join the wrapped lines."""
    layout = Layout()
    lineno = 0
    all_edges = page_edges(pages)
    out: list[list] = []  # [text, lineno, raws, last printed line, its page's edges]
    for page in pages:
        layout.page_starts.append(lineno + 1)
        edges = all_edges[page.number]
        for line in page.lines:
            text = line.text.translate(_HYPHENS)
            if not text.strip():
                continue
            lineno += 1
            prev = out[-1] if out else None
            if prev is not None and _PUNCT_ONLY_RE.match(text.strip()):
                prev[0] = prev[0].rstrip() + text.strip()
                prev[2].append(line.text)
                continue
            if prev is not None and _continues(prev[3], prev[4], line, edges):
                glue = "" if prev[3].text.endswith("\x02") else " "
                prev[0] = prev[0].rstrip() + glue + text.lstrip()
                prev[2].append(line.text)
                prev[3], prev[4] = line, edges
                layout.joined += 1
                continue
            out.append([text, lineno, [line.text], line, edges])
    layout.lines = [(text, n, "\n".join(raws)) for text, n, raws, _, _ in out]
    return layout


def _continues(prev: PageLine, prev_edges, line: PageLine, edges) -> bool:
    """Does ``line`` continue ``prev`` (a line the layout wrapped)?"""
    if prev_edges is None or edges is None:
        return False
    if abs(prev.size - line.size) > 0.15 * max(prev.size, line.size):
        return False
    if line.x0 > edges[0] + LEFT_TOLERANCE * line.size:  # indented: a new paragraph
        return False
    ends_sentence = prev.text.rstrip()[-1:] in SENTENCE_END
    starts_unit = bool(unit_start_re().match(line.text.lstrip()))
    if prev.x1 >= prev_edges[1] - RIGHT_TOLERANCE * prev.size:
        # a sentence or a title in capitals that happens to fill the line, then a new numbered
        # unit ("… NHÀ ĐẦU TƯ" / "Mục 1. …"): not a wrap
        return not ((ends_sentence or in_capitals(prev.text)) and starts_unit)
    return not ends_sentence and not starts_unit and _first_word_did_not_fit(prev, prev_edges, line)


def _first_word_did_not_fit(prev: PageLine, prev_edges, line: PageLine) -> bool:
    """A ragged-right wrap: ``line`` starts in lower case (or goes on a title in capitals) with
    a word wider than the room left at the end of ``prev`` (the width of a character taken as
    the line's mean)."""
    text = line.text.strip()
    word = text.split(maxsplit=1)[0]
    if not (word[0].islower() or text.isupper() and in_capitals(prev.text)):
        return False
    char = (line.x1 - line.x0) / len(text)
    return prev_edges[1] - prev.x1 < char * (len(word) + 1)


def mend_lines(pages: list[Page]) -> None:
    """Put back together what a superscript note mark split: a digit-only line printed smaller
    right after the end of the line before, and raised, is that line's mark ("nghề nghiệp." /
    "1"); a line that goes on at the same height right after the line before, in the same size,
    is its rest ("2." / "Có trụ sở ..." around the mark of khoản 2). Columns of the header table
    stand farther apart than half a font size and stay apart."""
    for page in pages:
        out: list[PageLine] = []
        for line in page.lines:
            prev = out[-1] if out else None
            if prev is not None and prev.size > 0 and abs(line.top - prev.top) <= prev.size \
                    and 0 <= line.x0 - prev.x1 + 2 <= 0.5 * prev.size + 2:
                if line.text.strip().isdigit() and line.size <= SUPERSCRIPT * prev.size:
                    prev.marks.append(line.text.strip())
                    continue
                if abs(line.size - prev.size) <= 0.15 * prev.size and abs(line.top - prev.top) <= 0.3 * prev.size:
                    prev.text = prev.text.rstrip() + " " + line.text.lstrip()
                    prev.x1 = line.x1
                    prev.marks.extend(line.marks)
                    continue
            out.append(line)
        page.lines = out


def lay_out(pages: list[Page]) -> Layout:
    """The whole treatment of the module docstring."""
    mend_lines(pages)
    size = body_size(pages)
    headers = strip_running_headers(pages)
    notes = split_footnotes(pages, size)
    layout = join_lines(pages)
    layout.headers = headers
    layout.footnotes = notes
    return layout
