"""A text's own short names for digital things ("(sau đây viết tắt là TTLNH)") count as the
things they stand for (lawscan.analyse.aliases), on circulars we wrote ourselves and, when the
corpus is there, on the pool's circular on the interbank electronic payment system."""

from __future__ import annotations

import pytest

from conftest import CORPUS, parse_text
from lawscan.analyse import analyse_document
from lawscan.analyse.aliases import digital_aliases
from lawscan.analyse.matcher import load_lexicon, scan

CIRCULAR = """\
THÔNG TƯ
QUY ĐỊNH VỀ HOẠT ĐỘNG THANH TOÁN GIỮA CÁC NGÂN HÀNG
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về hoạt động thanh toán giữa các ngân hàng.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. {definition}
2. Ngân hàng thành viên là ngân hàng mở tài khoản thanh toán tại Ngân hàng Nhà nước.
Chương II
THAM GIA VÀ RÚT KHỎI HỆ THỐNG {alias_upper}
Điều 3. Tham gia Hệ thống {alias}
1. Ngân hàng thành viên đăng ký tham gia Hệ thống {alias} với Ngân hàng Nhà nước.
2. Hồ sơ đăng ký gồm đơn đề nghị và văn bản cử người phụ trách.
Điều 4. Rút khỏi Hệ thống {alias}
1. Ngân hàng thành viên có văn bản đề nghị rút khỏi Hệ thống {alias}.
2. Ngân hàng Nhà nước chấp thuận trong thời hạn 10 ngày làm việc.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 5. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

ACRONYM = ("Thanh toán điện tử liên ngân hàng (sau đây viết tắt là TTĐTLNH) là quá trình xử lý "
           "các giao dịch thanh toán giữa các ngân hàng.")
WORDS = ("Hệ thống thanh toán điện tử liên ngân hàng quốc gia (sau đây gọi tắt là hệ thống liên "
         "ngân hàng quốc gia) là hệ thống do Ngân hàng Nhà nước vận hành.")
NOT_HEADED = ("Đơn vị kết nối với hệ thống thông tin của Ngân hàng Nhà nước (sau đây gọi là đơn vị "
              "liên ngân hàng) là ngân hàng thương mại được cấp mã kết nối.")
ONE_WORD = ("Hệ thống thanh toán điện tử liên ngân hàng quốc gia (sau đây gọi tắt là Hệ thống) là "
            "hệ thống do Ngân hàng Nhà nước vận hành.")
PLAIN = "Thanh toán liên ngân hàng là quá trình xử lý các giao dịch thanh toán giữa các ngân hàng."


def circular(definition: str, alias: str):
    return parse_text(CIRCULAR.format(definition=definition, alias=alias, alias_upper=alias.upper()))


@pytest.mark.parametrize("definition, alias, expected", [
    (ACRONYM, "TTĐTLNH", "TTĐTLNH"),
    (WORDS, "liên ngân hàng quốc gia", "hệ thống liên ngân hàng quốc gia"),
    (NOT_HEADED, "liên ngân hàng", None),
    (ONE_WORD, "", "Hệ thống"),
    (ONE_WORD.replace("là Hệ thống)", "là hệ thống)"), "", None),
    (PLAIN, "liên ngân hàng", None),
], ids=["acronym", "words", "full name not headed by the term", "a capitalised head noun alone",
        "a head noun alone in lower case", "no short name"])
def test_the_short_names_of_digital_things(definition, alias, expected):
    doc = circular(definition, alias)
    lex = load_lexicon()
    names = [a.term.text for a in digital_aliases(scan(doc, lex), lex)]
    assert names == ([expected] if expected else [])


@pytest.mark.parametrize("definition, alias, digital", [
    (ACRONYM, "TTĐTLNH", True),
    (NOT_HEADED, "liên ngân hàng", False),
    (PLAIN, "liên ngân hàng", False),
])
def test_a_chapter_named_by_the_short_name_is_judged_as_if_named_in_full(definition, alias, digital):
    """Chương II "THAM GIA VÀ RÚT KHỎI HỆ THỐNG TTĐTLNH" is the chapter on the electronic payment
    system when the text says what TTĐTLNH stands for; a short name of something else, or no
    definition at all, leaves it a chapter on membership."""
    verdict = analyse_document(circular(definition, alias)).verdict
    assert (verdict.chapters == ["II"]) == digital, (verdict.status, verdict.reasons)
    assert verdict.status == ("dedicated_chapter" if digital else "none")
    said = [(r.eid, r.vi) for r in verdict.reasons if r.code == "own_name"]
    assert said == ([("chp_I__art_2__para_1", "“TTĐTLNH” là tên gọi tắt văn bản đặt cho “Thanh toán "
                      "điện tử liên ngân hàng” (thanh toán điện tử): được đọc như tên đầy đủ.")]
                    if digital else [])


def test_a_short_name_of_one_or_two_syllables_counts_only_where_printed_with_its_capital():
    """"(sau đây gọi tắt là Hệ thống)" names the payment system: "Hệ thống" printed so, in a
    title or a line, is that system; "hệ thống" in lower case, or in a heading in capitals,
    stays a common noun (a two-syllable name matched without regard to case would make every
    "hệ thống" of the text digital)."""
    doc = parse_text(CIRCULAR.format(definition=ONE_WORD, alias="", alias_upper="")
                     + "Điều 6. Tổ chức thực hiện\nCác ngân hàng kiện toàn hệ thống kiểm soát nội bộ.\n")
    lex = load_lexicon()
    aliases = digital_aliases(scan(doc, lex), lex)
    assert [(a.term.text, a.term.cased) for a in aliases] == [("Hệ thống", True)]
    sc = scan(doc, lex.with_terms([a.term for a in aliases]))
    found = {u.eid: [h.term for h in sc.of(u).title_hits] + [h.term for _, hs in sc.of(u).line_hits if hs for h in hs]
             for u in doc.root.walk() if u.eid.startswith(("chp_II", "chp_III__art_6"))}
    assert found["chp_II__art_3"] == ["Hệ thống"]  # "Tham gia Hệ thống"
    assert found["chp_II__art_3__para_1"] == ["Hệ thống"]  # "… đăng ký tham gia Hệ thống …"
    assert found["chp_II"] == []  # "THAM GIA VÀ RÚT KHỎI HỆ THỐNG"
    assert found["chp_III__art_6"] == []  # "hệ thống kiểm soát nội bộ"
    assert lex.find("Tham gia Hệ thống") == []  # the shared lexicon is left alone


def test_the_lexicon_with_a_documents_terms_leaves_the_shared_one_alone():
    lex = load_lexicon()
    doc = circular(ACRONYM, "TTĐTLNH")
    analyse_document(doc)
    assert not lex.find("Hệ thống TTĐTLNH")


@pytest.mark.corpus
def test_the_interbank_payment_circular_reads_its_own_acronym():
    """The pool's circular 08/2024/TT-NHNN calls the interbank electronic payment system
    "Hệ thống TTLNH" after defining the acronym: its chapter on running that system
    (Chương VIII, labelled yes) is digital."""
    from lawscan.pipeline import load_document

    path = CORPUS / "pool" / "08-2024-tt-nhnn.json"
    if not path.is_file():
        pytest.skip("the corpus pool is not there")
    verdict = analyse_document(load_document(path)).verdict
    assert "VIII" in verdict.chapters
