"""SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

``render(result, base_dir=None, category=None) -> str``: one run whose ``tool.driver.rules`` holds
every rule's metadata; one result per finding with ruleId/ruleIndex/level/message, a physical
location (URI relative to ``base_dir`` under ``uriBaseId`` SRCROOT, ``startLine`` >= 1 — a finding
with no line points at its unit's line, else the title line, else line 1), a logical location
(fullyQualifiedName = the eid), ``partialFingerprints["lawscan/v1"]`` and ``baselineState`` when
the finding has one. Input errors and crashed rules become ``toolExecutionNotifications``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from lawscan.model import ScanResult
from lawscan.report import common

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _text(vi: str, en: str) -> str:
    return f"{vi}\n{en}" if en and en != vi else vi


def _rule(rule) -> dict:
    help_lines = [rule.title, rule.title_en]
    if rule.why:
        help_lines.append(f"Căn cứ / Rationale: {rule.why}")
    if rule.suggestion:
        help_lines.append(f"Gợi ý / Suggestion: {rule.suggestion}")
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


def sarif_dict(result: ScanResult, base_dir=None, category: str | None = None) -> dict:
    rules = common.rules_by_id(result)
    rule_index = {rid: i for i, rid in enumerate(rules)}
    results, notifications = [], []
    for entry in common.documents(result, base_dir):
        dr = entry.result
        uri = common.path_uri(dr.document.path, base_dir)
        for f in entry.findings:
            line = common.finding_line(dr, f)
            snippet = f.evidence[0].quote if f.evidence else None
            location: dict = {"physicalLocation": _physical(uri, line, snippet)}
            if f.eid:
                location["logicalLocations"] = [{"fullyQualifiedName": f.eid, "kind": "element"}]
            res: dict = {
                "ruleId": f.rule_id,
                "ruleIndex": rule_index[f.rule_id],
                "level": LEVEL.get(f.severity, "warning"),
                "message": {"text": _text(f.message, f.message_en) or f.rule_id},
                "locations": [location],
                "partialFingerprints": {"lawscan/v1": _fingerprint(entry, f)},
            }
            if f.baseline_state:
                res["baselineState"] = f.baseline_state
            props: dict = {"document": common.doc_title(dr), "eid": f.eid}
            if f.message_en:
                props["message_en"] = f.message_en
            if f.suggestion:
                props["suggestion"] = f.suggestion
            if f.evidence:
                props["evidence"] = [e.to_dict() for e in f.evidence]
            res["properties"] = props
            results.append(res)
        for problem in dr.rule_errors:
            notifications.append({
                "level": "error",
                "message": {"text": f"{problem.code}: {problem.message}"},
                "descriptor": {"id": problem.code or "rule.error"},
                "locations": [{"physicalLocation": _physical(uri)}],
            })
    for err in common.sorted_errors(result):
        notifications.append({
            "level": "error",
            "message": {"text": f"{common.rel_path(err.path, base_dir)}: {err.message}"},
            "descriptor": {"id": err.code or "input"},
            "locations": [{"physicalLocation": _physical(common.path_uri(err.path, base_dir))}],
        })
    base = Path(os.path.abspath(base_dir if base_dir is not None else os.getcwd())).as_uri().rstrip("/") + "/"
    run: dict = {
        "tool": {"driver": {"name": "lawscan", "version": result.tool_version or _version(),
                            "semanticVersion": result.tool_version or _version(),
                            "rules": [_rule(r) for r in rules.values()]}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"SRCROOT": {"uri": base}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if category:
        run["automationDetails"] = {"id": category if category.endswith("/") else f"{category}/"}
    return {"version": "2.1.0", "$schema": SCHEMA_URI, "runs": [run]}


def _version() -> str:
    from lawscan import __version__

    return __version__


def render(result: ScanResult, base_dir=None, category: str | None = None, **_options) -> str:
    return json.dumps(sarif_dict(result, base_dir, category), ensure_ascii=False, indent=2) + "\n"
