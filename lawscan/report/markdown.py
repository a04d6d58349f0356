"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

``render(result, base_dir=None, max_findings=50) -> str``: a heading with the totals, a compact
table (document × status × findings by severity), then the findings (at most ``max_findings``,
most severe first) and the input errors. Document-derived text is escaped: Markdown punctuation
gets a backslash, ``<``, ``>`` and ``&`` become entities, ``|`` cannot break the table, and line
breaks become spaces. :class:`MarkdownWriter` writes the same text from documents given one at a
time, keeping only a table row per document on disk and the shown findings in memory.
"""

from __future__ import annotations

import re

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean
from lawscan.report.stream import Writer, render_result

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def md(text: object) -> str:
    """Escape document-derived text for inline Markdown (also safe inside a table cell)."""
    s = clean(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _PUNCT.sub(r"\\\1", s)
    # "@name" would notify a GitHub user; a zero-width joiner keeps the text but not the mention.
    return s.replace("@", "@\u2060")


class MarkdownWriter(Writer):
    """Parks each document's table row (and crashed-rule lines) and keeps only the first
    ``max_findings`` findings of each severity; at close writes the totals, the table, the most
    severe findings and the errors."""

    fmt = "markdown"

    def start(self) -> None:
        self.max_findings = self.options.get("max_findings", 50)
        self.rows = self.spool()
        self.rule_errors = self.spool()
        self.top: dict[int, list[list[str]]] = {}  # severity rank -> lines of its first findings
        self.findings = 0

    def document(self, e) -> None:
        dr = e.result
        label = common.status_label(common.status_of(dr))
        title = md(common.doc_title(dr)) + (f" ({md(dr.document.number)})" if dr.document.number else "")
        counts = common.severity_counts(dr.findings)
        self.rows.write(f"| {title}<br>{md(e.path)} | {label['vi']} ({label['en']}) | "
                        f"{counts['error']} | {counts['warning']} | {counts['info']} |\n")
        # documents come in report order and their findings sorted by severity then place, so the
        # first findings of each severity are the ones the report shows
        for f in e.findings:
            self.findings += 1
            bucket = self.top.setdefault(common.SEVERITY_RANK.get(f.severity, 9), [])
            if self.max_findings is None or len(bucket) < self.max_findings:
                bucket.append(_finding_lines(e, f))
        for p in dr.rule_errors:
            self.rule_errors.write(f"- {md(e.path)}: {md(p.code)}: {md(p.message)}\n")

    def finish(self) -> None:
        out = _Lines(self.write)
        s = self.summary()
        sev = s["by_severity"]
        out.add(f"### lawscan: {s['documents']} văn bản / documents · {sev.get('error', 0)} lỗi / errors · "
                f"{sev.get('warning', 0)} cảnh báo / warnings · {sev.get('info', 0)} thông tin / info"
                + (f" · {s['input_errors']} lỗi đọc tệp / input errors" if s["input_errors"] else ""))
        out.add("")
        if self.count:
            out.add("| Văn bản / Document | Trạng thái / Status | 🔴 | 🟠 | 🔵 |")
            out.add("|---|---|--:|--:|--:|")
            out.extend(self.rows.lines())
            out.add("")
        if self.findings:
            shown = [lines for rank in sorted(self.top) for lines in self.top[rank]][:self.max_findings]
            out.add("#### Phát hiện / Findings")
            out.add("")
            for lines in shown:
                out.extend(lines)
            if self.max_findings is not None and self.findings > self.max_findings:
                more = self.findings - self.max_findings
                out.add("")
                out.add(f"… và {more} phát hiện khác / and "
                        f"{more} more findings (xem báo cáo đầy đủ / see the full report).")
            out.add("")
        errors = self.sorted_errors()
        if errors or self.tally.rule_errors:
            out.add("#### Lỗi / Errors")
            out.add("")
            for err in errors:
                out.add(f"- {md(common.rel_path(err.path, self.base_dir))}: {md(err.message)}")
            out.extend(self.rule_errors.lines())
            out.add("")


def _finding_lines(e, f) -> list[str]:
    out = []
    line = common.finding_line(e.result, f)
    where = f"{md(e.path)}:{line}" + (f" · {md(f.eid)}" if f.eid else "")
    new = " 🆕" if f.baseline_state == "new" else ""
    out.append(f"- {ICON.get(f.severity, '⚪')} **{md(f.rule_id)}**{new} {where}  ")
    out.append(f"  {md(f.message)}" + (f" — _{md(f.message_en)}_" if f.message_en else "") + "  ")
    for ev in f.evidence[:2]:
        out.append(f"  > {md(ev.quote)}  ")
    if f.suggestion:
        out.append(f"  ➜ Gợi ý / Suggestion: {md(f.suggestion)}")
    return out


class _Lines:
    """Writes lines joined by newlines (like ``"\\n".join``) as they come."""

    def __init__(self, write):
        self.write, self.first = write, True

    def add(self, line: str) -> None:
        self.write(line if self.first else "\n" + line)
        self.first = False

    def extend(self, lines) -> None:
        for line in lines:
            self.add(line)


def render(result: ScanResult, base_dir=None, max_findings: int = 50, **_options) -> str:
    return render_result(MarkdownWriter, result, base_dir=base_dir, max_findings=max_findings)
