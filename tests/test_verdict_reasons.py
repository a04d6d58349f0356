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


INCIDENTAL = """\
LUẬT
BẢO HIỂM THỬ NGHIỆM
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về chế độ bảo hiểm thử nghiệm.
Điều 2. Quản lý bảo hiểm
1. Cơ quan bảo hiểm lập hồ sơ, sổ bảo hiểm cho người tham gia.
2. Thông tin về người tham gia được lưu trong cơ sở dữ liệu điện tử của cơ quan bảo hiểm.
3. Cơ quan bảo hiểm cấp giấy chứng nhận, thu, chi và báo cáo hằng năm.
Điều 3. Hồ sơ hưởng chế độ
1. Hồ sơ gồm đơn đề nghị, giấy tờ chứng minh và bản sao giấy khai sinh.
2. Người tham gia có thể nộp hồ sơ trực tiếp hoặc qua giao dịch điện tử.
3. Cơ quan bảo hiểm giải quyết trong thời hạn 10 ngày, trường hợp từ chối phải trả lời bằng văn bản.
4. Hồ sơ được lưu trữ theo quy định; thủ tục đăng ký, báo cáo và cung cấp thông tin do Chính phủ quy định.
5. Người tham gia đăng ký lại khi thay đổi thông tin; cơ quan bảo hiểm báo cáo thống kê hằng quý.
Chương II
ĐIỀU KHOẢN THI HÀNH
Điều 4. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026; Luật Giao dịch điện tử được áp dụng.
"""


def _ls101(tmp_path, text):
    from lawscan.scan import ScanOptions, Scanner

    path = tmp_path / "luat.txt"
    path.write_text(text, encoding="utf-8")
    result = Scanner(ScanOptions()).scan_file(str(path))
    return result, [f for f in result.findings if f.rule_id == "LS101"]


def test_ls101_says_what_an_incidental_law_mentions_and_why_it_is_not_enough(tmp_path):
    result, found = _ls101(tmp_path, INCIDENTAL)
    assert result.digital.status == "none"
    reason = next(r for r in result.digital.reasons if r.code == "incidental")
    assert "“cơ sở dữ liệu” (Điều 2)" in reason.vi and "“giao dịch điện tử” (Điều 3)" in reason.en
    assert "Điều 4" not in reason.en  # the final provisions are not counted
    (f,) = found
    assert f.message.startswith("Luật chỉ nhắc đến môi trường số một cách phụ (“cơ sở dữ liệu” (Điều 2)")
    assert "which is not enough" in f.message_en and "has no provision" not in f.message_en


def test_ls101_on_a_law_without_any_digital_term_says_so(tmp_path):
    text = INCIDENTAL.replace(" trong cơ sở dữ liệu điện tử của cơ quan bảo hiểm", "").replace(
        " hoặc qua giao dịch điện tử", " hoặc qua bưu chính")
    result, (f,) = _ls101(tmp_path, text)
    assert [r.code for r in result.digital.reasons][0] == "none"
    assert "has no provision on the digital environment" in f.message_en


@needs_corpus
def test_social_insurance_law_2014_modernisation_article_counts(tmp_path):
    """Điều 9 "Hiện đại hóa quản lý bảo hiểm xã hội" builds an electronic database (labelled
    articles_only, article 9): a modernisation title with a body that names a strong term."""
    from lawscan.scan import ScanOptions, Scanner

    result = Scanner(ScanOptions()).scan_file(str(CORPUS / "txt/tvpl-luat-bao-hiem-xa-hoi-2014.txt"))
    assert result.digital.status == "articles_only" and result.digital.articles == ["9"]
    first = result.digital.reasons[0]
    assert first.code == "article_title_body" and first.eid == "chp_I__art_9"
    assert "“hiện đại hóa”" in first.vi and "cơ sở dữ liệu" in first.en
    (f,) = [f for f in result.findings if f.rule_id == "LS101"]
    assert "only scattered articles" in f.message_en


NOTARY = """\
LUẬT
{title}
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về {subject}.
Chương II
HOẠT ĐỘNG {upper}
Điều 2. Thủ tục
Người yêu cầu nộp hồ sơ cho tổ chức hành nghề.
Điều 3. Thời hạn
Thời hạn giải quyết không quá năm ngày làm việc.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 4. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""


@pytest.mark.parametrize("title, status", [
    ("CÔNG CHỨNG ĐIỆN TỬ", "digital_law"),  # the qualifier closes the object the law regulates
    ("LƯU TRỮ TÀI LIỆU ĐIỆN TỬ (SỬA ĐỔI)", "digital_law"),  # a parenthesis after it is left out
    ("THI HÀNH ÁN DÂN SỰ TRÊN MÔI TRƯỜNG SỐ", "digital_law"),
    ("TRÒ CHƠI ĐIỆN TỬ TRÊN MẠNG", "digital_law"),  # "trên mạng", a digital sense of "mạng" (§3.9)
    ("CÔNG CHỨNG QUA MẠNG", "digital_law"),
    ("CÔNG CHỨNG", "none"),
    ("ĐIỆN LỰC", "none"),  # "điện" without "tử"
    ("CÔNG CHỨNG ĐIỆN TỬ VÀ CHỨNG THỰC", "none"),  # only part of the object is electronic
])
def test_a_title_whose_object_is_electronic_makes_a_digital_law(title, status):
    """A law whose whole regulated object is qualified as electronic or online ("Luật Công chứng
    điện tử") governs the digital form of its subject as a whole, though its chapters use the
    sector's own words; the reason quotes the object."""
    subject = title.lower()
    doc = parse_text(NOTARY.format(title=title, subject=subject, upper=title.split(" (")[0]))
    verdict = analyse(doc)
    assert verdict.status == status, (title, verdict.reasons)
    if status == "digital_law":
        assert verdict.reasons[0].code == "title_topic"
        assert subject.split(" (")[0] in verdict.reasons[0].vi.lower()
