"""Per-unit judgements (lawscan.analyse.judge): signals, margins, the roll-up, and the verdict read
from them."""

import itertools
import math
from pathlib import Path

from hypothesis import given, strategies as st

from lawscan.analyse import analyse_document
from lawscan.analyse.judge import (P_NO_CUE, Judgement, Signal, _items, at_least, combine_rules,
                                  probability, title_margin)
from lawscan.analyse.lexicon import load_lexicon
from lawscan.fold import fold

FIXTURES = Path(__file__).parent / "fixtures" / "analyse"


def _analysis(name):
    from lawscan.pipeline import load_document

    return analyse_document(load_document(FIXTURES / name))


@given(st.lists(st.floats(0, 1), max_size=9), st.integers(-1, 10))
def test_at_least_is_the_poisson_binomial_tail(ps, k):
    exact = sum(math.prod(p if x else 1 - p for p, x in zip(ps, flags))
                for flags in itertools.product((0, 1), repeat=len(ps)) if sum(flags) >= k)
    assert math.isclose(at_least(ps, k), exact, abs_tol=1e-6)  # 0 below a bound of 1e-6


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


def test_a_title_is_cut_into_items_but_never_inside_a_term():
    """"Kết nối, chia sẻ" and "định danh và xác thực điện tử" hold an item separator: cut there,
    a title about data sharing had no digital item left ("kết nối", "chia sẻ" are too short to
    count, the rest names plain "dữ liệu")."""
    lex = load_lexicon()
    assert _items(fold("Kết nối, chia sẻ và khai thác dữ liệu cảng biển"), lex) == [
        "kết nối, chia sẻ", "khai thác dữ liệu cảng biển"]
    assert _items(fold("Bảo đảm kinh phí, hệ thống định danh và xác thực điện tử"), lex) == [
        "bảo đảm kinh phí", "hệ thống định danh và xác thực điện tử"]
    assert _items(fold("Tờ báo và trang thông tin điện tử"), lex) == ["tờ báo", "trang thông tin điện tử"]
    assert title_margin("Kết nối, chia sẻ và khai thác dữ liệu cảng biển", lex) == 0.0


def test_the_digital_form_of_a_thing_may_be_followed_by_its_complement():
    """The qualifier closes the item ("giấy chứng nhận kiểm dịch điện tử") or the head phrase
    before a complement ("thủ tục điện tử | đối với tàu thuyền"), unless a longer lexicon term
    ends that head (an e-portal counts half) or it is a false positive."""
    lex = load_lexicon()
    assert lex.qualified_object("giấy chứng nhận kiểm dịch điện tử")
    assert lex.qualified_object("thủ tục điện tử đối với tàu thuyền đến")
    assert lex.qualified_object("cấp giấy phép trực tuyến cho tổ chức")
    assert not lex.qualified_object("trang thông tin điện tử về đấu thầu")
    assert not lex.qualified_object("thuốc lá điện tử tại cơ sở y tế")
    assert not lex.qualified_object("điện tử cho tàu thuyền")  # no thing before the qualifier
    assert not lex.qualified_object("lắp đặt công tơ điện tử cho khách hàng")  # hardware


def test_a_body_confirmed_title_subject_is_not_read_inside_a_false_positive():
    lex = load_lexicon()
    assert lex.body_confirmed_subject("hệ thống tự động cảnh báo cháy") == "tự động"
    assert lex.body_confirmed_subject("nền tảng du lịch thông minh quốc gia") == "thông minh"
    assert lex.body_confirmed_subject("tự động gia hạn giấy phép") is None
    assert lex.body_confirmed_subject("nền tảng pháp lý của hoạt động thú y") is None


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
            assert s.digital == (s.margin >= 0)
            assert s.p == probability(s.margin) or (s.p == P_NO_CUE and s.margin == -1)
    assert j.of(a.outline.units("article")[2]).p == P_NO_CUE  # Điều 3: no digital cue at all
    # a lexicon signal's probability grows with its margin, within [P_NO_CUE, 1 - P_NO_CUE]
    ps = [probability(m / 8) for m in range(-16, 17)]
    assert ps == sorted(ps) and ps[0] == ps[8] >= P_NO_CUE and ps[-1] == ps[-9] <= 1 - P_NO_CUE
    assert probability(-1) < 0.05 and probability(-0.25) > 0.5 and probability(0) > 0.8
    # the roll-up of chapter III: its three digital articles make it digital by count too
    rolled = chapter.signal("articles")
    assert rolled.digital and rolled.p > 0.5
    assert not j.of(a.outline.units("chapter")[1]).digital  # "Cổng thông tin điện tử" once


def test_quoted_text_is_judged_for_the_instruction_article():
    a = _analysis("amending.txt")
    art = a.judgements.digital("article")[0]
    assert art.num == "1" and art.source == "quoted" and art.signal("quoted").digital
    assert "Điều 3a" in art.reason.vi and art.reason.eid == art.unit.eid


def test_an_inserted_article_keeps_its_signals_probability(tmp_path):
    """An inserted article made digital by a fixed-probability signal (a modernisation title
    whose body names a strong term: P_TITLE_WITH_BODY) gives the instruction article that
    probability, as it has outside quoted text, not the one its margin of 0 would read as."""
    from lawscan.analyse.judge import P_TITLE_WITH_BODY
    from lawscan.pipeline import load_document

    text = (FIXTURES / "amending.txt").read_text(encoding="utf-8").replace(
        "“Điều 3a. Đấu giá trực tuyến kén tằm\n"
        "1. Kén tằm được đấu giá trực tuyến trên Cổng đấu giá tài sản quốc gia.\n"
        "2. Người tham gia đấu giá trực tuyến đăng ký bằng tài khoản định danh điện tử.”.",
        "“Điều 3a. Hiện đại hóa quản lý nuôi tằm\n"
        "1. Nhà nước ưu tiên đầu tư hiện đại hóa trang thiết bị quản lý nuôi tằm.\n"
        "2. Đến năm 2030, hoàn thành xây dựng cơ sở dữ liệu về nuôi tằm trong phạm vi cả nước.”.")
    assert "Hiện đại hóa" in text
    path = tmp_path / "sua-doi.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    a = analyse_document(doc)
    (art,) = a.judgements.digital("article")
    assert art.num == "1" and art.source == "quoted"
    assert art.signal("quoted").p == P_TITLE_WITH_BODY and art.p == P_TITLE_WITH_BODY
    assert a.verdict.confidence == P_TITLE_WITH_BODY and a.verdict.review


def test_combine_rules_takes_the_first_digital_signal_and_the_highest_probability():
    j = Judgement(unit=None, num="1", signals=[Signal.lexicon("title", -0.5),
                                               Signal.lexicon("body", 0.2),
                                               Signal("classifier", 0.99, True)])
    combine_rules(j)
    assert j.digital and j.source == "body" and j.p == 0.99
    j = Judgement(unit=None, num="2", signals=[Signal.lexicon("title", -0.5)])
    combine_rules(j)
    assert not j.digital and j.source == "" and j.reason is None and j.p == probability(-0.5)


class _Classifier:
    """A stand-in for the trained model: fixed probabilities per unit number (a default for
    the rest), recording what it was asked."""

    name = "test"

    def __init__(self, articles: dict, headings: dict, default: float = 0.02):
        self.articles, self.headings, self.default, self.asked = articles, headings, default, []

    def predict(self, kind, units, context):
        self.asked.append((kind, [u.num for u in units]))
        table = self.articles if kind == "article" else self.headings
        return [table.get(u.num, self.default) for u in units]


def test_a_classifier_plugs_into_the_judgements_and_the_verdict_follows():
    """The trained verdict: an article is decided by the classifier's probability and the
    lexicon's together (their mean in log-odds), a section or chapter by its heading's
    probability and the roll-up of those; the lexicon's reasons stay where it agrees; the rules'
    verdict is unchanged."""
    from lawscan.analyse.classifier import log_odds_mean
    from lawscan.pipeline import load_document

    doc = load_document(FIXTURES / "chapter.txt")
    rules = analyse_document(doc).verdict
    assert (rules.status, rules.method) == ("dedicated_chapter", "rules")

    # it disagrees with the lexicon, surely: Điều 3 (an application file) is digital, the
    # lexicon's digital articles 5-7 are not; neither view alone decides
    clf = _Classifier({"3": 0.999, "5": 0.001, "6": 0.001, "7": 0.001}, {}, default=0.02)
    a = analyse_document(doc, classifier=clf)
    v = a.verdict
    assert clf.asked[0] == ("article", ["3", "4", "5", "6", "7"])
    assert [k for k, _ in clf.asked] == ["article", "chapter"]  # no sections in this law
    assert (v.status, v.method, v.articles, v.chapters) == ("articles_only", "trained", ["3"], [])
    art3, art5 = (a.judgements.of(doc.units("article")[i]) for i in (2, 4))
    assert art3.source == "classifier" and art3.reason.code == "classifier" and "1.00" in art3.reason.en
    assert art3.signal("title").p == P_NO_CUE and art3.signal("classifier").p == 0.999
    assert art3.p == log_odds_mean(0.999, P_NO_CUE) and 0.7 < art3.p < 0.8
    assert art5.signal("title").p > 0.9 and not art5.digital and art5.p < 0.5
    # the deciding article's probability, under 0.85 (the two views disagreed): marked for review
    assert v.confidence == round(art3.p, 3) and v.review

    # a weak doubt does not overrule the lexicon's strong evidence, nor the other way round
    a = analyse_document(doc, classifier=_Classifier({"3": 0.9}, {}, default=0.02))
    assert not a.judgements.of(doc.units("article")[2]).digital
    assert [j.num for j in a.judgements.digital("article")] == ["5", "6", "7"]

    # it agrees: the lexicon's reasons are kept, the roll-up uses the trained probabilities
    clf = _Classifier({"5": 0.97, "6": 0.97, "7": 0.97}, {"III": 0.95})
    a = analyse_document(doc, classifier=clf)
    assert (a.verdict.status, a.verdict.chapters) == ("dedicated_chapter", ["III"])
    chapter = a.judgements.of(doc.units("chapter")[2])
    assert chapter.source == "title" and chapter.reason.code == "chapter_title"
    assert chapter.p >= 0.95 * (1 - 0.03 ** 3) - 1e-9

    # a heading the classifier finds digital needs two digital articles inside: Chương II (Điều 3
    # and 4) with only Điều 3 digital stays a chapter about something else
    clf = _Classifier({"3": 0.9999}, {"II": 0.95})
    a = analyse_document(doc, classifier=clf)
    assert a.verdict.chapters == ["III"] and "3" in a.verdict.articles  # III: by Điều 5-7
    chapter = a.judgements.of(doc.units("chapter")[1])
    assert not chapter.digital and chapter.p < 0.1 and chapter.inside > 0.8
    clf = _Classifier({"3": 0.9999, "4": 0.9999}, {"II": 0.95})
    assert analyse_document(doc, classifier=clf).verdict.chapters == ["II", "III"]
    assert analyse_document(doc).verdict.to_dict() == rules.to_dict()  # rules: as before


def test_the_verdict_method_is_checked(monkeypatch):
    import pytest

    from lawscan.analyse import classifier
    from lawscan.errors import ConfigError
    from lawscan.pipeline import load_document

    doc = load_document(FIXTURES / "chapter.txt")
    with monkeypatch.context() as m:  # an install that lost the model files
        m.setattr(classifier, "load_classifier", lambda: None)
        with pytest.raises(ConfigError, match="lacks its files"):
            analyse_document(doc, {"verdict": "trained"})
    with pytest.raises(ConfigError, match="rules, trained"):
        analyse_document(doc, {"verdict": "guess"})
    assert analyse_document(doc, {"verdict": "rules"}).verdict.method == "rules"


def test_confidence_reads_the_deciding_unit_and_the_closest_competitor():
    from lawscan.analyse.confidence import P_NOTHING_JUDGED, P_TITLE_TOPIC, confidence
    from lawscan.analyse.judge import Judgements
    from lawscan.model import Unit

    def judged(kind, p, digital):
        return Judgement(Unit(kind, "1"), "1", p=p, digital=digital)

    j = Judgements(articles=[judged("article", 0.9, True), judged("article", 0.3, False)],
                   chapters=[judged("chapter", 0.2, False)])
    assert confidence("articles_only", j) == 0.8  # the chapter might be digital after all
    assert confidence("none", Judgements(articles=[judged("article", 0.3, False)])) == 0.7
    j.chapters[0].p = 0.01
    assert confidence("articles_only", j) == 0.9  # the article decides; article 2 does not compete
    assert confidence("digital_law", j) == P_TITLE_TOPIC
    assert confidence("digital_law", j, topic_margin=0.0) == round(probability(0.0), 3)
    assert confidence("none", Judgements()) == P_NOTHING_JUDGED


def test_a_unit_digital_by_one_reading_of_the_guideline_is_reviewed():
    """A chapter digital by its title while most of its articles are not (its roll-up under one
    half) is digital by one reading of the guideline and not by the other: a status that rests
    on it alone is marked for review; one that also rests on a chapter digital both ways is not."""
    from lawscan.analyse.confidence import P_ONE_READING, REVIEW_BELOW, confidence
    from lawscan.analyse.judge import Judgements
    from lawscan.model import Unit

    def chapter(num, p_rolled):
        return Judgement(Unit("chapter", num), num, p=0.99, digital=True,
                         signals=[Signal("title", 0.99, True), Signal("articles", p_rolled, p_rolled >= 0.5)])

    titled_only = Judgements(chapters=[chapter("IV", 0.05)])
    assert confidence("dedicated_chapter", titled_only) == P_ONE_READING < REVIEW_BELOW
    assert confidence("dedicated_chapter", Judgements(chapters=[chapter("IV", 0.9)])) == 0.99
    both = Judgements(chapters=[chapter("IV", 0.05), chapter("V", 0.9)])
    assert confidence("dedicated_chapter", both) == 0.99

    from conftest import parse_text

    def law(records_articles):
        lines = ["Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Luật này quy định về thư viện.",
                 "Chương II", "LƯU TRỮ, SỐ HÓA VÀ KHAI THÁC HỒ SƠ"]
        for n in range(2, 6):
            paper = n < 2 + records_articles
            lines += [f"Điều {n}. " + ("Bảo quản hồ sơ giấy" if paper else "Số hóa hồ sơ và cơ sở dữ liệu"),
                      "1. Hồ sơ được đóng thành tập và bảo quản trong kho." if paper else
                      "1. Hồ sơ được số hóa, cập nhật vào cơ sở dữ liệu và kết nối, chia sẻ dữ liệu."]
        return analyse_document(parse_text("\n".join(lines))).verdict

    mostly_paper, mostly_digital = law(3), law(0)
    assert (mostly_paper.status, mostly_digital.status) == ("dedicated_chapter", "dedicated_chapter")
    assert mostly_paper.review and not mostly_digital.review


def test_scan_verdict_option(tmp_path, monkeypatch):
    """``lawscan scan --verdict``: "rules" gives the rule-only verdict, "trained" the shipped
    model's; "trained" in an install that lost the model files is a usage error (exit 2) before
    any file is read, with nothing written."""
    import json

    from click.testing import CliRunner

    from lawscan.analyse import classifier
    from lawscan.cli import main

    law = str(FIXTURES / "chapter.txt")
    out = tmp_path / "r.json"
    ok = CliRunner().invoke(main, ["scan", "--no-config", "--no-progress", "--verdict", "rules",
                                   "-f", "json", "-o", str(out), law])
    assert ok.exit_code in (0, 1), ok.output
    verdict = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["digital"]
    assert verdict["method"] == "rules" and 0 < verdict["confidence"] <= 0.99
    trained = CliRunner().invoke(main, ["scan", "--no-config", "--no-progress", "--verdict", "trained",
                                        "-f", "json", "-o", str(tmp_path / "t.json"), law])
    assert trained.exit_code in (0, 1), trained.output
    verdict = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["documents"][0]["digital"]
    assert verdict["method"] == "trained" and 0 < verdict["confidence"] <= 0.99
    monkeypatch.setattr(classifier, "load_classifier", lambda: None)
    refused = CliRunner().invoke(main, ["scan", "--no-config", "--no-progress", "--verdict", "trained",
                                        "-f", "json", "-o", str(tmp_path / "u.json"), law])
    assert refused.exit_code == 2 and "lacks its files" in refused.output
    assert not (tmp_path / "u.json").exists()


def test_a_chapter_in_mục_is_digital_by_most_of_its_mục():
    """A chapter whose title names no digital subject and whose digital articles fill one Mục of
    three ("GIAO DỊCH ĐẶC THÙ": online, telephone and mail, multi-level selling) is not a digital
    chapter though 5 of its 8 articles are: its digital Mục is the digital unit. With two Mục of
    three digital it is."""
    from conftest import parse_text

    def chapter(digital_sections):
        lines = ["Chương IV", "GIAO DỊCH ĐẶC THÙ"]
        n = 0
        for k in range(1, 4):
            digital = k <= digital_sections
            lines += [f"Mục {k}", "GIAO DỊCH TRÊN KHÔNG GIAN MẠNG" if digital else f"GIAO DỊCH LOẠI {k}"]
            for _ in range(5 if k == 1 else 3 if digital else 1 + (k == 3)):
                n += 1
                lines += [f"Điều {n}. Hợp đồng điện tử và thanh toán trực tuyến" if digital
                          else f"Điều {n}. Bán hàng tại nơi ở của người tiêu dùng",
                          "1. Nội dung." if not digital else
                          "1. Hợp đồng điện tử được giao kết trên môi trường mạng bằng chữ ký số."]
        return analyse_document(parse_text("\n".join(lines)))

    one = chapter(1)
    assert [j.unit.num for j in one.judgements.sections if j.digital] == ["1"]
    assert sum(j.digital for j in one.judgements.articles) == 5 and len(one.judgements.articles) == 8
    assert one.verdict.status == "section_only" and one.verdict.chapters == []
    two = chapter(2)
    assert two.verdict.status == "dedicated_chapter" and two.verdict.chapters == ["IV"]
