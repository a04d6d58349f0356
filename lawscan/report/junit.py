"""JUnit XML (the Jenkins/Surefire junit-10.xsd dialect CI systems read).

``render(result, base_dir=None, fail_on="info") -> str``: ``<testsuites>`` with one
``<testsuite>`` per document and one ``<testcase>`` per (document, rule): a ``<failure>`` when the
rule found something at or above ``fail_on`` that is not in the baseline (message + details:
location, evidence, suggestion), passed otherwise: findings below ``fail_on`` ("never": all of
them) and findings already in the baseline stay visible in ``<system-out>``, and each suite's
``findings`` / ``failing_findings`` properties count them. So a test case fails exactly when the
finding would make ``lawscan scan --fail-on`` exit 1. A crashed rule is an ``<error>`` on its test
case; the suite's properties also hold the verdict's confidence, method and ``review``,
and a verdict of low confidence is said in the suite's ``<system-out>`` (never a failure).
Files that could not be read form a suite of ``<error>`` cases, and files skipped as not
legal documents a last suite of ``<skipped>`` cases. :class:`JunitWriter` writes the same XML one
document at a time.
"""

from __future__ import annotations

from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.common import clean
from lawscan.report.stream import Writer, render_result


def _xml(text: object) -> str:
    """Text XML 1.0 can carry: controls (other than tab and newline) removed."""
    return clean(text, multiline=True)


def _details(entry, findings) -> str:
    dr = entry.result
    out = []
    for f in findings:
        line = common.finding_line(dr, f)
        loc = f"{entry.path}:{line}" + (f" ({common.where(dr.document, line)})"
                                        if dr.document.page_line(line) else "") + (f"  {f.eid}" if f.eid else "")
        out.append(f"[{f.severity}] {loc}")
        out.append(f"  {f.message}")
        if f.message_en:
            out.append(f"  {f.message_en}")
        for ev in f.evidence:
            out.append(f"  “{ev.quote}”" + (f" ({common.where(dr.document, ev.line)})" if ev.line else ""))
        if f.suggestion:
            out.append(f"  → {common.word('suggestion')['vi']}: {f.suggestion}")
        if f.baseline_state:
            out.append(f"  baseline: {f.baseline_state}")
    return "\n".join(out)


def _verdict_properties(dr) -> list[tuple[str, str]]:
    """The verdict's confidence, method and whether it needs a human review, as properties."""
    v = dr.digital
    if v is None:
        return []
    return [("confidence", f"{v.confidence:.3f}"), ("method", v.method),
            ("review", "true" if v.review else "false")]


def _rule_of(problem, rule_ids) -> str | None:
    """The rule a crash report is about, when its code or message names one."""
    for rid in rule_ids:
        if rid in problem.code or rid in problem.message:
            return rid
    return None


PLACEHOLDER = "lawscan-parked-suites"


class JunitWriter(Writer):
    """Serialises each document's ``<testsuite>`` as it comes into a spool and keeps the totals;
    at close writes ``<testsuites>`` with the totals, the parked suites and the input errors."""

    fmt = "junit"

    def start(self) -> None:
        from lxml import etree

        self.etree = etree
        self.suites = self.spool()
        fail_on = self.options.get("fail_on") or "info"
        self.fail_on = fail_on
        # the rank (0 = error) at or below which a finding fails; "never": none fails
        self.threshold = -1 if fail_on == "never" else common.SEVERITY_RANK.get(fail_on, 2)
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def document(self, entry) -> None:
        etree = self.etree
        rules = self.sorted_rules()
        dr = entry.result
        holder = etree.Element("testsuites")
        suite = etree.SubElement(holder, "testsuite", name=_xml(entry.path), file=_xml(entry.path))
        props = etree.SubElement(suite, "properties")
        failing_all = [f for f in entry.findings if self._fails(f)]
        for name, value in (("title", common.doc_title(dr)), ("number", dr.document.number or ""),
                            ("status", common.status_of(dr)), ("fail_on", self.fail_on),
                            ("findings", len(entry.findings)), ("failing_findings", len(failing_all)),
                            *_verdict_properties(dr)):
            etree.SubElement(props, "property", name=name, value=_xml(value))
        crashes: dict[str | None, list] = {}
        for problem in dr.rule_errors:
            crashes.setdefault(_rule_of(problem, rules), []).append(problem)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for rid, rule in rules.items():
            found = [f for f in entry.findings if f.rule_id == rid]
            case = etree.SubElement(suite, "testcase", classname=_xml(entry.path),
                                    name=_xml(f"{rid} {rule.title_en or rule.title}".strip()))
            counts["tests"] += 1
            failing = [f for f in found if self._fails(f)]
            if failing:
                first = failing[0]
                failure = etree.SubElement(case, "failure", type=first.severity,
                                           message=_xml(f"{first.message}" + (
                                               f" (+{len(failing) - 1})" if len(failing) > 1 else "")))
                failure.text = _xml(_details(entry, failing))
                counts["failures"] += 1
            for problem in crashes.pop(rid, []):
                error = etree.SubElement(case, "error", type=_xml(problem.code), message=_xml(problem.message))
                error.text = _xml(problem.message)
                counts["errors"] += 1
            rest = [f for f in found if f not in failing]
            if rest:
                etree.SubElement(case, "system-out").text = _xml(_details(entry, rest))
        for problem in crashes.get(None, []):
            case = etree.SubElement(suite, "testcase", classname=_xml(entry.path), name=_xml(problem.code))
            error = etree.SubElement(case, "error", type=_xml(problem.code), message=_xml(problem.message))
            error.text = _xml(problem.message)
            counts["tests"] += 1
            counts["errors"] += 1
        note = common.review_note(dr)
        if note:  # a verdict of low confidence: said, not failed
            etree.SubElement(suite, "system-out").text = _xml(f"{note['vi']}\n{note['en']}")
        for key, value in counts.items():
            suite.set(key, str(value))
            self.totals[key] += value
        suite.set("skipped", "0")
        # the suite as it prints inside <testsuites>: the holder's first and last lines dropped
        text = etree.tostring(holder, encoding="unicode", pretty_print=True)
        self.suites.write(text[text.index("\n") + 1:text.rindex("</testsuites>")])

    def _fails(self, f) -> bool:
        """At or above ``fail_on`` and not already in the baseline (what makes the exit code 1)."""
        return (common.SEVERITY_RANK.get(f.severity, 0) <= self.threshold
                and f.baseline_state != "unchanged")

    def finish(self) -> None:
        etree = self.etree
        totals = dict(self.totals)
        root = etree.Element("testsuites", name="lawscan")
        if self.count:
            etree.SubElement(root, "testsuite", name=PLACEHOLDER)
        errors = self.sorted_errors()
        if errors:
            suite = etree.SubElement(root, "testsuite", name="input errors", tests=str(len(errors)),
                                     failures="0", errors=str(len(errors)), skipped="0")
            for err in errors:
                path = common.rel_path(err.path, self.base_dir)
                case = etree.SubElement(suite, "testcase", classname="input", name=_xml(path))
                error = etree.SubElement(case, "error", type=_xml(err.code), message=_xml(err.message))
                error.text = _xml(f"{path}: {err.message}")
            totals["tests"] += len(errors)
            totals["errors"] += len(errors)
        skipped = self.sorted_skipped()
        if skipped:
            suite = etree.SubElement(root, "testsuite", name="skipped files", tests=str(len(skipped)),
                                     failures="0", errors="0", skipped=str(len(skipped)))
            for item in skipped:
                path = common.rel_path(item.path, self.base_dir)
                case = etree.SubElement(suite, "testcase", classname="skipped", name=_xml(path))
                etree.SubElement(case, "skipped", type=_xml(item.code),
                                 message=_xml(f"{item.reason_vi} / {item.reason_en}"))
            totals["tests"] += len(skipped)
        for key, value in totals.items():
            root.set(key, str(value))
        text = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")
        if not self.count:
            self.write(text)
            return
        mark = f'  <testsuite name="{PLACEHOLDER}"/>\n'
        at = text.index(mark)
        self.write(text[:at])
        self.suites.copy_to(self.write)
        self.write(text[at + len(mark):])


def render(result: ScanResult, base_dir=None, fail_on: str = "info", **_options) -> str:
    return render_result(JunitWriter, result, base_dir=base_dir, fail_on=fail_on)
