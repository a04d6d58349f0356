"""Rubric coverage: one :class:`CoverageItem` per element of rules/data/rubric.toml.

Takes the document's :class:`Outline`, its :class:`DocScan` (lexicon hits per unit line) and the units that form the
scope - the digital chapter(s) when there are any, else the whole law - and gives, for every
element, ``present`` with up to three :class:`Evidence` (eid, source line, a verbatim window of
``Line.text`` around the match), ``absent``, or ``not_applicable`` (the law has no digital
dimension, or an optional element - AI, platforms - that the law never touches).

A lexicon hit is evidence for its element. A rubric marker ("kinh phí", "trách nhiệm",
"bảo mật" ...) is evidence only next to digital context: on a line that also has a strong lexicon
hit, or anywhere inside a digital chapter. Final provisions, the preamble and amendment lists are
never in scope; quoted amendment text is (it is what an amending law regulates).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.fold import fold
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.outline import Outline, rubric
from lawscan.model import CoverageItem, Evidence, Line, Unit

MAX_EVIDENCE = 3
WINDOW = 60


def quote_window(text: str, start: int, end: int, width: int = WINDOW) -> str:
    """A verbatim slice of ``text`` around [start, end), cut at word boundaries."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    if a > 0:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp >= 0 else a
    if b < len(text):
        sp = text.rfind(" ", end, b)
        b = sp if sp >= 0 else b
    return text[a:b].strip()


@lru_cache(maxsize=1)
def _marker_res() -> dict[str, re.Pattern]:
    """Element id -> a regex of its rubric markers (folded, on word boundaries)."""
    out = {}
    for el in rubric().get("element", []):
        ms = [fold(m) for m in el.get("markers", [])]
        if ms and all(ms):
            # "(?<!\w)" written after each marker's first letter (the same test): a pattern that
            # starts with literals lets the regex engine skip quickly to candidates
            out[el["id"]] = re.compile("(" + "|".join(
                re.escape(m[0]) + rf"(?<!\w{re.escape(m[0])})" + re.escape(m[1:]) for m in ms)
                + r")(?!\w)")
        elif ms:
            out[el["id"]] = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ms)) + r")(?!\w)")
    return out


def scope_units(outline: Outline, chapter_eids: list[str]) -> list[Unit]:
    """The units whose lines are scored: the given chapters (the law's own, or those an amending
    law inserts in its quoted text), else every top unit of the law; final provisions left
    out."""
    if chapter_eids:
        own = {u.eid: u for u in outline.units("chapter")}
        tops = [u for eid in chapter_eids if (u := own.get(eid) or outline.doc.find(eid)) is not None]
    else:
        tops = [u for u in outline.doc.root.children]
    final = outline.final_ids
    return [u for top in tops for u in top.walk(include_quoted=True)
            if u.kind != "root" and id(u) not in final]


def coverage(outline: Outline, sc: DocScan, chapter_eids: list[str], applicable: bool,
             extra_lines: list[tuple[Unit, Line, list]] | None = None) -> list[CoverageItem]:
    """CoverageItems for every rubric element (see module doc). ``extra_lines`` may add
    (unit, line, hits) found by other matchers (spaCy token patterns)."""
    elements = rubric().get("element", [])
    markers = _marker_res()
    contexts = {el["id"]: set(el["context_categories"]) for el in elements
                if el.get("context_categories")}
    in_chapter = bool(chapter_eids)
    evidence: dict[str, list[Evidence]] = {el["id"]: [] for el in elements}
    seen: dict[str, set] = {el["id"]: set() for el in elements}

    def add(el: str, unit: Unit, lineno, text: str, start: int, end: int):
        if el not in evidence or len(evidence[el]) >= MAX_EVIDENCE:
            return
        key = (unit.eid, lineno)
        if key in seen[el]:
            return
        seen[el].add(key)
        evidence[el].append(Evidence(unit.eid, lineno, quote_window(text, start, end)))

    def visit(unit: Unit, lineno, text: str, hits: list):
        strong = [h for h in hits if h.strength == "strong"]
        for h in strong:
            add(h.element, unit, lineno, text, h.start, h.end)
        if strong or in_chapter:
            f = sc.fold(text)
            cats = {h.category for h in hits}
            for el, rx in markers.items():
                if el in contexts and not (contexts[el] & cats):
                    continue
                m = rx.search(f)
                if m:
                    add(el, unit, lineno, text, m.start(), m.end())

    by_no: dict = {}  # line number -> text, filled when first needed

    def heading_line(u: Unit):
        """The source line that holds the heading (a title may sit on the line after the label)."""
        if u.line is None:
            return None
        if not by_no:
            by_no.update((ln.lineno, ln.text) for ln in outline.doc.lines)
        for n in range(u.line, u.line + 4):
            if u.heading in by_no.get(n, ""):
                return n
        return u.line

    # visit() finds nothing on a line without hits outside a digital chapter: such lines (and
    # there units without any hit) are skipped; without digital chapters the scope is every
    # unit, so the units to visit are the scan's units with hits (document order) outside the
    # final provisions, and the document is not walked
    final = outline.final_ids
    if in_chapter:
        scope = [sc.of(u) for u in scope_units(outline, chapter_eids)]
    else:
        scope = [us for us in sc.units.values()
                 if us.unit.kind != "root" and id(us.unit) not in final]
    for us in scope:
        u = us.unit
        if u.heading and (us.title_hits or in_chapter):
            visit(u, heading_line(u), u.heading, us.title_hits)
        for line, hits in us.line_hits:
            if line.text and (hits or in_chapter):
                visit(u, line.lineno, line.text, hits)
    for unit, line, hits in extra_lines or []:
        visit(unit, line.lineno, line.text, hits)
    touched = _touched(sc, final)
    items = []
    for el in elements:
        ev = evidence[el["id"]]
        if ev:
            state = "present"
        elif not applicable or (el.get("optional") and el["id"] not in touched):
            state = "not_applicable"
        else:
            state = "absent"
        items.append(CoverageItem(el["id"], el.get("label", el["id"]), state, ev))
    return items


def _touched(sc: DocScan, final: frozenset[int]) -> set[str]:
    """The elements a lexicon hit names anywhere in the law outside the final provisions (an
    optional element the law never touches is not applicable)."""
    touched: set[str] = set()
    for us in sc.title_hit_scans + sc.line_hit_scans:  # the units without hits add nothing
        if us.unit.kind == "root" or id(us.unit) in final:
            continue
        if us.title_hits:
            touched.update(h.element for h in us.title_hits)
        for _, hits in us.line_hits:
            if hits:
                touched.update(h.element for h in hits)
    return touched
