"""The PDF reader: Gazette layout taken off (running headers, page numbers, footnotes), wrapped
lines joined, page and line of every line, OCR of scanned pages, hostile PDFs.

The PDFs are made by the tests (tests/pdfmaker.py, a font with Vietnamese glyphs needed); the
real Official Gazette PDFs of ../shared/corpus/pdf are read in test_read_pdf_corpus.py."""

from __future__ import annotations

import io
import os

import pytest

from lawscan.errors import ReadError
from lawscan.read import read_source
from lawscan.read.pdflayout import Page, PageLine, lay_out

pdfium = pytest.importorskip("pypdfium2")
from pdfmaker import (LEFT, RIGHT, Text, font_path, gazette_page, make_pdf, minimal_pdf,  # noqa: E402
                      paragraph, scan_of)

needs_font = pytest.mark.skipif(font_path() is None, reason="no TrueType font with Vietnamese glyphs "
                                "(apt-get install fonts-dejavu-core)")

ARTICLE_1 = "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng của Nghị định về thử nghiệm"


def decree_pages() -> list[list[Text]]:
    """A decree of three pages: header, a chapter, three articles (one heading wrapped, a khoản
    wrapped across the page break, a note mark and its footnote), signature, an annex whose
    model form holds an "Điều 5"."""
    page1 = gazette_page(1, [
        Text("CHÍNH PHỦ", 140, 70, 13), Text("Số: 15/2026/NĐ-CP", 120, 95, 13),
        Text("NGHỊ ĐỊNH", 260, 130, 14), Text("Quy định về thử nghiệm có kiểm soát", 170, 150, 13),
        *paragraph(["Căn cứ Luật Tổ chức Chính phủ;"], 180),
        Text("Chương I", 270, 215, 13), Text("QUY ĐỊNH CHUNG", 240, 233, 13),
        *paragraph(["Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng của Nghị định", "về thử nghiệm"], 260),
        Text("Nghị định này quy định việc thử nghiệm có kiểm soát", LEFT + 28, 305, 13),
        Text("1", -1, 301, 8), Text(".", -1, 305, 13),
        *paragraph(["Điều 2. Nguyên tắc thử nghiệm"], 335),
        *paragraph(["1. Thử nghiệm được thực hiện trên môi trường số theo nguyên tắc công khai,"], 700)[:1],
        Text("1 Nghị định này được ban hành kèm theo Luật Thử nghiệm.", LEFT, 765, 9),
        Text("1", 297, 805, 10),
    ])
    page1[-4].justify = True  # the khoản goes on on the next page
    page2 = gazette_page(2, [
        Text("minh bạch và có kiểm soát.", LEFT, 70, 13),
        *paragraph(["2. Tổ chức tham gia thử nghiệm nộp hồ sơ trực tuyến qua Cổng Dịch vụ",
                    "công quốc gia và nhận kết quả bằng bản điện tử."], 90),
        *paragraph(["Điều 3. Hiệu lực thi hành"], 140),
        *paragraph(["Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2026 và", "được áp dụng "
                    "trên phạm vi cả nước."], 160),
        Text("TM. CHÍNH PHỦ", 380, 220, 13), Text("THỦ TƯỚNG", 392, 238, 13),
        Text("Nguyễn Văn An", 385, 300, 13),
        Text("2", 297, 805, 10),
    ])
    page3 = gazette_page(3, [
        Text("PHỤ LỤC", 270, 70, 13), Text("Mẫu số 01", 268, 90, 13),
        *paragraph(["Điều 5. Cam kết của tổ chức tham gia thử nghiệm"], 120),
        *paragraph(["Tổ chức cam kết thực hiện đúng phương án thử nghiệm."], 140),
    ])
    return [page1, page2, page3]


@pytest.fixture(scope="module")
def decree(tmp_path_factory):
    if font_path() is None:
        pytest.skip("no TrueType font with Vietnamese glyphs (apt-get install fonts-dejavu-core)")
    path = tmp_path_factory.mktemp("pdf") / "nghi-dinh-15-2026.pdf"
    path.write_bytes(make_pdf(decree_pages()))
    return path


def texts(source) -> list[str]:
    return [" ".join(line.text.split()) for line in source.lines]


# --------------------------------------------------------------------------- the text layer

def test_running_headers_and_page_numbers_removed(decree):
    source = read_source(str(decree))
    assert source.format == "pdf"
    assert not any("CÔNG BÁO" in t for t in texts(source))
    assert "1" not in texts(source) and "2" not in texts(source)
    assert source.meta["pdf"]["running_headers_removed"] == 5  # three headers, two page numbers


def test_wrapped_lines_joined_also_across_a_page_break(decree):
    lines = texts(read_source(str(decree)))
    assert ARTICLE_1 in lines  # a heading printed on two lines
    assert ("1. Thử nghiệm được thực hiện trên môi trường số theo nguyên tắc công khai, minh bạch "
            "và có kiểm soát.") in lines
    assert "Chương I" in lines and "QUY ĐỊNH CHUNG" in lines  # centred lines are not joined
    assert "TM. CHÍNH PHỦ" in lines and "THỦ TƯỚNG" in lines


def test_footnote_kept_apart_and_its_mark_taken_off(decree):
    source = read_source(str(decree))
    assert "Nghị định này quy định việc thử nghiệm có kiểm soát." in texts(source)
    assert source.meta["footnotes"] == [{"id": "1", "text": "Nghị định này được ban hành kèm theo "
                                         "Luật Thử nghiệm.", "kind": "footnote", "page": 1}]
    assert not any("ban hành kèm theo" in t for t in texts(source))


def test_line_numbers_point_to_page_and_line(decree):
    from lawscan.pipeline import load_document
    from lawscan.report.common import where

    doc = load_document(decree)
    starts = doc.meta["page_starts"]
    assert len(starts) == 3 and starts[0] == 1
    by_text = {" ".join(line.text.split()): line.lineno for line in doc.lines}
    second = by_text["2. Tổ chức tham gia thử nghiệm nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc "
                     "gia và nhận kết quả bằng bản điện tử."]
    assert doc.page_line(second) == (2, 2)  # line 1 of page 2 ends the khoản of page 1
    assert where(doc, second) == "trang 2, dòng 2"
    assert doc.page_line(by_text[ARTICLE_1])[0] == 1
    assert doc.page_line(by_text["Mẫu số 01"]) == (3, 2)


def test_structure_of_the_decree(decree):
    from lawscan.pipeline import load_document

    doc = load_document(decree)
    counts = doc.counts()
    assert (counts["chapters"], counts["articles"], counts["paragraphs"]) == (1, 3, 2)
    assert [u.num for u in doc.units("article")] == ["1", "2", "3"]  # not the form's "Điều 5"
    assert doc.units("article")[0].heading == ARTICLE_1.split(". ", 1)[1]
    closing = [line.text for line in doc.root.content if line.lineno >= doc.meta["closing_line"]]
    assert closing[0] == "TM. CHÍNH PHỦ" and "PHỤ LỤC" in closing and "Mẫu số 01" in closing
    assert doc.meta.get("annex_line")


def test_report_cites_page_and_line(decree, tmp_path):
    from click.testing import CliRunner

    from lawscan.cli import main

    result = CliRunner().invoke(main, ["scan", str(decree), "--no-config", "-f", "text", "--no-color"])
    assert result.exit_code in (0, 1), result.output
    assert "(trang " in result.output and ", dòng " in result.output


def test_json_and_sarif_give_page_and_line(decree, tmp_path):
    """The machine formats carry the printed place too: each finding's page and line on the page
    agree with the text line they point at, and JSON validates against its schema."""
    import json

    from click.testing import CliRunner

    from lawscan.cli import main
    from lawscan.pipeline import load_document

    doc = load_document(decree)
    out_json, out_sarif = tmp_path / "r.json", tmp_path / "r.sarif"
    for fmt, out in (("json", out_json), ("sarif", out_sarif)):
        res = CliRunner().invoke(main, ["scan", str(decree), "--no-config", "-f", fmt, "-o", str(out)])
        assert res.exit_code in (0, 1), res.output
    findings = json.loads(out_json.read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert findings
    for f in findings:
        page, line = doc.page_line(f["location_line"])
        assert f["location_page"] == {"page": page, "line": line}
    results = json.loads(out_sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    paged = [r for r in results if "page" in r.get("properties", {})]
    assert paged
    for r in paged:
        start = r["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert (r["properties"]["page"], r["properties"]["pageLine"]) == doc.page_line(start)


def test_folder_scan_reads_pdf_files(decree):
    from lawscan.pipeline import iter_inputs

    assert str(decree) in list(iter_inputs([decree.parent]))


# --------------------------------------------------------------------------- the layout alone

def _line(text, x0=LEFT, x1=300.0, top=100.0, size=13.0, marks=None):
    return PageLine(text, x0, x1, top, size, marks or [])


def test_gazette_header_removed_on_a_one_page_document():
    page = Page(1, 595, 842, [_line("CÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024 3", 210, 538, 28),
                              _line("Điều 1. Phạm vi", top=100), _line("Nội dung", top=120)])
    layout = lay_out([page])
    assert [t for t, _, _ in layout.lines] == ["Điều 1. Phạm vi", "Nội dung"]
    assert layout.headers == 1 and layout.page_starts == [1]


def test_repeated_footer_removed_but_not_a_line_printed_once():
    pages = [Page(n, 595, 842, [_line(f"Body {n}", x1=150 + 50 * n, top=100),
                                _line("Bộ Tư pháp - bản điện tử", top=820)]) for n in (1, 2, 3)]
    pages[0].lines.append(_line("Kết thúc", x1=420, top=60))  # in the top band but printed once
    layout = lay_out(pages)
    assert [t for t, _, _ in layout.lines] == ["Body 1", "Kết thúc", "Body 2", "Body 3"]


def test_joining_needs_full_line_and_left_start():
    right = RIGHT
    lines = [_line("Điều 7. Một điều có tiêu đề dài được in", LEFT + 28, right, 100),
             _line("trên hai dòng", LEFT, 200, 118),
             _line("1. Khoản một kết thúc bằng dấu chấm đúng ở lề phải.", LEFT + 28, right, 136),
             _line("2. Khoản hai.", LEFT, 200, 154),  # at the left edge, but a new numbered unit
             _line("Dòng ngắn", LEFT + 28, 250, 172),
             _line("không nối", LEFT, 200, 190),  # the line before ends short
             _line("Mã số TT\x02", LEFT, right, 208), _line("NHNN được giữ", LEFT, 200, 226)]
    layout = lay_out([Page(1, 595, 842, lines)])
    assert [t for t, _, _ in layout.lines] == [
        "Điều 7. Một điều có tiêu đề dài được in trên hai dòng",
        "1. Khoản một kết thúc bằng dấu chấm đúng ở lề phải.", "2. Khoản hai.", "Dòng ngắn",
        "không nối", "Mã số TT-NHNN được giữ"]
    assert [n for _, n, _ in layout.lines] == [1, 3, 4, 5, 6, 7]
    assert layout.lines[0][2] == "Điều 7. Một điều có tiêu đề dài được in\ntrên hai dòng"


def test_a_justified_line_whose_last_glyph_stops_short_of_the_edge_is_joined():
    """LibreOffice's PDFs: the box of a last "," or "m" ends up to a fifth of the font size
    before the right edge the other lines reach."""
    lines = [_line("Một dòng dài được căn đều hai bên kết thúc bằng dấu phẩy,", LEFT, RIGHT, 100),
             _line("dòng hai được căn đều hai bên tới lề phải của trang in thẩm", LEFT, RIGHT - 0.2 * 13, 118),
             _line("quyền nên được nối vào dòng trước.", LEFT, 300, 136),
             _line("Một dòng khác in đầy dòng tới lề phải.", LEFT, RIGHT, 154)]
    layout = lay_out([Page(1, 595, 842, lines)])
    assert [t for t, _, _ in layout.lines] == [
        "Một dòng dài được căn đều hai bên kết thúc bằng dấu phẩy, dòng hai được căn đều hai bên "
        "tới lề phải của trang in thẩm quyền nên được nối vào dòng trước.",
        "Một dòng khác in đầy dòng tới lề phải."]


def test_a_ragged_right_title_is_joined_when_its_next_word_would_not_have_fitted():
    """Article titles set ragged right: "… và điều ước" / "quốc tế, …" is one title (the word
    "quốc" would not have fitted in the room left); a line ending far from the edge, a sentence
    end, a new numbered unit or a capital does not continue."""
    size = 13.0
    room = 1.5 * size  # less than "quốc " at about half the font size per character
    body = [_line(f"Dòng {k} của một đoạn văn căn đều hai bên tới lề phải{'.' if k == 3 else ''}",
                  LEFT, RIGHT, 40 + 18 * k) for k in (1, 2, 3)]  # the column's right edge
    lines = body + [_line("Điều 3. Áp dụng Luật Đấu thầu, pháp luật có liên quan và điều ước", LEFT, RIGHT - room, 100),
             _line("quốc tế, thỏa thuận về vốn vay ưu đãi", LEFT, 330, 118),
             _line("1. Khoản một không kết thúc bằng dấu chấm mà kết thúc ở đây", LEFT, RIGHT - room, 136),
             _line("a) điểm a mở đầu bằng chữ thường", LEFT, 330, 154),
             _line("2. Khoản hai kết thúc bằng dấu chấm gần lề phải của trang.", LEFT, RIGHT - room, 172),
             _line("sau đó là một dòng chữ thường", LEFT, 330, 190),
             _line("Điều 4. Tên điều ngắn", LEFT, 250, 208),
             _line("dòng chữ thường này không nối", LEFT, 330, 226),
             _line("Điều 5. Một tên điều dài kết thúc gần lề phải của trang", LEFT, RIGHT - room, 244),
             _line("Ủy ban nhân dân viết hoa không nối", LEFT, 330, 262)]
    layout = lay_out([Page(1, 595, 842, lines)])
    assert [t for t, _, _ in layout.lines][1:] == [
        "Điều 3. Áp dụng Luật Đấu thầu, pháp luật có liên quan và điều ước quốc tế, thỏa thuận về "
        "vốn vay ưu đãi",
        "1. Khoản một không kết thúc bằng dấu chấm mà kết thúc ở đây", "a) điểm a mở đầu bằng chữ thường",
        "2. Khoản hai kết thúc bằng dấu chấm gần lề phải của trang.", "sau đó là một dòng chữ thường",
        "Điều 4. Tên điều ngắn", "dòng chữ thường này không nối",
        "Điều 5. Một tên điều dài kết thúc gần lề phải của trang", "Ủy ban nhân dân viết hoa không nối"]


def test_pdfium_in_word_hyphen_is_a_hyphen():
    """PDFium gives some hyphens inside a word as U+FFFE ("NĐ\ufffeCP"): a document number keeps
    its "-"."""
    layout = lay_out([Page(1, 595, 842, [_line("Căn cứ Nghị định số 262/2025/NĐ\ufffeCP;", LEFT, 300, 100)])])
    assert [t for t, _, _ in layout.lines] == ["Căn cứ Nghị định số 262/2025/NĐ-CP;"]


def test_the_gazettes_section_heading_at_the_top_of_a_page_is_removed():
    """"PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT" above a circular's header is the Gazette's, not a
    Phần of the circular; the same words lower on a page (a wrapped title) stay."""
    pages = [Page(1, 595, 842, [_line("CÔNG BÁO/Số 1021 + 1022/Ngày 15-10-2026 27", 210, 538, 28),
                                _line("PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", 180, 420, 80),
                                _line("BỘ XÂY DỰNG", LEFT, 200, 100)]),
             Page(2, 595, 842, [_line("VĂN BẢN HỢP NHẤT -", 220, 380, 80),
                                _line("Chương II", 250, 320, 100),
                                _line("THẨM QUYỀN BAN HÀNH", 220, 380, 118),
                                _line("VĂN BẢN QUY PHẠM PHÁP LUẬT", 200, 400, 136)])]
    layout = lay_out(pages)
    assert [t for t, _, _ in layout.lines] == ["BỘ XÂY DỰNG", "Chương II", "THẨM QUYỀN BAN HÀNH",
                                               "VĂN BẢN QUY PHẠM PHÁP LUẬT"]


def test_a_list_of_references_wrapped_after_a_semicolon_is_joined():
    """"… Điều 127; Điều 128;" / "Điều 129; Điều 131 Nghị định số 96/2023/NĐ-CP." is one list
    (its qualifier on the second line); "Điều 8. Hiệu lực" after a full line is a heading."""
    right = RIGHT
    lines = [_line("6. Không quy định điều kiện tại khoản 3 Điều 51; Điều 127; Điều 128;", LEFT + 28, right, 100),
             _line("Điều 129; Điều 131 Nghị định số 96/2023/NĐ-CP.", LEFT, 300, 118),
             _line("7. Khoản bảy được in đầy dòng và kết thúc bằng dấu chấm phẩy;", LEFT + 28, right, 136),
             _line("Điều 8. Hiệu lực thi hành", LEFT, 300, 154)]
    layout = lay_out([Page(1, 595, 842, lines)])
    assert [t for t, _, _ in layout.lines] == [
        "6. Không quy định điều kiện tại khoản 3 Điều 51; Điều 127; Điều 128; Điều 129; Điều 131 "
        "Nghị định số 96/2023/NĐ-CP.",
        "7. Khoản bảy được in đầy dòng và kết thúc bằng dấu chấm phẩy;", "Điều 8. Hiệu lực thi hành"]


# --------------------------------------------------------------------------- OCR

def _ocr_missing_reason():
    from lawscan.read.ocr import ocr_available

    return ocr_available()


needs_ocr = pytest.mark.skipif(_ocr_missing_reason() is not None,
                               reason=f"OCR not available: {_ocr_missing_reason()}")


def _words(lines) -> list[str]:
    return " ".join(lines).split()


def word_recall(expected: list[str], got: list[str]) -> float:
    """Share of the expected words found (with their diacritics) in the OCR'd words."""
    from collections import Counter

    want, have = Counter(expected), Counter(got)
    return sum(min(n, have[w]) for w, n in want.items()) / max(sum(want.values()), 1)


@needs_font
@needs_ocr
def test_scanned_page_made_by_the_test_is_read_by_ocr(tmp_path):
    text_pdf = make_pdf(decree_pages()[1:2])  # page 2: two khoản, an article, the signature
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_of(text_pdf, 0, dpi=200))
    assert not pdfium.PdfDocument(str(path))[0].get_textpage().get_text_bounded().strip()
    source = read_source(str(path))
    expected = texts(read_source(_write(tmp_path / "t.pdf", text_pdf)))
    got = texts(source)
    assert source.meta["ocr"]["pages"] == [1] and source.meta["ocr"]["language"] == "vie"
    assert source.meta["ocr"]["confidence"][1] > 80
    assert any(p.code == "read.pdf.ocr" and p.severity == "warning" for p in source.problems)
    assert word_recall(_words(expected), _words(got)) >= 0.95
    # the layout of the OCR'd lines is rebuilt too: header gone, wrapped lines joined
    assert not any("CÔNG BÁO" in t for t in got)
    assert ("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2026 và được áp dụng trên "
            "phạm vi cả nước.") in got
    from lawscan.pipeline import load_document

    assert load_document(path).ocr_pages == [1]


def _tsv(lines: list[list[tuple]]) -> str:
    """Tesseract's TSV for lines of words (text, left, width, height, confidence)."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    for n, words in enumerate(lines, 1):
        for k, (text, left, width, height, conf) in enumerate(words, 1):
            rows.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{100 * n}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows) + "\n"


def test_ocr_specks_are_dropped_and_misread_roman_numbers_mended():
    """What Tesseract made of a scanned draft's chapter headings (the boxes and confidences as it
    gave them): specks read as "È", "š", "-" go; "Chương Ï", "Chương TV", "Chương IHI" are
    "Chương I", "IV", "III";
    a real dash, "Chương 1" and "Chương trình" stay as printed."""
    from lawscan.read.ocr import _tsv_lines

    tsv = _tsv([[("È", 527, 19, 7, 0), ("Chương", 1144, 232, 54, 96), ("II", 1399, 46, 41, 93)],
                [("š", 564, 19, 7, 50), ("Chương", 1140, 231, 51, 93), ("III", 1393, 71, 40, 90),
                 ("ề", 1923, 18, 7, 0)],
                [("Chương", 1141, 232, 53, 93), ("TV", 1396, 66, 40, 72), ("-", 1572, 19, 8, 0)],
                [("Chương", 1160, 231, 51, 92), ("Ï", 1413, 21, 40, 80)],
                [("Chương", 1160, 231, 51, 92), ("IHI", 1413, 60, 40, 85)],
                [("Độc", 900, 80, 50, 93), ("lập", 990, 70, 50, 93), ("-", 1070, 19, 8, 93),
                 ("Tự", 1100, 50, 50, 93), ("do", 1160, 50, 40, 93)],
                [("Chương", 300, 232, 53, 93), ("1", 540, 20, 40, 90)],
                [("Chương", 300, 232, 53, 93), ("trình", 540, 120, 50, 90), ("mục", 670, 90, 50, 90),
                 ("tiêu", 770, 90, 50, 90)]])
    lines, _ = _tsv_lines(tsv, 300 / 72)
    assert [line.text for line in lines] == ["Chương II", "Chương III", "Chương IV", "Chương I",
                                             "Chương III", "Độc lập - Tự do", "Chương 1",
                                             "Chương trình mục tiêu"]


def _write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _without_tools(monkeypatch, tmp_path):
    from lawscan.read import ocr

    empty = tmp_path / "no-tools"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))
    ocr.ocr_available.cache_clear()
    monkeypatch.setattr(ocr, "ocr_available", ocr.ocr_available.__wrapped__)


@needs_font
def test_scanned_pdf_without_ocr_engine_is_refused_with_how_to_install(tmp_path, monkeypatch):
    path = _write(tmp_path / "scan.pdf", scan_of(make_pdf(decree_pages()[:1]), 0, dpi=100))
    _without_tools(monkeypatch, tmp_path)
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.code == "read.ocr_missing"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in str(err.value)
    assert str(err.value).startswith(path) and "\n" not in str(err.value)


@needs_font
def test_some_scanned_pages_without_ocr_engine_read_the_rest(tmp_path, monkeypatch):
    text_pdf = make_pdf(decree_pages())
    scan = pdfium.PdfDocument(scan_of(text_pdf, 1, dpi=100))
    mixed = pdfium.PdfDocument(text_pdf)
    mixed.del_page(1)
    mixed.import_pages(scan, index=1)
    out = io.BytesIO()
    mixed.save(out)
    path = _write(tmp_path / "mixed.pdf", out.getvalue())
    _without_tools(monkeypatch, tmp_path)
    source = read_source(path)
    assert source.meta["unread_pages"] == [2] and "ocr" not in source.meta
    assert any(p.code == "read.pdf.ocr_missing" for p in source.problems)
    assert ARTICLE_1 in texts(source)


# --------------------------------------------------------------------------- hostile PDFs

TEXT = b"BT /F1 12 Tf 72 700 Td (Dieu 1. Pham vi dieu chinh) Tj ET\n"


def test_javascript_in_a_pdf_is_never_run(tmp_path):
    # PDFium's form environment (where a PDF's JavaScript would run) is never initialised and the
    # pypdfium2 wheels carry no JavaScript engine: the text is read, the action is ignored.
    source = read_source(_write(tmp_path / "js.pdf", minimal_pdf(TEXT, javascript=True)))
    assert texts(source) == ["Dieu 1. Pham vi dieu chinh"]


def test_decompression_bomb_refused(tmp_path):
    # PDFium inflates it in its own process, whose memory is capped (tests/test_hostile_pdfs.py)
    path = _write(tmp_path / "bomb.pdf", minimal_pdf(TEXT + b" " * (300 * 1024 * 1024)))
    assert os.path.getsize(path) < 1_000_000
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.code == "read.pdf_reader" and "MB of memory" in str(err.value)
    assert str(err.value).startswith(path) and "decompression bomb?" in str(err.value)


def test_thousands_of_pages_refused(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(2500):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    path = _write(tmp_path / "pages.pdf", out.getvalue())
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.code == "read.too_large" and "2500" in str(err.value)
    with pytest.raises(ReadError, match=r"too many pages \(2500; the limit is 100 pages\)"):
        read_source(path, {"max_pages": 100})


@pytest.mark.parametrize("data,code", [
    (minimal_pdf(TEXT)[:300], "read.pdf_broken"),  # truncated
    (b"%PDF-1.4\n" + os.urandom(2000), "read.pdf_broken"),
], ids=["truncated", "random-bytes"])
def test_broken_pdf_gives_one_line_error(tmp_path, data, code):
    path = _write(tmp_path / "broken.pdf", data)
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.code == code
    assert str(err.value).startswith(path) and "\n" not in str(err.value)


def test_pdf_with_no_text_and_no_image_is_empty(tmp_path):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    with pytest.raises(ReadError) as err:
        read_source(_write(tmp_path / "blank.pdf", out.getvalue()))
    assert err.value.code == "read.empty"


def test_a_bad_pdf_does_not_stop_the_run(tmp_path):
    from lawscan.pipeline import iter_documents

    _write(tmp_path / "a-broken.pdf", b"%PDF-1.4\nnot really")
    (tmp_path / "b-luat.txt").write_text("Điều 1. Phạm vi\nNội dung.\n", encoding="utf-8")
    errors = []
    docs = list(iter_documents([tmp_path], errors))
    assert [os.path.basename(d.path) for d in docs] == ["b-luat.txt"]
    assert len(errors) == 1 and errors[0].path.endswith("a-broken.pdf")


@needs_font
def test_a_pdf_read_without_ocr_is_not_cached(tmp_path, monkeypatch):
    """Installing Tesseract must change the next run: the poorer result is not kept."""
    from lawscan.cache import ParseCache
    from lawscan.pipeline import load_document

    path = _write(tmp_path / "scan.pdf", scan_of(make_pdf(decree_pages()[:2]), 1, dpi=100))
    text = _write(tmp_path / "text.pdf", make_pdf(decree_pages()[:1]))
    cache = ParseCache(tmp_path / "cache")
    cache.load(text, load_document)
    stored = len(list((tmp_path / "cache").rglob("*.json")))
    assert stored == 1
    _without_tools(monkeypatch, tmp_path)
    with pytest.raises(ReadError):
        cache.load(path, load_document)  # scanned only: an error, never cached
    mixed = pdfium.PdfDocument(text)
    mixed.import_pages(pdfium.PdfDocument(path))
    out = io.BytesIO()
    mixed.save(out)
    doc = cache.load(_write(tmp_path / "mixed.pdf", out.getvalue()), load_document)
    assert doc.meta["unread_pages"] == [2] and doc.meta["degraded"]
    assert len(list((tmp_path / "cache").rglob("*.json"))) == stored
