"""Lexicon matching over a Document, and the digital units the verdict is made of.

Public API (import from ``lawscan.analyse.matcher``):

* ``fold(text) -> str`` - lower case + hóa/hoá tone folding, same length (offsets map back);
* ``load_lexicon(extra_paths=()) -> Lexicon``; ``Lexicon.find(text) -> list[Hit]`` with
  ``Hit(term, category, element, strength, start, end)``, offsets in the ORIGINAL text;
* ``scan(doc, lexicon) -> DocScan`` - the hits of every unit's heading and own lines, and the
  document's folded text (``DocScan.fold(text)`` gives a line's fold from it);
* ``digital_units(outline, scan, lexicon) -> DigitalUnits`` - the chapters, sections and articles
  whose subject is digital, each with the reason (what the verdict uses);
* from :mod:`lawscan.analyse.outline`: ``Outline`` (the document's own structure and final
  provisions), ``is_final_provisions``, ``is_framing_article``, ``is_amending_law``, ``rubric``.

Takes a :class:`lawscan.model.Document`; gives plain dataclasses. No heavy imports, and nothing
kept between calls: what one document's analysis made is handed on in
:class:`lawscan.analyse.Analysis`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawscan.analyse.fold import fold, fold_joined
from lawscan.analyse.lexicon import Hit, Lexicon, load_lexicon
from lawscan.analyse.messages import label, reason, text
from lawscan.analyse.outline import (Outline, heading_is, is_amending_law, is_final_provisions,
                                     is_framing_article, rubric)
from lawscan.model import Document, Line, Reason, Unit

__all__ = ["fold", "load_lexicon", "Lexicon", "Hit", "scan", "DocScan", "UnitScan",
           "digital_units", "DigitalUnits", "Decision", "is_final_provisions", "is_amending_law",
           "is_framing_article", "rubric", "Outline", "title_is_digital", "body_is_digital"]


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
    for h in lex.find_folded(folded):
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


# ------------------------------------------------------------------------------ digital units


@dataclass
class Decision:
    """Why one unit counts as digital."""

    unit: Unit
    num: str  # as printed; for a section "chapter/section"
    reason: Reason
    via: str = "title"  # title | body | articles | quoted
    attributed_to: Unit | None = None  # for quoted text: the instruction's own article


@dataclass
class DigitalUnits:
    chapters: list[Decision] = field(default_factory=list)
    sections: list[Decision] = field(default_factory=list)  # num "II/1"
    articles: list[Decision] = field(default_factory=list)
    scan: DocScan | None = None


def _strong(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.strength == "strong"]


def _syllables(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])


def _title_term(hit: Hit, lex: Lexicon) -> bool:
    """A hit that makes a title item digital: a strong term, or an e-portal/website."""
    return hit.strength == "strong" or hit.category in lex.title_categories


def _item_is_digital(item: str, lex: Lexicon) -> bool:
    return any(_title_term(h, lex) for h in lex.find_folded(item))


def title_is_digital(heading: str, lex: Lexicon, folded: str | None = None) -> bool:
    """A title is digital when its subject is: the title is cut into parts at ";" and each part
    into items at "," and " và "; an item is digital when it names a strong digital term (or an
    e-portal/website); a part is digital when at least half of its substantive items are (items of
    one or two syllables without a digital term - "quyền", "chỗ ở", "xây dựng" - do not count), and
    the title when at least half of its parts are. So "Thu thập phương tiện điện tử, dữ liệu điện
    tử" and "ÁP DỤNG HÓA ĐƠN, CHỨNG TỪ ĐIỆN TỬ" are digital, but "Căn cứ khám xét người, chỗ ở,
    nơi làm việc, ..., dữ liệu điện tử" and "QUAN TRẮC MÔI TRƯỜNG, THÔNG TIN, CƠ SỞ DỮ LIỆU MÔI
    TRƯỜNG VÀ BÁO CÁO MÔI TRƯỜNG" are not. ``folded``: the heading's fold, when known."""
    f = fold(heading) if folded is None else folded
    if not lex.names_any(f, lex.title_categories):  # no item can be digital
        return False
    parts = [p for p in f.split(";") if p.strip()]
    if not parts:
        return False
    digital_parts = 0
    for part in parts:
        items = [i.strip() for i in re.split(r",| và | hoặc ", part) if i.strip()]
        flags = [_item_is_digital(i, lex) for i in items]
        counted = [fl for i, fl in zip(items, flags) if fl or _syllables(i) >= 3]
        if counted and sum(counted) * 2 >= len(counted):
            digital_parts += 1
    return digital_parts * 2 >= len(parts) and digital_parts > 0


def _lines(scan_: DocScan, art: Unit) -> list[tuple[Line, list[Hit]]]:
    """Non-empty lines of an article and its khoản/điểm (quoted text excluded) with their hits."""
    out = []
    for u in art.walk(include_quoted=False):
        for line, hs in scan_.of(u).line_hits:
            if line.text.strip():
                out.append((line, hs))
    return out


def body_is_digital(scan_: DocScan, art: Unit) -> tuple[bool, tuple[str, str]]:
    """The main subject of an article body is digital: at least half of its lines (khoản, điểm)
    name a strong digital term, with four or more strong hits of two or more different terms.
    An incidental clause (a contract "concluded by electronic means", a database in a list of
    duties) does not make an article digital."""
    lines = _lines(scan_, art)
    if not lines:
        return False, ("", "")
    with_hits = [_strong(hs) for _, hs in lines if _strong(hs)]
    n_strong = sum(len(h) for h in with_hits)
    terms = sorted({h.term for hs in with_hits for h in hs})
    ok = len(with_hits) * 2 >= len(lines) and n_strong >= 4 and len(terms) >= 2
    return ok, text("body_lines", lines=len(with_hits), total=len(lines), terms=", ".join(terms[:4]))


def _article_decision(scan_: DocScan, art: Unit, lex: Lexicon,
                      body_possible: bool = True) -> Decision | None:
    """``body_possible`` False: the body is known to hold fewer than four strong hits, so
    :func:`body_is_digital` is not asked."""
    s = scan_.of(art)
    if art.heading and title_is_digital(art.heading, lex, scan_.fold(art.heading)):
        # the terms title_is_digital went by (a website title has no strong term: "Điều 9 title
        # names " was printed with strong terms only)
        terms = ", ".join(sorted({h.term for h in s.title_hits if _title_term(h, lex)})) \
            or art.heading.strip()[:80]
        return Decision(art, art.num, reason("article_title", art.eid, num=art.num, terms=terms), "title")
    if not body_possible:
        return None
    ok, why = body_is_digital(scan_, art)
    if ok:
        return Decision(art, art.num, reason("article_body", art.eid, num=art.num, why=why), "body")
    return None


def _quoted_is_digital(scan_: DocScan, q: Unit, lex: Lexicon, art: Unit) -> Reason | None:
    """The reason, given for the instruction's own article ``art``, when quoted amendment text
    is digital (an inserted digital article, or quoted clauses whose main subject is digital),
    else None."""
    for a in q.walk():
        if a.kind == "article" and a is not q:
            d = _article_decision(scan_, a, lex)
            if d:
                return reason("quoted_article", art.eid, num=art.num, inner=(d.reason.vi, d.reason.en))
    hits = _strong(scan_.deep_hits(q, include_quoted=True))
    terms = sorted({h.term for h in hits})
    lines = [ln for u in q.walk() for ln in u.content if ln.text.strip()]
    lines_with = sum(1 for u in q.walk() for _, hs in scan_.of(u).line_hits if _strong(hs))
    if len(terms) >= 2 and lines_with * 2 >= max(1, len(lines)) and lines_with >= 1:
        return reason("quoted_text", art.eid, num=art.num, terms=", ".join(terms[:4]))
    return None


def _num(u: Unit) -> str:
    return u.num


def digital_units(outline: Outline, sc: DocScan, lex: Lexicon) -> DigitalUnits:
    """Chapters, sections and articles whose subject is digital (see analyse.md / verdict.py).

    * article: its TITLE is digital (:func:`title_is_digital`), or its body's main subject is
      (:func:`body_is_digital`); quoted amendment text that is digital counts for the instruction's own
      article;
    * section / chapter: its TITLE is digital (see :func:`title_is_digital`) and it has a digital
      article, or most of its articles (two or more) are digital - never the general-provisions
      chapter by article count alone.
    Final provisions and framing articles (scope, subjects, definitions) never count.
    """
    out = DigitalUnits(scan=sc)
    parent, quoted = outline.parent, outline.quoted
    all_articles = outline.units("article")
    # the articles with quoted text somewhere below them (climbing from each quoted block)
    quoting: set[int] = set()
    for _, p in quoted:
        while p is not None:
            if p.kind == "article":
                quoting.add(id(p))
            p = parent.get(id(p))
    framing = {id(a) for a in all_articles if is_framing_article(a)}
    own_articles = [a for a in all_articles if not outline.is_final(a)]
    # strong hits in the lines of each article and its khoản/điểm (quoted text left out, as in
    # body_is_digital, which needs four): counted from the few units with hits, climbing parents
    n_strong: dict[int, int] = {}
    for us in sc.line_hit_scans:
        if id(us.unit) not in parent:  # the root, or inside quoted text
            continue
        k = sum(1 for _, hs in us.line_hits for h in hs if h.strength == "strong")
        p = us.unit
        while k and p is not None:
            if p.kind == "article":
                n_strong[id(p)] = n_strong.get(id(p), 0) + k
            p = parent.get(id(p))
    digital_art: dict[int, Decision] = {}
    for art in own_articles:
        if id(art) in framing:
            continue
        d = _article_decision(sc, art, lex, n_strong.get(id(art), 0) >= 4)
        if d is None and id(art) in quoting:
            for q in art.walk():
                if q.kind == "quoted":
                    why = _quoted_is_digital(sc, q, lex, art)
                    if why:
                        d = Decision(art, art.num, why, "quoted", art)
                        break
        if d:
            digital_art[id(art)] = d
    out.articles = [digital_art[id(a)] for a in own_articles if id(a) in digital_art]

    # the articles (framing ones left out) inside each chapter, section ...: climb from each article
    arts_in: dict[int, list[Unit]] = {}
    for a in all_articles:
        if id(a) not in framing:
            p = parent.get(id(a))
            while p is not None:
                arts_in.setdefault(id(p), []).append(a)
                p = parent.get(id(p))

    def container_decision(u: Unit, name: str) -> Decision | None:
        kind_code = "chapter" if u.kind == "chapter" else "section"
        if outline.is_final(u):
            return None
        arts = arts_in.get(id(u), [])
        n_dig = sum(1 for a in arts if id(a) in digital_art)
        if u.heading and title_is_digital(u.heading, lex, sc.fold(u.heading)) and (not arts or n_dig >= 1):
            return Decision(u, name, reason(f"{kind_code}_title", u.eid, label=name,
                                            title=u.heading.strip()[:80]), "title")
        general = u.kind == "chapter" and heading_is(u.heading, rubric()["structure"]["general_chapter"])
        if arts and not general and n_dig >= 2 and n_dig * 2 > len(arts):
            return Decision(u, name, reason(f"{kind_code}_articles", u.eid, label=name, digital=n_dig,
                                            total=len(arts)), "articles")
        return None

    for ch in outline.units("chapter"):
        d = container_decision(ch, label("chapter", num=ch.num))
        if d:
            d.num = ch.num
            out.chapters.append(d)
    for sec in outline.units("section"):
        chap = parent.get(id(sec))
        while chap is not None and chap.kind not in ("chapter", "root"):
            chap = parent.get(id(chap))
        cnum = chap.num if chap is not None and chap.kind == "chapter" else ""
        d = container_decision(sec, label("section_in_chapter", num=sec.num, chapter=cnum) if cnum
                               else label("section", num=sec.num))
        if d:
            d.num = f"{cnum}/{sec.num}"
            out.sections.append(d)
    return out
