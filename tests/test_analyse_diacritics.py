"""A text written without Vietnamese diacritics: lawscan's terms and phrases carry them, so its
verdict cannot be trusted, and says so (marked for review, with the reason), whatever it is."""

from __future__ import annotations

import unicodedata

from conftest import parse_text

from lawscan.analyse import analyse_document
from lawscan.analyse.diacritics import lacks_diacritics

LAW = """LUẬT
PHÒNG, CHỐNG THIÊN TAI
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về phòng, chống thiên tai và cơ sở dữ liệu quốc gia về thiên tai.
Chương II
HỆ THỐNG THÔNG TIN VÀ CƠ SỞ DỮ LIỆU VỀ PHÒNG, CHỐNG THIÊN TAI
Điều 2. Hệ thống thông tin về phòng, chống thiên tai
1. Hệ thống thông tin được kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư.
2. Dữ liệu được cập nhật trực tuyến, bảo đảm an toàn thông tin mạng và bảo vệ dữ liệu cá nhân.
Điều 3. Cơ sở dữ liệu về phòng, chống thiên tai
1. Cơ sở dữ liệu được xây dựng trên nền tảng số, kết nối với hệ thống thông tin của các bộ.
2. Người dân tra cứu dữ liệu qua Cổng Dịch vụ công quốc gia và ứng dụng trên thiết bị di động.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 4. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
""" * 3  # long enough for the share of marked letters to tell


def _plain(text: str) -> str:
    """The text typed without diacritics ("Điều" -> "Dieu")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_a_text_without_diacritics_is_marked_for_review():
    marked = analyse_document(parse_text(LAW)).verdict
    assert marked.status == "dedicated_chapter" and not marked.review
    assert "no_diacritics" not in [r.code for r in marked.reasons]
    doc = parse_text(_plain(LAW))
    assert lacks_diacritics(doc)
    plain = analyse_document(doc).verdict
    assert plain.review and plain.confidence <= 0.3
    assert plain.applicable  # not "nothing to regulate": what it regulates cannot be read
    assert "no_diacritics" in [r.code for r in plain.reasons]


def test_an_english_act_is_not_a_vietnamese_text_without_diacritics():
    """Plain ASCII too, but its words are not Vietnamese syllables."""
    act = "\n".join(["PART 1", "Section 1. Interpretation",
                      "In this Act the following expressions have the meanings given to them.",
                      "Section 2. Processing of personal data by public authorities",
                      "A controller shall keep records of processing under its responsibility."] * 10)
    assert not lacks_diacritics(parse_text(act))
