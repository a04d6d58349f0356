"""The :class:`Source` of a .docx: takes its parsed parts, walks the body, sets tables of
contents and trailing notes apart and gives one Line per paragraph (or per line break), with the
problems and meta the reader documents (:mod:`lawscan.read.docx`)."""

from __future__ import annotations

import re

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source
from lawscan.read.docx.container import DOCUMENT_PART
from lawscan.read.docx.notes import read_notes, trailing_notes
from lawscan.read.docx.numbering import Numbering, Styles
from lawscan.read.docx.walker import BREAK, Para, Walker, clean, namespace

PAGE_TAIL_RE = re.compile(r"(\t|\.{4,}|…{2,})\s*\d{1,4}\s*$")


def _manual_toc(paras: list[Para]) -> None:
    """Mark runs of >= 3 paragraphs ending in a tab/dot leader and a page number as TOC."""
    run: list[Para] = []

    def close():
        if len(run) >= 3:
            for p in run:
                p.toc = True
        run.clear()

    for p in paras:
        if p.in_table or p.toc:
            close()
            continue
        if not p.raw.strip():
            continue  # empty paragraphs do not break a run
        tail = p.raw.rstrip()[-1:]
        if tail.isdecimal() and PAGE_TAIL_RE.search(p.raw):  # a page number ends the line
            run.append(p)
        else:
            close()
    close()


def build_source(path: str, parts: dict) -> Source:
    """The Source of the parsed ``parts`` (:func:`lawscan.read.docx.container.open_parts`)."""
    doc = parts["document"]
    w = namespace(doc)
    body = doc.find(f"{{{w}}}body")
    if body is None:
        raise ReadError(path, f"{DOCUMENT_PART} has no w:body: not a Word document",
                        "input.docx_not_word")
    styles = Styles(parts.get("styles"), w)
    walker = Walker(w, Numbering(parts.get("numbering"), w, styles), styles)
    walker.walk(body, parts.get("no_properties", False))
    paras = walker.paras
    _manual_toc(paras)

    source = Source(path=path, format="docx", encoding="utf-8")
    footnotes = read_notes(parts.get("footnotes"), w, "footnote") + read_notes(parts.get("endnotes"), w, "endnote")
    start, trailing = trailing_notes(paras)
    note_marks: set[str] = set()
    if start is not None:
        first, last = paras[start].lineno, paras[-1].lineno
        paras = paras[:start]
        footnotes += trailing
        note_marks = {n["id"] for n in trailing}
        source.problems.append(Problem(
            "read.docx.trailing_notes",
            f"{len(trailing)} notes written at the end of the body (paragraphs {first}-{last}) "
            "were kept apart in meta['footnotes'] and their [n] marks removed", first, "info"))
    mark_re = re.compile(r"\s?\[(\d{1,4})\]") if note_marks else None

    numbering, toc = [], []
    for para in paras:
        if para.toc:
            toc.append(para.lineno)
            continue
        raw = clean(para.raw)
        text = raw
        if mark_re is not None:
            text = mark_re.sub(lambda m: "" if m.group(1) in note_marks else m.group(0), text)
        if para.label:
            text = para.label + text.lstrip(" ")
            numbering.append({"line": para.lineno, "label": para.label.strip(),
                              "format": para.fmt, "level": para.level})
        if BREAK not in raw and BREAK not in text:  # one line, the usual case
            source.lines.append(Line(text=text, lineno=para.lineno, raw=raw))
            continue
        raws = raw.split(BREAK)
        texts = text.split(BREAK)
        if len(raws) != len(texts):  # cannot happen: labels and marks carry no breaks
            raws = [raw] * len(texts)
        for t, r in zip(texts, raws):
            source.lines.append(Line(text=t, lineno=para.lineno, raw=r))

    if toc:
        source.problems.append(Problem(
            "read.docx.toc_skipped",
            f"a table of contents was skipped ({len(toc)} paragraphs, {toc[0]}-{toc[-1]})",
            toc[0], "info"))
    if numbering:
        formats = sorted({n["format"] for n in numbering})
        source.problems.append(Problem(
            "read.docx.auto_numbering",
            f"{len(numbering)} paragraph labels came from Word automatic numbering "
            f"(formats: {', '.join(formats)}); they were rebuilt and prefixed to the text",
            numbering[0]["line"], "info"))
    if walker.textboxes:
        source.problems.append(Problem(
            "read.docx.textbox",
            f"the text of {walker.textboxes} text boxes was read before the paragraph each is "
            "anchored in", None, "info"))
    if walker.alt_chunks:
        if not any(line.text.strip() for line in source.lines):
            raise ReadError(path, f"the body is {walker.alt_chunks} embedded document(s) (w:altChunk), "
                                  "which lawscan does not read; open the file in Word and save it "
                                  "as .docx again", "input.docx_altchunk")
        source.problems.append(Problem(
            "read.docx.altchunk",
            f"{walker.alt_chunks} embedded document(s) (w:altChunk: HTML, RTF or another .docx "
            "imported whole) were not read", None, "warning"))
    if footnotes:
        source.meta["footnotes"] = footnotes
    if numbering:
        source.meta["numbering"] = numbering
    source.meta["docx"] = {"paragraphs": walker.lineno, "tables": walker.tables}
    return source
