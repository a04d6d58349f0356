"""Report formats on a hand-built ScanResult (tests/fixtures/report/sample.py): text, json, sarif,
junit, markdown, github; determinism; atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from fixtures.report.sample import HOSTILE_TERM, make_result
from lawscan.model import Finding, ScanResult
from lawscan import atomic, report
from lawscan.report import render, write_report
from lawscan.report.json_report import load_schema

SCHEMAS = Path(__file__).resolve().parent / "schemas"  # public SARIF 2.1.0 and JUnit schemas (README there)
FORMATS = ["text", "json", "html", "sarif", "junit", "markdown", "github"]
STAMP = "2026-01-02T03:04:05Z"


@pytest.fixture
def base(tmp_path) -> Path:
    return tmp_path / "repo dir"


@pytest.fixture
def result(base) -> ScanResult:
    return make_result(base)


def all_findings(result):
    return [f for d in result.documents for f in d.findings]


# --- text -------------------------------------------------------------------------------------

def test_text_has_header_findings_and_summary(result, base):
    out = render(result, "text", color=False, base_dir=base)
    assert "Luật Đất đai — 31/2024/QH15" in out
    assert "Có chương riêng về môi trường số (dedicated chapter)" in out
    assert "Chương XII" in out
    assert "laws/luat-dat-dai-2024.txt:2001  chp_XII" in out
    # a finding without a line points at its nearest unit (Điều 167, line 2040)
    assert "laws/luat-dat-dai-2024.txt:2040  chp_XII__art_167__para_2" in out
    # a finding about the whole document points at the title line
    assert "drafts/du thao luat cong chung.docx:3" in out
    assert "“Hồ sơ được lưu trữ bằng bản giấy.” (dòng 42)" in out
    assert "Không có phát hiện nào / no findings" in out
    assert "laws/hong.docx: không phải tệp .docx hợp lệ" in out
    assert "Văn bản / documents: 4" in out
    assert "5 (2 lỗi, 2 cảnh báo, 1 thông tin" in out
    # severity groups in order: errors before warnings within the draft
    draft = out.split("Dự thảo Luật Công chứng")[1].split("─" * 10)[0]
    assert draft.index("LỖI / ERROR") < draft.index("CẢNH BÁO / WARNING")


def test_text_strips_terminal_controls_and_colours_only_on_request(result, base):
    plain = render(result, "text", color=False, base_dir=base)
    assert not any(c in plain for c in "\x1b\x07\x9b\u202e")
    assert "ĐỎevil" in plain  # the text around the escape sequences survives
    coloured = render(result, "text", color=True, base_dir=base)
    assert "\x1b[" in coloured
    # colour codes come only from lawscan: the hostile OSC title and clear-screen never appear
    assert "\x1b]0;" not in coloured and "\x1b[2J" not in coloured


def test_text_colour_auto_is_plain_when_piped(result, base, capsys):
    out = render(result, "text", color=None, base_dir=base)  # pytest's stdout is not a tty
    assert "\x1b" not in out


# --- json -------------------------------------------------------------------------------------

@pytest.mark.parametrize("tree", [False, True])
def test_json_validates_against_its_schema(result, base, tree):
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render(result, "json", base_dir=base, tree=tree))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(data)] == []
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])
    assert [d["id"] for d in data["documents"]] == ["doc1", "doc2", "doc3", "doc4"]
    land = next(d for d in data["documents"] if d["number"] == "31/2024/QH15")
    assert land["status"] == "dedicated_chapter" and land["digital"]["chapters"] == ["XII"]
    assert land["finding_counts"] == {"error": 0, "warning": 1, "info": 1}
    assert ("tree" in land) is tree
    assert data["summary"]["by_severity"] == {"error": 2, "warning": 2, "info": 1}
    assert data["errors"][0]["path"] == "laws/hong.docx"


def test_json_schema_rejects_a_broken_report(result, base):
    data = json.loads(render(result, "json", base_dir=base))
    data["documents"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


# --- sarif ------------------------------------------------------------------------------------

def test_sarif_valid_and_complete(result, base):
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render(result, "sarif", base_dir=base))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for r in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration",
                "properties"} <= r.keys()
        assert r["properties"]["tags"]
    results = run["results"]
    assert len(results) == len(all_findings(result))
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["region"]["startLine"] >= 1
        uri = loc["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and " " not in uri
        assert res["partialFingerprints"]["lawscan/v1"]
        assert res["baselineState"] in ("new", "unchanged")
    draft = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
             == "drafts/du%20thao%20luat%20cong%20chung.docx"]
    assert {r["ruleId"] for r in draft} == {"VN-DIGI-001", "VN-DIGI-004"}
    whole_doc = next(r for r in draft if r["ruleId"] == "VN-DIGI-001")
    assert whole_doc["locations"][0]["physicalLocation"]["region"]["startLine"] == 3  # title line
    art9 = next(r for r in draft if r["ruleId"] == "VN-DIGI-004")
    assert art9["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "chp_II__art_9"
    assert art9["level"] == "warning"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    notes = inv["toolExecutionNotifications"]
    assert any(n["descriptor"]["id"] == "read.corrupt" for n in notes)


def test_sarif_clean_run_is_successful(base):
    result = make_result(base, hostile=False)
    result.errors = []
    log = json.loads(render(result, "sarif", base_dir=base))
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


# --- junit ------------------------------------------------------------------------------------

def test_junit_valid_one_case_per_document_and_rule(result, base):
    xml = render(result, "junit", base_dir=base)
    tree = etree.fromstring(xml.encode("utf-8"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    assert schema.validate(tree), schema.error_log
    suites = tree.findall("testsuite")
    docs = [s for s in suites if s.get("name") != "input errors"]
    assert len(docs) == len(result.documents)
    for s in docs:
        assert len(s.findall("testcase[failure]")) == int(s.get("failures"))
        assert {c.get("name").split()[0] for c in s.findall("testcase")} >= {r.id for r in result.rules}
    draft = next(s for s in docs if s.get("name") == "drafts/du thao luat cong chung.docx")
    failed = {c.get("name").split()[0] for c in draft.findall("testcase[failure]")}
    assert failed == {"VN-DIGI-001", "VN-DIGI-004"}
    assert "Hồ sơ được lưu trữ bằng bản giấy." in draft.find("testcase/failure[@type='warning']").text
    clean = next(s for s in docs if "tin-dung" in s.get("name"))
    assert clean.get("failures") == "0"
    # the crashed rule VN-DIGI-004 is an <error> on its own test case
    evil = next(s for s in docs if s.get("name").startswith("evil/"))
    assert evil.find("testcase[error]").get("name").startswith("VN-DIGI-004")
    inputs = next(s for s in suites if s.get("name") == "input errors")
    assert inputs.get("errors") == "1" and inputs.find("testcase/error").get("type") == "read.corrupt"
    # the info finding of the land law is in the baseline: visible, not a failure (exit code 0 for it)
    assert tree.get("failures") == "4"
    land = next(s for s in docs if "dat-dai" in s.get("name"))
    props = {p.get("name"): p.get("value") for p in land.iter("property")}
    assert props["findings"] == "2" and props["failing_findings"] == "1"
    assert "baseline: unchanged" in land.find("testcase/system-out").text


@pytest.mark.parametrize("fail_on,failures", [("never", 0), ("error", 2), ("warning", 4), ("info", 4)])
def test_junit_failures_follow_fail_on(result, base, fail_on, failures):
    """A test case fails exactly when its findings would make `lawscan scan --fail-on` exit 1;
    the others stay visible in <system-out>."""
    tree = etree.fromstring(render(result, "junit", base_dir=base, fail_on=fail_on).encode())
    assert tree.get("failures") == str(failures)
    shown = "".join(c.text or "" for c in tree.iter("system-out"))
    assert shown.count("[") >= len(all_findings(result)) - failures


def test_junit_fail_on_moves_lower_findings_to_output(result, base):
    tree = etree.fromstring(render(result, "junit", base_dir=base, fail_on="warning").encode())
    land = next(s for s in tree.findall("testsuite") if "dat-dai" in s.get("name"))
    info_case = next(c for c in land.findall("testcase") if c.get("name").startswith("VN-DIGI-020"))
    assert info_case.find("failure") is None
    assert "Cổng Dịch vụ công" in info_case.find("system-out").text


# --- markdown ---------------------------------------------------------------------------------

def test_markdown_table_and_escaping(result, base):
    out = render(result, "markdown", base_dir=base)
    table = [line for line in out.splitlines() if line.startswith("| ") and (
        "<br>" in line or line.startswith("| Văn bản / Document |"))]
    assert len(table) == 1 + len(result.documents)
    # every row has the same number of unescaped cell separators
    import re
    cells = {len(re.findall(r"(?<!\\)\|", line)) for line in table}
    assert cells == {6}
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert "\\*\\*đậm\\*\\*" in out and "\\[link\\]\\(http" in out
    assert "@octocat" not in out  # no GitHub mention
    assert "Luật Đất đai (31/2024/QH15)" in out


def test_markdown_fits_one_github_comment_however_many_documents(result, base):
    """560 documents (the fixture's four, copied with other paths): the summary comes whole, the
    details as much as fits, each cut section saying how many were left out and where the whole
    report is; a small report comes whole with its details open."""
    import copy

    small = render(result, "markdown", base_dir=base)
    assert "<details open>" in small and "see the full report" not in small
    big = ScanResult(rules=result.rules, errors=result.errors, tool_version=result.tool_version)
    for i in range(140):
        for dr in result.documents:
            dr = copy.deepcopy(dr)
            dr.document.path = str(base / f"batch{i:03d}" / Path(dr.document.path).name)
            big.documents.append(dr)
    out = render(big, "markdown", base_dir=base, full_report=base / "outputs" / "r.html")
    assert len(out.encode("utf-16-le")) // 2 <= 65000
    assert out.startswith("### lawscan: 560 văn bản / documents")
    assert "| Có chương riêng về môi trường số (dedicated chapter) | 140 |" in out
    assert "<details open>" not in out
    assert "văn bản khác / and" in out and "phát hiện khác / and" in out
    assert "see the full report: outputs/r\\.html" in out
    rows = [line for line in out.splitlines() if "<br>" in line]
    left = int(out.split("… và ")[-1].split(" văn bản khác")[0])
    assert len(rows) + left == 560 and rows
    assert out.count("<details>") == out.count("</details>")


def test_markdown_limits_findings(result, base):
    out = render(result, "markdown", base_dir=base, max_findings=2)
    assert out.count("\n- ") == 2 + 2  # two findings + two error lines
    assert "và 3 phát hiện khác" in out


# --- github -----------------------------------------------------------------------------------

def test_github_commands_escaped(result, base):
    out = render(result, "github", base_dir=base)
    lines = out.splitlines()
    assert lines[-1].startswith("lawscan: 4 documents, 2 errors, 2 warnings, 1 notices, 1 input errors")
    for line in lines[:-1]:
        assert line.startswith(("::error ", "::warning ", "::notice "))
        assert "\x1b" not in line
    art9 = next(line for line in lines if "line=41" in line)
    assert art9.startswith("::warning file=drafts/du thao luat cong chung.docx,line=41,title=VN-DIGI-004%3A ")
    assert "%0A“Hồ sơ được lưu trữ bằng bản giấy.”" in art9
    # the forged command stays inside the message of one annotation
    assert not any(line.startswith("::error::forged") for line in lines)
    assert "%0Arồi ::error::forged" in out
    # property values escape , and :
    evil = next(line for line in lines if line.startswith("::error file=evil/") and "line=3" in line)
    props = evil.split("::")[1]
    assert "'data-pwned'%2C'2'" in props


def test_github_respects_per_level_limit(base):
    result = make_result(base, hostile=False)
    dr = result.documents[0]
    dr.findings = [Finding("VN-DIGI-004", "warning", f"cảnh báo {i}", "", f"art_{i}", i) for i in range(1, 15)]
    out = render(result, "github", base_dir=base, limit=10)
    assert sum(line.startswith("::warning ") for line in out.splitlines()) == 10
    assert "annotations not shown" in out.splitlines()[-1]


# --- all formats ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic_and_order_independent(base, fmt):
    a, b = make_result(base), make_result(base)
    b.documents.reverse()
    b.rules.reverse()
    for d in b.documents:
        d.findings.reverse()
    opts = {"base_dir": base, "generated_at": STAMP, "color": False}
    assert render(a, fmt, **opts) == render(b, fmt, **opts)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_run_renders(base, fmt):
    out = render(ScanResult(tool_version="0.1.0"), fmt, base_dir=base)
    assert isinstance(out, str) and out


def test_unknown_format():
    with pytest.raises(ValueError):
        render(ScanResult(), "pdf")


# --- writing ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_write_to_directory_uses_default_name(result, base, tmp_path, fmt):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = write_report(result, fmt, out_dir, base_dir=base)
    assert path == out_dir / report.default_filename(fmt)
    assert path.read_bytes()
    assert [p.name for p in out_dir.iterdir()] == [path.name]
    if fmt == "text":
        assert b"\x1b" not in path.read_bytes()  # files are never coloured by default


def test_default_filenames():
    assert report.default_filename("html") == "lawscan-report.html"
    assert report.default_filename("sarif") == "lawscan.sarif"
    assert report.default_filename("junit") == "junit.xml"


def test_failing_renderer_leaves_old_file(result, base, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")

    import lawscan.report.json_report as json_report

    def broken(result, **options):
        # render part of the report, then fail like a renderer with a bug would
        json_report.report_dict(result, base_dir=base)
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr(json_report, "render", broken)
    with pytest.raises(RuntimeError):
        write_report(result, "json", target, base_dir=base)
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_atomic_open_failure_midway_keeps_old_file(tmp_path):
    target = tmp_path / "lawscan.sarif"
    target.write_bytes(b"old")
    with pytest.raises(OSError):
        with atomic.atomic_open(target) as fh:
            fh.write(b"half of a new report")
            assert len(list(tmp_path.iterdir())) == 2  # the temporary file lives next to the target
            raise OSError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["lawscan.sarif"]


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic.atomic_write(target, "mới")
    assert target.read_text(encoding="utf-8") == "mới"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = atomic.atomic_write(tmp_path / "new.txt", b"x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~atomic._umask()


def test_clean_removes_control_sequences():
    from lawscan.report.common import clean

    assert clean(HOSTILE_TERM) == "ĐỎevil"
    assert clean("a\tb\r\nc") == "a b c"
    assert clean("a\nb", multiline=True) == "a\nb"
    assert clean("Điều 5\x00\x85x") == "Điều 5 x"
