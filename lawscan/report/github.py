"""GitHub Actions workflow commands: annotations on the pull request's files.

``render(result, base_dir=None, limit=10) -> str``: ``::error|warning|notice file=…,line=…,title=…::message``
lines, most severe and new findings first. GitHub shows only 10 annotations of each level per step,
so at most ``limit`` per level are printed (input errors count as errors), followed by one summary
line ``lawscan: N documents, E errors, W warnings, I notices, X input errors`` telling how many
were left out. Files skipped as not legal documents are notices after the findings' (and counted
in the summary line). Values are escaped as actions/toolkit does (data: ``%`` CR LF; properties also
``:`` and ``,``), and control characters are removed, so document text cannot forge a command. :class:`GithubWriter` keeps only those first annotations
and the counts while documents come one at a time.
"""

from __future__ import annotations

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean
from lawscan.report.stream import Writer, render_result
from lawscan.wording import both, lower_first

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: object) -> str:
    return clean(text, multiline=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    parts = ",".join(f"{k}={escape_property(v)}" for k, v in props.items() if v not in (None, ""))
    return f"::{level} {parts}::{escape_data(message)}" if parts else f"::{level}::{escape_data(message)}"


class GithubWriter(Writer):
    """Keeps only the first ``limit`` annotations of each level (new findings and those in the
    baseline apart, crashed rules apart) and how many there were; at close prints them, input
    errors first, and the summary line."""

    fmt = "github"

    def start(self) -> None:
        self.limit = self.options.get("limit", 10)
        self.rule_errors: list[str] = []
        # level -> [new findings, findings in the baseline]: the first `limit` commands of each
        self.kept: dict[str, tuple[list[str], list[str]]] = {lv: ([], []) for lv in ("error", "warning", "notice")}
        self.totals = {"error": 0, "warning": 0, "notice": 0}

    def _keep(self, queue: list[str], cmd) -> None:
        if len(queue) < self.limit:
            queue.append(cmd())

    def document(self, e) -> None:
        for p in e.result.rule_errors:
            self.totals["error"] += 1
            self._keep(self.rule_errors, lambda: command("error", f"{p.code}: {p.message}", file=e.path,
                                                        title=f"lawscan: {both(common.word('rule_error'))}"))
        note = common.review_note(e.result)
        if note:  # a verdict of low confidence: a notice on the law's title line
            self.totals["notice"] += 1
            self._keep(self.kept["notice"][0], lambda: command(
                "notice", f"{note['vi']}\n{note['en']}", file=e.path, line=common.title_line(e.result),
                title=f"lawscan: {both(common.word('review'))}"))
        for f in e.findings:
            level = COMMAND.get(f.severity, "warning")
            self.totals[level] += 1
            queue = self.kept[level][f.baseline_state == "unchanged"]
            self._keep(queue, lambda: self._annotation(e, f, level))

    def _annotation(self, e, f, level: str) -> str:
        rule = self.rules.get(f.rule_id)
        lines = [f.message]
        if f.message_en:
            lines.append(f.message_en)
        lines.extend(f"“{ev.quote}”" for ev in f.evidence[:2])
        if f.suggestion:
            lines.append(f"{both(common.word('suggestion'), capital=True)}: {f.suggestion}")
        if f.eid:
            lines.append(f"({f.eid})")
        title = f"{f.rule_id}: {rule.title if rule else ''}".rstrip(": ")
        return command(level, "\n".join(lines), file=e.path, line=common.finding_line(e.result, f), title=title)

    def finish(self) -> None:
        limit = self.limit
        errors = self.sorted_errors()
        out = []
        for err in errors[:limit]:
            path = common.rel_path(err.path, self.base_dir)
            out.append(command("error", f"{err.message} [{err.code}]", file=path,
                               title=f"lawscan: {both(common.word('cannot_read'))} {path}"))
        queued = {"error": out + self.rule_errors, "warning": [], "notice": []}
        out = []
        for level in ("error", "warning", "notice"):
            new, unchanged = self.kept[level]
            out.extend((queued[level] + new + unchanged)[:limit])
        skipped = self.sorted_skipped()
        room = max(limit - min(self.totals["notice"], limit), 0)
        for item in skipped[:room]:
            out.append(command("notice", f"{item.reason_vi}\n{item.reason_en}",
                               file=common.rel_path(item.path, self.base_dir),
                               title=f"lawscan: {lower_first(both(common.word('skipped')))}"))
        self.totals["notice"] += len(skipped)
        self.totals["error"] += len(errors)
        s = self.summary()
        sev = s["by_severity"]
        hidden = sum(max(n - limit, 0) for n in self.totals.values())
        line = (f"lawscan: {s['documents']} documents, {sev.get('error', 0)} errors, {sev.get('warning', 0)} warnings, "
                f"{sev.get('info', 0)} notices, {s['input_errors']} input errors")
        if s["rule_errors"]:
            line += f", {s['rule_errors']} rule errors"
        if skipped:
            line += f", {len(skipped)} skipped (not legal documents)"
        if s["to_review"]:
            line += f", {s['to_review']} verdicts to review"
        if hidden:
            line += f" ({hidden} annotations not shown: GitHub shows {limit} per level; see the SARIF or HTML report)"
        out.append(line)
        self.write("\n".join(out) + "\n")


def render(result: ScanResult, base_dir=None, limit: int = 10, **_options) -> str:
    return render_result(GithubWriter, result, base_dir=base_dir, limit=limit)
