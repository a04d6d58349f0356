"""A table of contents printed as text (lawscan.read.toc): a PDF's or a copied draft's "MỤC LỤC"
with dot leaders and page numbers is set apart, so its entries are not read as a second copy of
the headings; a form's dotted lines are not a table of contents."""

from __future__ import annotations

from lawscan.pipeline import load_document
from lawscan.read.toc import toc_runs

LAW = """QUỐC HỘI
LUẬT
THỬ NGHIỆM
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm.
Điều 2. Áp dụng Luật Thử nghiệm, pháp luật có liên quan và điều ước quốc tế
Việc áp dụng theo quy định của Luật này.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực từ ngày 01 tháng 7 năm 2026.
"""

TOC = """MỤC LỤC
Chương I QUY ĐỊNH CHUNG.......................................1
Điều 1. Phạm vi điều chỉnh....................................1
Điều 2. Áp dụng Luật Thử nghiệm, pháp luật có liên quan và
điều ước quốc tế..............................................1
Chương II TỔ CHỨC THỰC HIỆN..................................2
Điều 3. Hiệu lực thi hành.....................................
2
"""


def _structure(doc):
    return ([(u.kind, u.num, u.heading) for u in doc.units() if u.kind in ("chapter", "article")],
            doc.counts())


def test_a_printed_table_of_contents_is_set_apart(tmp_path):
    plain, with_toc = tmp_path / "luat.txt", tmp_path / "luat-muc-luc.txt"
    plain.write_text(LAW, encoding="utf-8")
    with_toc.write_text(LAW.replace("Chương I\n", TOC + "Chương I\n", 1), encoding="utf-8")
    want, got = load_document(plain), load_document(with_toc)
    assert _structure(got) == _structure(want)
    assert _structure(want)[1]["articles"] == 3
    skipped = [p for p in got.problems if p.code == "read.toc_skipped"]
    assert len(skipped) == 1 and skipped[0].severity == "info"
    # "MỤC LỤC" too; the entry whose title goes on in "điều ước quốc tế....1" is one line
    assert skipped[0].message == "a table of contents was skipped (7 lines, 4-11)"


def test_a_markdown_list_of_links_to_the_headings_is_a_table_of_contents(tmp_path):
    """A portal's Markdown export lists every heading as a link to its anchor: set apart, so the
    header and the enacting sentence after a long list (70 articles) are read as the document's
    head and give its title."""
    articles = range(1, 71)
    toc = "**MỤC LỤC**\n\n- [Chương I. QUY ĐỊNH CHUNG](#chuong-i)\n" + "".join(
        f"  - [Điều {k}. Nội dung thứ {k}](#dieu-{k})\n" for k in articles) + "\n"
    body = ("QUỐC HỘI\nLUẬT\nTHỬ NGHIỆM\nQuốc hội ban hành Luật Thử nghiệm.\nChương I\nQUY ĐỊNH CHUNG\n"
            + "".join(f"Điều {k}. Nội dung thứ {k}\nLuật này quy định nội dung thứ {k}.\n" for k in articles))
    plain, with_toc = tmp_path / "luat.md", tmp_path / "luat-muc-luc.md"
    plain.write_text(body, encoding="utf-8")
    with_toc.write_text(toc + body, encoding="utf-8")
    want, got = load_document(plain), load_document(with_toc)
    assert _structure(got) == _structure(want) and got.title == want.title == "Luật Thử nghiệm"
    assert [p.message for p in got.problems if p.code == "read.toc_skipped"] == [
        "a table of contents was skipped (72 lines, 1-73)"]
    # a list of links that are not headings is not one
    assert toc_runs(["- Xem Nghị định 13", "- Xem Thông tư 5", "- Xem Luật 24"],
                    ["- [Xem Nghị định 13](#a)", "- [Xem Thông tư 5](#b)", "- [Xem Luật 24](#c)"]) == []


def test_dotted_lines_of_a_form_are_not_a_table_of_contents():
    form = ["Mẫu số 01", "Họ và tên: ..........................", "Ngày ....... tháng ....... năm 2026",
            "Số điện thoại: ............................", "Địa chỉ: ........................ 12345",
            "Điều 1 của Quyết định ......", "Ký tên ..........."]
    assert toc_runs(form) == []


def test_leaders_without_unit_entries_are_not_a_table_of_contents():
    """An annex's list of forms with page numbers is not read as headings either way."""
    forms = ["Mẫu số 01. Tờ khai .................. 3", "Mẫu số 02. Đơn đề nghị ........... 4",
             "Mẫu số 03. Báo cáo ................. 5"]
    assert toc_runs(forms) == []
