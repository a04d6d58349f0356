"""HTML report: one self-contained file for lawyers (Vietnamese, with English sub-labels).

``render(result, base_dir=None, generated_at=None) -> str`` (or :class:`HtmlWriter`, one law at a
time) fills ``templates/report.html.j2`` and, per law, the macros of ``templates/law.html.j2``
(jinja2, autoescape on) with: a corpus overview (table of laws with status and finding counts, a
text/status filter that only appears when JavaScript runs, an inline SVG chart of rubric coverage
across laws), then per law its metadata, the outline of chapters and articles with the digital
ones marked (anchors ``id="doc3-chp_XII"``), the rubric coverage matrix with evidence quotes, and
each finding with evidence, suggestion and a link to its place in the outline.

No network: CSS and JS are inline (``templates/report.css``, ``templates/report.js``), fonts are
system fonts, and a Content-Security-Policy allows only those two blocks (by hash), so even text
that escaped escaping could not run. ``document.meta["suggestion_href"]`` (a relative link) adds a
"suggested chapter" link to a law that lacks a digital chapter.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from lawscan.model import DocumentResult, ScanResult, Unit
from lawscan.report import common
from lawscan.report.stream import Writer, render_result

TEMPLATES = Path(__file__).with_name("templates")
OUTLINE_KINDS = ("part", "chapter", "section", "subsection", "article")
HAS_CHAPTER = ("digital_law", "dedicated_chapter")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def safe_href(href: object) -> str | None:
    """A relative link (path or #fragment) from document metadata, or None: anything with a scheme
    (javascript:, data:, http:) or a host, or with control characters or backslashes, is refused."""
    if not isinstance(href, str) or not href.strip():
        return None
    href = href.strip()
    if any(ord(c) < 32 or c == "\\" for c in href) or href.startswith("//"):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return href


def _digital_eids(dr: DocumentResult) -> set[str]:
    v = dr.digital
    if v is None:
        return set()
    eids = {e for e in v.eids.values() if isinstance(e, str)}
    chapters, articles = set(v.chapters), set(v.articles)
    sections = {tuple(s) for s in v.sections}

    def visit(unit: Unit, chapter: str | None) -> None:
        if unit.kind == "chapter":
            chapter = unit.num
            if unit.num in chapters:
                eids.add(unit.eid)
        elif unit.kind == "section" and ((chapter, unit.num) in sections or (unit.num,) in sections):
            eids.add(unit.eid)
        elif unit.kind == "article" and unit.num in articles:
            eids.add(unit.eid)
        for child in unit.children:
            if child.kind != "quoted":
                visit(child, chapter)

    visit(dr.document.root, None)
    return eids


def _outline(doc_id: str, unit: Unit, digital: set[str], targets: set[str]) -> list[dict]:
    """Nested nodes for the structural units (down to articles) under ``unit``."""
    nodes = []
    for child in unit.children:
        if child.kind not in OUTLINE_KINDS:
            continue
        kids = _outline(doc_id, child, digital, targets) if child.kind != "article" else []
        is_digital = child.eid in digital
        nodes.append({
            "kind": child.kind, "label": child.label(), "heading": child.heading, "eid": child.eid,
            "anchor": f"{doc_id}-{child.eid}", "line": child.line, "digital": is_digital,
            "children": kids, "targeted": child.eid in targets,
            "open": is_digital or child.eid in targets or any(k["open"] or k["digital"] or k["targeted"]
                                                             for k in kids),
        })
    return nodes


def _anchor_eids(unit: Unit) -> set[str]:
    return {u.eid for u in unit.walk(include_quoted=False) if u.kind in OUTLINE_KINDS and u.eid}


def _target(eid: str, anchors: set[str]) -> str | None:
    """The outline eid a finding about ``eid`` links to: itself or its nearest listed ancestor."""
    while eid:
        if eid in anchors:
            return eid
        eid = eid.rpartition("__")[0]
    return None


def _href(doc_id: str, eid: str, anchors: set[str]) -> str:
    target = _target(eid, anchors)
    return f"#{doc_id}-{target}" if target else f"#{doc_id}"


def _doc_context(entry: common.DocEntry) -> dict:
    dr, doc = entry.result, entry.result.document
    anchors = _anchor_eids(doc.root)
    findings, targets = [], set()
    for i, f in enumerate(entry.findings, 1):
        target = _target(f.eid, anchors)
        if target:
            targets.add(target)
        findings.append({
            "id": f"{entry.id}-f{i}", "f": f, "severity": common.severity_label(f.severity),
            "line": common.finding_line(dr, f),
            "href": _href(entry.id, f.eid, anchors),
            "target_label": (doc.find(target).label() if target and doc.find(target) else ""),
            "suggest_href": "",
        })
    status = common.status_of(dr)
    coverage = dr.digital.coverage if dr.digital else []
    outline_md = suggestion_markdown(dr) if status not in HAS_CHAPTER else ""
    for x in findings:  # the finding that a chapter is missing links to the proposed outline
        if outline_md and x["f"].rule_id == "LS101" and x["f"].severity != "info":
            x["suggest_href"] = f"#{entry.id}-suggest"
    counts = doc.counts()
    return {
        "id": entry.id, "dr": dr, "doc": doc, "path": entry.path, "title": common.doc_title(dr),
        "where": functools.partial(common.where, doc), "ocr_note": common.ocr_note(doc),
        "status": status, "status_label": common.status_label(status),
        "applicable": dr.digital.applicable if dr.digital else True,
        "verdict": dr.digital, "findings": findings, "counts": common.severity_counts(dr.findings),
        "structure": [(common.labels()["count"][k], n) for k, n in counts.items() if n],
        "outline": _outline(entry.id, doc.root, _digital_eids(dr), targets),
        "coverage": [{"c": c, "label": common.coverage_label(c.state),
                      "evidence": [{"ev": ev, "href": _href(entry.id, ev.eid, anchors)} for ev in c.evidence]}
                     for c in coverage],
        "covered": sum(c.state == "present" for c in coverage),
        "assessed": sum(c.state != "not_applicable" for c in coverage),
        "suggestion_href": (safe_href(doc.meta.get("suggestion_href")) or (f"#{entry.id}-suggest" if outline_md else None))
        if status not in HAS_CHAPTER else None,
        "suggestion_id": f"{entry.id}-suggest", "suggestion_md": outline_md,
        "search": " ".join(x for x in (common.doc_title(dr), doc.number or "", entry.path) if x).casefold(),
    }


def suggestion_markdown(dr: DocumentResult) -> str:
    """The proposed digital chapter (lawscan.drafting.suggest) as Markdown, "" when none; a scan
    that drops the text computes it beforehand into ``document.meta["suggestion_md"]``."""
    if "suggestion_md" in dr.document.meta:
        return dr.document.meta["suggestion_md"]
    if dr.digital is None:
        return ""
    try:
        from lawscan.drafting.suggest import render_markdown, suggest

        s = suggest(dr.document, dr.digital)
    except Exception:  # a drafting aid must never break the report
        return ""
    return render_markdown(s, level=3) if s.proposes else ""


ROWS = "<!--lawscan:rows-->"  # where the parked overview rows and law sections go
SECTIONS = "<!--lawscan:sections-->"


def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, finalize=_finalize)
    env.globals.update(word=common.word, coverage_label=common.coverage_label,
                       severities=[(s, common.severity_label(s)) for s in common.SEVERITY_ORDER])
    return env


class HtmlWriter(Writer):
    """Renders each law's overview row and section (``templates/law.html.j2``) as it comes and
    parks them; keeps the statuses seen and the rubric-coverage counts for the chart; at close
    fills ``templates/report.html.j2`` (totals, chart, errors) around the parked parts."""

    fmt = "html"

    def start(self) -> None:
        self.env = _environment()
        self.law = self.env.get_template("law.html.j2").module
        self.rows = self.spool()
        self.sections = self.spool()
        self.statuses: set[str] = set()
        self.chart_rows: dict[str, dict] = {}

    def document(self, entry: common.DocEntry) -> None:
        d = _doc_context(entry)
        self.rows.write(str(self.law.law_row(d, self.count)))
        self.sections.write(str(self.law.law_section(d)))
        self.statuses.add(d["status"])
        _count_coverage(self.chart_rows, d)

    def finish(self) -> None:
        from markupsafe import Markup

        from lawscan.report.json_report import timestamp

        css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
        js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
        statuses = [(s, common.status_label(s)) for s in (*common.STATUSES, "unknown") if s in self.statuses]
        errors = [{"path": common.rel_path(e.path, self.base_dir), "e": e} for e in self.sorted_errors()]
        text = self.env.get_template("report.html.j2").render(
            rows=Markup(ROWS), sections=Markup(SECTIONS), doc_count=self.count,
            errors=errors, summary=self.summary(), statuses=statuses, chart=_chart(self.chart_rows),
            version=self.tool_version, generated_at=timestamp(self.options.get("generated_at")),
            css=_markup(css),
            js=_markup(js), csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
                                "img-src data:; base-uri 'none'; form-action 'none'",
        )
        pos = 0
        for marker, spool in ((ROWS, self.rows), (SECTIONS, self.sections)):
            at = text.index(marker + "\n", pos)
            self.write(text[pos:at])
            spool.copy_to(self.write)
            pos = at + len(marker) + 1
        self.write(text[pos:])


def _count_coverage(rows: dict[str, dict], d: dict) -> None:
    """Add one law's rubric coverage to the chart's counts (elements in first-seen order)."""
    for item in d["coverage"]:
        c = item["c"]
        row = rows.setdefault(c.element, {"element": c.element, "label": c.label, "present": 0,
                                          "absent": 0, "not_applicable": 0})
        if c.state in ("present", "absent", "not_applicable"):
            row[c.state] += 1


def _chart(rows: dict[str, dict]) -> dict:
    """Rubric coverage across laws: per element, how many laws have it present/absent/n.a."""
    laws = max((r["present"] + r["absent"] + r["not_applicable"] for r in rows.values()), default=0)
    return {"rows": list(rows.values()), "laws": laws, "bar_width": 320, "row_height": 26,
            "label_width": 380}


def render(result: ScanResult, base_dir=None, generated_at=None, **_options) -> str:
    return render_result(HtmlWriter, result, base_dir=base_dir, generated_at=generated_at)


def _finalize(value):
    """Every value printed by the template: control characters removed from plain text (the
    template's own Markup, i.e. the inline CSS and JS, is left alone); autoescape runs after."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return common.clean(value, multiline=True)
    return value


def _markup(text: str):
    from markupsafe import Markup

    return Markup(text)

