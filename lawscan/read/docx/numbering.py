"""Word's automatic numbering and paragraph styles (see :mod:`lawscan.read.docx`, "Automatic
numbering"): :class:`Numbering` takes numbering.xml and runs Word's list counters paragraph by
paragraph, giving each numbered paragraph its label; :class:`Styles` takes styles.xml and gives
a style's name (to spot table-of-contents styles) and the numbering it inherits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Word's own bounds on list numbering: a start value is at most 32767 (its dialog refuses more),
# letters run to 780 ("zz…z", 30 letters); a level's text is a few characters ("Điều %1.")
MAX_NUMBER = 32767
MAX_LETTERS = 780
MAX_LEVEL_TEXT = 64

TOC_STYLE_RE = re.compile(r"^(toc ?\d|toc ?heading|table of contents)$", re.IGNORECASE)

# Word numFmt values written as letters or Roman numerals; anything else falls back to decimal.
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (None = after any higher level)
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass
class Num:
    abstract: str
    start_overrides: dict = field(default_factory=dict)  # ilvl -> start
    level_overrides: dict = field(default_factory=dict)  # ilvl -> Level


class Numbering:
    """Word's list counters, run paragraph by paragraph in document order."""

    def __init__(self, root, w: str, styles: "Styles | None" = None):
        self.w = w
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used_nums: set[str] = set()
        if root is None:
            return
        q = lambda tag: f"{{{w}}}{tag}"  # noqa: E731
        style_links = {}  # abstractNum defined by a list style (w:numStyleLink) -> style id
        for ab in root.iter(q("abstractNum")):
            ab_id = ab.get(q("abstractNumId"), "")
            self.abstracts[ab_id] = {
                int(lvl.get(q("ilvl"), "0")): self._level(lvl) for lvl in ab.findall(q("lvl"))}
            link = ab.find(q("numStyleLink"))
            if link is not None:
                style_links[ab_id] = link.get(q("val"), "")
        for num in root.iter(q("num")):
            ab_id = num.find(q("abstractNumId"))
            if ab_id is None:
                continue
            n = Num(ab_id.get(q("val"), ""))
            for ov in num.findall(q("lvlOverride")):
                ilvl = int(ov.get(q("ilvl"), "0"))
                so = ov.find(q("startOverride"))
                if so is not None:
                    n.start_overrides[ilvl] = bounded_int(so.get(q("val")), 1)
                lvl = ov.find(q("lvl"))
                if lvl is not None:
                    n.level_overrides[ilvl] = self._level(lvl)
            self.nums[num.get(q("numId"), "")] = n
        # A list-style link: the levels (and the counters) are those of the list the style uses.
        for num in self.nums.values():
            link = style_links.get(num.abstract)
            target = styles.num.get(link, (None, None))[0] if styles and link else None
            if target in self.nums and self.nums[target].abstract not in style_links:
                num.abstract = self.nums[target].abstract

    def _level(self, el) -> Level:
        q = lambda tag: f"{{{self.w}}}{tag}"  # noqa: E731

        def val(tag):
            child = el.find(q(tag))
            return None if child is None else child.get(q("val"))

        restart = val("lvlRestart")
        legal = el.find(q("isLgl"))
        return Level(start=bounded_int(val("start"), 1), fmt=val("numFmt") or "decimal",
                      text=(val("lvlText") or "")[:MAX_LEVEL_TEXT],
                      restart=None if restart is None else bounded_int(restart, 0),
                      suffix=val("suff") or "tab",
                      legal=legal is not None and legal.get(q("val"), "1") not in ("0", "false"),
                      style=val("pStyle"))

    def levels(self, num_id: str) -> dict[int, Level]:
        num = self.nums.get(num_id)
        if num is None:
            return {}
        levels = dict(self.abstracts.get(num.abstract, {}))
        levels.update(num.level_overrides)
        return levels

    def level_for_style(self, num_id: str, style_id: str) -> int:
        for ilvl, lvl in self.levels(num_id).items():
            if lvl.style == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (num_id, ilvl); give (label with its suffix, numFmt) or None."""
        num = self.nums.get(num_id)
        levels = self.levels(num_id)
        if num is None or ilvl not in levels:
            return None
        counters = self.counters.setdefault(num.abstract, {})
        if num_id not in self.used_nums:
            self.used_nums.add(num_id)
            for lv, start in num.start_overrides.items():
                counters[lv] = start - 1  # the next use prints ``start``
        lvl = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lvl.start
        for deeper in range(ilvl + 1, 10):
            dl = levels.get(deeper)
            restart_after = deeper if dl is None or dl.restart is None else dl.restart
            if ilvl < restart_after:
                counters.pop(deeper, None)
        if lvl.fmt == "none":
            text = re.sub(r"%\d", "", lvl.text)
        else:
            def sub(m):
                k = int(m.group(1)) - 1
                other = levels.get(k, Level())
                value = counters.get(k, other.start)
                fmt = "decimal" if lvl.legal and k != ilvl else other.fmt
                if fmt == "bullet":
                    fmt = "decimal"
                return format_number(value, fmt)
            text = lvl.text if lvl.fmt == "bullet" else re.sub(r"%([1-9])", sub, lvl.text)
            if lvl.fmt == "bullet" and (not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text)):
                text = "•"  # symbol-font bullets live in the private use area
        text = text.strip()
        if not text:
            return None
        return text + ("" if lvl.suffix == "nothing" else " "), lvl.fmt


def bounded_int(value, default: int) -> int:
    """A number of numbering.xml, within Word's bounds (0 to MAX_NUMBER)."""
    try:
        return min(max(int(value), 0), MAX_NUMBER)
    except (TypeError, ValueError):
        return default


def hex_int(value) -> int:
    try:
        return int(value, 16)
    except (TypeError, ValueError):
        return 0


def format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out = ""
        for n, sym in ROMAN:
            while value >= n:
                out += sym
                value -= n
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < value <= MAX_LETTERS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word: y z aa bb
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# --------------------------------------------------------------------------- styles

class Styles:
    """Paragraph styles: names (to spot TOC styles) and numbering inherited through basedOn."""

    def __init__(self, root, w: str):
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.default_para: str | None = None
        self._numbering: dict = {}  # style id -> numbering(style id)
        if root is None:
            return
        q = lambda tag: f"{{{w}}}{tag}"  # noqa: E731
        for st in root.iter(q("style")):
            sid = st.get(q("styleId"), "")
            name = st.find(q("name"))
            self.names[sid] = name.get(q("val"), sid) if name is not None else sid
            based = st.find(q("basedOn"))
            if based is not None:
                self.based_on[sid] = based.get(q("val"), "")
            if st.get(q("type")) == "paragraph" and st.get(q("default")) in ("1", "true"):
                self.default_para = sid
            numpr = st.find(f"{q('pPr')}/{q('numPr')}")
            if numpr is not None:
                num_id = numpr.find(q("numId"))
                ilvl = numpr.find(q("ilvl"))
                self.num[sid] = (None if num_id is None else num_id.get(q("val")),
                                 None if ilvl is None else bounded_int(ilvl.get(q("val")), 0))

    def is_toc(self, sid: str | None) -> bool:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if TOC_STYLE_RE.match(sid) or TOC_STYLE_RE.match(self.names.get(sid, "")):
                return True
            sid = self.based_on.get(sid)
        return False

    def numbering(self, sid: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style that carries it) inherited by a paragraph style; worked out once
        per style (most paragraphs ask for the default style)."""
        found = self._numbering.get(sid)
        if found is None:
            found = self._numbering[sid] = self._inherited_numbering(sid)
        return found

    def _inherited_numbering(self, sid: str | None) -> tuple[str | None, int | None, str | None]:
        seen = set()
        sid = sid or self.default_para
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                num_id, ilvl = self.num[sid]
                return num_id, ilvl, sid
            sid = self.based_on.get(sid)
        return None, None, None
