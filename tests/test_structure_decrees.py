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
