"""Corpus graph (two documents, one citing the other) and graph exports that networkx reads back."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from lawscan.graph import FORMATS, build_graph, corpus_graph, render_graph, write_graph
from test_graph_build import U, doc, small_law


def e_transactions_law():
    return doc(
        U("chapter", "I", heading="QUY ĐỊNH CHUNG", children=[
            U("article", "1", heading="Phạm vi", children=[
                U("paragraph", "1", "1. Luật này quy định về giao dịch điện tử."),
            ]),
        ]),
        title="Luật Giao dịch điện tử", number="20/2023/QH15", kind="law")


def enterprise_law():
    d = doc(U("article", "217", heading="Điều khoản áp dụng", children=[
        U("paragraph", "1", "1. Áp dụng theo Luật Giao dịch điện tử.")]),
        title="LUẬT DOANH NGHIỆP", number=None, kind="law")
    d.year = 2020
    return d


def test_corpus_joins_a_cited_law_that_is_scanned():
    citing, cited, third = small_law(), e_transactions_law(), enterprise_law()
    g = corpus_graph([citing, cited, third])
    # the cited law is one node, the scanned document's node, reached from the citing unit
    node = "doc:20/2023/QH15"
    assert g.nodes[node]["scanned"] is True and g.nodes[node]["title"] == "Luật Giao dịch điện tử"
    assert g.has_edge("99/2099/QH99#chp_I__art_2__para_1", node)
    assert g.has_edge(node, "20/2023/QH15#chp_I")
    # units of both documents are there, prefixed by their identity
    assert g.nodes["99/2099/QH99#chp_II__art_3"]["document"] == "99/2099/QH99"
    assert "20/2023/QH15#chp_I__art_1__para_1" in g
    # a law without number is matched by its normalised title ("Luật Doanh nghiệp")
    ent = "doc:luật doanh nghiệp"
    assert g.nodes[ent]["scanned"] is True
    assert g.has_edge("luật doanh nghiệp#art_217__para_1", node)
    # the citing law named Điều 217 of the enterprise law by number 59/2020/QH14: not this one
    assert not g.has_edge("99/2099/QH99#chp_II__art_3__para_3__point_b", "luật doanh nghiệp#art_217")
    # internal edges keep working and fields are shared nodes
    assert g.has_edge("99/2099/QH99#chp_II__art_3__para_4", "99/2099/QH99#chp_II__art_3")
    assert "field:giao dịch điện tử" in g
    assert g.graph["documents"] == 3


def test_cited_unit_of_a_scanned_law_gets_a_cross_document_edge():
    cited = doc(U("article", "217", heading="Áp dụng", children=[
        U("paragraph", "1", "1. Một."), U("paragraph", "3", "3. Ba.")]),
        title="Luật Doanh nghiệp", number="59/2020/QH14")
    g = corpus_graph([small_law(), cited])
    edge = g.edges["99/2099/QH99#chp_II__art_3__para_3__point_b", "59/2020/QH14#art_217"]
    assert edge["kind"] == "refers_to" and edge["cross"] is True
    assert g.graph["refs_cross"] == 1


def test_same_number_scanned_twice_keeps_both_documents():
    g = corpus_graph([e_transactions_law(), e_transactions_law()])
    assert "doc:20/2023/QH15" in g and "doc:20/2023/QH15@2" in g
    assert "20/2023/QH15@2#chp_I__art_1" in g


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_read_back(fmt, tmp_path):
    g = corpus_graph([small_law(), e_transactions_law()])
    out = tmp_path / f"g.{fmt}"
    write_graph(g, fmt, out)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left
    if fmt == "graphml":
        back = nx.read_graphml(out)
    elif fmt == "json":
        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    else:
        text = out.read_text(encoding="utf-8")
        assert text.startswith("digraph") and text.rstrip().endswith("}")
        assert text.count(" -> ") == g.number_of_edges()
        assert '"field:giao dịch điện tử"' in text
        return
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    kinds = {(u, v): d["kind"] for u, v, d in back.edges(data=True)}
    assert kinds["99/2099/QH99#chp_II__art_3__para_4", "99/2099/QH99#chp_II__art_3"] == "refers_to"
    assert back.nodes["99/2099/QH99#chp_I__art_1"]["heading"] == "Phạm vi điều chỉnh"


def test_graphml_drops_none_and_flattens_lists():
    g = build_graph(small_law())
    g.nodes["chp_I"]["odd"] = None
    g.nodes["chp_I"]["many"] = ["a", "b"]
    back = nx.read_graphml(__import__("io").BytesIO(render_graph(g, "graphml")))
    assert "odd" not in back.nodes["chp_I"] and back.nodes["chp_I"]["many"] == "a; b"


def test_unknown_format():
    with pytest.raises(ValueError):
        render_graph(nx.DiGraph(), "png")
