"""What a rule means for each kind of document (lawscan.engine.kinds and the runner): a rule off for
a kind, a severity cap, a consolidated text judged as what it consolidates, the configuration's
own table, and the messages that name the document by its kind."""

from __future__ import annotations

from pathlib import Path

from lawscan.engine import Rule, load_rules, run_rules
from lawscan.engine import kinds
from lawscan.model import Document, Unit

FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "fixtures"


class Everywhere(Rule):
    id = "T901"
    name = "everywhere"
    severity = "error"
    title = "t"
    doc_kinds = {"decree": "info", "decision": "off", "consolidated": "warning"}

    def check(self, ctx):
        yield self.finding(ctx, None)


def doc(kind: str, consolidates: str | None = None) -> Document:
    d = Document(path="x.txt", format="txt", doc_kind=kind,
                 root=Unit("root", children=[Unit("article", num="1", eid="art_1", line=1)]))
    if consolidates:
        d.meta["consolidates"] = consolidates
    return d


def severities(d: Document, settings=None) -> list[str]:
    findings, problems = run_rules(d, None, [Everywhere()], settings)
    assert not problems
    return [f.severity for f in findings]


def test_off_cap_and_as_written():
    assert severities(doc("law")) == ["error"]
    assert severities(doc("decree")) == ["info"]
    assert severities(doc("decision")) == []
    assert severities(doc("foreign")) == []  # skip_doc_kinds


def test_consolidated_text_listed_itself_or_judged_as_what_it_consolidates():
    assert severities(doc("consolidated", "law")) == ["warning"]  # listed: its own entry
    rule = Everywhere()
    rule.doc_kinds = {"decree": "info"}
    findings, _ = run_rules(doc("consolidated", "decree"), None, [rule])
    assert [f.severity for f in findings] == ["info"]
    assert kinds.judged_kind(doc("consolidated", "circular")) == "circular"
    assert kinds.judged_kind(doc("consolidated")) == "consolidated"


def test_configuration_changes_the_table_per_rule():
    assert severities(doc("decree"), {"T901": {"doc_kinds": {"decree": "off"}}}) == []
    assert severities(doc("decision"), {"everywhere": {"doc_kinds": {"decision": "warning"}}}) == ["warning"]
    # a severity override from the configuration is capped too
    rule = Everywhere(severity="error")
    findings, _ = run_rules(doc("decree"), None, [rule])
    assert [f.severity for f in findings] == ["info"]


def test_cap_never_raises():
    assert kinds.cap("info", "warning") == "info"
    assert kinds.cap("error", "warning") == "warning"
    assert kinds.cap("warning", None) == "warning"


def test_invalid_doc_kinds_are_a_load_problem():
    class Bad(Everywhere):
        id = "T902"
        name = "bad"
        doc_kinds = {"decrees": "info", "law": "loud"}

    problems = Bad().problems()
    assert problems and "decrees" in problems[0] and "loud" in problems[0]


def test_every_builtin_rule_table_is_valid_and_explained():
    ruleset = load_rules()
    assert not ruleset.errors
    for rule in ruleset:
        assert rule.doc_kinds_why, rule.id
        assert dict(kinds.effects(rule))["foreign"] == ("off" if rule.id not in ("LS109", "LS110")
                                                        else "as written")


def test_ls101_names_a_decree_and_reminds_it():
    from lawscan.analyse import analyse
    from lawscan.pipeline import load_document

    text = (FIXTURES / "LS101" / "nghi-dinh-ghi-nhan.txt").read_text(encoding="utf-8")
    path = Path(__file__).parent / "_nd.txt"
    try:
        path.write_text(text, encoding="utf-8")
        d = load_document(path)
        findings, _ = run_rules(d, analyse(d), load_rules(select=["LS101"]))
    finally:
        path.unlink()
    (f,) = findings
    assert f.severity == "info" and f.message.startswith("Nghị định không có quy định")
    assert f.message_en.startswith("The decree has no provision") and "trực tuyến" in f.suggestion
