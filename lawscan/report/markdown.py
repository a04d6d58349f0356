"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

``render(result, base_dir=None, max_findings=50, max_chars=65000, full_report=None) -> str``:

* a summary that always fits: a heading with the totals and a table of the statuses;
* the input errors and crashed rules;
* folded (``<details>``): the findings (at most ``max_findings``, most severe first), the
  skipped files, the documents (document × status × findings by severity).

GitHub takes at most 65,536 characters in one comment. The report stays within ``max_chars``
(counted in UTF-16 code units, as a browser counts, so an emoji counts 2): when the details do
not fit, each section shows what fits (the errors at most a quarter of the room left, the
findings half, the skipped files a fifth, the documents the rest) and ends with how many were left out and a pointer to the
full report (``full_report``: its path, when the same run writes one). Small reports come whole,
their details open.

The words are data (``data/labels.toml``: ``[word]``, ``[status]``, ``[severity]`` and
``[markdown]``). Document-derived text is escaped: Markdown punctuation gets a backslash, ``<``, ``>`` and ``&``
become entities, ``|`` cannot break the table, and line breaks become spaces.
:class:`MarkdownWriter` writes the same text from documents given one at a time, keeping only a
table row per document on disk and the shown findings in memory.
"""

from __future__ import annotations

import re

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean
from lawscan.report.stream import Writer, render_result
from lawscan.wording import both, lower_first

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}
MAX_CHARS = 65000  # GitHub's limit for one comment is 65,536
SECTION_RESERVE = 400  # room kept for each later section's heading and its "… more" line


def md(text: object) -> str:
    """Escape document-derived text for inline Markdown (also safe inside a table cell)."""
    s = clean(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _PUNCT.sub(r"\\\1", s)
    # "@name" would notify a GitHub user; a zero-width joiner keeps the text but not the mention.
    return s.replace("@", "@\u2060")


def size(text: str) -> int:
    """Length in UTF-16 code units (what a browser's textarea counts)."""
    return len(text.encode("utf-16-le")) // 2


class MarkdownWriter(Writer):
    """Parks each document's table row (and crashed-rule lines) and keeps only the first
    ``max_findings`` findings of each severity; at close writes the summary, then the sections
    that fit in ``max_chars``."""

    fmt = "markdown"

    def start(self) -> None:
        self.max_findings = self.options.get("max_findings", 50)
        self.max_chars = self.options.get("max_chars") or MAX_CHARS
        self.rows = self.spool()
        self.rows_size = 0
        self.rule_errors = self.spool()
        self.top: dict[int, list[list[str]]] = {}  # severity rank -> lines of its first findings
        self.findings = 0

    def document(self, e) -> None:
        dr = e.result
        label = common.status_label(common.status_of(dr))
        title = md(common.doc_title(dr)) + (f" ({md(dr.document.number)})" if dr.document.number else "")
        counts = common.severity_counts(dr.findings)
        note = common.review_note(dr)
        review = f"<br>⚠️ {md(note['vi'])} — _{md(note['en'])}_" if note else ""
        row = (f"| {title}<br>{md(e.path)} | {label['vi']} ({label['en']}){review} | "
               f"{counts['error']} | {counts['warning']} | {counts['info']} |\n")
        self.rows.write(row)
        self.rows_size += size(row)
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
        """The summary, then each section that has something, in as much room as is left."""
        shown = [lines for rank in sorted(self.top) for lines in self.top[rank]][:self.max_findings]
        errors = [f"- {md(common.rel_path(err.path, self.base_dir))}: {md(err.message)}"
                  for err in self.sorted_errors()] + list(self.rule_errors.lines())
        skipped = self.sorted_skipped()
        out = _Budget(self.write, self.max_chars)
        out.add_all(_summary(self.summary()))
        whole = (out.used + self.rows_size + sum(size(ln) + 1 for f in shown for ln in f)
                 + sum(size(ln) + 1 for ln in errors) + 200 * (len(skipped) + 4) < self.max_chars)
        sections = [x for x in (self._errors_section(errors), self._findings_section(shown, whole),
                                self._skipped_section(skipped, whole), self._documents_section(whole))
                    if x is not None]
        for i, (head, lines, tail, note, share, noted) in enumerate(sections):
            reserve = SECTION_RESERVE * (len(sections) - i - 1)
            out.section(head, lines, tail, note, reserve, share, noted)

    # each section: (head, lines, tail, note(left out), share of the room, noted), or None when empty
    def _errors_section(self, errors: list[str]):
        if not errors:
            return None
        return ([f"#### {_heading(_words('run_errors'))}", ""], errors, [""],
                lambda n: self._more(n, _words("run_errors")), 0.25, False)

    def _findings_section(self, shown: list[list[str]], whole: bool):
        if not self.findings:
            return None
        counted = f"{len(shown)} / {self.findings}" if len(shown) < self.findings else f"{self.findings}"
        hidden = self.findings - len(shown)  # beyond max_findings, whatever the room
        return (_fold(f"{_heading(common.word('findings'))} ({counted})", whole),
                [ln for f in shown for ln in f], ["", "</details>", ""],
                lambda n: self._more(n + hidden, common.word("findings")), 0.5, hidden > 0)

    def _skipped_section(self, skipped: list, whole: bool):
        if not skipped:
            return None
        reason = {x.code: f"{md(x.reason_vi)} — _{md(x.reason_en)}_" for x in skipped}
        lines = [f"- {md(common.rel_path(x.path, self.base_dir))}: {reason[x.code]}" for x in skipped]
        return (_fold(f"{_heading(_words('skipped_files'))} ({len(skipped)})", whole), lines,
                ["", "</details>", ""], lambda n: self._more(n, _words("files")), 0.2, False)

    def _documents_section(self, whole: bool):
        if not self.count:
            return None
        table = [f"| {_heading(common.word('document'))} | {_heading(common.word('status'))} "
                 "| 🔴 | 🟠 | 🔵 |", "|---|---|--:|--:|--:|"]
        return (_fold(f"{_heading(common.word('documents'))} ({self.count})", whole) + table,
                self.rows.lines(), ["", "</details>", ""],
                lambda n: self._more(n, common.word("documents")), 1.0, False)

    def _more(self, n: int, what: dict) -> str:
        """"… và 3 lỗi khác / and 3 more errors (xem báo cáo đầy đủ / see the full report: r.json)."
        for ``n`` items of ``what`` (a {"vi", "en"} label) left out."""
        where = self.options.get("full_report")
        where = f": {md(common.rel_path(where, self.base_dir))}" if where else ""
        more, full = _words("more"), _words("full_report")
        return (f"{more['vi'].format(n=n, what=lower_first(what['vi']))} / "
                f"{more['en'].format(n=n, what=what['en'])} ({full['vi']} / {full['en']}{where}).")


def _heading(label: dict) -> str:
    """"Phát hiện / Findings": a label as a heading."""
    return both(label, capital=True)


def _words(key: str) -> dict:
    """A {"vi", "en"} entry of the ``[markdown]`` labels."""
    return common.labels()["markdown"][key]


def _count(n: int, label: dict, en: str | None = None) -> str:
    """"3 lỗi / errors": a number and a label, the Vietnamese in lower case."""
    return f"{n} {lower_first(label['vi'])} / {en or label['en']}"


def _summary(s: dict) -> list[str]:
    """The heading with the totals and the table of statuses: always shown."""
    sev, plural = s["by_severity"], _words("plural_en")
    counts = [_count(s["documents"], common.word("documents"))]
    counts += [_count(sev.get(k, 0), common.severity_label(k), plural[k]) for k in common.SEVERITY_ORDER]
    if s["input_errors"]:
        counts.append(_count(s["input_errors"], common.word("errors")))
    if s["skipped"]:
        counts.append(_count(s["skipped"], common.word("skipped")))
    if s["to_review"]:
        counts.append("⚠️ " + _count(s["to_review"], common.word("to_review")))
    lines = [f"### lawscan: {' · '.join(counts)}", ""]
    statuses = [(k, n) for k, n in s["statuses"].items() if n]
    if statuses:
        lines += [f"| {_heading(common.word('status'))} | {_heading(common.word('documents'))} |", "|---|--:|"]
        for status, n in statuses:
            label = common.status_label(status)
            lines.append(f"| {label['vi']} ({label['en']}) | {n} |")
        lines.append("")
    return lines


def _fold(summary: str, open_: bool) -> list[str]:
    return [f"<details{' open' if open_ else ''}><summary>{summary}</summary>", ""]


def _finding_lines(e, f) -> list[str]:
    out = []
    line = common.finding_line(e.result, f)
    doc = e.result.document
    where = f"{md(e.path)}:{line}" + (f" ({common.where(doc, line)})" if doc.page_line(line) else "") \
        + (f" · {md(f.eid)}" if f.eid else "")
    new = " 🆕" if f.baseline_state == "new" else ""
    out.append(f"- {ICON.get(f.severity, '⚪')} **{md(f.rule_id)}**{new} {where}  ")
    out.append(f"  {md(f.message)}" + (f" — _{md(f.message_en)}_" if f.message_en else "") + "  ")
    for ev in f.evidence[:2]:
        out.append(f"  > {md(ev.quote)}  ")
    if f.suggestion:
        out.append(f"  ➜ {_heading(common.word('suggestion'))}: {md(f.suggestion)}")
    return out


class _Budget:
    """Writes lines joined by newlines (like ``"\\n".join``) as they come, counting their size
    against ``limit``."""

    def __init__(self, write, limit: int):
        self.write, self.limit, self.used, self.first = write, limit, 0, True

    def add(self, line: str) -> None:
        text = line if self.first else "\n" + line
        self.write(text)
        self.used += size(text)
        self.first = False

    def add_all(self, lines) -> None:
        for line in lines:
            self.add(line)

    def section(self, head: list[str], lines, tail: list[str], note, reserve: int,
                share: float = 1.0, noted: bool = False) -> None:
        """``head``, as many of ``lines`` as fit in ``share`` of the room left (keeping ``reserve``
        for later sections and room for the note), then ``note(left out)`` if any were left out
        (or ``noted``: some were left out before), then ``tail``. A finding's lines (its continuation lines start with a space) are kept or
        left out whole."""
        fixed = sum(size(x) + 1 for x in head + tail) + SECTION_RESERVE
        room = int((self.limit - self.used - reserve) * share) - fixed
        if room < 0:
            return
        self.add_all(head)
        left, item, item_size, cut = 0, [], 0, False
        for line in list(lines) + [None]:
            if line is not None and line.startswith(" ") and item:
                item.append(line)
                item_size += size(line) + 1
                continue
            if item:  # the item before this line is complete
                if not cut and item_size <= room:
                    self.add_all(item)
                    room -= item_size
                else:
                    cut = True
                    left += 1
            item = [line] if line is not None else []
            item_size = size(line) + 1 if line is not None else 0
        if left or noted:
            self.add("")
            self.add(note(left))
        self.add_all(tail)


def render(result: ScanResult, base_dir=None, max_findings: int = 50, max_chars: int = MAX_CHARS,
           full_report=None, **_options) -> str:
    return render_result(MarkdownWriter, result, base_dir=base_dir, max_findings=max_findings,
                         max_chars=max_chars, full_report=full_report)
