"""Metadata of decrees, circulars, resolutions and consolidated texts as the Official Gazette
prints them (lawscan.structure.metadata): the header shapes one by one on small texts, then
title, number, year, date, issuer and kind of the 30 Gazette PDFs of the research corpus against
the values read off each PDF by hand (tests/fixtures/metadata/gazette-pdfs.jsonl; skipped
without the corpus)."""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import CORPUS, FIXTURES
from lawscan.model import Line, Source
from lawscan.structure import parse_source

EXPECTED = [json.loads(line) for line in
            (FIXTURES / "metadata" / "gazette-pdfs.jsonl").read_text(encoding="utf-8").splitlines()]


def parse_text(text: str):
    lines = [Line(" ".join(unicodedata.normalize("NFC", t).split()), k)
             for k, t in enumerate(text.splitlines(), 1) if t.strip()]
    return parse_source(Source(path="t.txt", format="txt", lines=lines))


BODY = "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về thử nghiệm.\n"


def test_title_over_several_lines_up_to_the_preamble():
    doc = parse_text("CHÍNH PHỦ\nSố: 25/2026/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Hà Nội, ngày 30 tháng 4 năm 2026\nNGHỊ QUYẾT\nVề việc kéo dài thời hạn áp dụng "
                     "của Nghị định số 72/2026/NĐ-CP ngày 09\ntháng 3 năm 2026 của Chính phủ sửa đổi mức "
                     "thuế suất\nthuế nhập khẩu ưu đãi đối với một số mặt hàng xăng, dầu tại Biểu thuế ban "
                     "hành kèm theo Nghị định số\n26/2023/NĐ-CP ngày 31 tháng 5 năm 2023 của Chính phủ\n"
                     "Theo đề nghị của Bộ trưởng Bộ Tài chính;\nChính phủ ban hành Nghị quyết kéo dài.\n"
                     + BODY)
    assert doc.title.startswith("Nghị quyết về việc kéo dài thời hạn áp dụng")
    assert doc.title.endswith("Nghị định số 26/2023/NĐ-CP ngày 31 tháng 5 năm 2023 của Chính phủ")
    assert (doc.number, doc.year, doc.date, doc.doc_kind) == ("25/2026/NQ-CP", 2026, "2026-04-30",
                                                              "resolution")


def test_the_header_title_wins_over_the_enacting_sentence():
    doc = parse_text("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Số: 33/2026/TT-BTC Hà Nội, ngày 30 tháng 03 năm 2026\nTHÔNG TƯ\nQuy định về chế "
                     "độ tài chính của Bảo hiểm tiền gửi Việt Nam\nBộ trưởng Bộ Tài chính ban hành "
                     "Thông tư quy định chế độ tài chính của Bảo hiểm tiền gửi Việt Nam.\n" + BODY)
    assert doc.title == "Thông tư quy định về chế độ tài chính của Bảo hiểm tiền gửi Việt Nam"
    assert (doc.issuer, doc.number, doc.date) == ("BỘ TÀI CHÍNH", "33/2026/TT-BTC", "2026-03-30")


@pytest.mark.parametrize("header, sentence, title", [
    # the issuer named in a list that is the subject: not the issuer's signature
    ("NGHỊ QUYẾT\nQUY ĐỊNH CHI TIẾT VỀ TIẾP CÔNG DÂN\nCỦA CÁC CƠ QUAN CỦA QUỐC HỘI, ĐOÀN ĐẠI BIỂU "
     "QUỐC HỘI VÀ ĐẠI BIỂU QUỐC HỘI",
     "Ủy ban Thường vụ Quốc hội ban hành Nghị quyết quy định chi tiết về tiếp công dân của các cơ "
     "quan của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội.",
     "Nghị quyết quy định chi tiết về tiếp công dân của các cơ quan của Quốc hội, Đoàn đại biểu "
     "Quốc hội và đại biểu Quốc hội"),
    ("LUẬT\nHOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN",
     "Quốc hội ban hành Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân.",
     "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân"),
    # an older law's header signs with its issuer: that is cut off
    ("LUẬT\nGIAO DỊCH ĐIỆN TỬ CỦA QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Luật này quy định về giao dịch điện tử.", "Luật Giao dịch điện tử"),
])
def test_the_issuer_ends_a_header_title_only_when_nothing_of_the_subject_follows(header, sentence, title):
    doc = parse_text(f"QUỐC HỘI\n{header}\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     f"{sentence}\n" + BODY)
    assert doc.title == title


def test_an_amending_law_that_counts_the_laws_it_amends_is_cited_by_its_header():
    """"… CỦA 10 LUẬT CÓ LIÊN QUAN ĐẾN AN NINH, TRẬT TỰ": its enacting sentence lists the ten laws
    with their numbers; the law is cited by its header (as MANIFEST.tsv cites 35/2018/QH14)."""
    doc = parse_text("QUỐC HỘI\nLuật số: 38/2026/QH15\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA 10 LUẬT CÓ "
                     "LIÊN QUAN ĐẾN AN NINH, TRẬT TỰ\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Cư trú số 68/2020/QH14, "
                     "Luật Phòng, chống ma túy số 73/2021/QH14 và Luật Cảnh sát cơ động số 14/2022/QH15.\n"
                     "Điều 1. Sửa đổi, bổ sung một số điều của Luật Cư trú\n1. Sửa đổi khoản 4 Điều 2.\n")
    assert doc.title == "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự"


def test_what_amended_an_amended_law_is_no_part_of_a_title_without_a_header():
    """A record with no header (a portal's JSON of units) is titled by its enacting sentence,
    which says what has amended the law it amends since it was passed ("… đã được sửa đổi, bổ
    sung một số điều theo Luật số 26/2012/QH13 và Luật số 71/2014/QH13"): that is no part of the
    title (round 91's amending law of the Personal Income Tax Law)."""
    doc = parse_text("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật "
                     "sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân số 04/2007/QH12 đã được "
                     "sửa đổi, bổ sung một số điều theo Luật số 26/2012/QH13 và Luật số 71/2014/QH13.\n"
                     "Điều 1. Sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân\n"
                     "1. Sửa đổi khoản 1 Điều 3.\n")
    assert doc.title == "Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân"


def test_the_issuer_of_an_amended_decree_does_not_end_the_title():
    """"… CỦA NGHỊ ĐỊNH SỐ 69/2024/NĐ-CP NGÀY … CỦA CHÍNH PHỦ QUY ĐỊNH VỀ ĐỊNH DANH …": the issuer
    names the amended decree's, and what that decree regulates follows it (round 92's decree
    amending the electronic identification decree, titled up to "… năm 2024")."""
    doc = parse_text("CHÍNH PHỦ\nSố: /2026/NĐ-CP\nNGHỊ ĐỊNH\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ "
                     "69/2024/NĐ-CP NGÀY 25 THÁNG 6 NĂM 2024 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ ĐỊNH DANH VÀ XÁC "
                     "THỰC ĐIỆN TỬ\nCăn cứ Luật Tổ chức Chính phủ;\nChính phủ ban hành Nghị định sửa "
                     "đổi, bổ sung một số điều của Nghị định số 69/2024/NĐ-CP ngày 25 tháng 6 năm 2024 "
                     "của Chính phủ quy định về định danh và xác thực điện tử.\n" + BODY)
    assert doc.title == ("Nghị định sửa đổi, bổ sung một số điều của Nghị định số 69/2024/NĐ-CP ngày 25 "
                         "tháng 6 năm 2024 của Chính phủ quy định về định danh và xác thực điện tử")


def test_an_amending_circulars_title_keeps_the_number_of_the_circular_it_amends():
    """"THÔNG TƯ / SỬA ĐỔI, … CỦA THÔNG TƯ SỐ 27/2024/TT-BYT NGÀY … QUY ĐỊNH VỀ HỒ SƠ BỆNH ÁN": the
    number names the amended act (a law's own number in its header is cut off, not this)."""
    doc = parse_text("BỘ Y TẾ\nSố: 18/2026/TT-BYT\nTHÔNG TƯ\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ "
                     "27/2024/TT-BYT NGÀY 18 THÁNG 10 NĂM 2024 CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH VỀ HỒ SƠ BỆNH ÁN\n"
                     "Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;\nBộ trưởng Bộ Y tế ban hành Thông tư "
                     "sửa đổi, bổ sung một số điều của Thông tư số 27/2024/TT-BYT ngày 18 tháng 10 năm 2024 "
                     "của Bộ trưởng Bộ Y tế quy định về hồ sơ bệnh án.\n" + BODY)
    assert doc.title == ("Thông tư sửa đổi, bổ sung một số điều của Thông tư số 27/2024/TT-BYT ngày 18 "
                         "tháng 10 năm 2024 của Bộ trưởng Bộ Y tế quy định về hồ sơ bệnh án")


def test_a_joint_resolution_is_named_by_its_enacting_sentence():
    """"NGHỊ QUYẾT LIÊN TỊCH" is the name line as a whole ("LIÊN TỊCH" is no subject)."""
    doc = parse_text("ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNGHỊ QUYẾT LIÊN TỊCH\nQuy định về phối hợp tổ chức phản biện "
                     "xã hội\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nỦy ban Thường vụ Quốc "
                     "hội và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam ban hành Nghị quyết liên "
                     "tịch quy định về phối hợp tổ chức phản biện xã hội.\n" + BODY)
    assert (doc.title, doc.doc_kind) == ("Nghị quyết liên tịch quy định về phối hợp tổ chức phản biện xã hội",
                                         "resolution")


def test_a_councils_title_ends_at_the_enacting_body_and_is_spelt_as_its_preamble_says_it():
    """A People's Council resolution: its title in capitals, then "HỘI ĐỒNG NHÂN DÂN TỈNH …" and
    the session, which are not the title; its preamble cites it with its capitals ("Quy định",
    "Đông Lam")."""
    doc = parse_text("HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐÔNG LAM\nSố: 14/2026/NQ-HĐND\nNGHỊ QUYẾT\n"
                     "BAN HÀNH QUY ĐỊNH CHÍNH SÁCH HỖ TRỢ HỢP TÁC XÃ TRÊN ĐỊA BÀN TỈNH ĐÔNG LAM\n"
                     "HỘI ĐỒNG NHÂN DÂN TỈNH ĐÔNG LAM\nKHÓA XI, KỲ HỌP THỨ HAI\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
                     "Xét Tờ trình số 85/TTr-UBND của Ủy ban nhân dân tỉnh về dự thảo Nghị quyết ban hành "
                     "Quy định chính sách hỗ trợ hợp tác xã trên địa bàn tỉnh Đông Lam;\nQUYẾT NGHỊ:\n"
                     "Điều 1. Ban hành Quy định\nBan hành kèm theo Nghị quyết này Quy định chính sách.\n")
    assert doc.title == "Nghị quyết ban hành Quy định chính sách hỗ trợ hợp tác xã trên địa bàn tỉnh Đông Lam"


@pytest.mark.parametrize("official", ["BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC VIỆT NAM",
                                      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐÔNG LAM", "TỔNG KIỂM TOÁN NHÀ NƯỚC"])
def test_a_title_in_capitals_ends_at_the_official_who_enacts_it(official):
    """A decision or circular whose title is printed in capitals: the line of the official who
    enacts it, printed above the preamble, is not the title's last line."""
    doc = parse_text("BỘ CÔNG THƯƠNG\nSố: 873/QĐ-BCT\nQUYẾT ĐỊNH\n"
                     "QUY ĐỊNH QUY TRÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH CỦA NGƯỜI TIÊU DÙNG\n"
                     f"{official}\nCăn cứ Luật Bảo vệ quyền lợi người tiêu dùng ngày 20 tháng 6 năm 2023;\n"
                     "QUYẾT ĐỊNH:\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này quy định quy trình.\n")
    assert doc.title == "Quyết định quy định quy trình tiếp nhận, xử lý phản ánh của người tiêu dùng"


@pytest.mark.parametrize("article, title", [
    ("Điều 1. Phê duyệt Đề án phát triển dữ liệu ngành y tế giai đoạn 2026 - 2030 (sau đây gọi tắt "
     "là Đề án) với những nội dung chủ yếu sau:",
     "Quyết định phê duyệt Đề án phát triển dữ liệu ngành y tế giai đoạn 2026 - 2030"),
    # a first article that says something else leaves the header's words in sentence case
    ("Điều 1. Mục tiêu\nNâng cao chất lượng dữ liệu.",
     "Quyết định phê duyệt đề án phát triển dữ liệu ngành y tế giai đoạn 2026 - 2030"),
])
def test_a_decision_in_capitals_is_spelt_as_its_first_article_says_it(article, title):
    """A decision has no enacting sentence: its Điều 1 says what it decides, with the capitals
    the header's capitals hide ("Đề án" names the scheme)."""
    doc = parse_text("THỦ TƯỚNG CHÍNH PHỦ\nSố: 1438/QĐ-TTg\nQUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN "
                     "DỮ LIỆU NGÀNH Y TẾ GIAI ĐOẠN 2026 - 2030\nTHỦ TƯỚNG CHÍNH PHỦ\n"
                     "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n" + article)
    assert (doc.title, doc.doc_kind) == (title, "decision")


def test_a_decision_that_issues_a_text_with_itself_is_spelt_as_its_first_article_names_it():
    """"Ban hành kèm theo Quyết định này Quy chế …", the usual first article of a decision that
    issues a regulation, says the title's "BAN HÀNH QUY CHẾ …" with the capitals of "Quy chế"."""
    doc = parse_text("BỘ XÂY DỰNG\nSố: 412/QĐ-BXD\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ QUẢN LÝ HỒ SƠ CÔNG TRÌNH "
                     "CẦU ĐƯỜNG BỘ\nBỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Đường bộ ngày 27 tháng 6 năm "
                     "2024;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hồ sơ "
                     "công trình cầu đường bộ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    assert doc.title == "Quyết định ban hành Quy chế quản lý hồ sơ công trình cầu đường bộ"


def test_a_decision_about_issuing_a_text_is_spelt_as_its_first_article_names_it():
    """"VỀ VIỆC BAN HÀNH HƯỚNG DẪN …": the first article says what follows the title's "về việc"
    ("Ban hành kèm theo Quyết định này “Hướng dẫn …”"), with the capitals of the guideline's name
    and of a proper name the header's capitals hide."""
    doc = parse_text("BỘ Y TẾ\nSố: 1284/QĐ-BYT\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH HƯỚNG DẪN GIÁM SÁT BỆNH "
                     "SỐT XUẤT HUYẾT DENGUE\nBỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Luật Phòng bệnh ngày 10 tháng 12 "
                     "năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này “Hướng dẫn giám "
                     "sát bệnh sốt xuất huyết Dengue”.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    assert doc.title == "Quyết định về việc ban hành Hướng dẫn giám sát bệnh sốt xuất huyết Dengue"


@pytest.mark.parametrize("rule", ["____________", "-----------", "***", "_____ . _____"])
def test_the_rule_printed_under_a_decrees_title_ends_it(rule):
    doc = parse_text(f"CHÍNH PHỦ\nSố: /2026/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về Cơ sở dữ liệu "
                     f"quốc gia\nvề việc làm\n{rule}\nCăn cứ Luật Tổ chức Chính phủ;\n" + BODY)
    assert doc.title == "Nghị định quy định về Cơ sở dữ liệu quốc gia về việc làm"


def test_a_period_the_layout_wrapped_at_its_dash_stays_in_the_title():
    """pdftotext's "… giai đoạn 2026" / "- 2030" under "QUYẾT ĐỊNH": the period's end is the
    title's, the rule under it ends the title."""
    doc = parse_text("THỦ TƯỚNG CHÍNH PHỦ\nSố: /QĐ-TTg\nQUYẾT ĐỊNH\nPhê duyệt Chương trình Mỗi xã một "
                     "sản phẩm giai đoạn 2026\n- 2030\n––––––––\nTHỦ TƯỚNG CHÍNH PHỦ\n"
                     "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n" + BODY)
    assert doc.title == "Quyết định phê duyệt Chương trình Mỗi xã một sản phẩm giai đoạn 2026 - 2030"


@pytest.mark.parametrize("header, sentence, title", [
    ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI VÀ LUẬT NHÀ Ở",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 đã được sửa đổi, bổ sung "
     "một số điều theo Luật số 43/2024/QH15 và Luật Nhà ở số 27/2023/QH15 đã được sửa đổi, bổ sung "
     "một số điều theo Luật số 43/2024/QH15.",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở"),
    ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT QUY HOẠCH, LUẬT ĐẦU TƯ VÀ LUẬT ĐẤU THẦU",
     "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 21/2017/QH14 đã được sửa đổi, bổ sung "
     "một số điều theo Luật số 15/2023/QH15, Luật số 16/2023/QH15 và Luật số 28/2023/QH15; Luật Đầu "
     "tư số 61/2020/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 72/2020/QH14; Luật Đấu "
     "thầu số 22/2023/QH15.",
     "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu"),
    # the subject the amendments are about follows the last amending act (before: the sentence)
    ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT DƯỢC VỀ KINH DOANH DƯỢC",
     "Luật sửa đổi, bổ sung một số điều của Luật Dược số 105/2016/QH13 đã được sửa đổi, bổ sung "
     "một số điều theo Luật số 28/2018/QH14 và Luật số 44/2024/QH15 về kinh doanh dược.",
     "Luật sửa đổi, bổ sung một số điều của Luật Dược về kinh doanh dược"),
    # the sentence names another law than the header: the sentence is kept, its last number cut
    ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI VÀ LUẬT NHÀ Ở",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Kinh doanh bất "
     "động sản số 29/2023/QH15.",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Kinh doanh bất "
     "động sản"),
], ids=["two-laws", "laws-joined-by-semicolons", "about-a-subject", "sentence-names-more"])
def test_an_amending_laws_title_is_its_headers_when_the_sentence_adds_only_numbers(header, sentence, title):
    """The enacting sentence of an amending law names each amended law with its number and the
    laws that amended it since; the title is the header's, with the sentence's capitals."""
    doc = parse_text(f"QUỐC HỘI\nLuật số: /2026/QH15\nDỰ THẢO\nLUẬT\n{header}\n"
                     f"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành {sentence}\n"
                     "Điều 1. Sửa đổi, bổ sung một số điều của Luật Đất đai\n1. Sửa đổi khoản 2 Điều 3.\n")
    assert doc.title == title and doc.doc_kind == "amending_law"


def test_a_header_title_over_five_lines_and_amending_laws_listed_without_spaces():
    """An amending law of eight laws prints its title over five lines under "LUẬT", and its
    enacting sentence lists what amended one of them as "…, Luật số 72/2020/QH14,Luật số
    03/2022/QH15, …": the title is the whole header's, with the sentence's capitals (before: the
    header was read to its third line and the sentence, numbers and all, was the title)."""
    header = ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤU THẦU, LUẬT\nĐẦU TƯ THEO PHƯƠNG THỨC ĐỐI TÁC "
              "CÔNG TƯ, LUẬT HẢI\nQUAN, LUẬT THUẾ XUẤT KHẨU,\nTHUẾ NHẬP KHẨU, LUẬT ĐẦU TƯ, LUẬT ĐẦU TƯ "
              "CÔNG, LUẬT\nQUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG")
    sentence = ("Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu số 22/2023/QH15, Luật Đầu tư theo "
                "phương thức đối tác công tư số 64/2020/QH14, Luật Hải quan số 54/2014/QH13, Luật Thuế "
                "xuất khẩu, thuế nhập khẩu số 107/2016/QH13, Luật Đầu tư số 61/2020/QH14 đã được sửa "
                "đổi, bổ sung một số điều theo Luật số 72/2020/QH14,Luật số 03/2022/QH15,Luật số "
                "05/2022/QH15, Luật Đầu tư công số 58/2024/QH15, Luật Quản lý, sử dụng tài sản công số "
                "15/2017/QH14.")
    doc = parse_text(f"QUỐC HỘI\nLuật số: 90/2025/QH15\nLUẬT\n{header}\n"
                     f"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành {sentence}\n"
                     "Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu\n1. Sửa đổi khoản 2 Điều 3.\n")
    assert doc.title == ("Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương "
                         "thức đối tác công tư, Luật Hải quan, Luật Thuế xuất khẩu, thuế nhập khẩu, Luật "
                         "Đầu tư, Luật Đầu tư công, Luật Quản lý, sử dụng tài sản công")


def test_a_drafts_header_adds_sua_doi_to_the_enacting_sentence():
    """A replacing law's draft prints "LUẬT / QUY HOẠCH (SỬA ĐỔI)" over "Quốc hội ban hành Luật
    Quy hoạch.": the draft is "Luật Quy hoạch (sửa đổi)"."""
    doc = parse_text("QUỐC HỘI\nLuật số: /2026/QH15\nDỰ THẢO\nLUẬT\nQUY HOẠCH (SỬA ĐỔI)\n"
                     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     "Quốc hội ban hành Luật Quy hoạch.\nĐiều 1. Phạm vi điều chỉnh\n"
                     "Luật này quy định về quy hoạch.\n")
    assert doc.title == "Luật Quy hoạch (sửa đổi)" and doc.is_draft


@pytest.mark.parametrize("sentence, title", [
    ("Chính phủ ban hành Nghị định quy định chi tiết về tổ chức thực hiện Tổng\n"
     "điều tra nông thôn, nông nghiệp năm 2026.",
     "Nghị định quy định chi tiết về tổ chức thực hiện Tổng điều tra nông thôn, nông nghiệp năm 2026"),
    # a sentence that ends short of the header, not at a line break, is the title as it says it
    ("Chính phủ ban hành Nghị định quy định chi tiết về tổ chức thực hiện Tổng điều tra.",
     "Nghị định quy định chi tiết về tổ chức thực hiện Tổng điều tra"),
])
def test_an_enacting_sentence_a_line_break_cut_short_of_the_header(sentence, title):
    """A Gazette page's enacting sentence wrapped where the reader kept the break ("… thực hiện
    Tổng" / "điều tra …": proportional type, line lengths that say nothing of the wrap): the
    header in capitals, which goes on past it, is the title, the sentence keeps its capitals
    (before: "… tổ chức thực hiện Tổng")."""
    doc = parse_text("CHÍNH PHỦ\nSố: 58/2026/NĐ-CP\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT VỀ TỔ CHỨC THỰC HIỆN "
                     "TỔNG ĐIỀU TRA\nNÔNG THÔN, NÔNG NGHIỆP NĂM 2026\nCăn cứ Luật Thống kê;\n"
                     f"{sentence}\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
                     "Nghị định này quy định về Tổng điều tra.\n")
    assert doc.title == title


@pytest.mark.parametrize("under,title", [
    ("(SỬA ĐỔI)", "Luật Trách nhiệm bồi thường của Nhà nước (sửa đổi)"),
    ("(SỬA ĐỔI, BỔ SUNG)", "Luật Trách nhiệm bồi thường của Nhà nước (sửa đổi, bổ sung)"),
    # a parenthesis that is not a revision mark is no part of the title
    ("(DỰ THẢO 3)", "Luật Trách nhiệm bồi thường của Nhà nước"),
    ("(Dự thảo lấy ý kiến Nhân dân)", "Luật Trách nhiệm bồi thường của Nhà nước"),
])
def test_a_drafts_revision_mark_on_a_line_of_its_own(under, title):
    """"LUẬT" / the subject / "(SỬA ĐỔI)" on its own line, over "Quốc hội ban hành Luật Trách
    nhiệm bồi thường của Nhà nước.": the mark is the title's last line."""
    doc = parse_text(f"QUỐC HỘI\nLuật số: /2026/QH16\nDỰ THẢO\nLUẬT\nTRÁCH NHIỆM BỒI THƯỜNG CỦA NHÀ NƯỚC\n"
                     f"{under}\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     "Quốc hội ban hành Luật Trách nhiệm bồi thường của Nhà nước.\n"
                     "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về trách nhiệm bồi thường.\n")
    assert doc.title == title


@pytest.mark.parametrize("lines,sentence,title", [
    (["SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA", "BỘ LUẬT TỐ TỤNG DÂN SỰ"],
     "Luật sửa đổi, bổ sung một số điều của Bộ luật Tố tụng dân sự số 92/2015/QH13.",
     "Luật sửa đổi, bổ sung một số điều của Bộ luật Tố tụng dân sự"),
    (["SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI VÀ", "LUẬT NHÀ Ở"],
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Nhà ở số 27/2023/QH15.",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở"),
    # "CÁC" leaves a title unfinished as it leaves a wrapped sentence (the one list of such words)
    (["SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA CÁC", "LUẬT VỀ ĐẦU TƯ, KINH DOANH"],
     "Luật sửa đổi, bổ sung một số điều của các luật về đầu tư, kinh doanh.",
     "Luật sửa đổi, bổ sung một số điều của các luật về đầu tư, kinh doanh"),
])
def test_an_amended_acts_name_on_the_next_line_of_the_title(lines, sentence, title):
    """The header's title breaks where the name of the amended act begins ("… MỘT SỐ ĐIỀU CỦA" /
    "BỘ LUẬT TỐ TỤNG DÂN SỰ"): that line begins with a kind's name but goes on a title the line
    before leaves unfinished, so the title is not cut to "… một số điều của"."""
    header = "\n".join(lines)
    doc = parse_text(f"QUỐC HỘI\nLuật số: /2026/QH16\nDỰ THẢO\nLUẬT\n{header}\n"
                     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     f"Quốc hội ban hành {sentence}\n"
                     "Điều 1. Sửa đổi, bổ sung một số điều\n1. Sửa đổi khoản 2 Điều 3.\n")
    assert doc.title == title and doc.doc_kind == "amending_law"


@pytest.mark.parametrize("subject,title", [
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM (SỬA ĐỔI)", "Luật Ngân hàng Nhà nước Việt Nam (sửa đổi)"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Luật Ngân hàng Nhà nước Việt Nam"),
])
def test_a_law_whose_subject_is_an_issuers_name(subject, title):
    """A law about an institution that issues texts itself prints its name under "LUẬT": that
    line is the law's subject, not an issuer's line, so a draft's "(SỬA ĐỔI)" is kept as for
    any other law, and the enacting sentence's capitals are kept."""
    doc = parse_text(f"QUỐC HỘI\nLuật số: /2026/QH16\nDỰ THẢO\nLUẬT\n{subject}\n"
                     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     "Quốc hội ban hành Luật Ngân hàng Nhà nước Việt Nam.\nĐiều 1. Phạm vi điều chỉnh\n"
                     "Luật này quy định về tổ chức của Ngân hàng Nhà nước.\n")
    assert doc.title == title


@pytest.mark.corpus
def test_the_title_of_law_57_2024():
    """Law 57/2024/QH15 as the research corpus has it in .docx: its header is its title."""
    path = CORPUS / "docx" / "luat-sua-doi-quy-hoach-dau-tu-ppp-dau-thau-57-2024-qh15.docx"
    if not path.is_file():
        pytest.skip("the corpus is not there")
    from lawscan.pipeline import load_document

    assert load_document(path).title == ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật "
                                          "Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật "
                                          "Đấu thầu")


GAZETTE_PAGE = """CÔNG BÁO/Số 611 + 612/Ngày 12-5-2026 41
{section}
BỘ GIÁO DỤC VÀ ĐÀO TẠO - BỘ Y TẾ
Số: 08/2026/TTLT-BGDĐT-BYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 28 tháng 4 năm 2026
THÔNG TƯ LIÊN TỊCH
Quy định về sổ theo dõi sức khỏe học sinh điện tử
Căn cứ Luật Giáo dục số 43/2019/QH14;
Bộ trưởng Bộ Giáo dục và Đào tạo và Bộ trưởng Bộ Y tế ban hành Thông tư liên tịch.
Chương I
QUY ĐỊNH CHUNG
""" + BODY


@pytest.mark.parametrize("section", ["PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", "PHẦN II. VĂN BẢN HỢP NHẤT"])
def test_the_gazettes_section_over_a_text_taken_from_its_pdf_is_no_part(section):
    """pdftotext keeps the heading of the Gazette's own section ("PHẦN I. VĂN BẢN QUY PHẠM PHÁP
    LUẬT") above the document's header, which the PDF reader removes: it is no Phần of the
    circular, whose header then gives its title (before: a Phần, and no title)."""
    doc = parse_text(GAZETTE_PAGE.format(section=section))
    assert doc.counts()["parts"] == 0 and doc.counts()["chapters"] == 1
    assert doc.title == "Thông tư liên tịch quy định về sổ theo dõi sức khỏe học sinh điện tử"


def test_the_gazettes_section_in_the_issues_table_of_contents_is_no_part():
    """An issue's cover lists its documents under the Gazette's own sections, the first with
    the page column's "Trang" at the end of its line in `pdftotext -layout` ("PHẦN I. VĂN BẢN
    QUY PHẠM PHÁP LUẬT        Trang"): no Phần of the circular, whose header then gives its
    title (before: a Phần, and no title)."""
    cover = ("CÔNG BÁO\nSố 611 + 612\nNgày 12 tháng 5 năm 2026\nMỤC LỤC\n"
             "PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT                                    Trang\n"
             "BỘ GIÁO DỤC VÀ ĐÀO TẠO - BỘ Y TẾ\n"
             "28-4-2026   Thông tư liên tịch số 08/2026/TTLT-BGDĐT-BYT quy định về     41\n"
             "            sổ theo dõi sức khỏe học sinh điện tử\n")
    doc = parse_text(cover + GAZETTE_PAGE.format(section=""))
    assert doc.counts()["parts"] == 0 and doc.counts()["chapters"] == 1
    assert doc.title == "Thông tư liên tịch quy định về sổ theo dõi sức khỏe học sinh điện tử"


def test_a_part_of_the_document_is_still_one():
    doc = parse_text(GAZETTE_PAGE.format(section="CÔNG BÁO").replace(
        "Chương I\n", "PHẦN I\nNHỮNG QUY ĐỊNH CHUNG\nChương I\n"))
    assert [(p.num, p.heading) for p in doc.units("part")] == [("I", "NHỮNG QUY ĐỊNH CHUNG")]


@pytest.mark.parametrize("header, issuer", [
    ("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    ("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"),
    ("VĂN BẢN QUY PHẠM PHÁP LUẬT\nCHÍNH PHỦ\nCHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "CHÍNH PHỦ"),
    ("VĂN BẢN PHÁP LUẬT KHÁC\nBỘ KẾ HOẠCH VÀ ĐẦU TƯ\nBỘ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
     "BỘ KẾ HOẠCH VÀ ĐẦU TƯ"),
], ids=["split-ministry", "split-state-bank", "banner-issuer-twice", "banner-merged-columns"])
def test_issuer_lines_as_printed(header, issuer):
    doc = parse_text(header + "Số: 05/2023/TT-BLĐTBXH Hà Nội, ngày 15 tháng 6 năm 2023\nTHÔNG TƯ\n"
                     "Quy định về thử nghiệm\nCăn cứ Luật Thử nghiệm;\n" + BODY)
    assert doc.issuer == issuer and doc.number == "05/2023/TT-BLĐTBXH"


def test_header_columns_printed_after_the_preamble():
    doc = parse_text("THÔNG TƯ\nHướng dẫn việc kê khai thuế\nCăn cứ Luật Quản lý thuế số 38/2019/QH14;\n"
                     "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Số: 41/2026/TT-BTC Hà Nội, ngày 06 tháng 4 năm 2026\n" + BODY)
    assert (doc.title, doc.issuer, doc.number, doc.date) == (
        "Thông tư hướng dẫn việc kê khai thuế", "BỘ TÀI CHÍNH", "41/2026/TT-BTC", "2026-04-06")


def test_consolidated_text_authenticated_at_its_end():
    doc = parse_text("VĂN BẢN HỢP NHẤT -\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCHÍNH PHỦ\n"
                     "Số: 49/2018/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ ĐỊNH\nQuy định về "
                     "kiểm định chất lượng\nNghị định số 49/2018/NĐ-CP ngày 30 tháng 3 năm 2018 của Chính "
                     "phủ, có hiệu lực kể từ ngày 15 tháng 5 năm 2018 được sửa đổi, bổ sung bởi:\n"
                     "1. Nghị định số 15/2019/NĐ-CP ngày 01 tháng 02 năm 2019 của Chính phủ.\n"
                     "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về kiểm định.\n"
                     "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 1798/VBHN-BLĐTBXH\n"
                     "XÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 18 tháng 5 năm 2023\nKT. BỘ TRƯỞNG\n")
    assert (doc.number, doc.year, doc.date, doc.doc_kind) == ("1798/VBHN-BLĐTBXH", 2023, "2023-05-18",
                                                              "consolidated")
    assert doc.title == "Nghị định quy định về kiểm định chất lượng (văn bản hợp nhất)"
    assert doc.issuer == "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"


def test_a_law_passed_in_a_sentence_the_layout_wrapped_gets_its_date():
    doc = parse_text("QUỐC HỘI\nLuật số: 51/2024/QH15\nLUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nNội dung.\n"
                     "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV,\n"
                     "kỳ họp thứ 8 thông qua ngày 27 tháng 11 năm 2024.\nCHỦ TỊCH QUỐC HỘI\n")
    assert doc.date == "2024-11-27"


PDF = CORPUS / "pdf"


def _loose(text):
    """The title as words: one Gazette PDF's text layer glues two of them ("bởiLuật")."""
    return "".join((text or "").split())


@pytest.mark.skipif(not PDF.is_dir(), reason=f"no corpus PDFs at {PDF}")
@pytest.mark.parametrize("want", EXPECTED, ids=[w["file"][:40] for w in EXPECTED])
def test_gazette_pdf_metadata(want):
    from lawscan.pipeline import load_document

    doc = load_document(str(PDF / want["file"]))
    got = {"number": doc.number, "year": doc.year, "date": doc.date, "issuer": doc.issuer,
           "kind": doc.doc_kind}
    assert got == {k: want[k] for k in got}
    assert _loose(doc.title) == _loose(want["title"])


NA_RESOLUTION = ("QUỐC HỘI\nNghị quyết số: 47/2026/QH16\nNGHỊ QUYẾT\n"
                 "THÍ ĐIỂM CƠ CHẾ PHÁT TRIỂN VÙNG NGUYÊN LIỆU TẠI VÙNG ĐỒNG BẰNG SÔNG CỬU LONG\n"
                 "QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQUYẾT NGHỊ:\n"
                 "Điều 1. Phạm vi điều chỉnh\n1. Nghị quyết này quy định thí điểm cơ chế tại {where}.\n"
                 "Điều 2. Cơ sở dữ liệu vùng nguyên liệu\n1. Xây dựng cơ sở dữ liệu vùng nguyên liệu "
                 "vùng đồng bằng sông Cửu Long.\n2. {second}\n")


@pytest.mark.parametrize("where, second, title", [
    ("các tỉnh vùng đồng bằng sông Cửu Long", "Dữ liệu được cập nhật hằng năm.",
     "Nghị quyết thí điểm cơ chế phát triển vùng nguyên liệu tại vùng đồng bằng sông Cửu Long"),
    # in lower case once after a word in lower case: the text does not spell it as a name
    ("các tỉnh vùng đồng bằng sông Cửu Long", "Dữ liệu của vùng đồng bằng sông cửu long được cập nhật.",
     "Nghị quyết thí điểm cơ chế phát triển vùng nguyên liệu tại vùng đồng bằng sông cửu long"),
], ids=["a name the text spells", "spelt both ways"])
def test_a_title_in_capitals_spells_the_names_its_text_spells(where, second, title):
    """A resolution's title printed in capitals is put in sentence case; a name no list holds
    ("Cửu Long") is spelt as the text spells it after a word in lower case."""
    doc = parse_text(NA_RESOLUTION.format(where=where, second=second))
    assert doc.title == title


@pytest.mark.parametrize("body, title_ends", [
    ("Phát triển đô thị theo mô hình TOD quanh các nhà ga.", "theo mô hình TOD"),
    # written in lower case once: not an acronym of the text's
    ("Phát triển đô thị theo mô hình TOD, mô hình tod được ưu tiên.", "theo mô hình tod"),
], ids=["an acronym", "written both ways"])
def test_a_title_in_capitals_spells_the_acronyms_its_text_writes(body, title_ends):
    """An acronym of a title printed in capitals ("… THEO MÔ HÌNH TOD") stays in capitals when
    the text writes it so after a word in lower case and never in lower case (before: "mô hình
    tod")."""
    doc = parse_text("QUỐC HỘI\nNghị quyết số: 48/2026/QH16\nNGHỊ QUYẾT\nTHÍ ĐIỂM CƠ CHẾ PHÁT TRIỂN ĐÔ THỊ "
                     "THEO MÔ HÌNH TOD\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     f"QUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh\n1. {body}\n")
    assert doc.title == f"Nghị quyết thí điểm cơ chế phát triển đô thị {title_ends}"


def test_a_body_named_at_the_end_of_a_title_is_cut_only_when_it_is_the_issuer():
    """A Standing Committee resolution "… VÀ HỘI ĐỒNG TIẾP CÔNG DÂN CỦA QUỐC HỘI", whose issuer
    a PDF split over two lines ("ỦY BAN THƯỜNG VỤ QUỐC" / "HỘI"): the Assembly is named in the
    subject, not signing it (before: the title lost "của Quốc hội" and the issuer was unread)."""
    doc = parse_text("ỦY BAN THƯỜNG VỤ QUỐC\nHỘI\nNghị quyết số:\n/2026/UBTVQH15\nNGHỊ QUYẾT\n"
                     "QUY ĐỊNH VỀ TIẾP CÔNG DÂN CỦA ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG TIẾP CÔNG DÂN\n"
                     "CỦA QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                     "QUYẾT NGHỊ:\n" + BODY)
    assert doc.issuer == "ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    assert doc.title.endswith("và hội đồng tiếp công dân của Quốc hội"), doc.title
