"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

``render(result, base_dir=None, max_findings=50) -> str``: a heading with the totals, a compact
table (document × status × findings by severity), then the findings (at most ``max_findings``,
most severe first) and the input errors. Document-derived text is escaped: Markdown punctuation
gets a backslash, ``<``, ``>`` and ``&`` become entities, ``|`` cannot break the table, and line
breaks become spaces.
"""

from __future__ import annotations

import re

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def md(text: object) -> str:
    """Escape document-derived text for inline Markdown (also safe inside a table cell)."""
    s = clean(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _PUNCT.sub(r"\\\1", s)
    # "@name" would notify a GitHub user; a zero-width joiner keeps the text but not the mention.
    return s.replace("@", "@\u2060")


def render(result: ScanResult, base_dir=None, max_findings: int = 50, **_options) -> str:
    s = common.summary(result)
    sev = s["by_severity"]
    out = [f"### lawscan: {s['documents']} văn bản / documents · {sev.get('error', 0)} lỗi / errors · "
           f"{sev.get('warning', 0)} cảnh báo / warnings · {sev.get('info', 0)} thông tin / info"
           + (f" · {s['input_errors']} lỗi đọc tệp / input errors" if s["input_errors"] else ""), ""]
    entries = common.documents(result, base_dir)
    if entries:
        out.append("| Văn bản / Document | Trạng thái / Status | 🔴 | 🟠 | 🔵 |")
        out.append("|---|---|--:|--:|--:|")
        for e in entries:
            dr = e.result
            label = common.status_label(common.status_of(dr))
            title = md(common.doc_title(dr)) + (f" ({md(dr.document.number)})" if dr.document.number else "")
            counts = common.severity_counts(dr.findings)
            out.append(f"| {title}<br>{md(e.path)} | {label['vi']} ({label['en']}) | "
                       f"{counts['error']} | {counts['warning']} | {counts['info']} |")
        out.append("")

    all_findings = [(e, f) for e in entries for f in e.findings]
    order = {e.id: i for i, e in enumerate(entries)}
    all_findings.sort(key=lambda ef: (common.SEVERITY_RANK.get(ef[1].severity, 9), order[ef[0].id],
                                      common.finding_key(ef[1])))
    if all_findings:
        out.append("#### Phát hiện / Findings")
        out.append("")
        for e, f in all_findings[:max_findings]:
            line = common.finding_line(e.result, f)
            where = f"{md(e.path)}:{line}" + (f" · {md(f.eid)}" if f.eid else "")
            new = " 🆕" if f.baseline_state == "new" else ""
            out.append(f"- {ICON.get(f.severity, '⚪')} **{md(f.rule_id)}**{new} {where}  ")
            out.append(f"  {md(f.message)}" + (f" — _{md(f.message_en)}_" if f.message_en else "") + "  ")
            for ev in f.evidence[:2]:
                out.append(f"  > {md(ev.quote)}  ")
            if f.suggestion:
                out.append(f"  ➜ Gợi ý / Suggestion: {md(f.suggestion)}")
        if len(all_findings) > max_findings:
            out.append("")
            out.append(f"… và {len(all_findings) - max_findings} phát hiện khác / and "
                       f"{len(all_findings) - max_findings} more findings (xem báo cáo đầy đủ / see the full report).")
        out.append("")

    errors = common.sorted_errors(result)
    rule_errors = [(e, p) for e in entries for p in e.result.rule_errors]
    if errors or rule_errors:
        out.append("#### Lỗi / Errors")
        out.append("")
        for err in errors:
            out.append(f"- {md(common.rel_path(err.path, base_dir))}: {md(err.message)}")
        for e, p in rule_errors:
            out.append(f"- {md(e.path)}: {md(p.code)}: {md(p.message)}")
        out.append("")
    return "\n".join(out)
