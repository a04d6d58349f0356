"""The trained verdict's plug-in point: a classifier of articles and of section / chapter headings.

A :class:`UnitClassifier` gives, for units of one kind, the probability that each one's main
subject is digital (trained on training/labels/units.jsonl). :func:`classifier_signals` adds its
probabilities to the units' judgements as ``classifier`` signals, and :func:`combine_trained`
decides each unit from them together with the lexicon's evidence and the structural roll-up:

* an article: the mean, in log-odds, of the classifier's probability and the lexicon's (the
  highest of its title, body and quoted-text signals): two views of the article, neither
  overruling the other (law-grouped cross-validation, benchmarks/eval_verdict.py: 512 of 547
  silver statuses right, against 509 with the classifier's alone and 501 with the higher of
  the two; article precision 0.934 against 0.906, recall 0.826 against 0.828);
* a section or chapter: the higher of the heading's probability times the chance that two of
  its articles are digital (all of them when it has fewer) and the roll-up's chance that most of
  its articles are, now from the articles' trained probabilities. The heading's probability is
  the classifier's; for a heading whose own title the lexicon reads as digital it is the mean,
  in log-odds, of the classifier's and the lexicon title's, the two views of an article (the
  classifier alone had read "THÔNG BÁO, ĐĂNG KÝ VÀ VẬN HÀNH NỀN TẢNG GIAO HÀNG TRỰC TUYẾN" at
  0.29 in a blind round's platform decree; law-grouped cross-validation: the same 531 of 547
  statuses right, the same article, section and chapter precision and recall), or the lexicon
  title's alone when the classifier did not score the heading, its title naming no cue (a text's
  own name for its portal; cross-validation, seeds 0-2: the same statuses, labelled chapters
  found 0.943-0.951 -> 0.993-1.000, precision 0.963-0.977 -> 0.965-0.979). The classifier reads
  a heading with its articles' titles, so one digital article title could lift a chapter about
  something else; asking for two digital articles (one, as the rule-only verdict asks of a
  digital title, was tried) makes 7 more of the 547 documents' statuses right in law-grouped
  cross-validation (benchmarks/eval_verdict.py). A chapter whose own title the lexicon reads as
  digital is not about something else: one digital article is enough for it, as in the
  rule-only verdict (one labelled digital chapter fewer missed, the statuses as before; asked
  of sections too, one more status is wrong, a borderline section). A heading whose title
  names no cue is not scored at all (``classify.candidates``): its probability is the floor,
  and the roll-up decides;
* digital when that probability is 0.5 or more; the reason is the lexicon's when one of its
  signals agrees, else the classifier's.

The verdict and the rules read only the judgements, so nothing after this stage changes.
:func:`load_classifier` gives the model shipped in the package (``lawscan.analyse.classify``:
its probabilities are calibrated, so 0.5 is its threshold too); an install that lacks its files
refuses ``settings["verdict"] = "trained"`` with a :class:`~lawscan.errors.ConfigError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Protocol, Sequence

from lawscan.analyse.judge import P_NO_CUE, Judgement, Signal, combine_rules, logit, sigmoid
from lawscan.analyse.lexicon import Lexicon
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.messages import reason
from lawscan.analyse.outline import Outline
from lawscan.errors import ConfigError
from lawscan.model import Unit

METHODS = ("rules", "trained")


@dataclass(eq=False)
class UnitContext:
    """What a classifier may read of the document its units come from: the outline, the lexicon
    scan and the lexicon of its analysis; ``memo`` keeps what the classifier works out once per
    document (made anew for each analysis, never shared between documents)."""

    outline: Outline
    scan: DocScan
    lexicon: Lexicon
    memo: dict = field(default_factory=dict)


class UnitClassifier(Protocol):
    """What the trained verdict needs from a model."""

    name: str  # shown in the reasons, e.g. "spaCy textcat"

    def predict(self, kind: str, units: Sequence[Unit], context: UnitContext) -> list[float]:
        """For units of ``kind`` ("article", "section", "chapter") of one document, the
        probability that each one's main subject is digital (an article from its heading and
        text, a section or chapter from its heading and its articles' headings)."""


@lru_cache(maxsize=1)
def load_classifier() -> UnitClassifier | None:
    """The classifier shipped inside the package, or None when its files are missing."""
    from lawscan.analyse import classify

    return classify.load()


def method_of(settings: dict | None) -> str:
    """The verdict method the settings ask for (``verdict``: "rules", the default, or "trained");
    a ConfigError for any other, or for "trained" without a shipped model."""
    method = (settings or {}).get("verdict") or "rules"
    if method not in METHODS:
        raise ConfigError(f"verdict must be one of {', '.join(METHODS)}, not {method!r}")
    if method == "trained" and load_classifier() is None:
        raise ConfigError("the trained verdict needs the model shipped in the package, and this "
                          "install lacks its files: reinstall lawscan, or use the rule-only "
                          "verdict (--verdict rules)")
    return method


def classifier_signals(classifier: UnitClassifier, context: UnitContext
                       ) -> Callable[[list[Judgement]], None]:
    """A ``judge_units(extra=...)`` hook adding the classifier's probability to each judgement
    (``context``: the document's)."""

    def add(judged: list[Judgement]) -> None:
        units = [j.unit for j in judged]
        for j, p in zip(judged, classifier.predict(judged[0].kind, units, context)):
            why = _reason(j, p, classifier.name) if p >= 0.5 else None
            j.signals.append(Signal("classifier", p, p >= 0.5, None, why))

    return add


def _reason(j: Judgement, p: float, model: str):
    return reason("classifier", j.unit.eid, label=j.name, p=f"{p:.2f}", model=model)


def log_odds_mean(p: float, q: float) -> float:
    """The probability whose log-odds are the mean of those of ``p`` and ``q`` (``judge.logit``,
    ``judge.sigmoid``)."""
    return sigmoid((logit(p) + logit(q)) / 2)


def _heading_p(j: Judgement, clf: Signal) -> float:
    """A section's or chapter's heading: the classifier's probability; when the lexicon reads
    the heading's own title as digital, the log-odds mean of the two, or the title's alone when
    the classifier did not score the heading (``P_NO_CUE``: its title names no cue of
    cues.toml, as a text's own name for its system does: "… TRÊN CỔNG GÓP Ý PHÁP LUẬT")."""
    title = j.signal("title")
    if title is None or not title.digital:
        return clf.p
    return title.p if clf.p == P_NO_CUE else log_odds_mean(clf.p, title.p)


def _articles_asked(j: Judgement) -> float:
    """The chance that a heading has the digital articles it needs: one for a chapter whose own
    title the lexicon reads as digital (as the rule-only verdict asks), two for any other."""
    title = j.signal("title")
    return j.inside if j.kind == "chapter" and title is not None and title.digital else j.two_inside


def combine_trained(j: Judgement) -> None:
    """Decide ``j`` from the classifier's signal, the lexicon's and the roll-up (see the module
    docstring). A unit the classifier did not see is decided as the rule-only verdict does."""
    clf = j.signal("classifier")
    if clf is None:
        combine_rules(j)
        return
    rolled = j.signal("articles")
    if j.kind == "article":
        j.p = log_odds_mean(clf.p, max(s.p for s in j.signals if s is not clf))
    else:
        j.p = max(_heading_p(j, clf) * _articles_asked(j), rolled.p if rolled else 0.0)
    j.digital = j.p >= 0.5
    agreeing = next((s for s in j.signals if s.digital and s.reason is not None), None)
    if not j.digital:
        j.source, j.reason = "", None
    elif agreeing is not None:
        j.source, j.reason = agreeing.source, agreeing.reason
    else:  # the articles' trained probabilities roll up to it, though none of them is digital
        j.source = "articles"
        j.reason = reason("classifier_rollup", j.unit.eid, label=j.name, p=f"{j.p:.2f}")
