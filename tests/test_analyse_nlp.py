"""spaCy token patterns (analyse.tokens) and underthesea segmentation (analyse.segment): what
each catches that plain phrase matching does not."""

from pathlib import Path

import pytest

from lawscan.analyse.matcher import load_lexicon
from lawscan.analyse.segment import defined_terms, digital_so_terms, words
from lawscan.analyse.tokens import TokenPatternMatcher, syllable_nlp

FIXTURES = Path(__file__).parent / "fixtures" / "analyse"

AI_DECISION = [[{"LOWER": "trí"}, {"LOWER": "tuệ"}, {"LOWER": "nhân"}, {"LOWER": "tạo"},
                {"OP": "*", "IS_SENT_START": False},
                {"LOWER": {"IN": ["tự", "quyết"]}}, {"LOWER": {"IN": ["động", "định"]}}]]


def test_syllable_tokenizer_keeps_the_text():
    text = "Điều 5.  Hệ thống\ntrí tuệ nhân tạo (AI); số 35/2018/QH14."
    doc = syllable_nlp()(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["Điều", "5", "."]


def test_token_pattern_with_words_in_between():
    m = TokenPatternMatcher({"ai_decision": AI_DECISION})
    text = ("Hệ thống trí tuệ nhân tạo được dùng để hỗ trợ cơ quan thuế ra quyết định hoàn thuế "
            "tự động.")
    found = m.find(text)
    assert found and found[0][0] == "ai_decision"
    assert text[found[0][1]:found[0][2]].startswith("trí tuệ nhân tạo")
    # the same words in another sentence are not joined
    assert m.find("Phát triển trí tuệ nhân tạo. Cơ quan quyết định tự động hóa.") == []
    # plain phrase matching only sees the AI term, not the automated decision
    assert {h.term for h in load_lexicon().find(text)} == {"hệ thống trí tuệ nhân tạo"}


def test_segmentation_tells_digital_so_from_the_number():
    text = ("Nhà nước phát triển hạ tầng số, bản sao số của công trình; theo Luật số 35/2018/QH14, "
            "một số quy định về số lượng, tổng số tiền và mã số thuế; hồ sơ được số hóa.")
    assert digital_so_terms(text) == ["hạ tầng số", "bản sao số", "số hóa"]
    # the lexicon has no "bản sao số"/"hạ tầng số" variants with a comma: the plain phrase list
    # would need every compound; a naive "\w+ số" would also take "Luật số", "một số", "tổng số"
    import re
    naive = re.findall(r"(\w+) số", text)
    assert {"Luật", "một", "tổng", "mã"} <= set(naive)


def test_words_realign_to_offsets():
    text = "Cơ quan  nhà nước\ncấp giấy chứng nhận số 12."
    ws = words(text)
    assert all(text[w.start:w.end] == w.text for w in ws)
    assert "Cơ quan" in [w.text for w in ws]


def test_defined_terms_of_the_definitions_article():
    from lawscan.pipeline import load_document

    try:
        doc = load_document(FIXTURES / "chapter.txt")
    except NotImplementedError:
        pytest.skip("reader not available")
    terms = defined_terms(doc)
    assert [t.term for t in terms] == ["Cơ sở dữ liệu về ong", "Đàn ong"]
    assert terms[0].words[0] == "Cơ sở" and terms[0].line is not None
    assert terms[0].eid.endswith("para_1")
