"""Per-unit judgements (lawscan.analyse.judge): signals, margins, the roll-up, and the verdict read
from them."""

import itertools
import math
from pathlib import Path

from hypothesis import given, strategies as st

from lawscan.analyse import analyse_document
from lawscan.analyse.judge import Judgement, Signal, at_least, combine_rules, probability, title_margin
from lawscan.analyse.lexicon import load_lexicon

FIXTURES = Path(__file__).parent / "fixtures" / "analyse"


def _analysis(name):
    from lawscan.pipeline import load_document

    return analyse_document(load_document(FIXTURES / name))


@given(st.lists(st.floats(0, 1), max_size=7), st.integers(-1, 8))
def test_at_least_is_the_poisson_binomial_tail(ps, k):
    exact = sum(math.prod(p if x else 1 - p for p, x in zip(ps, flags))
                for flags in itertools.product((0, 1), repeat=len(ps)) if sum(flags) >= k)
    assert math.isclose(at_least(ps, k), exact, abs_tol=1e-9)


def test_title_margin_is_at_or_above_nought_exactly_for_digital_titles():
    lex = load_lexicon()
    digital = ["Thu thập phương tiện điện tử, dữ liệu điện tử", "ÁP DỤNG HÓA ĐƠN, CHỨNG TỪ ĐIỆN TỬ",
               "Cơ sở dữ liệu quốc gia về chăn nuôi ong"]
    not_digital = ["Căn cứ khám xét người, chỗ ở, nơi làm việc, địa điểm, phương tiện, dữ liệu điện tử",
                   "QUAN TRẮC MÔI TRƯỜNG, THÔNG TIN, CƠ SỞ DỮ LIỆU MÔI TRƯỜNG VÀ BÁO CÁO MÔI TRƯỜNG",
                   "Hồ sơ đăng ký", ""]
    for title in digital:
        assert title_margin(title, lex) >= 0, title
    for title in not_digital:
        assert title_margin(title, lex) < 0, title
    # a title all of whose items are digital is as far above the threshold as a title can be
    assert title_margin("Cơ sở dữ liệu quốc gia về chăn nuôi ong", lex) == 1.0
    assert title_margin("Hồ sơ đăng ký", lex) == -1.0


def test_every_unit_of_a_law_is_judged_and_the_verdict_is_read_from_the_judgements():
    a = _analysis("chapter.txt")
    j = a.judgements
    # final provisions (Chương IV, Điều 8, 9) and framing articles (Điều 1, 2) are not judged
    assert [x.num for x in j.articles] == ["3", "4", "5", "6", "7"]
    assert [x.num for x in j.chapters] == ["I", "II", "III"]
    assert [x.num for x in j.digital("article")] == a.verdict.articles == ["5", "6", "7"]
    assert [x.num for x in j.digital("chapter")] == a.verdict.chapters == ["III"]
    chapter = j.of(a.outline.units("chapter")[2])
    assert chapter.source == "title" and chapter.reason.code == "chapter_title"
    assert chapter.reason in a.verdict.reasons
    # every judgement: digital when one of its signals is, reason from the first such
    for x in j.articles + j.chapters:
        assert x.digital == any(s.digital for s in x.signals)
        assert (x.reason is not None) == x.digital
    for x in j.articles:  # an article's signals are lexicon margins read as probabilities
        for s in x.signals:
            assert s.digital == (s.margin >= 0) and s.p == probability(s.margin)
    # a lexicon signal's probability grows with its margin, 0.5 at the threshold
    assert [round(probability(m), 9) for m in (-2, -1, 0, 1, 2)] == [0.05, 0.05, 0.5, 0.95, 0.95]
    # the roll-up of chapter III: its three digital articles make it digital by count too
    rolled = chapter.signal("articles")
    assert rolled.digital and rolled.p > 0.5
    assert not j.of(a.outline.units("chapter")[1]).digital  # "Cổng thông tin điện tử" once


def test_quoted_text_is_judged_for_the_instruction_article():
    a = _analysis("amending.txt")
    art = a.judgements.digital("article")[0]
    assert art.num == "1" and art.source == "quoted" and art.signal("quoted").digital
    assert "Điều 3a" in art.reason.vi and art.reason.eid == art.unit.eid


def test_combine_rules_takes_the_first_digital_signal_and_the_highest_probability():
    j = Judgement(unit=None, num="1", signals=[Signal.lexicon("title", -0.5),
                                               Signal.lexicon("body", 0.2),
                                               Signal("classifier", 0.99, True)])
    combine_rules(j)
    assert j.digital and j.source == "body" and j.p == 0.99
    j = Judgement(unit=None, num="2", signals=[Signal.lexicon("title", -0.5)])
    combine_rules(j)
    assert not j.digital and j.source == "" and j.reason is None and j.p == probability(-0.5)
