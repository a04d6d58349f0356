"""The trained verdict's roll-up: per-unit probabilities + structure + the lexicon's topic evidence
-> the status, the digital chapters / sections / articles, and a calibrated confidence.

Takes the units of one document as :class:`UnitEvidence` records (from ``classify``, or hand-made
in a test), the law's digital topic when its title (or scope article) names one (``verdict``'s
lexicon check), and :class:`RollupParams` (thresholds, calibration and review threshold, chosen by
law-grouped cross-validation and shipped with the model); gives a :class:`Rollup`. Pure: no I/O,
no model, no Document.

How the status is made:

* an **article** is digital when its probability reaches ``params.article``; an article inside
  an amending law's quoted text counts for the law's own article that carries it
  (``attributed_to``); final provisions and framing articles (scope, subjects, definitions) never
  count (``counts`` False);
* a **section** or **chapter** is digital when its own probability (the classifier reads its
  title and its articles' titles) reaches ``params.section`` / ``params.chapter``, or when more
  than half of its counting articles, and at least two, are digital (never for the
  general-provisions chapter, never for final provisions);
* the **status** is ``digital_law`` when the lexicon found a digital topic in the title (or, for
  a document without a known title, in its scope article, with at least half of the substantive
  chapters digital), else the largest kind of digital unit: ``dedicated_chapter`` > ``section_only`` > ``articles_only`` >
  ``none``.

The **margin** says how far the decisive numbers are from their thresholds, in log-odds: for
``none``, minus the highest unit score; for another status, the lowest of (the deciding level's
best score, minus each larger level's best score) - the status flips when the margin crosses 0.
The **confidence** (probability that the status is right) maps the margin through an increasing
step function fitted on cross-validated predictions (isotonic regression,
``params.calibration``); a verdict whose confidence is below ``params.review_below`` is marked for
review.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

LEVELS = ("chapter", "section", "article")
STATUS_OF_LEVEL = {"chapter": "dedicated_chapter", "section": "section_only",
                   "article": "articles_only"}
NO_SCORE = -30.0  # log-odds of a level without any unit (far below every threshold)


@dataclass(frozen=True)
class UnitEvidence:
    """One chapter, section or article as the roll-up sees it."""

    eid: str
    kind: str  # chapter | section | article
    num: str  # as printed
    prob: float  # P(main subject is digital); 0.0 for a unit not worth scoring (no cue)
    containers: tuple[str, ...] = ()  # eids of the chapter and section the unit is in
    counts: bool = True  # False: final provisions, framing articles (never digital by structure)
    general: bool = False  # the general-provisions chapter: not digital by its articles alone
    attributed_to: str = ""  # an article in quoted amending text: the own article carrying it
    chapter_num: str = ""  # for a section: the number of its chapter ("" when none)


@dataclass(frozen=True)
class RollupParams:
    """Thresholds on the probabilities, the calibration and the review threshold."""

    article: float = 0.5
    section: float = 0.5
    chapter: float = 0.5
    calibration: tuple[tuple[float, float], ...] = ()  # (margin from, P(right)), increasing
    topic_confidence: float = 1.0  # P(right) of a digital_law status decided by the topic
    review_below: float = 0.0

    @classmethod
    def from_dict(cls, d: dict) -> "RollupParams":
        return cls(article=d["article"], section=d["section"], chapter=d["chapter"],
                   calibration=tuple((float(a), float(b)) for a, b in d.get("calibration", ())),
                   topic_confidence=d.get("topic_confidence", 1.0),
                   review_below=d.get("review_below", 0.0))

    def to_dict(self) -> dict:
        return {"article": self.article, "section": self.section, "chapter": self.chapter,
                "calibration": [list(c) for c in self.calibration],
                "topic_confidence": self.topic_confidence, "review_below": self.review_below}


@dataclass
class Decided:
    """A digital unit and why: ``via`` "model" (its own probability) or "articles" (most of
    its articles are digital); ``score`` is the log-odds margin over its threshold."""

    unit: UnitEvidence
    via: str
    score: float


@dataclass
class Rollup:
    status: str
    chapters: list[Decided] = field(default_factory=list)
    sections: list[Decided] = field(default_factory=list)
    articles: list[Decided] = field(default_factory=list)
    margin: float = 0.0
    confidence: float = 1.0
    review: bool = False
    topic: str = ""


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def article_scores(units: list[UnitEvidence]) -> dict[str, float]:
    """The probability of each counting own article, raised by the quoted articles it carries."""
    own = {u.eid: u for u in units if u.kind == "article" and not u.attributed_to}
    best = {eid: u.prob for eid, u in own.items() if u.counts}
    for u in units:
        if u.kind == "article" and u.attributed_to in best:
            best[u.attributed_to] = max(best[u.attributed_to], u.prob)
    return best


def _container_score(u: UnitEvidence, threshold: float, arts: list[float],
                     article_threshold: float) -> tuple[float, str]:
    """(log-odds margin, via) of a chapter or section: the better of its own probability and the
    majority of its articles (the probability that more than half of them, and two, reach)."""
    own = logit(u.prob) - logit(threshold)
    if u.general or len(arts) < 2:
        return own, "model"
    ranked = sorted(arts, reverse=True)
    majority = min(ranked[len(ranked) // 2], ranked[1])
    by_articles = logit(majority) - logit(article_threshold)
    return (by_articles, "articles") if by_articles > own else (own, "model")


def calibrate(margin: float, calibration: tuple[tuple[float, float], ...]) -> float:
    """P(right) for ``margin`` from the step function ((margin from, P), ...), increasing."""
    if not calibration:
        return 1.0
    starts = [c[0] for c in calibration]
    i = bisect.bisect_right(starts, margin) - 1
    return calibration[max(i, 0)][1]


def roll_up(units: list[UnitEvidence], params: RollupParams, topic: str = "",
            scope_topic: str = "") -> Rollup:
    """The status of one document from its units (see the module docstring). ``topic``: the
    digital topic its title names; ``scope_topic``: for a document without a known title, the
    one its scope article names (then digital_law needs at least half of the substantive
    chapters digital too, as in the rule-only verdict)."""
    if topic:
        return _digital_law(units, params, topic)
    arts = article_scores(units)
    by_eid = {u.eid: u for u in units}
    in_container: dict[str, list[float]] = {}
    for eid, p in arts.items():
        for c in by_eid[eid].containers:
            in_container.setdefault(c, []).append(p)
    levels: dict[str, list[Decided]] = {lvl: [] for lvl in LEVELS}
    best = dict.fromkeys(LEVELS, NO_SCORE)
    for u in units:
        if u.kind == "article":
            if u.eid not in arts:
                continue
            score, via = logit(arts[u.eid]) - logit(params.article), "model"
        elif u.kind in ("chapter", "section") and u.counts:
            threshold = params.chapter if u.kind == "chapter" else params.section
            score, via = _container_score(u, threshold, in_container.get(u.eid, []),
                                          params.article)
        else:
            continue
        best[u.kind] = max(best[u.kind], score)
        if score >= 0:
            levels[u.kind].append(Decided(u, via, score))
    if scope_topic:
        substantive = [u for u in units if u.kind == "chapter" and u.counts and not u.general]
        digital = {d.unit.eid for d in levels["chapter"]}
        if 2 * sum(u.eid in digital for u in substantive) >= len(substantive):
            return _digital_law(units, params, scope_topic)
    for i, lvl in enumerate(LEVELS):
        if levels[lvl]:
            margin = min([best[lvl]] + [-best[o] for o in LEVELS[:i]])
            status = STATUS_OF_LEVEL[lvl]
            break
    else:
        status, margin = "none", -max(best.values())
    confidence = calibrate(margin, params.calibration)
    return Rollup(status, levels["chapter"], levels["section"], levels["article"], margin,
                  confidence, confidence < params.review_below)


def _digital_law(units: list[UnitEvidence], params: RollupParams, topic: str) -> Rollup:
    """The law as a whole is digital: every substantive chapter, its sections, every counting
    article are listed."""
    chapters = [u for u in units if u.kind == "chapter" and u.counts and not u.general]
    ch_eids = {u.eid for u in chapters}
    sections = [u for u in units if u.kind == "section" and u.counts
                and any(c in ch_eids for c in u.containers)]
    arts = [u for u in units if u.kind == "article" and u.counts and not u.attributed_to]
    conf = params.topic_confidence
    return Rollup("digital_law", [Decided(u, "topic", 0.0) for u in chapters],
                  [Decided(u, "topic", 0.0) for u in sections],
                  [Decided(u, "topic", 0.0) for u in arts], math.inf, conf,
                  conf < params.review_below, topic)
