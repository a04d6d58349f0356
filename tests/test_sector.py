"""Sector of a document (lawscan.structure.sector): from its title, the issuing ministry's code,
its scope or its chapter headings; the vocabulary lives in structure/sectors.toml."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import corpus_files
from lawscan.model import Document, Line, Unit
from lawscan.structure.sector import OTHER, classify, document_sector, sector_keys, sector_label, vocabulary


def test_vocabulary_is_nfc_lower_case_and_labelled():
    data = vocabulary()
    assert sector_keys()[-1] == OTHER
    for key, entry in data["sector"].items():
        assert entry["vi"] and entry["en"], key
        for phrase in entry.get("terms", []) + entry.get("weak", []):
            assert phrase == unicodedata.normalize("NFC", phrase) == phrase.lower(), phrase
    assert set(data["issuer_codes"].values()) <= set(sector_keys())
    assert sector_label("nonsense") == sector_label(OTHER) == {"vi": "Khác", "en": "other"}


@pytest.mark.parametrize("title,expected", [
    ("Luật Đất đai", "land"),
    ("Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập doanh nghiệp", "finance"),
    ("Luật Các tổ chức tín dụng", "banking"),
    ("Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ", "transport"),
    ("Luật Giao dịch điện tử", "telecom_it"),
    ("Bộ luật Tố tụng hình sự", "justice"),
    ("Luật Thuế sử dụng đất nông nghiệp", "finance"),  # the tax, not the land or the farming
    ("LUẬT THUỶ SẢN", "agriculture"),  # old tone placement, capitals
    ("Luật Phòng, chống ma tuý", "security_defence"),
    ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "state_organisation"),
])
def test_title_decides(title, expected):
    assert classify(title, "Luật này quy định về tổ chức và hoạt động ngân hàng.") == expected


def test_digital_environment_is_not_the_environment_sector():
    # "môi trường số / điện tử / mạng" is the subject of this tool, not environmental law
    assert classify("", "Luật này quy định về hoạt động trên môi trường số, môi trường điện tử.") != "environment"
    assert classify("", "Luật này quy định về bảo vệ môi trường.") == "environment"


def test_issuer_code_before_scope():
    scope = "Sửa đổi, bổ sung một số điều của Thông tư số 39/2016/TT-NHNN\n1. Sửa đổi điểm c như sau: " \
            "c) Phương án, dự án phục vụ nhu cầu đời sống để mua nhà ở; xây dựng, cải tạo nhà ở"
    assert classify("", scope, number="06/2023/TT-NHNN") == "banking"
    assert classify("", scope) == "construction"  # without the code the words decide
    assert classify("", "", number="12/2020/QĐ-TTg") == OTHER  # the Prime Minister: no sector


def test_scope_beginning_decides_over_boilerplate_later():
    scope = ("Phạm vi điều chỉnh\nLuật này quy định về hoạt động thủy sản; quyền và nghĩa vụ của tổ chức, cá "
             "nhân. Trong trường hợp điều ước quốc tế mà Việt Nam là thành viên có quy định khác thì áp dụng "
             "quy định của điều ước quốc tế đó; vi phạm hành chính, khiếu nại, tố cáo được xử lý theo pháp luật.")
    assert classify("", scope) == "agriculture"


def test_headings_last_and_other():
    assert classify("", "", ["QUY ĐỊNH CHUNG", "HOẠT ĐỘNG BƯU CHÍNH", "ĐIỀU KHOẢN THI HÀNH"]) == "telecom_it"
    assert classify("Budget (Scotland) Act 2017", "The Scottish Ministers may use resources.") == OTHER
    assert classify("", "") == OTHER


def test_document_sector_reads_title_and_first_article():
    art1 = Unit(kind="article", num="1", heading="Phạm vi điều chỉnh", eid="chp_I__art_1", line=5,
                content=[Line("Luật này quy định về khám bệnh, chữa bệnh; quyền và nghĩa vụ của người bệnh.", 6)])
    root = Unit(kind="root", children=[Unit(kind="chapter", num="I", heading="NHỮNG QUY ĐỊNH CHUNG",
                                            eid="chp_I", line=4, children=[art1])])
    doc = Document(path="x.json", format="json", title="", root=root)
    assert document_sector(doc) == "health"
    doc.title = "Luật Dược"
    assert document_sector(doc) == "health"
    doc.title = "Luật Giáo dục"
    assert document_sector(doc) == "education"


def test_sector_in_json_and_pipeline(tmp_path):
    from lawscan.pipeline import load_document

    path = tmp_path / "luat.txt"
    path.write_text("QUỐC HỘI\nLuật số: 99/2024/QH15\nLUẬT\nĐƯỜNG SẮT\nChương I\nQUY ĐỊNH CHUNG\n"
                    "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về kết cấu hạ tầng đường sắt.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert doc.sector == "transport"
    assert doc.to_dict(tree=False)["sector"] == "transport"


def test_schema_lists_every_sector():
    from lawscan.report.json_report import load_schema

    enum = load_schema()["$defs"]["document"]["properties"]["sector"]["enum"]
    assert enum == [*sector_keys(), ""]


@pytest.mark.corpus
def test_corpus_vietnamese_documents_rarely_other(corpus_dir):
    """Of the corpus's Vietnamese legal documents (the foreign acts aside), at most 3% get "other",
    and the laws whose subject is plain from the title land where a reader expects them."""
    from lawscan.pipeline import load_document

    docs = [load_document(p) for p in corpus_files()]
    vietnamese = [d for d in docs if d.doc_kind != "foreign" and d.units("article")]
    assert len(vietnamese) > 100
    others = [d.path for d in vietnamese if d.sector == OTHER]
    assert len(others) <= 0.03 * len(vietnamese), others
    by_title = {d.title.casefold(): d.sector for d in vietnamese if d.title}
    for title, expected in (("luật đất đai", "land"), ("luật các tổ chức tín dụng", "banking"),
                            ("luật giao dịch điện tử", "telecom_it"), ("luật nhà ở", "construction")):
        if title in by_title:
            assert by_title[title] == expected, title
