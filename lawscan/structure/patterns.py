"""Regular expressions and small helpers of the structure parser.

Takes the Vietnamese vocabulary of ``vocab.toml`` (package data) and gives compiled patterns for
heading lines (Phần, Chương, Mục, Tiểu mục, Điều), khoản ("1.", "1a."), điểm ("a)", "đ1)"),
plus number helpers: "Phần thứ tư" ordinals, sort keys for numbering checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lawscan.datafiles import load_data_file
from lawscan.fold import fold_label
from lawscan.numerals import roman_to_int

VOCAB_PATH = Path(__file__).with_name("vocab.toml")


def vocab() -> dict:
    """The parsed ``vocab.toml`` (shared: read-only)."""
    return load_data_file(VOCAB_PATH)


def alternation(words) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    parts = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


V = vocab()
ORDINALS: dict[str, int] = V["ordinals"]
POINT_ALPHABET: list[str] = V["points"]["alphabet"]
POINT_INDEX = {c: i for i, c in enumerate(POINT_ALPHABET)}

_THU = V["labels"]["ordinal_marker"]
_ROMAN = r"[IVXLCDM]+"
# A structural label at the start of a line; label words are case-insensitive ("CHƯƠNG", "Chương").
LABEL_RE = {
    kind: re.compile(rf"^(?i:{alternation(V['labels'][kind])})(?=\s|\d|$)")
    for kind in ("part", "chapter", "section", "subsection", "article")
}
PART_RE = re.compile(
    rf"^(?i:{alternation(V['labels']['part'])})\s+(?:(?i:{_THU})\s+(?P<ord>(?i:{alternation(ORDINALS)}))(?![\w])"
    rf"|(?P<num>{_ROMAN}|\d+)(?![\w]))(?P<rest>.*)$")
# an inserted chapter's number ends in a lower-case letter ("Chương VIIa", "CHƯƠNG IIa"), never
# followed by another letter (a title glued to the number is upper case: "Chương IVTRÍ TUỆ")
_INSERTED = r"(?:[a-zđ](?![^\W\d_]))?"
CHAPTER_RE = re.compile(
    rf"^(?i:{alternation(V['labels']['chapter'])})\s+(?P<num>{_ROMAN}{_INSERTED}|\d+{_INSERTED})(?P<rest>.*)$")
SECTION_RE = re.compile(
    rf"^(?i:{alternation(V['labels']['section'])})\s+(?P<num>\d+[a-zđ]?|{_ROMAN}|[A-Z])(?P<rest>.*)$")
SUBSECTION_RE = re.compile(rf"^(?i:{alternation(V['labels']['subsection'])})\s+(?P<num>\d+[a-zđ]?)(?P<rest>.*)$")
ARTICLE_RE = re.compile(
    rf"^(?i:{alternation(V['labels']['article'])})\s*(?:(?i:{_THU})\s+)?(?P<num>\d+(?:[a-zđ]\d*)?)(?P<rest>.*)$")
# "1. Text"; also "1.“Text" and "1.Text" with the space forgotten (seen in real laws)
PARAGRAPH_RE = re.compile(r"^(?P<num>\d{1,3}[a-zđ]?)\.(?:\s+(?P<rest>.*)|(?P<glued>(?=[“\"]|[^\W\d_]).*)|$)")
# "1 Cá nhân …": a khoản whose full stop after the number was left out (taken only in sequence)
STOPLESS_PARAGRAPH_RE = re.compile(r"^(?P<num>\d{1,3})\s+(?=[^\W\d_]{2})")
_LETTERS = "".join(sorted(set(POINT_ALPHABET)))
POINT_RE = re.compile(rf"^(?P<num>[{_LETTERS}]\d{{0,2}})\)\s*(?P<rest>.*)$")

# Misspelt heading labels seen in real texts: "Chưong", "Điêu", "Đìều", "Dieu" (diacritics lost),
# Cyrillic or other look-alike letters. A line's first word whose folded form is a label's;
# the parser takes it only before a number and a title, in sequence (see LineParser._misspelt).
# The number is a whole word: "PHÂN LOẠI PHIM", "MỨC XỬ PHẠT" are titles, not "Phần L", "Mục X".
MISSPELT_LABEL_RE = re.compile(r"^(\S{3,7})(?=\s*(?:\d|[IVXLCDM]+(?![^\W\d_])|(?i:thứ)\s))")
# A Phần/Chương/Mục number a scan printed with l for I ("Chương lV"; see LineParser._misread_roman)
MISREAD_ROMAN_RE = re.compile(r"^\S+\s+(?P<num>[IVXLCDMl]*l[IVXLCDMl]*)(?![^\W\d_])")


# folded label -> (kind, label as printed): one-word labels only
FOLDED_LABELS = {fold_label(w): (kind, w) for kind in ("part", "chapter", "section", "article")
                 for w in V["labels"][kind] if " " not in w}
_LABEL_INITIALS = {k[0] for k in FOLDED_LABELS}


@lru_cache(maxsize=1024)
def may_be_label(first_char: str) -> bool:
    """A line starting with this character may start with a (misspelt) label: a cheap test
    before MISSPELT_LABEL_RE."""
    return fold_label(first_char)[:1] in _LABEL_INITIALS

REFERENCE_FOLLOWER_RE = re.compile(rf"^(?:{alternation(V['references']['followers'])})(?!\w)")
DASH_FOLLOWER_RE = re.compile(rf"^(?:{alternation(V['references']['dash_followers'])})(?!\w)")

# Probe clean-up: markdown heading marks, emphasis, block quotes; site annotations "[...]".
_MD_LEAD_RE = re.compile(r"^(?:#{1,6}\s*|>\s*|[*_]{1,3}(?=\S))+")
_MD_TRAIL_RE = re.compile(r"(?<=\S)[*_]{1,3}$")
_BRACKET_RE = re.compile(r"\[[^\[\]]*\]")
_SEPARATORS = ".:-–—)"


def probe_text(text: str) -> str:
    """The text used to recognise a line: no markdown marks, no bracketed site notes."""
    t = text.strip()
    if not t:
        return t
    if (t[0] not in "#>*_" and t[-1] not in "*_" and "[" not in t and "**" not in t
            and "__" not in t):
        return t  # nothing to clean (the usual case)
    t = _MD_LEAD_RE.sub("", t)
    t = _MD_TRAIL_RE.sub("", t)
    t = t.replace("**", "").replace("__", "")
    if "[" in t:
        for _ in range(3):  # nested brackets
            new = _BRACKET_RE.sub("", t)
            if new == t:
                break
            t = new
    return t.strip()


def strip_separator(rest: str) -> str:
    """" - TITLE", ". Title", ": Title" -> "TITLE"."""
    return rest.lstrip(" \t" + _SEPARATORS).strip()


def ordinal_to_int(word: str) -> int | None:
    return ORDINALS.get(" ".join(word.lower().split()))


_NUM_KEY_RE = re.compile(r"^(\d+)(.*)$")


def num_key(num: str, kind: str = "") -> tuple[int, str] | None:
    """Sort key of a printed number: "44a" -> (44, "a"), "XII" -> (12, ""), point "đ1" -> (5, "1"),
    "thứ tư" -> (4, ""), section "B" -> (2, ""). None when not a number."""
    n = num.strip()
    if not n:
        return None
    if n.isdecimal():  # the usual case, "12"
        return int(n), ""
    m = _NUM_KEY_RE.match(n)
    if m:
        return int(m.group(1)), m.group(2)
    if n.lower().startswith(_THU + " "):
        o = ordinal_to_int(n.split(" ", 1)[1])
        return (o, "") if o is not None else None
    if kind == "point":
        return (POINT_INDEX[n[0]] + 1, n[1:]) if n[0] in POINT_INDEX else None
    if kind == "section" and len(n) == 1 and n.isalpha():  # "Mục A" (Hiến pháp 1946)
        return ord(n.upper()) - ord("A") + 1, ""
    r = roman_to_int(n)
    if r is None and len(n) > 1 and n[-1] in POINT_INDEX:  # an inserted chapter, "VIIa"
        r = roman_to_int(n[:-1])
        return (r, n[-1]) if r is not None else None
    return (r, "") if r is not None else None


def is_upper_title(text: str, threshold: float = 0.85) -> bool:
    """Mostly upper-case letters (a Chương / Mục title as printed)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= threshold


@lru_cache(maxsize=1)
def _unfinished_re() -> re.Pattern:
    """A title line's end that leaves it unfinished: a comma, a semicolon, or a word a heading
    does not end on, in capitals (the one list of them, ``unfinished_words`` of the read
    stage's ``vietnamese.json``, which the wrap joiner uses too)."""
    from lawscan.read.encoding import vietnamese

    words = [w.upper() for w in vietnamese()["unfinished_words"]]
    return re.compile(rf"(?:[,;]|\s(?:{alternation(words)}))$")


@lru_cache(maxsize=1)
def named_subjects() -> frozenset[str]:
    """The title words whose subject is a name and keeps its capital ("Luật Đất đai"; after the
    others it is in lower case: "Hiến pháp nước Cộng hòa …", "Nghị quyết thí điểm …"), in
    capitals: the read stage's ``named_kinds`` (``vietnamese.json``), the one list of them."""
    from lawscan.read.encoding import vietnamese

    return frozenset(k.upper() for k in vietnamese()["named_kinds"])


@lru_cache(maxsize=1)
def amending_subjects() -> str:
    """A regex alternation of the words an amending act's title subject begins with ("sửa đổi",
    "bổ sung", "bãi bỏ"; any white space between their syllables): the read stage's
    ``amending_subjects`` (``vietnamese.json``), the one list of them."""
    from lawscan.read.encoding import vietnamese

    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in vietnamese()["amending_subjects"])


def leaves_title_unfinished(title_line: str) -> bool:
    """A title line that leaves the title unfinished ("…TỐ CÁO VÀ", "…QUẢN LÝ,", "… MỘT SỐ ĐIỀU
    CỦA"): the next line goes on it."""
    return bool(_unfinished_re().search(title_line.rstrip()))


def starts_upper(text: str) -> bool:
    """Starts like a title: upper-case letter, a digit, an opening quote or parenthesis."""
    t = text.lstrip()
    return bool(t) and (t[0].isupper() or t[0] in "“\"'(«")
