"""Graphs of the real corpus: every labelled Vietnamese document gets a graph without exception,
with a sensible number of resolved references; quoted amendment text never refers into the
amending law; the corpus graph joins laws that cite each other. Prints the build time."""

from __future__ import annotations

import time

import pytest

from conftest import CORPUS, load_labels
from lawscan.graph import build_graph, corpus_graph

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def built(labels):
    from lawscan.pipeline import load_document

    out = []
    elapsed = 0.0
    for lab in labels:
        if lab["doc_kind"] == "foreign":
            continue
        doc = load_document(CORPUS / lab["file"])
        start = time.perf_counter()
        graph = build_graph(doc)
        elapsed += time.perf_counter() - start
        out.append((lab, doc, graph))
    print(f"\nbuild_graph: {len(out)} documents in {elapsed:.2f} s")
    return out


def refers(graph):
    return [(u, v) for u, v, k in graph.edges(data="kind") if k == "refers_to"]


def test_every_labelled_document_has_a_graph(built):
    assert len(built) == len([x for x in load_labels() if x["doc_kind"] != "foreign"])
    for lab, doc, graph in built:
        own = [n for n, d in graph.nodes(data=True) if not d.get("external")]
        assert len(own) == len(list(doc.root.walk())), lab["file"]  # units + the document node
        for u, v, data in graph.edges(data=True):
            assert data["kind"] in ("contains", "refers_to", "cites")
            assert u != v


def test_penal_code_has_many_resolved_references(built):
    (graph,) = [g for lab, _, g in built if lab["file"].endswith("bo-luat-hinh-su-100-2015-qh13.html")]
    assert len(refers(graph)) > 50
    assert graph.graph["refs_resolved"] > 10 * graph.graph["refs_unresolved"]


def test_references_mostly_resolve_across_the_corpus(built):
    resolved = sum(g.graph["refs_resolved"] for *_, g in built)
    unresolved = sum(g.graph["refs_unresolved"] for *_, g in built)
    assert resolved > 5000
    assert unresolved < resolved / 20
    laws = [g for lab, _, g in built if lab["doc_kind"] in ("law", "code")
            and lab["articles"] >= 30]
    assert sum(len(refers(g)) > 0 for g in laws) >= 0.9 * len(laws)


def test_quoted_text_never_refers_into_the_amending_law(built):
    amending = [(doc, g) for lab, doc, g in built if lab["doc_kind"] == "amending_law"]
    assert amending
    for doc, graph in amending:
        assert graph.graph["refs_amended"] > 0
        for u, v in refers(graph):
            if "__qstr_" in u:
                quote = u[:u.index("__", u.index("__qstr_") + 2)]
                assert v.startswith(quote), (doc.path, u, v)


def test_corpus_graph_joins_laws_citing_each_other(built):
    start = time.perf_counter()
    graph = corpus_graph([doc for _, doc, _ in built])
    print(f"\ncorpus_graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
          f"in {time.perf_counter() - start:.2f} s")
    cited_scanned = [n for n, d in graph.nodes(data=True) if d.get("scanned") and any(
        graph.edges[u, n]["kind"] == "cites" for u in graph.predecessors(n))]
    assert len(cited_scanned) >= 5
    assert "doc:59/2020/QH14" in cited_scanned  # Luật Doanh nghiệp, cited by other laws
    assert graph.graph["refs_cross"] > 0
