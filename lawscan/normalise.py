"""Stage 2 — normalise. Takes a :class:`Source`, gives it back with every ``Line.text`` in NFC,
"Ð" (U+00D0) folded to "Đ", non-breaking and odd spaces folded, CRLF gone; ``Line.raw`` keeps the
original text and ``Line.lineno`` the original line, so findings point into the user's file.
The reader's Line objects are kept and changed in place, not copied.

What ``normalise_text`` does to one line, in order:

* Unicode NFC (mixed NFC/NFD input comes out identical to NFC input);
* lookalikes of the Vietnamese D with stroke: U+00D0 "Ð" (Icelandic Eth, in old vbpl exports),
  U+0189 "Ɖ" -> U+0110 "Đ"; U+00F0 "ð" -> U+0111 "đ";
* characters that show nothing removed: every Unicode Default_Ignorable_Code_Point (soft
  hyphen, zero-width space / joiners, LRM / RLM and the other bidi marks and overrides, word
  joiner and invisible operators U+2060-U+206F, variation selectors, combining grapheme joiner
  U+034F, BOM, tag characters…), the C0 / C1 control characters (ESC, BEL…: a law's text never
  drives a terminal) and the noncharacters (U+FFFE, U+FFFF…); the Hangul fillers (U+3164…) are
  default-ignorable too and go. Removed before NFC, so that "Điều", "Chương" or "bản chính"
  with such a character inside are read as the words they show; lone surrogates (from a JSON
  "\ud83d") become U+FFFD;
* non-breaking, typographic, ideographic and braille-blank spaces, tabs, vertical tabs, form feeds, CR and LF
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
          "\u202f\u205f\u3000\t\n\r\v\f\x85\u2028\u2029\u2800"
# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt), C0/C1 controls and the
# noncharacters, as (first, last) code points; what _SPACES holds is taken out below
_INVISIBLE = ((0x00, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C),
              (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F),
              (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFDD0, 0xFDEF),
              (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
              (0xFFFE, 0xFFFF), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
              *((p << 16 | 0xFFFE, p << 16 | 0xFFFF) for p in range(1, 17)))
_TABLE = {c: None for lo, hi in _INVISIBLE for c in range(lo, hi + 1)}
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})  # lone surrogates
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({0x00D0: "\u0110", 0x0189: "\u0110", 0x00F0: "\u0111"})
_MULTI_SPACE = re.compile(r" {2,}")


def _char_class(codes) -> str:
    """A regex character class of the code points ``codes``, written as ranges."""
    codes = sorted(codes)
    parts, start = [], 0
    for i in range(1, len(codes) + 1):
        if i == len(codes) or codes[i] != codes[i - 1] + 1:
            lo, hi = codes[start], codes[i - 1]
            parts.append(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else ""))
            start = i
    return "[" + "".join(parts) + "]"


# str.translate looks every character up in the table: slow on long lines, and most lines hold
# none of its characters. Most of them (controls, format characters, spaces other than " ",
# surrogates, noncharacters) make str.isprintable() false; a regex of the few printable ones
# (Ð, ð, variation selectors, Hangul fillers, the braille blank...) finds the rest. The two
# decide whether to translate at all, 2.7 times faster than one regex of the whole table
# (benchmarks/README.md).
_PRINTABLE_IN_TABLE = re.compile(_char_class(c for c in _TABLE if chr(c).isprintable()))


def _needs_table(text: str) -> bool:
    return not text.isprintable() or _PRINTABLE_IN_TABLE.search(text) is not None


def normalise_text(text: str) -> str:
    """One line of text, normalised as the module docstring says."""
    if _needs_table(text):
        text = text.translate(_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
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
