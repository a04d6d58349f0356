"""Law-grouped cross-validation of the trained verdict, and the choices made from it.

    probs = out_of_fold(laws, fold_of)             # per law: {eid: P(digital)} from a model that
                                                   # never saw that law's units (nor its group's)
    params = choose_params(laws, probs)            # thresholds, calibration, review threshold
    verdicts = cross_fitted(laws, probs, fold_of)  # per law: the Rollup with params chosen on the
                                                   # other folds only

Thresholds are chosen to make the most document statuses equal to the silver statuses
(``data.silver``: what the unit labels give), one threshold at a time (article, chapter,
section, twice round) over ``GRID``; the calibration is an isotonic regression of "the status is
right" on the roll-up's margin; the review threshold is ``REVIEW_BELOW``: a verdict whose
calibrated probability of being right is under it is marked for review.
"""

from __future__ import annotations

import math
import sys
from dataclasses import replace

from lawscan.analyse.rollup import Rollup, RollupParams, roll_up
from training import textcat
from training.data import TARGET, Law, silver, with_probs

GRID = [round(0.2 + 0.05 * i, 2) for i in range(15)]  # 0.2 ... 0.9
REVIEW_BELOW = 0.9


def training_set(laws: list[Law]) -> tuple[list[str], list[float]]:
    """Texts and targets of the labelled units of ``laws`` that the classifier is asked about
    (the candidates: the units of the random sample without a cue are never scored; they
    measure what the prefilter misses, and training on them made the heading scores worse)."""
    texts, targets = [], []
    for law in laws:
        for u in law.units:
            if u.label is not None and u.candidate:
                texts.append(u.text)
                targets.append(TARGET[u.label])
    return texts, targets


def out_of_fold(laws: list[Law], fold_of: list[int], seed: int = 0, config: dict | None = None,
                text=lambda s: s, log=sys.stderr) -> list[dict[str, float]]:
    """{eid: probability} of every candidate unit of each law, from the model trained on the
    other folds. ``text`` transforms the classifier's input (feature comparisons)."""
    probs: list[dict[str, float]] = [{} for _ in laws]
    for k in sorted(set(fold_of)):
        train = [law for law, f in zip(laws, fold_of) if f != k]
        texts, targets = training_set(train)
        nlp = textcat.train([text(t) for t in texts], targets, seed=seed, config=config)
        test = [(i, u) for i, (law, f) in enumerate(zip(laws, fold_of)) if f == k
                for u in law.units if u.candidate]
        for (i, u), p in zip(test, textcat.predict(nlp, [text(u.text) for _, u in test])):
            probs[i][u.eid] = p
        if log:
            print(f"  fold {k}: trained on {len(texts)} units of {len(train)} documents, "
                  f"scored {len(test)}", file=log)
    return probs


def verdicts(laws: list[Law], probs: list[dict[str, float]], params: RollupParams,
             which=None) -> dict[int, Rollup]:
    idx = range(len(laws)) if which is None else which
    return {i: roll_up(with_probs(laws[i], probs[i]), params, laws[i].topic, laws[i].scope_topic)
            for i in idx}


def _accuracy(laws, probs, params, idx, truth) -> int:
    return sum(v.status == truth[i] for i, v in verdicts(laws, probs, params, idx).items())


def choose_thresholds(laws: list[Law], probs: list[dict[str, float]], idx: list[int],
                      rounds: int = 2) -> RollupParams:
    """The thresholds that make the most statuses of the laws ``idx`` equal to their silver
    status (one at a time over GRID; ties go to the value nearest 0.5)."""
    truth = {i: silver(laws[i])[0] for i in idx}
    params = RollupParams()
    for _ in range(rounds):
        for name in ("article", "chapter", "section"):
            scored = [(_accuracy(laws, probs, replace(params, **{name: t}), idx, truth),
                       -abs(t - 0.5), t) for t in GRID]
            params = replace(params, **{name: max(scored)[2]})
    return params


def isotonic(points: list[tuple[float, bool]]) -> tuple[tuple[float, float], ...]:
    """Pool-adjacent-violators fit of P(right) increasing in the margin: ((margin from, P), ...).
    Equal margins are pooled first; each step starts at the lowest margin of its block."""
    blocks: list[list[float]] = []  # [first margin, sum right, count]
    for x, y in sorted(points):
        if blocks and blocks[-1][0] == x:
            blocks[-1][1] += y
            blocks[-1][2] += 1
        else:
            blocks.append([x, float(y), 1.0])
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] >= merged[-1][1] / merged[-1][2]:
            last = merged.pop()
            merged[-1][1] += last[1]
            merged[-1][2] += last[2]
    return tuple((b[0] if i else -math.inf, round(b[1] / b[2], 4)) for i, b in enumerate(merged))


def calibration(laws: list[Law], probs, params: RollupParams, idx: list[int]) -> RollupParams:
    """``params`` with the calibration (isotonic on the margin, for statuses the units decide)
    and the topic confidence (share right of the digital_law statuses the topic decides) fitted
    on the laws ``idx``, and REVIEW_BELOW."""
    vs = verdicts(laws, probs, params, idx)
    points, topic = [], []
    for i, v in vs.items():
        right = v.status == silver(laws[i])[0]
        (topic if v.topic else points).append((v.margin, right))
    topic_conf = sum(r for _, r in topic) / len(topic) if topic else 1.0
    return replace(params, calibration=isotonic(points), topic_confidence=round(topic_conf, 4),
                   review_below=REVIEW_BELOW)


def choose_params(laws: list[Law], probs, idx: list[int] | None = None) -> RollupParams:
    idx = list(range(len(laws))) if idx is None else idx
    return calibration(laws, probs, choose_thresholds(laws, probs, idx), idx)


def cross_fitted(laws: list[Law], probs, fold_of: list[int], log=sys.stderr
                 ) -> tuple[dict[int, Rollup], dict[int, RollupParams]]:
    """Each law's verdict with the thresholds and calibration chosen on the other folds: the
    evaluation never uses a law's labels to decide that law's verdict."""
    out: dict[int, Rollup] = {}
    chosen: dict[int, RollupParams] = {}
    for k in sorted(set(fold_of)):
        rest = [i for i, f in enumerate(fold_of) if f != k]
        params = choose_params(laws, probs, rest)
        chosen[k] = params
        if log:
            print(f"  fold {k}: thresholds article {params.article}, section {params.section}, "
                  f"chapter {params.chapter}", file=log)
        out.update(verdicts(laws, probs, params, [i for i, f in enumerate(fold_of) if f == k]))
    return out, chosen
