"""The verdict and rubric coverage on small fixture laws (tests/fixtures/analyse/)."""

from pathlib import Path

import pytest

from lawscan.analyse import analyse

FIXTURES = Path(__file__).parent / "fixtures" / "analyse"


def _doc(name):
    from lawscan.pipeline import load_document

    try:
        return load_document(FIXTURES / name)
    except NotImplementedError:
        pytest.skip("reader not available")


def test_dedicated_chapter_and_coverage_with_real_quotes():
    doc = _doc("chapter.txt")
    v = analyse(doc)
    assert v.status == "dedicated_chapter"
    assert v.chapters == ["III"] and v.articles == ["5", "6", "7"]
    states = {c.element: c.state for c in v.coverage}
    for el in ("information_system", "database", "connection_sharing", "online_public_services",
               "e_identification", "security_personal_data", "funding"):
        assert states[el] == "present", el
    assert states["e_transactions"] == "absent"  # only named in the final chapter (excluded)
    assert states["ai_oversight"] == "not_applicable"  # also only in the final chapter
    texts = {ln.lineno: ln.text for ln in doc.lines}
    for item in v.coverage:
        for ev in item.evidence:
            assert ev.eid.startswith("chp_III"), ev
            assert ev.quote and ev.quote in texts[ev.line], ev


def test_incidental_mentions_stay_none():
    v = analyse(_doc("incidental.txt"))
    assert v.status == "none", v.reasons
    assert v.chapters == v.sections == v.articles == []
    states = {c.element: c.state for c in v.coverage}
    assert states["violations_online"] != "present"


def test_amending_law_counts_its_quoted_text_for_the_instruction_article():
    v = analyse(_doc("amending.txt"))
    assert v.status == "articles_only"
    assert v.articles == ["1"]
    assert any("Điều 3a" in r.en and "Điều 3a" in r.vi for r in v.reasons)
    assert {c.element: c.state for c in v.coverage}["online_public_services"] == "present"


@pytest.mark.parametrize("amended,status", [
    ("Luật An toàn thông tin mạng", "digital_law"),
    ("Luật Viễn thông và Luật Giao dịch điện tử", "digital_law"),
    # one of the laws it amends names no digital topic: its quoted text decides
    ("Luật Viễn thông và Luật Nuôi tằm", "articles_only"),
    ("Luật Nuôi tằm", "articles_only"),
    # the laws named by their field, not by their kind and name
    ("các luật về viễn thông", "articles_only"),
])
def test_an_amending_law_of_digital_laws_is_a_digital_law(amended, status):
    """An amending law whose title amends only laws named by a digital topic is about the
    digital environment as a whole, as those laws are (round 90's amending law of the Law on
    Network Information Security); any other amending law is judged by its quoted text."""
    from conftest import parse_text

    text = (FIXTURES / "amending.txt").read_text(encoding="utf-8")
    text = text.replace("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT NUÔI TẰM",
                        f"SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA {amended.upper()}")
    text = text.replace("của Luật Nuôi tằm số 98/2030/QH16", f"của {amended}")
    v = analyse(parse_text(text))
    assert v.status == status, v.reasons
    if status == "digital_law":
        assert v.reasons[0].code == "title_topic"


AMENDING_DECREE = """\
CHÍNH PHỦ
Số: 12/2026/NĐ-CP
NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của {amended}
Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của {amended}.
Điều 1. Sửa đổi, bổ sung một số điều của {amended}
1. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:
“2. Hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính trong thời hạn 10 ngày.”
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2027.
"""


@pytest.mark.parametrize("amended,status", [
    ("Nghị định số 53/2022/NĐ-CP ngày 15 tháng 8 năm 2022 của Chính phủ quy định chi tiết một số "
     "điều của Luật An ninh mạng", "digital_law"),
    ("Nghị định số 31/2025/NĐ-CP của Chính phủ quy định về hóa đơn điện tử", "digital_law"),
    ("Nghị định số 84/2019/NĐ-CP ngày 14 tháng 11 năm 2019 của Chính phủ quy định về quản lý phân bón",
     "none"),
    # two texts amended: each is judged by the quoted text that amends it
    ("Nghị định số 53/2022/NĐ-CP và Nghị định số 84/2019/NĐ-CP", "none"),
])
def test_an_amending_decree_of_a_digital_decree_is_a_digital_decree(amended, status):
    """A sub-law text amending one text whose title says it regulates a digital topic or thing
    ("… quy định chi tiết một số điều của Luật An ninh mạng") is about the digital environment
    as that text is (round 91's decree amending the cybersecurity decree); amending a decree on
    fertilisers, or two decrees, it is judged by its quoted text."""
    from conftest import parse_text

    v = analyse(parse_text(AMENDING_DECREE.format(amended=amended)))
    assert v.status == status, v.reasons


def test_a_decision_amending_a_regulation_on_a_digital_thing_is_a_digital_decision():
    """A province's decision amending the regulation on its intelligent operations centre ("Quy
    chế quản lý, vận hành Trung tâm giám sát, điều hành thông minh …", a lexicon term since round
    92) or on its data-sharing platform (round 93) is about the digital environment as that
    regulation is; amending its regulation on village cultural houses, it is judged by its quoted
    text."""
    from conftest import parse_text

    def status(regulation: str) -> str:
        text = ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: /2026/QĐ-UBND\nQUYẾT ĐỊNH\n"
                f"Sửa đổi, bổ sung một số điều của {regulation} ban hành kèm theo Quyết định số "
                "27/2024/QĐ-UBND ngày 15 tháng 7 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh\n"
                "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế\n"
                "1. Sửa đổi khoản 2 Điều 5 như sau:\n“2. Người trực ca ghi sổ trực ca hằng ngày.”\n"
                "Điều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực từ ngày 01 tháng 3 năm 2027.\n")
        return analyse(parse_text(text)).status

    assert status("Quy chế quản lý, vận hành Trung tâm giám sát, điều hành thông minh tỉnh Hà Tĩnh") \
        == "digital_law"
    # the province's data-sharing platform by its official name (round 93)
    assert status("Quy chế quản lý, vận hành, khai thác Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Hà Tĩnh") \
        == "digital_law"
    assert status("Quy định quản lý, sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn tỉnh Hà Tĩnh") \
        == "none"


def _final_nums(doc, kind: str) -> list[str]:
    """The numbers of the units of ``kind`` that are final provisions."""
    from lawscan.analyse.matcher import is_final_provisions

    return [u.num for u in doc.units(kind) if is_final_provisions(u, doc)]


def test_final_provisions_detection():
    from lawscan.analyse.matcher import is_final_provisions

    doc = _doc("chapter.txt")
    by_num = {u.num: u for u in doc.units("article")}
    assert is_final_provisions(by_num["8"], doc) and is_final_provisions(by_num["9"], doc)
    assert not is_final_provisions(by_num["5"], doc)


def test_untitled_final_articles_of_a_decision_are_final_provisions():
    """A decision's or decree's last articles often have no title, only their sentence: "Quyết
    định này có hiệu lực …" and "… chịu trách nhiệm thi hành Quyết định này./." are final
    provisions (not listed among a digital text's articles); a transitional article that only
    mentions the date of effect is not."""
    from conftest import parse_text

    doc = parse_text(
        "QUYẾT ĐỊNH\nPhê duyệt Chương trình chuyển đổi số ngành dự trữ quốc gia\n"
        "Điều 1. Phê duyệt Chương trình chuyển đổi số ngành dự trữ quốc gia với nội dung sau:\n"
        "1. Xây dựng cơ sở dữ liệu dự trữ quốc gia và nền tảng số dùng chung.\n"
        "Điều 2. Xử lý hồ sơ nộp trước ngày Quyết định này có hiệu lực thi hành\n"
        "Hồ sơ đã nộp được tiếp tục giải quyết.\n"
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
        "Điều 4. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành "
        "Quyết định này./.")
    assert _final_nums(doc, "article") == ["3", "4"]


def test_a_chapter_titled_only_implementation_is_final():
    """A decree's, circular's or regulation's last chapter "TỔ CHỨC THỰC HIỆN" is its final
    provisions, as "ĐIỀU KHOẢN THI HÀNH" is; a chapter whose longer title only holds those words
    ("TỔ CHỨC THỰC HIỆN DỰ ÁN …") is about other matter."""
    from conftest import parse_text

    doc = parse_text(
        "NGHỊ ĐỊNH\nQuy định về đầu tư công trình thủy lợi\nChương I\nQUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về đầu tư công trình thủy lợi.\n"
        "Chương II\nTỔ CHỨC THỰC HIỆN DỰ ÁN ĐẦU TƯ\nĐiều 2. Chủ đầu tư\n"
        "Chủ đầu tư lập báo cáo nghiên cứu khả thi.\nChương III\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 3. Trách nhiệm của các bộ\nCác bộ hướng dẫn việc áp dụng Nghị định này.\n")
    assert _final_nums(doc, "chapter") == ["III"]


CIRCULAR_WITH_A_DATABASE_ARTICLE_LAST = (
    "THÔNG TƯ\nQuy định về cơ sở điều dưỡng người cao tuổi\nChương I\nQUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về cơ sở điều dưỡng người cao tuổi.\n"
    "Chương II\nĐIỀU KIỆN HOẠT ĐỘNG\nĐiều 2. Điều kiện về cơ sở vật chất\n"
    "1. Cơ sở có phòng ở bảo đảm diện tích tối thiểu.\n2. Cơ sở có khu sinh hoạt chung.\n"
    "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 3. Trách nhiệm của Sở Y tế\n"
    "Sở Y tế kiểm tra cơ sở và cập nhật cơ sở dữ liệu về y tế.\n"
    "Điều 4. Cập nhật thông tin về cơ sở điều dưỡng vào Cơ sở dữ liệu quốc gia về y tế\n"
    "1. Cơ sở cập nhật thông tin về người được điều dưỡng vào Cơ sở dữ liệu quốc gia về y tế.\n"
    "2. Việc kết nối, chia sẻ dữ liệu bảo đảm an toàn thông tin.\n"
    "Điều 5. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n")


def test_an_article_with_a_digital_title_in_the_last_chapter_is_not_a_final_provision():
    """A circular's last chapter "TỔ CHỨC THỰC HIỆN" is its final provisions, but an article there
    whose own title names a digital subject is about that subject: the analysis keeps it out of
    the final provisions (and the verdict counts it), while the responsibilities and the entry
    into force around it stay final. The outline alone, without the analysis' title test, takes
    the chapter whole."""
    from conftest import parse_text
    from lawscan.analyse import analyse_document
    from lawscan.analyse.outline import Outline

    doc = parse_text(CIRCULAR_WITH_A_DATABASE_ARTICLE_LAST)
    analysis = analyse_document(doc)
    final = [a.num for a in doc.units("article") if analysis.outline.is_final(a)]
    assert final == ["3", "5"]
    assert (analysis.verdict.status, analysis.verdict.articles) == ("articles_only", ["4"])
    whole = Outline.of(doc)
    assert [a.num for a in doc.units("article") if whole.is_final(a)] == ["3", "4", "5"]


def test_a_title_that_opens_like_a_final_provision_but_names_other_matter_is_not_one():
    """"Hiệu lực", "Thi hành" and "Tổ chức thực hiện" are final provisions alone or joined to
    each other ("Hiệu lực và trách nhiệm thi hành"); followed by other words they open the title of
    an article of substance - "Hiệu lực của hợp đồng điện tử", "Thi hành quyết định xử phạt",
    "Tổ chức thực hiện và quản lý chuyển đổi số" - which the verdict judges (before, every title
    that began with them was a final provision, and a digital one among them was never seen)."""
    from conftest import parse_text

    doc = parse_text(
        "NGHỊ ĐỊNH\nQuy định chi tiết một số điều của Luật Điện lực\nChương I\nQUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết một số điều của Luật Điện lực.\n"
        "Chương II\nCHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG ĐIỆN LỰC\n"
        "Điều 2. Hiệu lực của hợp đồng điện tử\nHợp đồng mua bán điện giao kết bằng phương tiện điện "
        "tử có hiệu lực kể từ thời điểm được ký số.\n"
        "Điều 3. Tổ chức thực hiện và quản lý chuyển đổi số, hệ thống thông tin, dữ liệu điện lực\n"
        "Tập đoàn Điện lực Việt Nam xây dựng, vận hành hệ thống thông tin và cơ sở dữ liệu điện lực.\n"
        "Điều 4. Thi hành quyết định xử phạt\nQuyết định xử phạt được thi hành trong 10 ngày.\n"
        "Chương III\nĐIỀU KHOẢN THI HÀNH\nĐiều 5. Hiệu lực và trách nhiệm thi hành\n"
        "Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n")
    assert _final_nums(doc, "article") == ["5"]
    v = analyse(doc)
    assert v.status == "dedicated_chapter" and v.chapters == ["II"]
    assert v.articles == ["2", "3"]


def test_a_decision_issuing_a_regulation_regulates_what_the_regulation_does():
    """"Quyết định ban hành Quy chế <object>": the decision regulates the regulation's object; a
    digital one, with most of the regulation's substantive chapters digital, makes it a digital
    text (before, only "Quyết định quy định …" was read so)."""
    from conftest import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 12/2026/QĐ-UBND\nQUYẾT ĐỊNH\n"
        "Ban hành Quy chế cung cấp dịch vụ công trực tuyến và vận hành Hệ thống thông tin giải "
        "quyết thủ tục hành chính tỉnh An Phú\nỦY BAN NHÂN DÂN TỈNH AN PHÚ QUYẾT ĐỊNH:\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc cung cấp "
        "dịch vụ công trực tuyến.\nChương II\nCUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN\n"
        "Điều 2. Tiếp nhận hồ sơ trực tuyến\n1. Hồ sơ được nộp qua Cổng Dịch vụ công quốc gia.\n"
        "2. Kết quả được trả bằng bản điện tử có chữ ký số.\nĐiều 3. Thanh toán trực tuyến\n"
        "1. Phí, lệ phí được thanh toán trực tuyến.\n2. Biên lai điện tử được gửi vào tài khoản định danh điện tử.\n"
        "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 4. Trách nhiệm thi hành\n"
        "Các sở, ngành chịu trách nhiệm thi hành Quy chế này.\n")
    assert doc.doc_kind == "decision"
    v = analyse(doc)
    assert (v.status, v.chapters, v.reasons[0].code) == ("digital_law", ["II"], "title_object_thing")


def test_reason_texts_are_data_in_both_languages():
    """rules/data/reasons.toml: NFC as written, every reason and piece in Vietnamese and English
    with the same fields, and every reason key the analysis code asks for is there."""
    import re
    import string
    import unicodedata

    from lawscan.analyse import messages
    from lawscan.analyse.lexicon import data_path

    raw = data_path("reasons.toml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    data = messages.messages()
    for table in ("reason", "text"):
        for key, entry in data[table].items():
            fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
                      for lang in ("vi", "en")]
            assert fields[0] == fields[1], (table, key)
    code = "".join(p.read_text(encoding="utf-8") for p in
                   (Path(messages.__file__).parent).glob("*.py"))
    asked = set(re.findall(r'reason\(\s*"(\w+)"', code)) | {"chapter_title", "section_title",
                                                            "chapter_articles", "section_articles"}
    assert asked <= set(data["reason"]), asked - set(data["reason"])
    r = messages.reason("article_title", "chp_I__art_3", num="3", terms="cơ sở dữ liệu")
    assert (r.code, r.vi, r.en, r.eid) == ("article_title", "Tên Điều 3 nói về cơ sở dữ liệu",
                                           "Điều 3 title names cơ sở dữ liệu", "chp_I__art_3")
    inner = messages.reason("quoted_article", num="1", inner=("Tên Điều 3a nói về x", "Điều 3a title names x"))
    assert inner.code == "quoted" and inner.vi.endswith("bổ sung/sửa đổi: Tên Điều 3a nói về x")
    assert inner.en == "Điều 1 inserts/amends Điều 3a title names x"


def _record(tmp_path, scope: str, chapters: list[tuple[str, list[str]]]) -> Path:
    """A vbpl.vn JSON record without the law's title (as the pool's records are): its scope
    article, then chapters of articles with the given titles."""
    import json

    arts = [{"number": "Điều 1", "heading": "Phạm vi điều chỉnh", "body": scope},
            {"number": "Điều 2", "heading": "Giải thích từ ngữ", "body": "Các từ ngữ dưới đây."}]
    out, n = [{"title": "CHƯƠNG I", "subtitle": "NHỮNG QUY ĐỊNH CHUNG", "articles": arts}], 3
    for i, (name, titles) in enumerate(chapters, start=2):
        items = []
        for t in titles:
            items.append({"number": f"Điều {n}", "heading": t, "body": f"1. Nội dung của {t.lower()}."})
            n += 1
        out.append({"title": f"CHƯƠNG {'I' * i if i < 4 else 'IV'}", "subtitle": name, "articles": items})
    path = tmp_path / "record.json"
    path.write_text(json.dumps({"id": "1/2099/QH99", "chapters": out}, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("scope, status", [
    # the topic ends after the tenth word of the object regulated: read whole, not cut
    ("Luật này quy định về hoạt động ứng dụng và phát triển công nghệ thông tin, các biện "
     "pháp bảo đảm.", "digital_law"),
    # the topic starts after the tenth word: not the object the law regulates
    ("Luật này quy định về hoạt động khai thác tài nguyên nước của tổ chức cá nhân trong nước có "
     "ứng dụng công nghệ thông tin.", "dedicated_chapter"),
    # a decree or circular names itself so; "quy định việc …", an object listing what it does
    ("Nghị định này quy định việc quản lý, vận hành và sử dụng Hệ thống thông tin quốc gia, các "
     "biện pháp bảo đảm.", "digital_law"),
    ("Thông tư này quy định về hoạt động ứng dụng công nghệ thông tin của ngành.", "digital_law"),
    # the first item is what a title would name: a database listed after another subject does
    # not make the text a digital one (as "Luật Căn cước công dân" does not by its title)
    ("Luật này quy định về chứng chỉ hành nghề kỹ thuật, Cơ sở dữ liệu quốc gia về chứng chỉ; "
     "quyền, nghĩa vụ của cơ quan, tổ chức, cá nhân.", "dedicated_chapter"),
])
def test_record_without_title_reads_its_scope_topic_whole(tmp_path, scope, status):
    """A record without its title is a digital law when its scope article names a digital topic
    at the head of the object it regulates (and most of its chapters are digital)."""
    from lawscan.pipeline import load_document

    path = _record(tmp_path, scope, [
        ("ỨNG DỤNG CÔNG NGHỆ THÔNG TIN", ["Cơ sở dữ liệu quốc gia", "Hệ thống thông tin"]),
        ("PHÁT TRIỂN CÔNG NGHỆ THÔNG TIN", ["Phát triển phần mềm", "Hạ tầng công nghệ thông tin"]),
        ("ĐIỀU KHOẢN THI HÀNH", ["Hiệu lực thi hành"]),
    ])
    doc = load_document(path)
    assert not doc.title
    assert analyse(doc).status == status


SUB_LAW = """\
BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 12/2026/TT-BNNMT
THÔNG TƯ
{title}
Căn cứ Luật Đất đai số 31/2024/QH15;
Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành Thông tư {enacted}.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định {enacted}.
Chương II
XÂY DỰNG HỆ THỐNG THÔNG TIN VÀ CƠ SỞ DỮ LIỆU
Điều 2. Xây dựng cơ sở dữ liệu đất đai
1. Cơ sở dữ liệu đất đai được xây dựng thống nhất trên nền tảng số.
2. Cơ sở dữ liệu đất đai được kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư.
Điều 3. Hạ tầng kỹ thuật của hệ thống thông tin
1. Hạ tầng kỹ thuật công nghệ thông tin bảo đảm an toàn thông tin mạng.
2. Hệ thống thông tin được giám sát an toàn thông tin mạng liên tục.
Chương III
QUẢN LÝ HỒ SƠ ĐỊA CHÍNH
Điều 4. Lập hồ sơ địa chính
Hồ sơ địa chính được lập cho từng thửa đất.
Điều 5. Lưu giữ hồ sơ địa chính
Hồ sơ địa chính được lưu giữ tại văn phòng đăng ký đất đai.
Chương IV
ĐIỀU KHOẢN THI HÀNH
Điều 6. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""


@pytest.mark.parametrize("title, enacted, status, why", [
    ("Quy định kỹ thuật về xây dựng, vận hành Hệ thống thông tin quốc gia về đất đai",
     "quy định kỹ thuật về xây dựng, vận hành Hệ thống thông tin quốc gia về đất đai", "digital_law",
     "title_object_thing"),
    # the title's first item is not the system: a text on records that has a digital chapter
    ("Quy định về hồ sơ địa chính, hệ thống thông tin đất đai",
     "quy định về hồ sơ địa chính, hệ thống thông tin đất đai", "dedicated_chapter", None),
    # a system in a second object, after a first of its own: it needs half of the chapters
    ("Quy định về hồ sơ địa chính và hệ thống thông tin đất đai",
     "quy định về hồ sơ địa chính và hệ thống thông tin đất đai", "digital_law", "title_object_topic"),
    # an e-portal counts in titles (a weak term): a text whose title's object is one is about it,
    # with half of its chapters digital
    ("Quy định về cổng thông tin điện tử của cơ quan nhà nước",
     "quy định về cổng thông tin điện tử của cơ quan nhà nước", "digital_law", "title_object_topic"),
    # selling by livestream is an activity on platforms, as e-commerce is (before: the word was
    # not in the lexicon, and the circular was read by its chapters)
    ("Quy định quản lý hoạt động bán hàng bằng hình thức livestream",
     "quy định quản lý hoạt động bán hàng bằng hình thức livestream", "digital_law",
     "title_object_thing"),
], ids=["the title regulates an information system", "records first", "records and a system",
        "an e-portal", "selling by livestream"])
def test_a_sub_law_texts_title_says_what_it_regulates(title, enacted, status, why):
    """A circular's (decree's, …) title says what it regulates, as a scope article does: a
    digital thing (a strong term) at the head of it makes the text a digital one; a term that
    counts in titles only, with at least half of the substantive chapters digital."""
    from conftest import parse_text

    doc = parse_text(SUB_LAW.format(title=title, enacted=enacted))
    assert doc.doc_kind == "circular"
    v = analyse(doc)
    assert v.status == status, v.reasons
    if status == "digital_law":
        assert v.reasons[0].code == why


@pytest.mark.parametrize("title, status", [
    # "Thông tư về …" says what it regulates as "Thông tư quy định về …" does (before: not read)
    ("Về Hệ thống thông tin quốc gia về đất đai", "digital_law"),
    # an activity done online heads the object: with half of the chapters digital
    ("Về đăng ký trực tuyến biến động đất đai", "digital_law"),
    # a digital qualifier inside a false friend is no digital head
    ("Về thuốc lá điện tử trong khu dân cư", "dedicated_chapter"),
], ids=["a system", "an activity done online", "a false friend"])
def test_a_title_that_says_what_it_regulates_with_ve(title, status):
    from conftest import parse_text

    doc = parse_text(SUB_LAW.format(title=title, enacted=title[0].lower() + title[1:]))
    assert doc.title == "Thông tư " + title[0].lower() + title[1:]
    v = analyse(doc)
    assert v.status == status, v.reasons


def test_a_sub_law_text_on_a_digital_thing_whose_chapters_use_the_sectors_words():
    """"Thông tư quy định về Hệ thống thông tin quản lý đào tạo lái xe": the circular regulates
    the system its title names, though two of its three substantive chapters speak of learners
    and practice sessions, not of data (before: dedicated_chapter). A law's subject is broader
    (test_a_law_whose_title_names_a_digital_subject_with_few_chapters_digital)."""
    from conftest import parse_text

    text = SUB_LAW.format(title="Quy định về Hệ thống thông tin quản lý đào tạo lái xe",
                          enacted="quy định về Hệ thống thông tin quản lý đào tạo lái xe")
    text = text.replace("Chương IV\nĐIỀU KHOẢN THI HÀNH\nĐiều 6.",
                        "Chương IV\nPHIÊN HỌC THỰC HÀNH\nĐiều 6. Phiên học\n"
                        "Học viên học thực hành lái xe theo từng phiên có giáo viên.\n"
                        "Chương V\nĐIỀU KHOẢN THI HÀNH\nĐiều 7.")
    assert "Chương V" in text
    v = analyse(parse_text(text))
    assert (v.status, v.chapters, v.reasons[0].code) == (
        "digital_law", ["II", "III", "IV"], "title_object_thing"), v.reasons


def test_a_part_that_names_the_final_provisions_beside_other_matter():
    """"Phần thứ ba / HOẠT ĐỘNG CỦA CHÍNH QUYỀN ĐỊA PHƯƠNG VÀ ĐIỀU KHOẢN THI HÀNH" holds a chapter
    on that activity and a chapter "ĐIỀU KHOẢN THI HÀNH": only the latter is final, so the digital
    article of the first counts."""
    from conftest import parse_text
    from lawscan.analyse import analyse_document

    text = ("LUẬT\nTỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\nPhần thứ nhất\nNHỮNG QUY ĐỊNH CHUNG\nChương I\n"
            "PHẠM VI ĐIỀU CHỈNH\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về chính quyền địa phương.\n"
            "Điều 2. Phân cấp\nChính quyền địa phương thực hiện nhiệm vụ được phân cấp.\n"
            "Phần thứ hai\nHOẠT ĐỘNG CỦA CHÍNH QUYỀN ĐỊA PHƯƠNG VÀ ĐIỀU KHOẢN THI HÀNH\nChương I\n"
            "HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN\nĐiều 3. Chính quyền số và nền tảng dữ liệu của địa phương\n"
            "1. Ủy ban nhân dân cấp tỉnh xây dựng chính quyền số, sử dụng văn bản điện tử và chữ ký số.\n"
            "2. Dữ liệu dùng chung được kết nối với cơ sở dữ liệu quốc gia về dân cư.\n"
            "Chương II\nĐIỀU KHOẢN THI HÀNH\nĐiều 4. Hiệu lực thi hành\n"
            "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.\n")
    analysis = analyse_document(parse_text(text))
    assert analysis.verdict.status == "articles_only" and analysis.verdict.articles == ["3"]
    assert [a.num for a in analysis.outline.units("article") if analysis.outline.is_final(a)] == ["4"]


LAW_WITH_A_DIGITAL_SUBJECT = (
    "QUỐC HỘI\nLuật số: /2026/QH16\nLUẬT\n{title}\nCăn cứ Hiến pháp;\n"
    "Quốc hội ban hành Luật {subject}.\n"
    "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về {lower}.\n"
    "Chương II\nTRUNG TÂM DỮ LIỆU\nĐiều 2. Xây dựng trung tâm dữ liệu\n"
    "1. Trung tâm dữ liệu được kết nối với cơ sở dữ liệu quốc gia.\n"
    "Điều 3. Vận hành trung tâm dữ liệu\n1. Dữ liệu được sao lưu trên hệ thống thông tin.\n"
    "Chương III\nĐIỆN TOÁN ĐÁM MÂY\nĐiều 4. Dịch vụ điện toán đám mây\n"
    "1. Dịch vụ điện toán đám mây được cung cấp trên môi trường mạng.\n"
    "Điều 5. An toàn thông tin mạng của dịch vụ điện toán đám mây\n1. Bảo đảm an ninh mạng.\n"
    "Chương IV\n{fourth}\nĐiều 6. Quy hoạch\n1. Quy hoạch được lập theo quy định.\n"
    "Điều 7. Đất đai cho công trình\n1. Đất được giao theo quy định của pháp luật về đất đai.\n"
    "Chương V\nĐIỀU KHOẢN THI HÀNH\nĐiều 8. Hiệu lực thi hành\nLuật này có hiệu lực từ ngày 01 tháng 01 năm 2027.\n")


@pytest.mark.parametrize("fourth, status", [
    ("QUẢN LÝ NHÀ NƯỚC VỀ HẠ TẦNG SỐ", "digital_law"),
    ("ĐẤT ĐAI VÀ QUY HOẠCH", "digital_law"),  # two of three chapters: at least half
], ids=["all chapters", "two of three"])
def test_a_law_whose_title_names_a_digital_subject_with_most_chapters_digital(fourth, status):
    """A law's title names its subject: a strong digital term that is not one of the lexicon's
    law topics ("Luật Hạ tầng số"), with at least half of the substantive chapters digital,
    makes it a digital law, as a sub-law text's title object does (before: dedicated_chapter)."""
    from conftest import parse_text

    doc = parse_text(LAW_WITH_A_DIGITAL_SUBJECT.format(
        title="HẠ TẦNG SỐ", subject="Hạ tầng số", lower="hạ tầng số", fourth=fourth))
    assert doc.doc_kind == "law" and doc.title == "Luật Hạ tầng số"
    v = analyse(doc)
    assert (v.status, v.reasons[0].code) == (status, "title_object_topic"), v.reasons


def test_a_law_whose_title_names_a_digital_subject_with_few_chapters_digital():
    """The same title with one digital chapter of three is a law with a digital chapter."""
    from conftest import parse_text

    text = LAW_WITH_A_DIGITAL_SUBJECT.format(title="HẠ TẦNG SỐ", subject="Hạ tầng số",
                                             lower="hạ tầng số", fourth="ĐẤT ĐAI VÀ QUY HOẠCH")
    text = text.replace("ĐIỆN TOÁN ĐÁM MÂY\nĐiều 4. Dịch vụ điện toán đám mây\n"
                        "1. Dịch vụ điện toán đám mây được cung cấp trên môi trường mạng.\n"
                        "Điều 5. An toàn thông tin mạng của dịch vụ điện toán đám mây\n"
                        "1. Bảo đảm an ninh mạng.\n",
                        "XÂY DỰNG CÔNG TRÌNH\nĐiều 4. Thiết kế công trình\n1. Thiết kế theo tiêu chuẩn.\n"
                        "Điều 5. Thi công công trình\n1. Thi công theo thiết kế được duyệt.\n")
    v = analyse(parse_text(text))
    assert v.status == "dedicated_chapter" and v.chapters == ["II"], v.reasons



METERING = """\
BỘ CÔNG THƯƠNG
Số: 09/2026/TT-BCT
THÔNG TƯ
Quy định về đo đếm điện năng và quản lý dữ liệu đo đếm
Căn cứ Luật Điện lực;
Bộ trưởng Bộ Công Thương ban hành Thông tư quy định về đo đếm điện năng và quản lý dữ liệu đo đếm.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về đo đếm điện năng và quản lý dữ liệu đo đếm.
Chương II
HỆ THỐNG ĐO ĐẾM ĐIỆN NĂNG
Điều 2. Vị trí đo đếm
Hệ thống đo đếm được lắp đặt tại ranh giới giao nhận điện.
Điều 3. Công tơ đo đếm
Công tơ đo đếm phải được kiểm định trước khi lắp đặt.
Chương III
THU THẬP VÀ CHIA SẺ DỮ LIỆU ĐO ĐẾM
Điều 4. Cơ sở dữ liệu đo đếm
1. Dữ liệu đo đếm được lưu trữ trong cơ sở dữ liệu đo đếm điện năng.
2. Cơ sở dữ liệu được kết nối, chia sẻ với hệ thống thông tin của đơn vị điện lực.
Điều 5. Hệ thống thông tin thu thập dữ liệu đo đếm
Hệ thống thông tin thu thập dữ liệu đo đếm bảo đảm an toàn thông tin mạng.
Chương IV
GHI CHỈ SỐ VÀ THANH TOÁN TIỀN ĐIỆN
Điều 6. Ghi chỉ số công tơ
Chỉ số công tơ được ghi hằng tháng.
Điều 7. Thanh toán tiền điện
Khách hàng thanh toán tiền điện theo hóa đơn.
Chương V
ĐIỀU KHOẢN THI HÀNH
Điều 8. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""


def _metering_titled(subject: str):
    """The metering circular under another title (its header line and enacting sentence)."""
    from conftest import parse_text

    lower = subject[0].lower() + subject[1:]
    return parse_text(METERING.replace("Quy định về đo đếm điện năng và quản lý dữ liệu đo đếm", subject)
                      .replace("quy định về đo đếm điện năng và quản lý dữ liệu đo đếm", lower))


def test_a_topic_beside_the_object_of_a_sub_law_title_needs_most_chapters():
    """A circular's title that says what it regulates is read as a scope article is, even when a
    law topic stands in it ("dữ liệu"): metering, with one chapter of three on its data, is not
    a digital text (before: digital_law on the title alone)."""
    from conftest import parse_text

    doc = parse_text(METERING)
    assert doc.doc_kind == "circular"
    v = analyse(doc)
    assert (v.status, v.chapters) == ("dedicated_chapter", ["III"]), v.reasons


@pytest.mark.parametrize("subject", [
    "Quy định về quản lý tài liệu, dữ liệu, mẫu vật và chế độ báo cáo đo đếm điện năng",
    "Quy định chế độ báo cáo, thống kê và thông tin, dữ liệu đo đếm điện năng",
])
def test_data_listed_after_other_objects_of_a_sub_law_title_needs_most_chapters(subject):
    """Data named in a circular's title as an item of a list after items that name nothing
    digital ("tài liệu, | dữ liệu, mẫu vật", "báo cáo, thống kê và thông tin, | dữ liệu") is the
    data of its sector beside its records: read with its chapters, as a second object is (one
    chapter of three on the data: dedicated_chapter, not digital_law on the title alone)."""
    doc = _metering_titled(subject)
    assert doc.title == f"Thông tư {subject[0].lower()}{subject[1:]}"
    v = analyse(doc)
    assert (v.status, v.chapters) == ("dedicated_chapter", ["III"]), v.reasons


@pytest.mark.parametrize("subject, status", [
    ("Quy định chi tiết phương pháp đo đếm điện năng; thu thập, cập nhật cơ sở dữ liệu đo đếm",
     "dedicated_chapter"),
    ("Quy định về cơ sở dữ liệu đo đếm điện năng; chế độ báo cáo đo đếm", "digital_law"),
])
def test_data_in_an_object_after_a_semicolon_needs_most_chapters(subject, status):
    """A circular's title that lists its objects with semicolons ("phương pháp đo đếm; | thu
    thập, cập nhật cơ sở dữ liệu đo đếm") names the data in a second object: read with its
    chapters (one of three on the data: dedicated_chapter); data in the first object keeps the
    title's topic."""
    doc = _metering_titled(subject)
    assert doc.title == f"Thông tư {subject[0].lower()}{subject[1:]}"
    v = analyse(doc)
    assert v.status == status, v.reasons


def test_verbs_sharing_a_data_object_keep_the_title_topic():
    """Verbs sharing one object ("quản lý, vận hành và khai thác cơ sở dữ liệu") do not make
    the data a listed item: the circular is about its database, a digital text."""
    subject = "Quy định về quản lý, vận hành và khai thác dữ liệu đo đếm điện năng"
    assert analyse(_metering_titled(subject)).status == "digital_law"


@pytest.mark.parametrize("subject, status", [
    ("Quy định về đo đếm điện năng, công tơ và công tơ điện tử", "dedicated_chapter"),
    ("Quy định về đo đếm điện năng bằng công tơ điện tử", "digital_law"),
])
def test_a_qualifier_that_closes_only_the_last_item_of_a_title_needs_most_chapters(subject, status):
    """A digital qualifier that closes a circular's title makes the whole object digital
    ("đo đếm điện năng bằng công tơ điện tử"), not when it closes only the last item of a list,
    the digital form of an item before it ("đo đếm điện năng, công tơ và | công tơ điện tử", as
    a decree on hydrographic surveys, charts and electronic charts): that object is read with
    its chapters (one of three on the data: dedicated_chapter)."""
    doc = _metering_titled(subject)
    assert doc.title == f"Thông tư {subject[0].lower()}{subject[1:]}"
    v = analyse(doc)
    assert v.status == status, v.reasons


@pytest.mark.parametrize("subject", [
    # a qualifier closing the last of several objects of their own
    "Quy định về kiểm định công tơ điện năng, ghi chỉ số công tơ hằng tháng và thanh toán tiền điện "
    "trực tuyến",
    # data named inside an item after an object of its own
    "Quy định về lắp đặt, kiểm định công tơ điện năng tại khách hàng, cơ sở dữ liệu đo đếm điện năng "
    "và ghi chỉ số công tơ",
])
def test_a_digital_thing_listed_after_objects_of_their_own_needs_most_chapters(subject):
    """The last of several objects of three words or more each that a qualifier closes ("…, ghi
    chỉ số công tơ hằng tháng và | thanh toán tiền điện trực tuyến", as a tourism decree's
    "thẻ hướng dẫn viên du lịch điện tử"), or a database named inside an item after such an
    object ("… công tơ điện năng tại khách hàng, | cơ sở dữ liệu đo đếm …", as a circular on
    public assets, their national database and online auctions): one object of several, read
    with the chapters (one of three on the data: dedicated_chapter; before: digital_law on the
    title alone)."""
    doc = _metering_titled(subject)
    v = analyse(doc)
    assert (v.status, v.chapters) == ("dedicated_chapter", ["III"]), v.reasons


def _assert_decision_read_by_its_title(doc, status):
    """A decision read as ``status``: digital_law on the thing its title names first, any other
    status by its chapters."""
    assert doc.doc_kind == "decision"
    v = analyse(doc)
    assert v.status == status, v.reasons
    assert (v.reasons[0].code == "title_object_thing") == (status == "digital_law"), v.reasons


@pytest.mark.parametrize("place, status", [
    (" trên địa bàn tỉnh An Phú", "digital_law"),
    ("", "dedicated_chapter"),
])
def test_a_defined_system_named_in_the_title_without_its_place(place, status):
    """A decision on a system its regulation defines as an information system under a name
    that ends in its province ("Hệ thống đặt lịch khám bệnh trực tuyến tỉnh An Phú"), which the
    title names without it and says the province later ("… tại các bệnh viện công lập trên địa
    bàn tỉnh An Phú"): the text regulates that system (before: read by its chapters,
    dedicated_chapter). A title that does not say the place is read by its chapters."""
    from conftest import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 15/2026/QĐ-UBND\nQUYẾT ĐỊNH\n"
        "Ban hành Quy chế quản lý, vận hành và sử dụng Hệ thống đặt lịch khám bệnh trực tuyến "
        f"tại các bệnh viện công lập{place}\nỦY BAN NHÂN DÂN TỈNH AN PHÚ QUYẾT ĐỊNH:\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc quản "
        "lý, vận hành và sử dụng Hệ thống.\nĐiều 2. Giải thích từ ngữ\n1. Hệ thống đặt lịch "
        "khám bệnh trực tuyến tỉnh An Phú (sau đây gọi là Hệ thống) là hệ thống thông tin do Sở "
        "Y tế làm chủ quản.\nChương II\nĐẶT LỊCH VÀ TIẾP ĐÓN NGƯỜI BỆNH\nĐiều 3. Trình tự đặt "
        "lịch khám\nNgười bệnh chọn bệnh viện, chuyên khoa và khung giờ khám.\nĐiều 4. Tiếp đón "
        "người bệnh\nBệnh viện tiếp đón người bệnh theo thứ tự giờ hẹn.\nChương III\nDỮ LIỆU VÀ "
        "AN TOÀN THÔNG TIN\nĐiều 5. Kết nối, chia sẻ dữ liệu\nHệ thống kết nối với hệ thống "
        "thông tin bệnh viện.\nĐiều 6. Bảo đảm an toàn thông tin\nHệ thống được bảo đảm an toàn "
        "thông tin theo cấp độ.\nChương IV\nTỔ CHỨC THỰC HIỆN\nĐiều 7. Trách nhiệm thi hành\n"
        "Các sở, ngành chịu trách nhiệm thi hành Quy chế này.\n")
    _assert_decision_read_by_its_title(doc, status)


@pytest.mark.parametrize("inside, status", [
    ("dùng chung về ", "digital_law"),
    ("dùng chung cho các đơn vị về ", "dedicated_chapter"),
    ("", "digital_law"),
])
def test_a_defined_platform_named_in_the_title_with_words_inside_its_name(inside, status):
    """A decision on a platform its regulation defines as a nền tảng số ("Nền tảng quản lý hạ
    tầng cấp nước"), which the title names with a few words inside the name ("Nền tảng quản lý
    dùng chung về hạ tầng cấp nước"): the text regulates that platform (before: read by its
    chapters, dedicated_chapter). Seven words inside, more than the rubric's three, make another
    thing's name, read by the chapters; the name as defined is the control."""
    from conftest import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 21/2026/QĐ-UBND\nQUYẾT ĐỊNH\n"
        f"Ban hành Quy chế quản lý, vận hành và khai thác Nền tảng quản lý {inside}hạ tầng cấp "
        "nước trên địa bàn tỉnh An Phú\nỦY BAN NHÂN DÂN TỈNH AN PHÚ QUYẾT ĐỊNH:\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc quản "
        "lý, vận hành và khai thác Nền tảng.\nĐiều 2. Giải thích từ ngữ\n1. Nền tảng quản lý hạ "
        "tầng cấp nước (sau đây gọi là Nền tảng) là nền tảng số do Sở Xây dựng làm chủ quản.\n"
        "Chương II\nQUẢN LÝ CÔNG TRÌNH CẤP NƯỚC\nĐiều 3. Cập nhật công trình\nĐơn vị cấp nước "
        "cập nhật vị trí, công suất của nhà máy nước và tuyến ống.\nĐiều 4. Kiểm tra công trình"
        "\nSở Xây dựng kiểm tra công trình cấp nước hằng năm.\nChương III\nDỮ LIỆU VÀ AN TOÀN "
        "THÔNG TIN\nĐiều 5. Kết nối, chia sẻ dữ liệu\nNền tảng kết nối với hệ thống thông tin "
        "của các sở.\nĐiều 6. Bảo đảm an toàn thông tin\nNền tảng được bảo đảm an toàn thông tin "
        "theo cấp độ.\nChương IV\nTỔ CHỨC THỰC HIỆN\nĐiều 7. Trách nhiệm thi hành\nCác sở, ngành "
        "chịu trách nhiệm thi hành Quy chế này.\n")
    _assert_decision_read_by_its_title(doc, status)


PILOT = """QUỐC HỘI
Nghị quyết số: /2026/QH15
NGHỊ QUYẾT
THÍ ĐIỂM MỘT SỐ CƠ CHẾ, CHÍNH SÁCH ĐẶC BIỆT PHÁT TRIỂN {subject}
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
QUYẾT NGHỊ:
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị quyết này thí điểm một số cơ chế, chính sách đặc biệt.
Chương II
TÀI CHÍNH CHO NGHIÊN CỨU KHOA HỌC
Điều 2. Khoán chi nhiệm vụ khoa học
1. Nhiệm vụ khoa học được khoán chi đến sản phẩm cuối cùng.
2. Tổ chức chủ trì được tự chủ sử dụng kinh phí.
Điều 3. Quỹ đầu tư mạo hiểm
Quỹ đầu tư mạo hiểm được góp vốn vào doanh nghiệp khởi nghiệp sáng tạo.
Chương III
NHÂN LỰC KHOA HỌC
Điều 4. Thu hút nhà khoa học
Nhà khoa học được hưởng chế độ đãi ngộ đặc biệt.
Điều 5. Tự chủ của tổ chức khoa học
Tổ chức khoa học công lập được tự chủ về nhân sự.
Chương IV
CHUYỂN ĐỔI SỐ VÀ HẠ TẦNG SỐ
Điều 6. Trung tâm dữ liệu và điện toán đám mây
1. Cơ quan nhà nước được thuê dịch vụ điện toán đám mây, trung tâm dữ liệu.
2. Dữ liệu được kết nối, chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu quốc gia.
Điều 7. Nền tảng số quản lý khoa học
Nền tảng số quản lý nhiệm vụ khoa học được kết nối với Cơ sở dữ liệu quốc gia về khoa học.
Chương V
ĐIỀU KHOẢN THI HÀNH
Điều 8. Hiệu lực thi hành
Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
"""


@pytest.mark.parametrize("subject, status", [
    ("KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ", "dedicated_chapter"),
    ("CHUYỂN ĐỔI SỐ", "digital_law"),
])
def test_a_topic_listed_after_plain_subjects_of_a_resolutions_title_needs_most_chapters(subject, status):
    """A resolution's title that lists digital transformation after subjects of its own
    ("khoa học, công nghệ, đổi mới sáng tạo và | chuyển đổi số"; no "quy định về" to say an
    object) is read with its chapters, as a sub-law text's list is: one chapter of three is
    dedicated_chapter (before: digital_law on the title alone); the topic alone keeps it."""
    from conftest import parse_text

    doc = parse_text(PILOT.format(subject=subject))
    assert doc.doc_kind == "resolution"
    v = analyse(doc)
    assert v.status == status, v.reasons
    assert status == "digital_law" or v.chapters == ["IV"]
