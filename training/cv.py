"""Law-grouped cross-validation of the trained verdict, and the calibration made from it.

    probs = out_of_fold(laws, fold_of)             # per law: {eid: model score} from a model that
                                                   # never saw that law's units (nor its group's)
    scaling = fit_calibration(laws, probs)         # per kind: score -> P(labelled digital)
    outcomes = cross_fitted(laws, probs, fold_of)  # per law: the trained verdict with the
                                                   # calibration fitted on the other folds only

The calibration is a Platt scaling, per kind of unit, of the unit labels (yes 1, borderline
0.5, no 0) on the out-of-fold scores of the labelled candidates (an isotonic fit was tried: with
the few labelled sections it made one flat step, every section with a cue equally likely digital;
two parameters keep the model's order); the trained verdict
(``lawscan.analyse.classifier.combine_trained``) takes a unit as digital when its calibrated
probability is 0.5 or more, so no threshold is chosen on the statuses.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

from lawscan.analyse.classify import KINDS, probability, score_texts
from training import textcat
from training.data import TARGET, Law, analysed

PRIOR = 5.0  # the weight, in labelled units, that keeps a calibration near the identity


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
        for (i, u), p in zip(test, score_texts(nlp, [text(u.text) for _, u in test])):
            probs[i][u.eid] = p
        if log:
            print(f"  fold {k}: trained on {len(texts)} units of {len(train)} documents, "
                  f"scored {len(test)}", file=log)
    return probs


def platt(points: list[tuple[float, float]], prior: float = PRIOR) -> tuple[float, float]:
    """Platt scaling: the (a, b) of P(y) = sigmoid(a * logit(score) + b) that fit the points
    (score, y), y in [0, 1], by maximum likelihood, pulled towards the identity (a = 1, b = 0)
    with the weight of ``prior`` points (a kind with few labelled units - sections - keeps close
    to the model's own scores). Newton's method on the two parameters."""
    from lawscan.analyse.judge import logit

    a, b = 1.0, 0.0
    xs = [(logit(x), y) for x, y in points]
    for _ in range(50):
        ga, gb = prior * (a - 1), prior * b  # gradient and Hessian of the penalised loss
        haa = hbb = prior
        hab = 0.0
        for x, y in xs:
            p = 1 / (1 + math.exp(-(a * x + b)))
            ga += (p - y) * x
            gb += p - y
            w = p * (1 - p)
            haa += w * x * x
            hab += w * x
            hbb += w
        det = haa * hbb - hab * hab
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    return round(a, 6), round(b, 6)


@dataclass
class Outcome:
    """The trained verdict of one law in the evaluation: its Verdict and the eids of the units
    it judged digital."""

    verdict: object
    digital: frozenset


def fit_calibration(laws: list[Law], probs: list[dict[str, float]], idx=None
                    ) -> dict[str, tuple[float, float]]:
    """Per kind of unit, the Platt scaling (:func:`platt`) from the model's score to the share
    labelled digital, fitted on the labelled candidates of the laws ``idx`` (all by default)."""
    points: dict[str, list] = {k: [] for k in KINDS}
    for i in range(len(laws)) if idx is None else idx:
        for u in laws[i].units:
            if u.label is not None and u.candidate and u.eid in probs[i]:
                points[u.kind].append((probs[i][u.eid], TARGET[u.label]))
    return {k: platt(pts) for k, pts in points.items() if pts}


def calibrated(law: Law, scores: dict[str, float], scaling: dict[str, tuple]) -> dict[str, float]:
    """The law's scores as the shipped classifier gives them: calibrated, within the floor."""
    kind = {u.eid: u.kind for u in law.units}
    return {e: probability(p, scaling.get(kind[e], (1.0, 0.0))) for e, p in scores.items()}


def outcome(law: Law, probs: dict[str, float]) -> Outcome:
    a = analysed(law, probs)
    j = a.judgements
    return Outcome(a.verdict, frozenset(x.unit.eid for k in KINDS for x in j.digital(k)))


def cross_fitted(laws: list[Law], probs, fold_of: list[int], log=sys.stderr
                 ) -> dict[int, Outcome]:
    """Each law's trained verdict from its out-of-fold scores calibrated on the other folds
    only: the evaluation never uses a law's labels to decide that law's verdict."""
    out: dict[int, Outcome] = {}
    for k in sorted(set(fold_of)):
        scaling = fit_calibration(laws, probs, [i for i, f in enumerate(fold_of) if f != k])
        for i in (i for i, f in enumerate(fold_of) if f == k):
            out[i] = outcome(laws[i], calibrated(laws[i], probs[i], scaling))
        if log:
            print(f"  fold {k}: verdicts made", file=log)
    return out
