"""JSON record reader: split records (chapters/articles) and full-text records."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES
from lawscan.errors import ReadError
from lawscan.normalise import normalise
from lawscan.read import read_source

READ = FIXTURES / "read"


def _loaded(path, record: dict):
    """The document lawscan reads from ``record`` written to ``path`` as an exporter writes it."""
    from lawscan.pipeline import load_document

    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return load_document(path)


def test_split_record_becomes_canonical_law_text():
    src = normalise(read_source(str(READ / "chapters.json")))
    assert src.format == "json"
    assert [(ln.lineno, ln.text) for ln in src.lines] == [
        (11, "Điều 1. Sửa đổi, bổ sung một số điều"),
        (13, "1. Sửa đổi khoản 2 Điều 5 như sau:"), (13, "“2. Nội dung mới.”"),
        (18, "Chương II"), (19, "CƠ SỞ DỮ LIỆU"),
        (23, "Điều 2. Cơ sở dữ liệu quốc gia"),
        (25, "1. Khoản một."), (25, "a) Điểm a;"), (25, "b) Điểm b."),
        (27, "Điều 3."),
    ]
    assert src.lines[3].raw == "CHƯƠNG II"
    assert src.meta["id"] == "99/2025/QH15" and src.meta["url"].startswith("https://vbpl.vn/")
    # the pseudo-chapter "PHẦN MỞ ĐẦU" of an amending law is not a Phần heading
    assert not any(ln.text.upper().startswith("PHẦN") for ln in src.lines)
    assert any(p.code == "read.pseudo_chapter" for p in src.problems)


def test_full_text_record():
    src = normalise(read_source(str(READ / "fulltext.json")))
    assert [ln.text for ln in src.lines] == ["LUẬT THỬ NGHIỆM", "Chương I", "QUY ĐỊNH CHUNG",
                                              "Điều 1. Phạm vi", "Nội dung."]
    assert all(ln.lineno == 1 for ln in src.lines)
    assert src.meta["number"] == "1/2025/QH15" and src.meta["title"] == "Thử nghiệm"


def test_full_text_record_with_its_text_under_content(tmp_path):
    """Some exporters put a full-text record's law text under "content", not "text"."""
    record = {"url": "https://vbpl.vn/van-ban/chi-tiet/du-thao-luat-thu-nghiem--12345", "title": "",
              "document_type": "Luật", "content": "LUẬT\nTHỬ NGHIỆM\nChương I\nQUY ĐỊNH CHUNG\n"
                                                   "Điều 1. Phạm vi\nNội dung."}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == ["LUẬT", "THỬ NGHIỆM", "Chương I", "QUY ĐỊNH CHUNG",
                                              "Điều 1. Phạm vi", "Nội dung."]


def test_full_text_record_with_its_text_under_a_name_of_its_own(tmp_path):
    """A provincial gazette's export names its fields in Vietnamese ("noi_dung": the content):
    the law text is the longest top-level string of several lines in which an article begins a
    line, read with an info Problem naming the field; a summary ("trich_yeu") is not taken."""
    record = {"so_hieu": "27/2026/QĐ-UBND", "trich_yeu": "Ban hành Quy định về trợ giá xe buýt",
              "ghi_chu": "Văn bản gồm nhiều dòng,\nnhưng không có Điều 1 ở đầu dòng.",
              "noi_dung": "ỦY BAN NHÂN DÂN\nQUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này "
                          "Quy định.\nĐiều 2. Hiệu lực."}
    path = tmp_path / "qd.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "ỦY BAN NHÂN DÂN", "QUYẾT ĐỊNH", "Điều 1. Ban hành kèm theo Quyết định này Quy định.",
        "Điều 2. Hiệu lực."]
    assert src.lines[0].lineno == 5  # the line of "noi_dung"
    assert [p.message for p in src.problems if p.code == "read.json_text_field"] == [
        "JSON record without 'text' or 'content': its law text is read from the field 'noi_dung'"]
    # a string without an article at a line's start is not law text, nor is one in a list
    # (one of several records: which is the law cannot be told)
    for other in ({"ghi_chu": record["ghi_chu"]},
                  {"ket_qua": [{"noi_dung": record["noi_dung"]}, {"noi_dung": record["noi_dung"]}]}):
        path.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(ReadError) as err:
            read_source(str(path))
        assert err.value.code == "read.no_text"


def test_full_text_record_inside_an_open_data_portals_envelope(tmp_path):
    """An open-data portal (CKAN's package_show) wraps its record in an envelope ("success",
    "result") and keeps the text in an object of its own ("toan_van" › "noi_dung"), beside a
    table of contents as a list and a summary ("notes"): the text is read from the nested field,
    at the line of its key, and the problem names the path to it."""
    record = {"help": "https://data.gov.vn/api/3/action/help_show?name=package_show",
              "success": True,
              "result": {"title": "Thông tư 18/2026/TT-BCA", "notes": "Thông tư quy định hồ sơ.",
                         "muc_luc": [{"so": "1", "tieu_de": "Phạm vi điều chỉnh",
                                      "noi_dung": "Điều 1. Phạm vi\nĐiều 2. Đối tượng"}],
                         "toan_van": {"ngon_ngu": "vi",
                                      "noi_dung": "BỘ CÔNG AN\nTHÔNG TƯ\nQuy định về hồ sơ\n"
                                                  "Điều 1. Phạm vi điều chỉnh\nĐiều 2. Đối tượng áp dụng\n"
                                                  "Điều 3. Hiệu lực thi hành"}}}
    path = tmp_path / "tt.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines][3:] == [
        "Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng", "Điều 3. Hiệu lực thi hành"]
    key_line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if ln.strip().startswith('"noi_dung"') and "BỘ CÔNG AN" in ln)
    assert src.lines[0].lineno == key_line
    assert [p.message for p in src.problems if p.code == "read.json_text_field"] == [
        "JSON record without 'text' or 'content': its law text is read from the field "
        "'result.toan_van.noi_dung'"]



def test_record_split_into_units_under_vietnamese_names(tmp_path):
    """A legal database's API nests its units by kind under Vietnamese keys ("chuong" › "muc" ›
    "dieu" › "khoan" › "diem") inside its envelope ("du_lieu" › "noi_dung"), with numbers as
    numbers: the printed heading ("phan_dau"), the legal bases and enacting sentence beside the
    units, then each unit as a law prints it, at the line of its key; a table of contents
    ("muc_luc") is not read."""
    from lawscan.pipeline import load_document

    record = {"ma_loi": "0", "du_lieu": {
        "phan_dau": {"co_quan": "QUỐC HỘI", "so_hieu": "Luật số: /2026/QH16", "ten_loai": "LUẬT",
                     "ten_van_ban": "ĐĂNG KÝ ĐẤT ĐAI"},
        "noi_dung": {
            "can_cu": ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"],
            "cau_ban_hanh": "Quốc hội ban hành Luật Đăng ký đất đai.", "so_phan": "0",
            "chuong": [
                {"so_chuong": "I", "tieu_de": "QUY ĐỊNH CHUNG", "muc": [], "dieu": [
                    {"so_dieu": 1, "tieu_de": "Phạm vi điều chỉnh", "noi_dung": "Luật này quy định về đăng ký."},
                    {"so_dieu": 2, "tieu_de": "Giải thích từ ngữ",
                     "doan_dan": "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:",
                     "khoan": [{"so_khoan": 1, "noi_dung": "Thửa đất là phần diện tích đất.",
                                "diem": [{"ky_hieu": "a", "noi_dung": "Bản đồ địa chính;"}]}]}]},
                {"so_chuong": "II", "tieu_de": "ĐĂNG KÝ", "muc": [
                    {"so_muc": 1, "tieu_de": "ĐĂNG KÝ QUA MÔI TRƯỜNG MẠNG", "dieu": [
                        {"so_dieu": 3, "tieu_de": "Đăng ký trực tuyến", "noi_dung": "Người sử dụng đất đăng ký trực tuyến."}]}]}]},
        "muc_luc": [{"chuong": "I", "tieu_de": "QUY ĐỊNH CHUNG", "tu_dieu": 1, "den_dieu": 2}]}}
    path = tmp_path / "luat.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "QUỐC HỘI", "Luật số: /2026/QH16", "LUẬT", "ĐĂNG KÝ ĐẤT ĐAI",
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
        "Quốc hội ban hành Luật Đăng ký đất đai.",
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Luật này quy định về đăng ký.",
        "Điều 2. Giải thích từ ngữ", "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:",
        "1. Thửa đất là phần diện tích đất.", "a) Bản đồ địa chính;",
        "Chương II", "ĐĂNG KÝ", "Mục 1", "ĐĂNG KÝ QUA MÔI TRƯỜNG MẠNG",
        "Điều 3. Đăng ký trực tuyến", "Người sử dụng đất đăng ký trực tuyến."]
    raw = path.read_text(encoding="utf-8").splitlines()
    article_3 = next(ln for ln in src.lines if ln.text.startswith("Điều 3."))
    assert '"so_dieu": 3' in raw[article_3.lineno - 1]  # the line of its key
    assert [p.message for p in src.problems if p.code == "read.json_unit_tree"] == [
        "JSON record split into units that name their kind: read from the field "
        "'du_lieu.noi_dung.chuong'"]
    doc = load_document(path)
    assert doc.title == "Luật Đăng ký đất đai"
    assert [a.num for a in doc.units("article")] == ["1", "2", "3"]
    assert [(s.num, s.heading) for s in doc.units("section")] == [("1", "ĐĂNG KÝ QUA MÔI TRƯỜNG MẠNG")]


def test_units_in_one_list_that_name_their_kind(tmp_path):
    """An export keeps its units in one list whose items name their kind ("loai": "chuong"),
    beside a table of contents whose items name theirs too ("cap") but hold no text: the list
    with the text is read; a record whose units hold no text at all is refused."""
    record = {"schema": "vbqppl-export/2.3", "van_ban": {
        "muc_luc": [{"cap": "chuong", "so": "I", "ten": "QUY ĐỊNH CHUNG",
                     "dieu": [{"so": "1", "ten": "Phạm vi điều chỉnh"}]}],
        "noi_dung": [{"loai": "chuong", "so": "I", "ten": "QUY ĐỊNH CHUNG", "dieu": [
            {"loai": "dieu", "so": "1", "ten": "Phạm vi điều chỉnh",
             "khoan": [{"so": "1", "noi_dung": "Thông tư này quy định về giao dịch ngoại hối."}]}]}]}}
    path = tmp_path / "tt.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "1. Thông tư này quy định về giao dịch ngoại hối."]
    del record["van_ban"]["noi_dung"]
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.no_text"


def test_units_under_camel_case_names(tmp_path):
    """A portal's API spells its keys in camel case ("noiDungVanBan", "loaiDonVi", "soDieu",
    "cacDieu"), keeps the legal bases and enacting sentence in an object of their own beside
    the units ("phanMoDau") and repeats each article's label in its title ("tieuDe": "Điều 1.
    Phạm vi điều chỉnh"): read as the same record in snake case is, each label once."""
    from lawscan.pipeline import load_document

    record = {"maLoi": 0, "duLieu": {
        "tenDuThao": "Dự thảo Nghị định quy định điều kiện kinh doanh dịch vụ karaoke",
        "phanMoDau": {"canCu": ["Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;"],
                      "cauBanHanh": "Chính phủ ban hành Nghị định quy định điều kiện kinh doanh "
                                    "dịch vụ karaoke."},
        "noiDungVanBan": [
            {"loaiDonVi": "CHUONG", "soChuong": "I", "tenChuong": "QUY ĐỊNH CHUNG", "cacMuc": [], "cacDieu": [
                {"loaiDonVi": "DIEU", "soDieu": 1, "tieuDe": "Điều 1. Phạm vi điều chỉnh",
                 "noiDung": "1. Nghị định này quy định điều kiện kinh doanh.\n"
                            "2. Nghị định này áp dụng với doanh nghiệp."}]},
            {"loaiDonVi": "CHUONG", "soChuong": "II", "tenChuong": "ĐIỀU KIỆN KINH DOANH", "cacMuc": [
                {"loaiDonVi": "MUC", "soMuc": 1, "tenMuc": "DỊCH VỤ KARAOKE", "cacDieu": [
                    {"loaiDonVi": "DIEU", "soDieu": 2, "tenDieu": "Điều kiện về phòng hát",
                     "noiDung": "Phòng hát có diện tích từ 20 mét vuông trở lên."}]}]}]}}
    path = tmp_path / "nd.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
        "Chính phủ ban hành Nghị định quy định điều kiện kinh doanh dịch vụ karaoke.",
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "1. Nghị định này quy định điều kiện kinh doanh.", "2. Nghị định này áp dụng với doanh nghiệp.",
        "Chương II", "ĐIỀU KIỆN KINH DOANH", "Mục 1", "DỊCH VỤ KARAOKE",
        "Điều 2. Điều kiện về phòng hát", "Phòng hát có diện tích từ 20 mét vuông trở lên."]
    doc = load_document(path)
    assert (doc.title, doc.doc_kind) == ("Nghị định quy định điều kiện kinh doanh dịch vụ karaoke", "decree")
    assert [(a.num, a.heading) for a in doc.units("article")] == [
        ("1", "Phạm vi điều chỉnh"), ("2", "Điều kiện về phòng hát")]

def test_a_units_label_in_one_title_field_and_its_title_in_another(tmp_path):
    """An export that prints each unit's label in one field ("tieuDe": "Chương I", "Điều 1.")
    beside the title's own field ("tenChuong", "tenDieu") gives each label once and the titles
    from the field that says more than the label, not a second "Chương I" with no title."""
    from lawscan.pipeline import load_document

    record = {"data": {"noiDung": {"chuong": [
        {"loaiDonVi": "CHUONG", "soChuong": "I", "tieuDe": "Chương I", "tenChuong": "QUY ĐỊNH CHUNG",
         "dieu": [{"loaiDonVi": "DIEU", "soDieu": 1, "tieuDe": "Điều 1.", "tenDieu": "Phạm vi điều chỉnh",
                   "khoan": [{"soKhoan": 1, "noiDung": "Nghị định này quy định về xe taxi."},
                             {"soKhoan": 2, "noiDung": "Nghị định này áp dụng với đơn vị vận tải."}]}]},
        {"loaiDonVi": "CHUONG", "soChuong": "II", "tieuDe": "CHƯƠNG II. ĐIỀU KIỆN KINH DOANH",
         "dieu": [{"loaiDonVi": "DIEU", "soDieu": 2, "tieuDe": "Điều 2.", "tenDieu": "Phần mềm tính tiền",
                   "noiDung": "Phần mềm tính tiền phải được kết nối với cơ sở dữ liệu."}]}]}}}
    path = tmp_path / "nd.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "1. Nghị định này quy định về xe taxi.", "2. Nghị định này áp dụng với đơn vị vận tải.",
        "Chương II", "ĐIỀU KIỆN KINH DOANH", "Điều 2. Phần mềm tính tiền",
        "Phần mềm tính tiền phải được kết nối với cơ sở dữ liệu."]
    doc = load_document(path)
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [
        ("I", "QUY ĐỊNH CHUNG"), ("II", "ĐIỀU KIỆN KINH DOANH")]
    assert [(a.num, a.heading) for a in doc.units("article")] == [
        ("1", "Phạm vi điều chỉnh"), ("2", "Phần mềm tính tiền")]


def test_the_identifiers_under_vietnamese_names_name_the_record(tmp_path):
    """A draft-consultation portal's answer keeps the text's identifiers under the names of a
    Vietnamese document's parts ("trichYeu", "loaiVanBan", "soKyHieu", "ngayBanHanh") in its
    "data" envelope, beside units whose heading it does not print; a related document's own
    "trichYeu" in a list of several names nothing, nor a replaced decree's in a list of one. The
    record is named by them."""
    record = {"status": 200, "data": {
        "trichYeu": "Nghị định quy định về tổ chức và hoạt động của Sở giao dịch chứng khoán",
        "loaiVanBan": "Nghị định", "soKyHieu": "18/2026/NĐ-CP", "ngayBanHanh": "2026-03-18",
        "donVi": [{"loaiDonVi": "CHUONG", "kyHieu": "Chương I", "tieuDe": "QUY ĐỊNH CHUNG",
                   "dieu": [{"soDieu": 1, "tieuDe": "Phạm vi điều chỉnh",
                             "noiDung": "Nghị định này quy định về Sở giao dịch chứng khoán."},
                            {"soDieu": 2, "tieuDe": "Hệ thống giao dịch",
                             "noiDung": "Hệ thống giao dịch được kết nối trực tuyến."}]}],
        "vanBanLienQuan": [{"soKyHieu": "54/2019/QH14", "trichYeu": "Luật Chứng khoán"},
                           {"soKyHieu": "59/2020/QH14", "trichYeu": "Luật Doanh nghiệp"}]}}
    draft = json.loads(json.dumps(record))
    draft["data"].update(soKyHieu="", ngayBanHanh=None, vanBanThayThe=[
        {"soKyHieu": "71/2016/NĐ-CP", "ngayBanHanh": "2016-07-01", "trichYeu": "Nghị định cũ"}])
    doc = _loaded(tmp_path / "nd.json", record)
    assert doc.title == "Nghị định quy định về tổ chức và hoạt động của Sở giao dịch chứng khoán"
    assert (doc.doc_kind, doc.number, doc.date) == ("decree", "18/2026/NĐ-CP", "2026-03-18")
    assert [a.num for a in doc.units("article")] == ["1", "2"]
    # a draft's blank number and date are its own: not those of the decree it replaces
    doc = _loaded(tmp_path / "nd.json", draft)
    assert doc.title.startswith("Nghị định quy định về tổ chức")
    assert (doc.number, doc.date, doc.year) == (None, None, None)


def test_split_record_with_its_heading_and_the_regulation_it_issues(tmp_path):
    """A legal database's split record of a decision: its "title" is the kind's name over a
    "subtitle" with the subject, and the regulation it issues sits in "attachments" in the same
    shape (chapters of articles) beside a file's description. The heading opens the text and
    the regulation is read after the decision's own articles: the decision's 2 articles and the
    regulation's 3 in 2 chapters, titled as printed."""
    from lawscan.pipeline import load_document

    record = {
        "id": "19/2026/QĐ-UBND", "title": "QUYẾT ĐỊNH",
        "subtitle": "Ban hành Quy chế quản lý Khu bảo tồn Hòn Mây",
        "preamble": ["Căn cứ Luật Đa dạng sinh học;"],
        "articles": [
            {"number": "Điều 1", "heading": "Ban hành Quy chế",
             "body": "Ban hành kèm theo Quyết định này Quy chế quản lý Khu bảo tồn Hòn Mây."},
            {"number": "Điều 2", "heading": "Hiệu lực thi hành",
             "body": "Quyết định này có hiệu lực kể từ ngày 01 tháng 4 năm 2026."}],
        "attachments": [
            {"title": "QUY CHẾ", "subtitle": "Quản lý Khu bảo tồn Hòn Mây",
             "note": "(Ban hành kèm theo Quyết định số 19/2026/QĐ-UBND)",
             "chapters": [
                 {"title": "Chương I", "subtitle": "QUY ĐỊNH CHUNG", "articles": [
                     {"number": "Điều 1", "heading": "Phạm vi điều chỉnh", "body": "Quy chế này quy định việc quản lý."},
                     {"number": "Điều 2", "heading": "Giải thích từ ngữ", "body": "1. Khu bảo tồn là vùng đất."}]},
                 {"title": "Chương II", "subtitle": "BẢO VỆ LOÀI", "articles": [
                     {"number": "Điều 3", "heading": "Tuần tra", "body": "1. Lực lượng kiểm lâm tuần tra."}]}]},
            {"tenTep": "19_2026_QD-UBND_ky.pdf", "dinhDang": "pdf"}],
    }
    path = tmp_path / "qd.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines[:2]] == ["QUYẾT ĐỊNH", "Ban hành Quy chế quản lý Khu bảo tồn Hòn Mây"]
    assert src.lines[1].lineno == 4  # the line of "subtitle"
    doc = load_document(path)
    assert doc.title == "Quyết định ban hành Quy chế quản lý Khu bảo tồn Hòn Mây"
    assert [a.num for a in doc.units("article")] == ["1", "2", "1", "2", "3"]
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [("I", "QUY ĐỊNH CHUNG"),
                                                                   ("II", "BẢO VỆ LOÀI")]


@pytest.mark.parametrize("content,code", [
    ('{"id": "x", "chapters": [', "read.json"),
    ('{"id": "x", "other": 1}', "read.no_text"),
    ('[1, 2, 3]', "read.no_text"),
    ("[" * 100000 + "]" * 100000, "read.depth"),
], ids=["cut-short", "no-text-key", "list-of-numbers", "nested-100000-deep"])
def test_bad_json_is_refused(tmp_path, content, code):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == code


def test_corpus_json_meta_and_lines(corpus_dir):
    path = corpus_dir / "json" / "vbpl-luat-giao-dich-dien-tu-so-20-2023-qh15.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    src = normalise(read_source(str(path)))
    articles = sum(len(c["articles"]) for c in data["chapters"])
    assert sum(ln.text.startswith("Điều ") and ". " in ln.text[:12] for ln in src.lines) >= articles
    assert src.meta["id"] == "20/2023/QH15"
    raw_lines = path.read_text(encoding="utf-8").splitlines()
    for line in src.lines:  # the line number points at the JSON string the text comes from
        key = '"number"' if re.match(r"Điều \d+\.", line.text) else \
            '"title"' if re.match(r"Chương [IVXLC]+$", line.text) else None
        at = raw_lines[line.lineno - 1]
        assert (key in at) if key else ('"body"' in at or '"subtitle"' in at), (line, at[:80])


def _decision(title_lines: bool = True) -> dict:
    """A decision split into articles, with the regulation it issues, as a legal database keeps
    it under "content": its printed header, a "title" holding both heading lines, its legal
    bases."""
    return {
        "header": {"coQuan": "ỦY BAN NHÂN DÂN TỈNH HÒN MÂY", "quocHieu": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "so": "Số: 19/2026/QĐ-UBND", "ngayThang": "Hòn Mây, ngày 12 tháng 3 năm 2026"},
        "title": "QUYẾT ĐỊNH\nBan hành Quy chế quản lý Khu bảo tồn Hòn Mây",
        "preamble": ["Căn cứ Luật Đa dạng sinh học;", "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường;"],
        "articles": [
            {"number": "Điều 1", "heading": "", "body": "Ban hành kèm theo Quyết định này Quy chế quản lý."},
            {"number": "Điều 2", "heading": "", "body": "Quyết định này có hiệu lực kể từ ngày ký."}],
        "attachments": [
            {"title": "QUY CHẾ\nQUẢN LÝ KHU BẢO TỒN HÒN MÂY",
             "note": "(Ban hành kèm theo Quyết định số 19/2026/QĐ-UBND)",
             "chapters": [
                 {"title": "Chương I", "subtitle": "QUY ĐỊNH CHUNG", "articles": [
                     {"number": "Điều 1", "heading": "Phạm vi điều chỉnh", "body": "Quy chế này quy định việc quản lý."}]},
                 {"title": "Chương II", "subtitle": "DỮ LIỆU KHU BẢO TỒN", "articles": [
                     {"number": "Điều 2", "heading": "Cơ sở dữ liệu khu bảo tồn",
                      "body": "1. Cơ sở dữ liệu khu bảo tồn được kết nối với Cơ sở dữ liệu quốc gia về đa dạng sinh học."}]}]}],
    }


def test_split_record_inside_an_envelope(tmp_path):
    """The split record sits inside the export's envelope ("data" › "content"), after metadata
    whose keys ("title") it shares: read as one at the top is, each line at the line of its own
    key, with an info Problem naming where it was found."""
    from lawscan.pipeline import load_document

    export = {"status": "success", "data": {
        "metadata": {"title": "Quy chế Khu bảo tồn (bản lưu)", "soKyHieu": "19/2026/QĐ-UBND"},
        "content": _decision()}}
    path = tmp_path / "qd.json"
    text = json.dumps(export, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines[:8]] == [
        "ỦY BAN NHÂN DÂN TỈNH HÒN MÂY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 19/2026/QĐ-UBND",
        "Hòn Mây, ngày 12 tháng 3 năm 2026", "QUYẾT ĐỊNH", "Ban hành Quy chế quản lý Khu bảo tồn Hòn Mây",
        "Căn cứ Luật Đa dạng sinh học;", "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường;"]
    lines = text.split("\n")
    title_line = next(i for i, line in enumerate(lines, 1) if line.startswith('   "title": "QUYẾT ĐỊNH'))
    assert src.lines[4].lineno == src.lines[5].lineno == title_line  # not metadata's "title"
    chapter_two = next(i for i, line in enumerate(lines, 1) if '"title": "Chương II"' in line)
    assert next(ln for ln in src.lines if ln.text == "Chương II").lineno == chapter_two
    assert [(p.code, p.message) for p in src.problems] == [
        ("read.json_nested_record", "JSON record split into units inside the field 'data.content'")]
    doc = load_document(path)
    assert (doc.title, doc.number, doc.doc_kind) == (
        "Quyết định ban hành Quy chế quản lý Khu bảo tồn Hòn Mây", "19/2026/QĐ-UBND", "decision")
    assert [a.num for a in doc.units("article")] == ["1", "2", "1", "2"]
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [("I", "QUY ĐỊNH CHUNG"),
                                                                   ("II", "DỮ LIỆU KHU BẢO TỒN")]


def test_units_with_their_printed_heading_as_one_text(tmp_path):
    """A database keeps the printed heading of a split record as one text of several lines
    ("phan_dau": "BỘ TÀI CHÍNH\\nSố: …\\nTHÔNG TƯ\\n…\\nCăn cứ …"): its lines come first, at the
    line of its key, and give the title."""
    from lawscan.pipeline import load_document

    heading = ("BỘ TÀI CHÍNH\nSố: /2026/TT-BTC\nDỰ THẢO\n\nTHÔNG TƯ\n"
               "Hướng dẫn lập, quản lý và lưu trữ hồ sơ kiểm toán nội bộ\n\n"
               "Căn cứ Luật Kế toán số 88/2015/QH13;\n"
               "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn lập, quản lý và lưu trữ hồ sơ "
               "kiểm toán nội bộ.")
    record = {"data": {"ten_van_ban": "Dự thảo Thông tư", "noi_dung": {"phan_dau": heading, "chuong": [
        {"loai": "chuong", "so": "I", "ten": "QUY ĐỊNH CHUNG", "dieu": [
            {"so_dieu": 1, "tieu_de": "Phạm vi điều chỉnh",
             "noi_dung": "Thông tư này hướng dẫn hồ sơ kiểm toán."}]}],
        "phan_ket": "Nơi nhận:\n- Như Điều 3;"}}}
    path = tmp_path / "tt.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines][:4] == ["BỘ TÀI CHÍNH", "Số: /2026/TT-BTC", "DỰ THẢO", "THÔNG TƯ"]
    key_line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if '"phan_dau"' in ln)
    assert src.lines[0].lineno == key_line
    doc = load_document(path)
    assert (doc.title, doc.doc_kind, doc.is_draft) == (
        "Thông tư hướng dẫn lập, quản lý và lưu trữ hồ sơ kiểm toán nội bộ", "circular", True)
    assert [a.num for a in doc.units("article")] == ["1"]


def test_units_whose_text_is_a_list_of_lines(tmp_path):
    """A portal keeps each article's text as a list of its lines ("noiDung": ["1. …", "a) …"])
    and its printed heading with the legal bases in an opening part ("phanMoDau"): read as the
    text would be printed, the heading first, each line of the list a line."""
    from lawscan.pipeline import load_document

    record = {"success": True, "data": {"noiDungVanBan": {
        "phanMoDau": {"coQuanBanHanh": "BỘ TÀI CHÍNH", "soKyHieu": "Số: /2026/TT-BTC",
                      "tenLoaiVanBan": "THÔNG TƯ",
                      "trichYeu": "Quy định chế độ báo cáo của quỹ tài chính nhà nước ngoài ngân sách",
                      "canCu": ["Căn cứ Luật Ngân sách nhà nước;"],
                      "cauBanHanh": "Bộ trưởng Bộ Tài chính ban hành Thông tư quy định chế độ báo cáo "
                                    "của quỹ tài chính nhà nước ngoài ngân sách."},
        "chuong": [{"soChuong": "I", "tenChuong": "QUY ĐỊNH CHUNG", "dieu": [
            {"soDieu": 1, "tenDieu": "Phạm vi điều chỉnh",
             "noiDung": ["1. Thông tư này quy định chế độ báo cáo của quỹ.",
                         "2. Thông tư này không quy định về:", "a) Báo cáo thống kê;", ""]},
            {"soDieu": 2, "tenDieu": "Đối tượng áp dụng",
             "noiDung": ["Thông tư này áp dụng với các quỹ."]}]}]}}}
    path = tmp_path / "tt.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == [
        "BỘ TÀI CHÍNH", "Số: /2026/TT-BTC", "THÔNG TƯ",
        "Quy định chế độ báo cáo của quỹ tài chính nhà nước ngoài ngân sách",
        "Căn cứ Luật Ngân sách nhà nước;",
        "Bộ trưởng Bộ Tài chính ban hành Thông tư quy định chế độ báo cáo của quỹ tài chính nhà nước "
        "ngoài ngân sách.",
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "1. Thông tư này quy định chế độ báo cáo của quỹ.", "2. Thông tư này không quy định về:",
        "a) Báo cáo thống kê;", "Điều 2. Đối tượng áp dụng", "Thông tư này áp dụng với các quỹ."]
    doc = load_document(path)
    assert (doc.title, doc.doc_kind) == (
        "Thông tư quy định chế độ báo cáo của quỹ tài chính nhà nước ngoài ngân sách", "circular")
    assert [len(a.children) for a in doc.units("article")] == [2, 0]


@pytest.mark.parametrize("text_key", ["noi_dung", "toanVan"])
def test_full_text_record_in_a_list_of_one(tmp_path, text_key):
    """A database's API answers with its records in a list even for one ("so_ban_ghi": 1,
    "du_lieu": [{…}]): the one record's text is read, named by its place in the list; two
    records there are still refused."""
    text = ("CHÍNH PHỦ\nSố: /2026/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về theo dõi thi hành án hành chính\n"
            "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc theo dõi.\n"
            "Điều 2. Đối tượng áp dụng\nNghị định này áp dụng với cơ quan thi hành án.")
    record = {"ma_van_ban": "DT.ND.2026.001873", "ten_van_ban": "Nghị định quy định về theo dõi",
              text_key: text, "tep_dinh_kem": [{"ten_tep": "Du thao.docx"}]}
    path = tmp_path / "nd.json"
    path.write_text(json.dumps({"api_version": "2.4", "so_ban_ghi": 1, "du_lieu": [record]},
                               ensure_ascii=False, indent=1), encoding="utf-8")
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines][4:] == [
        "Điều 1. Phạm vi điều chỉnh", "Nghị định này quy định việc theo dõi.",
        "Điều 2. Đối tượng áp dụng", "Nghị định này áp dụng với cơ quan thi hành án."]
    assert [p.message for p in src.problems if p.code == "read.json_text_field"] == [
        f"JSON record without 'text' or 'content': its law text is read from the field "
        f"'du_lieu[0].{text_key}'"]
    path.write_text(json.dumps({"so_ban_ghi": 2, "du_lieu": [record, record]}, ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.no_text"


def test_split_records_in_a_list_are_still_refused(tmp_path):
    """Several split records in a list: which one is the law cannot be told."""
    path = tmp_path / "qd.json"
    path.write_text(json.dumps({"results": [_decision(), _decision()]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.no_text"


def test_html_law_text_inside_a_record(tmp_path):
    """An API that returns its content as "text/html": the law's text is an HTML string in a
    field of the exporter's own naming ("data" › "content" › "body"), beside a table of contents
    that repeats every heading. The HTML is read as a page is (a header table row by row, one
    line per paragraph), each line at the line of the string's key; the table of contents is
    not the text."""
    from lawscan.pipeline import load_document

    body = ('<div class="vb"><table><tr><td><p>CHÍNH PHỦ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
            '</p></td></tr></table>\n<p align="center"><b>NGHỊ ĐỊNH</b></p>\n<p align="center"><b>Quy định về '
            'cơ chế một cửa tại Ban Quản lý đặc khu</b></p>\n<p><i>Căn cứ Luật Tổ chức Chính phủ;</i></p>\n'
            '<p><b>Chương I</b></p><p><b>QUY ĐỊNH CHUNG</b></p>\n<p><b>Điều 1. Phạm vi điều chỉnh</b></p>\n'
            '<p>Nghị định này quy định về cơ chế một cửa.</p>\n<p><b>Chương II</b></p><p><b>KHO HỒ SƠ</b></p>\n'
            '<p><b>Điều 2. Kho hồ sơ doanh nghiệp</b></p>\n<p>1. Kho hồ sơ được kết nối với Cơ sở dữ liệu '
            'quốc gia về đăng ký doanh nghiệp.</p>\n<p>2. Không yêu cầu nhà đầu tư nộp lại giấy tờ.</p></div>')
    record = {"status": "success", "data": {
        "toc": [{"ky_hieu": "Chương I", "ten": "QUY ĐỊNH CHUNG", "con": [{"ky_hieu": "Điều 1", "ten": "Phạm vi"}]}],
        "content": {"format": "text/html", "body": body}}}
    path = tmp_path / "nd.json"
    text = json.dumps(record, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    src = normalise(read_source(str(path)))
    body_line = next(i for i, line in enumerate(text.split("\n"), 1) if '"body":' in line)
    assert [ln.text for ln in src.lines[:5]] == [
        "CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NGHỊ ĐỊNH",
        "Quy định về cơ chế một cửa tại Ban Quản lý đặc khu", "Căn cứ Luật Tổ chức Chính phủ;", "Chương I"]
    assert {ln.lineno for ln in src.lines} == {body_line}
    assert ("read.json_text_field", "JSON record without 'text' or 'content': its HTML law text is read "
            "from the field 'data.content.body'") in [(p.code, p.message) for p in src.problems]
    doc = load_document(path)
    assert doc.title == "Nghị định quy định về cơ chế một cửa tại Ban Quản lý đặc khu"
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [("I", "QUY ĐỊNH CHUNG"), ("II", "KHO HỒ SƠ")]
    assert [a.num for a in doc.units("article")] == ["1", "2"]


def test_a_unit_tree_under_english_field_names(tmp_path):
    """A consultation database's export keeps the units in one list under English field names
    ("unitType": "chuong" / "dieu", "number", "heading", "title", "text", "children"), beside a
    "header" object with the printed heading and a "preamble" list, inside a "record" envelope:
    read as its heading, legal bases, chapters and articles, not refused."""
    record = {"apiVersion": "2.4", "record": {
        "id": 48213, "docType": {"code": "ND", "name": "Nghị định"}, "docNumber": None,
        "header": {"issuer": "CHÍNH PHỦ", "numberLine": "Số:      /2026/NĐ-CP", "kind": "NGHỊ ĐỊNH",
                   "titleLine": "Quy định về kinh doanh dịch vụ logistics"},
        "preamble": ["Căn cứ Luật Thương mại ngày 14 tháng 6 năm 2005;"],
        "body": [
            {"unitType": "chuong", "number": "I", "heading": "Chương I", "title": "QUY ĐỊNH CHUNG",
             "children": [{"unitType": "dieu", "number": "1", "title": "Phạm vi điều chỉnh",
                           "heading": "Điều 1. Phạm vi điều chỉnh",
                           "text": "1. Nghị định này quy định về dịch vụ logistics.\n"
                                   "2. Không áp dụng với bưu chính."}]},
            {"unitType": "chuong", "number": "II", "heading": "Chương II", "title": "CHỨNG TỪ ĐIỆN TỬ",
             "children": [{"unitType": "muc", "number": "1", "heading": "Mục 1", "title": "NỀN TẢNG SỐ",
                           "children": [{"unitType": "dieu", "number": "2", "title": "Vận đơn điện tử",
                                         "heading": "Điều 2. Vận đơn điện tử",
                                         "text": "Vận đơn điện tử được ký số và lưu trữ."}]}]}],
        "attachments": [{"name": "Phụ lục", "mimeType": "application/pdf"},
                        {"name": "Tờ trình", "mimeType": "application/pdf"}]}}
    doc = _loaded(tmp_path / "nd.json", record)
    assert doc.title == "Nghị định quy định về kinh doanh dịch vụ logistics"
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [("I", "QUY ĐỊNH CHUNG"),
                                                                  ("II", "CHỨNG TỪ ĐIỆN TỬ")]
    assert [(s.num, s.heading) for s in doc.units("section")] == [("1", "NỀN TẢNG SỐ")]
    assert [(a.num, a.heading) for a in doc.units("article")] == [("1", "Phạm vi điều chỉnh"),
                                                                  ("2", "Vận đơn điện tử")]
    assert [(p.kind, p.num) for p in doc.units("article")[0].children] == [("paragraph", "1"),
                                                                            ("paragraph", "2")]
    assert any(line.text.startswith("Căn cứ Luật Thương mại") for line in doc.lines)


def test_units_whose_text_prints_their_heading_again(tmp_path):
    """A consultation portal keeps every unit in one flat list linked by parent ids, each with
    its kind, number and title and a text that prints the unit again: "Chương I\\nQUY ĐỊNH
    CHUNG", "Điều 1. Phạm vi điều chỉnh", "1. …", "a) …". Each chapter and article is read
    once, and a clause keeps its own number once ("1. Lưu học sinh …", not "1. 1. …")."""
    units = [
        {"id": "c1", "loai": "CHUONG", "so": "I", "tieuDe": "QUY ĐỊNH CHUNG", "chaId": None,
         "noiDung": "Chương I\nQUY ĐỊNH CHUNG"},
        {"id": "d1", "loai": "DIEU", "so": "1", "tieuDe": "Phạm vi điều chỉnh", "chaId": "c1",
         "noiDung": "Điều 1. Phạm vi điều chỉnh"},
        {"id": "d1k1", "loai": "KHOAN", "so": "1", "chaId": "d1",
         "noiDung": "1. Nghị định này quy định về học bổng đi học ở nước ngoài."},
        {"id": "d1k2", "loai": "KHOAN", "so": "2", "chaId": "d1",
         "noiDung": "2. Học bổng gồm:"},
        {"id": "d1k2a", "loai": "DIEM", "so": "a", "chaId": "d1k2", "noiDung": "a) Học phí;"},
        {"id": "c2", "loai": "CHUONG", "so": "II", "tieuDe": "QUẢN LÝ LƯU HỌC SINH", "chaId": None,
         "noiDung": "Chương II"},
        {"id": "d2", "loai": "DIEU", "so": "2", "chaId": "c2",
         "noiDung": "Điều 2. Hệ thống thông tin quản lý lưu học sinh\n"
                    "Lưu học sinh khai báo trực tuyến trên hệ thống."},
    ]
    record = {"status": {"code": 200}, "result": {
        "trichYeu": "Quy định về học bổng ngân sách nhà nước", "loaiVanBan": {"ten": "Nghị định"},
        "noiDung": units}}
    doc = _loaded(tmp_path / "nd.json", record)
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [("I", "QUY ĐỊNH CHUNG"),
                                                                  ("II", "QUẢN LÝ LƯU HỌC SINH")]
    articles = doc.units("article")
    assert [(a.num, a.heading) for a in articles] == [
        ("1", "Phạm vi điều chỉnh"), ("2", "Hệ thống thông tin quản lý lưu học sinh")]
    clause_1, clause_2 = articles[0].children
    assert clause_1.content[0].text == "1. Nghị định này quy định về học bổng đi học ở nước ngoài."
    assert [p.content[0].text for p in clause_2.children] == ["a) Học phí;"]
    assert any(line.text == "Lưu học sinh khai báo trực tuyến trên hệ thống." for line in doc.lines)


def test_a_flat_unit_list_whose_texts_are_bodies(tmp_path):
    """A consultation database exports a draft as a "document" object (its kind, title and
    legal bases) beside a flat list of "units" linked by "parent_id", each with "unit_type",
    "label", "number", "heading" and its text under "body" (null for a chapter): read as the
    decree it is, not refused for having no text."""
    record = {
        "export_info": {"api_version": "v2", "unit_count": 4},
        "document": {"doc_type": "Nghị định", "title": "Quy định về quản lý giống gia cầm",
                     "preamble": ["Căn cứ Luật Chăn nuôi số 32/2018/QH14;"]},
        "units": [
            {"unit_id": "U1", "parent_id": None, "unit_type": "chapter", "label": "Chương I",
             "number": "I", "heading": "QUY ĐỊNH CHUNG", "body": None},
            {"unit_id": "U2", "parent_id": "U1", "unit_type": "article", "label": "Điều 1",
             "number": 1, "heading": "Phạm vi điều chỉnh",
             "body": "1. Nghị định này quy định về giống gia cầm.\n2. Không áp dụng với gia cầm cảnh."},
            {"unit_id": "U3", "parent_id": None, "unit_type": "chapter", "label": "Chương II",
             "number": "II", "heading": "CƠ SỞ DỮ LIỆU GIỐNG GIA CẦM", "body": None},
            {"unit_id": "U4", "parent_id": "U3", "unit_type": "article", "label": "Điều 2",
             "number": 2, "heading": "Cơ sở dữ liệu về giống gia cầm",
             "body": "Cơ sở ấp trứng cập nhật dữ liệu trực tuyến qua ứng dụng trên thiết bị di động."}],
        "closing": {"signature_block": "TM. CHÍNH PHỦ\nTHỦ TƯỚNG"}}
    doc = _loaded(tmp_path / "nd.json", record)
    assert doc.doc_kind == "decree"
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [
        ("I", "QUY ĐỊNH CHUNG"), ("II", "CƠ SỞ DỮ LIỆU GIỐNG GIA CẦM")]
    first, second = doc.units("article")
    assert [(p.kind, p.num) for p in first.children] == [("paragraph", "1"), ("paragraph", "2")]
    assert second.heading == "Cơ sở dữ liệu về giống gia cầm"
    assert doc.lines[0].text == "Căn cứ Luật Chăn nuôi số 32/2018/QH14;"


def test_units_of_every_level_of_the_hierarchy(tmp_path):
    """A code's export keeps its "Tiểu mục" (within a Mục) as units of their own ("loai": "Tiểu
    mục", or a "tieuMuc" list) and its khoản as Akoma Ntoso paragraphs ("loai": "paragraph"):
    the Tiểu mục is read as one, its articles inside it, and each khoản as a numbered clause."""
    record = {"van_ban": {"ten_van_ban": "Bộ luật Dân sự", "noi_dung": [
        {"loai": "Chương", "so": "XV", "ten": "HỢP ĐỒNG", "children": [
            {"loai": "Mục", "so": "7", "ten": "HỢP ĐỒNG THUÊ TÀI SẢN", "tieuMuc": [
                {"so": "1", "ten": "QUY ĐỊNH CHUNG VỀ HỢP ĐỒNG THUÊ TÀI SẢN", "dieu": [
                    {"so": "472", "ten": "Hợp đồng thuê tài sản", "children": [
                        {"loai": "paragraph", "so": "1", "noi_dung": "Thuê tài sản là sự thỏa thuận."},
                        {"loai": "paragraph", "so": "2", "noi_dung": "Giá thuê do các bên thỏa thuận."}]}]},
                {"loai": "Tiểu mục", "so": "2", "ten": "HỢP ĐỒNG THUÊ NHÀ Ở", "dieu": [
                    {"so": "473", "ten": "Hợp đồng thuê nhà ở",
                     "noi_dung": "Hợp đồng thuê nhà ở được áp dụng theo Luật Nhà ở."}]}]}]}]}}
    doc = _loaded(tmp_path / "bld.json", record)
    assert [(s.num, s.heading) for s in doc.units("subsection")] == [
        ("1", "QUY ĐỊNH CHUNG VỀ HỢP ĐỒNG THUÊ TÀI SẢN"), ("2", "HỢP ĐỒNG THUÊ NHÀ Ở")]
    first, second = doc.units("subsection")
    assert [a.num for a in first.children] == ["472"] and [a.num for a in second.children] == ["473"]
    assert [(p.num, p.content[0].text) for p in first.children[0].children] == [
        ("1", "1. Thuê tài sản là sự thỏa thuận."), ("2", "2. Giá thuê do các bên thỏa thuận.")]
