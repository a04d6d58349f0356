"""The graph of one document (lawscan.graph.build): nodes and contains edges, internal references
resolved (relative ones against where they stand), unresolved ones as problems, citations of other
laws and fields, and amending laws whose references point into the amended law."""

from __future__ import annotations

import copy

import networkx as nx
import pytest

from conftest import corpus_files
from lawscan.graph import build_graph
from lawscan.graph.build import DOCUMENT, build_graph_info, reference_problems
from lawscan.model import Document, Line, Unit

_line = [0]


def U(kind, num, *texts, heading="", children=()):
    """A unit whose content lines get increasing line numbers; eids are set by ``doc``."""
    _line[0] += 1
    start = _line[0]
    content = []
    for t in texts:
        _line[0] += 1
        content.append(Line(t, _line[0]))
    return Unit(kind=kind, num=num, heading=heading, line=start, content=content,
                children=list(children))


PREFIX = {"chapter": "chp", "section": "sec", "article": "art", "paragraph": "para",
          "point": "point", "quoted": "qstr", "part": "part"}


def _eids(unit, prefix=""):
    for child in unit.children:
        own = f"{PREFIX[child.kind]}_{child.num}"
        # chapters/sections are containers: articles keep the chapter prefix, like the parser
        child.eid = f"{prefix}__{own}" if prefix else own
        _eids(child, child.eid)


def doc(*children, title="Luật Thử nghiệm", number="99/2099/QH99", kind="law", preamble=()):
    root = Unit(kind="root", content=[Line(t, i + 1) for i, t in enumerate(preamble)],
                children=list(children))
    _eids(root)
    return Document(path="mini.txt", format="txt", title=title, number=number, doc_kind=kind,
                    root=root)


def small_law():
    return doc(
        U("chapter", "I", heading="QUY ĐỊNH CHUNG", children=[
            U("article", "1", heading="Phạm vi điều chỉnh", children=[
                U("paragraph", "1", "1. Luật này quy định về thử nghiệm."),
                U("paragraph", "2", "2. Trường hợp quy định tại khoản 1 Điều này và Điều 3 "
                                    "của Luật này thì áp dụng Chương II."),
            ]),
            U("article", "2", heading="Áp dụng", children=[
                U("paragraph", "1", "1. Giao dịch thực hiện theo Luật Giao dịch điện tử số "
                                    "20/2023/QH15 và pháp luật về giao dịch điện tử."),
                U("paragraph", "2", "2. Trừ trường hợp quy định tại điểm b khoản 3 Điều 3, "
                                    "khoản này không áp dụng.", children=[
                    U("point", "a", "a) các trường hợp tại điểm b;"),
                    U("point", "b", "b) trường hợp tại Điều 300 của Luật này."),
                ]),
            ]),
        ]),
        U("chapter", "II", heading="HỆ THỐNG THÔNG TIN", children=[
            U("article", "3", heading="Cơ sở dữ liệu", children=[
                U("paragraph", "3", "3. Dữ liệu được quản lý như sau:", children=[
                    U("point", "a", "a) theo khoản 2 Điều 1;"),
                    U("point", "b", "b) theo Điều 217 của Luật Doanh nghiệp số 59/2020/QH14."),
                ]),
                U("paragraph", "4", "4. Chính phủ quy định chi tiết Điều này."),
            ]),
        ]),
        preamble=["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
                  "Quốc hội ban hành Luật Thử nghiệm."],
    )


def refers(g):
    return {(u, v) for u, v, k in g.edges(data="kind") if k == "refers_to"}


def test_nodes_and_contains_edges():
    d = small_law()
    g = build_graph(d)
    units = d.units()
    assert all(u.eid in g for u in units)
    assert g.nodes[DOCUMENT]["kind"] == "document"
    assert g.nodes["chp_I__art_1"]["kind"] == "article"
    assert g.nodes["chp_I__art_1"]["heading"] == "Phạm vi điều chỉnh"
    assert g.nodes["chp_I__art_1"]["line"] == units[1].line
    contains = [(u, v) for u, v, k in g.edges(data="kind") if k == "contains"]
    assert len(contains) == len(units)
    assert ("chp_I", "chp_I__art_1") in contains and (DOCUMENT, "chp_I") in contains
    tree = g.edge_subgraph(contains)
    assert nx.is_arborescence(tree)


def test_internal_references_resolve_including_relative_ones():
    g = build_graph(small_law())
    r = refers(g)
    # "khoản 1 Điều này" from Điều 1 khoản 2 -> Điều 1 khoản 1; "Điều 3 của Luật này" and "Chương II"
    assert ("chp_I__art_1__para_2", "chp_I__art_1__para_1") in r
    assert ("chp_I__art_1__para_2", "chp_II__art_3") in r
    assert ("chp_I__art_1__para_2", "chp_II") in r
    # "điểm b khoản 3 Điều 3" (absolute, across chapters)
    assert ("chp_I__art_2__para_2", "chp_II__art_3__para_3__point_b") in r
    # implicit: "điểm b" inside khoản 2 -> the sibling point; "khoản 2 Điều 1"
    assert ("chp_I__art_2__para_2__point_a", "chp_I__art_2__para_2__point_b") in r
    assert ("chp_II__art_3__para_3__point_a", "chp_I__art_1__para_2") in r
    # "Điều này" in khoản 4 -> its article
    assert ("chp_II__art_3__para_4", "chp_II__art_3") in r
    data = g.edges["chp_II__art_3__para_4", "chp_II__art_3"]
    assert data["text"] == "Điều này" and data["source"] == "chp_II__art_3__para_4"
    assert isinstance(data["line"], int)
    # "khoản này" in khoản 2 names itself: no self loop
    assert not any(u == v for u, v in g.edges)


def test_unresolved_reference_becomes_a_problem_not_an_edge():
    d = small_law()
    g = build_graph(d)
    probs = [p for p in d.problems if p.code == "refs.unresolved"]
    assert len(probs) == 1
    point_b = d.find("chp_I__art_2__para_2__point_b")
    assert probs[0].line == point_b.content[0].lineno
    assert "Điều 300" in probs[0].message
    assert not any(v.endswith("art_300") for _, v in g.edges)
    build_graph(d)  # building again does not repeat the problem
    assert len([p for p in d.problems if p.code == "refs.unresolved"]) == 1


def test_citations_of_laws_and_fields():
    g = build_graph(small_law())
    assert g.nodes["doc:20/2023/QH15"]["name"] == "Luật Giao dịch điện tử"
    assert g.nodes["doc:20/2023/QH15"]["number"] == "20/2023/QH15"
    assert g.has_edge("chp_I__art_2__para_1", "doc:20/2023/QH15")
    assert g.edges["chp_I__art_2__para_1", "doc:20/2023/QH15"]["kind"] == "cites"
    assert g.has_edge("chp_I__art_2__para_1", "field:giao dịch điện tử")
    assert g.nodes["field:giao dịch điện tử"]["kind"] == "field"
    cite = g.edges["chp_II__art_3__para_3__point_b", "doc:59/2020/QH14"]
    assert cite["target"] == "Điều 217"
    # the preamble cites the Constitution from the document node; the law's own title is no cite
    assert g.has_edge(DOCUMENT, "doc:hiến pháp")
    assert "doc:luật thử nghiệm" not in g and "doc:99/2099/QH99" not in g


def amending_law():
    quoted = U("quoted", "1", children=[
        U("article", "16a", heading="Thủ tục cấp thị thực điện tử", children=[
            U("paragraph", "1", "1. Người nước ngoài đề nghị cấp thị thực theo Điều 5 của "
                                "Luật này."),
            U("paragraph", "2", "2. Hồ sơ quy định tại khoản 1 Điều này được gửi qua mạng."),
        ]),
    ])
    return doc(
        U("article", "1", heading="Sửa đổi, bổ sung một số điều của Luật Nhập cảnh, xuất cảnh, "
                                  "quá cảnh, cư trú của người nước ngoài tại Việt Nam số "
                                  "47/2014/QH13",
          children=[
              U("paragraph", "1", "1. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:"),
              U("paragraph", "2", "2. Bổ sung Điều 16a vào sau Điều 16 như sau:",
                children=[quoted]),
              U("paragraph", "3", "3. Bổ sung cụm từ “theo quy định tại Điều 7 của Luật này” "
                                  "vào khoản 1 Điều 8."),
          ]),
        U("article", "2", heading="Hiệu lực thi hành", children=[
            U("paragraph", "1", "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2020."),
            U("paragraph", "2", "2. Quy định tại khoản 1 Điều này không áp dụng."),
        ]),
        title="Luật sửa đổi, bổ sung một số điều của Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú "
              "của người nước ngoài tại Việt Nam", number="51/2019/QH14", kind="amending_law")


def test_amending_law_points_into_the_amended_law():
    d = amending_law()
    g, info = build_graph_info(d)
    law = "doc:47/2014/QH13"
    # the instruction's "khoản 2 Điều 3" is the amended law's, not this law's (it has no Điều 3)
    assert not [p for p in d.problems if p.code == "refs.unresolved"]
    assert g.edges["art_1__para_1", law]["target"] == "khoản 2 Điều 3"
    # "Điều 5 của Luật này" inside quoted text is the amended law's Điều 5
    q = "art_1__para_2__qstr_1__art_16a__para_1"
    assert q in g and g.edges[q, law]["target"] == "Điều 5"
    assert not any(v == "art_5" for _, v in g.out_edges(q))
    # a relative reference inside the quoted article stays inside the quoted article
    assert ("art_1__para_2__qstr_1__art_16a__para_2",
            "art_1__para_2__qstr_1__art_16a__para_1") in refers(g)
    # words in “…” belong to the amended law too
    assert "Điều 7" in g.edges["art_1__para_3", law]["target"]
    assert "khoản 1 Điều 8" in g.edges["art_1__para_3", law]["target"]
    # the amending law's own final article refers to itself
    assert ("art_2__para_2", "art_2__para_1") in refers(g)
    # the title names the law by a shortened name: one node for the amended law
    assert not [n for n in g if n.startswith("doc:luật nhập cảnh")]
    assert {t.doc_key for t in info.cite_targets} == {law}


def test_final_chapter_amending_other_laws():
    d = doc(
        U("chapter", "I", heading="QUY ĐỊNH CHUNG", children=[
            U("article", "1", heading="Phạm vi", children=[U("paragraph", "1", "1. Phạm vi.")]),
        ]),
        U("chapter", "II", heading="ĐIỀU KHOẢN THI HÀNH", children=[
            U("article", "2", heading="Sửa đổi, bổ sung một số luật có liên quan", children=[
                U("paragraph", "1", "1. Sửa đổi, bổ sung một số điều của Luật Đầu tư số "
                                    "61/2020/QH14 như sau:", children=[
                    U("point", "a", "a) Sửa đổi, bổ sung khoản 4 Điều 40 như sau:"),
                ]),
                U("paragraph", "2", "2. Luật Giao dịch điện tử số 51/2005/QH11 hết hiệu lực kể "
                                    "từ ngày Luật này có hiệu lực, trừ Điều 1 của Luật này."),
            ]),
        ]),
    )
    g = build_graph(d)
    assert g.edges["chp_II__art_2__para_1__point_a", "doc:61/2020/QH14"]["target"] == \
        "khoản 4 Điều 40"
    assert g.has_edge("chp_II__art_2__para_2", "doc:51/2005/QH11")
    assert ("chp_II__art_2__para_2", "chp_I__art_1") in refers(g)
    assert not [p for p in d.problems if p.code == "refs.unresolved"]


def test_reference_sharing_a_later_law_qualifier_is_ambiguous_not_broken():
    d = doc(U("article", "2", "1. Người lao động."),
            U("article", "3", "Áp dụng đối với người quy định tại các điểm a, b và c khoản 1 Điều 9 "
                              "và người sử dụng lao động quy định tại khoản 3 Điều 2 của Luật Bảo "
                              "hiểm xã hội."),
            U("article", "4", "Trường hợp quy định tại khoản 5 Điều 30 thì áp dụng Điều 2."))
    build_graph(d)
    codes = [(p.code, p.severity) for p in d.problems]
    assert ("refs.ambiguous", "info") in codes  # "khoản 1 Điều 9" belongs to the social insurance law
    unresolved = [p for p in d.problems if p.code == "refs.unresolved"]
    assert len(unresolved) == 1 and "Điều 30" in unresolved[0].message  # a plain broken reference


def test_a_reference_broken_over_two_lines_is_read_across_the_break():
    """A Gazette PDF (a page break) or a hard-wrapped text can end a line inside a reference:
    "... tại khoản 27 Điều 1⏎Luật số 51/2024/QH15 sửa đổi ...". The chain belongs to the law
    on the next line, as on one line: no broken reference, a citation of that law (once, with
    its unit), with and without a graph. A chain the next line does not qualify stays internal."""
    d = doc(U("article", "1", "1. Nghị định này quy định chi tiết khoản 5 Điều 35 (được sửa đổi, "
                              "bổ sung tại khoản 27 Điều 1",
              "Luật số 51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế).",
              "2. Trường hợp quy định tại khoản 7 Điều 1",
              "thì áp dụng theo hướng dẫn của Bộ Y tế."),
            kind="decree", title="Nghị định thử nghiệm", number="1/2099/NĐ-CP")
    without = copy.deepcopy(d)
    g = build_graph(d)
    unresolved = [p.message for p in d.problems if p.code == "refs.unresolved"]
    assert len(unresolved) == 1 and "khoản 7 Điều 1" in unresolved[0]  # the second chain: no law follows
    assert not any("khoản 27" in m for m in unresolved)
    cites = [(u, v, k) for u, v, k in g.edges(data="target") if v == "doc:51/2024/QH15"]
    assert len(cites) == 1 and cites[0][2] == "khoản 27 Điều 1"
    reference_problems(without)
    assert _problems(without) == _problems(d)


def _problems(d):
    return [(p.code, p.message, p.line, p.severity) for p in d.problems]


def test_reference_problems_are_the_graphs_problems_without_a_graph():
    # the amending law's instruction lines cite the amended law outside any chain of unit words
    # ("Sửa đổi, bổ sung một số điều của Luật Đầu tư số 61/2020/QH14"), which the reference pass
    # without a graph finds again for the units whose first line is an amendment
    for make in (amending_law, lambda: doc(
            U("article", "1", "1. Sửa đổi, bổ sung một số điều của Luật Đầu tư số 61/2020/QH14:",
              children=[U("point", "a", "a) Sửa đổi khoản 4 Điều 40 và khoản 9 Điều 1.")]),
            U("article", "2", "Trường hợp quy định tại khoản 5 Điều 30 và khoản 7 Điều 1."))):
        with_graph = make()
        without = copy.deepcopy(with_graph)
        build_graph(with_graph)
        reference_problems(without)
        assert _problems(without) == _problems(with_graph)
    # in the second document the amended law's "khoản 9 Điều 1" is no problem; Điều 30 and
    # "khoản 7 Điều 1" (Điều 1 has no khoản 7) are broken
    assert [p[1].split(" names ")[1].split(",")[0] for p in _problems(without)
            if p[0] == "refs.unresolved"] == ["khoản 5 Điều 30", "khoản 7 Điều 1"]


@pytest.mark.parametrize("path", corpus_files()[::20], ids=lambda p: p.name)
def test_reference_problems_match_the_graph_on_corpus_documents(path):
    from lawscan.pipeline import load_document

    with_graph, without = load_document(path), load_document(path)
    build_graph(with_graph)
    reference_problems(without)
    assert _problems(without) == _problems(with_graph)
