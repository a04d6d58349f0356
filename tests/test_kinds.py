"""Kinds of documents from the header (lawscan.structure.kinds through metadata.extract): the name
line, the number, how the text names itself, the issuer; consolidated texts and what they
consolidate. Small headers written as the Official Gazette and vbpl.vn print them."""

from __future__ import annotations

import json

import pytest

from conftest import parse_text as parse
from lawscan.model import DOC_KINDS
from lawscan.structure.kinds import Evidence, classify, number_kind, self_kind

BODY = ["Điều 1. Phạm vi điều chỉnh", "{self} này quy định về đăng ký kinh doanh.",
        "Điều 2. Hiệu lực thi hành", "{self} này có hiệu lực từ ngày 01 tháng 7 năm 2026."]


def header(issuer: str, number: str, name: str, subject: str, self_name: str, enact: str = "") -> str:
    lines = [issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"Số: {number}", "Hà Nội, ngày 06 tháng 4 năm 2026", name, subject,
             "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;"]
    if enact:
        lines.append(enact)
    return "\n".join(lines + [b.format(self=self_name) for b in BODY])


@pytest.mark.parametrize("issuer,number,name,self_name,kind", [
    ("CHÍNH PHỦ", "15/2026/NĐ-CP", "NGHỊ ĐỊNH", "Nghị định", "decree"),
    ("BỘ TÀI CHÍNH", "41/2026/TT-BTC", "THÔNG TƯ", "Thông tư", "circular"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "12/2016/TTLT-BLĐTBXH-BGDĐT-BTC",
     "THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch", "circular"),
    ("CHÍNH PHỦ", "21/2026/NQ-CP", "NGHỊ QUYẾT", "Nghị quyết", "resolution"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "05/2024/QĐ-TTg", "QUYẾT ĐỊNH", "Quyết định", "decision"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "17/2026/TT-NHNN", "THÔNG TƯ", "Thông tư", "circular"),
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "06/2013/UBTVQH13", "PHÁP LỆNH", "Pháp lệnh", "law"),
])
def test_kind_from_a_gazette_header(issuer, number, name, self_name, kind):
    doc = parse(header(issuer, number, name, "Quy định về đăng ký kinh doanh", self_name))
    assert doc.doc_kind == kind
    assert doc.number == number and doc.issuer == issuer and doc.year == int(number.split("/")[1])


def test_the_name_line_wins_over_a_law_numbered_resolution():
    """A resolution of the National Assembly has a law's number (…/QH15): the name line tells."""
    text = header("QUỐC HỘI", "203/2025/QH15", "NGHỊ QUYẾT", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA HIẾN PHÁP",
                  "Nghị quyết")
    assert parse(text).doc_kind == "resolution"


def test_amending_decree_stays_a_decree_with_its_title():
    text = header("CHÍNH PHỦ", "51/2025/NĐ-CP", "NGHỊ ĐỊNH",
                  "Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP", "Nghị định",
                  enact="Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số "
                        "10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ.")
    doc = parse(text)
    assert doc.doc_kind == "decree"
    assert doc.title.startswith("Nghị định sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP")


def test_a_draft_number_still_tells_the_kind():
    text = header("CHÍNH PHỦ", "…/2026/NĐ-CP", "NGHỊ ĐỊNH", "Quy định về đăng ký kinh doanh", "Nghị định")
    doc = parse("DỰ THẢO\n" + text)
    assert (doc.doc_kind, doc.number, doc.is_draft) == ("decree", None, True)


def test_gazette_noise_before_the_header():
    """The signature stamp, the running head and the Gazette section name come first in a
    Gazette PDF; the issue number ("Số 237/Ngày …") is not the document's number."""
    noise = ("Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
             "CÔNG BÁO/Số 237/Ngày 21-04-2026\n3\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n")
    doc = parse(noise + header("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "125/2026/NĐ-CP", "NGHỊ ĐỊNH",
                               "Quy định về hoạt động khoa học", "Nghị định"))
    assert (doc.doc_kind, doc.number, doc.issuer) == ("decree", "125/2026/NĐ-CP", "CHÍNH PHỦ")


def test_old_style_header_on_one_line():
    text = ("NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 02/2000/NĐ-CP NGÀY 03 THÁNG 02 NĂM 2000 VỀ ĐĂNG KÝ KINH DOANH\n"
            "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;\n"
            + "\n".join(b.format(self="Nghị định") for b in BODY))
    doc = parse(text)
    assert (doc.doc_kind, doc.number) == ("decree", "02/2000/NĐ-CP")
    assert doc.title == "Nghị định về đăng ký kinh doanh"


@pytest.mark.parametrize("opening,kind,consolidates", [
    # the Gazette prints the section name, then the consolidated text's own header
    ("VĂN BẢN HỢP NHẤT BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "THÔNG TƯ\nHướng dẫn quản lý lao động\nThông tư số 34/2019/TT-BLĐTBXH ngày 30 tháng 12 năm "
     "2019 của Bộ trưởng, có hiệu lực từ ngày 15 tháng 02 năm 2020, được sửa đổi, bổ\nsung bởi:",
     "consolidated", "circular"),
    # the consolidation formula alone (no VBHN number on the first page)
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLUẬT\nAN TOÀN, VỆ SINH LAO ĐỘNG\nLuật An toàn, vệ sinh "
     "lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của Quốc hội, có hiệu lực kể từ ngày 01 "
     "tháng 7 năm 2016, được sửa đổi, bổ sung bởi:", "consolidated", "law"),
    # vbpl.vn: the office's header and the VBHN number
    ("VĂN PHÒNG QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 65/VBHN-VPQH\nLUẬT\nCÔNG NGHỆ "
     "THÔNG TIN", "consolidated", "law"),
], ids=["gazette-section-then-header", "formula-only", "vbpl-office-header"])
def test_consolidated_texts_and_what_they_consolidate(opening, kind, consolidates):
    self_name = "Thông tư" if consolidates == "circular" else "Luật"
    doc = parse(opening + "\nCăn cứ Hiến pháp;\n" + "\n".join(b.format(self=self_name) for b in BODY))
    assert (doc.doc_kind, doc.meta.get("consolidates")) == (kind, consolidates)
    assert doc.title.endswith("(văn bản hợp nhất)") and not doc.title.startswith("Văn bản hợp nhất")


def test_title_of_a_decree_from_its_subject_lines():
    """The enacting sentence may be missing (older decisions) or cut: the subject printed under
    the name line, over several lines, gives the title."""
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 11/2017/QĐ-TTg\nQUYẾT ĐỊNH\nVề cơ chế khuyến khích phát triển\n"
            "các dự án điện mặt trời tại Việt Nam\nCăn cứ Luật Tổ chức Chính phủ;\n"
            + "\n".join(b.format(self="Quyết định") for b in BODY))
    doc = parse(text)
    assert (doc.doc_kind, doc.number) == ("decision", "11/2017/QĐ-TTg")
    assert doc.title == "Quyết định về cơ chế khuyến khích phát triển các dự án điện mặt trời tại Việt Nam"


def test_records_without_a_header(tmp_path):
    """vbpl.vn records: the id tells the family; the text's own name tells more (a record filed
    under a law's number that holds a decree is a decree); an amending act by its first article."""
    def record(rid: str, articles: list[tuple[str, str]]) -> str:
        return json.dumps({"id": rid, "sourceUrl": "https://vbpl.vn/x", "chapters": [{
            "title": "CHƯƠNG I", "subtitle": "QUY ĐỊNH CHUNG",
            "articles": [{"number": f"Điều {i}", "heading": h, "body": b}
                         for i, (h, b) in enumerate(articles, start=1)]}]}, ensure_ascii=False)

    from lawscan.pipeline import load_document

    cases = {
        "13/2023/ND-CP": ([("Phạm vi", "Nghị định này quy định về bảo vệ dữ liệu cá nhân.")], "decree"),
        "05/2024/QĐ-TTg": ([("Phạm vi", "Quyết định này quy định cơ chế điều chỉnh giá.")], "decision"),
        "09/2022/QH15": ([("Phạm vi", "1. Nghị định này quy định chi tiết khoản 4 Điều 16.")], "decree"),
        "37/2013/QH13": ([("Khoản 2 Điều 170 của Luật doanh nghiệp được sửa đổi, bổ sung như sau:",
                           "“2. Luật này …”"), ("Hiệu lực", "Luật này có hiệu lực.")], "amending_law"),
        "45/2019/QH14": ([("Phạm vi điều chỉnh", "Bộ luật này quy định tiêu chuẩn lao động.")], "code"),
    }
    for i, (rid, (articles, kind)) in enumerate(cases.items()):
        path = tmp_path / f"r{i}.json"
        path.write_text(record(rid, articles), encoding="utf-8")
        doc = load_document(path)
        assert (rid, doc.doc_kind) == (rid, kind)
    assert doc.number == "45/2019/QH14"  # the id is the number of a record without a header


def test_number_types():
    assert [number_kind(n) for n in ("15/2026/NĐ-CP", "05/2024/QĐ-TTg", "126/VBHN-VPQH", "57-NQ/TW",
                                     "31/2024/QH15", "12/2016/TTLT-BLĐTBXH-BTC", "06/2013/UBTVQH13",
                                     "/2026/NĐ-CP", "")] == [
        "decree", "decision", "consolidated", "resolution", "law", "circular", None, "decree", None]


def test_self_name_is_the_most_frequent_one():
    sample = "Thông tư này quy định … theo Quyết định này … Thông tư này áp dụng … của Bộ luật này"
    assert self_kind(sample) == "circular"
    assert self_kind("Luật này quy định; Luật này áp dụng; Nghị định này") == "law"


def test_every_kind_is_a_model_kind_and_nothing_gives_unknown():
    assert classify(Evidence()).kind == "unknown"
    assert classify(Evidence(sample="The Secretary of State may by regulations")).kind == "foreign"
    assert classify(Evidence(issuer="BỘ TÀI CHÍNH")).kind == "circular"  # the issuer, last resort
    from lawscan.structure.patterns import V

    kinds = set(V["doc_kinds"]["names"].values()) | set(V["doc_kinds"]["number_types"].values()) \
        | set(V["doc_kinds"]["issuers"].values())
    assert kinds <= set(DOC_KINDS)


def test_akoma_ntoso_export_keeps_the_kind_and_the_issuer(tmp_path):
    from lxml import etree

    from lawscan.export import to_akn
    from lawscan.pipeline import load_document

    path = tmp_path / "nghi-dinh.txt"
    path.write_text(header("CHÍNH PHỦ", "15/2026/NĐ-CP", "NGHỊ ĐỊNH", "Quy định về đăng ký kinh doanh",
                           "Nghị định"), encoding="utf-8")
    data = to_akn(load_document(path))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    work = etree.fromstring(data).find(".//a:FRBRWork", ns)
    assert work.find("a:FRBRuri", ns).get("value") == "/akn/vn/act/nghi-dinh/2026/15"
    assert work.find("a:FRBRauthor", ns).get("href") == "#chinh-phu"
    out = tmp_path / "nghi-dinh.akn.xml"
    out.write_bytes(data)
    assert load_document(out).doc_kind == "decree"
