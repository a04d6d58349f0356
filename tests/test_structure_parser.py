"""Structure parser (stage 3) on small texts: every official layout, heading variants, inserted
units, the điểm alphabet, cross-references that start a line, amending-law quotations, headers
and drafts, numbering problems, and robustness."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawscan.model import Line, Source
from lawscan.structure import parse_source
from lawscan.structure.patterns import POINT_ALPHABET

FIX = Path(__file__).parent / "fixtures" / "structure"


def source_of(text: str, path: str = "t.txt") -> Source:
    lines = [Line(" ".join(unicodedata.normalize("NFC", t).split()), k)
             for k, t in enumerate(text.splitlines(), 1)]
    return Source(path=path, format=path.rsplit(".", 1)[-1], lines=lines)


def parse_text(text: str, path: str = "t.txt"):
    return parse_source(source_of(text, path))


def parse_fixture(name: str):
    return parse_source(source_of((FIX / name).read_text(encoding="utf-8"), name))


def kinds(doc, kind):
    return [u for u in doc.units(kind)]


def codes(doc):
    return [p.code for p in doc.problems]


# ------------------------------------------------------------------ the six layouts
LAYOUTS = {
    "a": ["part", "chapter", "section", "subsection"],
    "b": ["part", "chapter", "section"],
    "c": ["chapter", "section", "subsection"],
    "d": ["chapter", "section"],
    "đ": ["chapter"],
    "e": [],
}
ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def label(kind: str, n: int) -> str:
    """Printed heading of the n-th (1-based) unit; every other one in capitals."""
    text = {"part": f"Phần thứ {ORDINALS[n - 1]}", "chapter": f"Chương {ROMAN[n - 1]}",
            "section": f"Mục {n}", "subsection": f"Tiểu mục {n}"}[kind]
    return text.upper() if n % 2 == 0 else text


def layout_text(levels: list[str]) -> str:
    """Two units at every level; two articles in each innermost container. Parts, chapters and
    articles are numbered through the whole law; sections and subsections restart."""
    out = ["QUỐC HỘI", "Luật số: 1/2020/QH14", "LUẬT", "THỬ NGHIỆM"]
    counters = {"part": 0, "chapter": 0, "article": 0}

    def emit(depth: int):
        if depth == len(levels):
            for _ in range(2):
                counters["article"] += 1
                n = counters["article"]
                out.extend([f"Điều {n}. Quy định số {n}",
                            "1. Khoản một gồm:", "a) Điểm a;", "b) Điểm b.", "2. Khoản hai."])
            return
        kind = levels[depth]
        for k in range(1, 3):
            if kind in counters:
                counters[kind] += 1
                n = counters[kind]
            else:
                n = k
            out.extend([label(kind, n), f"TIÊU ĐỀ {kind.upper()} {n}"])
            emit(depth + 1)

    emit(0)
    return "\n".join(out)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_official_layout(layout):
    levels = LAYOUTS[layout]
    doc = parse_text(layout_text(levels))
    c = doc.counts()
    n_articles = 2 * 2 ** len(levels)
    assert c["articles"] == n_articles
    assert c["paragraphs"] == 2 * n_articles and c["points"] == 2 * n_articles
    for depth, kind in enumerate(levels):
        assert c[{"part": "parts", "chapter": "chapters", "section": "sections",
                  "subsection": "subsections"}[kind]] == 2 ** (depth + 1)
    # nesting: every article hangs under the innermost container kind
    for art in doc.units("article"):
        parent = next(u for u in doc.root.walk() if art in u.children)
        assert parent.kind == (levels[-1] if levels else "root")
    assert not [p for p in doc.problems if p.severity == "warning"], doc.problems
    eids = [u.eid for u in doc.root.walk() if u.kind != "root"]
    assert len(eids) == len(set(eids))
    last = doc.units("article")[-1]
    if "chapter" in levels:
        assert last.eid == f"chp_{ROMAN[doc.counts()['chapters'] - 1]}__art_{n_articles}"
    else:
        assert last.eid == f"art_{n_articles}"
    assert doc.units("point")[0].eid.endswith("__para_1__point_a")


def test_eids_of_sections_and_parts():
    doc = parse_text(layout_text(LAYOUTS["a"]))
    assert [u.eid for u in doc.units("part")] == ["part_1", "part_2"]
    assert [u.num for u in doc.units("part")] == ["thứ nhất", "thứ hai"]
    sub = doc.units("subsection")[-1]
    assert sub.eid == "chp_IV__sec_2__subsec_2"
    assert doc.units("section")[1].eid == "chp_I__sec_2"


# ------------------------------------------------------------------ chapter heading variants
@pytest.mark.parametrize("lines,num,title", [
    (["Chương I", "NHỮNG QUY ĐỊNH CHUNG"], "I", "NHỮNG QUY ĐỊNH CHUNG"),
    (["CHƯƠNG XII", "HỆ THỐNG THÔNG TIN"], "XII", "HỆ THỐNG THÔNG TIN"),
    (["Chương 9.", "QUY ĐỊNH CHUNG"], "9", "QUY ĐỊNH CHUNG"),
    (["Chương 1:", "QUY ĐỊNH CHUNG"], "1", "QUY ĐỊNH CHUNG"),
    (["Chương I - NHỮNG QUY ĐỊNH CHUNG"], "I", "NHỮNG QUY ĐỊNH CHUNG"),
    (["Chương XII HỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐẤT ĐAI"], "XII", "HỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐẤT ĐAI"),
    (["## Chương I - NHỮNG QUY ĐỊNH CHUNG"], "I", "NHỮNG QUY ĐỊNH CHUNG"),
    (["Chương XX", "CÁC TỘI XÂM PHẠM AN TOÀN CÔNG CỘNG,", "TRẬT TỰ CÔNG CỘNG"], "XX",
     "CÁC TỘI XÂM PHẠM AN TOÀN CÔNG CỘNG, TRẬT TỰ CÔNG CỘNG"),
    (["Chương V [Nội dung này được hướng dẫn bởi Nghị định 151/2025/NĐ-CP]", "QUY HOẠCH"], "V", "QUY HOẠCH"),
    # titles whose first word folds like a label before a letter that is a Roman digit: not "Phần
    # L" or "Mục X" misspelt
    (["Chương IV", "PHÂN LOẠI PHIM"], "IV", "PHÂN LOẠI PHIM"),
    (["Chương VI", "MỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC"], "VI", "MỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC"),
])
def test_chapter_heading_variants(lines, num, title):
    doc = parse_text("\n".join(lines + ["Điều 1. Phạm vi", "Nội dung."]))
    chapters = doc.units("chapter")
    assert [(c.num, c.heading) for c in chapters] == [(num, title)]
    assert chapters[0].children[0].kind == "article"
    assert chapters[0].children[0].content[0].text == "Nội dung."


def test_a_sentence_case_chapter_title_that_starts_with_the_word_dieu():
    """"Chương VIII. Điều khoản thi hành" (a title in sentence case on the heading's line) is a
    chapter: its "Điều" is a word, not a reference; "Chương II. Điều 5 của Luật này …" stays text."""
    text = ("## Chương VII. Xử lý vi phạm\n#### Điều 1. Xử lý vi phạm\nNội dung.\n"
            "## Chương VIII. Điều khoản thi hành\n#### Điều 2. Hiệu lực thi hành\nNội dung.\n")
    assert [(c.num, c.heading) for c in parse_text(text).units("chapter")] == [
        ("VII", "Xử lý vi phạm"), ("VIII", "Điều khoản thi hành")]
    ref = parse_text("Chương I. Quy định chung\nĐiều 1. Phạm vi\nNội dung.\n"
                     "Chương II. Điều 5 của Luật này được áp dụng.\nĐiều 2. Áp dụng\nNội dung.\n")
    assert [c.num for c in ref.units("chapter")] == ["I"]


def test_article_titles_printed_below_their_numbers():
    """Text taken from some PDFs prints an article's number alone and its title on the next
    line(s), with the page's number and running header where a page ended: the title is read
    (a wrapped one whole), the page furniture looked past, for a chapter's title too."""
    text = "\n".join([
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1.", "Phạm vi điều chỉnh",
        "Luật này quy định về hộ tịch và đăng ký hộ tịch trên môi trường điện tử.",
        "Điều 2.", "Ghi vào Sổ hộ tịch việc hộ tịch đã được giải quyết tại cơ quan",
        "có thẩm quyền của nước ngoài", "1. Việc khai sinh được ghi vào Sổ hộ tịch.",
        "DỰ THẢO 2 - 15/10/2026", "Chương II", "4", "DỰ THẢO 2 - 15/10/2026",
        "ĐĂNG KÝ HỘ TỊCH TRỰC TUYẾN", "Điều 3.", "7", "DỰ THẢO 2 - 15/10/2026",
        "Đăng ký khai sinh trực tuyến", "1. Người yêu cầu nộp hồ sơ trực tuyến."])
    doc = parse_text(text)
    assert [(u.num, u.heading) for u in doc.units("chapter")] == [
        ("I", "QUY ĐỊNH CHUNG"), ("II", "ĐĂNG KÝ HỘ TỊCH TRỰC TUYẾN")]
    assert [a.heading for a in doc.units("article")] == [
        "Phạm vi điều chỉnh",
        "Ghi vào Sổ hộ tịch việc hộ tịch đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài",
        "Đăng ký khai sinh trực tuyến"]
    assert doc.units("article")[0].content[0].text.startswith("Luật này quy định")


def test_untitled_articles_keep_their_first_sentence():
    """A constitution's untitled articles open with their text, a sentence (wrapped or not):
    it is not read as a title."""
    doc = parse_text("\n".join([
        "Điều 1", "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập, có chủ quyền, thống",
        "nhất và toàn vẹn lãnh thổ.", "Điều 2", "1. Nhà nước là nhà nước pháp quyền.",
        "Điều 3", "Nhà nước bảo đảm và phát huy quyền làm chủ của Nhân dân.",
        "Điều 4", "Đảng Cộng sản Việt Nam là lực lượng lãnh đạo Nhà nước và xã hội.",
        "Mọi tổ chức của Đảng hoạt động trong khuôn khổ Hiến pháp và pháp luật."]))
    assert [a.heading for a in doc.units("article")] == ["", "", "", ""]


def test_a_space_before_the_full_stop_after_an_article_number():
    """"Điều 12 . Đơn vị bầu cử" (text copied from a web page) is article 12; "Điều 5 . của Luật
    này" is not a heading."""
    doc = parse_text("Điều 11. Số đại biểu\nNội dung.\nĐiều 12 . Đơn vị bầu cử\nNội dung.\n"
                     "Điều 13 : Khu vực bỏ phiếu\ntheo quy định tại\nĐiều 5 . của Luật này.\n")
    assert [(a.num, a.heading) for a in doc.units("article")] == [
        ("11", "Số đại biểu"), ("12", "Đơn vị bầu cử"), ("13", "Khu vực bỏ phiếu")]


def test_a_lower_case_title_after_a_dash_that_starts_like_a_reference():
    """"Điều 38 - quy định chuyển tiếp": after a dash a lower-case title is read in sequence, also
    when it begins with a word that follows a reference in running text ("quy định"); "Điều 5 -
    của Luật này" is text."""
    doc = parse_text("Điều 1 - hiệu lực thi hành\n1. Luật này có hiệu lực.\n"
                     "Điều 2 - quy định chuyển tiếp\n1. Hồ sơ đã nộp được giải quyết tiếp.\n"
                     "Điều 3 - của Luật này được áp dụng.\n")
    assert [(a.num, a.heading) for a in doc.units("article")] == [
        ("1", "hiệu lực thi hành"), ("2", "quy định chuyển tiếp")]


def test_section_variants_and_title_on_next_line():
    doc = parse_text("\n".join([
        "Chương I", "QUY ĐỊNH CHUNG", "Mục 1. HỆ THỐNG", "Điều 1. A", "Mục 2", "CƠ SỞ DỮ LIỆU",
        "Điều 2. B", "MỤC 3: GIAO DỊCH ĐIỆN TỬ", "Điều 3. C"]))
    assert [(s.num, s.heading) for s in doc.units("section")] == [
        ("1", "HỆ THỐNG"), ("2", "CƠ SỞ DỮ LIỆU"), ("3", "GIAO DỊCH ĐIỆN TỬ")]
    assert [s.eid for s in doc.units("section")] == ["chp_I__sec_1", "chp_I__sec_2", "chp_I__sec_3"]
    assert doc.units("article")[2].eid == "chp_I__art_3"


def test_heading_without_title_is_a_problem():
    doc = parse_text("Chương I\nĐiều 1. A\nNội dung.")
    assert doc.units("chapter")[0].heading == ""
    assert "structure.heading_without_title" in codes(doc)


# ------------------------------------------------------------------ articles
def test_constitution_1946_dieu_thu_and_lettered_sections():
    doc = parse_fixture("constitution_1946.txt")
    assert [a.num for a in doc.units("article")] == ["1", "2", "3", "4"]
    assert all(a.heading == "" for a in doc.units("article"))
    assert [(s.num, s.heading) for s in doc.units("section")] == [("A", "NGHĨA VỤ"), ("B", "QUYỀN LỢI")]
    assert doc.find("chp_II__sec_A") is not None and doc.find("chp_II__art_3") is not None
    assert doc.doc_kind == "constitution"
    assert "structure.untitled_articles" in codes(doc)
    assert "LỜI NÓI ĐẦU" in doc.root.own_text()  # preamble stays in the root


def test_bare_articles_keep_their_text():
    doc = parse_fixture("constitution_bare.txt")
    arts = doc.units("article")
    assert [a.num for a in arts] == ["1", "2", "3"]
    assert arts[0].content[0].text.startswith("Nước Cộng hòa")
    assert [p.num for p in arts[1].children] == ["1", "2"]


def test_inserted_units():
    doc = parse_text("\n".join([
        "Điều 44. A", "1. Một.", "2. Hai.", "2a. Hai a:", "a) x;", "a1) x1;", "b) y;", "đ1) z.",
        "Điều 44a. Điều chèn", "Nội dung.", "Điều 45. B", "Nội dung."]))
    assert [a.num for a in doc.units("article")] == ["44", "44a", "45"]
    assert doc.find("art_44a") is not None
    para = doc.find("art_44__para_2a")
    assert [p.num for p in para.children] == ["a", "a1", "b", "đ1"]
    assert doc.find("art_44__para_2a__point_đ1") is not None
    assert not [p for p in doc.problems if p.code.startswith("structure.numbering") and p.severity == "warning"
                and p.line != 1]


def test_inserted_chapters():
    """"Chương IIa" (a consolidated text's inserted chapter, or one an amending law inserts) is a
    chapter numbered IIa, in sequence after Chương II; a title glued to a number stays upper case
    ("Chương IVTRÍ TUỆ")."""
    doc = parse_text("\n".join([
        "Chương I", "KINH DOANH", "Điều 1. A", "Nội dung.", "CHƯƠNG Ia", "KINH DOANH TRỰC TUYẾN",
        "Điều 1a. B", "Nội dung.", "Chương II. QUẢN LÝ", "Điều 2. C", "Nội dung.",
        "Chương IIITRÍ TUỆ NHÂN TẠO", "Điều 3. D", "Nội dung."]))
    assert [(c.num, c.heading, c.eid) for c in doc.units("chapter")] == [
        ("I", "KINH DOANH", "chp_I"), ("Ia", "KINH DOANH TRỰC TUYẾN", "chp_Ia"),
        ("II", "QUẢN LÝ", "chp_II"), ("III", "TRÍ TUỆ NHÂN TẠO", "chp_III")]
    assert not [p for p in doc.problems if p.code.startswith("structure.numbering") and "Chương" in p.message]


def test_point_alphabet_is_vietnamese():
    body = [f"{c}) điểm {c};" for c in POINT_ALPHABET]
    doc = parse_text("\n".join(["Điều 1. A", "1. Gồm:", *body, "f) không phải điểm."]))
    points = doc.units("point")
    assert [p.num for p in points] == POINT_ALPHABET
    assert "f) không phải điểm." in points[-1].own_text()  # "f)" is text, not a point
    assert not [p for p in doc.problems if p.code.startswith("structure.numbering")]


def test_glued_article_number_and_title():
    doc = parse_text("Điều 1. A\nx\nĐiều2. B\ny\nĐiều 3.C\nz")
    assert [(a.num, a.heading) for a in doc.units("article")] == [("1", "A"), ("2", "B"), ("3", "C")]


# ------------------------------------------------------------------ cross-references
def test_cross_references_that_start_a_line_are_not_headings():
    doc = parse_fixture("cross_references.txt")
    assert [c.num for c in doc.units("chapter")] == ["I", "II"]
    assert [a.num for a in doc.units("article")] == ["1", "2", "3", "4"]
    art2 = doc.find("chp_I__art_2")
    assert "Điều 76 của Bộ luật này" in art2.full_text()
    art3 = doc.find("chp_II__art_3")
    text = art3.own_text()
    for ref in ("Chương XIII và Chương XXVI", "Chương VI của Luật này.", "Điều 8, Điều 9",
                "Điều 5 Bộ luật này"):
        assert ref in text
    assert not [p for p in doc.problems if p.severity == "warning"], doc.problems
    assert doc.doc_kind == "code" and doc.title == "Bộ luật hình sự"


def test_out_of_sequence_reference_line_is_demoted_but_real_gap_is_kept():
    lines = ["Điều 1. A", "x", "Điều 2. B", "Điều 80. Trích dẫn lạc dòng", "Điều 3. C", "y",
             "Điều 6. D", "z", "Điều 7. E"]
    doc = parse_text("\n".join(lines))
    assert [a.num for a in doc.units("article")] == ["1", "2", "3", "6", "7"]
    assert "structure.reference_line" in codes(doc)
    gaps = [p for p in doc.problems if p.code == "structure.numbering_gap"]
    assert [p.line for p in gaps] == [7]


def test_duplicate_numbers_get_unique_eids_and_problems():
    doc = parse_text("Chương I\nA\nĐiều 1. A\nĐiều 2. B\nĐiều 2. B lặp\nĐiều 3. C")
    eids = [a.eid for a in doc.units("article")]
    assert eids == ["chp_I__art_1", "chp_I__art_2", "chp_I__art_2_dup2", "chp_I__art_3"]
    dup = [p for p in doc.problems if p.code == "structure.numbering_duplicate"]
    assert dup and dup[0].line == 5
    assert "structure.duplicate_eid" in codes(doc)


# ------------------------------------------------------------------ amending laws
def test_amending_law_quotes_are_their_own_tree():
    doc = parse_fixture("amending_law.txt")
    assert doc.doc_kind == "amending_law"
    assert doc.number == "43/2024/QH15" and doc.year == 2024 and doc.date == "2024-06-29"
    assert doc.issuer == "QUỐC HỘI"
    assert doc.title == "Luật sửa đổi, bổ sung một số điều của Luật Đất đai"
    c = doc.counts()
    assert (c["chapters"], c["articles"]) == (0, 2)
    assert [a.num for a in doc.units("article")] == ["1", "2"]

    q1 = doc.find("art_1__para_1__qstr_1")
    assert q1.kind == "quoted"
    assert q1.attrs == {"action": "amend", "target": "khoản 2 Điều 251",
                        "law": "Luật Đất đai số 31/2024/QH15"}
    assert [u.eid for u in q1.children] == ["art_1__para_1__qstr_1__para_2"]

    q2 = doc.find("art_1__para_2__qstr_1")
    assert q2.attrs["action"] == "insert" and q2.attrs["target"] == "Điều 16a"
    inserted = [u for u in q2.children if u.kind == "article"]
    assert [(u.num, u.eid) for u in inserted] == [("16a", "art_1__para_2__qstr_1__art_16a"),
                                                  ("16b", "art_1__para_2__qstr_1__art_16b")]
    assert doc.find("art_1__para_2__qstr_1__art_16a__para_2__point_b") is not None
    # nested quotes inside the quotation did not end it early
    assert "Hệ thống thông tin quốc gia" in inserted[0].full_text()
    assert inserted[1].content[0].text == "Cơ quan quản lý kết nối dữ liệu."

    # the instruction after the quotation is the amending law's own khoản again
    assert [p.num for p in doc.find("art_1").children if p.kind == "paragraph"] == ["1", "2", "3", "4"]
    q4 = doc.find("art_1__para_4__point_a__qstr_1")
    assert q4.attrs["target"] == "khoản 1 Điều 30" and q4.attrs["action"] == "amend"
    # quoted units are all reachable but not counted as the document's own
    assert len(doc.units("article", include_quoted=True)) == 4

    # the signature block is not text of the last article
    last = doc.find("art_2")
    assert "CHỦ TỊCH QUỐC HỘI" not in last.full_text()
    assert "Trần Thanh Mẫn" in doc.root.own_text()
    assert doc.meta["closing_line"] == 29  # "Luật này được Quốc hội ... thông qua"


def test_straight_quotes_and_quote_without_instruction():
    text = "\n".join([
        "Điều 1. Sửa đổi, bổ sung một số điều của Luật Dược",
        "1. Sửa đổi, bổ sung khoản 5 Điều 2 như sau:",
        '"5. Dược liệu là nguyên liệu làm thuốc.";',
        "2. Khoản thường.",
        "Điều 2. Giải thích",
        '"Dữ liệu" là thông tin số.'])
    doc = parse_text(text)
    q = doc.find("art_1__para_1__qstr_1")
    assert q is not None and q.attrs["law"] == "Luật Dược"
    assert q.children[0].content[0].text == "5. Dược liệu là nguyên liệu làm thuốc."
    assert doc.find("art_1__para_2") is not None
    # a quotation not announced by "...:" is ordinary text
    assert not [u for u in doc.find("art_2").children if u.kind == "quoted"]


# ------------------------------------------------------------------ header and drafts
def test_draft_header_markdown():
    doc = parse_fixture("draft_bill.md")
    assert doc.is_draft and doc.number is None
    assert doc.title == "Luật Chuyển đổi số" and doc.doc_kind == "law"
    assert [(c.num, c.heading) for c in doc.units("chapter")] == [
        ("I", "NHỮNG QUY ĐỊNH CHUNG"), ("II", "HẠ TẦNG SỐ")]
    assert doc.find("chp_II__sec_1__") is None and doc.find("chp_II__sec_1").heading == "HẠ TẦNG DỮ LIỆU"
    assert [p.num for p in doc.units("point")] == ["a", "đ"]


def test_header_title_from_capitals_and_hints():
    doc = parse_text("QUỐC HỘI\nLuật số: 31/2024/QH15\nHà Nội, ngày 18 tháng 01 năm 2024\nLUẬT\nĐẤT ĐAI\n"
                     "Căn cứ Hiến pháp;\nĐiều 1. A\nx")
    assert (doc.title, doc.number, doc.year, doc.date) == ("Luật Đất đai", "31/2024/QH15", 2024, "2024-01-18")
    src = source_of("Chương I\nA\nĐiều 1. A\nx", "r.json")
    src.meta = {"title": "Hiến pháp năm 1946", "date": "1946-11-09"}
    doc = parse_source(src)
    assert (doc.title, doc.year, doc.doc_kind) == ("Hiến pháp năm 1946", 1946, "constitution")


@pytest.mark.parametrize("header, title", [
    # a name kept capitalised once the capitals are put in sentence case
    ("QUỐC HỘI\nSố: 16/1999/QH10\nLUẬT\nCỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 16/1999/QH10 "
     "VỀ SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM", "Luật Sĩ quan Quân đội nhân dân Việt Nam"),
    # the number first, then what the law is about
    ("QUỐC HỘI\nSố: 18-L/CTN\nLUẬT\nSỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ", "Luật Dầu khí"),
    # the subject printed again under a name line that holds it
    ("QUỐC HỘI\nSố: 67/2006/QH11\nLUẬT CÔNG NGHỆ THÔNG TIN\nCÔNG NGHỆ THÔNG TIN", "Luật Công nghệ thông tin"),
    # the preamble's heading in capitals is not part of the title
    # (and a constitution's subject is no name: "nước" in lower case)
    ("QUỐC HỘI\nHIẾN PHÁP\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLỜI NÓI ĐẦU",
     "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    # a resolution's subject in capitals is put in lower case after its name, a province's name
    # keeps its capitals
    ("QUỐC HỘI\nSố: /2026/QH15\nNGHỊ QUYẾT\nTHÍ ĐIỂM MỘT SỐ CƠ CHẾ, CHÍNH SÁCH ĐẶC THÙ PHÁT TRIỂN "
     "THÀNH PHỐ HỒ CHÍ MINH", "Nghị quyết thí điểm một số cơ chế, chính sách đặc thù phát triển "
     "Thành phố Hồ Chí Minh"),
])
def test_header_titles_as_they_are_printed(header, title):
    doc = parse_text(header + "\nĐiều 1. Phạm vi\nx")
    assert doc.title == title


def test_consolidated_text():
    doc = parse_text("VĂN PHÒNG QUỐC HỘI\nSố: 126/VBHN-VPQH\nHà Nội, ngày 5 tháng 3 năm 2025\n"
                     "LUẬT\nĐẤU THẦU\nĐiều 1. A\nx\nĐiều 1a. B\ny")
    assert doc.doc_kind == "consolidated" and doc.number == "126/VBHN-VPQH" and doc.year == 2025
    assert doc.title == "Luật Đấu thầu (văn bản hợp nhất)"
    assert [a.num for a in doc.units("article")] == ["1", "1a"]


# ------------------------------------------------------------------ robustness
def test_never_refuses():
    for text in ["", "\n\n", "Chương", "Điều", "1.\n2.\na)", "”“”“", "Điều 1. A\n“mở mà không đóng:\nx"]:
        doc = parse_text(text)
        assert doc.root.kind == "root"
    doc = parse_text("")
    assert "structure.no_articles" in codes(doc)


_pieces = st.sampled_from(["Chương I", "CHƯƠNG IV", "Mục 2", "Phần thứ hai", "Điều 5.", "Điều 5a. X",
                           "1.", "2a. x", "a)", "đ1) x", "“", "”.", "như sau:", "QUỐC HỘI", "TIÊU ĐỀ",
                           "Luật này được Quốc hội thông qua", "PHỤ LỤC", "văn bản thường", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(_pieces, max_size=40))
def test_any_lines_give_a_tree_with_unique_eids(pieces):
    doc = parse_text("\n".join(pieces))
    eids = [u.eid for u in doc.root.walk() if u.kind != "root"]
    assert len(eids) == len(set(eids))
    n_lines = sum(1 for p in pieces if p.strip())
    seen = sum(len(u.content) for u in doc.root.walk())
    assert seen <= n_lines
    doc.to_dict()


def test_paragraph_number_glued_to_its_text():
    from lawscan.model import Line
    from lawscan.structure import parse_lines

    root = parse_lines([Line(t, i + 1) for i, t in enumerate([
        "Điều 43. Hình thức khen thưởng", "1.“Huân chương Lao động” được tặng cho tập thể;",
        "2.Bằng khen được tặng cho cá nhân.", "3. Giấy khen."])])
    art = root.children[0]
    assert [c.num for c in art.children] == ["1", "2", "3"]
