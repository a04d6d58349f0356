"""The graph of one document.

``build_graph(doc)`` takes a :class:`lawscan.model.Document` and gives a ``networkx.DiGraph``:

* one node per unit (id = its eid; attrs kind, num, heading, label, line) and a ``"document"``
  node (kind "document") standing for the root;
* ``contains`` edges down the tree (quoted text of an amending law included);
* ``refers_to`` edges from the unit where an internal reference stands to the unit it names
  (attrs text, line, source, count);
* ``cites`` edges to a node per cited document ("doc:20/2023/QH15", "doc:luật doanh nghiệp") or
  field of law ("field:giao dịch điện tử").

Internal references that name no unit of the document give no edge: each is a
:class:`BrokenReference` (``BuildInfo.broken``, the typed result the rules read) and a
"refs.unresolved" problem appended to ``doc.problems``. References inside quoted amendment text, and
unqualified references in a unit that amends another law ("Sửa đổi, bổ sung một số điều của Luật
X số N"), point into the amended law: they become ``cites`` edges to that law's node with the
unit named in ``target``, never ``refers_to`` edges into this document.

The words are those of ``data/refs.toml`` (see :mod:`lawscan.graph.refs`). ``_LEAD``, the labels
an amendment instruction may start with ("luật ", "điều 1. ", "1. ", "a) "), stays a regular
expression in the code: it is the shape of a label sequence, read best as one pattern.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from lawscan.bounds import clip
from lawscan.graph.refs import (RANK, THIS, Path, Ref, extract_refs, extract_refs_lines, patterns,
                                is_relative, may_cite, normalise_title, path_label, vocab)
from lawscan.graph.scope import Anchor, anchors, body_index, body_of, list_anchor, opens
from lawscan.model import Document, Problem, Unit
from lawscan.numerals import roman_to_int
from lawscan.structure.patterns import num_key as struct_key

if TYPE_CHECKING:  # networkx is imported where a graph is built: LS109 needs none
    import networkx as nx

DOCUMENT = "document"  # node id of the document itself in a one-document graph
# Where an implicit reference ("khoản 2", "Mục 3") hangs: the nearest enclosing unit of this kind.
IMPLICIT_PARENT = {"paragraph": "article", "point": "paragraph", "section": "chapter",
                   "subsection": "section"}


@dataclass
class CiteTarget:
    """A unit named inside a cited document ("khoản 3 Điều 217 của Luật Doanh nghiệp ..."):
    kept so that a corpus graph can link it when that document is scanned too."""

    source: str  # node id of the citing unit
    doc_key: str  # "doc:59/2020/QH14"
    path: Path
    text: str
    line: int | None


@dataclass(frozen=True)
class BrokenReference:
    """An internal reference that names no unit of the document ("khoản 4 Điều 9" where Điều 9
    has two khoản): the reference as printed (clipped), the unit it names and its line."""

    text: str
    target: str  # path_label of what it names: "khoản 4 Điều 9"
    line: int | None

    @property
    def message(self) -> str:
        """The "refs.unresolved" problem's message."""
        return f"reference “{self.text}” names {self.target}, which is not in this document"


@dataclass
class BuildInfo:
    """What building found besides the graph (used by the corpus graph, the rules and the
    tests): ``broken`` holds each broken reference once (by text, target and line), in order."""

    cite_targets: list[CiteTarget] = field(default_factory=list)
    broken: list[BrokenReference] = field(default_factory=list)


def build_graph(doc: Document) -> nx.DiGraph:
    """The graph of ``doc`` (see the module docstring). Adds "refs.unresolved" problems to
    ``doc.problems`` (once, however often it is called)."""
    graph, _ = build_graph_info(doc)
    return graph


def build_graph_info(doc: Document) -> tuple[nx.DiGraph, BuildInfo]:
    builder = _Builder(doc)
    builder.run()
    return builder.graph, builder.info


def reference_problems(doc: Document) -> BuildInfo:
    """The graph stage without the graph: add the "refs.unresolved" and "refs.ambiguous"
    problems ``build_graph`` would add to ``doc.problems`` (the same ones, in the same order) and
    give what building found (``BuildInfo.broken``: the broken references, for LS109)."""
    builder = _Builder(doc, graph=False)
    builder.run()
    return builder.info


def unit_lines(unit: Unit) -> list[tuple[str, int | None]]:
    """The unit's own text as (text, line) pairs: its heading (unless the first content line
    already holds it) and its content lines."""
    out = []
    if unit.heading and not (unit.content and unit.content[0].lineno == unit.line):
        out.append((unit.heading, unit.line))
    out.extend((ln.text, ln.lineno) for ln in unit.content)
    return out


def unit_refs(unit: Unit) -> list[Ref]:
    """References in the unit's own text, each with its source line."""
    return _line_refs(unit_lines(unit))


def read_across_breaks(texts: list[str], found: dict[int, list[Ref]], same_unit,
                       chains_only: bool = False) -> None:
    """Mend, in ``found`` ({index in ``texts``: its references}, as ``extract_refs_lines`` gives
    them), the references a line break cut from the law they belong to: a chain of unit words
    that ends its line, with what names its law at the start of the next line of the same unit
    ("... tại khoản 27 Điều 1⏎Luật số 51/2024/QH15 sửa đổi ...", as a Gazette PDF or a hard-wrapped
    text breaks it). Read across the break, the chain is a reference to that law: it takes the
    kind, targets and document of that reading (its text and place stay those on its line), and
    the references of the next line inside what it took (the law's own citation) are dropped, as
    on one line. ``same_unit(i, j)``: texts i and j are lines of one unit."""
    for i in sorted(found):
        if i not in found:  # its references were all taken by the line above
            continue
        last, nxt = found[i][-1], i + 1
        head = texts[i].rstrip()
        if last.kind != "internal" or last.qualified or last.end < len(head) or nxt >= len(texts) \
                or not same_unit(i, nxt):
            continue
        tail = texts[nxt].lstrip()
        wide = next((r for r in extract_refs(head + " " + tail, chains_only) if r.start == last.start), None)
        if wide is None or wide.kind == "internal" or wide.end <= len(head) + 1:
            continue
        found[i][-1] = replace(wide, text=last.text, start=last.start, end=last.end, in_quote=last.in_quote)
        taken = wide.end - (len(head) + 1) + (len(texts[nxt]) - len(tail))  # up to here in texts[nxt]
        if nxt in found:
            found[nxt] = [r for r in found[nxt] if r.start >= taken]
            if not found[nxt]:
                del found[nxt]


def shared_qualifier(refs: list[Ref]) -> set[int]:
    """The ``id()`` of the bare internal references (no "của Luật ...") followed on their line by
    a reference to units of another law, whose qualifier they may share: "các điểm a, b khoản 1
    Điều 2 và ... khoản 3 Điều 2 của Luật bảo hiểm xã hội". One pass for the last such reference
    of each line, one for the bare ones (a line of thousands of references stays linear)."""
    last_external: dict[int | None, int] = {}
    for o in refs:
        if o.kind == "external" and o.targets:
            last_external[o.line] = max(o.start, last_external.get(o.line, -1))
    return {id(r) for r in refs if r.kind == "internal" and not r.qualified
            and r.end < last_external.get(r.line, -1)}


def _line_refs(lines: list[tuple[str, int | None]]) -> list[Ref]:
    refs = []
    for text, line in lines:
        for ref in extract_refs(text):
            ref.line = line
            refs.append(ref)
    return refs


def doc_title_key(doc: Document) -> str:
    """The normalised title of a document as other laws cite it: "luật giao dịch điện tử"."""
    key = normalise_title(doc.title or "")
    if not key:
        return ""
    types = [t.lower() for t in vocab()["documents"]["types"]]
    if not any(key.startswith(t + " ") or key == t for t in types):
        title_type = vocab()["documents"]["title_type"]
        key = f"{title_type.get(doc.doc_kind, title_type['default'])} {key}"
    return key


@lru_cache(maxsize=4096)  # asked for every unit compared while resolving: few distinct numbers
def num_key(kind: str, num: str) -> str:
    """Comparable form of a unit number: "IX" and "9" are the same Chương; "thứ hai" is Phần 2."""
    n = (num or "").strip().rstrip(".:").lower()
    if kind in ("chapter", "part"):
        ordinals = vocab()["words"]["part_ordinals"]
        words = n.split()
        if words and words[0] == vocab()["words"]["ordinal"] and len(words) > 1 and words[1] in ordinals:
            return str(ordinals.index(words[1]) + 1)
        r = roman_to_int(n)
        if r:
            return str(r)
    return n


class _Builder:
    def __init__(self, doc: Document, graph: bool = True):
        self.doc = doc
        self.full = graph  # False: only find the references' problems, no nodes or edges
        self.graph = None  # networkx is imported only when a graph is built
        if graph:
            import networkx as nx

            self.graph = nx.DiGraph(title=doc.title or "", number=doc.number or "",
                                    path=doc.path, doc_kind=doc.doc_kind)
        self.info = BuildInfo()
        self.node_of: dict[int, str] = {id(doc.root): DOCUMENT}
        self.top: dict[tuple[str, str], Unit] = {}
        self.own_keys = {k for k in (doc.number and "doc:" + doc.number,
                                     doc_title_key(doc) and "doc:" + doc_title_key(doc)) if k}
        self.counts = {"refs": 0, "resolved": 0, "unresolved": 0, "amended": 0, "skipped": 0,
                       "self": 0, "cites": 0, "ambiguous": 0}
        self.problems: list[Problem] = []
        self.broken_seen: set[BrokenReference] = set()  # info.broken's, to keep each once
        self.amendment_memo: dict[int, bool] = {}  # id(unit) -> starts with an amendment verb
        self.instruction_memo: dict[int, bool] = {}  # id(unit) -> is an amendment instruction

    # -- structure -------------------------------------------------------------------------
    def run(self) -> None:
        g = self.graph
        units = list(self.doc.root.walk())
        quoted = quoted_units(units)
        self.top = top_index(self.doc, units, quoted)
        # a decree that issues a regulation: one index per body (graph/scope.py)
        self.bodies = body_index(units, quoted, num_key) if any(
            u.kind == "attachment" for u in self.doc.root.children) else None
        if self.full:
            g.add_node(DOCUMENT, kind="document", label=self.doc.title or self.doc.path,
                       title=self.doc.title or "", number=self.doc.number or "",
                       path=self.doc.path)
            self._add_units(self.doc.root)
        amended = self._amended_by_title()
        self._own_lines_and_refs(units, quoted)
        self._refs(self.doc.root, [], amended, None)
        if self.full:
            self._merge_named()
            g.graph.update({f"refs_{k}": v for k, v in self.counts.items()})
        existing = {(p.code, p.message, p.line) for p in self.doc.problems}
        for p in self.problems:
            if (p.code, p.message, p.line) not in existing:
                self.doc.problems.append(p)
                existing.add((p.code, p.message, p.line))

    def _add_units(self, parent: Unit) -> None:
        for child in parent.children:
            node = child.eid or f"{self.node_of[id(parent)]}/{child.kind}_{child.num}"
            base, n = node, 1
            while node in self.graph:
                n += 1
                node = f"{base}#{n}"
            self.node_of[id(child)] = node
            attrs = {"kind": child.kind, "num": child.num or "", "heading": child.heading or "",
                     "label": child.label(), "eid": child.eid}
            if child.line is not None:
                attrs["line"] = child.line
            self.graph.add_node(node, **attrs)
            self.graph.add_edge(self.node_of[id(parent)], node, kind="contains")
            self._add_units(child)

    # -- references --------------------------------------------------------------------------
    def _amended_by_title(self) -> Ref | None:
        """The law an amending law amends, when its title names exactly one."""
        return _amended_law(self.doc.title or "", extract_refs(self.doc.title or ""),
                            require_single=True)

    def _own_lines_and_refs(self, units: list[Unit], quoted: set[int]) -> None:
        """``own_refs``: id(unit) -> the references on its lines, for the units that have any
        (those of the whole document found in one go by ``extract_refs_lines``); ``own_lines``:
        id(unit) -> its lines, for the same units; ``live``: the units with references below or
        in them. ``units``: every unit of the document, in walk order; ``quoted``: the ids of
        those in quoted text. Without a graph the references of the root's lines and of quoted
        text give no problem (see ``_refs`` and ``_ref``): their lines are not searched."""
        skip = set() if self.full else quoted | {id(self.doc.root)}
        texts, starts = [], []  # the texts of unit_lines(unit) for every unit, one after another
        for u in units:
            starts.append(len(texts))
            if id(u) in skip:
                continue
            content = u.content
            if u.heading and not (content and content[0].lineno == u.line):
                texts.append(u.heading)
            texts.extend([ln.text for ln in content])
        self.own_lines: dict[int, list[tuple[str, int | None]]] = {}
        self.own_refs: dict[int, list[Ref]] = {}
        holders = []  # the units with references
        # without a graph only chains of unit words matter: bare citations of other laws or
        # fields give no problem (and _own_amended finds an amended law's citation itself)
        found = extract_refs_lines(texts, chains_only=not self.full)
        read_across_breaks(texts, found, lambda i, j: bisect.bisect_right(starts, i) == bisect.bisect_right(
            starts, j), chains_only=not self.full)
        for i, refs in found.items():
            k = bisect.bisect_right(starts, i) - 1
            lines = self.own_lines.get(id(units[k]))
            if lines is None:
                lines = self.own_lines[id(units[k])] = unit_lines(units[k])
                holders.append(units[k])
            line = lines[i - starts[k]][1]
            for ref in refs:
                ref.line = line
            self.own_refs.setdefault(id(units[k]), []).extend(refs)
        parent = {id(child): unit for unit in units for child in unit.children}
        self.live = set()  # ids of the units with references and of their ancestors
        for unit in holders:
            while unit is not None and id(unit) not in self.live:
                self.live.add(id(unit))
                unit = parent.get(id(unit))

    def _refs(self, unit: Unit, chain: list[Unit], amended: Ref | None,
              quote: Unit | None, listed: Anchor | None = None) -> None:
        """The references of ``unit`` and of the units below it (``listed``: the reference
        whose units the unit above announced it lists, see :mod:`lawscan.graph.scope`)."""
        refs = self.own_refs.get(id(unit), ())
        if quote is None:
            own_amended = self._own_amended(unit, refs)
            if own_amended is not None:
                amended = own_amended
        here = chain + [unit]
        self.shared_qualifier = shared_qualifier(refs)
        self.anchors = anchors(refs, self.own_lines[id(unit)]) if len(refs) > 1 else {}
        if listed is not None and refs and opens(refs[0], self.own_lines[id(unit)]):
            self.anchors[id(refs[0])] = listed  # "a) Khoản 1 Điều 6 về …" under "… của Luật X về:"
        for ref in refs:
            if unit.kind == "root" and ref.kind == "internal":
                # the root's own lines are the header, preamble, closing and annexes: an annex
                # listing "khoản 2 Điều 7" of other laws is not a reference into this one
                continue
            self._ref(unit, here, ref, amended, quote)
        lists = list_anchor(self.own_lines.get(id(unit)) or unit_lines(unit)) if quote is None \
            and unit.kind in ("article", "paragraph") else None
        for child in unit.children:
            if id(child) in self.live:  # a subtree without references has nothing to do
                self._refs(child, here, amended, child if child.kind == "quoted" else quote, lists)

    def _own_amended(self, unit: Unit, refs: list[Ref]) -> Ref | None:
        """The law the unit's first line amends (see ``_amended_law``). Without a graph the
        unit's ``refs`` are only chains of unit words, so the first line's references are found
        in full here, when it starts with an amendment verb."""
        if self.full:
            if not refs:
                return None
            lines = self.own_lines[id(unit)]
            return _amended_law(lines[0][0], [r for r in refs if r.line == lines[0][1]])
        lines = self.own_lines.get(id(unit)) or unit_lines(unit)
        if not lines or not _is_amendment(lines[0][0]):
            return None
        same = [text for text, line in lines if line == lines[0][1]]
        if not any(may_cite(text) for text in same):
            return None
        first = extract_refs_lines(same)
        return _amended_law(lines[0][0], [r for found in first.values() for r in found])

    def _ref(self, unit: Unit, chain: list[Unit], ref: Ref, amended: Ref | None,
             quote: Unit | None) -> None:
        source = self.node_of[id(unit)] if self.full else ""
        self.counts["refs"] += 1
        if self._elsewhere(source, ref, chain, amended, quote):
            return
        top = self._top_for(ref, chain)
        anchor = self.anchors.get(id(ref))
        for path in ref.targets:
            if quote is not None:
                self._quoted_path(source, ref, path, chain[chain.index(quote) + 1:], amended, top)
            elif not ref.qualified and not any(n == THIS for _, n in path) and (
                    amended is not None or self._in_instruction(chain)):
                # units of the amended law; "Điều 3. Sửa đổi, bổ sung khoản 10 Điều 3" of an
                # amending circular that does not name the text it amends here: that text's
                if amended is not None:
                    self._cite(source, ref, amended, [path])
                    self.counts["amended"] += 1
                else:
                    self.counts["skipped"] += 1
            elif anchor is not None and anchor.ref.kind == "external":
                self._cite(source, ref, anchor.ref, [path])  # "Điều 5 của Luật X (trừ điểm a)"
            else:
                self._own_path(source, ref, path, chain, anchor, top)

    def _elsewhere(self, source: str, ref: Ref, chain: list[Unit], amended: Ref | None,
                   quote: Unit | None) -> bool:
        """The whole reference names units outside this document's body (another document, a
        field, an annex, quoted words of an amended law): handled here, True."""
        if ref.kind in ("external", "field"):
            self._cite(source, ref, ref, list(ref.targets))
        elif ref.kind == "annex":  # "Mục 4 Phụ lục này": an annex's units are not parsed
            self.counts["skipped"] += len(ref.targets)
        elif ref.in_quote and amended is not None and quote is None:
            self._cite(source, ref, amended, list(ref.targets))  # “…” words of the amended law
            self.counts["amended"] += len(ref.targets)
        elif ref.in_quote and quote is None and self._in_amendment(chain):
            # “…” words of a law amended without its number ("Thay thế cụm từ “khoản 2 Điều 42
            # của Luật này”" under "Sửa đổi, bổ sung một số điều của Luật Dược"): not this law's
            self.counts["skipped"] += len(ref.targets)
        else:
            return False
        return True

    def _quoted_path(self, source: str, ref: Ref, path: Path, inner: list[Unit],
                     amended: Ref | None, top: dict) -> None:
        """A path in quoted text: relative to the quotation's own units, else the amended law's.
        ``top``: the index of the body the reference is read in (:meth:`_top_for`)."""
        target = resolve_path(path, inner, top) if is_relative(path) and inner else None
        if target is not None:
            self._edge(source, target, ref)
        elif amended is not None:
            self._cite(source, ref, amended, [path])
            self.counts["amended"] += 1
        else:
            self.counts["skipped"] += 1

    def _own_path(self, source: str, ref: Ref, path: Path, chain: list[Unit],
                  anchor: Anchor | None, top: dict) -> None:
        """A path into this document: an edge, or a problem saying why there is none. ``top``:
        as :meth:`_quoted_path`'s."""
        target = self._resolve_near(path, chain, anchor, top)
        if target is not None:
            self._edge(source, target, ref)
        elif id(ref) in self.shared_qualifier:
            self.counts["ambiguous"] += 1
            self.problems.append(Problem(
                "refs.ambiguous",
                f"reference “{clip(ref.text)}” names {path_label(path)}, which is not in this "
                "document; it probably belongs to the law named later in the sentence", ref.line,
                "info"))
        elif self._before_first(path, chain, top):
            self.counts["skipped"] += 1
            self.problems.append(Problem(
                "refs.before_first",
                f"reference “{ref.text}” names {path_label(path)}, but that numbering starts "
                "later in the text: its first units were probably lost from the source",
                ref.line, "info"))
        else:
            self.counts["unresolved"] += 1
            broken = BrokenReference(clip(ref.text), path_label(path), ref.line)
            if broken not in self.broken_seen:
                self.broken_seen.add(broken)
                self.info.broken.append(broken)
            self.problems.append(Problem("refs.unresolved", broken.message, ref.line))

    @staticmethod
    def _resolve_near(path: Path, chain: list[Unit], anchor: Anchor | None, top: dict) -> Unit | None:
        """The unit ``path`` names where it stands or, failing that, under its anchor (only
        there for a list announced as the anchor's units: see :mod:`lawscan.graph.scope`)."""
        if anchor is None:
            return resolve_path(path, chain, top)
        here = None if anchor.explicit else resolve_path(path, chain, top)
        if here is not None:
            return here
        outer = anchor.path()
        inner = [resolve_path(outer[:k], chain, top) for k in range(1, len(outer) + 1)]
        return resolve_path(path, inner, top) if inner[-1] is not None else None

    @staticmethod
    def _before_first(path: Path, chain: list[Unit], top: dict) -> bool:
        """The unit ``path`` names is missing from a container whose units of that kind start
        after it (khoản 3 Điều 251 of the vbpl.vn Bộ luật Hình sự starts at điểm d): the text
        lost its first units, which the numbering problem reports once, rather than each
        reference to them being broken."""
        if len(path) < 2:
            return False
        container = resolve_path(path[:-1], chain, top)
        kind, num = path[-1]
        want = struct_key(num, kind)
        if container is None or want is None:
            return False
        keys = [struct_key(c.num, kind) for c in container.children if c.kind == kind]
        return bool(keys) and None not in keys and want < min(keys)

    def _in_amendment(self, chain: list[Unit]) -> bool:
        """Some unit of ``chain`` (an article, khoản or điểm) starts with an amendment verb."""
        return _chain_has(chain, _is_amendment, self.amendment_memo)

    def _in_instruction(self, chain: list[Unit]) -> bool:
        """Some unit of ``chain`` is an amendment instruction (see ``is_instruction``)."""
        return _chain_has(chain, is_instruction, self.instruction_memo)

    def _edge(self, source: str, target: Unit, ref: Ref) -> None:
        if not self.full:
            return
        g = self.graph
        node = self.node_of[id(target)]
        if node == source:
            self.counts["self"] += 1
            return
        self.counts["resolved"] += 1
        if g.has_edge(source, node):
            data = g.edges[source, node]
            if data["kind"] == "contains":  # a unit naming its own child keeps the tree edge
                data["refers"] = data.get("refers", 0) + 1
            else:
                data["count"] = data.get("count", 1) + 1
            return
        attrs = {"kind": "refers_to", "text": clip(ref.text), "source": source, "count": 1}
        if ref.line is not None:
            attrs["line"] = ref.line
        g.add_edge(source, node, **attrs)

    def _cite(self, source: str, ref: Ref, doc_ref: Ref, paths: list[Path]) -> None:
        if not self.full:
            return
        g = self.graph
        key = doc_ref.doc_key()
        if not key:
            return
        if key in self.own_keys:
            self.counts["self"] += 1
            return
        self.counts["cites"] += 1
        if key not in g:
            attrs = {"kind": "field" if doc_ref.kind == "field" else "document",
                     "label": doc_ref.law_field or doc_ref.doc_name or doc_ref.doc_number,
                     "number": doc_ref.doc_number, "name": doc_ref.doc_name or doc_ref.law_field,
                     "doc_type": doc_ref.doc_type, "external": True}
            g.add_node(key, **attrs)
        else:
            data = g.nodes[key]
            if doc_ref.doc_name and not data.get("name"):
                data["name"] = data["label"] = doc_ref.doc_name
        labels = [path_label(p) for p in paths]
        for p in paths:
            self.info.cite_targets.append(CiteTarget(source, key, p, ref.text, ref.line))
        if g.has_edge(source, key):
            data = g.edges[source, key]
            data["count"] = data.get("count", 1) + 1
            known = data.get("target", "").split("; ") if data.get("target") else []
            data["target"] = "; ".join(dict.fromkeys(known + labels))
            return
        attrs = {"kind": "cites", "text": clip(ref.text), "source": source, "count": 1,
                 "target": "; ".join(labels)}
        if ref.line is not None:
            attrs["line"] = ref.line
        g.add_edge(source, key, **attrs)

    def _merge_named(self) -> None:
        """A law cited by name only ("Bộ luật Hình sự") and, elsewhere in the document, by name
        and number becomes the numbered node."""
        g = self.graph
        numbered: dict[str, set] = {}
        for node, data in g.nodes(data=True):
            if data.get("kind") == "document" and data.get("number") and data.get("name"):
                numbered.setdefault(normalise_title(data["name"]), set()).add(node)
        for node, data in list(g.nodes(data=True)):
            if data.get("kind") != "document" or data.get("number") or node == DOCUMENT:
                continue
            name = normalise_title(data.get("name", ""))
            into = {n for full, nodes in numbered.items() for n in nodes
                    if name and (full == name or full.startswith(name + " ")
                                 or full.startswith(name + ","))}
            if len(into) == 1:
                merge_node(g, node, next(iter(into)))
                for ct in self.info.cite_targets:
                    if ct.doc_key == node:
                        ct.doc_key = next(iter(into))

    def _top_for(self, ref: Ref, chain: list[Unit]) -> dict:
        """The index ``ref``'s units are resolved in: the document's (``self.top``) or, in a
        decree that issues a regulation, that of the body the reference names (graph/scope.py)."""
        if self.bodies is None:
            return self.top
        return self.bodies[id(body_of(ref, chain, self.doc.root))]


def top_index(doc: Document, units: list[Unit] | None = None,
              quoted: set[int] | None = None) -> dict[tuple[str, str], Unit]:
    """(kind, num_key) -> the first article, chapter or part of the document's own structure
    (not inside quoted text). ``units``: ``list(doc.root.walk())`` and ``quoted``:
    ``quoted_units(units)``, when the caller has them."""
    if units is None:
        units = list(doc.root.walk())
    if quoted is None:
        quoted = quoted_units(units)
    top: dict[tuple[str, str], Unit] = {}
    for unit in units:
        if unit.kind in ("article", "chapter", "part") and id(unit) not in quoted:
            top.setdefault((unit.kind, num_key(unit.kind, unit.num)), unit)
    return top


def quoted_units(units: list[Unit]) -> set[int]:
    """The ids of the quoted units among ``units`` (a walk of a document) and of all below them."""
    return {id(u) for q in itertools.islice(units, 1, None) if q.kind == "quoted"
            for u in q.walk()}


def merge_node(g: nx.DiGraph, node: str, into: str) -> None:
    """Move ``node``'s edges to ``into`` (adding up counts of edges both had) and drop it."""
    for u, _, data in list(g.in_edges(node, data=True)):
        if g.has_edge(u, into):
            old = g.edges[u, into]
            old["count"] = old.get("count", 1) + data.get("count", 1)
            if data.get("target"):
                known = [t for t in old.get("target", "").split("; ") if t]
                old["target"] = "; ".join(dict.fromkeys(known + data["target"].split("; ")))
        elif u != into:
            g.add_edge(u, into, **data)
    for _, v, data in list(g.out_edges(node, data=True)):
        if not g.has_edge(into, v) and v != into:
            g.add_edge(into, v, **data)
    for key, value in g.nodes[node].items():
        if value not in ("", None) and g.nodes[into].get(key) in ("", None):
            g.nodes[into][key] = value
    g.remove_node(node)


def resolve_path(path: Path, chain: list[Unit], top: dict) -> Unit | None:
    """The unit a path names. ``chain`` is the units from the outermost down to where the
    reference stands (for relative paths); ``top`` maps (kind, num_key) of articles, chapters
    and parts to units."""
    if not path:
        return None
    kind, num = path[0]
    if num == THIS:
        anchor = _nearest(chain, kind)
        if anchor is None and kind == "paragraph":  # "khoản này" in an article of one khoản
            article = _nearest(chain, "article")
            if article is not None and not any(c.kind == "paragraph" for c in article.children):
                anchor = article
    elif kind in IMPLICIT_PARENT:
        parent = _nearest(chain, IMPLICIT_PARENT[kind])
        anchor = _child(parent, kind, num) if parent is not None else None
    else:
        anchor = top.get((kind, num_key(kind, num)))
    for kind, num in path[1:]:
        if anchor is None:
            return None
        if num == THIS:
            near = _nearest(chain, kind)
            anchor = near if near is not None and _inside(near, anchor) else None
        else:
            anchor = _child(anchor, kind, num)
    return anchor


def _nearest(chain: list[Unit], kind: str) -> Unit | None:
    for unit in reversed(chain):
        if unit.kind == kind:
            return unit
    return None


def _inside(unit: Unit, ancestor: Unit) -> bool:
    return any(u is unit for u in ancestor.walk(include_quoted=False))


def _child(parent: Unit, kind: str, num: str) -> Unit | None:
    """The first unit of ``kind`` numbered ``num`` below ``parent`` (not inside quoted text and
    not below a unit of the same or smaller rank)."""
    want = num_key(kind, num)
    for child in parent.children:
        if child.kind == "quoted":
            continue
        if child.kind == kind and num_key(kind, child.num) == want:
            return child
        if child.kind in RANK and RANK[child.kind] > RANK[kind]:
            found = _child(child, kind, num)
            if found is not None:
                return found
    return None


def _amended_law(text: str, refs: list[Ref], require_single: bool = False) -> Ref | None:
    """The law an instruction amends: the text starts (after its label) with an amendment verb
    ("Sửa đổi, bổ sung một số điều của Luật X số N", "1. Bổ sung Điều 5a vào Luật X") and cites
    a law."""
    amendable = vocab()["documents"]["amendable_types"]
    laws = [r for r in refs if r.kind == "external" and (r.doc_number or r.doc_type in amendable)]
    if not laws or (require_single and len({r.doc_key() for r in laws}) != 1):
        return None
    return laws[0] if _is_amendment(text) else None


def _chain_has(chain: list[Unit], test, memo: dict[int, bool]) -> bool:
    """Some article, khoản or điểm of ``chain`` passes ``test`` on its first line (``memo``:
    id(unit) -> the answer, kept for the document)."""
    for unit in chain:
        if unit.kind not in ("article", "paragraph", "point"):
            continue
        if id(unit) not in memo:
            lines = unit_lines(unit)
            memo[id(unit)] = bool(lines) and test(lines[0][0])
        if memo[id(unit)]:
            return True
    return False


def _is_amendment(text: str) -> bool:
    """The text starts (after its label) with an amendment verb."""
    return _lead_verb().match(text.strip().lower()) is not None


def is_instruction(text: str) -> bool:
    """The text is an amendment instruction: an amendment verb, then what it amends (a unit,
    "một số điều", "cụm từ") - "Sửa đổi, bổ sung khoản 10 Điều 3", "Bãi bỏ khoản 2", not
    "Bổ sung nguồn vốn điều lệ" (a verb that only supplements)."""
    text = text.strip()
    m = _instruction_verbs().match(text.lower())
    if m is None:  # "4. Khoản 3 và khoản 4 Điều 3 được sửa đổi, bổ sung như sau:"
        return _passive(text)
    return (patterns()["start"].match(text, m.end()) is not None
            or text.lower().startswith(tuple(vocab()["amendment"]["objects"]), m.end()))


def _passive(text: str) -> bool:
    """The instruction put passively: the units it amends right after the label, then
    ("được") the verb ("Khoản 3 Điều 16 (được) sửa đổi, bổ sung như sau:", "… bị bãi bỏ")."""
    label = _LEAD.match(text.lower()).end()
    refs = extract_refs(text[label:], chains_only=True)
    if not refs or refs[0].start != 0:
        return False
    return _passive_verb().match(text.lower(), label + refs[0].end) is not None


@lru_cache(maxsize=1)
def _passive_verb() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in vocab()["amendment"]["verbs"])
    return re.compile(rf"\s+(?:(?:đã\s+)?được\s+|bị\s+)?(?:{verbs})")


@lru_cache(maxsize=1)
def _lead_verb() -> re.Pattern:
    """``_LEAD`` then an amendment verb; the label is taken as ``_LEAD`` alone would take it
    (an atomic group: no shorter label is tried to find a verb after it)."""
    verbs = "|".join(re.escape(v) for v in vocab()["amendment"]["verbs"])
    return re.compile(f"(?>{_LEAD.pattern})(?:{verbs})")


@lru_cache(maxsize=1)
def _instruction_verbs() -> re.Pattern:
    """``_lead_verb`` and the verbs joined to it ("sửa đổi, bổ sung, bãi bỏ "), up to the object."""
    verbs = "|".join(re.escape(v) for v in vocab()["amendment"]["verbs"])
    return re.compile(f"{_lead_verb().pattern}(?:\\s*,?\\s*(?:và\\s+)?(?:{verbs}))*\\s+")


# Labels before an instruction: "luật ", "điều 1. ", "1. ", "a) ".
_LEAD = re.compile(r"^(?:(?:bộ luật|luật|pháp lệnh|nghị quyết|nghị định|thông tư|quyết định)\s+)?"
                   r"(?:điều\s+\S+?[.:]\s*)?(?:nay\s+)?"
                   r"(?:\d+[a-zđ]?\.\s*)?(?:[a-zđ]\d*\)\s*)?")
