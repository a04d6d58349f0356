"""Folding, lexicon matching, unit titles and bodies (lawscan.fold / lexicon / matcher)."""

from hypothesis import given, strategies as st

from lawscan.fold import fold_joined
from lawscan.analyse.judge import body_is_digital, title_is_digital
from lawscan.analyse.matcher import fold, load_lexicon, scan
from lawscan.model import Document, Line, Unit


def test_fold_unifies_tone_placement_and_keeps_length():
    assert fold("SỐ HOÁ") == fold("số hóa") == "số hóa"
    assert fold("Uỷ ban") == fold("Ủy ban")
    assert fold("Thuỷ lợi") == fold("Thủy lợi")
    assert fold("kĩ thuật") == fold("kỹ thuật")
    assert fold("Lí do, quí, kí kết") == "lý do, quý, ký kết"
    assert fold("kĩa, nhíkĩ, lĩ") == "kĩa, nhíkĩ, lĩ"  # whole syllables only
    # closed syllables and "qu" are not touched
    assert fold("hoàng") == "hoàng" and fold("toán") == "toán" and fold("quý") == "quý"


@given(st.text(alphabet="aáàoóòeéèuúyýỷQqHhÓÁĐđ số,.\n", max_size=60))
def test_fold_never_changes_length(text):
    assert len(fold(text)) == len(text)


@given(st.text(alphabet="kKlLmMqQuUíĩiyý _1.\n", max_size=40))
def test_iy_first_look_finds_every_place_the_spelling_regex_matches(text):
    from lawscan.fold import _IY_RE, _has_iy

    low = text.lower()
    assert _has_iy(low) == (_IY_RE.search(low) is not None)


@given(st.text(alphabet="oOuUqQhkàáạèéẹỳýỷỹỵa _1.\n", max_size=40))
def test_tone_moves_in_two_passes_equal_one_alternation(text):
    import re

    from lawscan.fold import _MOVE_O_RE, _MOVE_U_RE, _move_tone, _tones

    one = re.compile(f"{_MOVE_O_RE.pattern}|{_MOVE_U_RE.pattern}")
    low = text.lower()
    assert _tones(low) == one.sub(_move_tone, low)


_LINES = st.lists(st.text(alphabet="aáàoóòeéèuúyýỷQqHhÓÁĐđíĩkKlLΣσİ số,.'\n", max_size=30),
                  max_size=6)


@given(_LINES)
def test_fold_joined_is_one_fold_and_its_pieces_are_the_folds_of_the_lines(texts):
    alone = [fold(t) for t in texts]  # each folded on its own
    whole, pieces = fold_joined(texts)
    assert whole == fold("\n".join(texts))
    if pieces:
        starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
        assert [whole[a:a + len(t)] for a, t in zip(starts, texts)] == alone
    else:  # only when lower-casing changes the length
        assert len("\n".join(texts).lower()) != len("\n".join(texts))


def test_find_gives_original_offsets_and_longest_match():
    lex = load_lexicon()
    text = "Nhà nước xây dựng HỆ THỐNG THÔNG TIN QUỐC GIA và thực hiện SỐ HOÁ hồ sơ."
    hits = lex.find(text)
    assert [text[h.start:h.end] for h in hits] == ["HỆ THỐNG THÔNG TIN QUỐC GIA", "SỐ HOÁ"]
    assert hits[0].term == "hệ thống thông tin quốc gia" and hits[0].element == "information_system"


def test_false_positives_and_bare_words_are_not_matched():
    lex = load_lexicon()
    text = ("Bảo vệ tính mạng; một số quy định về số lượng; Luật số 35/2018/QH14; tần số vô tuyến "
            "điện; điện ảnh; hệ thống thông tin liên lạc của tòa nhà; gửi qua mạng bưu chính; "
            "thiết bị điện tử; mạng lưới cơ sở; cơ sở in kỹ thuật số, máy in kỹ thuật số.")
    assert lex.find(text) == []
    # digital printing is printing; the technology itself is not
    assert [h.term for h in lex.find("ứng dụng kỹ thuật số trong quản lý")] == ["kỹ thuật số"]


def test_a_number_sign_after_a_term_is_not_the_term():
    """"số" before a document's number is its number sign: the Law on Environmental Protection or
    Social Insurance and a Government decree cited by number are not the digital environment,
    digital society or digital government; the same words before other text still are."""
    lex = load_lexicon()
    text = ("theo Luật Bảo vệ môi trường số 72/2020/QH14, Luật Bảo hiểm xã hội số 41/2024/QH15 và "
            "Nghị định của Chính phủ số 13/2023/NĐ-CP")
    assert lex.find(text) == []
    text = "phát triển chính phủ số, xã hội số; hoạt động trên môi trường số 24 giờ mỗi ngày"
    assert [h.term for h in lex.find(text)] == ["chính phủ số", "xã hội số", "môi trường số"]


def test_the_research_notes_identity_and_data_terms_are_strong():
    """The national identification app and data governance (the research notes' identity and
    data vocabulary, §3.2 and §3.4 of domain.md) are strong terms of their elements."""
    lex = load_lexicon()
    text = ("Người dân đăng nhập bằng ứng dụng định danh quốc gia; Bộ ban hành quy chế quản trị "
            "dữ liệu của ngành.")
    assert [(h.term, h.element, h.strength) for h in lex.find(text)] == [
        ("ứng dụng định danh quốc gia", "e_identification", "strong"),
        ("quản trị dữ liệu", "database", "strong")]


def test_protecting_any_data_is_a_strong_security_term_the_field_of_law_a_reference():
    """'bảo vệ dữ liệu' of whatever data a text names (its customers', patients', learners')
    is data protection, the security element, as 'bảo vệ dữ liệu cá nhân' is; 'pháp luật về
    bảo vệ dữ liệu' only refers to that field of law."""
    lex = load_lexicon()
    hits = lex.find("Đơn vị cấp nước áp dụng biện pháp bảo vệ dữ liệu của khách hàng.")
    assert [(h.term, h.element, h.strength) for h in hits] == [
        ("bảo vệ dữ liệu", "security_personal_data", "strong")]
    assert title_is_digital("Bảo vệ dữ liệu của khách hàng sử dụng nước", lex)
    assert [h.term for h in lex.find("bảo vệ dữ liệu cá nhân của người bệnh")] == [
        "bảo vệ dữ liệu cá nhân"]
    assert [(h.category, h.strength) for h in lex.find(
        "theo quy định của pháp luật về bảo vệ dữ liệu")] == [("reference", "weak")]


def test_an_application_one_works_on_is_strong_applying_a_technology_is_not():
    """'trên ứng dụng' is the medium, as 'trên mạng' is: a payment app's insurance sales are
    online services; 'ứng dụng' as the verb (applying research or technology) is not."""
    lex = load_lexicon()
    hits = lex.find("Khách hàng giao kết hợp đồng trên ứng dụng thanh toán của tổ chức.")
    assert [(h.term, h.category, h.strength) for h in hits] == [
        ("trên ứng dụng", "online_services", "strong")]
    assert lex.find("Quản lý dựa trên ứng dụng khoa học; đưa vào ứng dụng kết quả nghiên cứu.") == []
    assert [h.term for h in lex.find("thông qua ứng dụng và phát triển công nghệ thông tin")] == [
        "công nghệ thông tin"]
    assert title_is_digital("Điều kiện phân phối sản phẩm bảo hiểm trên ứng dụng thanh toán", lex)
    assert not title_is_digital("Ứng dụng tiến bộ khoa học vào sản xuất", lex)


def test_payments_from_a_telecom_account_are_an_electronic_payment_service():
    """"Mobile Money" (written "Mobile-Money" too) is the service that pays for goods from a
    telecom account, an e-wallet by another name: a strong e-transactions term, in a title as in
    a body; topping up a phone subscription at a shop is not."""
    lex = load_lexicon()
    assert [(h.term, h.element, h.strength) for h in lex.find(
        "Chấp thuận triển khai thí điểm dịch vụ Mobile-Money; mở tài khoản Mobile Money")] == [
        ("mobile-money", "e_transactions", "strong"), ("mobile money", "e_transactions", "strong")]
    assert title_is_digital("Hạn mức giao dịch Mobile Money", lex)
    assert lex.find("Khách hàng nạp tiền vào tài khoản thuê bao di động tại cửa hàng.") == []


def test_a_wi_fi_network_is_digital_infrastructure():
    """A Wi-Fi network (written "Wi-Fi" or "WiFi") is wireless access to the Internet, a strong
    infrastructure term as a telecom network is, in a title as in a body ("mạng" alone is not:
    "mạng lưới", "tính mạng")."""
    lex = load_lexicon()
    assert [(h.term, h.element, h.strength) for h in lex.find(
        "Lắp đặt điểm truy cập Wi-Fi công cộng; tên mạng WiFi thống nhất")] == [
        ("wi-fi", "infrastructure", "strong"), ("wifi", "infrastructure", "strong")]
    assert title_is_digital("Yêu cầu kỹ thuật đối với mạng Wi-Fi công cộng", lex)
    assert lex.find("Mạng lưới điểm du lịch bảo đảm an toàn tính mạng du khách.") == []


def test_domain_names_and_apis_are_digital_infrastructure():
    """A domain name ("tên miền") is an Internet resource and an application programming
    interface ("giao diện lập trình ứng dụng", "API") a connection between systems: strong
    infrastructure terms, in a title as in a body ("tên" and "giao diện" alone are not)."""
    lex = load_lexicon()
    assert [(h.term, h.element, h.strength) for h in lex.find(
        "Thu hồi tên miền vi phạm; kết nối qua giao diện lập trình ứng dụng (API)")] == [
        ("tên miền", "infrastructure", "strong"),
        ("giao diện lập trình ứng dụng", "infrastructure", "strong"),
        ("api", "infrastructure", "strong")]
    assert title_is_digital("Đăng ký, sử dụng tên miền quốc gia", lex)
    assert title_is_digital("Tiêu chuẩn kỹ thuật của giao diện lập trình ứng dụng mở", lex)
    assert lex.find("Tên giao dịch của doanh nghiệp; giao diện mặt tiền của cửa hàng") == []


def test_a_video_conference_is_digital_infrastructure():
    """A video conference ("hội nghị truyền hình") carries a meeting over a network between
    connection points: a strong infrastructure term, in a title as in a body; television
    ("truyền hình") and a meeting ("hội nghị") alone are not."""
    lex = load_lexicon()
    assert [(h.term, h.strength) for h in lex.find(
        "Điểm cầu được trang bị hệ thống hội nghị truyền hình và thiết bị biểu quyết")] == [
        ("hội nghị truyền hình", "strong")]
    assert title_is_digital("Hệ thống hội nghị truyền hình trực tuyến của cơ quan nhà nước", lex)
    assert lex.find("Hội nghị tổng kết được truyền hình trực tiếp trên kênh truyền hình tỉnh") == []


def test_a_mobile_app_qr_payments_and_spam_are_digital_terms():
    """An app "trên thiết bị di động" is a mobile app ("ứng dụng di động"); a payment by QR code
    is a payment a payment app makes; spam messages, e-mail and calls are sent over networks:
    strong terms, in a title as in a body. A QR code alone is a printed code ("in mã QR trên bao
    bì"), and "rác" alone is waste."""
    lex = load_lexicon()
    assert [(h.term, h.strength) for h in lex.find(
        "Người dân gọi cấp cứu qua ứng dụng trên thiết bị di động; thanh toán bằng mã QR; chặn "
        "tin nhắn rác, thư điện tử rác và cuộc gọi rác")] == [
        ("ứng dụng trên thiết bị di động", "strong"), ("thanh toán bằng mã qr", "strong"),
        ("tin nhắn rác", "strong"), ("thư điện tử rác", "strong"), ("cuộc gọi rác", "strong")]
    assert title_is_digital("Thông tư quy định về thanh toán bằng mã QR", lex)
    assert title_is_digital("Phòng, chống tin nhắn rác, cuộc gọi rác", lex)
    assert lex.find("In mã QR trên bao bì; thu gom rác thải sinh hoạt") == []


def test_data_law_kinds_transfers_abroad_and_kiosks_are_digital_terms():
    """The Data Law's core data and its transfers abroad ("chuyển dữ liệu xuyên biên giới",
    "chuyển dữ liệu ra nước ngoài"), and a public-service kiosk, are strong terms, in a title as
    in a body; "dữ liệu" alone is not, nor a kiosk that sells newspapers or goods across a
    border ("ki-ốt bán báo", "hàng hóa xuyên biên giới")."""
    lex = load_lexicon()
    assert [(h.term, h.strength) for h in lex.find(
        "Đánh giá tác động chuyển dữ liệu xuyên biên giới; dữ liệu cốt lõi; nộp hồ sơ tại "
        "ki-ốt dịch vụ công")] == [
        ("dữ liệu xuyên biên giới", "strong"), ("dữ liệu cốt lõi", "strong"),
        ("ki-ốt dịch vụ công", "strong")]
    assert title_is_digital("Chuyển dữ liệu ra nước ngoài", lex)
    assert lex.find("Số liệu, dữ liệu về hàng hóa xuyên biên giới; ki-ốt bán báo") == []


def test_electronic_toll_collection_is_an_electronic_payment():
    """Electronic toll collection ("thu phí điện tử", "thu phí điện tử không dừng") is a payment
    the toll system takes from an account: a strong e-transactions term, in a title as in a
    body; a toll ("thu phí") alone is not, nor an electronic scale at the toll station."""
    lex = load_lexicon()
    assert [(h.term, h.strength) for h in lex.find(
        "Phương tiện đi qua làn thu phí điện tử không dừng được trừ tiền vào tài khoản")] == [
        ("thu phí điện tử", "strong")]
    assert title_is_digital("Yêu cầu đối với làn thu phí điện tử không dừng", lex)
    assert lex.find("Trạm thu phí trang bị cân điện tử để kiểm tra tải trọng xe") == []


def test_a_large_language_model_is_artificial_intelligence():
    """A large language model ("mô hình ngôn ngữ lớn", "LLM"; the AI Law 134/2025/QH15 names
    "mô hình ngôn ngữ lớn tiếng Việt") is an AI model: a strong AI term, in a title as in a
    body; a model ("mô hình") or a language ("ngôn ngữ") alone is not."""
    lex = load_lexicon()
    assert [(h.term, h.category, h.strength) for h in lex.find(
        "Phát triển mô hình ngôn ngữ lớn (LLM) tiếng Việt")] == [
        ("mô hình ngôn ngữ lớn", "ai", "strong"), ("llm", "ai", "strong")]
    assert title_is_digital("Đánh giá mô hình ngôn ngữ lớn trước khi triển khai", lex)
    assert lex.find("Nhân rộng mô hình giáo dục song ngữ dựa trên ngôn ngữ mẹ đẻ") == []


def test_virtual_reality_and_virtual_spaces_are_digital_platforms():
    """Virtual and augmented reality ("thực tế ảo", "thực tế tăng cường") and a virtual space
    ("không gian ảo", "vũ trụ ảo": the metaverse) are made of software and data: strong terms,
    in a title as in a body; "thực tế" (in practice) and "ảo" alone are not."""
    lex = load_lexicon()
    assert [(h.term, h.strength) for h in lex.find(
        "Cung cấp dịch vụ thực tế ảo, thực tế tăng cường trong không gian ảo (vũ trụ ảo)")] == [
        ("thực tế ảo", "strong"), ("thực tế tăng cường", "strong"), ("không gian ảo", "strong"),
        ("vũ trụ ảo", "strong")]
    assert title_is_digital("Tài khoản và nhân vật trong không gian ảo", lex)
    assert lex.find("Căn cứ tình hình thực tế địa phương; tránh phô trương, ảo tưởng") == []


def test_a_device_named_for_its_electronics_is_not_a_digital_form():
    """A title item closed by "điện tử" names the digital form of a thing ("giấy chứng nhận
    điện tử"), but an electronic screen, board, scale or thermometer is a device ("Biển hiệu có
    sử dụng đèn chiếu sáng, màn hình điện tử"), as an e-cigarette is not digital."""
    lex = load_lexicon()
    assert not title_is_digital("Biển hiệu có sử dụng đèn chiếu sáng, màn hình điện tử", lex)
    assert not title_is_digital("Kiểm định cân điện tử, nhiệt kế điện tử", lex)
    assert title_is_digital("Cấp giấy chứng nhận kiểm dịch điện tử", lex)


def test_reference_to_a_field_of_law_is_weak():
    lex = load_lexicon()
    hits = lex.find("theo quy định của pháp luật về giao dịch điện tử")
    assert [(h.term, h.strength) for h in hits] == [("pháp luật về giao dịch điện tử", "weak")]


def test_title_subject_not_one_item_of_a_list():
    lex = load_lexicon()
    assert title_is_digital("Thu thập phương tiện điện tử, dữ liệu điện tử", lex)
    assert title_is_digital("ÁP DỤNG HÓA ĐƠN, CHỨNG TỪ ĐIỆN TỬ", lex)
    assert title_is_digital("Công khai thông tin trên cổng thông tin điện tử, trang thông tin điện tử", lex)
    assert not title_is_digital("Căn cứ khám xét người, chỗ ở, nơi làm việc, địa điểm, phương tiện, "
                                "tài liệu, đồ vật, thư tín, điện tín, dữ liệu điện tử", lex)
    assert not title_is_digital("QUAN TRẮC MÔI TRƯỜNG, THÔNG TIN, CƠ SỞ DỮ LIỆU MÔI TRƯỜNG VÀ BÁO "
                                "CÁO MÔI TRƯỜNG", lex)
    assert not title_is_digital("Hình thức hợp đồng lao động", lex)
    assert not title_is_digital("Thu gom, xử lý chất thải điện tử", lex)  # e-waste: hardware


def _article(heading, lines):
    art = Unit("article", "7", heading, "art_7", 1)
    for i, text in enumerate(lines, 2):
        art.children.append(Unit("paragraph", str(i - 1), "", f"art_7__para_{i - 1}", i,
                                 [Line(text, i)]))
    doc = Document("x.txt", "txt")
    doc.root.children.append(art)
    return doc, art


def test_body_main_subject_versus_incidental_clause():
    digital_doc, digital = _article("Phương thức tổ chức xét xử", [
        "1. Tòa án tổ chức phiên tòa trực tuyến trên môi trường mạng.",
        "2. Việc xét xử trực tuyến phải bảo đảm an toàn thông tin mạng và dữ liệu điện tử.",
        "3. Chánh án quyết định việc xét xử."])
    assert body_is_digital(scan(digital_doc), digital)[0]
    incidental_doc, incidental = _article("Hình thức hợp đồng lao động", [
        "1. Hợp đồng được giao kết thông qua phương tiện điện tử dưới hình thức thông điệp dữ liệu.",
        "2. Hợp đồng có thể giao kết bằng lời nói.",
        "3. Hợp đồng có thời hạn không quá 36 tháng."])
    assert not body_is_digital(scan(incidental_doc), incidental)[0]


def test_lines_containing_finds_content_lines_in_document_order():
    doc, art = _article("Trí tuệ nhân tạo", [
        "1. Hệ thống TRÍ TUỆ NHÂN TẠO phải được con người giám sát.",
        "2. Không yêu cầu kê khai lại thông tin.",
        "3. Chánh án quyết định việc xét xử."])
    sc = scan(doc)
    found = sc.lines_containing(["trí tuệ nhân tạo", "kê khai lại", "con người"])
    # the heading also names "trí tuệ nhân tạo" but only content lines are given, once each
    assert [(u.num, line.lineno) for u, line in found] == [("1", 2), ("2", 3)]
    assert sc.lines_containing(["không có"]) == []


def test_names_any_is_a_cheap_superset_of_digital_title_items():
    lex = load_lexicon()
    assert lex.names_any(fold("Quản lý CƠ SỞ DỮ LIỆU quốc gia"))
    assert not lex.names_any(fold("Quyền và nghĩa vụ của công dân"))
    for heading in ["Thu thập phương tiện điện tử, dữ liệu điện tử", "ÁP DỤNG HÓA ĐƠN, CHỨNG TỪ ĐIỆN TỬ",
                    "Căn cứ khám xét người, chỗ ở, nơi làm việc, dữ liệu điện tử"]:
        if title_is_digital(heading, lex):
            assert lex.names_any(fold(heading), lex.title_categories)


def test_heading_is_prefix_only_needs_a_word_end():
    from lawscan.analyse.outline import heading_is

    assert heading_is("Hiệu lực thi hành.", ["hiệu lực thi hành"], prefix_only=True)
    assert heading_is("Hiệu lực thi hành, điều khoản chuyển tiếp", ["hiệu lực"], prefix_only=True)
    assert not heading_is("Hiệu lực thi hànhx", ["hiệu lực thi hành"], prefix_only=True)
    assert not heading_is("Về hiệu lực", ["hiệu lực"], prefix_only=True)
    assert heading_is("Về hiệu lực", ["hiệu lực"]) and not heading_is("Về hiệu lực", [])


def test_analysing_an_edited_document_again_sees_the_edit():
    """Nothing is kept between two analyses: each gives its own outline, scan and final
    provisions of the tree as it is, so an in-place edit is seen by analysing the same Document
    object again, and the outline hands out tuples a caller cannot reorder."""
    from lawscan.analyse import analyse_document

    a5 = Unit("article", "5", "Quyền", "art_5", 10, [Line("Nội dung.", 11)])
    a7 = Unit("article", "7", "Nghĩa vụ", "art_7", 12, [Line("Nội dung.", 13)])
    doc = Document(path="/tmp/x.txt", format="txt", title="Luật Thử nghiệm", year=2025,
                   doc_kind="law", root=Unit("root", children=[a5, a7]))
    first = analyse_document(doc)
    assert first.outline.units("article") == (a5, a7) and not first.outline.final_ids
    assert "trí tuệ nhân tạo" not in first.scan.folded
    a5.content[0] = Line("Hệ thống trí tuệ nhân tạo tự động ra quyết định.", 11)
    a8 = Unit("article", "8", "Hiệu lực thi hành", "art_8", 14, [Line("Luật này có hiệu lực.", 15)])
    doc.root.children.append(a8)
    second = analyse_document(doc)
    assert second.outline.units("article") == (a5, a7, a8)
    assert second.outline.final_ids == {id(a8)}
    assert "trí tuệ nhân tạo" in second.scan.folded
    assert second.scan.fold(a5.content[0].text) == fold(a5.content[0].text)
    # the first analysis is untouched: it describes the tree as it was
    assert first.outline.units("article") == (a5, a7) and "trí tuệ" not in first.scan.folded