"""LS110 numbering: gaps and duplicates in the numbering of chapters (continuous through the
law, or through each Phần when they start again at Chương I in each), sections (within a chapter), subsections (within a section) and articles (continuous
through the law; a regulation issued with a decree is numbered on its own): "Điều 5" then "Điều 7", two "Điều 5", "Chương III" then "Chương V".

Takes the Document's own structure (quoted amendment text excluded); gives one finding per gap or
duplicate, at the unit after the gap / the second of the duplicates. Inserted units ("Điều 44a")
are neither gaps nor duplicates. The unit names of the messages are in the rule's data file; the
letter đ stays in ``_ARABIC``: it is part of the shape of an inserted unit's number ("Điều 44đ"),
legal structure rather than vocabulary.
"""

import re

from lawscan.engine import Rule

_ARABIC = re.compile(r"(\d+)([a-zđ]\d*)?", re.IGNORECASE)
_ROMAN = re.compile(r"[IVXLCDM]+")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def number(num: str) -> tuple[int, str] | None:
    """("12", "") for "12", (44, "a") for "44a", (14, "") for "XIV"; None if not a number."""
    num = num.strip().rstrip(".:")
    m = _ARABIC.fullmatch(num)
    if m:
        return int(m.group(1)), (m.group(2) or "").lower()
    if num and _ROMAN.fullmatch(num.upper()):
        total, prev = 0, 0
        for ch in reversed(num.upper()):
            v = ROMAN[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        return total, ""
    return None


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def sequences(outline):
    """(kind, [units]) groups whose numbers should run 1, 2, 3, …

    The units of each kind and their parents come from the document's outline (one walk of the
    document, ``RuleContext.outline``); the sections of a chapter (subsections of a section) are
    those below it, found by climbing from each section instead of walking every chapter."""
    from lawscan.structure.eids import chapters_restart

    parent = outline.parent
    restart = chapters_restart(outline.doc.root)  # Chương I again in each Phần: one sequence per part
    for chapters in _by_body(outline.units("chapter"), parent):
        if restart:
            groups: dict[int, list] = {}
            for c in chapters:
                groups.setdefault(id(parent.get(id(c))), []).append(c)
            yield from (("chapter", group) for group in groups.values())
        else:
            yield "chapter", chapters
    yield from (("article", articles) for articles in _by_body(outline.units("article"), parent))
    for parent_kind, kind in (("chapter", "section"), ("section", "subsection")):
        below: dict[int, list] = {id(p): [] for p in outline.units(parent_kind)}
        for u in outline.units(kind):
            p = parent.get(id(u))
            while p is not None:
                if id(p) in below:
                    below[id(p)].append(u)
                p = parent.get(id(p))
        for p in outline.units(parent_kind):
            yield kind, below[id(p)]


def _by_body(units, parent) -> list[list]:
    """``units`` grouped by the body they are in: the document's own, or a regulation issued
    with it (an attachment, numbered from Điều 1 again)."""
    groups: dict[int, list] = {}
    for u in units:
        body = parent.get(id(u))
        while body is not None and body.kind not in ("attachment", "root"):
            body = parent.get(id(body))
        groups.setdefault(id(body), []).append(u)
    return list(groups.values()) or [[]]


class Numbering(Rule):
    id = "LS110"
    name = "numbering"
    severity = "warning"
    tags = ("structure", "numbering")
    skip_doc_kinds = ()
    options = {"kinds": (["chapter", "section", "subsection", "article"],
                         "unit kinds whose numbering is checked"),
               "no_gaps_in": (["consolidated"],
                              "document kinds checked for duplicates only (a consolidated text "
                              "leaves out repealed units)")}

    def check(self, ctx):
        kinds = set(self.option(ctx, "kinds") or ())
        gaps = ctx.doc.doc_kind not in (self.option(ctx, "no_gaps_in") or ())
        for kind, units in sequences(ctx.outline):
            if kind not in kinds:
                continue
            name, name_en = self.words["names"][kind]
            seen = {}
            prev = None  # (base, unit)
            for unit in units:
                n = number(unit.num)
                if n is None:
                    continue
                full = f"{n[0]}{n[1]}"
                if full in seen:
                    yield self.finding(ctx, unit, msg="duplicate", key=f"duplicate:{unit.num}",
                                       name=name, name_en=name_en.lower(), num=unit.num)
                seen.setdefault(full, unit)
                if gaps and prev is not None and not n[1] and n[0] > prev[0] + 1:
                    lo, hi = prev[0] + 1, n[0] - 1
                    show = roman if not unit.num.isdigit() else str
                    missing = f"{name} {show(lo)}" + (f"–{show(hi)}" if hi > lo else "")
                    yield self.finding(ctx, unit, msg="gap", key=f"gap:{unit.num}", name=name,
                                       name_en=name_en.lower(), prev=prev[1].num, num=unit.num,
                                       missing=missing)
                if prev is None or n[0] >= prev[0]:
                    prev = (n[0], unit)
