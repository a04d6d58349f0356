"""The graph of several documents. ``corpus_graph(docs)`` takes Documents and gives one
``networkx.DiGraph`` joining their graphs (see build.py):

* each document is a node ``doc:<identity>`` (identity = its number "20/2023/QH15", else its
  normalised title, else the file name) with ``scanned=True``; its units are ``<identity>#<eid>``
  with an attribute ``document``;
* a cited document that is also scanned becomes that same node: matched by number, else by
  normalised title ("Luật Giao dịch điện tử"; the most recent scanned law of that title wins);
* a cited unit of a scanned document ("Điều 217 của Luật Doanh nghiệp số 59/2020/QH14") gets a
  ``refers_to`` edge (attr ``cross=True``) to that unit when it exists;
* field nodes ("field:đất đai") and unscanned documents are shared by all documents citing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from lawscan.graph.build import (DOCUMENT, build_graph_info, doc_title_key, resolve_path,
                                 top_index)
from lawscan.graph.refs import is_relative, normalise_title, path_label
from lawscan.model import Document

if TYPE_CHECKING:  # imported when a graph is built, not when lawscan.graph is
    import networkx as nx


def doc_identity(doc: Document) -> str:
    """The name of a document in a corpus graph: number, else normalised title, else file stem."""
    return doc.number or doc_title_key(doc) or Path(doc.path).stem


def corpus_graph(docs: Iterable[Document]) -> nx.DiGraph:
    import networkx as nx

    built = [(doc, *build_graph_info(doc)) for doc in docs]
    out = nx.DiGraph()
    by_number: dict[str, str] = {}
    by_title: dict[str, list[tuple[int, str]]] = {}
    idents: list[str] = []
    for doc, _, _ in built:
        base = doc_identity(doc)
        ident, n = base, 1
        while ident in idents:
            n += 1
            ident = f"{base}@{n}"
        idents.append(ident)
        node = "doc:" + ident
        if doc.number:
            by_number.setdefault(doc.number, node)
        key = doc_title_key(doc)
        if key:
            by_title.setdefault(key, []).append((doc.year or 0, node))

    def cited(node: str, data: dict) -> str:
        if data.get("number") in by_number:
            return by_number[data["number"]]
        if data.get("number"):
            return node
        matches = by_title.get(normalise_title(data.get("name") or ""))
        return max(matches)[1] if matches else node

    mappings: list[dict] = []
    for (doc, graph, info), ident in zip(built, idents):
        doc_node = "doc:" + ident
        mapping = {}
        for node, data in graph.nodes(data=True):
            if node == DOCUMENT:
                mapping[node] = doc_node
            elif data.get("kind") in ("document", "field"):
                mapping[node] = cited(node, data) if data.get("kind") == "document" else node
            else:
                mapping[node] = f"{ident}#{node}"
        for node, data in graph.nodes(data=True):
            new = mapping[node]
            if node == DOCUMENT:
                attrs = dict(data, kind="document", scanned=True, identity=ident, external=False,
                             name=doc.title or "", doc_kind=doc.doc_kind)
                if new in out:
                    out.nodes[new].update(attrs)
                else:
                    out.add_node(new, **attrs)
            elif new in out:
                for k, v in data.items():
                    if out.nodes[new].get(k) in ("", None) and v not in ("", None):
                        out.nodes[new][k] = v
            else:
                attrs = dict(data)
                if not attrs.get("external"):
                    attrs["document"] = ident
                out.add_node(new, **attrs)
        for u, v, data in graph.edges(data=True):
            a, b = mapping[u], mapping[v]
            if a == b:
                continue
            attrs = dict(data)
            if "source" in attrs:
                attrs["source"] = mapping.get(attrs["source"], attrs["source"])
            _add_edge(out, a, b, attrs)
        mappings.append(mapping)
    for (_, _, info), mapping in zip(built, mappings):
        _cross_refs(out, info, mapping, built, idents)
    out.graph.update({"documents": len(built),
                      "refs_cross": sum(1 for *_, k in out.edges(data="cross") if k)})
    return out


def _add_edge(g: nx.DiGraph, u: str, v: str, attrs: dict) -> None:
    if g.has_edge(u, v):
        old = g.edges[u, v]
        if old.get("kind") != "contains":
            old["count"] = old.get("count", 1) + attrs.get("count", 1)
        return
    g.add_edge(u, v, **attrs)


def _cross_refs(out: nx.DiGraph, info, mapping: dict, built: list, idents: list) -> None:
    """refers_to edges from citing units to the named units of scanned cited documents."""
    index = {"doc:" + ident: (doc, None) for (doc, _, _), ident in zip(built, idents)}
    tops: dict[str, dict] = {}
    for ct in info.cite_targets:
        target_doc = mapping.get(ct.doc_key)
        if target_doc not in index or is_relative(ct.path):
            continue
        doc = index[target_doc][0]
        if target_doc not in tops:
            tops[target_doc] = top_index(doc)
        unit = resolve_path(ct.path, [], tops[target_doc])
        if unit is None:
            continue
        ident = target_doc[len("doc:"):]
        node = f"{ident}#{unit.eid}"
        source = mapping[ct.source]
        if node not in out or node == source:
            continue
        attrs = {"kind": "refers_to", "text": ct.text, "source": source, "count": 1,
                 "cross": True, "target": path_label(ct.path)}
        if ct.line is not None:
            attrs["line"] = ct.line
        _add_edge(out, source, node, attrs)
