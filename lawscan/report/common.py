"""Helpers every report format shares.

Takes documents' results and gives the pieces each report writer needs in the same,
deterministic order: documents sorted by path with stable ids (``doc1``, ``doc2`` …), findings
sorted by severity then place, a line for every finding (falling back to its unit's line, then the
title line, then 1), paths relative to a base directory, the run's counts (``Tally``). The labels
in Vietnamese and English and :func:`clean` (terminal control sequences and other control
characters removed from document-derived text) are :mod:`lawscan.wording`'s, named here too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from lawscan.model import DocumentResult, Finding, RuleInfo, ScanResult, STATUSES
# the labels and clean() live in the shared lower layer; the reports use them through this module
from lawscan.wording import (clean, coverage_label, labels, severity_label,  # noqa: F401
                             status_label, word)

SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITY_ORDER)}  # 0 = most severe

def status_of(dr: DocumentResult) -> str:
    """The document's status, or "unknown" when it was not assessed."""
    status = dr.digital.status if dr.digital else None
    return status if status in STATUSES else "unknown"


def review_note(dr: DocumentResult) -> dict | None:
    """{"vi", "en"}: the note that marks a verdict of low confidence for a human review
    (``Verdict.review``), or None when the verdict needs none."""
    v = dr.digital
    if v is None or not v.review:
        return None
    fields = {"confidence": f"{v.confidence:.2f}", "method": v.method}
    return {lang: text.format(**fields) for lang, text in word("review_note").items()}


def finding_key(f: Finding) -> tuple:
    return (SEVERITY_RANK.get(f.severity, len(SEVERITY_ORDER)), f.line or 0, f.eid, f.rule_id,
            f.message, f.fingerprint)


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by line, eid and rule id."""
    return sorted(findings, key=finding_key)


@dataclass
class DocEntry:
    """A document of the run with its stable report id and its path for display."""

    id: str  # "doc1", "doc2", … in report order
    result: DocumentResult
    path: str  # relative to base_dir, forward slashes
    findings: list[Finding]  # sorted


def ordered(result: ScanResult) -> list[DocumentResult]:
    """The run's documents in report order: by path, then title."""
    return sorted(result.documents, key=lambda d: (d.document.path, d.document.title or ""))


def entry(number: int, dr: DocumentResult, base_dir: str | os.PathLike | None = None) -> DocEntry:
    """The ``number``-th document of a report (``doc1`` …) with its display path and sorted findings."""
    return DocEntry(f"doc{number}", dr, rel_path(dr.document.path, base_dir), sorted_findings(dr.findings))


def rel_path(path: str, base_dir: str | os.PathLike | None = None) -> str:
    """``path`` relative to ``base_dir`` (default: the current directory) with forward slashes;
    kept absolute when it lies on another drive."""
    if not path:
        return ""
    base = os.path.abspath(base_dir if base_dir is not None else os.getcwd())
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:
        rel = os.path.abspath(path)
    return PurePath(rel).as_posix()


def path_uri(path: str, base_dir: str | os.PathLike | None = None) -> str:
    """A relative URI reference for ``path`` (percent-encoded: spaces, non-ASCII, ``#``, ``?``)."""
    return quote(rel_path(path, base_dir), safe="/")


def title_line(dr: DocumentResult) -> int:
    """The source line of the document's title (1 when it cannot be found):
    :meth:`lawscan.model.Document.title_line`."""
    return dr.document.title_line()


def page_location(dr: DocumentResult, line: int | None) -> dict | None:
    """``{"page": 3, "line": 12}`` for a source line of a document read from pages (PDF), the
    place a reader finds in the printed Gazette; None for other documents."""
    page_line = dr.document.page_line(line)
    return None if page_line is None else {"page": page_line[0], "line": page_line[1]}


def where(doc, line: int | None) -> str:
    """A source line as a reader finds it, in Vietnamese: "dòng 44", or "trang 3, dòng 12" in a
    document read from pages (PDF: ``Document.page_line``); "" for no line."""
    if not line:
        return ""
    page_line = doc.page_line(line) if doc is not None else None
    if page_line is None:
        return f"{word('line')['vi']} {line}"
    return f"{word('page')['vi']} {page_line[0]}, {word('line')['vi']} {page_line[1]}"


def ocr_note(doc) -> str:
    """What a report says of a document whose text was partly read by OCR ("" when none)."""
    pages = doc.ocr_pages
    if not pages:
        return ""
    label = word("ocr")
    listed = ", ".join(str(p) for p in pages[:20]) + (" …" if len(pages) > 20 else "")
    return f"{label['vi']}: {word('page')['vi']} {listed} / {label['en']}: {word('page')['en']} {listed}"


def finding_line(dr: DocumentResult, f: Finding) -> int:
    """A line >= 1 for the finding: its own, its unit's (or nearest ancestor's), the title's, or 1."""
    if f.line and f.line >= 1:
        return f.line
    eid = f.eid
    while eid:  # the unit, else its nearest ancestor that the parser found
        unit = dr.document.find(eid)
        if unit is not None and unit.line and unit.line >= 1:
            return unit.line
        eid = eid.rpartition("__")[0]
    return title_line(dr)


def doc_title(dr: DocumentResult) -> str:
    """The document's title, or its file name when it has none."""
    return dr.document.title or PurePath(dr.document.path).name or word("untitled")["vi"]


def rules_by_id(result: ScanResult) -> dict[str, RuleInfo]:
    """The run's rules, plus a minimal entry for any rule id that only appears in findings."""
    rules = {r.id: r for r in result.rules}
    for dr in result.documents:
        add_unknown_rules(rules, dr)
    return dict(sorted(rules.items()))


def add_unknown_rules(rules: dict[str, RuleInfo], dr: DocumentResult) -> bool:
    """Add a minimal entry to ``rules`` for each rule id of ``dr``'s findings it lacks; True if any."""
    added = False
    for f in dr.findings:
        if f.rule_id not in rules:
            rules[f.rule_id] = RuleInfo(id=f.rule_id, name=f.rule_id, severity=f.severity,
                                        title=f.message, title_en=f.message_en)
            added = True
    return added


class Tally:
    """Running counts of a run, one document, input error or skipped file at a time (what :func:`summary`
    gives), so a streaming report needs no list of documents."""

    def __init__(self):
        self.statuses = {s: 0 for s in (*STATUSES, "unknown")}
        self.by_severity = {s: 0 for s in SEVERITY_ORDER}
        self.documents = self.new = self.with_findings = self.input_errors = self.rule_errors = 0
        self.skipped = 0
        self.to_review = 0

    def add_document(self, dr: DocumentResult) -> None:
        self.documents += 1
        self.statuses[status_of(dr)] += 1
        for f in dr.findings:
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            self.new += f.baseline_state == "new"
        self.with_findings += bool(dr.findings)
        self.rule_errors += len(dr.rule_errors)
        self.to_review += bool(dr.digital and dr.digital.review)

    def add_error(self, error=None) -> None:
        """An input error; a rule module that failed to load (code ``rule.*``, handed on with
        the input errors) counts as a rule error."""
        if str(getattr(error, "code", "")).startswith("rule."):
            self.rule_errors += 1
        else:
            self.input_errors += 1

    def add_skipped(self, _skipped=None) -> None:
        self.skipped += 1

    def summary(self) -> dict:
        return {
            "documents": self.documents,
            "statuses": dict(self.statuses),
            "findings": sum(self.by_severity.values()),
            "by_severity": dict(self.by_severity),
            "new_findings": self.new,
            "documents_with_findings": self.with_findings,
            "input_errors": self.input_errors,
            "rule_errors": self.rule_errors,
            "skipped": self.skipped,
            "to_review": self.to_review,
        }


def severity_counts(findings: list[Finding]) -> dict:
    counts = {s: 0 for s in SEVERITY_ORDER}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def sort_errors(errors) -> list:
    """Input errors in report order: by path, code and message."""
    return sorted(errors, key=lambda e: (e.path, e.code, e.message))


def sort_skipped(skipped) -> list:
    """Skipped files in report order: by path."""
    return sorted(skipped, key=lambda s: (s.path, s.code))
