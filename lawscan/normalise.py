"""Stage 2 — normalise. Takes a :class:`Source`, gives it back with every ``Line.text`` in NFC,
"Ð" (U+00D0) folded to "Đ", non-breaking and odd spaces folded, CRLF gone; ``Line.raw`` keeps the
original text and ``Line.lineno`` the original line, so findings point into the user's file.
The reader's Line objects are kept and changed in place, not copied.

What ``normalise_text`` does to one line, in order:

* Unicode NFC (mixed NFC/NFD input comes out identical to NFC input);
* lookalikes of the Vietnamese D with stroke: U+00D0 "Ð" (Icelandic Eth, in old vbpl exports),
  U+0189 "Ɖ" -> U+0110 "Đ"; U+00F0 "ð" -> U+0111 "đ";
* soft hyphens and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) removed;
* non-breaking, typographic and ideographic spaces, tabs, vertical tabs, form feeds, CR and LF
  become one space; runs of spaces are folded into one; the line is stripped.

It does NOT fold spelling variants (hoá/hóa, thuỷ/thủy: the matcher's job) and does not use
``underthesea.text_normalize`` (it rewrites layout). Lines that are empty after this are
dropped (their numbers are not reused). Readers of structured input (Akoma Ntoso) fill
``Source.document``: its units' headings, numbers and content lines are normalised the same way.
"""

from __future__ import annotations

import re
import unicodedata

from lawscan.model import Line, Source, Unit

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u202f\u205f\u3000\t\n\r\v\f\x85\u2028\u2029"
_REMOVE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TABLE = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in _REMOVE})
_TABLE.update({0x00D0: "\u0110", 0x0189: "\u0110", 0x00F0: "\u0111"})
_MULTI_SPACE = re.compile(r" {2,}")
# str.translate looks every character up in the table: slow on long lines. Most lines hold none
# of these characters, so a regex search decides whether to translate at all.
_NEEDS_TABLE = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")


def normalise_text(text: str) -> str:
    """One line of text, normalised as the module docstring says."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _NEEDS_TABLE.search(text):
        text = text.translate(_TABLE)
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    return text.strip()


def normalise_lines(lines: list[Line]) -> list[Line]:
    """The lines with their text normalised, empty ones dropped. The reader's Line objects are
    kept and changed in place (``raw`` set to the text read if the reader left it None)."""
    out = []
    for line in lines:
        text = line.text
        if line.raw is None:
            line.raw = text
        line.text = text = normalise_text(text)
        if text:
            out.append(line)
    return out


def _normalise_unit(unit: Unit) -> None:
    for u in unit.walk():
        u.heading = normalise_text(u.heading)
        u.num = normalise_text(u.num)
        u.content = normalise_lines(u.content)


def normalise(source: Source) -> Source:
    """The same Source, its lines (and its document's units, if any) normalised."""
    source.lines = normalise_lines(source.lines)
    for key, value in list(source.meta.items()):
        if isinstance(value, str):
            source.meta[key] = normalise_text(value)
    doc = source.document
    if doc is not None:
        _normalise_unit(doc.root)
        doc.title = normalise_text(doc.title)
    return source
