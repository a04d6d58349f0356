"""Structure of decrees and circulars as the Official Gazette prints them: an amending circular
whose article title is the instruction ("Điều 15. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 17"
then the quoted new text, no ":"), a quotation whose closing ” the Gazette left out, and a khoản
printed without the full stop after its number ("1 Cá nhân …"). Small texts in those shapes, and
the same on the research corpus (skipped without it)."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import CORPUS
from lawscan.model import Line, Source
from lawscan.structure import parse_source


def parse_text(text: str, path: str = "t.txt"):
    lines = [Line(" ".join(unicodedata.normalize("NFC", t).split()), k)
             for k, t in enumerate(text.splitlines(), 1) if t.strip()]
    return parse_source(Source(path=path, format="txt", lines=lines))


AMENDING = """\
THÔNG TƯ
Sửa đổi, bổ sung một số điều của các Thông tư về thử nghiệm
Điều 1. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 17
“1. Trách nhiệm của Cục Thử nghiệm:
a) Tiếp nhận hồ sơ;
b) Theo dõi, kiểm tra.
2. Trách nhiệm của chi nhánh: báo cáo theo Thông tư này.”
Điều 2. Bổ sung Điều 4a vào sau Điều 4
“Điều 4a. Thẩm quyền xác nhận
1. Thẩm quyền xác nhận là của Giám đốc chi nhánh.
2. Việc chuyển hồ sơ thực hiện trong vòng 02 ngày làm việc.
Điều 3. Thay thế cụm từ
1. Thay thế cụm từ “Cục Thử nghiệm” bằng cụm từ “Cục Thử nghiệm và chi nhánh” tại Điều 5.
Điều 4. Sửa đổi, bổ sung khoản 2 Điều 6
“2. Hồ sơ được gửi trực tuyến.”
Điều 5. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày ký.
"""


def test_an_article_titled_as_an_instruction_carries_quoted_text():
    doc = parse_text(AMENDING)
    arts = doc.units("article")
    assert [a.num for a in arts] == ["1", "2", "3", "4", "5"]
    assert doc.counts()["paragraphs"] == 1  # Điều 3's own khoản; the quoted ones are not counted
    q1 = [u for u in arts[0].children if u.kind == "quoted"]
    assert len(q1) == 1 and [c.num for c in q1[0].children] == ["1", "2"]


def test_an_unclosed_quotation_ends_before_the_next_article_of_the_amending_text():
    """The Gazette printed Điều 2's new Điều 4a without its closing ”: the quotation stops
    before "Điều 3.", the next article of the circular itself (not at the first line ending
    with ”, Điều 4's quotation)."""
    doc = parse_text(AMENDING)
    art2 = doc.units("article")[1]
    (q,) = [u for u in art2.children if u.kind == "quoted"]
    assert [u.num for u in q.walk() if u.kind == "article"] == ["4a"]
    assert not [p for p in doc.problems if p.code.startswith("structure.numbering")]


POOL_PDF = CORPUS / "pdf" / "thong-tu-so-17-2026-tt-nhnn-469613.pdf"


@pytest.mark.skipif(not POOL_PDF.is_file(), reason=f"no corpus PDF at {POOL_PDF}")
def test_gazette_amending_circular_keeps_its_twenty_articles():
    """Thông tư 17/2026/TT-NHNN: article titles are the instructions; Điều 2's quotation has no
    closing ” in the Gazette."""
    from lawscan.pipeline import load_document

    doc = load_document(str(POOL_PDF))
    assert [a.num for a in doc.units("article")] == [str(n) for n in range(1, 21)]
    assert doc.counts()["chapters"] == 6
    assert not [p for p in doc.problems if p.code in ("refs.unresolved", "structure.numbering_gap")]


STOPLESS = """\
Điều 1. Quyền của cá nhân
1 Cá nhân có quyền yêu cầu xóa thông tin của mình.
2. Tổ chức lưu trữ thông tin có trách nhiệm thực hiện yêu cầu.
3 Trường hợp từ chối, tổ chức phải nêu rõ lý do.
Điều 2. Thời hạn
Việc xem xét được thực hiện trong thời hạn quy định.
10 Ngày làm việc là thời hạn tối đa.
Điều 3. Phí
1. Mức phí do Bộ Tài chính quy định.
3 Bộ trưởng hướng dẫn việc thu phí.
2 tháng một lần, tổ chức báo cáo.
"""


def test_khoan_printed_without_its_full_stop_is_read_in_sequence():
    doc = parse_text(STOPLESS)
    paras = {a.num: [c.num for c in a.children if c.kind == "paragraph"] for a in doc.units("article")}
    # Điều 1: "1 Cá nhân" at the start of the article and "3 Trường hợp" after khoản 2; Điều 2: a
    # number opening a sentence of running text; Điều 3: out of sequence, or before lower case
    assert paras == {"1": ["1", "2", "3"], "2": [], "3": ["1"]}
    assert "structure.stopless_paragraph" in [p.code for p in doc.problems]


CNTT = CORPUS / "html" / "tvpl-luat-cong-nghe-thong-tin-67-2006-qh11.html"


@pytest.mark.skipif(not CNTT.is_file(), reason=f"no corpus file {CNTT}")
def test_information_technology_law_gets_its_khoan_1_back():
    """Luật Công nghệ thông tin 2006, Điều 22: "1 Cá nhân có quyền yêu cầu …" (the reference
    "khoản 1 Điều này" in khoản 3 no longer names a khoản the text seemed to have lost)."""
    from lawscan.graph.build import reference_problems
    from lawscan.pipeline import load_document

    doc = load_document(str(CNTT))
    art22 = next(a for a in doc.units("article") if a.num == "22")
    assert [c.num for c in art22.children if c.kind == "paragraph"] == ["1", "2", "3"]
    reference_problems(doc)
    assert not [p for p in doc.problems if p.code.startswith("refs.") and p.line in
                {ln.lineno for u in art22.walk() for ln in u.content}]
