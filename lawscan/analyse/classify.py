"""The shipped unit classifier: how likely the main subject of each article, section and chapter
of a document is digital.

Takes a :class:`lawscan.model.Document`; gives ``{id(unit): probability}`` for the units worth
scoring, and the :class:`~lawscan.analyse.rollup.UnitEvidence` of every chapter, section and
article for the roll-up.

    from lawscan.analyse.classify import unit_evidence
    evidence = unit_evidence(doc)              # list[UnitEvidence], document order

* ``unit_text(unit)`` - what the classifier reads (training reads the same): the title, twice
  (once with every syllable marked as a title syllable, once plain), then for an article the first
  ``BODY_CHARS`` characters of its text (its khoản, điểm and quoted text), for a chapter or section
  the titles of its first ``TITLES`` articles; lower-cased, spaces collapsed;
* ``candidates(doc)`` - the units worth scoring: an article with a cue of rules/data/cues.toml in
  its title or text, a chapter or section with one in its title or its articles' titles. The
  others get probability 0: the annotated random sample puts the share of digital units among
  them at about 0.35% (README, "How the verdict is made");
* ``probabilities(doc)`` - the candidates scored in one ``nlp.pipe`` call;
* ``load_model()`` - the model of ``model/`` beside this module (spaCy ``blank("xx")`` with one
  ``textcat_multilabel`` component, label ``digital``), loaded once per process on first use,
  through the spaCy gate of :mod:`lawscan.analyse.tokens`; ``model/rollup.json`` holds the
  roll-up's thresholds and calibration (:func:`rollup_params`).

Tokens are syllables, numbers and punctuation marks (one regex, the tokens of ``blank("xx")`` on
this text, three times faster than its tokenizer); the model is a bag of syllable n-grams
(``TextCatBOW``), chosen over underthesea's word segmentation by cross-validation (README).
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from lawscan.analyse.fold import fold
from lawscan.analyse.lexicon import data_path
from lawscan.analyse.rollup import RollupParams, UnitEvidence
from lawscan.model import Document, Unit

MODEL_DIR = Path(__file__).resolve().parent / "model"
LABEL = "digital"
BODY_CHARS = 300  # characters of an article's text after its title
TITLES = 15  # article titles read for a chapter or section
KINDS = ("chapter", "section", "article")
EXCLUDED = ("vocab", "tokenizer")  # not saved: the model hashes the syllables of to_doc's Docs
_TOKEN = re.compile(r"\w+|[^\w\s]")
_KIND_WORD = {"chapter": "chương", "section": "mục", "article": "điều"}


@lru_cache(maxsize=1)
def cue_list() -> tuple[str, ...]:
    with open(data_path("cues.toml"), "rb") as fh:
        return tuple(fold(c) for c in tomllib.load(fh)["cues"])


@lru_cache(maxsize=1)
def _cue_automaton():
    import ahocorasick

    a = ahocorasick.Automaton()
    for c in cue_list():
        a.add_word(c, c)
    a.make_automaton()
    return a


def has_cue(text: str) -> bool:
    """``text`` (any case) contains a cue."""
    for _ in _cue_automaton().iter(fold(" ".join(text.split()))):
        return True
    return False


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
    from lawscan.analyse.matcher import title_is_digital

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
            f"{_KIND_WORD[unit.kind]} {title} | ")
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


@lru_cache(maxsize=1)
def load_model():
    """The shipped spaCy pipeline (loaded once per process)."""
    from lawscan.analyse.tokens import syllable_vocab

    vocab = syllable_vocab()  # the spaCy gate: raises SpacyNotLoaded where spaCy is forbidden
    import spacy

    return spacy.load(MODEL_DIR / "textcat", vocab=vocab, exclude=list(EXCLUDED))


@lru_cache(maxsize=1)
def rollup_params() -> RollupParams:
    with open(MODEL_DIR / "rollup.json", encoding="utf-8") as fh:
        return RollupParams.from_dict(json.load(fh))


def model_available() -> bool:
    return (MODEL_DIR / "textcat" / "config.cfg").is_file() and (MODEL_DIR / "rollup.json").is_file()


def score_texts(texts: list[str]) -> list[float]:
    """P(digital) of each text, in one ``nlp.pipe`` call."""
    if not texts:
        return []
    nlp = load_model()
    return [d.cats[LABEL] for d in nlp.pipe((to_doc(nlp.vocab, t) for t in texts),
                                            batch_size=256)]


def _parents(doc: Document) -> dict[int, Unit]:
    """The parent of every unit of ``doc``, quoted text included (a quoted block's parent is the
    own unit that carries it)."""
    from lawscan.analyse.matcher import own_structure

    _, parent, quoted = own_structure(doc)
    if not quoted:
        return parent
    parent = dict(parent)
    for q, own in quoted:
        parent[id(q)] = own
        for u in q.walk():
            for c in u.children:
                parent[id(c)] = u
    return parent


def candidates(doc: Document) -> list[Unit]:
    """The chapters, sections and articles worth scoring (a cue in the text the classifier judges
    them by; see the module docstring), in document order. The cues are searched once in the
    analysis scan's folded text of the whole document."""
    import bisect

    from lawscan.analyse.matcher import last_scan, scan

    sc = last_scan(doc) or scan(doc)
    parent = _parents(doc)
    hit_slots = sorted({bisect.bisect_right(sc.starts, end - len(cue) + 1) - 1
                        for end, cue in _cue_automaton().iter(sc.folded)})
    chosen: set[int] = set()
    for k in hit_slots:
        unit, in_title = sc.slot_units[k], sc.slot_lines[k] < 0
        via_title_of = unit if in_title and unit.kind == "article" else None
        p: Unit | None = unit
        while p is not None:
            if p.kind == "article":
                chosen.add(id(p))
            elif p.kind in ("chapter", "section") and (p is unit or (
                    via_title_of is not None and "__qstr_" not in via_title_of.eid)):
                chosen.add(id(p))
            p = parent.get(id(p))
    return [u for u in doc.root.walk() if id(u) in chosen]


def probabilities(doc: Document, lex=None) -> dict[int, float]:
    """``{id(unit): P(digital)}`` for the :func:`candidates` of ``doc`` (``lex``: the lexicon
    of the analysis, the built-in one by default)."""
    from lawscan.analyse.matcher import last_scan, load_lexicon, scan

    lex = lex or load_lexicon()
    sc = last_scan(doc) or scan(doc, lex)
    units = candidates(doc)
    return dict(zip(map(id, units), score_texts([unit_text(u, sc, lex) for u in units])))


def unit_evidence(doc: Document, probs: dict[int, float] | None = None) -> list[UnitEvidence]:
    """Every chapter, section and article of ``doc`` as the roll-up sees it (an article inside
    quoted amending text too, attributed to the own article carrying it; quoted chapters and
    sections are not the document's own): its probability (0 for a unit that is not a
    candidate), the chapter and section it is in, whether the structure lets it count."""
    from lawscan.analyse.matcher import is_final_provisions, is_framing_article
    from lawscan.analyse.verdict import substantive_chapters

    if probs is None:
        probs = probabilities(doc)
    substantive = {id(c) for c in substantive_chapters(doc)}
    out: list[UnitEvidence] = []

    def visit(u: Unit, containers: tuple[str, ...], chapter: str, carrier: str) -> None:
        for c in u.children:
            if c.kind in ("chapter", "section") and not carrier:
                final = is_final_provisions(c, doc)
                out.append(UnitEvidence(
                    c.eid, c.kind, c.num, probs.get(id(c), 0.0), containers, counts=not final,
                    general=c.kind == "chapter" and not final and id(c) not in substantive,
                    chapter_num=chapter if c.kind == "section" else ""))
                visit(c, containers + (c.eid,), c.num if c.kind == "chapter" else chapter, "")
            elif c.kind == "article":
                counts = not is_final_provisions(c, doc) and not is_framing_article(c)
                out.append(UnitEvidence(c.eid, c.kind, c.num, probs.get(id(c), 0.0),
                                        () if carrier else containers, counts=counts,
                                        attributed_to=carrier))
                visit(c, containers, chapter, carrier or c.eid)
            else:
                visit(c, containers, chapter, carrier)

    visit(doc.root, (), "", "")
    return out
