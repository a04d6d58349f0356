"""A verdict of low confidence (Verdict.review) is marked for a human review in every report
format but HTML (which renders it on its own): text, JSON, SARIF, JUnit, Markdown, GitHub."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from fixtures.report.sample import make_result
from lawscan.report import render
from lawscan.report.json_report import load_schema

SCHEMAS = Path(__file__).resolve().parent / "schemas"  # our copies of the public schemas (tests/schemas/README.md)


@pytest.fixture
def base(tmp_path) -> Path:
    return tmp_path / "repo dir"


def flagged(base, review: bool = True):
    """The sample run with the draft's verdict (status none) marked for review."""
    result = make_result(base, hostile=False)
    draft = next(d for d in result.documents if "cong chung" in d.document.path)
    draft.digital.confidence, draft.digital.review, draft.digital.method = 0.53, review, "rules"
    return result, draft


def test_text_marks_the_law_and_counts_it(base):
    out = render(flagged(base)[0], "text", base_dir=base)
    section = out[out.index("du thao luat cong chung"):]
    assert "⚠ Cần xem lại: độ tin cậy của trạng thái thấp (0.53, rules)" in section
    assert "Needs review: low confidence in the status (0.53, rules)" in section
    assert "Cần xem lại / to review: 1" in out
    assert "Cần xem lại" not in render(flagged(base, review=False)[0], "text", base_dir=base)


def test_json_has_the_flag_and_the_count(base):
    data = json.loads(render(flagged(base)[0], "json", base_dir=base))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["summary"]["to_review"] == 1
    marked = [d for d in data["documents"] if d["digital"] and d["digital"]["review"]]
    assert [d["digital"]["confidence"] for d in marked] == [0.53]


def test_sarif_gives_a_note_result_with_its_rule(base):
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result, draft = flagged(base)
    log = json.loads(render(result, "sarif", base_dir=base))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    review = [r for r in run["results"] if r["ruleId"] == "lawscan-review"]
    assert len(review) == 1 and review[0]["level"] == "note"
    assert rules[review[0]["ruleIndex"]]["id"] == "lawscan-review"
    assert review[0]["properties"]["confidence"] == 0.53 and review[0]["properties"]["review"] is True
    assert "Needs review" in review[0]["message"]["text"]
    assert review[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3  # title line
    for res in run["results"]:  # every other result is a finding, indexed as before
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    assert len(run["results"]) == sum(len(d.findings) for d in result.documents) + 1
    plain = json.loads(render(flagged(base, review=False)[0], "sarif", base_dir=base))["runs"][0]
    assert "lawscan-review" not in {r["id"] for r in plain["tool"]["driver"]["rules"]}


def test_junit_says_it_in_properties_and_output_not_as_a_failure(base):
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    trees = [etree.fromstring(render(flagged(base, review)[0], "junit", base_dir=base).encode("utf-8"))
             for review in (True, False)]
    for tree in trees:
        assert xsd.validate(tree), xsd.error_log
    marked, plain = trees
    assert marked.get("failures") == plain.get("failures") and marked.get("tests") == plain.get("tests")
    suite = next(s for s in marked.findall("testsuite") if "cong chung" in s.get("name"))
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["review"] == "true" and props["confidence"] == "0.530" and props["method"] == "rules"
    assert "Needs review" in suite.find("system-out").text
    suite = next(s for s in plain.findall("testsuite") if "cong chung" in s.get("name"))
    assert suite.find("system-out") is None


def test_markdown_marks_the_row_and_the_heading(base):
    out = render(flagged(base)[0], "markdown", base_dir=base)
    row = next(line for line in out.splitlines() if "cong chung" in line and line.startswith("|"))
    assert "⚠️ Cần xem lại" in row and "_Needs review" in row
    assert out.splitlines()[0].endswith("⚠️ 1 cần xem lại / to review")


def test_github_adds_a_notice_on_the_title_line(base):
    out = render(flagged(base)[0], "github", base_dir=base)
    notice = [line for line in out.splitlines() if line.startswith("::notice") and "needs review" in line]
    assert len(notice) == 1 and ",line=3," in notice[0]
    assert out.splitlines()[-1].endswith("1 verdicts to review")
