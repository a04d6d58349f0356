"""What a rule sees: :class:`RuleContext` takes the Document, the analysis stage's
:class:`~lawscan.analyse.Analysis` of it (or its Verdict alone) and the settings, and gives
navigation helpers (parents, the article or chapter of a unit, the unit at a line, the
final-provisions test, the title line), per-unit text lines with quoted amendment text
attributed to the instruction that carries it, and what the graph stage gives, made on first use:
the chapter graph and the document's broken references.

A rule sees the document as analysed: the context reads the Analysis it is given (its outline,
final provisions, lexicon scan and folded text). Without one (a Verdict alone, or nothing) it
makes the outline itself and walks the tree for the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from lawscan.engine.text import fold, phrase_literals, phrase_pattern, short
from lawscan.joined import join as join_lines
from lawscan.joined import lines_with
from lawscan.model import Document, Evidence, Unit, Verdict
from lawscan.wording import word

if TYPE_CHECKING:
    from lawscan.analyse import Analysis
    from lawscan.graph.build import BuildInfo
    from lawscan.analyse.outline import Outline

# white space other than one space: a phrase pattern's "\\s+" could match it
_ODD_SPACE = re.compile(r"[^\S ]|  ")


@dataclass
class Hit:
    """A phrase found on one line of a unit."""

    phrase: str  # folded
    unit: Unit  # the unit whose line matched
    at: Unit  # where a finding belongs (the instruction for quoted text)
    line: int | None
    text: str  # the line, as a short quote

    def evidence(self) -> Evidence:
        return Evidence(eid=self.at.eid, line=self.line, quote=self.text)


@dataclass
class RuleContext:
    """What a rule is given (see the module docstring): the document as analysed. ``verdict``
    defaults to the analysis' verdict."""

    doc: Document
    verdict: Verdict | None = None
    settings: dict = field(default_factory=dict)
    analysis: Analysis | None = None

    def __post_init__(self):
        if self.verdict is None and self.analysis is not None:
            self.verdict = self.analysis.verdict
        # a heading or line's fold: from the analysis' one pass over the document when there is one
        self._fold = self.analysis.scan.fold if self.analysis is not None else fold

    @functools.cached_property
    def outline(self) -> Outline:
        """The document's own structure and final provisions (``lawscan.analyse.outline``): the
        analysis' outline, else one made now (without the analysis' title test, which keeps an
        article with a digital title out of a final chapter: such a chapter is final whole)."""
        if self.analysis is not None:
            return self.analysis.outline
        from lawscan.analyse.outline import Outline

        return Outline.of(self.doc)

    # -- graph ----------------------------------------------------------------------------
    @functools.cached_property
    def graph(self):
        """The networkx graph of the document (``lawscan.graph.build_graph``), built once."""
        from lawscan.graph import build_graph

        return build_graph(self.doc)

    @functools.cached_property
    def references(self) -> BuildInfo:
        """What the graph stage finds of the document's references (``BuildInfo``: its
        ``broken`` references), found once without building the graph
        (``lawscan.graph.build.reference_problems``, which records the references' problems in
        ``doc.problems`` as building the graph does, each once)."""
        from lawscan.graph.build import reference_problems

        return reference_problems(self.doc)

    # -- navigation -----------------------------------------------------------------------
    @functools.cached_property
    def _parents(self) -> dict[int, Unit]:
        """The parent of every unit: those of the document's own structure from the outline's
        walk, and those of quoted text from a walk of each quoted block."""
        return self.outline.parents_with_quoted()

    def parent(self, unit: Unit) -> Unit | None:
        return self._parents.get(id(unit))

    def ancestors(self, unit: Unit) -> list[Unit]:
        """Parents of ``unit``, nearest first, without the root."""
        out = []
        p = self.parent(unit)
        while p is not None and p.kind != "root":
            out.append(p)
            p = self.parent(p)
        return out

    def enclosing(self, unit: Unit, kind: str) -> Unit | None:
        """The unit itself or its nearest ancestor of ``kind``."""
        if unit.kind == kind:
            return unit
        return next((a for a in self.ancestors(unit) if a.kind == kind), None)

    def verdict_unit(self, kind: str, num: str) -> Unit | None:
        """The unit the Verdict names: ``Verdict.eids["chapter:XII"]`` (sections:
        "section:XII/2"), else the first own unit of that kind and number."""
        eids = self.verdict.eids if self.verdict else {}
        eid = eids.get(f"{kind}:{num}") or eids.get(num)
        unit = self.doc.find(eid) if eid else None
        if unit is not None:
            return unit
        if kind == "section" and "/" in num:
            chp, sec = num.split("/", 1)
            for c in self.doc.units("chapter"):
                if c.num == chp:
                    return next((s for s in c.walk(False) if s.kind == "section" and s.num == sec),
                                None)
            return None
        return next((u for u in self.doc.units(kind) if u.num == num), None)

    def full_label(self, unit: Unit) -> str:
        """Vietnamese citation of a unit, smallest first: "điểm b khoản 1 Điều 15"; quoted text
        of an amending law: "khoản 2 Điều 2 (sửa đổi tại khoản 1 Điều 1)"."""
        if unit.kind == "quoted":
            target = unit.attrs.get("target") or word("quoted_text")["vi"]
            return word("amended_at")["vi"].format(target=target,
                                                    at=self.full_label(self.anchor(unit)))
        parts = [unit.label()]
        if unit.kind in ("paragraph", "point"):
            for a in self.ancestors(unit):
                if a.kind in ("paragraph", "article"):
                    parts.append(a.label())
                if a.kind == "article":
                    break
        return " ".join(parts)

    def in_quote(self, unit: Unit) -> bool:
        return _in_quote(unit, self._parents, self._quote_memo)

    @functools.cached_property
    def _quote_memo(self) -> dict[int, bool]:
        """in_quote per unit id (a unit is in a quote if it or an ancestor is quoted text)."""
        return {}

    def anchor(self, unit: Unit) -> Unit:
        """Where a finding about ``unit`` belongs: the unit itself, or, for quoted text of an
        amending law, the instruction (nearest unit outside the quote) that carries it."""
        return _anchor(unit, self._parents, self._quote_memo)

    def article_scope(self, unit: Unit) -> Unit:
        """The article a unit belongs to, for "same article" tests. Inside quoted amendment text
        it is the quoted article ("Điều 16a" inside the quote) or else the quote itself, never
        the amending law's own article that carries many instructions."""
        chain = [unit, *self.ancestors(unit)]
        if self.in_quote(unit):
            for u in chain:
                if u.kind == "article" and self.in_quote(u):
                    return u
                if u.kind == "quoted":
                    return u
        return next((u for u in chain if u.kind == "article"), unit)

    def is_final(self, unit: Unit) -> bool:
        """Is ``unit`` in the final provisions ("Điều khoản thi hành" chapter, or a final
        article such as "Hiệu lực thi hành" in a law without that chapter)? The analysis stage
        decides (rules/data/rubric.toml), so the rules and the verdict agree."""
        return id(unit) in self._final_ids

    @property
    def _final_ids(self) -> frozenset[int]:
        """``id()`` of every final-provision unit (the final chapters, parts and articles and
        every unit in them), from the outline."""
        return self.outline.final_ids

    def is_definitions(self, unit: Unit) -> bool:
        """Is ``unit`` in a "Giải thích từ ngữ" (definitions) article?"""
        art = self.enclosing(unit, "article")
        return art is not None and self._names_definitions(art.heading)

    @staticmethod
    def _names_definitions(heading: str) -> bool:
        """Is ``heading`` the title of a definitions article (rules/data/rubric.toml, read as the
        analysis reads it: ``outline.heading_is``)?"""
        from lawscan.analyse.outline import heading_is, rubric

        return heading_is(heading, rubric()["structure"]["definitions_article"])

    @functools.cached_property
    def _definition_units(self) -> frozenset[int]:
        """ids of every unit inside a definitions article."""
        return frozenset(id(u) for art in self.definition_articles() for u in art.walk())

    def definition_articles(self) -> list[Unit]:
        return [a for a in self.outline.units("article") if self._names_definitions(a.heading)]

    def final_chapter(self) -> Unit | None:
        """The "Điều khoản thi hành" chapter (or part), if the law has one (the first, in
        document order)."""
        chapters = [u for u in self.outline.units("chapter") if self.is_final(u)]
        parts = [u for u in self.outline.units("part") if self.is_final(u)]
        if not (chapters and parts):  # one kind only: its first
            return (chapters or parts or [None])[0]
        return next(u for u in self.doc.units() if u is chapters[0] or u is parts[0])

    def unit_at_line(self, line: int | None) -> Unit | None:
        """The deepest unit whose text contains source ``line``."""
        if line is None:
            return None
        best = None
        for unit in self.doc.root.walk():
            if unit.kind == "root":
                continue
            lines = [unit.line] if unit.line is not None else []
            lines += [ln.lineno for ln in unit.content]
            if line in lines:
                best = unit  # walk is top-down, so the last match is the deepest
        if best is not None:
            return best
        # no exact line: the last unit starting before it
        starts = [(u.line, u) for u in self.doc.units() if u.line is not None and u.line <= line]
        return max(starts, key=lambda t: t[0])[1] if starts else None

    def title_line(self) -> int | None:
        """The source line of the law's title (e.g. "LUẬT" / "ĐẤT ĐAI"), else the first line."""
        title = fold(self.doc.title or "")
        first_unit = min((u.line for u in self.doc.units() if u.line), default=None)
        if title:
            words = title.split()
            for line in self.doc.lines:
                if first_unit is not None and line.lineno >= first_unit:
                    break
                text = self._fold(line.text).strip()
                if text and (text == title or (len(text) > 3 and text in title and
                                               text.split()[-1] == words[-1])):
                    return line.lineno
        return self.doc.lines[0].lineno if self.doc.lines else first_unit

    # -- text -----------------------------------------------------------------------------
    def unit_lines(self, unit: Unit) -> list[tuple[int | None, str]]:
        """(line number, text) of the unit's heading and own content lines."""
        out = []
        if unit.heading and not (unit.content and unit.content[0].lineno == unit.line):
            out.append((unit.line, unit.heading))
        out.extend((ln.lineno, ln.text) for ln in unit.content)
        return out

    def body_units(self, include_quoted: bool = True) -> Iterator[Unit]:
        """Every unit outside the final provisions, document order (quoted text included by
        default: in an amending law the inserted text counts)."""
        for unit in self.doc.root.walk(include_quoted):
            if unit.kind != "root" and not self.is_final(unit):
                yield unit

    def search(self, unit: Unit, phrases, deep: bool = False) -> list[Hit]:
        """Lines of ``unit`` (and, if ``deep``, of its descendants) that contain a phrase."""
        pattern = phrase_pattern(tuple(phrases))
        units = unit.walk() if deep else [unit]
        hits = []
        for u in units:
            at = self.anchor(u)
            for lineno, text in self.unit_lines(u):
                for m in pattern.finditer(self._fold(text)):
                    hits.append(Hit(m.group(0), u, at, lineno, short(text)))
        return hits

    @functools.cached_property
    def _body_lines(self) -> list[tuple[Unit, Unit, int | None, str, str]]:
        """(unit, anchor, line number, folded text, text) of every body line, in order, from one
        walk down the tree (the units of ``body_units``, whose order it keeps): a final subtree is
        left out whole, a unit is quoted text if it or its parent is, which is carried down (and
        recorded for ``in_quote``), and the anchor of quoted text is the nearest unit above it
        outside the quote."""
        out = []
        append = out.append
        quote_memo, final_ids, fold_ = self._quote_memo, self._final_ids, self._fold
        # (unit, parent in a quote?, nearest unit above outside a quote, root excluded)
        stack = [(c, False, None) for c in reversed(self.doc.root.children)]
        while stack:
            unit, quoted, outside = stack.pop()
            if id(unit) in final_ids:
                continue
            quoted = quote_memo[id(unit)] = quoted or unit.kind == "quoted"
            at = outside if quoted and outside is not None else unit
            # the unit_lines of the unit, written out
            content = unit.content
            if unit.heading and not (content and content[0].lineno == unit.line):
                append((unit, at, unit.line, fold_(unit.heading), unit.heading))
            for ln in content:
                append((unit, at, ln.lineno, fold_(ln.text), ln.text))
            if unit.children:
                below = outside if quoted else unit
                stack.extend([(c, quoted, below) for c in reversed(unit.children)])
        return out

    def body_lines(self) -> list[tuple[Unit, Unit, int | None, str, str]]:
        """(unit, anchor, line number, folded text, text) of every line outside the final
        provisions, document order; quoted text is anchored at its instruction. Shared by the
        rules of the document: read it, do not change it."""
        return self._body_lines

    @functools.cached_property
    def _body_folded(self) -> list[str]:
        """The folded text of each body line."""
        return [row[3] for row in self._body_lines]

    @functools.cached_property
    def _body_text(self) -> tuple[str, list[int]] | None:
        """The folded body lines joined by NUL (which neither a phrase nor ``\\s`` matches, so
        no match spans two lines) and the offset where each line starts; None if a line holds
        a NUL itself."""
        return join_lines(self._body_folded, "\0")

    @functools.cached_property
    def _plain_spaces(self) -> bool:
        """Are the body's only white space single spaces between words (so that ``\\s+`` in a
        phrase pattern can only match one space)?"""
        joined = self._body_text
        if joined is None or "  " in joined[0]:
            return False
        # the white space characters but " " are control or separator characters, which are
        # not printable: a test much cheaper than the regex, which decides only if it fails
        # (asked of each line: the NULs that join them are not printable either)
        return (all(map(str.isprintable, self._body_folded))
                or _ODD_SPACE.search(joined[0]) is None)

    def body_rows_containing(self, phrase: str) -> set[int]:
        """Indices in ``body_lines()`` of the lines whose folded text contains ``phrase`` (a
        plain substring), found with str.find in the joined body."""
        joined = self._body_text
        if joined is None or "\0" in phrase:
            return {k for k, row in enumerate(self._body_lines) if phrase in row[3]}
        return set(lines_with(*joined, phrase))

    def body_rows_containing_all(self, phrases) -> set[int]:
        """Indices in ``body_lines()`` of the lines whose folded text contains every one of
        ``phrases`` (plain substrings; every line when there are none): the lines of the phrase
        found least often in the joined body (``str.count``), the others looked for in those
        lines only."""
        phrases = list(phrases)
        if not phrases:
            return set(range(len(self._body_lines)))
        joined = self._body_text
        if joined is None or len(phrases) == 1:
            return set.intersection(*[self.body_rows_containing(p) for p in phrases])
        rarest = min(phrases, key=joined[0].count)
        folded = self._body_folded
        return {k for k in self.body_rows_containing(rarest)
                if all(p in folded[k] for p in phrases)}

    def scan(self, phrases, skip_definitions: bool = True) -> list[Hit]:
        """Every occurrence of ``phrases`` in the body of the law (outside the final provisions;
        quoted amendment text included, anchored at its instruction), in document order."""
        return list(self._scan(phrases, skip_definitions))

    def first(self, phrases, skip_definitions: bool = True) -> Hit | None:
        """The first hit ``scan`` would give, or None (the rest of the body is not searched)."""
        return next(self._scan(phrases, skip_definitions), None)

    def _scan(self, phrases, skip_definitions: bool) -> Iterator[Hit]:
        pattern = phrase_pattern(tuple(phrases))
        definitions = self._definition_units if skip_definitions else frozenset()
        rows = self._body_lines
        joined = self._body_text
        literals = phrase_literals(tuple(phrases))
        if joined is not None and literals and self._plain_spaces:
            # every match is one of the phrases written out (its words one space apart), so
            # str.find of the phrases picks the lines to search, far faster than the regex over
            # the whole body; the lines' own matches, in line order, are those of the whole body
            lines = set()
            for phrase in literals:
                lines |= self.body_rows_containing(phrase)
            for k in sorted(lines):
                unit, at, lineno, folded, text = rows[k]
                if id(unit) not in definitions:
                    for m in pattern.finditer(folded):
                        yield Hit(m.group(0), unit, at, lineno, short(text))
            return
        if joined is not None:  # one regex pass over the whole body, mapped back to its lines
            text_all, starts = joined
            for m in pattern.finditer(text_all):
                unit, at, lineno, _, text = rows[bisect.bisect_right(starts, m.start()) - 1]
                if id(unit) not in definitions:
                    yield Hit(m.group(0), unit, at, lineno, short(text))
            return
        for unit, at, lineno, folded, text in rows:
            if id(unit) in definitions:
                continue
            for m in pattern.finditer(folded):
                yield Hit(m.group(0), unit, at, lineno, short(text))

    def text_of(self, unit: Unit, deep: bool = True) -> str:
        """Folded heading + content (of the descendants too when ``deep``)."""
        if not deep:
            return fold("\n".join(t for _, t in self.unit_lines(unit)))
        text = self._deep_text.get(id(unit))
        if text is None and unit is self.doc.root and self.analysis is not None:
            # the analysis' scan folded the same pieces (every heading and non-empty line,
            # document order, quoted text included) joined by line breaks
            scanned = self.analysis.scan
            if not scanned.empty_lines:
                text = self._deep_text[id(unit)] = scanned.folded
        if text is None:
            # fold(unit.full_text()), put together as full_text does from the folds of the
            # pieces, which the analysis has made (folds join at line breaks:
            # lawscan.fold.fold_joined)
            fold_ = self._fold
            parts = []
            for u in unit.walk():
                if u.heading:
                    parts.append(fold_(u.heading))
                own = "\n".join([fold_(line.text) for line in u.content])
                if own:
                    parts.append(own)
            text = self._deep_text[id(unit)] = "\n".join(parts)
        return text

    @functools.cached_property
    def _deep_text(self) -> dict[int, str]:
        """text_of(unit) per unit id."""
        return {}

    def context_text(self, unit: Unit, upto: str = "article") -> str:
        """Folded own text of ``unit`` and of its ancestors up to the enclosing ``upto`` unit
        (e.g. a point and its paragraph's lead-in and the article heading)."""
        parts = ["\n".join(t for _, t in self.unit_lines(unit))]
        if unit.kind != upto:
            for a in self.ancestors(unit):
                parts.append("\n".join(t for _, t in self.unit_lines(a)))
                if a.kind == upto:
                    break
        return fold("\n".join(parts))


def _up(unit: Unit, parents: dict[int, Unit], memo: dict[int, bool], own) -> bool:
    """``own(u)`` for ``unit`` or any of its ancestors (``parents``: unit id -> parent; root
    excluded), memoised per unit in ``memo`` so that each unit is looked at once per document."""
    chain = []
    u = unit
    while u is not None and u.kind != "root" and id(u) not in memo:
        chain.append(u)
        u = parents.get(id(u))
    value = memo[id(u)] if u is not None and u.kind != "root" else False
    for u in reversed(chain):
        value = value or bool(own(u))
        memo[id(u)] = value
    return value


def _is_quoted(unit: Unit) -> bool:
    return unit.kind == "quoted"


def _in_quote(unit: Unit, parents: dict[int, Unit], memo: dict[int, bool]) -> bool:
    """``unit`` is quoted text or inside some (``memo``: the answers so far, per unit id)."""
    return _up(unit, parents, memo, _is_quoted)


def _anchor(unit: Unit, parents: dict[int, Unit], memo: dict[int, bool]) -> Unit:
    """``RuleContext.anchor``: the unit, or for quoted text the nearest unit above it outside
    the quote (the root excluded)."""
    if not _in_quote(unit, parents, memo):
        return unit
    p = parents.get(id(unit))
    while p is not None and p.kind != "root":
        if not _in_quote(p, parents, memo):
            return p
        p = parents.get(id(p))
    return unit
