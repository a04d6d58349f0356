"""GitHub Actions workflow commands: annotations on the pull request's files.

``render(result, base_dir=None, limit=10) -> str``: ``::error|warning|notice file=…,line=…,title=…::message``
lines, most severe and new findings first. GitHub shows only 10 annotations of each level per step,
so at most ``limit`` per level are printed (input errors count as errors), followed by one summary
line ``lawscan: N documents, E errors, W warnings, I notices, X input errors`` telling how many
were left out. Values are escaped as actions/toolkit does (data: ``%`` CR LF; properties also
``:`` and ``,``), and control characters are removed, so document text cannot forge a command.
"""

from __future__ import annotations

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: object) -> str:
    return clean(text, multiline=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    parts = ",".join(f"{k}={escape_property(v)}" for k, v in props.items() if v not in (None, ""))
    return f"::{level} {parts}::{escape_data(message)}" if parts else f"::{level}::{escape_data(message)}"


def render(result: ScanResult, base_dir=None, limit: int = 10, **_options) -> str:
    rules = common.rules_by_id(result)
    queued: dict[str, list[str]] = {"error": [], "warning": [], "notice": []}

    for err in common.sorted_errors(result):
        path = common.rel_path(err.path, base_dir)
        queued["error"].append(command("error", f"{err.message} [{err.code}]", file=path,
                                       title=f"lawscan: không đọc được tệp / cannot read {path}"))
    entries = common.documents(result, base_dir)
    for e in entries:
        for p in e.result.rule_errors:
            queued["error"].append(command("error", f"{p.code}: {p.message}", file=e.path,
                                           title="lawscan: lỗi quy tắc / rule error"))
    items = [(e, f) for e in entries for f in e.findings]
    # new findings before those already in the baseline, then severity, document and place
    order = {e.id: i for i, e in enumerate(entries)}
    items.sort(key=lambda ef: (ef[1].baseline_state == "unchanged", order[ef[0].id], common.finding_key(ef[1])))
    for e, f in items:
        level = COMMAND.get(f.severity, "warning")
        rule = rules.get(f.rule_id)
        lines = [f.message]
        if f.message_en:
            lines.append(f.message_en)
        lines.extend(f"“{ev.quote}”" for ev in f.evidence[:2])
        if f.suggestion:
            lines.append(f"Gợi ý / Suggestion: {f.suggestion}")
        if f.eid:
            lines.append(f"({f.eid})")
        title = f"{f.rule_id}: {rule.title if rule else ''}".rstrip(": ")
        queued[level].append(command(level, "\n".join(lines), file=e.path,
                                     line=common.finding_line(e.result, f), title=title))

    out = []
    for level in ("error", "warning", "notice"):
        out.extend(queued[level][:limit])
    s = common.summary(result)
    sev = s["by_severity"]
    hidden = sum(max(len(q) - limit, 0) for q in queued.values())
    line = (f"lawscan: {s['documents']} documents, {sev.get('error', 0)} errors, {sev.get('warning', 0)} warnings, "
            f"{sev.get('info', 0)} notices, {s['input_errors']} input errors")
    if s["rule_errors"]:
        line += f", {s['rule_errors']} rule errors"
    if hidden:
        line += f" ({hidden} annotations not shown: GitHub shows {limit} per level; see the SARIF or HTML report)"
    out.append(line)
    return "\n".join(out) + "\n"
