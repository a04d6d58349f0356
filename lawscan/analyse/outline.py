"""The document's own outline, as the analysis and the rules see it.

Takes a :class:`lawscan.model.Document`; gives an :class:`Outline` made by one walk of its tree:
the units of each kind in document order with quoted amendment text left out (``units(kind)``),
the parent of each of these units, each quoted block with the own unit it hangs under, and the
final provisions (``final_ids``, ``is_final(unit)``): the "ĐIỀU KHOẢN THI HÀNH" chapter or part,
articles on entry into force, transition, detailed regulation or amending other laws (by their
title: ``is_final_title``), and everything inside them - but an article of the document's own
structure that a test the analysis gives keeps out (``Outline.of(doc, kept)``: its title names a
digital subject) is not made final by the chapter or part it is in: sub-law texts put a sector
database's article in their last chapter, "TỔ CHỨC THỰC HIỆN" ("Cập nhật thông tin … vào Cơ sở
dữ liệu …"). Final units never count toward the verdict or the coverage, and the rules skip them.

Also the heading tests the analysis shares (``rubric()`` - the parsed rules/data/rubric.toml -,
``heading_is``, ``is_amending_law``, ``is_framing_article``).

An Outline describes the tree as it was when it was made; after editing a Document in place,
make a new one (``analyse_document`` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from lawscan.fold import fold
from lawscan.analyse.lexicon import data_path
from lawscan.datafiles import load_data_file
from lawscan.model import Document, Unit


@lru_cache(maxsize=1)
def rubric() -> dict:
    """rules/data/rubric.toml, its ``[structure]`` phrases folded."""
    raw = load_data_file(data_path("rubric.toml"))
    return {**raw, "structure": {k: [fold(v) for v in vs] for k, vs in raw.get("structure", {}).items()}}


@lru_cache(maxsize=20000)
def _fold_heading(heading: str) -> str:
    return fold(heading).strip(" .:;")


@lru_cache(maxsize=64)
def _phrases_re(phrases: tuple[str, ...], prefix_only: bool) -> re.Pattern | None:
    if not phrases:
        return None
    body = "|".join(map(re.escape, phrases))
    return re.compile(rf"(?:{body})(?:[ ,]|\Z)") if prefix_only else re.compile(body)


def heading_is(heading: str, phrases: list[str], prefix_only: bool = False) -> bool:
    """The folded heading contains one of the folded ``phrases`` (``prefix_only``: starts with
    one, followed by a space, a comma or nothing)."""
    rx = _phrases_re(tuple(phrases), prefix_only)
    if rx is None:
        return False
    h = _fold_heading(heading)
    return (rx.match(h) if prefix_only else rx.search(h)) is not None


def is_amending_law(doc: Document) -> bool:
    """An amending law: said so by the parser, by its title, or its first article amends a law."""
    if doc.doc_kind == "amending_law":
        return True
    if "sửa đổi, bổ sung" in fold(doc.title or ""):
        return True
    first = next((u for u in doc.root.walk(include_quoted=False) if u.kind == "article"), None)
    return first is not None and _amends_a_law(first.heading)


def _amends_a_law(heading: str) -> bool:
    """The heading of an article that amends or repeals another law."""
    st = rubric()["structure"]
    h = fold(heading)
    return any(h.startswith(v) for v in st["amending_article"]) and any(
        f" {o} " in f" {h} " for o in st["amending_article_object"])


def is_framing_article(unit: Unit) -> bool:
    """Scope, subjects, definitions: never listed as digital articles."""
    return unit.kind == "article" and heading_is(unit.heading, rubric()["structure"]["framing_article"],
                                                 prefix_only=True)


@lru_cache(maxsize=1)
def _final_sentence_re() -> re.Pattern:
    """How an untitled article's sentence that is a final provision starts or ends (rubric
    ``[structure] final_sentence_starts / _ends``, with each self name for "{self}")."""
    st = rubric()["structure"]
    selves = "|".join(re.escape(fold(s)) for s in sorted(st["self_names"], key=len, reverse=True))

    def alternation(phrases: list[str]) -> str:
        return "|".join(re.escape(fold(p)).replace(re.escape("{self}"), f"(?:{selves})")
                        for p in phrases)

    return re.compile(rf"^(?:\d+\.\s*)?(?:{alternation(st['final_sentence_starts'])})\b"
                      rf"|(?:{alternation(st['final_sentence_ends'])})[\s./]*$")


def is_final_sentence(heading: str) -> bool:
    """An untitled article's sentence that is a final provision: "Quyết định này có hiệu lực …",
    "… chịu trách nhiệm thi hành Nghị định này./." (not "… trước ngày Luật này có hiệu lực")."""
    return _final_sentence_re().search(fold(heading).strip()) is not None


_TITLE_JOINS = re.compile(r"\s*,\s*|\s+và\s+")  # "Hiệu lực và trách nhiệm thi hành", "Hiệu lực, …"


def is_final_title(heading: str) -> bool:
    """An article title that is a final provision's (rubric ``[structure] final_article`` and
    ``final_article_whole``): "Hiệu lực thi hành", "Quy định chuyển tiếp về …", "Hiệu lực và
    trách nhiệm thi hành" - not "Hiệu lực của hợp đồng" nor "Tổ chức thực hiện quy hoạch"."""
    st = rubric()["structure"]
    if heading_is(heading, st["final_article"], prefix_only=True):
        return True
    pieces = _TITLE_JOINS.split(_fold_heading(heading))
    return all(p in st["final_article_whole"] or p in st["final_article"] for p in pieces)


def final_itself(unit: Unit, amending_law: Callable[[], bool] | None = None) -> bool:
    """Is ``unit`` itself (not through a unit above it) a final provision? ``amending_law``
    tells whether the document is an amending law (asked only when needed; None: it is not
    known, and an article amending another law counts as final)."""
    st = rubric()["structure"]
    if unit.kind in ("chapter", "part") and (heading_is(unit.heading, st["final_chapter"])
                                             or _fold_heading(unit.heading) in st["final_chapter_whole"]):
        return True
    if unit.kind == "article":
        if is_final_title(unit.heading) or is_final_sentence(unit.heading):
            return True
        h = _fold_heading(unit.heading)
        if any(h.startswith(v) for v in st["amending_article"]) and any(
                f" {o} " in f" {h} " for o in st["amending_article_object"]) and (
                amending_law is None or not amending_law()):
            return True
    return False


def _final_inside(part: Unit) -> bool:
    """A Phần whose title names the final provisions beside its other matter ("HOẠT ĐỘNG CỦA
    CHÍNH QUYỀN ĐỊA PHƯƠNG VÀ ĐIỀU KHOẢN THI HÀNH") and has a chapter of its own for them: only
    that chapter is final, not the whole part."""
    return part.kind == "part" and any(c.kind == "chapter" and final_itself(c) for c in part.children)


def _less_kept(unit: Unit, kept: Callable[[Unit], bool]):
    """``unit`` and all below it, less the articles of the own structure that ``kept`` keeps out
    and what is below them (quoted text is walked whole)."""
    stack = [unit]
    while stack:
        u = stack.pop()
        if u.kind == "quoted":
            yield from u.walk()
        elif u is unit or u.kind != "article" or not kept(u):
            yield u
            stack.extend(reversed(u.children))


def is_final_provisions(unit: Unit, doc: Document | None = None) -> bool:
    """True for the final chapter/part ("ĐIỀU KHOẢN THI HÀNH"), anything inside it, and articles on
    effect, transition, detailed regulation or amending/repealing other laws (in a law that is not
    itself an amending law). Without ``doc`` only the unit itself is looked at. Each call with a
    ``doc`` makes its outline: for many units, ask an :class:`Outline`."""
    if doc is None:
        return final_itself(unit)
    return Outline.of(doc).is_final(unit)


@dataclass(eq=False)
class Outline:
    """The document's own structure (see the module docstring). ``by_kind`` and ``parent`` hold
    the units outside quoted text (the root has no parent); ``quoted`` holds ``(block, own unit
    it hangs under)``; ``final_ids`` the ``id()`` of every final-provision unit, quoted text
    included."""

    doc: Document
    by_kind: dict[str, tuple[Unit, ...]]
    parent: dict[int, Unit]
    quoted: list[tuple[Unit, Unit]]
    final_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, doc: Document, kept: Callable[[Unit], bool] | None = None) -> Outline:
        """The outline of ``doc`` as it is now, from one walk. ``kept``: true for an article of
        the own structure that a final chapter or part does not make final (None: a final
        chapter or part is final whole)."""
        by_kind: dict[str, list[Unit]] = {}
        parent: dict[int, Unit] = {}
        quoted: list[tuple[Unit, Unit]] = []
        stack = [doc.root]
        while stack:
            u = stack.pop()
            if u.kind != "root":
                by_kind.setdefault(u.kind, []).append(u)
            for c in reversed(u.children):
                if c.kind != "quoted":
                    parent[id(c)] = u
                    stack.append(c)
                else:
                    quoted.append((c, u))
        outline = cls(doc, {k: tuple(v) for k, v in by_kind.items()}, parent, quoted)
        outline.final_ids = outline._final_units(kept)
        return outline

    def parents_with_quoted(self) -> dict[int, Unit]:
        """The parent of every unit, quoted text included: those of the own structure
        (``parent``), a quoted block's own unit it hangs under, and within each block those of
        its walk."""
        out = dict(self.parent)
        for block, own in self.quoted:
            out[id(block)] = own
            for unit in block.walk():
                for child in unit.children:
                    out[id(child)] = unit
        return out

    def units(self, kind: str) -> tuple[Unit, ...]:
        """``doc.units(kind)``: the units of ``kind`` in document order, quoted text left out."""
        return self.by_kind.get(kind, ())

    def is_final(self, unit: Unit) -> bool:
        """Is ``unit`` a final provision or inside one (see the module docstring)?"""
        return id(unit) in self.final_ids

    def _final_units(self, kept: Callable[[Unit], bool] | None) -> frozenset[int]:
        # a unit is final when it or a unit above it is final itself, which only a chapter, part
        # or article can be: the subtrees of those are taken (the own ones from the walk, those
        # inside quoted text from a walk of each quoted block), a chapter's or part's without the
        # own articles ``kept`` keeps out
        kinds = ("chapter", "part", "article")
        candidates = [u for k in kinds for u in self.units(k)]
        candidates += [u for q, _ in self.quoted for u in q.walk() if u.kind in kinds]
        amending: list[bool] = []

        def amending_law() -> bool:
            if not amending:
                amending.append(is_amending_law(self.doc))
            return amending[0]

        ids: set[int] = set()
        for u in candidates:
            if id(u) not in ids and final_itself(u, amending_law) and not _final_inside(u):
                whole = kept is None or u.kind == "article" or id(u) not in self.parent  # quoted
                ids.update(map(id, u.walk() if whole else _less_kept(u, kept)))
        return frozenset(ids)

    def article_finder(self) -> Callable[[Unit], Unit | None]:
        """A function giving, for a unit of the document (quoted text included), the article of
        the document's own structure it is in, or None when that is in the final provisions or
        there is none: parents are climbed (from a quoted block's own unit for the units inside
        it), each unit looked up once."""
        parent, root, final = self.parent, self.doc.root, self.final_ids
        in_quote: dict[int, Unit] = {}
        seen: dict[int, Unit | None] = {}

        def article_of(unit: Unit) -> Unit | None:
            if id(unit) in seen:
                return seen[id(unit)]
            p = unit
            if id(p) not in parent and p is not root:  # inside quoted text
                if not in_quote:
                    in_quote.update((id(u), own) for q, own in self.quoted for u in q.walk())
                p = in_quote[id(p)]
            while p is not None and p.kind != "article":
                p = parent.get(id(p))
            art = p if p is not None and id(p) not in final else None
            seen[id(unit)] = art
            return art

        return article_of
