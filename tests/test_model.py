"""The model's to_dict methods, written out field by field for speed, give what
dataclasses.asdict gives (same keys in the same order, same values) and share no list or dict
with the object (a report that changes its dict does not change the finding)."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from lawscan.model import (CoverageItem, Evidence, Finding, InputError, Problem, Reason, RuleInfo,
                           Verdict)

EVIDENCE = Evidence("chp_II__art_5", 12, "cơ sở dữ liệu")
OBJECTS = [
    Problem("structure.numbering_gap", "Điều numbering jumps to 7: 1 missing", 40, "warning"),
    EVIDENCE,
    InputError("laws/x.docx", "truncated or corrupt .docx", "input.docx_corrupt"),
    CoverageItem("database", "Cơ sở dữ liệu", "present", [EVIDENCE]),
    Verdict("dedicated_chapter", ["II"], [["II", "1"]], ["5", "6"], True,
            [Reason("chapter_title", "lý do", "a reason", "chp_II")],
            [CoverageItem("database", "Cơ sở dữ liệu", "present", [EVIDENCE])], {"II": "chp_II"}),
    Finding("LS104", "info", "thuật ngữ", "term", "chp_II__art_5", 12, [EVIDENCE], "định nghĩa",
            "LS104:chp_II__art_5:abc", "new", {"terms": ["dữ liệu số"], "nested": {"a": [1, 2]}}),
    RuleInfo("LS101", "no-digital-chapter", "error", "Không có chương", "No chapter", "why",
             "suggestion", ["digital"]),
]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_to_dict_is_asdict(obj):
    got = obj.to_dict()
    assert list(got) == list(asdict(obj))
    assert got == asdict(obj)


def test_to_dict_shares_nothing_with_the_object():
    verdict, finding = OBJECTS[4], OBJECTS[5]
    d = verdict.to_dict()
    d["chapters"].append("IX")
    d["sections"][0].append("2")
    d["eids"]["IX"] = "chp_IX"
    f = finding.to_dict()
    f["extra"]["nested"]["a"].append(3)
    f["evidence"][0]["quote"] = "changed"
    assert verdict.chapters == ["II"] and verdict.sections == [["II", "1"]] and "IX" not in verdict.eids
    assert finding.extra["nested"]["a"] == [1, 2] and finding.evidence[0].quote == "cơ sở dữ liệu"
