"""The analysis of one document, made in one place and handed forward.

``analyse_document(doc, settings=None) -> Analysis`` runs the analysis stage in order - the
outline (own structure, final provisions), the lexicon scan, the digital units, the status and
applicability, the token patterns and word segmentation, the rubric coverage - and gives every
result in one :class:`Analysis`, which the rules receive. Nothing is kept anywhere else: a
Document edited in place is looked at afresh by analysing it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawscan.analyse.matcher import DigitalUnits, DocScan
from lawscan.analyse.outline import Outline
from lawscan.model import Document, Verdict


@dataclass(eq=False)
class Analysis:
    """What the analysis stage learned about one document.

    * ``doc`` - the document as analysed;
    * ``outline`` - its own structure: units by kind, parents, quoted blocks, final provisions;
    * ``scan`` - the lexicon hits of every heading and line, and the document's folded text;
    * ``units`` - the digital chapters, sections and articles, each with its reason;
    * ``verdict`` - the status, reasons and rubric coverage (what the reports show).
    """

    doc: Document
    outline: Outline
    scan: DocScan
    units: DigitalUnits
    verdict: Verdict


def analyse_document(doc: Document, settings: dict | None = None) -> Analysis:
    """The :class:`Analysis` of ``doc`` (see the package docstring for the settings)."""
    from lawscan.analyse import coverage as cov
    from lawscan.analyse import verdict as vd
    from lawscan.analyse.matcher import digital_units, load_lexicon, scan

    settings = settings or {}
    lex = load_lexicon(tuple(settings.get("lexicons", ())))
    outline = Outline.of(doc)
    sc = scan(doc, lex)
    du = digital_units(outline, sc, lex)
    d = vd.decide(outline, du, lex)
    applicable, why = vd.applicability(outline, sc, d["status"])
    reasons = d["reasons"] + why

    extra = []
    if settings.get("tokens", True):
        from lawscan.analyse.tokens import pattern_hits

        extra, token_reasons = pattern_hits(sc, outline)
        reasons += token_reasons
    if settings.get("segment", True) and d["status"] == "none":
        from lawscan.analyse.segment import weak_so_signal

        note = weak_so_signal(sc, outline)
        if note is not None:
            reasons.append(note)

    chapter_eids = [d["eids"][f"chapter:{c}"] for c in d["chapters"]
                    if f"chapter:{c}" in d["eids"]]
    items = cov.coverage(outline, sc, chapter_eids, applicable, extra)
    verdict = Verdict(status=d["status"], chapters=d["chapters"], sections=d["sections"],
                      articles=d["articles"], applicable=applicable, reasons=reasons,
                      coverage=items, eids=dict(d["eids"]))
    return Analysis(doc, outline, sc, du, verdict)
