"""How sure a verdict is: ``Verdict.confidence`` and ``Verdict.review``.

Takes the status and the units' judgements (``judge``); gives the probability that the status is
right, read from the units that decide it:

    confidence = min(support, min(1 - p(u) for u in competitors), 0.99)

* ``support`` - how sure the status's own evidence is: for ``dedicated_chapter``,
  ``section_only`` and ``articles_only`` the highest probability among the digital units of
  that kind (the status stands if one of them is right), a section or chapter digital while
  most of its articles are not counting at most :data:`P_ONE_READING` (the guideline reads a
  unit as digital by its title or by most of its articles, and here the two disagree: about
  half of the drafts of tests/drafts whose status rests on such a unit alone are labelled
  otherwise); for ``digital_law`` that of the law's
  topic (:data:`P_TITLE_TOPIC` when the title names it - a topic of the lexicon's list has no
  threshold to be near -, else the probability of the share of digital chapters the scope
  article needs); 1 for ``none``;
* ``competitors`` - the units that are judged not digital but would change the status if they
  were: every judged unit for ``none``, the sections and chapters for ``articles_only``, the
  chapters for ``section_only``, none above a chapter.

A unit's probability comes from its signals: for the rule-only verdict, from how far its
lexicon evidence is from its threshold (``judge.probability``, a logistic fit of the labelled
articles: 0.02 far below, 0.55 a quarter below, 0.85 at the threshold, 0.99 far above;
``judge.P_NO_CUE`` for a unit with no digital cue at all) and, for a section or chapter, the
chance that enough of its articles are digital. The trained verdict gives a classifier's
probabilities, and the same formula reads them. ``benchmarks/eval_confidence.py`` compares the
probabilities with the labels (per unit) and the confidence with the labelled statuses.

``review`` is set when the confidence is below :data:`REVIEW_BELOW` (0.85): the status rests on
a unit no surer than one judged right at its threshold (p 0.846), or a unit judged not digital is
within reach of being digital (p above 0.15). On
the 547 documents of the corpus and the pool (``benchmarks/eval_verdict.py``) this marks 91
rule-only verdicts, with 16 of the 21 that differ from the labels among them (at 0.6 it marked
6, none wrong), and 66 trained verdicts (held out), with 11 of its 18 wrong ones; the other
verdicts are right 98.9% and 98.5% of the time. On the 857 drafts of tests/drafts it marks
113 rule-only verdicts with 34 of the 67 wrong ones, and 95 trained ones with 33 of 63 (before
``P_ONE_READING``: 88 and 62 on the corpus, with 15 and 10 wrong; 103 and 83 on the drafts,
with 29 and 27). A law with
no article, section or chapter to judge is given :data:`P_NOTHING_JUDGED` (its structure was not
found: a human should look).
"""

from __future__ import annotations

from lawscan.analyse.judge import Judgements, probability

REVIEW_BELOW = 0.85  # just above the p of a unit right at its threshold (judge.probability(0))
P_TITLE_TOPIC = 0.95
P_NOTHING_JUDGED = 0.5
CONFIDENCE_MAX = 0.99  # no verdict is surer than a unit without any digital cue is not digital
P_ONE_READING = 0.5  # a unit digital by its title while most of its articles are not (_support)

_COMPETING = {"none": ("article", "section", "chapter"), "articles_only": ("section", "chapter"),
              "section_only": ("chapter",), "dedicated_chapter": (), "digital_law": ()}
_DECIDING = {"dedicated_chapter": "chapter", "section_only": "section", "articles_only": "article"}


def confidence(status: str, judged: Judgements, topic_margin: float | None = None) -> float:
    """The probability that ``status`` is right (see the module docstring). ``topic_margin``:
    for ``digital_law``, None when the title names the topic, else the margin of the share of
    digital chapters the scope article was taken with."""
    if status == "digital_law":
        support = P_TITLE_TOPIC if topic_margin is None else probability(topic_margin)
    elif status in _DECIDING:
        support = max((_support(j) for j in judged.digital(_DECIDING[status])), default=0.0)
    else:
        support = 1.0
        if not (judged.articles or judged.sections or judged.chapters):
            return P_NOTHING_JUDGED
    against = [1 - j.p for kind in _COMPETING.get(status, ()) for j in judged.kind(kind)
               if not j.digital]
    return round(min([support, *against, CONFIDENCE_MAX]), 3)


def _support(j) -> float:
    """How sure a digital unit that decides the status is: its probability, but at most
    :data:`P_ONE_READING` for a section or chapter that is digital while most of its articles
    are not (its ``articles`` roll-up under one half): the guideline reads such a unit as
    digital by its title or by most of its articles, and the two readings disagree on it."""
    rolled = j.signal("articles")
    return min(j.p, P_ONE_READING) if rolled is not None and rolled.p < 0.5 else j.p


def needs_review(confidence_: float) -> bool:
    return confidence_ < REVIEW_BELOW
