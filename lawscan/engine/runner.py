"""Running rules on one document. ``run_rules(doc, analysis, ruleset, settings=None)`` gives
``(findings, problems)``; ``analysis`` is what the analysis stage gave
(``lawscan.analyse.analyse_document``), or a Verdict alone (``analyse``), or None:

* every rule runs; a rule that raises becomes a Problem (code ``rule.crashed``, naming the rule
  and the exception, severity error) and the other rules still run;
* rules that do not apply to the document's kind (``skip_doc_kinds``, or "off" in the rule's
  ``doc_kinds`` table: :mod:`lawscan.engine.kinds`), and rules that need a verdict when there is
  none, are skipped;
* a severity override from the configuration replaces the severity of every finding of a rule;
  then the rule's cap for the document's kind lowers it ("info" for a decree, say);
* each finding gets ``fingerprint`` = a stable hash of rule id, document identity (number, else
  normalised title, else file name), unit eid and a discriminator (``extra["key"]``, then an
  occurrence counter) — never a line number, so it survives edits elsewhere in the file; and
  ``text_fingerprint``, the same with what the unit says in place of its eid (an article's text
  without its numbers, a chapter's title: :class:`UnitTexts`), so it survives the unit being
  renumbered (an article inserted before it) too;
* findings are sorted by line, then rule id;
* what a finding holds is bounded (lawscan.bounds): a rule's findings are taken one at a time,
  clipped (message, quotes, extra values) and kept up to MAX_FINDINGS_PER_RULE per document; the
  rest are counted in an info note among the document's problems (code ``rule.truncated``).
"""

from __future__ import annotations

import hashlib
import os
import re
import traceback
from typing import TYPE_CHECKING

from lawscan.engine import kinds
from lawscan.engine.context import RuleContext
from lawscan.engine.text import fold
from lawscan.bounds import MAX_EVIDENCE, MAX_FINDINGS_PER_RULE, MAX_MESSAGE, clip, clip_values
from lawscan.model import SEVERITIES, Document, Evidence, Finding, Problem, Verdict

if TYPE_CHECKING:
    from lawscan.analyse import Analysis


def document_identity(doc: Document) -> str:
    """The law's number ("31/2024/QH15"), else its folded title, else the file name."""
    if doc.number:
        return "no:" + re.sub(r"\s+", "", doc.number).upper()
    if doc.title and doc.title.strip():
        return "title:" + " ".join(fold(doc.title).split())
    return "file:" + os.path.basename(doc.path or "")


class UnitTexts:
    """``of(eid)``: "text:" and a hash of what the unit ``eid`` names says, "" for the document
    as a whole: an article or a unit within one by its text (heading and lines of it and its
    descendants, each without the number it opens with: "2. ", "a) "), a chapter, section or
    part by its kind and title (its whole text would cost a read of the whole chapter for each
    finding on it; its title is what a renumbering leaves). The units are indexed on first use,
    each key made once."""

    CONTAINERS = ("part", "chapter", "section", "subsection", "attachment")

    _NUMBER = re.compile(r"^\s*(?:\d+[a-zđ]?|[a-zđ])\s*[.)]\s*")

    def __init__(self, doc: Document):
        self.doc = doc
        self.units: dict[str, object] | None = None
        self.done: dict[str, str] = {}

    def of(self, eid: str) -> str:
        if not eid:
            return ""
        if eid not in self.done:
            if self.units is None:
                self.units = {u.eid: u for u in self.doc.root.walk() if u.eid}
            unit = self.units.get(eid)
            if unit is None:
                self.done[eid] = eid  # a place the rule named outside the tree: its eid
            else:
                if unit.kind in self.CONTAINERS:
                    text = f"{unit.kind}: {' '.join(unit.heading.split())}"
                else:
                    lines = (self._NUMBER.sub("", line) for line in unit.full_text().splitlines())
                    text = " ".join(" ".join(lines).split())
                self.done[eid] = "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        return self.done[eid]


def fingerprint(rule_id: str, identity: str, eid: str, key: str = "") -> str:
    """A stable 20-hex-digit fingerprint of one finding."""
    raw = "\x1f".join((rule_id, identity, eid or "", key or ""))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def run_rules(doc: Document, analysis: Analysis | Verdict | None, ruleset,
              settings: dict | None = None) -> tuple[list[Finding], list[Problem]]:
    """Run every rule of ``ruleset`` on ``doc`` as analysed (see the module docstring)."""
    if isinstance(analysis, Verdict) or analysis is None:
        ctx = RuleContext(doc=doc, verdict=analysis, settings=settings or {})
    else:
        ctx = RuleContext(doc=doc, settings=settings or {}, analysis=analysis)
    verdict = ctx.verdict
    findings: list[Finding] = []
    problems: list[Problem] = []
    identity = document_identity(doc)
    texts = UnitTexts(doc)
    for rule in ruleset:
        limit = kinds.policy(rule, doc, settings)
        if limit == kinds.OFF:
            continue
        if rule.needs_verdict and verdict is None:
            continue
        try:
            produced, dropped = _bounded(rule.check(ctx) or ())
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(Problem(
                "rule.crashed",
                f"rule {rule.id} ({rule.name}) crashed on {doc.path}: {type(exc).__name__}: "
                f"{exc} [{os.path.basename(where.filename)}:{where.lineno}]",
                severity="error"))
            continue
        seen: dict[tuple[str, str], int] = {}
        seen_text: dict[tuple[str, str], int] = {}
        for f in produced:
            if not isinstance(f, Finding):
                problems.append(Problem("rule.crashed", f"rule {rule.id} ({rule.name}) gave "
                                        f"{type(f).__name__} instead of a Finding", severity="error"))
                continue
            f.rule_id = rule.id
            f.evidence = list({(e.eid, e.line, e.quote): e for e in f.evidence}.values())  # no repeats
            if rule.severity_override:
                f.severity = rule.severity_override
            if f.severity not in SEVERITIES:
                f.severity = rule.severity
            f.severity = kinds.cap(f.severity, limit)
            key = str(f.extra.get("key", ""))
            n = seen.get((f.eid, key), 0)
            seen[(f.eid, key)] = n + 1
            f.fingerprint = fingerprint(rule.id, identity, f.eid, key + (f"#{n + 1}" if n else ""))
            text = texts.of(f.eid)
            n = seen_text.get((text, key), 0)
            seen_text[(text, key)] = n + 1
            f.text_fingerprint = fingerprint(rule.id, identity, text, key + (f"#{n + 1}" if n else ""))
            findings.append(f)
        if dropped:
            doc.problems.append(Problem(
                "rule.truncated", f"rule {rule.id} found {MAX_FINDINGS_PER_RULE + dropped} findings in "
                f"this document; the first {MAX_FINDINGS_PER_RULE} are reported", None, "info"))
    findings.sort(key=lambda f: (f.line is None, f.line or 0, f.rule_id, f.eid))
    return findings, problems


def _bounded(produced) -> tuple[list, int]:
    """The first MAX_FINDINGS_PER_RULE findings, each clipped as it comes (lawscan.bounds), and
    how many more there were (taken one at a time and dropped: a rule that yields many does not
    hold them all)."""
    kept, dropped = [], 0
    for f in produced:
        if len(kept) >= MAX_FINDINGS_PER_RULE:
            dropped += 1
            continue
        if isinstance(f, Finding):
            f.message = clip(f.message, MAX_MESSAGE)
            f.message_en = clip(f.message_en, MAX_MESSAGE)
            f.evidence = [Evidence(e.eid, e.line, clip(e.quote)) for e in f.evidence[:MAX_EVIDENCE]]
            f.extra = clip_values(f.extra)
            f.suggestion = clip(f.suggestion, MAX_MESSAGE) if f.suggestion else f.suggestion
        kept.append(f)
    return kept, dropped
