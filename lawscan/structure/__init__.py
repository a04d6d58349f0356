"""Stage 3 — structure. Takes a normalised :class:`Source`, gives a :class:`Document` with the
metadata (title, number, year, kind) and the tree Phần › Chương › Mục › Tiểu mục › Điều › khoản ›
điểm. Never refuses: always a tree plus ``problems``.

Modules: ``patterns`` (regexes built from ``vocab.toml``), ``parser`` (lines -> tree), ``amend``
(quoted text of amending laws), ``metadata`` (header -> title, number, date, kind), ``eids``
(Akoma Ntoso ids).
"""

from __future__ import annotations

from lawscan.model import Document, Line, Problem, Source, Unit


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
    meta = metadata.extract(header, closing, source.meta, sample, first.heading if first else "")
    doc.title, doc.number, doc.year, doc.date = meta.title, meta.number, meta.year, meta.date
    doc.issuer, doc.doc_kind, doc.is_draft = meta.issuer, meta.doc_kind, meta.is_draft
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
    assign_eids(root, problems)
    doc.root = root
    doc.problems = problems
    return doc


def _header_title_guess(lines: list[Line]) -> str:
    """The first lines' title, used to name the amended law of an amending law's instructions."""
    from lawscan.structure import metadata

    return metadata.extract(lines[:40], []).title
