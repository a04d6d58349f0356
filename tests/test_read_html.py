"""HTML reader: vbpl.vn and thuvienphapluat.vn traps, other HTML, refusals."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from lawscan.errors import ReadError
from lawscan.normalise import normalise
from lawscan.read import read_source

READ = FIXTURES / "read"


def _texts(src):
    return [ln.text for ln in src.lines]


def test_vbpl_page():
    src = normalise(read_source(str(READ / "vbpl.html")))
    assert src.format == "html-vbpl"
    texts = _texts(src)
    # header table before the body, one line per cell paragraph of a one-cell table
    assert texts[:2] == ["QUỐC HỘI", "Số: 99/2025/QH15"]
    # anchor inside the heading, heading split over two <p>s kept as separate lines
    assert texts[texts.index("Chương I"):texts.index("Chương I") + 4] == [
        "Chương I", "NHỮNG QUY ĐỊNH", "CHUNG", "Điều 1. Phạm vi điều chỉnh"]
    assert "Luật này quy định về diện tích 5.000 m2 và" in texts and "dòng thứ hai." in texts
    assert texts[-2:] == ["STT | Tên", "1 | Cơ sở dữ liệu"]  # a table row is one line
    # no script, menu, footer, hidden text
    assert not any("99" in t and "Điều" in t for t in texts)
    assert not any(t in ("Trang chủ", "Bản quyền") or "Ẩn đi" in t for t in texts)
    assert src.meta["properties"] == {"Hiệu lực": "Còn hiệu lực", "Ngày có hiệu lực": "01/01/2026"}


def test_vbpl_line_numbers_point_at_the_block():
    src = read_source(str(READ / "vbpl.html"))
    source_lines = (READ / "vbpl.html").read_text(encoding="utf-8").splitlines()
    for line in src.lines:
        if line.text.startswith(("Chương", "Điều")):
            assert "<p" in source_lines[line.lineno - 1], line


def test_tvpl_page():
    src = normalise(read_source(str(READ / "tvpl.html")))
    assert src.format == "html-tvpl"
    texts = _texts(src)
    assert texts[0] == "QUỐC HỘI -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
    assert texts[1] == "Luật số: 98/2025/QH15 | Hà Nội, ngày 10 tháng 12 năm 2025"
    heading = next(ln for ln in src.lines if ln.text.startswith("Chương V"))
    assert heading.text == "Chương V QUY HOẠCH, KẾ HOẠCH SỬ DỤNG ĐẤT"
    assert "được hướng dẫn bởi" in heading.raw
    notes = [p for p in src.problems if p.code == "read.annotation"]
    assert len(notes) == 1 and notes[0].line == heading.lineno and notes[0].severity == "info"
    assert "Điều 1. Phạm vi điều chỉnh" in texts  # tooltip text not glued to the heading
    assert not any("được sửa đổi bởi" in t for t in texts)
    assert "Luật này quy định [xem mẫu số 1] về quy hoạch." in texts  # ordinary brackets stay


def test_a_bookmark_anchor_with_a_tooltip_class_keeps_its_text(tmp_path):
    """A tooltip's note is dropped; an <a name> bookmark whose class names a tooltip holds the
    heading itself, which stays."""
    page = (READ / "tvpl.html").read_text(encoding="utf-8").replace(
        "class='clsBookmark clsopentLogin'", "class='lqhlTootip-dieu_1'", 1)
    path = tmp_path / "tvpl.html"
    path.write_text(page, encoding="utf-8")
    texts = _texts(normalise(read_source(str(path))))
    assert "Điều 1. Phạm vi điều chỉnh" in texts
    assert not any("được sửa đổi bởi" in t for t in texts)
    assert "Điều 2.Đối tượng" in texts  # unclosed <p>: still one line per paragraph
    assert not any("Article" in t or "hướng dẫn sử dụng" in t for t in texts)  # English tab, hidden div


def test_generic_html_and_page_without_law(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav><p>Điều hướng: Trang chủ</p></nav><main><h1>LUẬT X</h1>"
                    "<h2>Chương I</h2><p>Điều 1. Một</p><ul><li>a) Điểm a</li></ul></main>"
                    "<footer><p>Điều khoản sử dụng</p></footer></body></html>", encoding="utf-8")
    src = normalise(read_source(str(page)))
    assert src.format == "html"
    assert _texts(src) == ["LUẬT X", "Chương I", "Điều 1. Một", "a) Điểm a"]

    empty = tmp_path / "404.html"
    empty.write_text("<html><head><title>Không tìm thấy</title></head><body><p>Trang không tồn tại.</p>"
                     "</body></html>", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(empty))
    assert err.value.code == "read.no_text" and "without law text" in err.value.reason


def test_html_recognised_by_content_not_extension(tmp_path):
    path = tmp_path / "luat.txt"
    shutil.copy(READ / "vbpl.html", path)
    assert read_source(str(path)).format == "html-vbpl"


def test_html_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-HTML", encoding="utf-8")
    page = tmp_path / "x.html"
    page.write_text(f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body>'
                    "<p>Điều 1. &xxe; hết</p></body></html>", encoding="utf-8")
    try:
        src = read_source(str(page))
    except ReadError:
        return
    assert not any("TOPSECRET" in ln.text for ln in src.lines)


def test_deeply_nested_html_is_refused(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 5000 + "<p>Điều 1. A</p>" + "</div>" * 5000 + "</body></html>",
                    encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(page))
    assert err.value.code == "read.depth"


def test_legacy_encoded_html(tmp_path):
    from lawscan.read.encoding import encode_legacy

    html = ("<html><head><meta charset='windows-1252'></head><body><p>Chương I</p>"
            "<p>Điều 1. Phạm vi điều chỉnh của luật này về công nghệ thông tin</p></body></html>")
    page = tmp_path / "old.htm"
    page.write_bytes(encode_legacy(html, "tcvn3"))
    src = normalise(read_source(str(page)))
    assert _texts(src) == ["Chương I", "Điều 1. Phạm vi điều chỉnh của luật này về công nghệ thông tin"]
    assert src.encoding == "tcvn3"


@pytest.mark.parametrize("cell", [
    "<td>1. Giao dịch được thực hiện trực tuyến<td>",  # a cell left open: the rest of the page is in it
    "<td>1. Giao dịch được thực hiện trực tuyến</td><td>",  # a layout cell holding the articles
])
def test_a_table_cell_holding_articles_is_read_as_blocks(tmp_path, cell):
    """A table whose cell holds paragraphs that open articles or chapters is page layout, not a
    record: its paragraphs stay lines of their own, so the articles and the chapter after it are
    all found (a cell left open used to swallow them into one line: 1 chapter, 2 articles)."""
    from lawscan.structure import parse_source

    page = ("<html><body><p>LUẬT<p>THỬ NGHIỆM<p>Chương I<p>QUY ĐỊNH CHUNG"
            "<p>Điều 1. Phạm vi<p>Luật này quy định thử nghiệm."
            f"<p>Điều 2. Giao dịch điện tử<table><tr>{cell}"
            "<p><b>Điều 3.</b> Hồ sơ<p>1. Nộp bản giấy trực tiếp tại cơ quan."
            "<p>Chương II<p>ĐIỀU KHOẢN THI HÀNH<p>Điều 4. Hiệu lực<p>Luật này có hiệu lực từ ngày 01/01/2027"
            "</td></tr></table></body></html>")
    path = tmp_path / "luat.html"
    path.write_text(page, encoding="utf-8")
    doc = parse_source(normalise(read_source(str(path))))
    assert [u.num for u in doc.units("chapter")] == ["I", "II"]
    assert [u.num for u in doc.units("article")] == ["1", "2", "3", "4"]


def test_a_data_table_row_stays_one_line(tmp_path):
    """A header table (cells of one or two paragraphs, none opening an article) is still read
    a row to a line."""
    page = ("<html><body><table><tr><td><p>QUỐC HỘI</p><p>Số: 99/2099/QH99</p></td>"
            "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr></table>"
            "<p>LUẬT<p>THỬ NGHIỆM<p>Điều 1. Phạm vi<p>Luật này quy định thử nghiệm.</body></html>")
    path = tmp_path / "luat.html"
    path.write_text(page, encoding="utf-8")
    texts = _texts(normalise(read_source(str(path))))
    assert texts[0] == ("QUỐC HỘI Số: 99/2099/QH99 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                        "Hạnh phúc")
