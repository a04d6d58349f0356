"""Lines that a wrapping split: when does a line go on the line before?

Shared by the PDF layout (:mod:`lawscan.read.pdflayout`, which measures lines in points) and by
text files wrapped at a column (:mod:`lawscan.read.text`): a plain-text export or a pandoc
Markdown file wrapped at 72-80 characters, where a title, a heading or an enacting sentence goes
on in the next line ("LUẬT / CƠ QUAN ĐẠI DIỆN … Ở NƯỚC" / "NGOÀI").

``wrap_width(lines)`` takes the lines of a text file and gives the column it is wrapped at, or
``None`` when it is not hard-wrapped: the width is the longest line but the longest 2%, and the
file is wrapped when at most 120 characters wide with at least half of its text in lines that
end within 20 characters of that width (a file with one line per paragraph has lines of every
length, most of them far longer; short hand-made texts hold at most 40% there, a law wrapped at
66-80 columns 52% at least).

``join_wrapped(lines, width, markdown)`` gives the lines grouped: a list of lists of indexes
into ``lines``, each group one line of the text (blank lines left out). A line goes on the one
above it when both hold text, are quoted as deep (the "> " of a quoted reply, which the tests
read past and the joined line loses), neither is laid out in columns (a run of three spaces
inside: the two columns of a header block), it is indented no deeper (a new paragraph), and
its first word would not have fitted at the end of the line above (``len(above) + 1 +
len(word) > width``: a greedy wrap broke the line there, where a line that ended on its own had
room left; but a heading's title goes on however short its line broke, in its last line, when
that line starts in lower case or the line above ends on a word a heading does not end on, and
the article's text starts below it: a title printed in bold or indented wraps short of the
text's width, as ``pdftotext -layout`` gives a Gazette page). In Markdown, neither may be a
block of its own (a heading "#", a table "|" or "+"), the line may not start a list item ("- ",
"1.  ", "a) "; pandoc escapes "1\\." in a paragraph), whose own lines go on it indented, and the
line above may not end in a hard break (a backslash or two spaces).

Then, where a blank line stands before every paragraph (``paragraphs_apart``: pandoc's Markdown,
many text exports), that is all: the lines of a paragraph go on each other. Where paragraphs
follow each other line by line, a line goes on only when

* the line above ends no sentence (".", ";", ":", "!", "?", a closing quote; a heading's line
  may end in ";");
* it starts no numbered unit ("Điều 7.", "Mục 2", "3.", "1.Nhà nước", "b)"), unless it is a
  reference that goes on a sentence ("… Điều 150 và" / "Chương II.", "… Điều" / "91. Bãi bỏ
  …"; not "a) …; và" / "b) …", a list's next item), and "Điều 45 của Luật này" is a reference;
* a title in capitals goes on only in capitals;
* a heading that starts with its label ("Điều 12. Nhiệm vụ … thông tin đối") goes on in a line
  that starts in lower case or in capitals ("ngoại"), or after a comma or a word a heading does
  not end on ("… của", ``vietnamese.json`` ``unfinished_words``), or in a line that ends no
  sentence and goes on in no line of its own ("… tài nguyên" / "Internet"), where the paragraph
  under a heading ("Khi thực hiện quyền …") fills its line and goes on.

Files that are not wrapped are left line by line, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = ".:;!?”\""
TITLE_END = ".:!?”\""  # a heading's line may end in ";" ("… sáp nhập;" / "bán, cho thuê …")
MAX_WIDTH = 120  # wider than any wrapping a text export or pandoc uses
NEAR_EDGE = 20
MIN_NEAR_SHARE = 0.5  # of the characters

_COLUMNS = re.compile(r"\S {3,}\S")
_MD_BLOCK = re.compile(r"^\s*(?:#|\||\+[-=:+]|```|~~~)")
# a list item's marker, not escaped ("1\\." is a paragraph's text): the item's lines go on it,
# indented to its text
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)]|[a-zđ][.)])\s")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")  # the marks of a quoted reply or a Markdown block quote
_MD_HARD_BREAK = re.compile(r"(?:\\|  )$")
_MARKUP = re.compile(r"[*_\\`]")
_LABEL_END = re.compile(r"(?:^|\s)(?:Điều|khoản|điểm|Chương|Mục)$")
_LIST_LINK = re.compile(r"[;,]\s*(?:và|hoặc)$")  # "a) …; và" / "b) …": the list's next item
_GLUED_KHOAN = re.compile(r"^\d{1,3}[a-zđ]?\.(\w)")  # "1.Nhà nước …": no space after the number
# a unit's label and number, then a word in lower case: a reference ("Điều 45 của Luật này")
_REFERENCE = re.compile(r"^[“\"]?\w+(?: thứ)?\s+\S+\s+(\w)")


@lru_cache(maxsize=1)
def unit_start_re() -> re.Pattern:
    """A line that starts a numbered unit: a unit label and its number ("Điều 7.", "Mục 1",
    "CHƯƠNG II"; not followed by ";" or ",", which goes on a list of references the line before
    began), or a khoản "2." or a điểm "b)"."""
    from lawscan.read.encoding import unit_labels_pattern

    labels = unit_labels_pattern()
    return re.compile(rf"^[“\"]?(?:(?:{labels})\s+[^\s;,]+(?!\S)(?!\s*[;,])"
                      rf"|\d{{1,3}}[a-zđ]?\.\s|[a-zđ]\d?\)\s)")


def in_capitals(text: str) -> bool:
    """A title in capitals, its label aside ("Mục 1. PHƯƠNG PHÁP …"): most letters upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def wrap_width(lines: list[str]) -> int | None:
    """The column ``lines`` are wrapped at, or None when they are not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 20:
        return None
    width = lengths[int(0.98 * (len(lengths) - 1))]
    near = sum(n for n in lengths if width - NEAR_EDGE <= n <= width)
    if width > MAX_WIDTH or near < MIN_NEAR_SHARE * sum(lengths):
        return None
    return width


def join_wrapped(lines: list[str], width: int, markdown: bool = False) -> list[list[int]]:
    """The non-blank ``lines`` grouped into the lines of the text (indexes into ``lines``)."""
    apart = paragraphs_apart(lines)
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if groups and groups[-1][-1] == i - 1 and _goes_on(lines, groups[-1], i, width, markdown, apart):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def paragraphs_apart(lines: list[str]) -> bool:
    """Does a blank line stand before every paragraph (pandoc's Markdown, many text exports)?
    Told by the numbered units: at most a tenth of them start right under a line of text."""
    starts = under_text = 0
    for before, line in zip([""] + lines, lines):
        if _starts_unit(_plain(_unquoted(line))):
            starts += 1
            under_text += bool(before.strip())
    return starts >= 5 and under_text <= 0.1 * starts


def join_text(parts: list[str]) -> str:
    """The lines of a group as one line: the first as it is, the others without their indent
    and quote marks."""
    return parts[0].rstrip() + "".join(" " + _unquoted(p).strip() for p in parts[1:])


def _goes_on(lines: list[str], group: list[int], i: int, width: int, markdown: bool, apart: bool) -> bool:
    """Does line ``i`` go on the ``group`` of lines just above it?"""
    before, line = lines[group[-1]], lines[i]
    quoted_before, quoted = _QUOTE.match(before), _QUOTE.match(line)
    if _marks(quoted_before) != _marks(quoted):
        return False
    if quoted:  # a quoted reply ("> "): the lines without their marks
        before, line = before[quoted_before.end():], line[quoted.end():]
        width -= quoted_before.end()
    in_item = markdown and bool(_MD_ITEM.match(lines[group[0]]))
    heading = _heading(_plain(_unquoted(lines[group[0]])))
    after = _unquoted(lines[i + 1]) if i + 1 < len(lines) else ""
    if not _wrapped_here(before, line, width, markdown, in_item,
                         heading and _ends_short_title(before, line, after)):
        return False
    if apart:  # a paragraph's lines: they go on each other
        return True
    return _same_paragraph(_plain(before), _plain(line), heading, line, after, width)


def _wrapped_here(before: str, line: str, width: int, markdown: bool, in_item: bool,
                  title_goes_on: bool = False) -> bool:
    """The layout allows a wrap between the two lines: both hold text, neither is laid out in
    columns nor (in Markdown) is a block of its own, the line is no list item and the one
    above ends in no hard break, the line is not indented deeper (but in a list item), and
    its first word would not have fitted above, or ``title_goes_on``: a heading's title goes on,
    wherever its line broke (:func:`_ends_short_title`; a title printed in bold, or indented,
    wraps short of the text's width: "Điều 10. Kết nối giữa Cổng thông tin … và hệ" / "thống
    xử lý chuyên ngành" in a Gazette page through ``pdftotext -layout``)."""
    if not line.strip() or _COLUMNS.search(before.strip()) or _COLUMNS.search(line.strip()):
        return False
    if markdown and (_MD_BLOCK.match(line) or _MD_ITEM.match(line) or _MD_BLOCK.match(before)
                     or _MD_HARD_BREAK.search(before)):
        return False
    if _indent(line) > _indent(before) and not in_item:
        return False
    return title_goes_on or _filled(before, line, width)


def _same_paragraph(prev: str, text: str, heading: bool, line: str, after: str, width: int) -> bool:
    """Where paragraphs follow each other line by line: the words allow ``text`` to go on
    ``prev`` (a heading's words when ``heading``; ``after`` is the line below ``text``)."""
    if not prev or not text or prev[-1] in (TITLE_END if heading else SENTENCE_END):
        return False
    if _starts_unit(text) and (heading or in_capitals(prev) or not _reference_goes_on(prev)):
        return False
    if in_capitals(prev):
        return text.isupper() or in_capitals(text) or not any(c.isalpha() for c in text)
    if heading and text[0].isupper() and not in_capitals(text) and not _unfinished(prev):
        return _ends_title(text, line, after, width)
    return True


def _filled(before: str, line: str, width: int) -> bool:
    """The first word of ``line`` would not have fitted at the end of ``before``."""
    return len(before.rstrip()) + 1 + len(line.split(maxsplit=1)[0]) > width


def _ends_title(text: str, line: str, after: str, width: int) -> bool:
    """A line in sentence case that may end a heading ("Việt Nam", "Internet"): it ends no
    sentence and goes on in no line after it, where the paragraph under a heading ("Khi thực
    hiện quyền …") fills its line and goes on."""
    if text[-1] in SENTENCE_END:
        return False
    return not after.strip() or _starts_unit(_plain(after)) or not _filled(line, after, width)


def _ends_short_title(before: str, line: str, after: str) -> bool:
    """A heading's last words, however short its line ``before`` broke: ``line`` starts in lower
    case, or ``before`` ends on a word a heading does not end on ("… thủ tục hành chính theo" /
    "Cơ chế một cửa quốc gia"); it ends no sentence, and the article's text starts after it (a
    numbered unit or a line in upper case), or nothing does ("… và hệ" / "thống xử lý chuyên
    ngành" / "1. Bộ, ngành …"; not an OCR's "l. Dịch bệnh … được xác định bằng" / "kết quả …",
    a khoản whose "1." was misread: the line starts with a word)."""
    text, below = _plain(line), _plain(after)
    if not text or not text.split()[0].isalpha() or text[-1] in SENTENCE_END:
        return False
    return (text[0].islower() or _unfinished(_plain(before))) and (
        not below or _starts_unit(below) or below[:1].isupper())


def _starts_unit(text: str) -> bool:
    """A numbered unit starts ("Điều 7.", "2.", "1.Nhà nước …", "b)"), not a reference a wrap
    put first ("Điều 45 của Luật này")."""
    glued = _GLUED_KHOAN.match(text)
    return (bool(unit_start_re().match(text)) and not _reference(text)) or bool(glued and glued.group(1).isupper())


def _reference_goes_on(prev: str) -> bool:
    """A sentence that goes on with what looks like a unit's start: a reference ("… Điều 150
    và" / "Chương II."), or a label whose number the wrap put on the next line ("… Điều" /
    "91. Bãi bỏ …"), not the next item of a list ("a) …; và" / "b) …")."""
    return bool(_LABEL_END.search(prev)) or _unfinished(prev, comma=False) and not _LIST_LINK.search(prev)


def _unfinished(text: str, comma: bool = True) -> bool:
    """A line that ends on a word a heading or a sentence does not end on ("… của", "… đối
    với") or, with ``comma``, on a comma."""
    low = text.lower()
    return comma and low.endswith(",") or any(low.endswith(" " + word) for word in _unfinished_words())


@lru_cache(maxsize=1)
def _unfinished_words() -> tuple[str, ...]:
    from lawscan.read.encoding import vietnamese

    return tuple(vietnamese()["unfinished_words"])


def _heading(text: str) -> bool:
    """A heading that starts with its label ("Điều 12. …", "Chương II"), not a khoản or a điểm."""
    m = unit_start_re().match(text)
    return bool(m) and not text[:1].isdigit() and text[1:2] != ")" and not _reference(text)


def _reference(text: str) -> bool:
    m = _REFERENCE.match(text)
    return bool(m) and m.group(1).islower()


def _marks(quote: re.Match | None) -> int:
    """How deep a line is quoted (">> " is two)."""
    return quote.group().count(">") if quote else 0


def _unquoted(line: str) -> str:
    return _QUOTE.sub("", line, count=1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _plain(line: str) -> str:
    """A line's words without Markdown emphasis and escapes, for the tests above."""
    return _MARKUP.sub("", line).strip()
