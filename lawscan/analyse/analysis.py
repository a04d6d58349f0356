"""The analysis of one document, made in one place and handed forward.

``analyse_document(doc, settings=None) -> Analysis`` runs the analysis stage in order - the
outline (own structure, final provisions: an article with a digital title is not made final by
the last chapter it is in), the lexicon scan, the digital units, the status and
applicability (marked for review, whatever they say, for a text written without Vietnamese
diacritics: ``diacritics``), the token patterns and word segmentation, the rubric coverage -
and gives every result in one :class:`Analysis`, which the rules receive. Nothing is kept anywhere else: a
Document edited in place is looked at afresh by analysing it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawscan.analyse.classifier import UnitClassifier
from lawscan.analyse.judge import Judgements
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.outline import Outline
from lawscan.model import Document, Verdict


@dataclass(eq=False)
class Analysis:
    """What the analysis stage learned about one document.

    * ``doc`` - the document as analysed;
    * ``outline`` - its own structure: units by kind, parents, quoted blocks, final provisions;
    * ``scan`` - the lexicon hits of every heading and line, and the document's folded text;
    * ``judgements`` - for every article, section and chapter: is it digital, how likely, from
      which signals (title lexicon, body lexicon, quoted text, the articles inside), and why;
    * ``verdict`` - the status, reasons and rubric coverage (what the reports show).
    """

    doc: Document
    outline: Outline
    scan: DocScan
    judgements: Judgements
    verdict: Verdict


def analyse_document(doc: Document, settings: dict | None = None,
                     classifier: UnitClassifier | None = None) -> Analysis:
    """The :class:`Analysis` of ``doc`` (see the package docstring for the settings).
    ``settings["verdict"]``: "rules" (the default) or "trained" (the shipped classifier's, or
    ``classifier``'s, probabilities combined with the lexicon and the roll-up:
    ``lawscan.analyse.classifier``)."""
    from lawscan.analyse import coverage as cov
    from lawscan.analyse.aliases import digital_aliases
    from lawscan.analyse.definitions import digital_definitions
    from lawscan.analyse import verdict as vd
    from lawscan.analyse.classifier import (UnitContext, classifier_signals, combine_trained,
                                            load_classifier, method_of)
    from lawscan.analyse.confidence import needs_review
    from lawscan.analyse.diacritics import NO_DIACRITICS_CONFIDENCE, lacks_diacritics
    from lawscan.analyse.messages import reason
    from lawscan.analyse.judge import judge_units, title_is_digital
    from lawscan.analyse.matcher import load_lexicon, scan
    from lawscan.fold import fold

    settings = settings or {}
    method = "trained" if classifier is not None else method_of(settings)
    lex = load_lexicon(tuple(settings.get("lexicons", ())))
    outline = Outline.of(doc, kept=lambda article: title_is_digital(article.heading, lex))
    sc = scan(doc, lex)
    # rare: the document's own names for digital things count as its terms - what its
    # definitions make digital, then its short names (those of the defined things too)
    defined = digital_definitions(outline, lex)
    if defined:
        lex = lex.with_terms([alias.term for alias in defined])
        sc = scan(doc, lex)
    aliases = digital_aliases(sc, lex)
    if aliases:
        lex = lex.with_terms([alias.term for alias in aliases])
        sc = scan(doc, lex)
    own_names = aliases + defined
    if method == "trained":
        hook = classifier_signals(classifier or load_classifier(), UnitContext(outline, sc, lex))
        judged = judge_units(outline, sc, lex, hook, combine_trained)
    else:
        judged = judge_units(outline, sc, lex)
    verdict = vd.decide(outline, sc, judged, lex, frozenset(fold(a.term.text) for a in defined))
    verdict.applicable, why = vd.applicability(outline, sc, verdict.status)
    verdict.reasons += why + [alias.reason for alias in own_names]
    if lacks_diacritics(doc):  # nothing of the lexicon or the rubric can be found in it
        verdict.confidence = min(verdict.confidence, NO_DIACRITICS_CONFIDENCE)
        verdict.applicable = True  # what it regulates cannot be read: not "nothing to regulate"
        verdict.reasons.append(reason("no_diacritics"))
    verdict.method, verdict.review = method, needs_review(verdict.confidence)

    extra = []
    if settings.get("tokens", True):
        from lawscan.analyse.tokens import pattern_hits

        extra, token_reasons = pattern_hits(sc, outline)
        verdict.reasons += token_reasons
    if settings.get("segment", True) and verdict.status == "none":
        from lawscan.analyse.segment import weak_so_signal

        note = weak_so_signal(sc, outline)
        if note is not None:
            verdict.reasons.append(note)

    chapter_eids = [verdict.eids[f"chapter:{c}"] for c in verdict.chapters
                    if f"chapter:{c}" in verdict.eids]
    verdict.coverage = cov.coverage(outline, sc, chapter_eids, verdict.applicable, extra)
    return Analysis(doc, outline, sc, judged, verdict)
