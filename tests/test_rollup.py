"""The trained verdict's roll-up (lawscan.analyse.rollup) on small hand-made documents: per-unit
probabilities and structure in, status, digital units, margin and confidence out."""

import math
import sys
from pathlib import Path

import pytest

from lawscan.analyse.rollup import RollupParams, UnitEvidence, calibrate, roll_up

P = RollupParams(article=0.5, section=0.5, chapter=0.6)


def chapter(num, prob=0.0, general=False, counts=True):
    return UnitEvidence(f"chp_{num}", "chapter", num, prob, counts=counts, general=general)


def section(chap, num, prob=0.0):
    return UnitEvidence(f"chp_{chap}__sec_{num}", "section", num, prob, (f"chp_{chap}",),
                        chapter_num=chap)


def article(num, prob, containers=(), counts=True, attributed_to=""):
    eid = "__".join(containers + (f"art_{num}",)) if not attributed_to else \
        f"{attributed_to}__qstr_1__art_{num}"
    return UnitEvidence(eid, "article", num, prob, containers, counts=counts,
                        attributed_to=attributed_to)


def nums(decided):
    return [d.unit.num for d in decided]


def test_nothing_digital_is_none_with_a_positive_margin():
    units = [chapter("I", 0.1), article("1", 0.2, ("chp_I",)), article("2", 0.0, ("chp_I",))]
    r = roll_up(units, P)
    assert r.status == "none" and not r.articles
    assert r.margin == pytest.approx(-(math.log(0.2 / 0.8) - 0.0))  # the best article, 0.2


def test_one_digital_article():
    units = [chapter("I"), article("1", 0.1, ("chp_I",)), article("2", 0.9, ("chp_I",))]
    r = roll_up(units, P)
    assert r.status == "articles_only" and nums(r.articles) == ["2"]
    assert r.margin > 0


def test_structure_excludes_framing_and_final_articles():
    units = [chapter("I"), article("3", 0.99, ("chp_I",), counts=False),
             chapter("IX", 0.9, counts=False), article("90", 0.99, ("chp_IX",), counts=False)]
    r = roll_up(units, P)
    assert r.status == "none" and not r.articles and not r.chapters


def test_chapter_by_its_own_probability():
    units = [chapter("I", 0.1), chapter("V", 0.8), article("20", 0.3, ("chp_V",))]
    r = roll_up(units, P)
    assert r.status == "dedicated_chapter" and nums(r.chapters) == ["V"]
    assert r.chapters[0].via == "model"
    assert r.articles == []  # article 20 stays below its threshold


def test_chapter_by_most_of_its_articles():
    arts = [article(str(n), p, ("chp_IV",)) for n, p in ((30, 0.9), (31, 0.8), (32, 0.1))]
    r = roll_up([chapter("IV", 0.2)] + arts, P)
    assert r.status == "dedicated_chapter" and r.chapters[0].via == "articles"
    # half is not most: two of four
    arts.append(article("33", 0.2, ("chp_IV",)))
    assert roll_up([chapter("IV", 0.2)] + arts, P).status == "articles_only"


def test_one_article_is_not_a_majority_and_the_general_chapter_needs_its_title():
    assert roll_up([chapter("II", 0.1), article("5", 0.9, ("chp_II",))], P).status == \
        "articles_only"
    arts = [article(str(n), 0.9, ("chp_I",)) for n in (1, 2, 3)]
    r = roll_up([chapter("I", 0.1, general=True)] + arts, P)
    assert r.status == "articles_only" and nums(r.articles) == ["1", "2", "3"]


def test_section_only():
    units = [chapter("III", 0.2), section("III", "2", 0.7),
             article("40", 0.6, ("chp_III", "chp_III__sec_2")),
             article("41", 0.1, ("chp_III", "chp_III__sec_2")),
             article("42", 0.1, ("chp_III",))]
    r = roll_up(units, P)
    assert r.status == "section_only"
    assert [(d.unit.chapter_num, d.unit.num) for d in r.sections] == [("III", "2")]
    assert nums(r.articles) == ["40"]


def test_quoted_article_counts_for_the_article_carrying_it():
    units = [article("1", 0.2), article("16a", 0.95, attributed_to="art_1"), article("2", 0.1)]
    r = roll_up(units, P)
    assert r.status == "articles_only" and nums(r.articles) == ["1"]


def test_topic_makes_a_digital_law_of_every_substantive_unit():
    units = [chapter("I", 0.0, general=True), article("1", 0.0, ("chp_I",), counts=False),
             chapter("II", 0.1), section("II", "1"), article("5", 0.1, ("chp_II", "chp_II__sec_1")),
             chapter("III", 0.0, counts=False), article("9", 0.0, ("chp_III",), counts=False)]
    params = RollupParams(topic_confidence=0.97, review_below=0.9)
    r = roll_up(units, params, topic="giao dịch điện tử")
    assert r.status == "digital_law" and r.topic == "giao dịch điện tử"
    assert nums(r.chapters) == ["II"] and nums(r.sections) == ["1"] and nums(r.articles) == ["5"]
    assert r.confidence == 0.97 and not r.review


def test_scope_topic_needs_half_of_the_substantive_chapters():
    digital = [chapter("II", 0.9), chapter("III", 0.1)]
    assert roll_up(digital, P, scope_topic="dữ liệu").status == "digital_law"
    few = [chapter("II", 0.9), chapter("III", 0.1), chapter("IV", 0.1)]
    assert roll_up(few, P, scope_topic="dữ liệu").status == "dedicated_chapter"


def test_margin_changes_sign_where_the_status_changes():
    units = [chapter("I", 0.1), article("1", 0.55, ("chp_I",))]
    low = roll_up(units, RollupParams(article=0.5))
    high = roll_up(units, RollupParams(article=0.6))
    assert low.status == "articles_only" and low.margin > 0
    assert high.status == "none" and high.margin > 0
    assert low.margin == pytest.approx(math.log(0.55 / 0.45))
    assert high.margin == pytest.approx(math.log(0.6 / 0.4) - math.log(0.55 / 0.45))
    # a larger level close under its threshold bounds the margin of the smaller one
    near = roll_up([chapter("I", 0.55), article("1", 0.99, ("chp_I",))], P)
    assert near.status == "articles_only"
    assert near.margin == pytest.approx(math.log(0.6 / 0.4) - math.log(0.55 / 0.45))


def test_confidence_and_review_come_from_the_calibration():
    steps = ((-math.inf, 0.4), (0.5, 0.8), (2.0, 0.99))
    assert calibrate(-3.0, steps) == 0.4
    assert calibrate(0.5, steps) == 0.8 and calibrate(1.9, steps) == 0.8
    assert calibrate(5.0, steps) == 0.99
    params = RollupParams(calibration=steps, review_below=0.9)
    weak = roll_up([article("1", 0.6)], params)  # margin 0.41
    strong = roll_up([article("1", 0.95)], params)  # margin 2.94
    assert weak.confidence == 0.4 and weak.review
    assert strong.confidence == 0.99 and not strong.review


def test_params_round_trip():
    params = RollupParams(article=0.55, section=0.4, chapter=0.7,
                          calibration=((-math.inf, 0.5), (1.0, 0.95)), topic_confidence=0.98,
                          review_below=0.9)
    assert RollupParams.from_dict(params.to_dict()) == params


def test_isotonic_fit_is_increasing_and_pools_violators():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from training.cv import isotonic

    pts = [(-2.0, False), (-1.0, True), (0.0, False), (1.0, True), (2.0, True), (2.0, True)]
    steps = isotonic(pts)
    probs = [p for _, p in steps]
    assert probs == sorted(probs)
    assert steps[0][0] == -math.inf
    assert calibrate(-5, steps) == 0.0 and calibrate(3, steps) == 1.0
    assert calibrate(-0.5, steps) == 0.5  # (-1, right) and (0, wrong) pooled
