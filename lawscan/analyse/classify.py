"""The shipped unit classifier: how likely the main subject of each article, section and chapter
of a document is digital (the trained verdict's :class:`~lawscan.analyse.classifier.UnitClassifier`).

Takes units of one kind and the :class:`~lawscan.analyse.classifier.UnitContext` of their
document (its outline, lexicon scan and lexicon); gives one calibrated probability per unit:

    from lawscan.analyse.classify import load
    clf = load()                                # None when the model files are missing
    ps = clf.predict("article", units, context)

* ``unit_text(unit, scan, lexicon)`` - what the classifier reads (training reads the same): the
  lexicon's evidence on the unit as tokens (:func:`lexicon_tokens`), the title twice (once with
  every syllable marked as a title syllable of its kind of unit, once plain after a kind token),
  then for an article the first ``BODY_CHARS`` characters of its text (its khoản, điểm and quoted
  text), for a chapter or section the titles of its first ``TITLES`` articles; lower-cased,
  spaces collapsed;
* an own article that carries articles in quoted amending text is as digital as the most
  digital of them and itself (:func:`carried`);
* ``candidates(context)`` - the units worth scoring: an article with a cue of
  rules/data/cues.toml in its title or text, a chapter or section with one in its own title (in
  its articles' titles only when its title is lost). The others get ``judge.P_NO_CUE``: the
  annotated random sample puts the share of digital units among them under 1%, and a chapter or
  section whose title names no cue is digital only when most of its articles are (the guideline:
  by its title or by most of its articles; the classifier reads a heading with its articles'
  titles, which made such chapters digital on the strength of two of them: docs/verdict.md);
* the model of ``model/`` beside this module (spaCy ``blank("xx")`` with one
  ``textcat_multilabel`` component, label ``digital``), loaded once per process on first use,
  through the spaCy gate of :mod:`lawscan.analyse.tokens`; ``model/calibration.json`` maps its
  scores, per kind of unit, to the share of units labelled digital at that score (Platt scaling
  fitted on law-grouped out-of-fold scores: ``training/cv.py``), so that 0.5 - the threshold
  of ``classifier.combine_trained`` - means as likely digital as not.

Tokens are syllables, numbers and punctuation marks (one regex, the tokens of ``blank("xx")`` on
this text, three times faster than its tokenizer); the model is a bag of syllable n-grams
(``TextCatBOW``), chosen over underthesea's word segmentation by cross-validation
(docs/verdict.md).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from lawscan.fold import fold
from lawscan.analyse.judge import P_NO_CUE, logit, sigmoid, title_is_digital
from lawscan.analyse.lexicon import data_path
from lawscan.datafiles import load_data_file
from lawscan.model import Unit

MODEL_DIR = Path(__file__).resolve().parent / "model"
LABEL = "digital"
BODY_CHARS = 300  # characters of an article's text after its title
TITLES = 15  # article titles read for a chapter or section
KINDS = ("chapter", "section", "article")
CALIBRATION = "calibration.json"
EXCLUDED = ("vocab", "tokenizer")  # not saved: the model hashes the syllables of to_doc's Docs
_TOKEN = re.compile(r"\w+|[^\w\s]")
_KIND_TOKEN = {"chapter": "k_chapter", "section": "k_section", "article": "k_article"}


@lru_cache(maxsize=1)
def cue_list() -> tuple[str, ...]:
    return tuple(fold(c) for c in load_data_file(data_path("cues.toml"))["cues"])


@lru_cache(maxsize=1)
def _cue_automaton():
    import ahocorasick

    a = ahocorasick.Automaton()
    for c in cue_list():
        a.add_word(c, c)
    a.make_automaton()
    return a


def _flat(text: str) -> str:
    return " ".join(fold(text).split())


def _marked(title: str, kind: str) -> str:
    """The title's syllables marked as title syllables of this kind of unit ("t_điều", ...)."""
    prefix = kind[0] + "_"
    return " ".join(prefix + w for w in _TOKEN.findall(title) if w.isalnum())


def lexicon_tokens(unit: Unit, sc, lex) -> list[str]:
    """The lexicon's evidence on a unit, as tokens the classifier weighs like words: the title
    is digital by the rule-only test (``lxtitle_digital``); the category and strength of each
    lexicon term in the title (``lxt_portal_weak``); for an article, the categories of the strong
    terms of its text (``lxb_database``) and the share of its lines that name one (``lxb_share_0``,
    ``_lo`` under a quarter, ``_mid`` under half, ``_hi``); for a chapter or section, whether none,
    a few or most of its article titles are digital (``lxc_0``, ``lxc_few``, ``lxc_most``)."""
    tokens = []
    if unit.heading:
        if title_is_digital(unit.heading, lex):
            tokens.append("lxtitle_digital")
        tokens += [f"lxt_{h.category}_{h.strength}" for h in sc.of(unit).title_hits]
    if unit.kind == "article":
        lines = named = 0
        categories: set[str] = set()
        for u in unit.walk():
            us = sc.of(u)
            hit_lists = [us.title_hits] if u is not unit and u.heading else []
            hit_lists += [hits for line, hits in us.line_hits if line.text.strip()]
            for hits in hit_lists:
                strong = [h.category for h in hits if h.strength == "strong"]
                lines += 1
                named += bool(strong)
                categories.update(strong)
        tokens += [f"lxb_{c}" for c in sorted(categories)]
        if lines:
            share = named / lines
            tokens.append("lxb_share_" + ("0" if not named else "lo" if share < 0.25
                                          else "mid" if share < 0.5 else "hi"))
    else:
        titles = [a.heading for a in unit.walk(include_quoted=False) if a.kind == "article"]
        digital = sum(1 for t in titles if title_is_digital(t, lex))
        tokens.append("lxc_" + ("0" if not digital else "few" if 2 * digital <= len(titles)
                                else "most"))
    return tokens


def unit_text(unit: Unit, sc, lex) -> str:
    """The classifier's input for a chapter, section or article (see the module docstring);
    ``sc``: the analysis scan of its document (``matcher.scan``), ``lex`` its lexicon."""
    title = _flat(unit.heading)
    head = (" ".join(lexicon_tokens(unit, sc, lex)) + f" | {_marked(title, unit.kind)} | "
            f"{_KIND_TOKEN[unit.kind]} {title} | ")
    if unit.kind == "article":
        parts, size = [], 0
        for u in unit.walk():
            for piece in ([u.heading] if u is not unit and u.heading else []) + \
                    [line.text for line in u.content]:
                parts.append(piece)
                size += len(piece) + 1
            if size > BODY_CHARS:
                break
        return head + _flat(" ".join(parts))[:BODY_CHARS]
    titles = [_flat(a.heading) for a in unit.walk(include_quoted=False) if a.kind == "article"]
    return head + " | ".join(titles[:TITLES])


def to_doc(vocab, text: str):
    """A spaCy Doc of the text's syllables (what the model was trained on)."""
    from spacy.tokens import Doc

    return Doc(vocab, words=_TOKEN.findall(text))


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    """The model files are there (they are package data: a broken install can lack them)."""
    return (model_dir / "textcat" / "config.cfg").is_file() and (model_dir / CALIBRATION).is_file()


@lru_cache(maxsize=2)
def load_model(model_dir: Path = MODEL_DIR):
    """The shipped spaCy pipeline (loaded once per process)."""
    from lawscan.analyse.tokens import syllable_vocab

    vocab = syllable_vocab()  # the vocabulary the token patterns use too (one per process)
    import spacy

    return spacy.load(model_dir / "textcat", vocab=vocab, exclude=list(EXCLUDED))


def score_texts(nlp, texts: list[str]) -> list[float]:
    """The model's score of each text, in one ``nlp.pipe`` call."""
    if not texts:
        return []
    return [d.cats[LABEL] for d in nlp.pipe((to_doc(nlp.vocab, t) for t in texts), batch_size=256)]


def probability(score: float, scaling: tuple[float, float]) -> float:
    """The probability a unit's model ``score`` stands for: calibrated with ``scaling`` (its
    kind's Platt parameters), kept within ``judge.P_NO_CUE`` of 0 and 1 (the evaluation's
    cross-fitted verdicts use this too: ``training/cv.py``)."""
    return min(1 - P_NO_CUE, max(P_NO_CUE, calibrate(score, scaling)))


def calibrate(score: float, scaling: tuple[float, float]) -> float:
    """The calibrated probability of a model score: sigmoid(a * logit(score) + b) for the
    Platt scaling ``scaling = (a, b)`` of its kind of unit (``training/cv.py`` fits it)."""
    a, b = scaling
    return sigmoid(a * logit(score) + b)


def candidates(context) -> set[int]:
    """The ``id()`` of the chapters, sections and articles worth scoring (a cue in the text the
    classifier judges them by; see the module docstring). The cues are searched once in the
    lexicon scan's folded text of the whole document, and each hit climbs to the units it is in:
    every article it is in, and a chapter or section whose own title (or text) holds it. An
    article's title names its chapter and section only when their own title is lost (empty), and
    never from quoted text."""
    sc, parent = context.scan, context.outline.parents_with_quoted()
    own = context.outline.parent  # the units outside quoted text (the root left out)
    hit_slots = sorted({bisect.bisect_right(sc.starts, end - len(cue) + 1) - 1
                        for end, cue in _cue_automaton().iter(sc.folded)})
    chosen: set[int] = set()
    for k in hit_slots:
        unit, in_title = sc.slot_units[k], sc.slot_lines[k] < 0
        via_title_of = unit if in_title and unit.kind == "article" and id(unit) in own else None
        p: Unit | None = unit
        while p is not None:
            if p.kind == "article":
                chosen.add(id(p))
            elif p.kind in ("chapter", "section") and (p is unit or (
                    via_title_of is not None and not p.heading.strip())):
                chosen.add(id(p))
            p = parent.get(id(p))
    return chosen


def carried(article: Unit) -> list[Unit]:
    """The articles in quoted amending text under an own article (an article an amending law
    inserts or replaces): the own article is as digital as the most digital of them."""
    return [u for u in article.walk() if u.kind == "article" and u is not article]


def best_of_carried(units, kind: str, p_of) -> list[float]:
    """For each unit, ``p_of(unit)`` - for an article, the highest of its own and those of the
    articles it carries in quoted text (``None`` for a unit not scored is left out)."""
    out = []
    for u in units:
        ps = [p_of(u)] + ([p_of(q) for q in carried(u)] if kind == "article" else [])
        out.append(max((p for p in ps if p is not None), default=None))
    return out


class TextcatClassifier:
    """The shipped model as a :class:`~lawscan.analyse.classifier.UnitClassifier`."""

    name = "spaCy textcat"

    def __init__(self, model_dir: Path = MODEL_DIR):
        self.model_dir = model_dir
        self.calibration = {k: (float(v[0]), float(v[1]))
                            for k, v in load_data_file(model_dir / CALIBRATION).items()
                            if k in KINDS}

    def predict(self, kind: str, units, context) -> list[float]:
        """Calibrated P(digital) of each unit of ``kind``; ``P_NO_CUE`` for a unit without a cue."""
        if "candidates" not in context.memo:
            context.memo["candidates"] = candidates(context)
        chosen = context.memo["candidates"]
        scored = [u for u in units if id(u) in chosen]
        if kind == "article":
            scored += [q for u in scored for q in carried(u) if id(q) in chosen]
        raw = score_texts(load_model(self.model_dir),
                          [unit_text(u, context.scan, context.lexicon) for u in scored])
        scaling = self.calibration.get(kind, (1.0, 0.0))
        p = {id(u): probability(r, scaling) for u, r in zip(scored, raw)}
        best = best_of_carried(units, kind, lambda u: p.get(id(u)))
        return [P_NO_CUE if b is None else b for b in best]


def load(model_dir: Path = MODEL_DIR) -> TextcatClassifier | None:
    """The shipped classifier, or None when its files are missing (the spaCy model itself is
    loaded on the first prediction)."""
    return TextcatClassifier(model_dir) if model_available(model_dir) else None
