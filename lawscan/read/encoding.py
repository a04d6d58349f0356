"""Decoding the bytes of a text file (plain text, Markdown, HTML, JSON) into ``str``.

``decode(data, path, declared=None)`` gives ``(text, encoding, problems)`` or raises
:class:`ReadError`. It recognises, in this order:

* a byte order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
* UTF-16 without a mark (every other byte NUL);
* binary data (NUL or other control bytes): refused;
* strict UTF-8 (the usual case); a file that is UTF-8 except for a few bad bytes is refused
  with the offset and line of the first bad byte, never silently repaired;
* the charset an HTML page declares (``declared``), when it decodes cleanly and reads as
  Vietnamese;
* the legacy 8-bit Vietnamese encodings: Windows-1258, TCVN3 (ABC, the .VnTime fonts) and
  VNI-Windows. Each candidate decoding is scored by how many of its words are well-formed
  Vietnamese syllables (onset + vowel nucleus + coda with at most one tone mark, see
  ``vietnamese.json``); the best one wins if it reads clearly as Vietnamese, with a Problem
  saying the text was converted. Otherwise the file is refused as "unknown encoding".

The tables of TCVN3 and VNI are data (``legacy_charsets.json``); ``encode_legacy(text, name)``
is their inverse, used by the tests to make legacy fixtures.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from lawscan.datafiles import load_data_file
from lawscan.errors import ReadError
from lawscan.model import Problem

_HERE = Path(__file__).resolve().parent
CHARSETS_PATH = _HERE / "legacy_charsets.json"
VIETNAMESE_PATH = _HERE / "vietnamese.json"
TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
LEGACY_NAMES = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}
# Non-ASCII characters that are ordinary in Vietnamese legal text and are not letters.
_PUNCTUATION = set("“”‘’–—…•·°«»\u00a0²³½¼¾±×÷")  # ÷ is also TCVN3 "ữ": then it is inside a word


@lru_cache(maxsize=1)
def _charsets() -> dict:
    return load_data_file(CHARSETS_PATH)


@lru_cache(maxsize=1)  # asked for once per word checked: the cheapest lookup
def vietnamese() -> dict:
    """The Vietnamese letters and syllable pattern of ``vietnamese.json`` (shared: read-only)."""
    return load_data_file(VIETNAMESE_PATH)


@lru_cache(maxsize=1)
def unit_labels_pattern() -> str:
    """A regex alternation of the unit labels of ``vietnamese.json`` as printed, in their case
    and in capitals ("Điều", "ĐIỀU", "Chương" …), longest first: what starts a heading line."""
    words = {w for label in vietnamese()["unit_labels"] for w in (label, label.upper())}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _syllable_re() -> re.Pattern:
    syl = vietnamese()["syllable"]

    def alt(items):
        return "|".join(sorted((re.escape(i) for i in items), key=len, reverse=True))

    return re.compile(f"^(?:{alt(syl['onsets'])})?(?P<nucleus>{alt(syl['nuclei'])})"
                      f"(?P<coda>{alt(syl['codas'])})?$")


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (any case, NFC or NFD) is a well-formed written Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    m = _syllable_re().match(base)
    if not m:
        return False
    if m.group("coda") in vietnamese()["syllable"]["stop_codas"]:
        return bool(tones) and TONE_MARKS[tones[0]] in ("sac", "nang")
    return True


# ---------------------------------------------------------------- legacy 8-bit decoders

@lru_cache(maxsize=None)
def _tcvn3_table() -> dict:
    table = {i: chr(i) for i in range(128)}
    for hexbyte, char in _charsets()["tcvn3"].items():
        table[int(hexbyte, 16)] = char
    return table


@lru_cache(maxsize=None)
def _vni_re() -> tuple[re.Pattern, dict]:
    seqs = _charsets()["vni"]
    pattern = re.compile("|".join(re.escape(s) for s in sorted(seqs, key=len, reverse=True)))
    return pattern, seqs


_UPPER_WORD = re.compile(r"[^\W\d_]{2,}")


def _recapitalise(text: str) -> str:
    """TCVN3 has no capital toned vowels: headings typed in the .VnTimeH fonts come out as
    "NHữNG QUY ĐịNH". A word whose ASCII letters are all capitals is put in capitals."""

    def fix(m: re.Match) -> str:
        word = m.group(0)
        ascii_letters = [c for c in word if c.isascii()]
        if ascii_letters and all(c.isupper() for c in ascii_letters) and not word.isupper():
            return word.upper()
        return word

    return _UPPER_WORD.sub(fix, text)


def decode_tcvn3(data: bytes) -> tuple[str, int]:
    """TCVN3 bytes -> text, and the number of bytes that have no TCVN3 meaning."""
    table = _tcvn3_table()
    chars = [table.get(b, "\ufffd") for b in data]
    bad = sum(1 for b in data if b not in table)
    return _recapitalise("".join(chars)), bad


def decode_vni(data: bytes) -> tuple[str, int]:
    """VNI-Windows bytes -> text (the bytes read as Windows-1252, then the letter + mark
    sequences replaced), and the number of undecodable bytes."""
    text = data.decode("cp1252", errors="replace")
    bad = text.count("\ufffd")
    pattern, seqs = _vni_re()
    return pattern.sub(lambda m: seqs[m.group(0)], text), bad


def decode_cp1258(data: bytes) -> tuple[str, int]:
    text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text), text.count("\ufffd")


_DECODERS = {"cp1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}


def encode_legacy(text: str, name: str) -> bytes:
    """Inverse of the legacy decoders (``name`` = cp1258 | tcvn3 | vni), for making fixtures.
    Characters the encoding cannot hold raise ``ValueError``."""
    text = unicodedata.normalize("NFC", text)
    if name == "cp1258":  # base letters precomposed (ă â ê ô ơ ư đ), tone marks combining
        out = []
        for ch in text:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            try:
                out.append(ch.encode("cp1258"))
            except UnicodeEncodeError:
                out.append((base + tones).encode("cp1258"))
        return b"".join(out)
    if name == "tcvn3":
        inverse = {char: int(hexbyte, 16) for hexbyte, char in _charsets()["tcvn3"].items()}
        out = bytearray()
        for ch in text:
            if ord(ch) < 128:
                out.append(ord(ch))
            elif ch in inverse:
                out.append(inverse[ch])
            elif ch.lower() in inverse:  # no capital toned vowels in TCVN3
                out.append(inverse[ch.lower()])
            else:
                raise ValueError(f"{ch!r} has no TCVN3 code")
        return bytes(out)
    if name == "vni":
        inverse: dict[str, str] = {}
        for seq, char in _charsets()["vni"].items():
            if char not in inverse or len(seq) < len(inverse[char]):
                inverse[char] = seq
        return "".join(inverse.get(ch, ch) for ch in text).encode("cp1252")
    raise ValueError(f"unknown legacy encoding {name!r}")


# ---------------------------------------------------------------- scoring

_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> tuple[int, int]:
    """(good, bad): words with non-ASCII letters that are / are not Vietnamese syllables, with
    stray non-ASCII symbols and replacement characters counted as bad."""
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if is_vietnamese_syllable(word):
            good += 1
        else:
            bad += 1
    for ch in _WORD.sub("", text):
        if not ch.isascii() and ch not in _PUNCTUATION and not ch.isspace():
            bad += 1
    return good, bad


def _reads_as_vietnamese(good: int, bad: int) -> bool:
    return good >= 3 and good >= 0.85 * (good + bad)


# ---------------------------------------------------------------- main entry

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """(encoding, length of the mark) of a byte order mark at the start of ``data``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def sniff_utf16(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text without a byte order mark (every other byte
    NUL in the first 4 KiB), else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1 % control bytes, in the first 64 KiB."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, str, list[Problem]]:
    """Decode ``data`` (see the module docstring). ``declared`` is a charset named by the file
    itself (HTML ``<meta charset>``), tried after UTF-8."""
    problems: list[Problem] = []
    bom, skip = sniff_bom(data)
    if bom:
        try:
            return data[skip:].decode(bom), bom + ("-sig" if bom == "utf-8" else ""), problems
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"invalid {bom.upper()} after its byte order mark "
                                  f"(byte {exc.start + skip})", "read.encoding") from None
    utf16 = sniff_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise ReadError(path, "binary data, not text", "read.binary") from None
        problems.append(Problem("read.encoding", f"UTF-16 without byte order mark, read as {utf16}",
                                severity="info"))
        return text, utf16, problems
    if is_binary(data):
        raise ReadError(path, "binary data, not text (NUL or control bytes)", "read.binary")
    try:
        return data.decode("utf-8"), "utf-8", problems
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    invalid = len(data.decode("utf-8", errors="replace").split("\ufffd")) - 1
    if multibyte > invalid:
        raise ReadError(path, f"invalid UTF-8 at byte {first_bad} (line {_line_of(data, first_bad)}); "
                              "the file looks like damaged UTF-8", "read.encoding")

    candidates: list[tuple[int, int, str, str]] = []
    declared_text = None
    name = _codec_name(declared) if declared else None
    if name and name != "utf-8":
        try:
            declared_text = unicodedata.normalize("NFC", data.decode(name))
        except (UnicodeDecodeError, LookupError):
            declared_text = None
        if declared_text is not None:
            good, bad = vietnamese_score(declared_text)
            if _reads_as_vietnamese(good, bad):
                candidates.append((good - bad, good, name, declared_text))
    for legacy, decoder in _DECODERS.items():
        text, undecodable = decoder(data)
        good, bad = vietnamese_score(text)
        bad += undecodable
        if _reads_as_vietnamese(good, bad):
            candidates.append((good - bad, good, legacy, text))
    if not candidates and declared_text is not None:
        problems.append(Problem("read.encoding", f"read in the declared charset {name}", severity="info"))
        return declared_text, name, problems
    if not candidates:
        raise ReadError(path, f"unknown encoding: not UTF-8 (first bad byte {first_bad}, line "
                              f"{_line_of(data, first_bad)}) and not readable as Windows-1258, "
                              "TCVN3 or VNI Vietnamese; save the file as UTF-8", "read.encoding")
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    _, _, name, text = candidates[0]
    label = LEGACY_NAMES.get(name, name)
    problems.append(Problem("read.encoding", f"the file is in the legacy {label} encoding, not UTF-8; "
                                             "it was converted to Unicode", severity="warning"))
    return text, name, problems


def _codec_name(label: str) -> str | None:
    label = label.strip().strip("'\"").lower()
    if label in ("tcvn3", "tcvn", "abc", "vni", "vni-windows"):
        return None  # handled by the legacy decoders
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
