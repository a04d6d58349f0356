"""Annotated rule fixtures: rules/fixtures/<RULE_ID>/*.txt are small Vietnamese law texts with
annotation lines (see rules/fixtures/README.md):

    <!-- expect: LS105 @ chp_II__art_7 -->          a finding of LS105 at that eid
    <!-- expect: LS101 @ chp_V [warning] -->        ... with that severity
    <!-- expect: LS104 @ art_3 key=chữ ký số -->   ... with that discriminator
    <!-- ok: LS105 @ chp_II__art_8 -->             no LS105 finding at that eid (which must exist)
    <!-- settings: {"status_severity": {"none": "info"}} -->   settings for this file
    <!-- kind: decree -->                          the document is read as this kind (doc_kind)
    # ruleid: LS105                                a finding of LS105 on the next text line
    # ok: LS105                                    no finding of LS105 on the next text line

Annotation lines are replaced by empty lines before parsing, so line numbers are kept. The file
goes through the real pipeline (read -> normalise -> structure -> analyse -> rules). Checked rules
are the directory's rule plus every rule named in the file: a finding of a checked rule that no
annotation expects fails the test, and so does an expected finding that is missing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lawscan.engine import load_rules, run_rules

FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "fixtures"
COMMENT = re.compile(r"^\s*<!--\s*(expect|ok|settings|kind)\s*:\s*(.*?)\s*-->\s*$")
ANY_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")  # any other comment line: blanked too
SEMGREP = re.compile(r"^\s*#\s*(ruleid|ok)\s*:\s*([A-Z]+\d+)\s*$")
EXPECT = re.compile(r"^(?P<rule>[A-Z]+\d+)(?:\s*@\s*(?P<eid>\S+))?(?:\s*\[(?P<sev>\w+)\])?"
                    r"(?:\s+key=(?P<key>.+))?$")


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/*.txt"))


def parse_annotations(text: str):
    """Gives (clean text, expectations, oks, settings). An expectation is a dict with rule, eid
    (None = any), line (None = any), severity, key."""
    lines = text.split("\n")
    clean, expects, oks, settings, pending = [], [], [], {}, []
    for lineno, line in enumerate(lines, start=1):
        m = COMMENT.match(line)
        s = SEMGREP.match(line)
        if m:
            kind, body = m.groups()
            if kind == "settings":
                settings.update(json.loads(body))
            elif kind == "kind":
                settings["__kind__"] = body
            else:
                e = EXPECT.match(body)
                assert e, f"bad annotation on line {lineno}: {line!r}"
                item = {"rule": e["rule"], "eid": e["eid"], "line": None, "severity": e["sev"],
                        "key": e["key"], "at": lineno}
                (expects if kind == "expect" else oks).append(item)
            clean.append("")
        elif ANY_COMMENT.match(line):
            clean.append("")
        elif s:
            pending.append((s.group(1), s.group(2), lineno))
            clean.append("")
        else:
            if pending and line.strip():
                for kind, rule, at in pending:
                    item = {"rule": rule, "eid": None, "line": lineno, "severity": None,
                            "key": None, "at": at}
                    (expects if kind == "ruleid" else oks).append(item)
                pending = []
            clean.append(line)
    return "\n".join(clean), expects, oks, settings


def load(path: Path):
    """Document of a fixture through the real pipeline (read -> normalise -> structure)."""
    from lawscan.pipeline import load_document

    return load_document(path)


def verdict_of(doc):
    """The analysis stage's verdict."""
    from lawscan.analyse import analyse

    return analyse(doc)


def matches(finding, exp) -> bool:
    return (finding.rule_id == exp["rule"]
            and (exp["eid"] is None or finding.eid == ("" if exp["eid"] == "document" else exp["eid"]))
            and (exp["line"] is None or finding.line == exp["line"])
            and (exp["severity"] is None or finding.severity == exp["severity"])
            and (exp["key"] is None or str(finding.extra.get("key", "")) == exp["key"]))


def test_fixtures_exist_for_every_rule():
    ruleset = load_rules()
    have = {p.parent.name for p in fixture_files()}
    missing = [r.id for r in ruleset if r.id not in have]
    assert not missing, f"rules without fixtures: {missing}"


def test_annotation_parser_keeps_line_numbers():
    text = "a\n<!-- expect: LS105 @ art_1 -->\n# ruleid: LS106\nĐiều 1. X\n<!-- settings: {\"k\": 1} -->"
    clean, expects, oks, settings = parse_annotations(text)
    assert clean.split("\n") == ["a", "", "", "Điều 1. X", ""]
    assert expects[0]["eid"] == "art_1" and expects[1] == {
        "rule": "LS106", "eid": None, "line": 4, "severity": None, "key": None, "at": 3}
    assert settings == {"k": 1} and oks == []


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_fixture(path: Path, tmp_path):
    check_fixture(path, tmp_path, load_rules())


def check_fixture(path: Path, tmp_path: Path, ruleset) -> None:
    """Run the fixture ``path`` (in a folder named by its rule id) through the real pipeline with
    ``ruleset`` and check its annotations (also used by tests/test_adding_a_rule.py)."""
    clean, expects, oks, settings = parse_annotations(path.read_text(encoding="utf-8"))
    target = tmp_path / path.name
    target.write_text(clean, encoding="utf-8")
    doc = load(target)
    want_kind = settings.pop("__kind__", None)
    if want_kind:
        assert doc.doc_kind == want_kind, f"{path.name}: read as {doc.doc_kind}, not {want_kind}"
    checked = {path.parent.name} | {e["rule"] for e in expects + oks}
    # the verdict is computed when a checked rule uses it (rules 1-3); else the others run alone
    verdict = verdict_of(doc) if any(r.needs_verdict for r in ruleset if r.id in checked) else None
    findings, problems = run_rules(doc, verdict, ruleset, settings)
    assert not problems, problems
    got = [f for f in findings if f.rule_id in checked]

    eids = {u.eid for u in doc.root.walk()}
    for exp in expects + oks:
        if exp["eid"] not in (None, "document"):
            assert exp["eid"] in eids, (f"{path.name}:{exp['at']}: no unit {exp['eid']} in the "
                                        f"parsed document (have {sorted(eids)[:40]})")
    describe = [(f.rule_id, f.eid, f.line, f.severity, f.extra.get("key"), f.message) for f in got]
    unmatched = list(got)
    for exp in expects:
        hit = next((f for f in unmatched if matches(f, exp)), None)
        assert hit is not None, f"{path.name}:{exp['at']}: expected {exp} not found in {describe}"
        unmatched.remove(hit)
    for ok in oks:
        bad = [f for f in got if matches(f, ok)]
        assert not bad, f"{path.name}:{ok['at']}: unexpected finding {bad[0]}"
    assert not unmatched, f"{path.name}: unexpected findings {[(f.rule_id, f.eid, f.line, f.message) for f in unmatched]}"
