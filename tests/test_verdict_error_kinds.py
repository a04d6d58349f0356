"""The kinds of verdict error issue 14 saw on laws the team has not seen, each as an article we
wrote ourselves in an ordinary sector law (never the unseen laws' text), judged by both verdicts.

A kind that is mended is asserted; a kind that is left is an ``xfail(strict=True)`` whose reason
says why, so the day it is mended the test says so. Structure, reason and rule error kinds of the
issue have their own tests (test_structure_variants, test_verdict_reasons, test_graph_*)."""

from __future__ import annotations

import unicodedata

import pytest

from lawscan.analyse import analyse_document
from lawscan.analyse.classify import model_available
from lawscan.model import Line, Source
from lawscan.structure import parse_source

LAW = """\
LUẬT
THÚ Y
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hoạt động thú y.
Chương II
HOẠT ĐỘNG THÚ Y
Điều 2. Kiểm dịch động vật
Động vật vận chuyển ra khỏi tỉnh phải được kiểm dịch.
Điều 3. {title}
{body}
Điều 4. Chẩn đoán bệnh động vật
Cơ sở chẩn đoán phải bảo đảm điều kiện về nhân lực.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 5. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

AMENDING = """\
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THÚ Y
Điều 1. Sửa đổi, bổ sung một số điều của Luật Thú y
1. Điều 6 được sửa đổi, bổ sung như sau:
“Điều 6. Nhiệm vụ của cơ quan quản lý chuyên ngành thú y
1. Tổ chức thực hiện kiểm dịch động vật.
2. Quản lý cơ sở dữ liệu về thú y, mạng lưới thú y cơ sở.
3. Phối hợp phát triển công nghiệp số trong chăn nuôi.”
2. Điều 9 được sửa đổi, bổ sung như sau:
“Điều 9. Phí, lệ phí
Tổ chức, cá nhân nộp phí theo quy định của pháp luật về phí và lệ phí.”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

AMENDING_ONE_POINT = """\
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA BỘ LUẬT HÌNH SỰ
Điều 1. Sửa đổi, bổ sung một số điều của Bộ luật Hình sự
1. Khoản 1 Điều 51 được sửa đổi, bổ sung như sau:
“1. Các tình tiết sau đây là tình tiết giảm nhẹ trách nhiệm hình sự:
a) Người phạm tội đã ngăn chặn hoặc làm giảm bớt tác hại của tội phạm;
b) Người phạm tội tự nguyện sửa chữa, bồi thường thiệt hại, khắc phục hậu quả;
c) Phạm tội trong trường hợp vượt quá giới hạn phòng vệ chính đáng.”
2. Khoản 2 Điều 60 được sửa đổi, bổ sung như sau:
“2. Thời hiệu truy cứu trách nhiệm hình sự được tính từ ngày tội phạm được thực hiện.”
3. Bổ sung điểm d vào sau điểm c khoản 2 Điều 109 như sau:
“d) Tấn công, cản trở hoạt động của mạng máy tính, mạng viễn thông, phương tiện điện tử.”
4. Khoản 1 Điều 186 được sửa đổi, bổ sung như sau:
“1. Người nào có nghĩa vụ cấp dưỡng mà từ chối hoặc trốn tránh nghĩa vụ cấp dưỡng thì bị phạt cảnh cáo, phạt cải tạo không giam giữ đến 02 năm.”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

# name: (article title, article body, is Điều 3 digital by LABELING.md?)
ARTICLES = {
    "electronic form of the sector's own procedure": (
        "Giấy chứng nhận kiểm dịch điện tử",
        "1. Giấy chứng nhận kiểm dịch được cấp dưới dạng điện tử có giá trị như bản giấy.\n"
        "2. Việc cấp, tra cứu giấy chứng nhận được thực hiện trên hệ thống thông tin.", True),
    "electronic form of a procedure, with a complement after it": (
        "Thủ tục điện tử đối với động vật vận chuyển ra khỏi tỉnh",
        "1. Thủ tục kiểm dịch được thực hiện bằng phương thức điện tử.\n"
        "2. Chủ hàng nộp hồ sơ và nhận kết quả tại cơ quan thú y khi hệ thống gặp sự cố.", True),
    "data connection and sharing named across a comma": (
        "Kết nối, chia sẻ và khai thác dữ liệu thú y",
        "1. Dữ liệu thú y được cung cấp cho cơ quan, tổ chức có nhu cầu theo quy định.\n"
        "2. Việc cung cấp dữ liệu cho tổ chức nước ngoài thực hiện theo điều ước quốc tế.", True),
    "remote monitoring whose body runs on data": (
        "Giám sát từ xa dịch bệnh động vật",
        "1. Cơ sở chăn nuôi lớn kết nối thiết bị cảm biến với hệ thống thông tin giám sát dịch bệnh.\n"
        "2. Dữ liệu cảm biến được lưu trữ và chia sẻ với cơ quan thú y cấp tỉnh.", True),
    "remote control of equipment (no digital term in the body)": (
        "Giám sát và điều khiển từ xa thiết bị phun khử trùng",
        "Thiết bị phun khử trùng tại chợ đầu mối được điều khiển từ xa bằng bộ điều khiển cầm tay do "
        "người phụ trách chợ giữ.", False),
    "a thing that only bears the word 'điện tử' (a false positive)": (
        "Thuốc lá điện tử tại cơ sở thú y",
        "Người làm việc tại cơ sở thú y không được sử dụng thuốc lá điện tử trong khu vực điều trị "
        "động vật.", False),
    "mixed-subject title naming a database": (
        "Nghiên cứu khoa học và hệ thống cơ sở dữ liệu về thú y",
        "1. Nhà nước khuyến khích nghiên cứu khoa học về thú y.\n"
        "2. Bộ xây dựng hệ thống cơ sở dữ liệu quốc gia về thú y, kết nối, chia sẻ với các cơ sở dữ "
        "liệu khác.", True),
    "digital-transformation policy article": (
        "Chuyển đổi số trong hoạt động thú y",
        "Nhà nước đầu tư hạ tầng số, ứng dụng công nghệ số trong quản lý, giám sát dịch bệnh động "
        "vật.", True),
    "electronic devices as the sector's channel": (
        "Sử dụng thiết bị điện tử trong kiểm tra, giám sát",
        "1. Cơ quan thú y được sử dụng thiết bị điện tử, camera và thiết bị định vị để giám sát vận "
        "chuyển động vật.\n2. Dữ liệu thu được từ thiết bị được lưu trữ và sử dụng làm chứng cứ.", True),
    "modernisation said without a digital word": (
        "Hiện đại hóa hoạt động thú y",
        "Nhà nước ưu tiên đầu tư hiện đại hóa trang thiết bị, phương thức quản lý, giám sát dịch bệnh "
        "động vật theo thời gian thực.", True),
    "modernisation whose body builds a database": (
        "Hiện đại hóa quản lý thú y",
        "1. Nhà nước ưu tiên đầu tư hiện đại hóa trang thiết bị quản lý thú y.\n"
        "2. Đến năm 2030, hoàn thành xây dựng cơ sở dữ liệu về thú y trong phạm vi cả nước.", True),
    "mixed title naming an information system, with a clause on it": (
        "Vật tư, trang thiết bị và hệ thống thông tin phục vụ phòng, chống dịch bệnh động vật",
        "1. Cơ quan thú y được trang bị vật tư, trang thiết bị cần thiết cho chống dịch.\n"
        "2. Bộ xây dựng hệ thống thông tin giám sát dịch bệnh động vật, kết nối với cơ sở dữ liệu "
        "quốc gia về thú y.\n3. Ủy ban nhân dân cấp tỉnh bố trí kinh phí mua sắm vật tư.", True),
    "mixed title naming a database, with no clause on it": (
        "Kinh phí cho hoạt động kiểm dịch, đào tạo cán bộ thú y và cơ sở dữ liệu về thú y",
        "Kinh phí cho hoạt động kiểm dịch, đào tạo được bảo đảm từ ngân sách nhà nước và nguồn "
        "thu phí.", False),
    "a newspaper and a website of the sector": (
        "Tạp chí thú y và trang thông tin điện tử về thú y",
        "Bộ Nông nghiệp và Môi trường xuất bản Tạp chí Thú y và duy trì trang thông tin điện tử về "
        "thú y để phổ biến kiến thức.", False),
    "automated decision-making without a digital keyword": (
        "Quyết định tự động đối với hồ sơ đăng ký",
        "1. Hồ sơ đăng ký có thể được hệ thống xử lý và ra quyết định tự động.\n"
        "2. Người có thẩm quyền xem xét lại quyết định khi người nộp hồ sơ yêu cầu.", True),
    "a sector's smart platform, with no digital keyword in its title": (
        "Nền tảng thú y thông minh",
        "1. Bộ xây dựng nền tảng thú y thông minh gồm cơ sở dữ liệu về vật nuôi, dịch bệnh động vật.\n"
        "2. Cơ sở chăn nuôi cập nhật thông tin về đàn vật nuôi theo hướng dẫn của Bộ.", True),
    "a 'platform' (nền tảng) title meaning a foundation (a false positive)": (
        "Nền tảng phát triển chăn nuôi an toàn",
        "Nhà nước lấy phòng, chống dịch bệnh động vật làm nền tảng phát triển chăn nuôi an toàn, bền "
        "vững.", False),
    "notices published on an e-portal": (
        "Công khai danh sách cơ sở an toàn dịch bệnh",
        "Danh sách cơ sở an toàn dịch bệnh được công bố trên cổng thông tin điện tử của Bộ Nông "
        "nghiệp và Môi trường.", False),
    "records kept on paper or electronically": (
        "Sổ sách, hồ sơ của cơ sở chăn nuôi",
        "1. Cơ sở chăn nuôi phải lập sổ theo dõi đàn vật nuôi.\n2. Sổ sách, hồ sơ được lập bằng bản "
        "giấy hoặc bản điện tử và lưu giữ ít nhất hai năm.", False),
}

LEFT = {
    ("modernisation said without a digital word", "rules"):
        "a modernisation title counts only with a strong digital term in the body (every "
        "modernisation article labelled yes in the corpus and pool names one); without one it is "
        "about equipment and methods as often as not",
    ("modernisation said without a digital word", "trained"):
        "scored (cue 'hiện đại hóa') but under 0.5: every modernisation article labelled yes "
        "names a digital term in its body, which this one does not",
    ("automated decision-making without a digital keyword", "trained"):
        "0.31: the lexicon now reads the title as digital (0.85), but the classifier gives 0.03 "
        "(scored for its cue 'tự động'): no article of this kind is labelled in the corpus and pool",
}

needs_model = pytest.mark.skipif(not model_available(), reason="the shipped model is not installed")
VERDICTS = ["rules", pytest.param("trained", marks=needs_model)]


def parse(text: str):
    lines = [Line(unicodedata.normalize("NFC", t), k) for k, t in enumerate(text.splitlines(), 1)
             if t.strip()]
    return parse_source(Source(path="t.txt", format="txt", lines=lines))


def _cases():
    for name, (title, body, digital) in ARTICLES.items():
        for verdict in VERDICTS:
            method = verdict if isinstance(verdict, str) else verdict.values[0]
            marks = list(getattr(verdict, "marks", ()))
            if (name, method) in LEFT:
                marks.append(pytest.mark.xfail(strict=True, reason=LEFT[name, method]))
            yield pytest.param(title, body, digital, method, marks=marks, id=f"{name}-{method}")


@pytest.mark.parametrize("title, body, digital, method", list(_cases()))
def test_an_article_of_each_error_kind(title, body, digital, method):
    verdict = analyse_document(parse(LAW.format(title=title, body=body)), {"verdict": method}).verdict
    assert ("3" in verdict.articles) == digital, (verdict.status, verdict.articles, verdict.reasons)
    assert verdict.status == ("articles_only" if digital else "none")


@pytest.mark.parametrize("method", VERDICTS)
def test_an_amending_law_whose_quoted_duties_mention_databases_and_networks(method):
    """Quoted replacement text that lists an agency's duties, one of them a database, is no
    digital article of the amending law."""
    verdict = analyse_document(parse(AMENDING), {"verdict": method}).verdict
    assert verdict.status == "none", verdict.reasons


@pytest.mark.parametrize("method", VERDICTS)
def test_one_quoted_point_naming_networks_among_many_amendments(method):
    """An instruction article's quoted text is judged together: one amended point that names
    computer networks among many amended provisions on other matters does not make the amending
    law's article digital (its main subject is the amendments)."""
    verdict = analyse_document(parse(AMENDING_ONE_POINT), {"verdict": method}).verdict
    assert verdict.status == "none", verdict.reasons


INSERTS_CHAPTER = """\
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THÚ Y
Điều 1. Sửa đổi, bổ sung một số điều của Luật Thú y
1. Sửa đổi, bổ sung khoản 2 Điều 6 như sau:
“2. Tổ chức thực hiện kiểm dịch động vật.”
2. Bổ sung Chương VIIa vào sau Chương VII như sau:
“Chương VIIa
{title}
Điều 90a. {first}
1. {first_body}
2. Bộ quy định chi tiết khoản này.
Điều 90b. {second}
1. {second_body}
2. Bộ quy định chi tiết khoản này.”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

DIGITAL_CHAPTER = dict(
    title="CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG THÚ Y", first="Cơ sở dữ liệu quốc gia về thú y",
    first_body="Cơ sở dữ liệu quốc gia về thú y được kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư.",
    second="Dịch vụ công trực tuyến về kiểm dịch",
    second_body="Thủ tục kiểm dịch được thực hiện trên Cổng Dịch vụ công quốc gia bằng phương thức điện tử.")
OTHER_CHAPTER = dict(
    title="THÚ Y CỘNG ĐỒNG", first="Nhân viên thú y cấp xã",
    first_body="Nhân viên thú y cấp xã được bố trí tại mỗi xã có hoạt động chăn nuôi.",
    second="Chế độ phụ cấp", second_body="Nhân viên thú y cấp xã được hưởng phụ cấp hằng tháng.")


@pytest.mark.parametrize("method", VERDICTS)
@pytest.mark.parametrize("chapter, status, chapters", [
    (DIGITAL_CHAPTER, "dedicated_chapter", ["VIIa"]), (OTHER_CHAPTER, "none", [])],
    ids=["digital chapter", "other chapter"])
def test_an_amending_law_that_inserts_a_chapter(method, chapter, status, chapters):
    """An amending law whose quoted text inserts a digital chapter into the amended law gives it
    a dedicated chapter: its status is dedicated_chapter, the chapter named as the amended law
    numbers it (its own structure has two articles and no chapter)."""
    doc = parse(INSERTS_CHAPTER.format(**chapter))
    assert doc.counts()["chapters"] == 0
    verdict = analyse_document(doc, {"verdict": method}).verdict
    assert (verdict.status, verdict.chapters) == (status, chapters), verdict.reasons
    if chapters:
        assert verdict.eids["chapter:VIIa"] == "art_1__para_2__qstr_1__chp_VIIa"
        # the rubric is read in the inserted chapter: its database and online services are there
        present = {c.element for c in verdict.coverage if c.state == "present"}
        assert {"database", "online_public_services"} <= present


RENAMES_SECTION = """QUỐC HỘI
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA BỘ LUẬT HÌNH SỰ
Điều 1. Sửa đổi, bổ sung một số điều của Bộ luật Hình sự
1. Sửa đổi, bổ sung khoản 2 Điều 193 như sau:
“2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 05 năm đến 10 năm.”
2. Sửa đổi, bổ sung tên Mục 2 Chương XXI như sau:
“Mục 2
CÁC TỘI PHẠM TRONG LĨNH VỰC CÔNG NGHỆ THÔNG TIN, MẠNG VIỄN THÔNG VÀ KHÔNG GIAN MẠNG”
3. Bổ sung Điều 288a vào sau Điều 288 như sau:
“Điều 288a. Tội xâm phạm dữ liệu cá nhân
1. Người nào thu thập, mua bán trái phép dữ liệu cá nhân trên không gian mạng, thì bị phạt tiền.
2. Phạm tội bằng việc sử dụng hệ thống thông tin, mạng máy tính, thì bị phạt tù.”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""


@pytest.mark.parametrize("method", VERDICTS)
def test_an_amending_law_that_renames_a_section(method):
    """A quoted heading without articles only renames a section of the amended law ("Sửa đổi,
    bổ sung tên Mục 2 Chương XXI"): the law inserts no digital section there, so it is not
    section_only by that title; its digital instructions (an inserted article on personal
    data) make the article they are in digital."""
    doc = parse(RENAMES_SECTION)
    assert doc.counts()["sections"] == 0
    verdict = analyse_document(doc, {"verdict": method}).verdict
    assert (verdict.status, verdict.sections, verdict.articles) == ("articles_only", [], ["1"]), \
        verdict.reasons
