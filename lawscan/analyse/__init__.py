"""Stage 5 — analyse. Takes a :class:`lawscan.model.Document`, gives an :class:`Analysis`: what the
analysis learned about the document - its own outline and final provisions, the lexicon scan,
its digital units and the :class:`~lawscan.model.Verdict` (how the law governs the digital
environment: status, the digital chapters / sections / articles, whether a digital chapter is
called for, reasons, and its coverage of the rubric in rules/data/rubric.toml). The rules receive the
Analysis (``lawscan.engine.run_rules``).

    from lawscan.analyse import analyse, analyse_document
    analysis = analyse_document(doc)       # settings: {"lexicons": [paths], "tokens": bool,
                                           #            "segment": bool}
    verdict = analyse(doc)                 # the verdict alone: analyse_document(doc).verdict

Modules: ``fold`` (length-preserving case/tone folding), ``lexicon`` (rules/data/lexicon.toml with
pyahocorasick), ``outline`` (the document's own structure and final provisions), ``matcher``
(per-unit hits, digital units), ``verdict`` (status + applicability), ``coverage`` (rubric),
``tokens`` (spaCy token patterns, loaded only when a unit contains a trigger phrase), ``segment``
(underthesea word segmentation: defined terms and "số" as a digital modifier, loaded only when
needed), ``analysis`` (the :class:`Analysis` and the order the stage runs in).
"""

from __future__ import annotations

from lawscan.analyse.analysis import Analysis, analyse_document
from lawscan.model import Document, Verdict

__all__ = ["Analysis", "analyse", "analyse_document"]


def analyse(doc: Document, settings: dict | None = None) -> Verdict:
    """The digital-environment verdict of one document: ``analyse_document(doc, settings).verdict``."""
    return analyse_document(doc, settings).verdict
