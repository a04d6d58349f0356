"""References in decrees and circulars (lawscan.graph.build, lawscan.graph.scope): lists whose
units share the article named last ("điểm a khoản 1; khoản 2 Điều 3"), lists announced as units
of another article ("các điểm, khoản sau của Điều 4 Nghị định này …: điểm a khoản 1"), asides
("Điều 3 (trừ quy định tại điểm b khoản 2)"), units of another document named in short ("của
Pháp lệnh"), of an annex ("Phụ lục này") and of the text an instruction amends; references that
really are broken still are. The fixture is a decree of our own with these phrasings; the pool
test measures the same on the research corpus's decrees and circulars."""

from __future__ import annotations

import pytest

from conftest import CORPUS, FIXTURES
from lawscan.graph import build_graph
from lawscan.graph.build import reference_problems
from lawscan.model import Document, Line, Unit
from lawscan.pipeline import load_document

DECREE = FIXTURES / "graph" / "nghi-dinh-dan-chieu.txt"


def _unresolved(doc):
    return sorted((p.line, p.message.split("”")[0].lstrip("reference “"))
                  for p in doc.problems if p.code == "refs.unresolved")


def _targets(graph, source):
    return {v for _, v, k in graph.out_edges(source, data="kind") if k == "refers_to"}


@pytest.fixture(scope="module")
def decree():
    doc = load_document(str(DECREE))
    return doc, build_graph(doc)


def test_units_listed_before_the_article_they_share(decree):
    _, g = decree
    assert _targets(g, "chp_I__art_2__para_1__point_a") == {"chp_II__art_3__para_1__point_a",
                                                           "chp_II__art_3__para_2"}
    assert _targets(g, "chp_I__art_2__para_1__point_b") == {"chp_II__art_3__para_2__point_a"}


def test_an_aside_names_units_of_the_reference_before_it(decree):
    _, g = decree
    assert _targets(g, "chp_I__art_2__para_1__point_c") == {"chp_II__art_3",
                                                           "chp_II__art_3__para_2__point_b"}


def test_a_list_announced_as_units_of_another_article_is_read_there_only(decree):
    _, g = decree
    # "điểm a khoản 1" also exists in Điều 3, where the list stands: the sentence says Điều 4
    assert _targets(g, "chp_II__art_3__para_3__point_a") == {
        "chp_II__art_3__para_1__point_a", "chp_II__art_4", "chp_II__art_4__para_1__point_a",
        "chp_II__art_4__para_2__point_b"}


def test_points_listing_units_of_the_law_a_decree_details(decree):
    """"… quy định chi tiết một số điều của Luật Thử nghiệm số 97/2097/QH99 về:" then "a) Khoản 1
    Điều 6 về …": the units the points open with are the law's (this decree has a khoản 1 Điều 6
    too); what a point says further on is the decree's own."""
    _, g = decree
    assert not _targets(g, "chp_III__art_7__para_1__point_a")
    assert ("chp_III__art_7__para_1__point_a", "doc:97/2097/QH99") in g.edges
    assert ("chp_III__art_7__para_1__point_b", "doc:97/2097/QH99") in g.edges
    assert _targets(g, "chp_III__art_7__para_1__point_b") == {"chp_II__art_4__para_2"}


def test_other_documents_annexes_and_amended_texts_are_not_this_decree(decree):
    doc, g = decree
    cited = {v for _, v, k in g.out_edges(data="kind") if k == "cites"}
    assert "doc:luật các tổ chức tín dụng" in cited
    assert "doc:98/2098/NĐ-CP" in cited
    assert not any(k.startswith("doc:") and k.endswith(":") for k in cited)  # "của Pháp lệnh"
    assert g.graph["refs_unresolved"] == 3


def test_broken_references_are_still_reported(decree):
    doc, _ = decree
    assert _unresolved(doc) == [(21, "khoản 5 Điều 3 của Nghị định này"), (21, "khoản 9 Điều này"),
                                (33, "điểm c khoản 1")]  # Điều 4 khoản 1 has điểm a and b only


def test_this_khoan_in_an_article_of_one_khoan_is_the_article():
    """"… theo quy định tại khoản này" in an article printed as a single khoản (no numbered
    khoản at all) names the article's own text, not a missing khoản."""
    art = Unit(kind="article", num="8", heading="Thời hạn", line=1, eid="art_8",
               content=[Line("Người bị xử lý theo quy định tại khoản này được coi như chưa bị xử lý.", 2)])
    doc = Document(path="x.txt", format="txt", doc_kind="decree", root=Unit(kind="root", children=[art]))
    reference_problems(doc)
    assert not [p for p in doc.problems if p.code == "refs.unresolved"]
    art.children = [Unit(kind="paragraph", num="1", line=3, eid="art_8__para_1",
                         content=[Line("1. Nội dung.", 3)])]
    doc.problems = []
    reference_problems(doc)  # with khoản of its own, "khoản này" outside them names none
    assert [p.code for p in doc.problems] == ["refs.unresolved"]


def test_instruction_of_a_text_not_named_here():
    """A record that lost its header: "Điều 1. Sửa đổi, bổ sung khoản 10 Điều 3" amends a
    circular named only in the lost title, and so does an instruction put passively ("Khoản 3 và
    khoản 4 Điều 16 được sửa đổi, bổ sung như sau:"); "Bổ sung nguồn vốn …" and "… được thực
    hiện theo …" are no instructions."""
    def unit(kind, num, text, children=()):
        return Unit(kind=kind, num=num, heading="", line=len(text), content=[Line(text, len(text))],
                    children=list(children))

    root = Unit(kind="root", children=[
        unit("article", "1", "Điều 1. Sửa đổi, bổ sung khoản 10 Điều 3", [
            unit("paragraph", "1", "1. Điểm c khoản 4 Điều 9 được sửa đổi như sau:")]),
        unit("article", "2", "Điều 2. Bổ sung nguồn vốn theo khoản 7 Điều 1."),
        unit("article", "3", "Điều 3. Nội dung được sửa đổi", [  # not an instruction itself
            unit("paragraph", "1", "1. Khoản 3 và khoản 4 Điều 16 được sửa đổi, bổ sung như sau:"),
            unit("paragraph", "2", "2. Khoản 5 Điều 17 được thực hiện theo khoản 9 Điều 2.")]),
    ])
    for art in root.children:
        art.eid = f"art_{art.num}"
        for k in art.children:
            k.eid = f"{art.eid}__para_{k.num}"
    doc = Document(path="x.json", format="json", doc_kind="circular", root=root)
    reference_problems(doc)
    assert [p.message.split(" names ")[0] for p in doc.problems if p.code == "refs.unresolved"] == [
        "reference “khoản 7 Điều 1”", "reference “Khoản 5 Điều 17”", "reference “khoản 9 Điều 2”"]


POOL = CORPUS / "pool"


@pytest.mark.skipif(not (POOL / "34-2010-n-cp.json").is_file(), reason=f"no pool at {POOL}")
def test_pool_decree_lists_name_units_of_the_article_they_announce():
    """Nghị định 34/2010/NĐ-CP Điều 43: "Vi phạm một trong các điểm, khoản sau của Điều 8 Nghị
    định này …: điểm a, điểm e, điểm k khoản 1; …" names units of Điều 8 (97 LS109 before)."""
    doc = load_document(str(POOL / "34-2010-n-cp.json"))
    g = build_graph(doc)
    point = next(n for n in g if n.endswith("art_43__para_5__point_đ"))
    named = _targets(g, point)
    assert named and all(n.split("__")[1] == "art_8" for n in named)
    assert g.graph["refs_unresolved"] <= 2
