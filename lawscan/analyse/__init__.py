"""Stage 5 — analyse. Takes a :class:`lawscan.model.Document`, gives a :class:`Verdict`: how the law
governs the digital environment (status, the digital chapters / sections / articles, whether a
digital chapter is called for, reasons) and its coverage of the rubric (domain.md §1.9).

    from lawscan.analyse import analyse
    verdict = analyse(doc)                 # settings: {"lexicons": [paths], "tokens": bool,
                                           #            "segment": bool}

Modules: ``fold`` (length-preserving case/tone folding), ``lexicon`` (rules/data/lexicon.toml with
pyahocorasick), ``matcher`` (per-unit hits, digital units, final provisions - the API the rules
engine reuses), ``verdict`` (status + applicability), ``coverage`` (rubric), ``tokens`` (spaCy
token patterns, loaded only when a unit contains a trigger phrase), ``segment`` (underthesea word
segmentation: defined terms and "số" as a digital modifier, loaded only when needed).
"""

from __future__ import annotations

from lawscan.model import Document, Verdict


def analyse(doc: Document, settings: dict | None = None) -> Verdict:
    """The digital-environment verdict of one document (see the package docstring).

    ``doc`` is analysed as it is now: what the analysis keeps for the last document (its scan
    and structure, which the rules reuse) is dropped first (``matcher.forget``), so a Document
    edited in place is looked at afresh. The rules see the document as last analysed: after an
    edit, analyse it again before running them."""
    from lawscan.analyse import coverage as cov
    from lawscan.analyse import verdict as vd
    from lawscan.analyse.matcher import digital_units, forget, load_lexicon

    forget()
    settings = settings or {}
    lex = load_lexicon(tuple(settings.get("lexicons", ())))
    du = digital_units(doc, lex)
    d = vd.decide(doc, du, lex)
    applicable, why = vd.applicability(doc, d["status"])
    reasons = d["reasons"] + why

    extra = []
    if settings.get("tokens", True):
        from lawscan.analyse.tokens import pattern_hits

        extra, token_reasons = pattern_hits(doc, du.scan)
        reasons += token_reasons
    if settings.get("segment", True) and d["status"] == "none":
        from lawscan.analyse.segment import weak_so_signal

        note = weak_so_signal(doc)
        if note is not None:
            reasons.append(note)

    chapter_eids = [d["eids"][f"chapter:{c}"] for c in d["chapters"]
                    if f"chapter:{c}" in d["eids"]]
    items = cov.coverage(doc, du.scan, chapter_eids, applicable, extra)
    eids = {k: v for k, v in d["eids"].items()}
    return Verdict(status=d["status"], chapters=d["chapters"], sections=d["sections"],
                   articles=d["articles"], applicable=applicable, reasons=reasons,
                   coverage=items, eids=eids)
