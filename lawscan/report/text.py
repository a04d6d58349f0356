"""Terminal report for a drafter.

``render(result, color=None, base_dir=None) -> str`` (or :class:`TextWriter`, which prints each
document's section as soon as it is done, then the errors and the summary): per document a header (title, number, file,
status in Vietnamese and English, digital chapters), its findings grouped by severity with
location ("path:line  eid"), message, quoted evidence and suggestion; then a summary of the run
(with the files skipped as not legal documents, grouped by reason).
Colour (click.style) only when ``color`` is True, or when it is None and stdout is a terminal.
All document-derived text and file names pass through :func:`common.clean`, so a law cannot send
escape sequences to the terminal.
"""

from __future__ import annotations

import os
import sys

from lawscan.model import ScanResult, unit_name
from lawscan.report import common
from lawscan.report.common import clean
from lawscan.report.stream import Writer, render_result
from lawscan.wording import both

SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
STATUS_COLOUR = {"digital_law": "green", "dedicated_chapter": "green", "section_only": "yellow",
                 "articles_only": "yellow", "none": "red", "unknown": "white"}
RULE = "─" * 72


def _use_colour(color: bool | None) -> bool:
    if color is not None:
        return bool(color)
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class TextWriter(Writer):
    """Prints each document's section as soon as it is added, then the errors and the summary."""

    fmt = "text"

    def start(self) -> None:
        import click

        self.colour = _use_colour(self.options.get("color"))
        self._click_style = click.style

    def style(self, text: str, **kw) -> str:
        return self._click_style(text, **kw) if self.colour else text

    def document(self, entry: common.DocEntry) -> None:
        self.write("\n".join(self._document_lines(entry)) + "\n")
        self.flush()  # a drafter sees each law's results while a long run goes on

    def _document_lines(self, entry: common.DocEntry) -> list[str]:
        """A document's section: its header, its findings by severity, its crashed rules."""
        out = self._header_lines(entry)
        if not entry.findings:
            out.append(self.style(f"  ✓ {both(common.word('no_findings'))}", fg="green"))
            out.append("")
        for severity in common.SEVERITY_ORDER + tuple(
                sorted({f.severity for f in entry.findings} - set(common.SEVERITY_ORDER))):
            group = [f for f in entry.findings if f.severity == severity]
            if group:
                out += self._severity_lines(entry, severity, group)
        for problem in entry.result.rule_errors:
            out.append(self.style(f"  ! {both(common.word('rule_errors'))}: "
                                  f"{clean(problem.code)}: {clean(problem.message)}", fg="red"))
        if entry.result.rule_errors:
            out.append("")
        return out

    def _header_lines(self, entry: common.DocEntry) -> list[str]:
        """Title (number, draft), file, status, the digital units, structure, OCR note."""
        style, w = self.style, common.word
        dr, doc = entry.result, entry.result.document
        status = common.status_of(dr)
        title = clean(common.doc_title(dr))
        if doc.number:
            title += f" — {clean(doc.number)}"
        if doc.is_draft:
            title += f" [{both(w('draft'))}]"
        status_text = _bracketed(common.status_label(status))
        if dr.digital and not dr.digital.applicable:
            status_text += f"; {_bracketed(w('not_applicable'))}"
        out = [style(RULE, dim=True), style(title, bold=True),
               f"  {both(w('file'))}: {clean(entry.path)}",
               f"  {both(w('status'))}: " + style(status_text, fg=STATUS_COLOUR.get(status), bold=True)]
        note = common.review_note(dr)
        if note:
            out.append(style(f"  ⚠ {note['vi']}", fg="yellow", bold=True))
            out.append(style(f"    {note['en']}", fg="yellow"))
        if dr.digital:
            out += _digital_unit_lines(dr.digital)
        counts = doc.counts()
        parts = [f"{counts[k]} {common.labels()['count'][k]}" for k in counts if counts[k]]
        if parts:
            out.append(f"  {both(w('structure'))}: " + ", ".join(parts))
        if doc.ocr_pages:
            out.append(style(f"  {common.ocr_note(doc)}", fg="yellow"))
        out.append("")
        return out

    def _severity_lines(self, entry: common.DocEntry, severity: str, group: list) -> list[str]:
        """The heading of one severity ("LỖI / ERROR (2)") and its findings."""
        label = common.severity_label(severity)
        out = [self.style(f"  {label['vi'].upper()} / {label['en'].upper()} ({len(group)})",
                          fg=SEVERITY_COLOUR.get(severity), bold=True)]
        for f in group:
            out += self._finding_lines(entry, f)
        return out

    def _finding_lines(self, entry: common.DocEntry, f) -> list[str]:
        """Where (path:line, page, eid), message in both languages, evidence, suggestion."""
        dr, doc = entry.result, entry.result.document
        line = common.finding_line(dr, f)
        loc = f"{clean(entry.path)}:{line}"
        if doc.page_line(line):
            loc += f" ({common.where(doc, line)})"
        if f.eid:
            loc += f"  {clean(f.eid)}"
        head = f"[{clean(f.rule_id)}] {clean(f.message)}"
        if f.baseline_state == "unchanged":
            head += f" ({both(common.word('in_baseline'))})"
        out = [f"    {self.style(loc, dim=True)}", "    " + self.style(head, fg=SEVERITY_COLOUR.get(f.severity))]
        if f.message_en:
            out.append(f"    {clean(f.message_en)}")
        for ev in f.evidence:
            where = f" ({common.where(doc, ev.line)})" if ev.line else ""
            out.append(f"      “{clean(ev.quote)}”{where}")
        if f.suggestion:
            out.append(f"      → {common.word('suggestion')['vi']}: {clean(f.suggestion)}")
        out.append("")
        return out

    def finish(self) -> None:
        style, w = self.style, common.word
        out: list[str] = []
        errors = self.sorted_errors()
        if errors:
            out.append(style(RULE, dim=True))
            out.append(style(f"{both(w('errors'))} ({len(errors)})", fg="red", bold=True))
            for err in errors:
                out.append(f"  {clean(common.rel_path(err.path, self.base_dir))}: {clean(err.message)} "
                           f"[{clean(err.code)}]")
            out.append("")

        s = self.summary()
        out.append(style(RULE, dim=True))
        out.append(style(both(w('summary')), bold=True))
        out.append(f"  {both(w('documents'))}: {s['documents']}")
        for status, n in s["statuses"].items():
            if n:
                out.append(f"    {_bracketed(common.status_label(status))}: {n}")
        sev = ", ".join(f"{n} {common.severity_label(k)['vi'].lower()}" for k, n in s["by_severity"].items())
        sev_en = ", ".join(f"{n} {common.severity_label(k)['en']}" for k, n in s["by_severity"].items())
        out.append(f"  {both(w('findings'))}: {s['findings']} ({sev} / {sev_en})")
        if s["new_findings"]:
            out.append(f"    {both(w('new'))}: {s['new_findings']}")
        if s["to_review"]:
            out.append(style(f"  {both(w('to_review'))}: {s['to_review']}", fg="yellow"))
        out.append(f"  {both(w('errors'))}: {s['input_errors']}")
        out.extend(self._skipped_lines())
        if s["rule_errors"]:
            out.append(f"  {both(w('rule_errors'))}: {s['rule_errors']}")
        self.write("\n".join(out) + "\n")

    def _skipped_lines(self) -> list[str]:
        """The skipped files, grouped by reason (said once): a note, not an error."""
        w = common.word
        skipped = self.sorted_skipped()
        if not skipped:
            return []
        out = [f"  {both(w('skipped'))}: {len(skipped)}"]
        for code in sorted({s.code for s in skipped}):
            group = [s for s in skipped if s.code == code]
            out.append(f"    {clean(group[0].reason_vi)}")
            out.append(f"    {clean(group[0].reason_en)}:")
            out.extend(f"      {clean(common.rel_path(s.path, self.base_dir))}" for s in group)
        return out


def _digital_unit_lines(v) -> list[str]:
    """The verdict's digital chapters, sections ("Mục 2 (Chương IV)") and, without a chapter,
    articles."""
    w = common.word
    out = []
    if v.chapters:
        out.append(f"  {both(w('chapters'))}: " + ", ".join(_unit("chapter", c) for c in v.chapters))
    if v.sections:
        out.append(f"  {both(w('sections'))}: " + ", ".join(
            f"{_unit('section', s[-1])} ({_unit('chapter', s[0])})" if len(s) > 1 else _unit("section", s[0])
            for s in v.sections if s))
    if v.articles and not v.chapters:
        out.append(f"  {both(w('articles'))}: " + ", ".join(_unit("article", a) for a in v.articles))
    return out


def _unit(kind: str, num: str) -> str:
    """"Chương IV": a unit's label, its number cleaned."""
    return f"{unit_name(kind)} {clean(num)}"


def _bracketed(label: dict) -> str:
    """"Chưa đánh giá (not assessed)": the Vietnamese with the English in brackets."""
    return f"{label['vi']} ({label['en']})"


def render(result: ScanResult, color: bool | None = None, base_dir=None, **_options) -> str:
    return render_result(TextWriter, result, color=color, base_dir=base_dir)
