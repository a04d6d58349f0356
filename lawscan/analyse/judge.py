"""Per-unit judgements: is the main subject of this article, section or chapter digital?

Takes the document's :class:`Outline`, its lexicon :class:`DocScan` and the :class:`Lexicon`
(and, for the trained verdict, a unit classifier: ``lawscan.analyse.classifier``); gives
:class:`Judgements`, one :class:`Judgement` per article (outside the final provisions, framing
articles left out), per section and per chapter (outside the final provisions). The verdict's
decision reads only these (``verdict.decide``), so a classifier's probabilities come in here,
beside the lexicon's evidence, and nothing after this stage changes.

Each judgement holds its :class:`Signal` s - what one source says about the unit:

* ``title`` - the title lexicon (:func:`title_margin`): an article's, section's or chapter's
  title names a digital subject; a section's or chapter's title counts only with a digital
  article inside (when it has articles); an article's mixed title (a digital item beside other
  subjects) or modernisation title counts when its body names a strong term;
* ``body`` - the body lexicon (:func:`body_evidence`): most of an article's lines name strong
  digital terms;
* ``quoted`` - quoted amendment text under the article is digital (an inserted digital article,
  or quoted clauses about digital terms): it counts for the instruction's own article;
* ``articles`` - the structural roll-up: most (two or more) of a section's or chapter's articles
  are digital - never the general-provisions chapter by article count alone - and, for a
  chapter divided into two or more Mục, most of its Mục too (a chapter "GIAO DỊCH ĐẶC THÙ" whose
  digital articles fill one Mục of three is about special transactions: its Mục is digital);
* ``classifier`` - a trained text classifier's probability (the trained verdict only).

An amending law's own structure is a few articles; the chapters and sections it inserts or
replaces stand in its quoted text ("Bổ sung Chương VIIa vào sau Chương VII như sau: “Chương VIIa
CHUYỂN ĐỔI SỐ TRONG GIÁO DỤC ...”"). Those are judged too, after the law's own, like them: by
their title and the roll-up of their quoted articles, from lexicon signals only (quoted text is
judged so for both verdicts), so that an amending law that gives the amended law a digital
chapter has a ``dedicated_chapter`` status.

A lexicon signal has a ``margin``: how far the unit is from the source's threshold, scaled to
[-1, 1], 0 at the threshold (digital at 0 and above). Its probability is a logistic function of
the margin fitted to the labelled articles (:func:`probability`: 0.02 at -1, 0.55 at -0.25, 0.85
at the threshold, 0.99 above 0.5), and :data:`P_NO_CUE` when the source found no digital cue at
all; the rule-only verdict keeps its thresholds, so a unit just below one is judged not digital
with a probability above one half - the doubt the verdict's confidence shows. The ``articles``
roll-up is in probabilities from the start: the chance that enough of the articles are digital
if each is with its own probability (independently). The rule-only verdict
(``combine="rules"``) takes a unit as digital when one lexicon or roll-up signal is (in the order
above, whose first gives the reason), with the highest of their probabilities. A classifier's
calibrated probabilities replace these for the trained verdict.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from lawscan.fold import fold
from lawscan.analyse.lexicon import Hit, Lexicon
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.messages import label, reason, text
from lawscan.analyse.outline import Outline, heading_is, is_amending_law, is_framing_article, rubric
from lawscan.model import Line, Reason, Unit

# p = 1 / (1 + exp(-(P_AT_THRESHOLD + P_SLOPE * margin))), kept within [P_NO_CUE, 1 - P_NO_CUE]:
# a logistic fit of the labelled articles with a digital cue (training/labels/units.jsonl, 2,553
# articles: benchmarks/eval_confidence.py prints the share labelled digital per band)
P_AT_THRESHOLD = 1.7
P_SLOPE = 5.5
# a unit with no digital cue at all for a source (no term of the lexicon that could make its
# title digital, no strong term in its body or quoted text): 32 of the 2,410 such labelled units
# are digital (1.3%, an upper bound: the labels sample the units without a cue more thinly)
P_NO_CUE = 0.01
# a mixed or body-confirmed article title (:func:`_title_signal`) with a strong term in the body:
# digital, with the share of such articles labelled yes in training/labels/units.jsonl (25 of 33)
P_TITLE_WITH_BODY = 0.76


def probability(margin: float) -> float:
    """The probability a lexicon signal's margin stands for (see the module docstring)."""
    p = 1 / (1 + math.exp(-(P_AT_THRESHOLD + P_SLOPE * max(-1.0, min(1.0, margin)))))
    return min(1 - P_NO_CUE, max(P_NO_CUE, p))


def logit(p: float) -> float:
    """The log-odds of ``p``, kept within 1e-6 of 0 and 1 (a model's raw score may be 0 or 1)."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    """The probability whose log-odds are ``z`` (no overflow for a large negative ``z``)."""
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _clip(x: float) -> float:
    return max(-1.0, min(1.0, x))


@dataclass
class Signal:
    """What one source says about a unit: ``p`` the probability that its main subject is
    digital; ``margin`` (lexicon sources) the scaled distance from the source's threshold;
    ``digital`` whether the source alone makes it digital; ``reason`` why, when it does."""

    source: str  # title | body | quoted | articles | classifier
    p: float
    digital: bool
    margin: float | None = None
    reason: Reason | None = None

    @classmethod
    def lexicon(cls, source: str, margin: float, why: Reason | None = None, cue: bool = True) -> Signal:
        """A lexicon source's signal from its margin; ``cue`` False: the source found nothing
        at all to go on (probability :data:`P_NO_CUE`)."""
        return cls(source, probability(margin) if cue else P_NO_CUE, margin >= 0, margin,
                   why if margin >= 0 else None)


@dataclass(eq=False)
class Judgement:
    """Whether one article, section or chapter is digital, from its signals: ``digital``, ``p``
    (the probability that it is), ``source`` (the signal that decided, "" when not digital) and
    ``reason`` (that signal's)."""

    unit: Unit
    num: str  # as printed; a section's is "chapter/section"
    name: str = ""  # as reasons call it: "Điều 5", "Chương II", "Mục 1 Chương II"
    signals: list[Signal] = field(default_factory=list)
    inside: float = 1.0  # a section or chapter: the chance that one of its articles is digital
    two_inside: float = 1.0  # ... that two of them are (all of them when it has fewer than two)
    digital: bool = False
    p: float = 0.0
    source: str = ""
    reason: Reason | None = None

    @property
    def kind(self) -> str:
        return self.unit.kind

    def signal(self, source: str) -> Signal | None:
        return next((s for s in self.signals if s.source == source), None)


def combine_rules(j: Judgement) -> None:
    """The rule-only verdict: digital when a lexicon or roll-up signal is (the first such gives
    the reason); ``p`` the highest signal probability."""
    first = next((s for s in j.signals if s.digital), None)
    j.digital = first is not None
    j.source, j.reason = (first.source, first.reason) if first else ("", None)
    j.p = max((s.p for s in j.signals), default=P_NO_CUE)


@dataclass
class Judgements:
    """The judgements of a document's units, each kind in document order."""

    articles: list[Judgement] = field(default_factory=list)
    sections: list[Judgement] = field(default_factory=list)
    chapters: list[Judgement] = field(default_factory=list)
    by_unit: dict[int, Judgement] = field(default_factory=dict)

    def of(self, unit: Unit) -> Judgement | None:
        """The judgement of ``unit``, or None for a unit that is not judged (final provisions,
        framing articles, other kinds)."""
        return self.by_unit.get(id(unit))

    def kind(self, kind: str) -> list[Judgement]:
        return {"article": self.articles, "section": self.sections, "chapter": self.chapters}[kind]

    def digital(self, kind: str) -> list[Judgement]:
        """The digital units of ``kind`` ("article", "section", "chapter"), document order."""
        return [j for j in self.kind(kind) if j.digital]


# ------------------------------------------------------------------------------------- titles


def _strong(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.strength == "strong"]


def _syllables(text_: str) -> int:
    return len([w for w in text_.split() if any(c.isalnum() for c in w)])


def _title_term(hit: Hit, lex: Lexicon) -> bool:
    """A hit that makes a title item digital: a strong term, or an e-portal/website."""
    return hit.strength == "strong" or hit.category in lex.title_categories


def _item_weight(item: str, lex: Lexicon) -> float:
    """How much a title item counts as digital: 1 when it names a strong term or the digital
    form of a thing ("Giấy chứng nhận kiểm dịch điện tử": ``Lexicon.qualified_object``), half
    when it names only an e-portal or website, else nothing."""
    hits = [h for h in lex.find_folded(item) if _title_term(h, lex)]
    if any(h.strength == "strong" for h in hits) or lex.qualified_object(item):
        return 1.0
    return 0.5 if hits else 0.0


_ITEM_SEPARATOR = re.compile(r",| và | hoặc ")


def _items(part: str, lex: Lexicon) -> list[str]:
    """The items of a folded title part, cut at ",", " và " and " hoặc " - but not inside a
    lexicon term that holds one ("kết nối, chia sẻ", "định danh và xác thực điện tử")."""
    cuts = list(_ITEM_SEPARATOR.finditer(part))
    if not cuts:
        return [part.strip()] if part.strip() else []
    terms = [(h.start, h.end) for h in lex.find_folded(part)]
    items, start = [], 0
    for cut in cuts:
        if not any(s < cut.start() and cut.end() <= e for s, e in terms):
            items.append(part[start:cut.start()])
            start = cut.end()
    items.append(part[start:])
    return [i.strip() for i in items if i.strip()]


def title_margin(heading: str, lex: Lexicon, folded: str | None = None) -> float:
    """How digital a title's subject is, as a margin (>= 0: digital). The title is cut into parts
    at ";" and each part into items at "," and " và " (:func:`_items`: never inside a term, so
    "Kết nối, chia sẻ và khai thác dữ liệu" has two items); an item is digital when it names a strong
    digital term or the digital form of a thing ("Giấy chứng nhận kiểm dịch điện tử"), half
    digital when it names only an e-portal or website (:func:`_item_weight`);
    a part is digital when at least half of its substantive items are (items of one or two
    syllables without a digital term - "quyền", "chỗ ở", "xây dựng" - do not count), and the
    title when at least half of its parts are. So "Thu thập phương tiện điện tử, dữ liệu điện
    tử", "ÁP DỤNG HÓA ĐƠN, CHỨNG TỪ ĐIỆN TỬ" and "Trang thông tin điện tử tổng hợp" are digital,
    but "Căn cứ khám xét người, chỗ ở, nơi làm việc, ..., dữ liệu điện tử", "QUAN TRẮC MÔI
    TRƯỜNG, THÔNG TIN, CƠ SỞ DỮ LIỆU MÔI TRƯỜNG VÀ BÁO CÁO MÔI TRƯỜNG" and "Tờ báo về đấu thầu và
    trang thông tin điện tử về đấu thầu" (a website beside another subject) are not.

    A part's margin is ``2 * digital weight / counted items - 1`` (-1 when none is counted); the
    title's is that of its middle part (the ceil(n/2)-th best of n), which is >= 0 exactly when
    at least half of the parts are digital. ``folded``: the heading's fold, when known."""
    f = fold(heading) if folded is None else folded
    if not title_cue(f, lex):  # no item can be digital
        return -1.0
    parts = [p for p in f.split(";") if p.strip()]
    if not parts:
        return -1.0
    margins = []
    for part in parts:
        items = _items(part, lex)
        weights = [_item_weight(i, lex) for i in items]
        counted = [w for i, w in zip(items, weights) if w or _syllables(i) >= 3]
        margins.append(2 * sum(counted) / len(counted) - 1 if counted else -1.0)
    margins.sort(reverse=True)
    return margins[(len(parts) + 1) // 2 - 1]


def title_cue(folded: str, lex: Lexicon) -> bool:
    """Does the folded title name a term or a qualifier that could make an item digital (word
    boundaries and false positives not checked)?"""
    return lex.names_any(folded, lex.title_categories) or any(q in folded for q in lex.object_qualifiers)


def title_is_digital(heading: str, lex: Lexicon, folded: str | None = None) -> bool:
    """Is the title's subject digital (:func:`title_margin` >= 0)?"""
    return title_margin(heading, lex, folded) >= 0


# -------------------------------------------------------------------------------------- bodies


def _lines(scan_: DocScan, art: Unit) -> list[tuple[Line, list[Hit]]]:
    """Non-empty lines of an article and its khoản/điểm (quoted text excluded) with their hits."""
    out = []
    for u in art.walk(include_quoted=False):
        us = scan_.units.get(id(u))
        if us is None:  # no hit in the unit (most): its lines as they are
            out.extend((line, ()) for line in u.content if line.text.strip())
            continue
        for line, hs in us.line_hits:
            if line.text.strip():
                out.append((line, hs))
    return out


def body_evidence(scan_: DocScan, art: Unit, lines: list | None = None) -> tuple[float, tuple[str, str]]:
    """How digital the main subject of an article body is, as a margin, and what was counted
    (Vietnamese, English). The body is digital when at least half of its lines (khoản, điểm)
    name a strong digital term, with four or more strong hits of two or more different terms;
    the margin is the smallest of ``2 * share - 1``, ``(hits - 4) / 4`` and ``(terms - 2) / 2``
    (each cut to [-1, 1]), so >= 0 exactly then. An incidental clause (a contract "concluded by
    electronic means", a database in a list of duties) does not make an article digital.
    ``lines``: the body's :func:`_lines`, when the caller has them."""
    lines = _lines(scan_, art) if lines is None else lines
    if not lines:
        return -1.0, ("", "")
    with_hits = [_strong(hs) for _, hs in lines if _strong(hs)]
    n_strong = sum(len(h) for h in with_hits)
    terms = sorted({h.term for hs in with_hits for h in hs})
    margin = min(_clip(2 * len(with_hits) / len(lines) - 1), _clip((n_strong - 4) / 4),
                 _clip((len(terms) - 2) / 2))
    return margin, text("body_lines", lines=len(with_hits), total=len(lines), terms=", ".join(terms[:4]))


def body_is_digital(scan_: DocScan, art: Unit) -> tuple[bool, tuple[str, str]]:
    """Is the main subject of an article body digital (:func:`body_evidence`), and why."""
    margin, why = body_evidence(scan_, art)
    return margin >= 0, why


# ------------------------------------------------------------------------------------ articles


# most articles have no digital cue at all: their signals are these two (never changed)
_NO_TITLE_CUE = Signal.lexicon("title", -1.0, cue=False)
_NO_BODY_CUE = Signal.lexicon("body", -1.0, cue=False)


def _title_signal(scan_: DocScan, art: Unit, lex: Lexicon, strong_hits: int) -> Signal:
    """The title lexicon's signal on an article (``strong_hits``: the strong hits of its body):
    a digital title (:func:`title_margin`), or one of two kinds of title that are digital when
    the body names a strong term on one line at least - the provision the title announces
    (:func:`_mixed_title_signal`, :func:`_body_confirmed_signal`)."""
    folded = scan_.fold(art.heading) if art.heading else ""
    if not folded:
        return _NO_TITLE_CUE
    if not title_cue(folded, lex):
        return _body_confirmed_signal(scan_, art, lex, folded, strong_hits)
    margin = title_margin(art.heading, lex, folded)
    if margin < 0:
        return _mixed_title_signal(scan_, art, margin, strong_hits)
    # the terms title_margin went by (a website title has no strong term: "Điều 9 title names "
    # was printed with strong terms only)
    terms = ", ".join(sorted({h.term for h in scan_.of(art).title_hits if _title_term(h, lex)})) \
        or art.heading.strip()[:80]
    return Signal.lexicon("title", margin, reason("article_title", art.eid, num=art.num, terms=terms))


def _mixed_title_signal(scan_: DocScan, art: Unit, margin: float, strong_hits: int) -> Signal:
    """A title under the threshold (``margin`` < 0) that still names a strong digital item
    beside other subjects ("Vật tư, phương tiện, trang thiết bị, hệ thống thông tin, ...") is
    digital when the body names a strong term (probability :data:`P_TITLE_WITH_BODY`); any
    other such title keeps its margin."""
    strong = sorted({h.term for h in scan_.of(art).title_hits if h.strength == "strong"})
    if margin > -1 and strong and strong_hits:
        return Signal("title", P_TITLE_WITH_BODY, True, 0.0,
                      reason("article_mixed_title", art.eid, num=art.num, terms=", ".join(strong)))
    return Signal.lexicon("title", margin)


def _body_confirmed_signal(scan_: DocScan, art: Unit, lex: Lexicon, folded: str, strong_hits: int) -> Signal:
    """A title about a subject of the lexicon's ``[titles] body_confirmed`` ("Hiện đại hóa quản
    lý thuế": no digital term of its own) is digital when the body names a strong term
    (probability :data:`P_TITLE_WITH_BODY`)."""
    subject = lex.body_confirmed_subject(folded)
    if subject is None or not strong_hits:
        return _NO_TITLE_CUE
    return Signal("title", P_TITLE_WITH_BODY, True, 0.0,
                  reason("article_title_body", art.eid, num=art.num, subject=subject,
                         terms=_body_terms(scan_, art)))


def _body_signal(scan_: DocScan, art: Unit, strong_hits: int, lines: list | None = None) -> Signal:
    """``strong_hits``: the strong hits of the body; without any, the margin is -1 without a
    look (no share of lines, hits or terms is above nought). ``lines``: as body_evidence's."""
    if strong_hits == 0:
        return _NO_BODY_CUE
    margin, why = body_evidence(scan_, art, lines)
    if margin < 0:
        return Signal.lexicon("body", margin)
    return Signal.lexicon("body", margin, reason("article_body", art.eid, num=art.num, why=why))


def _body_terms(scan_: DocScan, art: Unit) -> str:
    """The first strong terms the body of ``art`` names, for a reason."""
    terms = sorted({h.term for _, hs in _lines(scan_, art) for h in _strong(hs)})
    return ", ".join(terms[:4])


def _article_signals(scan_: DocScan, art: Unit, lex: Lexicon, strong_hits: int | None = None) -> list[Signal]:
    """The title and body signals of ``art`` (``strong_hits``: of its body, counted when None)."""
    lines = None
    if strong_hits is None:  # an article inside quoted text: its lines are read once, here
        lines = _lines(scan_, art)
        strong_hits = sum(len(_strong(hs)) for _, hs in lines)
    return [_title_signal(scan_, art, lex, strong_hits), _body_signal(scan_, art, strong_hits, lines)]


def _quoted_signal(scan_: DocScan, art: Unit, lex: Lexicon) -> Signal:
    """Quoted amendment text under ``art``: digital when a quoted block inserts a digital article,
    or when the main subject of the quoted text under ``art`` taken together is digital (at least
    half of its lines with a strong term, two or more terms: margin the smaller of
    ``2 * share - 1`` and ``(terms - 2) / 2``), so that one quoted point naming networks among
    many amended provisions does not make the instruction digital; the reason is the first
    digital article's, else the text's, given for ``art``. When an inserted article decides, its
    signal's probability is kept (a fixed one, such as :data:`P_TITLE_WITH_BODY`, included)."""
    blocks = [q for q in art.walk() if q.kind == "quoted"]
    tops, why, cue = [], None, False
    for q in blocks:
        best, found, seen = _inserted_articles(scan_, q, lex, art)
        if why is None and found is not None:
            why = found
        if best is not None:
            tops.append(best)
        cue = cue or seen
    top = max(tops, key=_strength, default=None)
    margin, found, seen = _quoted_text(scan_, blocks, art)
    if why is None and found is not None:
        why = found
    if top is not None and top.margin >= margin and top.p != P_NO_CUE:
        return Signal("quoted", top.p, top.digital, top.margin, why if top.digital else None)
    return Signal.lexicon("quoted", max(-1.0 if top is None else top.margin, margin), why, cue or seen)


def _inserted_articles(scan_: DocScan, q: Unit, lex: Lexicon, art: Unit) -> tuple[Signal | None, Reason | None, bool]:
    """The strongest signal (by margin, then probability) of the articles one quoted block inserts
    or replaces (None: it inserts none), the reason of the first digital one, and whether any has
    a cue."""
    tops, why, cue = [], None, False
    for a in q.walk():
        if a.kind == "article" and a is not q:
            inner = _article_signals(scan_, a, lex)
            tops.append(max(inner, key=_strength))
            first = next((s for s in inner if s.digital), None)
            if first is not None and why is None:
                why = reason("quoted_article", art.eid, num=art.num, inner=(first.reason.vi, first.reason.en))
            cue = cue or any(s.p != P_NO_CUE for s in inner)
    return max(tops, key=_strength, default=None), why, cue


def _strength(signal: Signal) -> tuple[float, float]:
    """How strongly a lexicon signal says digital: its margin, then its probability."""
    return signal.margin, signal.p


def _quoted_text(scan_: DocScan, blocks: list[Unit], art: Unit) -> tuple[float, Reason | None, bool]:
    """The margin of all the quoted text under one article taken together, its reason when it
    is digital, and whether it has any strong term."""
    if not blocks:
        return -1.0, None, False
    hits = [h for q in blocks for h in _strong(scan_.deep_hits(q, include_quoted=True))]
    terms = sorted({h.term for h in hits})
    lines = sum(1 for q in blocks for u in q.walk() for ln in u.content if ln.text.strip())
    lines_with = sum(1 for q in blocks for u in q.walk() for _, hs in scan_.of(u).line_hits if _strong(hs))
    margin = min(_clip(2 * lines_with / max(1, lines) - 1), _clip((len(terms) - 2) / 2))
    why = reason("quoted_text", art.eid, num=art.num, terms=", ".join(terms[:4])) if margin >= 0 else None
    return margin, why, bool(hits)


def _strong_hits_per_article(outline: Outline, sc: DocScan) -> dict[int, int]:
    """Strong hits in the lines of each article and its khoản/điểm (quoted text left out, as in
    :func:`body_evidence`), counted from the few units with hits, climbing parents."""
    parent = outline.parent
    n_strong: dict[int, int] = {}
    for us in sc.line_hit_scans:
        if id(us.unit) not in parent:  # the root, or inside quoted text
            continue
        k = sum(1 for _, hs in us.line_hits for h in hs if h.strength == "strong")
        p = us.unit
        while k and p is not None:
            if p.kind == "article":
                n_strong[id(p)] = n_strong.get(id(p), 0) + k
            p = parent.get(id(p))
    return n_strong


def _quoting_articles(outline: Outline) -> set[int]:
    """The articles with quoted text somewhere below them (climbing from each quoted block)."""
    quoting: set[int] = set()
    for _, p in outline.quoted:
        while p is not None:
            if p.kind == "article":
                quoting.add(id(p))
            p = outline.parent.get(id(p))
    return quoting


# ------------------------------------------------------------------------- sections, chapters


def at_least(ps: Sequence[float], k: int) -> float:
    """The probability that at least ``k`` of independent events with probabilities ``ps``
    happen (the Poisson binomial distribution)."""
    if k <= 0:
        return 1.0
    if k > len(ps):
        return 0.0
    mean = sum(ps)
    if mean * 8 < k and _chernoff(mean, k) < 1e-6:  # far out of reach (a long chapter's roll-up)
        return 0.0
    # dist[i]: the probability that i have happened so far, dist[k]: k or more (then it stays)
    dist = [1.0] + [0.0] * k
    for p in ps:
        for i in range(k, 0, -1):  # downwards: dist[i - 1] is still the one before this event
            dist[i] = (dist[i] if i == k else dist[i] * (1 - p)) + dist[i - 1] * p
        dist[0] *= 1 - p
    return dist[k]


def _chernoff(mean: float, k: int) -> float:
    """An upper bound of P(X >= k) for a sum X of independent events whose probabilities add up
    to ``mean`` < k (Chernoff: (e^d / (1 + d)^(1 + d))^mean with k = (1 + d) mean)."""
    if mean <= 0:
        return 0.0
    d = k / mean - 1
    return math.exp(mean * (d - (1 + d) * math.log1p(d)))


def _container(u: Unit, num: str, name: str, arts: list[Unit], judged: Judgements, sc: DocScan,
               lex: Lexicon) -> Judgement:
    """The judgement of a section or chapter whose articles are ``arts`` (framing ones left
    out), with its title and roll-up signals."""
    kind = "chapter" if u.kind == "chapter" else "section"
    of = [judged.of(a) for a in arts]
    ps = [j.p if j is not None else P_NO_CUE for j in of]
    n_dig = sum(1 for j in of if j is not None and j.digital)
    inside = 1 - _none_of(ps) if arts else 1.0
    # title: a digital title and (with articles) a digital article inside
    folded = sc.fold(u.heading) if u.heading else ""
    cue = bool(folded) and title_cue(folded, lex)
    margin = title_margin(u.heading, lex, folded) if cue else -1.0
    title_ok = margin >= 0 and (not arts or n_dig >= 1)
    p_title = (probability(margin) if cue else P_NO_CUE) * inside
    title = Signal("title", p_title, title_ok, margin,
                   reason(f"{kind}_title", u.eid, label=name, title=u.heading.strip()[:80]) if title_ok else None)
    # roll-up: most of its articles, two or more, are digital (not the general chapter)
    general = u.kind == "chapter" and heading_is(u.heading, rubric()["structure"]["general_chapter"])
    need = max(2, len(arts) // 2 + 1)
    rolled_ok = bool(arts) and not general and n_dig >= need
    p_rolled = 0.0 if general or not arts else at_least(ps, need)
    secs = [judged.of(s) for s in u.children if s.kind == "section"] if kind == "chapter" else []
    if len(secs) >= 2:  # a chapter in Mục: most of its Mục too (the module docstring)
        s_ps = [j.p if j is not None else P_NO_CUE for j in secs]
        rolled_ok = rolled_ok and 2 * sum(1 for j in secs if j is not None and j.digital) > len(secs)
        p_rolled = min(p_rolled, at_least(s_ps, len(secs) // 2 + 1))
    rolled = Signal("articles", p_rolled, rolled_ok, None,
                    reason(f"{kind}_articles", u.eid, label=name, digital=n_dig, total=len(arts))
                    if rolled_ok else None)
    two = at_least(ps, min(2, len(arts))) if arts else 1.0
    return Judgement(u, num, name, [title, rolled], inside, two)


def _none_of(ps: Sequence[float]) -> float:
    out = 1.0
    for p in ps:
        out *= 1 - p
    return out


def _articles_in(outline: Outline, framing: set[int]) -> dict[int, list[Unit]]:
    """The articles (framing ones left out) inside each chapter, section ...: climbed from each."""
    arts_in: dict[int, list[Unit]] = {}
    for a in outline.units("article"):
        if id(a) not in framing:
            p = outline.parent.get(id(a))
            while p is not None:
                arts_in.setdefault(id(p), []).append(a)
                p = outline.parent.get(id(p))
    return arts_in


def _numbered(u: Unit, chapter: str) -> tuple[str, str]:
    """The number a chapter's or section's judgement goes by ("XII", "XII/2") and its name in
    reasons ("Chương XII", "Mục 2 Chương XII"); ``chapter``: the number of a section's chapter."""
    if u.kind == "chapter":
        return u.num, label("chapter", num=u.num)
    name = label("section_in_chapter", num=u.num, chapter=chapter) if chapter else label("section", num=u.num)
    return f"{chapter}/{u.num}", name


def _chapter_of(outline: Outline, sec: Unit) -> str:
    chap = outline.parent.get(id(sec))
    while chap is not None and chap.kind not in ("chapter", "root"):
        chap = outline.parent.get(id(chap))
    return chap.num if chap is not None and chap.kind == "chapter" else ""


# --------------------------------------------------------------------------------------- all


def judge_units(outline: Outline, sc: DocScan, lex: Lexicon,
                extra: Callable[[list[Judgement]], None] | None = None,
                combine: Callable[[Judgement], None] = combine_rules) -> Judgements:
    """The judgements of every article, section and chapter (see the module docstring).
    ``extra(judgements)`` may add signals to a list of judgements of one kind before they are
    combined (a classifier's, articles first, then sections and chapters); ``combine`` decides
    each unit from its signals."""
    out = Judgements()
    all_articles = outline.units("article")
    framing = {id(a) for a in all_articles if is_framing_article(a)}
    quoting = _quoting_articles(outline)
    n_strong = _strong_hits_per_article(outline, sc)
    for art in all_articles:
        if outline.is_final(art) or id(art) in framing:
            continue
        signals = _article_signals(sc, art, lex, n_strong.get(id(art), 0))
        if id(art) in quoting:
            signals.append(_quoted_signal(sc, art, lex))
        out.articles.append(Judgement(art, art.num, label("article", num=art.num), signals))
    _decide(out.articles, out, extra, combine)

    arts_in = _articles_in(outline, framing)
    for kind in ("section", "chapter"):
        judged = []
        for u in outline.units(kind):
            if outline.is_final(u):
                continue
            num, name = _numbered(u, "" if kind == "chapter" else _chapter_of(outline, u))
            judged.append(_container(u, num, name, arts_in.get(id(u), []), out, sc, lex))
        _decide(judged, out, extra, combine)
        out.kind(kind).extend(judged)
    if is_amending_law(outline.doc):
        for kind, inserted in _inserted_containers(out.articles, sc, lex).items():
            _decide(inserted, out, None, combine_rules)
            out.kind(kind).extend(inserted)
    return out


def _inserted_containers(articles: list[Judgement], sc: DocScan, lex: Lexicon) -> dict[str, list[Judgement]]:
    """The chapters and sections in the quoted text of an amending law's judged articles, each
    judged by its title and the roll-up of its quoted articles (see the module docstring). A
    quoted heading without articles only renames a chapter or section ("Sửa đổi tên Mục 2
    Chương XXI như sau: “Mục 2 …”"): the law inserts no unit there, and its instruction is
    judged with the article it is in."""
    out: dict[str, list[Judgement]] = {"section": [], "chapter": []}
    for j in articles:
        for q in (u for u in j.unit.walk() if u.kind == "quoted"):
            for u, chapter in _containers_in(q, ""):
                arts = [a for a in u.walk() if a.kind == "article"]
                if not arts:
                    continue
                num, name = _numbered(u, chapter)
                out[u.kind].append(_container(u, num, name, arts, _quoted_articles(arts, sc, lex), sc, lex))
    return out


def _quoted_articles(arts: list[Unit], sc: DocScan, lex: Lexicon) -> Judgements:
    """The rule-only judgements of quoted articles, for the roll-up of the container they are in."""
    out = Judgements()
    for a in arts:
        j = Judgement(a, a.num, label("article", num=a.num), _article_signals(sc, a, lex))
        combine_rules(j)
        out.by_unit[id(a)] = j
    return out


def _containers_in(unit: Unit, chapter: str):
    """(chapter or section, the number of the chapter it is in) below ``unit``, in order."""
    for c in unit.children:
        if c.kind == "chapter":
            yield c, ""
            yield from _containers_in(c, c.num)
        elif c.kind == "section":
            yield c, chapter


def _decide(judged: list[Judgement], out: Judgements, extra, combine) -> None:
    if extra is not None and judged:
        extra(judged)
    for j in judged:
        combine(j)
        out.by_unit[id(j.unit)] = j
