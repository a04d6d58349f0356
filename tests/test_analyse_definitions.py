"""The terms a text defines as digital things ("Lý lịch nghề nghiệp số là … lưu trữ dưới dạng
dữ liệu điện tử") count as digital terms in that text (lawscan.analyse.definitions), on circulars
we wrote ourselves."""

from __future__ import annotations

import pytest

from conftest import parse_text
from lawscan.analyse import analyse_document
from lawscan.analyse.definitions import digital_definitions
from lawscan.analyse.matcher import load_lexicon
from lawscan.analyse.outline import Outline

CIRCULAR = """\
BỘ NỘI VỤ
Số: 08/2026/TT-BNV
THÔNG TƯ
Quy định về lý lịch nghề nghiệp số của viên chức
Căn cứ Luật Viên chức;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về lý lịch nghề nghiệp số của viên chức.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc lập, cập nhật và khai thác lý lịch nghề nghiệp số của viên chức.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. {definition}
2. Đơn vị sử dụng viên chức là đơn vị sự nghiệp công lập trực tiếp quản lý viên chức.
Chương II
LẬP VÀ CẬP NHẬT LÝ LỊCH NGHỀ NGHIỆP SỐ
Điều 3. Lập lý lịch nghề nghiệp số
1. Đơn vị sử dụng viên chức lập lý lịch nghề nghiệp số cho viên chức khi tuyển dụng.
2. Viên chức kê khai trung thực các thông tin của mình.
Điều 4. Cập nhật lý lịch nghề nghiệp số
1. Lý lịch nghề nghiệp số được cập nhật khi viên chức được bổ nhiệm, điều động.
2. Người đứng đầu đơn vị chịu trách nhiệm về việc cập nhật.
Chương III
KHAI THÁC LÝ LỊCH NGHỀ NGHIỆP SỐ
Điều 5. Khai thác lý lịch nghề nghiệp số
1. Cơ quan có thẩm quyền được khai thác lý lịch nghề nghiệp số của viên chức.
2. Việc khai thác phải bảo đảm đúng mục đích.
Chương IV
ĐIỀU KHOẢN THI HÀNH
Điều 6. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

DIGITAL = ("Lý lịch nghề nghiệp số là lý lịch của viên chức được lập, cập nhật, ký số và lưu trữ dưới "
           "dạng dữ liệu điện tử, ghi nhận quá trình công tác của viên chức.")


def _defined(definition: str) -> list[str]:
    doc = parse_text(CIRCULAR.format(definition=definition))
    return [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())]


def test_a_term_defined_as_a_thing_in_digital_form_is_a_digital_term():
    assert _defined(DIGITAL) == ["Lý lịch nghề nghiệp số"]


@pytest.mark.parametrize("definition", [
    # an alternative to paper: a record kept either way is an ordinary record
    "Lý lịch nghề nghiệp số là lý lịch của viên chức được lập bằng bản giấy hoặc dưới dạng điện tử.",
    "Lý lịch nghề nghiệp số là lý lịch của viên chức được lập bằng văn bản hoặc dưới dạng điện tử.",
    # the digital form only in a later sentence of the khoản
    "Lý lịch nghề nghiệp số là lý lịch của viên chức. Lý lịch có thể được chuyển dưới dạng điện tử.",
    # a word of two syllables: every "hồ sơ" of the text would become digital
    "Hồ sơ là tài liệu của viên chức được lưu trữ dưới dạng dữ liệu điện tử.",
    # no qualifier that may mean digital ends it: the text's subject in any form
    "Lý lịch nghề nghiệp phi vật lý là lý lịch của viên chức được lưu trữ dưới dạng dữ liệu điện tử.",
    # a term that is a digital term already
    "Cơ sở dữ liệu viên chức là tập hợp dữ liệu được lưu trữ dưới dạng dữ liệu điện tử.",
], ids=["paper or electronic", "written or electronic", "a later sentence", "two syllables",
        "no qualifier", "already a term"])
def test_what_is_not_a_term_defined_as_digital(definition):
    assert _defined(definition) == []


def test_a_circular_on_a_thing_it_defines_as_digital_is_a_digital_text():
    """The circular's title object is its own defined term: with its substantive chapters
    digital through it, the circular is a digital text; the definition is among the reasons. The
    same circular defining the term without a digital form has no digital unit at all."""
    doc = parse_text(CIRCULAR.format(definition=DIGITAL))
    v = analyse_document(doc).verdict
    assert (v.status, v.chapters) == ("digital_law", ["II", "III"]), v.reasons
    assert any(r.code == "defined_digital" and r.eid == "chp_I__art_2__para_1" for r in v.reasons)
    plain = parse_text(CIRCULAR.format(definition="Lý lịch nghề nghiệp số là bản ghi quá trình "
                                                  "công tác của viên chức."))
    assert analyse_document(plain).verdict.status == "none"
