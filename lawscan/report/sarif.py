"""SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

``render(result, base_dir=None, category=None) -> str``: one run whose ``tool.driver.rules`` holds
every rule's metadata; one result per finding with ruleId/ruleIndex/level/message, a physical
location (URI relative to ``base_dir`` under ``uriBaseId`` SRCROOT, ``startLine`` >= 1 — a finding
with no line points at its unit's line, else the title line, else line 1), a logical location
(fullyQualifiedName = the eid), ``partialFingerprints["lawscan/v1"]`` (and ``["lawscanText/v1"]``, the unit's text for its eid) and ``baselineState`` when
the finding has one. A verdict of low confidence (``Verdict.review``) is a note-level result of
the rule ``lawscan-review`` on the law's title line. Input errors and crashed rules become
``toolExecutionNotifications`` of level error (``executionSuccessful`` false), files skipped as
not legal documents notifications of level note. ``SRCROOT`` is the project root, left for the consumer to resolve (no absolute
URI: the same input gives the same log wherever it is run).
:class:`SarifWriter` writes the same log one document at a time.
"""

from __future__ import annotations

import hashlib
import json

from lawscan.model import RuleInfo, ScanResult
from lawscan.report import common
from lawscan.report.stream import Writer, dumps_pretty, pad, render_result, write_json
from lawscan.wording import both

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _text(vi: str, en: str) -> str:
    return f"{vi}\n{en}" if en and en != vi else vi


def _rule(rule) -> dict:
    help_lines = [rule.title, rule.title_en]
    if rule.why:
        help_lines.append(f"{both(common.word('rationale'), capital=True)}: {rule.why}")
    if rule.suggestion:
        help_lines.append(f"{both(common.word('suggestion'), capital=True)}: {rule.suggestion}")
    help_text = "\n".join(x for x in help_lines if x)
    return {
        "id": rule.id,
        "name": rule.name or rule.id,
        "shortDescription": {"text": rule.title or rule.id},
        "fullDescription": {"text": _text(rule.title, rule.title_en) or rule.id},
        "help": {"text": help_text or rule.id,
                 "markdown": "\n\n".join(x for x in help_lines if x) or rule.id},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {"tags": sorted(set(rule.tags)), "precision": "medium",
                       "problem.severity": PROBLEM_SEVERITY.get(rule.severity, "warning")},
    }


def _fingerprint(entry, f) -> str:
    if f.fingerprint:
        return f.fingerprint
    raw = f"{f.rule_id}\x1f{entry.path}\x1f{f.eid}".encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]


def _physical(uri: str, line: int | None = None, snippet: str | None = None) -> dict:
    loc: dict = {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}}
    if line is not None:
        region: dict = {"startLine": max(int(line), 1)}
        if snippet:
            region["snippet"] = {"text": snippet}
        loc["region"] = region
    return loc


REVIEW_RULE = RuleInfo(
    id="lawscan-review", name="verdict-review", severity="info",
    title="Trạng thái về môi trường số có độ tin cậy thấp: cần người đọc kiểm tra lại",
    title_en="The digital status has low confidence: a person should check it",
    why="lawscan gives each verdict a confidence (the probability that the status is right); "
        "below the review threshold it is marked for a human look rather than acted on.",
    tags=["digital", "review"])


def _review(entry, note: dict) -> dict:
    """A note-level result on the law's title line for a verdict marked for review."""
    dr = entry.result
    v = dr.digital
    raw = f"{REVIEW_RULE.id}\x1f{entry.path}".encode("utf-8")
    return {
        "ruleId": REVIEW_RULE.id,
        "ruleIndex": 0,
        "level": "note",
        "message": {"text": _text(note["vi"], note["en"])},
        "locations": [{"physicalLocation": _physical(entry.uri, common.title_line(dr))}],
        "partialFingerprints": {"lawscan/v1": hashlib.sha256(raw).hexdigest()[:32]},
        "properties": {"document": common.doc_title(dr), "status": v.status, "confidence": v.confidence,
                       "method": v.method, "review": True},
    }


RESULTS = "\x1elawscan:results\x1e"  # stand for the parked items while the frame is dumped
NOTIFICATIONS = "\x1elawscan:notifications\x1e"


def _result(entry, f) -> dict:
    dr = entry.result
    line = common.finding_line(dr, f)
    snippet = f.evidence[0].quote if f.evidence else None
    location: dict = {"physicalLocation": _physical(entry.uri, line, snippet)}
    if f.eid:
        location["logicalLocations"] = [{"fullyQualifiedName": f.eid, "kind": "element"}]
    res: dict = {
        "ruleId": f.rule_id,
        "ruleIndex": 0,  # set at close, when every rule id is known
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": _text(f.message, f.message_en) or f.rule_id},
        "locations": [location],
        "partialFingerprints": {"lawscan/v1": _fingerprint(entry, f)},
    }
    if f.text_fingerprint:  # the unit's text for its eid: the same finding after a renumbering
        res["partialFingerprints"]["lawscanText/v1"] = f.text_fingerprint
    if f.baseline_state:
        res["baselineState"] = f.baseline_state
    props: dict = {"document": common.doc_title(dr), "eid": f.eid}
    if f.message_en:
        props["message_en"] = f.message_en
    if f.suggestion:
        props["suggestion"] = f.suggestion
    if f.evidence:
        props["evidence"] = [e.to_dict() for e in f.evidence]
    page = common.page_location(dr, line)
    if page:  # SARIF regions count lines of the text; the printed page is for the reader
        props["page"], props["pageLine"] = page["page"], page["line"]
    res["properties"] = props
    return res


class SarifWriter(Writer):
    """Parks each finding's result as one compact JSON line and each crashed rule's notification;
    at close writes the run: the rules, the notifications (then the input errors), the results
    (each given its ``ruleIndex`` in the final, sorted rule list)."""

    fmt = "sarif"

    def start(self) -> None:
        self.results = self.spool()
        self.notifications = self.spool()
        self.failed = False  # an error notification: executionSuccessful is false
        self.reviews = 0

    def document(self, entry) -> None:
        entry.uri = common.path_uri(entry.result.document.path, self.base_dir)
        note = common.review_note(entry.result)
        if note:
            self.reviews += 1
            self.results.add(json.dumps(_review(entry, note), ensure_ascii=False), sep="\n")
        for f in entry.findings:
            self.results.add(json.dumps(_result(entry, f), ensure_ascii=False), sep="\n")
        for problem in entry.result.rule_errors:
            self.failed = True
            self._notify({
                "level": "error",
                "message": {"text": f"{problem.code}: {problem.message}"},
                "descriptor": {"id": problem.code or "rule.error"},
                "locations": [{"physicalLocation": _physical(entry.uri)}],
            })

    def _notify(self, item: dict) -> None:
        self.notifications.add(pad(dumps_pretty(item), 12))

    def finish(self) -> None:
        base_dir = self.base_dir
        for err in self.sorted_errors():
            self.failed = True
            self._notify({
                "level": "error",
                "message": {"text": f"{common.rel_path(err.path, base_dir)}: {err.message}"},
                "descriptor": {"id": err.code or "input"},
                "locations": [{"physicalLocation": _physical(common.path_uri(err.path, base_dir))}],
            })
        for skipped in self.sorted_skipped():
            path = common.rel_path(skipped.path, base_dir)
            self._notify({
                "level": "note",
                "message": {"text": f"{path}: {_text(skipped.reason_vi, skipped.reason_en)}"},
                "descriptor": {"id": f"skipped.{skipped.code}"},
                "locations": [{"physicalLocation": _physical(common.path_uri(skipped.path, base_dir))}],
            })
        rules = self.sorted_rules()
        if self.reviews:
            rules[REVIEW_RULE.id] = REVIEW_RULE
        rule_index = {rid: i for i, rid in enumerate(rules)}
        results = self.spool()
        for line in (self.results.lines() if self.results.count else ()):
            res = json.loads(line)
            res["ruleIndex"] = rule_index[res["ruleId"]]
            results.add(pad(dumps_pretty(res), 8))
        has_notes = bool(self.notifications.count)
        run: dict = {
            "tool": {"driver": {"name": "lawscan", "version": self.tool_version,
                                "semanticVersion": self.tool_version,
                                "rules": [_rule(r) for r in rules.values()]}},
            "invocations": [{"executionSuccessful": not self.failed,
                             "toolExecutionNotifications": [NOTIFICATIONS] if has_notes else []}],
            "originalUriBaseIds": {"SRCROOT": {"description": {
                "text": "the project root: the directory of the configuration file, or where lawscan ran"}}},
            "columnKind": "unicodeCodePoints",
            "results": [RESULTS] if results.count else [],
        }
        category = self.options.get("category")
        if category:
            run["automationDetails"] = {"id": category if category.endswith("/") else f"{category}/"}
        holes = {}
        if has_notes:
            holes[NOTIFICATIONS] = self.notifications
        if results.count:
            holes[RESULTS] = results
        write_json(self.write, {"version": "2.1.0", "$schema": SCHEMA_URI, "runs": [run]}, holes)


def sarif_dict(result: ScanResult, base_dir=None, category: str | None = None) -> dict:
    return json.loads(render(result, base_dir, category))


def render(result: ScanResult, base_dir=None, category: str | None = None, **_options) -> str:
    return render_result(SarifWriter, result, base_dir=base_dir, category=category)
