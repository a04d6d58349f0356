"""Plain text and Markdown reader.

``read_text(path, text, fmt, encoding)`` takes decoded text and gives a :class:`Source` with one
:class:`Line` per line of the file (``lineno`` 1-based, ``raw`` the line as it is in the file;
blank lines are left out). For Markdown (``fmt == "md"``) the markup is taken off so the
structure parser sees plain law text: heading marks ("## Chương I - QUY ĐỊNH CHUNG" gives
"Chương I - QUY ĐỊNH CHUNG"), emphasis, links, images, block quotes, table pipes, backslash
escapes, the backslash of a hard line break (pandoc's, at a line's end) and rules; HTML comments
(``<!-- … -->``, not shown when Markdown is rendered) are dropped, their line numbers kept, and so
are collapsed ``<details>`` blocks (the toggles a Notion or Obsidian export keeps drafting notes
and rejected options in: "<details><summary>Phương án 2 - KHÔNG lựa chọn</summary> …
</details>"), with an info Problem ``read.md.details_skipped``. In both formats the Word field
codes that some converters leave behind (``HYPERLINK \\l "_ftn8" [8]``: a footnote reference)
are removed, with an info Problem.
"""

from __future__ import annotations

import re

from lawscan.model import Line, Problem, Source

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
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_DETAILS = re.compile(r"<details\b.*?</details\s*>", re.DOTALL | re.IGNORECASE)


def strip_markdown(line: str) -> str:
    """The text of one Markdown line without its markup."""
    if _MD_SETEXT.match(line) or _MD_TABLE_RULE.match(line):
        return ""
    text = _MD_QUOTE.sub("", line)
    if _MD_HEADING.match(text):
        text = _MD_CLOSING_HASHES.sub("", _MD_HEADING.sub("", text))
    text = _MD_BULLET.sub(r"\1- ", text)
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        text = " | ".join(c for c in cells if c)
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
    field_codes = 0
    first_field_line = None
    if fmt == "md" and "<!--" in text:
        text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    details = []
    if fmt == "md" and "<details" in text.lower():
        text = _HTML_DETAILS.sub(lambda m: _set_apart(m, text, details), text)
    for lineno, raw in enumerate(split_lines(text), start=1):
        line = raw
        if "HYPERLINK" in line:
            line, n = _FIELD_CODE.subn("", line)
            if n:
                field_codes += n
                first_field_line = first_field_line or lineno
        if fmt == "md":
            line = strip_markdown(line)
        if line.strip():
            source.lines.append(Line(text=line, lineno=lineno, raw=raw))
    if details:
        source.problems.append(Problem(
            "read.md.details_skipped", f"{len(details)} collapsed <details> block(s) (drafting notes) "
                                       f"were left out of the text, from line {details[0]}",
            line=details[0], severity="info"))
    if field_codes:
        source.problems.append(Problem(
            "read.field_code", f"{field_codes} Word field code(s) (HYPERLINK … footnote references) "
                               "left by a converter were removed", line=first_field_line, severity="info"))
    return source


def _set_apart(m: re.Match, text: str, lines: list[int]) -> str:
    """A ``<details>`` block replaced by its line breaks (line numbers kept); its first line
    number recorded in ``lines``."""
    lines.append(text.count("\n", 0, m.start()) + 1)
    return "\n" * m.group().count("\n")
