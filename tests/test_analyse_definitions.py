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


REGULATION = """\
BỘ Y TẾ
Số: 21/2026/TT-BYT
THÔNG TƯ
Quy định về Hệ thống theo dõi tiêm chủng quốc gia
Căn cứ Luật Phòng bệnh;
Bộ trưởng Bộ Y tế ban hành Thông tư quy định về Hệ thống theo dõi tiêm chủng quốc gia.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về Hệ thống theo dõi tiêm chủng quốc gia.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. {definition}
2. Cơ sở tiêm chủng là cơ sở y tế đủ điều kiện thực hiện tiêm chủng.
Chương II
CẬP NHẬT THÔNG TIN TIÊM CHỦNG
Điều 3. Cập nhật thông tin
1. Cơ sở tiêm chủng cập nhật thông tin của người được tiêm trong ngày tiêm.
2. Thông tin được cập nhật vào Hệ thống theo dõi tiêm chủng quốc gia.
Chương III
TỔ CHỨC TIÊM CHỦNG
Điều 4. Lập kế hoạch tiêm chủng
1. Trạm y tế xã lập kế hoạch tiêm chủng hằng năm.
2. Kế hoạch được gửi Sở Y tế trước ngày 15 tháng 11.
Điều 5. Bảo quản vắc xin
1. Vắc xin được bảo quản ở nhiệt độ quy định.
2. Cơ sở tiêm chủng ghi sổ theo dõi nhiệt độ hằng ngày.
Chương IV
ĐIỀU KHOẢN THI HÀNH
Điều 6. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

SYSTEM = ("Hệ thống theo dõi tiêm chủng quốc gia (sau đây gọi là Hệ thống) là hệ thống thông tin "
          "do Bộ Y tế xây dựng, quản lý để cập nhật, lưu trữ và khai thác thông tin tiêm chủng.")


def test_a_term_defined_as_a_kind_of_digital_thing_is_a_digital_term():
    doc = parse_text(REGULATION.format(definition=SYSTEM))
    assert [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())] == [
        "Hệ thống theo dõi tiêm chủng quốc gia"]


@pytest.mark.parametrize("after, defined", [
    (" thành phố Hải Phòng", True),
    (" của các cơ sở y tế công lập", False),
], ids=["its city", "more words"])
def test_a_long_system_name_is_counted_without_the_place_it_ends_in(after, defined):
    """A system's name may be long and end in its province or city ("… điểm tiêm chủng lưu động
    thành phố Hải Phòng", 20 syllables): it is counted without the place (16, within
    ``MAX_SYLLABLES``), while a name as long that goes on with other words is not read as one."""
    name = f"Hệ thống theo dõi, quản lý tiêm chủng và bản đồ điểm tiêm chủng lưu động{after}"
    doc = parse_text(REGULATION.format(definition=f"{name} là hệ thống thông tin do Sở Y tế quản lý."))
    assert [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())] == (
        [name] if defined else [])


@pytest.mark.parametrize("definition", [
    # the same head noun, but not what the strong term says: a report is not a system
    "Báo cáo tiêm chủng quốc gia là hệ thống thông tin tổng hợp về tình hình tiêm chủng.",
    # the strong term later in the definition: what the thing is, is said first
    "Hệ thống theo dõi tiêm chủng quốc gia là tập hợp các quy trình, trong đó có hệ thống thông tin.",
    # an identifying code of a place, as a security's or a chemical's: not electronic identification
    "Mã số cơ sở tiêm chủng là mã số định danh cho cơ sở tiêm chủng do Sở Y tế cấp.",
], ids=["another head noun", "not the genus", "an identifying code"])
def test_what_is_not_a_term_defined_by_its_kind(definition):
    doc = parse_text(REGULATION.format(definition=definition))
    assert digital_definitions(Outline.of(doc), load_lexicon()) == []


@pytest.mark.parametrize("definition,term", [
    ("Sàn kết nối tiêm chủng là nền tảng số do doanh nghiệp thiết lập trên môi trường mạng để kết "
     "nối cơ sở tiêm chủng với người dân.", "Sàn kết nối tiêm chủng"),
    ("Chương trình nhắc lịch tiêm chủng là phần mềm do Bộ Y tế cung cấp.",
     "Chương trình nhắc lịch tiêm chủng"),
], ids=["a platform", "software"])
def test_a_term_defined_as_a_digital_kind_is_digital_whatever_its_head(definition, term):
    """A definition that starts with a digital thing's kind (a digital platform, software, a
    database) says what the term is, whatever the term's own head noun ("Sàn", "Chương trình")."""
    doc = parse_text(REGULATION.format(definition=definition))
    assert [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())] == [term]


@pytest.mark.parametrize("definition", [
    # the kind as the first item of a list: goods partly software, not a digital thing
    "Vật tư tiêm chủng là phần mềm và vật tư, thiết bị phục vụ tiêm chủng.",
    # the kind after the genus: a platform of a process, said later
    "Sàn kết nối tiêm chủng là nơi tổ chức kết nối, có sử dụng nền tảng số.",
], ids=["a list", "later in the definition"])
def test_what_is_not_a_term_defined_as_a_digital_kind(definition):
    doc = parse_text(REGULATION.format(definition=definition))
    assert digital_definitions(Outline.of(doc), load_lexicon()) == []


@pytest.mark.parametrize("definition,term", [
    ("Cổng đăng ký tiêm chủng trực tuyến là hệ thống thông tin do Bộ Y tế xây dựng.",
     "Cổng đăng ký tiêm chủng trực tuyến"),
    ("Nền tảng đặt lịch tiêm chủng cộng đồng là hệ thống thông tin do Sở Y tế vận hành.",
     "Nền tảng đặt lịch tiêm chủng cộng đồng"),
], ids=["a portal", "a platform"])
def test_a_portal_or_platform_defined_as_an_information_system_is_digital(definition, term):
    """A term named as a portal or a platform ("Cổng …", "Nền tảng …"; rubric ``[defined_terms]
    system_heads``) is the information system its definition says it is, as a "Hệ thống …"
    is: a portal is no report ("Báo cáo … là hệ thống thông tin tổng hợp" stays a report)."""
    doc = parse_text(REGULATION.format(definition=definition))
    assert [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())] == [term]


@pytest.mark.parametrize("definition", [
    # an e-portal: the lexicon reads publishing on it as incidental, and so its own one too
    "Cổng thông tin điện tử của Bộ Y tế là hệ thống thông tin do Bộ Y tế quản lý.",
    # a gate of the vaccine store, whatever the definition says after its kind
    "Cổng kho vắc xin là lối ra vào có hệ thống thông tin nhận dạng phương tiện.",
], ids=["an e-portal", "not the genus"])
def test_what_is_not_a_portal_defined_as_an_information_system(definition):
    doc = parse_text(REGULATION.format(definition=definition))
    assert digital_definitions(Outline.of(doc), load_lexicon()) == []


@pytest.mark.parametrize("definition,term", [
    ("Hệ thống theo dõi tiêm chủng quốc gia là tập hợp thiết bị đọc mã vạch tại điểm tiêm, đường "
     "truyền, máy chủ và phần mềm quản lý thông tin tiêm chủng do Bộ Y tế thiết lập.",
     "Hệ thống theo dõi tiêm chủng quốc gia"),
    ("Hệ thống giám sát kho vắc xin là tổ hợp cảm biến nhiệt độ, thiết bị truyền tín hiệu và cơ sở "
     "dữ liệu nhiệt độ của các kho.", "Hệ thống giám sát kho vắc xin"),
    ("Nền tảng điều phối vắc xin là hệ thống gồm hạ tầng kỹ thuật công nghệ thông tin, phần mềm và "
     "quy trình phân bổ vắc xin.", "Nền tảng điều phối vắc xin"),
], ids=["software", "a database", "a platform of IT infrastructure"])
def test_a_system_defined_as_a_set_of_parts_with_software_or_data_is_digital(definition, term):
    """A term named as a system ("Hệ thống …", or a platform, portal …) and defined as a set of
    parts ("là tập hợp …", "tổ hợp …", "hệ thống gồm …") is an information system when its parts
    include software, a database, IT infrastructure or an algorithm (rubric ``[defined_terms]
    assembly_parts``)."""
    doc = parse_text(REGULATION.format(definition=definition))
    found = digital_definitions(Outline.of(doc), load_lexicon())
    assert [(a.term.text, a.term.category) for a in found] == [(term, "information_system")]


@pytest.mark.parametrize("definition", [
    # a set of policies and procedures
    "Hệ thống quản lý chất lượng tiêm chủng là tập hợp các chính sách, quy trình, nhân sự và nguồn "
    "lực do cơ sở tiêm chủng thiết lập.",
    # a set of devices, joined by a telecom network: no software, data or IT infrastructure named
    "Hệ thống cảnh báo nhiệt độ kho vắc xin là tập hợp cảm biến, còi báo động và thiết bị nhắn tin "
    "qua mạng viễn thông.",
    # software named after the first sentence, as what the devices may be used with
    "Hệ thống kho lạnh vắc xin là tập hợp buồng lạnh, máy nén và tủ điện. Việc theo dõi có thể dùng "
    "phần mềm.",
    # not named as a system: a team of people with software
    "Tổ điều phối tiêm chủng là tập hợp cán bộ y tế được giao sử dụng phần mềm tiêm chủng.",
    # a machine's control: software among sensors and actuators, no information handled
    "Hệ thống tự động hóa kho vắc xin là tập hợp cảm biến, cơ cấu chấp hành, bộ điều khiển lập trình "
    "được và phần mềm điều khiển dùng để vận hành băng tải của kho.",
], ids=["policies", "devices and a telecom network", "software in a second sentence", "not a system",
        "a machine's control"])
def test_what_is_not_a_system_defined_as_a_set_of_digital_parts(definition):
    doc = parse_text(REGULATION.format(definition=definition))
    assert digital_definitions(Outline.of(doc), load_lexicon()) == []


@pytest.mark.parametrize("definition,found", [
    ("Bản đồ điểm tiêm chủng là hệ thống thông tin địa lý do Bộ Y tế quản lý, gồm cơ sở dữ liệu các "
     "điểm tiêm và phần mềm tra cứu.", [("Bản đồ điểm tiêm chủng", "information_system")]),
    ("Sổ tay tiêm chủng là hệ thống thông tin chuyên ngành, bao gồm hạ tầng kỹ thuật công nghệ thông "
     "tin và ứng dụng trên thiết bị di động.", [("Sổ tay tiêm chủng", "information_system")]),
    # a system of information on a subject, made of forms and tables: no software or data named
    ("Báo cáo tiêm chủng năm là hệ thống thông tin tổng hợp về tiêm chủng, gồm các biểu mẫu và bảng "
     "số liệu.", []),
    # the parts in a second sentence
    ("Bản đồ điểm tiêm chủng là hệ thống thông tin về các điểm tiêm. Bản đồ gồm cơ sở dữ liệu các "
     "điểm tiêm.", []),
], ids=["a geographic information system", "IT infrastructure", "forms and tables", "a second sentence"])
def test_a_thing_defined_as_an_information_system_made_of_digital_parts(definition, found):
    """Whatever its name ("Bản đồ …", "Sổ tay …"), a thing whose definition starts with "hệ thống
    thông tin" and says, in its first sentence, that it is made of ("gồm", "bao gồm") software,
    a database or IT infrastructure is an information system (round 88's provincial regulation on
    a digital tourism map); one made of forms and tables is not ("Báo cáo tài chính là hệ thống
    thông tin kinh tế, tài chính …")."""
    doc = parse_text(REGULATION.format(definition=definition))
    got = digital_definitions(Outline.of(doc), load_lexicon())
    assert [(a.term.text, a.term.category) for a in got] == found


AMENDING = """\
BỘ Y TẾ
Số: 09/2026/TT-BYT
THÔNG TƯ
Sửa đổi, bổ sung một số điều của Thông tư số 30/2024/TT-BYT quy định về tiêm chủng
Bộ trưởng Bộ Y tế ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số 30/2024/TT-BYT.
Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 30/2024/TT-BYT
1. Bổ sung khoản 7 vào sau khoản 6 Điều 2 như sau:
“7. {definition}”
2. Sửa đổi, bổ sung Điều 9 như sau:
“Điều 9. Theo dõi mũi tiêm
1. Cơ sở tiêm chủng cập nhật từng mũi tiêm vào Hệ thống theo dõi tiêm chủng trong ngày.
2. Người được tiêm tra cứu mũi tiêm trên Hệ thống theo dõi tiêm chủng.
3. Sở Y tế quản lý Hệ thống theo dõi tiêm chủng trên địa bàn.”
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2027.
"""


@pytest.mark.parametrize("definition,found,status", [
    ("Hệ thống theo dõi tiêm chủng là hệ thống thông tin chuyên ngành do Bộ Y tế quản lý, vận hành "
     "để tiếp nhận, lưu trữ dữ liệu tiêm chủng.", ["Hệ thống theo dõi tiêm chủng"], "articles_only"),
    ("Hệ thống theo dõi tiêm chủng là hệ thống sổ sách do trạm y tế lập để ghi chép các mũi tiêm.",
     [], "none"),
], ids=["an information system", "paper books"])
def test_a_definition_an_amendment_gives_the_text_it_amends(definition, found, status):
    """A term an amending text defines in a khoản it inserts into the text it amends ("Bổ sung
    khoản 7 vào sau khoản 6 Điều 2 như sau: “7. Hệ thống … là hệ thống thông tin …”") is read as
    any other definition, so the quoted article that speaks of the system is digital (round 90's
    circular amending a driver-training circular); defined as paper books, not."""
    doc = parse_text(AMENDING.format(definition=definition))
    got = digital_definitions(Outline.of(doc), load_lexicon())
    assert [a.term.text for a in got] == found
    v = analyse_document(doc).verdict
    assert v.status == status, v.reasons


def test_the_short_name_of_a_thing_defined_as_digital_is_read_as_the_thing():
    """A text's short name for a thing its definitions make digital ("Cổng đăng ký tiêm chủng
    trực tuyến (sau đây gọi là Cổng tiêm chủng) là hệ thống thông tin …") counts wherever the
    full name would: a chapter titled by the short name alone has a digital title (round 82's
    decree on online consultation on draft legal documents); without the short name, not."""
    def chapter_title(short: str):
        text = REGULATION.format(definition=(
            f"Cổng đăng ký tiêm chủng trực tuyến{short} là hệ thống thông tin do Bộ Y tế xây "
            "dựng.")).replace("CẬP NHẬT THÔNG TIN TIÊM CHỦNG", "CẬP NHẬT THÔNG TIN TRÊN CỔNG TIÊM CHỦNG")
        a = analyse_document(parse_text(text))
        return next(j for j in a.judgements.chapters if j.unit.num == "II").signal("title"), a

    title, a = chapter_title(" (sau đây gọi là Cổng tiêm chủng)")
    assert title.margin >= 0 and "own_name" in [r.code for r in a.verdict.reasons]
    assert chapter_title("")[0].margin < 0


def test_a_text_that_regulates_a_thing_it_defines_as_digital_is_a_digital_text():
    """The circular regulates the system it defines as an information system: a digital text,
    though only one of its two substantive chapters names the system (a sub-law title's object
    needs half of them otherwise); defined otherwise, the same circular has one digital chapter."""
    v = analyse_document(parse_text(REGULATION.format(definition=SYSTEM))).verdict
    assert (v.status, v.chapters, v.reasons[0].code) == ("digital_law", ["II", "III"],
                                                          "title_object_thing"), v.reasons
    plain = SYSTEM.replace("là hệ thống thông tin do Bộ Y tế", "là tập hợp quy trình do Bộ Y tế")
    v = analyse_document(parse_text(REGULATION.format(definition=plain))).verdict
    assert v.status != "digital_law", v.reasons


def test_a_defined_thing_whose_name_holds_a_comma_in_the_title():
    """"Hệ thống quản lý, theo dõi tiêm chủng": the term holds a comma of its own, so it starts in
    the title's first item and runs past it; the text regulates it all the same."""
    name = "Hệ thống quản lý, theo dõi tiêm chủng"
    text = REGULATION.format(definition=SYSTEM).replace(
        "Hệ thống theo dõi tiêm chủng quốc gia", name)
    text = text.replace("Thông tin được cập nhật vào " + name + ".", "Thông tin được lưu giữ.")
    v = analyse_document(parse_text(text)).verdict
    assert (v.status, v.reasons[0].code) == ("digital_law", "title_object_thing"), v.reasons


REGISTER = """\
BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 11/2026/TT-BVHTTDL
THÔNG TƯ
Quy định về lập, cập nhật và khai thác Sổ đăng ký quốc gia về nghệ nhân
Căn cứ Luật Di sản văn hóa;
Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch ban hành Thông tư quy định về lập, cập nhật và khai
thác Sổ đăng ký quốc gia về nghệ nhân.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc lập, cập nhật và khai thác Sổ đăng ký quốc gia về nghệ nhân.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. {definition}
2. Nghệ nhân là người được Nhà nước phong tặng danh hiệu nghệ nhân.
3. Nền tảng nghệ nhân quốc gia là nền tảng số do Bộ Văn hóa, Thể thao và Du lịch vận hành.
Chương II
LẬP VÀ CẬP NHẬT SỔ ĐĂNG KÝ
Điều 3. Lập Sổ đăng ký
1. Sở Văn hóa lập hồ sơ của nghệ nhân trong Sổ đăng ký quốc gia về nghệ nhân.
2. Hồ sơ gồm họ tên, năm sinh và danh hiệu của nghệ nhân.
Điều 4. Cập nhật Sổ đăng ký
1. Sổ đăng ký quốc gia về nghệ nhân được cập nhật khi nghệ nhân được phong tặng danh hiệu.
2. Người đứng đầu Sở chịu trách nhiệm về việc cập nhật.
Chương III
TÔN VINH NGHỆ NHÂN
Điều 5. Tôn vinh nghệ nhân
1. Nghệ nhân được mời tham dự lễ hội truyền thống của địa phương.
2. Việc tôn vinh phải bảo đảm trang trọng.
Chương IV
ĐIỀU KHOẢN THI HÀNH
Điều 6. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""

ON_SOFTWARE = ("Sổ đăng ký quốc gia về nghệ nhân là tập hợp dữ liệu có cấu trúc về nghệ nhân, được "
               "tạo lập, lưu trữ và cập nhật trên phần mềm dùng chung của Bộ.")


def _register(definition: str) -> list[str]:
    doc = parse_text(REGISTER.format(definition=definition))
    return [a.term.text for a in digital_definitions(Outline.of(doc), load_lexicon())]


def test_data_kept_on_a_digital_thing_is_a_digital_thing():
    """A register defined as data kept on software is a digital thing, though its head noun
    ("Sổ") is no strong term's and no qualifier ends its name; so is one kept on a platform the
    same article defines as digital only in a later khoản. The circular that regulates it is a
    digital text."""
    assert _register(ON_SOFTWARE) == ["Sổ đăng ký quốc gia về nghệ nhân", "Nền tảng nghệ nhân quốc gia"]
    on_portal = ON_SOFTWARE.replace("phần mềm dùng chung của Bộ", "Nền tảng nghệ nhân quốc gia")
    assert _register(on_portal)[0] == "Sổ đăng ký quốc gia về nghệ nhân"
    # a system of a digital kind: "hệ thống" and a strong term say what it is, whatever its head
    system = ("Sổ đăng ký quốc gia về nghệ nhân là hệ thống cơ sở dữ liệu về nghệ nhân do Bộ xây "
              "dựng, quản lý.")
    assert _register(system)[0] == "Sổ đăng ký quốc gia về nghệ nhân"
    v = analyse_document(parse_text(REGISTER.format(definition=ON_SOFTWARE))).verdict
    assert (v.status, v.reasons[0].code) == ("digital_law", "title_object_thing"), v.reasons


@pytest.mark.parametrize("definition", [
    # records on paper are data too
    "Sổ đăng ký quốc gia về nghệ nhân là tập hợp dữ liệu, bao gồm họ tên, năm sinh và danh hiệu "
    "của nghệ nhân.",
    # the software only in a later sentence of the khoản
    "Sổ đăng ký quốc gia về nghệ nhân là tập hợp dữ liệu về nghệ nhân. Sổ có thể được lưu trên "
    "phần mềm.",
    # not data: a book kept on a shelf of the ministry's software room is still a book
    "Sổ đăng ký quốc gia về nghệ nhân là sổ được lập và lưu tại phòng phần mềm của Bộ.",
    # a system of books; and a body of information ("hệ thống thông tin" is one term, which needs
    # the defined term's own head noun: "Báo cáo tài chính là hệ thống thông tin kinh tế")
    "Sổ đăng ký quốc gia về nghệ nhân là hệ thống sổ sách ghi chép về nghệ nhân.",
    "Sổ đăng ký quốc gia về nghệ nhân là hệ thống thông tin về nghệ nhân được trình bày theo mẫu.",
], ids=["paper is data too", "a later sentence", "not data", "a system of books",
        "a body of information"])
def test_what_is_not_data_kept_digitally(definition):
    assert _register(definition) == ["Nền tảng nghệ nhân quốc gia"]
    v = analyse_document(parse_text(REGISTER.format(definition=definition))).verdict
    assert v.status != "digital_law", v.reasons
