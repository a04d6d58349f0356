"""Structure variants met in laws the parser had not seen (issue 14): small texts in the shape
that broke, and where the corpus has a public example, the same on the real file (skipped
without ../shared)."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import CORPUS, corpus_available
from lawscan.model import Line, Source
from lawscan.structure import parse_source

needs_corpus = pytest.mark.skipif(not corpus_available(), reason=f"corpus not found at {CORPUS}")


def parse_text(text: str, path: str = "t.txt"):
    lines = [Line(" ".join(unicodedata.normalize("NFC", t).split()), k)
             for k, t in enumerate(text.splitlines(), 1) if t.strip()]
    return parse_source(Source(path=path, format=path.rsplit(".", 1)[-1], lines=lines))


def outline(doc, kind="chapter"):
    return [(u.num, u.heading) for u in doc.units(kind)]


def codes(doc):
    return [p.code for p in doc.problems]


def corpus_doc(rel: str):
    from lawscan.pipeline import load_document

    return load_document(CORPUS / rel)


# ---------------------------------------------------------------- titles over many lines
FOUR_LINE_TITLE = """\
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về đất đai.
Chương II
GIÁM SÁT, THEO DÕI VÀ ĐÁNH GIÁ VIỆC QUẢN LÝ,
SỬ DỤNG ĐẤT ĐAI; THANH TRA, KIỂM TRA, KIỂM TOÁN;
GIẢI QUYẾT TRANH CHẤP, KHIẾU NẠI, TỐ CÁO VÀ
XỬ LÝ VI PHẠM PHÁP LUẬT VỀ ĐẤT ĐAI
Mục 1
GIÁM SÁT
Điều 2. Giám sát
Nội dung.
Chương III
ĐIỀU KHOẢN THI HÀNH
ĐIỀU KHOẢN CHUYỂN TIẾP KHÁC
TRÁCH NHIỆM
CÁC BỘ
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực.
"""


def test_a_title_left_unfinished_goes_on_past_three_lines():
    doc = parse_text(FOUR_LINE_TITLE)
    assert outline(doc)[1] == ("II", "GIÁM SÁT, THEO DÕI VÀ ĐÁNH GIÁ VIỆC QUẢN LÝ, SỬ DỤNG ĐẤT ĐAI; "
                               "THANH TRA, KIỂM TRA, KIỂM TOÁN; GIẢI QUYẾT TRANH CHẤP, KHIẾU NẠI, "
                               "TỐ CÁO VÀ XỬ LÝ VI PHẠM PHÁP LUẬT VỀ ĐẤT ĐAI")
    assert outline(doc, "section") == [("1", "GIÁM SÁT")]
    # a finished third line ends the title: what follows is the chapter's text
    assert outline(doc)[2] == ("III", "ĐIỀU KHOẢN THI HÀNH ĐIỀU KHOẢN CHUYỂN TIẾP KHÁC TRÁCH NHIỆM")


@needs_corpus
def test_land_law_chapter_xv_keeps_its_fourth_title_line():
    doc = corpus_doc("docx/vbpl-luat-31-2024-qh15.docx")
    title = dict(outline(doc))["XV"]
    assert title.endswith("TỐ CÁO VÀ XỬ LÝ VI PHẠM PHÁP LUẬT VỀ ĐẤT ĐAI")
