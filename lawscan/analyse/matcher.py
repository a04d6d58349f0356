"""Lexicon matching over a Document (what ``judge`` decides the digital units from).

Public API (import from ``lawscan.analyse.matcher``):

* ``fold(text) -> str`` - lower case + hóa/hoá tone folding, same length (offsets map back);
* ``load_lexicon(extra_paths=()) -> Lexicon``; ``Lexicon.find(text) -> list[Hit]`` with
  ``Hit(term, category, element, strength, start, end)``, offsets in the ORIGINAL text;
* ``scan(doc, lexicon) -> DocScan`` - the hits of every unit's heading and own lines, and the
  document's folded text (``DocScan.fold(text)`` gives a line's fold from it);
* from :mod:`lawscan.analyse.outline`: ``Outline`` (the document's own structure and final
  provisions), ``is_final_provisions``, ``is_framing_article``, ``is_amending_law``, ``rubric``.

Takes a :class:`lawscan.model.Document`; gives plain dataclasses. No heavy imports, and nothing
kept between calls: what one document's analysis made is handed on in
:class:`lawscan.analyse.Analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawscan.fold import fold, fold_joined
from lawscan.analyse.lexicon import Hit, Lexicon, load_lexicon
from lawscan.analyse.outline import (Outline, is_amending_law, is_final_provisions,  # noqa: F401
                                     is_framing_article, rubric)
from lawscan.model import Document, Line, Unit

__all__ = ["fold", "load_lexicon", "Lexicon", "Hit", "scan", "DocScan", "UnitScan",
           "is_final_provisions", "is_amending_law", "is_framing_article", "rubric", "Outline"]


# ---------------------------------------------------------------------------------------- scan


@dataclass
class UnitScan:
    """Hits in one unit's heading and in each of its own lines (a heading or line without hits
    has the empty tuple: most have none, and one list each would only be garbage-collector
    work)."""

    unit: Unit
    title_hits: list[Hit] | tuple = ()
    line_hits: list[tuple[Line, list[Hit] | tuple]] = field(default_factory=list)

    def own_hits(self) -> list[Hit]:
        return [h for _, hs in self.line_hits for h in hs]


@dataclass
class DocScan:
    """The hits of the units (``units``: the scans of the units with a hit; :meth:`of` gives any
    unit's), and the folded text they were found in: the headings and non-empty lines in
    document order joined by line breaks (``folded``), where each starts (``starts``) and whose
    it is (``slot_units``: the unit; ``slot_lines``: -1 for its heading, else the index of the
    line in its ``content`` and ``line_hits``); ``line_hit_scans``: the scans of the units that
    have a hit in one of their lines, in document order (``title_hit_scans``: in their
    heading). Two flat lists rather than a list of pairs, and no scan for a unit without hits:
    a document has some hundred thousand lines, and fewer long-lived objects mean less work
    for the garbage collector."""

    doc: Document
    lexicon: Lexicon
    units: dict[int, UnitScan] = field(default_factory=dict)  # id(unit) -> scan: with hits, in order
    folded: str = ""
    starts: list[int] = field(default_factory=list)
    slot_units: list[Unit] = field(default_factory=list)
    slot_lines: list[int] = field(default_factory=list)
    line_hit_scans: list[UnitScan] = field(default_factory=list)  # units with a line hit, in order
    title_hit_scans: list[UnitScan] = field(default_factory=list)  # units with a heading hit
    empty_lines: int = 0  # content lines with no text (not in ``folded``)
    folds: dict[str, str] = field(default_factory=dict)  # heading or line text -> its fold

    def fold(self, text: str) -> str:
        """``fold(text)``: for a heading or line of the document its piece of ``folded`` (each
        is folded once, in one pass), other text folded now."""
        folded = self.folds.get(text)
        return folded if folded is not None else fold(text)

    def of(self, unit: Unit) -> UnitScan:
        """The scan of ``unit``: its hits, or none (a new empty scan) for a unit without any."""
        us = self.units.get(id(unit))
        return us if us is not None else _empty_scan(unit)

    def deep_hits(self, unit: Unit, include_quoted: bool = False, title: bool = True) -> list[Hit]:
        """Hits of the unit's own lines and all its descendants (not the unit's own heading unless
        ``title``)."""
        out = []
        for u in unit.walk(include_quoted):
            s = self.units.get(id(u))
            if s is None:
                continue
            if u is not unit or title:
                out.extend(s.title_hits)
            out.extend(s.own_hits())
        return out

    def lines_containing(self, phrases) -> list[tuple[Unit, Line]]:
        """(unit, line) of every content line (not a heading) whose folded text contains one of
        the folded ``phrases``, in document order: each phrase is searched once in ``folded``."""
        from lawscan.joined import lines_with

        if any(not p for p in phrases):  # the empty phrase is in every line
            return [(u, line) for u in self.doc.root.walk() for line in u.content]
        found: set[int] = set()
        for p in phrases:
            if "\n" not in p:  # a phrase never spans two lines
                found.update(lines_with(self.folded, self.starts, p))
        out = []
        for k in sorted(found):
            unit, slot = self.slot_units[k], self.slot_lines[k]
            if slot >= 0:
                out.append((unit, unit.content[slot]))
        return out


def _empty_scan(unit: Unit) -> UnitScan:
    return UnitScan(unit, (), [(line, ()) for line in unit.content])


def scan(doc: Document, lexicon: Lexicon | None = None) -> DocScan:
    """Match the lexicon on every unit heading and line of ``doc``."""
    lex = lexicon or load_lexicon()
    import bisect
    import unicodedata

    ds = DocScan(doc, lex)
    units = ds.units
    texts: list[str] = []
    slot_units, slot_lines = ds.slot_units, ds.slot_lines
    for u in doc.root.walk(include_quoted=True):
        if u.heading:
            texts.append(u.heading)
            slot_units.append(u)
            slot_lines.append(-1)
        for i, line in enumerate(u.content):
            if line.text:
                texts.append(line.text)
                slot_units.append(u)
                slot_lines.append(i)
            else:
                ds.empty_lines += 1
    # one fold (whose pieces are the folds of the lines, kept for DocScan.fold) and one
    # automaton pass for the whole document; hits are then given back to their line (terms
    # never span a line break)
    ds.folded, pieces = fold_joined(texts)
    starts = ds.starts
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    if pieces:
        whole = ds.folded
        ds.folds = {t: whole[a:a + len(t)] for t, a in zip(texts, starts)}
    folded = ds.folded
    if not all(unicodedata.is_normalized("NFC", t) for t in texts):  # rare: not matched
        folded = "\n".join(" " * len(t) if not unicodedata.is_normalized("NFC", t)
                           else folded[a:a + len(t)] for a, t in zip(starts, texts))
    printed = "\n".join(texts) if lex.has_cased else None
    for h in lex.find_folded(folded, printed):
        k = bisect.bisect_right(starts, h.start) - 1
        unit, slot = slot_units[k], slot_lines[k]
        us = units.get(id(unit))
        if us is None:  # the unit's first hit
            us = units[id(unit)] = _empty_scan(unit)
        local = Hit(h.term, h.category, h.element, h.strength, h.start - starts[k], h.end - starts[k])
        if slot < 0:
            if us.title_hits:
                us.title_hits.append(local)
            else:
                us.title_hits = [local]
                ds.title_hit_scans.append(us)
        else:
            line, hits = us.line_hits[slot]
            if hits:
                hits.append(local)
            else:
                us.line_hits[slot] = (line, [local])
                if not ds.line_hit_scans or ds.line_hit_scans[-1] is not us:
                    ds.line_hit_scans.append(us)
    return ds
