"""Stage 3 — structure. Takes a normalised :class:`Source`, gives a :class:`Document` with the
metadata (title, number, year, kind) and the tree Phần › Chương › Mục › Tiểu mục › Điều › khoản ›
điểm. Never refuses: always a tree plus ``problems``.

Modules: ``patterns`` (regexes built from ``vocab.toml``), ``parser`` (lines -> tree), ``amend``
(quoted text of amending laws), ``attach`` (regulations and annexes issued with a document),
``metadata`` (header -> title, number, date, kind), ``eids`` (Akoma Ntoso ids).
"""

from __future__ import annotations

from lawscan.model import Document, Line, Problem, Source, Unit
from lawscan.structure.attach import bodies
from lawscan.structure.patterns import num_key


def parse_lines(lines: list[Line], problems: list[Problem] | None = None, doc_title: str = "") -> Unit:
    """Just the tree of some lines (no metadata): handy for tests and for other stages."""
    from lawscan.structure.eids import assign_eids
    from lawscan.structure.parser import LineParser

    problems = problems if problems is not None else []
    parser = LineParser(lines, problems, doc_title=doc_title)
    root = parser.run()
    root.content.extend(parser.closing)
    assign_eids(root, problems)
    return root


def parse_source(source: Source) -> Document:
    from lawscan.structure import metadata
    from lawscan.structure.eids import assign_eids
    from lawscan.structure.parser import LineParser

    problems: list[Problem] = list(source.problems)
    doc = Document(path=source.path, format=source.format, lines=source.lines,
                   meta=dict(source.meta))
    try:
        header_guess = _header_title_guess(source.lines)
        parser = LineParser(source.lines, problems, doc_title=header_guess)
        root = parser.run()
    except Exception as exc:  # the parser never refuses a document
        problems.append(Problem("structure.internal", f"structure parser failed: {exc!r}", None, "error"))
        root = Unit(kind="root", content=list(source.lines))
        parser = None
    header = list(root.content)
    closing = parser.closing if parser else []
    sample = " ".join(ln.text for ln in source.lines[:400])[:20000]
    first = next((u for u in root.walk(include_quoted=False) if u.kind == "article"), None)
    meta = metadata.extract(header, closing, source.meta, sample, first.heading if first else "",
                            source.lines)
    doc.title, doc.number, doc.year, doc.date = meta.title, meta.number, meta.year, meta.date
    doc.issuer, doc.doc_kind, doc.is_draft = meta.issuer, meta.doc_kind, meta.is_draft
    if meta.consolidates:  # the kind a consolidated text is judged as (RULES.md)
        doc.meta["consolidates"] = meta.consolidates
    if parser is not None:
        if parser.closing:
            root.content.extend(closing)
            doc.meta["closing_line"] = parser.closing_line or closing[0].lineno
        if parser.annex_line is not None:
            doc.meta["annex_line"] = parser.annex_line
            problems.append(Problem("structure.annex", "annex (PHỤ LỤC) after the signature kept in the "
                                    "document's closing text, not parsed", parser.annex_line, "info"))
        if not any(u.kind == "article" for u in root.walk(include_quoted=False)):
            problems.append(Problem("structure.no_articles", "no article (Điều) found", None, "warning"))
    _infer_lost_first_chapter(root, problems)
    _infer_lost_first_sections(root, problems)
    assign_eids(root, problems)
    doc.root = root
    doc.problems = problems
    return doc


def _header_title_guess(lines: list[Line]) -> str:
    """The first lines' title, used to name the amended law of an amending law's instructions."""
    from lawscan.structure import metadata

    return metadata.extract(lines[:40], []).title


def _infer_lost_first_chapter(root: Unit, problems: list[Problem]) -> None:
    """A law divided into chapters has every article in a chapter (NQ 351/2017/UBTVQH14 Điều
    10). When the first chapter is Chương II and articles stand before it, the source lost the
    "Chương I" heading (vbpl.vn records put those articles under a "PHẦN MỞ ĐẦU" pseudo-chapter):
    wrap them in an inferred Chương I, as a lost "Mục 1" is."""
    for container in [body_part for body in bodies(root)
                      for body_part in [body, *(u for u in body.children if u.kind == "part")]]:
        kids = container.children
        first = next((i for i, c in enumerate(kids) if c.kind == "chapter"), None)
        if first is None or num_key(kids[first].num, "chapter") != (2, ""):
            continue
        leading = [i for i, c in enumerate(kids[:first]) if c.kind == "article"]
        if not leading:
            continue
        start = leading[0]
        num = "1" if kids[first].num.isdecimal() else "I"
        chapter = Unit(kind="chapter", num=num, heading="", line=kids[start].line,
                       children=kids[start:first], attrs={"inferred": True})
        container.children = kids[:start] + [chapter] + kids[first:]
        problems.append(Problem("structure.chapter_inferred",
                                f"the first chapter is Chương {kids[first].num} and {len(leading)} "
                                f"article(s) stand before it: they are taken as Chương {num} "
                                "(heading lost in the source)", kids[start].line, "warning"))


def _infer_lost_first_sections(root: Unit, problems: list[Problem]) -> None:
    """A chapter divided into Mục has every article in a Mục (NQ 351/2017/UBTVQH14 Điều 10). When a
    source lost the "Mục 1" heading (scraped records do), the articles before "Mục 2" are Mục 1:
    wrap them in an inferred section so counts and ids stay those of the law."""
    for chapter in _chapters(root):
        kids = chapter.children
        first = next((i for i, c in enumerate(kids) if c.kind == "section"), None)
        if first is None or kids[first].num.strip() != "2":
            continue
        leading = [c for c in kids[:first] if c.kind == "article"]
        if not leading:
            continue
        start = kids.index(leading[0])
        section = Unit(kind="section", num="1", heading="", line=leading[0].line,
                       children=kids[start:first], attrs={"inferred": True})
        chapter.children = kids[:start] + [section] + kids[first:]
        problems.append(Problem("structure.section_inferred",
                                f"Chương {chapter.num} has Mục 2 but no Mục 1 heading: the articles "
                                "before Mục 2 are taken as Mục 1 (heading lost in the source)",
                                leading[0].line, "warning"))


def _chapters(root: Unit):
    """The chapters of a parsed tree, in order: the parser opens a Chương only under the root, a
    Phần or an attachment (quotations left out), so the khoản and điểm below need not be walked."""
    for unit in root.children:
        if unit.kind == "chapter":
            yield unit
        elif unit.kind in ("part", "attachment"):
            yield from _chapters(unit)
