"""What the verdict and LS101 say about a law (issue 14): every reason names what was found, and
a law with incidental digital mentions is told what they are and why they are not enough."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import CORPUS, corpus_available
from lawscan.analyse import analyse
from lawscan.model import Line, Source
from lawscan.structure import parse_source

needs_corpus = pytest.mark.skipif(not corpus_available(), reason=f"corpus not found at {CORPUS}")


def parse_text(text: str):
    lines = [Line(unicodedata.normalize("NFC", t), k) for k, t in enumerate(text.splitlines(), 1) if t.strip()]
    return parse_source(Source(path="t.txt", format="txt", lines=lines))


WEBSITE = """\
LUẬT
BÁO CHÍ
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hoạt động báo chí.
Điều 2. Trang thông tin điện tử tổng hợp
Cơ quan báo chí được thiết lập trang thông tin điện tử tổng hợp theo quy định.
Chương II
ĐIỀU KHOẢN THI HÀNH
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.
"""


def test_a_website_title_reason_names_its_term():
    """A title is digital by a website or e-portal term, which is not a strong one: the reason
    listed only strong terms and read "Điều 2 title names " with nothing after it."""
    verdict = analyse(parse_text(WEBSITE))
    reasons = [r for r in verdict.reasons if r.code == "article_title"]
    assert [r.en for r in reasons] == ["Điều 2 title names trang thông tin điện tử"]
    assert reasons[0].vi == "Tên Điều 2 nói về trang thông tin điện tử"


@needs_corpus
def test_no_reason_of_the_corpus_ends_without_its_terms():
    from lawscan.pipeline import load_document

    for rel in ("html/tvpl-luat-cong-nghe-thong-tin-67-2006-qh11.html", "docx/vbpl-luat-104-2016-qh13.docx"):
        verdict = analyse(load_document(CORPUS / rel))
        for r in verdict.reasons:
            assert not r.en.rstrip().endswith("names") and not r.vi.rstrip().endswith("nói về"), r
