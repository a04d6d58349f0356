"""Plain text and Markdown reader.

``read_text(path, text, fmt, encoding)`` takes decoded text and gives a :class:`Source` with one
:class:`Line` per line of the file (``lineno`` 1-based, ``raw`` the line as it is in the file;
blank lines are left out). For Markdown (``fmt == "md"``) the markup is taken off so the
structure parser sees plain law text: heading marks ("## Chương I - QUY ĐỊNH CHUNG" gives
"Chương I - QUY ĐỊNH CHUNG"), emphasis, links, images, block quotes, table pipes, backslash
escapes, the backslash of a hard line break (pandoc's, at a line's end), rules and pandoc's
attributes (a heading's "{#dieu-1}", a div's fences "::: {.center}", a span's "[x]{.mark}", a
note's mark "[^1]"); HTML comments
(``<!-- … -->``, not shown when Markdown is rendered) are dropped, their line numbers kept, and so
are collapsed ``<details>`` blocks (the toggles a Notion or Obsidian export keeps drafting notes
and rejected options in: "<details><summary>Phương án 2 - KHÔNG lựa chọn</summary> …
</details>"), with an info Problem ``read.md.details_skipped``. In both formats the Word field
codes that some converters leave behind (``HYPERLINK \\l "_ftn8" [8]``: a footnote reference)
are removed, with an info Problem. A text hard-wrapped at a column (pandoc's Markdown at 72, a
text export at 80) has the lines its wrap split joined back (:mod:`lawscan.read.wrap` says when
a line goes on the one above): a joined line has the number of its first and all of them as
``raw``, and an info Problem ``read.unwrapped`` says how many were joined.
"""

from __future__ import annotations

import re

from lawscan.model import Line, Problem, Source
from lawscan.read.wrap import join_text, join_wrapped, wrap_width

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FIELD_CODE = re.compile(r"\s*HYPERLINK\s+(?:\\l\s+)?\"[^\"]*\"\s*(?:\\o\s+\"[^\"]*\"\s*)?(\[\d+\])?")

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{3,}|\*{3,}|_{3,})\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_MD_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_HARD_BREAK = re.compile(r"(?<!\\)\\\s*$")  # a backslash ending a line: a line break
# pandoc's attributes: a heading's "{#chuong-i .unnumbered}" (or "{-}"), a span's "[x]{.mark}",
# the fences of a div (":::: {.center}", ":::"), a footnote's mark "[^1]"
_MD_ATTRIBUTES = re.compile(r"\s*\{(?:-|[#.][\w:.-]+|[\w-]+=\S+)(?:\s+(?:[#.][\w:.-]+|[\w-]+=\S+))*\}\s*$")
_MD_SPAN = re.compile(r"\[([^\]^][^\]]*)\]\{[^}]*\}")
_MD_DIV_FENCE = re.compile(r"^\s*:{3,}(?:\s*\{[^}]*\}|\s*[\w-]+)?\s*$")
_MD_NOTE_MARK = re.compile(r"\[\^[^\]\s]+\](?!:)")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_DETAILS = re.compile(r"<details\b.*?</details\s*>", re.DOTALL | re.IGNORECASE)


def strip_markdown(line: str) -> str:
    """The text of one Markdown line without its markup."""
    if _MD_SETEXT.match(line) or _MD_TABLE_RULE.match(line) or _MD_DIV_FENCE.match(line):
        return ""
    text = _MD_QUOTE.sub("", line)
    if _MD_HEADING.match(text):
        text = _MD_CLOSING_HASHES.sub("", _MD_ATTRIBUTES.sub("", _MD_HEADING.sub("", text)))
    text = _MD_BULLET.sub(r"\1- ", text)
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        text = " | ".join(c for c in cells if c)
    text = _MD_SPAN.sub(r"\1", _MD_NOTE_MARK.sub("", text))
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_STRONG.sub(r"\2", text)  # nested ***x***
    text = _MD_EM_STAR.sub(r"\1", text)
    text = _MD_EM_UNDERSCORE.sub(r"\1", text)
    text = _HTML_BREAK.sub(" ", text)
    text = _MD_HARD_BREAK.sub("", text)
    return _MD_ESCAPE.sub(r"\1", text)


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (CRLF, CR and LF all end a line)."""
    return _LINE_BREAK.split(text)


def read_text(path: str, text: str, fmt: str = "txt", encoding: str | None = None) -> Source:
    source = Source(path=path, format=fmt, encoding=encoding)
    if fmt == "md" and "<!--" in text:
        text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    details = []
    if fmt == "md" and "<details" in text.lower():
        text = _HTML_DETAILS.sub(lambda m: _set_apart(m, text, details), text)
    raws = split_lines(text)
    lines, field_lines = _without_field_codes(raws)
    width = wrap_width(lines)
    groups = join_wrapped(lines, width, fmt == "md") if width else [[i] for i in range(len(lines))]
    for group in groups:
        line = join_text([lines[i] for i in group])
        if fmt == "md":
            line = strip_markdown(line)
        if line.strip():
            source.lines.append(Line(text=line, lineno=group[0] + 1, raw="\n".join(raws[i] for i in group)))
    if width and len(groups) < sum(1 for line in lines if line.strip()):
        joined = sum(len(group) - 1 for group in groups)
        source.problems.append(Problem(
            "read.unwrapped", f"the text is wrapped at {width} characters: {joined} line(s) that "
                              "go on the line before were joined to it", severity="info"))
    if details:
        source.problems.append(Problem(
            "read.md.details_skipped", f"{len(details)} collapsed <details> block(s) (drafting notes) "
                                       f"were left out of the text, from line {details[0]}",
            line=details[0], severity="info"))
    if field_lines:
        source.problems.append(Problem(
            "read.field_code", f"{len(field_lines)} Word field code(s) (HYPERLINK … footnote references) "
                               "left by a converter were removed", line=field_lines[0], severity="info"))
    return source


def _without_field_codes(raws: list[str]) -> tuple[list[str], list[int]]:
    """The lines without the Word field codes a converter left, and the line number of each code
    removed."""
    lines, found = [], []
    for lineno, raw in enumerate(raws, start=1):
        line = raw
        if "HYPERLINK" in line:
            line, n = _FIELD_CODE.subn("", line)
            found += [lineno] * n
        lines.append(line)
    return lines, found


def _set_apart(m: re.Match, text: str, lines: list[int]) -> str:
    """A ``<details>`` block replaced by its line breaks (line numbers kept); its first line
    number recorded in ``lines``."""
    lines.append(text.count("\n", 0, m.start()) + 1)
    return "\n" * m.group().count("\n")
