"""HTML report: one self-contained file for a legal department (Vietnamese first, English beside it).

``render(result, base_dir=None, generated_at=None) -> str`` (or :class:`HtmlWriter`, one law at a
time) fills ``templates/report.html.j2`` with

* a summary: counts (each a link that filters the table), four inline SVG charts drawn here
  (``html_charts``: status, status by year, status by sector, rubric coverage across the laws),
  the files that are not legal documents and the files that could not be read (folded when many);
* the overview: one compact row per law (status, kind, year, sector, rubric coverage, findings
  by severity, the verdict's confidence and review flag), sortable, filterable and groupable by
  ``templates/report.js``; without the script the table is plain and still complete;
* the details: one closed ``<details>`` per law (``templates/law.html.j2``: metadata, verdict with
  its reasons in both languages, findings with evidence, rubric coverage, an outline of chapters
  with the digital and the cited articles, the proposed chapter). A browser lays out only the open
  ones; the script moves one under its row when the row is opened, so nothing is written twice.

Order: laws first, then decrees, circulars and other subordinate acts, consolidated texts,
documents of unknown kind, foreign acts last; within each, the status that most needs work first
(no digital provisions, scattered articles, a section only, a chapter, a digital law); then by
title in Vietnamese alphabetical order (:func:`sort_key`). Printing gives the overview, then every
law's details open, without the controls.

No network: CSS and JS are inline (``templates/report.css``, ``templates/report.js``), fonts are
system fonts, and a Content-Security-Policy allows only those two blocks (by hash), so even text
that escaped escaping could not run. A law that lacks a digital chapter shows what the drafting
stage proposes (``DocumentResult.suggestion``: the outline of the chapter, and a relative link to
the full proposal when there is one); the report computes nothing of it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import tempfile
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from lawscan.model import STRUCTURE_KINDS, DocumentResult, ScanResult, Unit
from lawscan.report import common, html_charts
from lawscan.report.stream import Writer, render_result

TEMPLATES = Path(__file__).with_name("templates")
OUTLINE_KINDS = STRUCTURE_KINDS  # an attachment (a regulation issued with a decree) too
HAS_CHAPTER = ("digital_law", "dedicated_chapter")
# default order: kinds of document (laws first, foreign acts last), then status (most work first)
KIND_GROUP = {"law": 0, "code": 0, "constitution": 0, "amending_law": 0, "resolution": 1, "decree": 1,
              "circular": 1, "decision": 1, "consolidated": 2, "unknown": 3, "foreign": 4}
STATUS_RANK = {"none": 0, "articles_only": 1, "section_only": 2, "dedicated_chapter": 3,
               "digital_law": 4, "unknown": 5}
COLUMNS = 10  # of the overview table (the script's group and detail rows span them)


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


# --- Vietnamese alphabetical order --------------------------------------------------------------
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {c: i for i, c in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


_NUMBER_OR_CHAR = re.compile(r"\d+|\D")


def collation_key(text: str) -> tuple:
    """Sort key of ``text`` in Vietnamese alphabetical order: letters a ă â … đ … ư … y (tones
    set aside), then the tones (none, huyền, hỏi, ngã, sắc, nặng); numbers by value ("13/2008"
    before "101/2012"), before marks and letters."""
    letters, tones = [], []
    for token in _NUMBER_OR_CHAR.findall(unicodedata.normalize("NFC", text.casefold())):
        if token.isdigit():
            letters.append((0, int(token)))
            tones.append(0)
            continue
        parts = unicodedata.normalize("NFD", token)
        tones.append(next((_TONES[m] for m in parts if m in _TONES), 0))
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        letters.append((1, _LETTER[base] + 1000 if base in _LETTER else ord(base[:1] or " ")))
    return tuple(letters), tuple(tones)


def sort_key(d: dict) -> tuple:
    """The default order of the report (see the module docstring)."""
    return (KIND_GROUP.get(d["kind"], 3), STATUS_RANK.get(d["status"], 5), not d["applicable"],
            collation_key(d["title"]), d["path"])


# --- one law -------------------------------------------------------------------------------------
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


def _outline(doc_id: str, unit: Unit, digital: set[str], targets: set[str], keep: set[str]) -> list[dict]:
    """Nested nodes for the structural units under ``unit``: every part, chapter and section, and
    the articles that are digital or that a finding or a quote points at; the other articles of a
    run are one "omitted" node (their count and first and last number). Subsections with no heading
    (numbered subdivisions of foreign acts) give way to what they hold."""
    nodes, skipped = [], []

    def flush():
        if skipped:
            nodes.append({"kind": "omitted", "count": len(skipped), "first": skipped[0].num,
                          "last": skipped[-1].num})
            skipped.clear()

    children = list(unit.children)
    while children:
        child = children.pop(0)
        if child.kind not in OUTLINE_KINDS:
            continue
        if child.kind == "subsection" and not child.heading:  # numbered only (foreign acts): its units
            children[:0] = child.children
            continue
        if child.kind == "article" and child.eid not in keep:
            skipped.append(child)
            continue
        flush()
        kids = _outline(doc_id, child, digital, targets, keep) if child.kind != "article" else []
        nodes.append({"kind": child.kind, "label": child.label(), "heading": child.heading,
                      "anchor": f"{doc_id}-{child.eid}", "line": child.line, "children": kids,
                      "digital": child.eid in digital, "targeted": child.eid in targets})
    flush()
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


def _href(doc_id: str, target: str | None) -> str:
    return f"#{doc_id}-{target}" if target else f"#{doc_id}"


def _label(table: str, key: str, fallback: str = "unknown") -> dict:
    labels = common.labels()[table]
    return labels.get(key) or labels[fallback]


def _findings(entry: common.DocEntry, anchors: set[str], targets: set[str]) -> list[dict]:
    dr, doc = entry.result, entry.result.document
    items = []
    for i, f in enumerate(entry.findings, 1):
        target = _target(f.eid, anchors)
        if target:
            targets.add(target)
        unit = doc.find(target) if target else None
        items.append({"id": f"{entry.id}-f{i}", "f": f, "severity": common.severity_label(f.severity),
                      "line": common.finding_line(dr, f), "href": _href(entry.id, target),
                      "target_label": unit.label() if unit is not None else "", "suggest_href": ""})
    return items


def _coverage(entry: common.DocEntry, anchors: set[str], cited: set[str]) -> list[dict]:
    v = entry.result.digital
    items = []
    for c in (v.coverage if v else []):
        evidence = []
        for ev in c.evidence:
            target = _target(ev.eid, anchors)
            if target:
                cited.add(target)
            evidence.append({"ev": ev, "href": _href(entry.id, target)})
        items.append({"c": c, "label": common.coverage_label(c.state), "evidence": evidence})
    return items


def _reasons(entry: common.DocEntry, anchors: set[str], cited: set[str]) -> list[dict]:
    v = entry.result.digital
    reasons = []
    for r in (v.reasons if v else []):
        target = _target(r.eid, anchors)
        if target:
            cited.add(target)
        reasons.append({"r": r, "href": _href(entry.id, target) if r.eid else ""})
    return reasons


def _verdict_context(v) -> dict:
    """The verdict's part of a law's context (``v`` may be None: no verdict)."""
    coverage = v.coverage if v else []
    return {
        "verdict": v, "applicable": v.applicable if v else True,
        "confidence": v.confidence if v else None, "review": bool(v and v.review),
        "method_label": _label("method", v.method, "rules") if v else None,
        "covered": sum(c.state == "present" for c in coverage),
        "assessed": sum(c.state != "not_applicable" for c in coverage),
    }


def _suggestion_context(entry: common.DocEntry, status: str, findings: list[dict]) -> dict:
    """The proposed chapter of a law without one (``DocumentResult.suggestion``): its outline and
    where it is; the finding that a chapter is missing links to it."""
    suggestion = entry.result.suggestion if status not in HAS_CHAPTER else None
    outline_md = suggestion.outline if suggestion is not None else ""
    for x in findings:
        if outline_md and x["f"].rule_id == "LS101" and x["f"].severity != "info":
            x["suggest_href"] = f"#{entry.id}-suggest"
    href = None
    if status not in HAS_CHAPTER:
        href = safe_href(suggestion and suggestion.href) or (f"#{entry.id}-suggest" if outline_md else None)
    return {"suggestion_href": href, "suggestion_id": f"{entry.id}-suggest", "suggestion_md": outline_md}


def _named(doc, kind: str) -> str:
    """The title, or for a record without one (scraped records often have none) its kind and
    number; "" when neither is known."""
    if doc.title:
        return doc.title
    return f"{_label('kind', kind)['vi']} {doc.number}" if doc.number and kind != "unknown" else ""


def _doc_context(entry: common.DocEntry) -> dict:
    dr, doc = entry.result, entry.result.document
    anchors = _anchor_eids(doc.root)
    targets: set[str] = set()
    cited: set[str] = set()
    findings = _findings(entry, anchors, targets)
    coverage = _coverage(entry, anchors, cited)
    reasons = _reasons(entry, anchors, cited)
    status = common.status_of(dr)
    suggestion = _suggestion_context(entry, status, findings)
    digital = _digital_eids(dr)
    kind = doc.doc_kind if doc.doc_kind in common.labels()["kind"] else "unknown"
    sector = getattr(doc, "sector", "") or ""
    named = _named(doc, kind)
    return {
        "id": entry.id, "dr": dr, "doc": doc, "path": entry.path,
        "title": named or common.doc_title(dr),
        "where": functools.partial(common.where, doc), "ocr_note": common.ocr_note(doc),
        "number_in_title": not doc.title and bool(named),
        "status": status, "status_label": common.status_label(status),
        "status_rank": STATUS_RANK.get(status, 5),
        "kind": kind, "kind_label": _label("kind", kind), "sector": sector,
        "sector_label": html_charts.sector_label(sector),
        **_verdict_context(dr.digital), "reasons": reasons,
        "findings": findings, "counts": common.severity_counts(dr.findings),
        "structure": [(common.labels()["count"][k], n) for k, n in doc.counts().items() if n],
        "outline": _outline(entry.id, doc.root, digital, targets, digital | targets | cited),
        "coverage": coverage, **suggestion,
        "sector_rank": _sector_rank(sector),
    }


def _sector_rank(sector: str) -> int:
    order = html_charts.sector_order()
    return order.index(sector) if sector in order else len(order)


# --- the writer ----------------------------------------------------------------------------------
ROWS = "<!--lawscan:rows-->"  # where the sorted overview rows and law details go
DETAILS = "<!--lawscan:details-->"


class _Parts:
    """Pieces of text parked in a temporary file (UTF-8, kept in memory while small), each read
    back by the (offset, length) ``add`` gave, in any order."""

    def __init__(self):
        self._file = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        self._end = 0

    def add(self, text: str) -> tuple[int, int]:
        data = text.encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        ref = (self._end, len(data))
        self._end += len(data)
        return ref

    def read(self, ref: tuple[int, int]) -> str:
        self._file.seek(ref[0])
        return self._file.read(ref[1]).decode("utf-8")

    def close(self) -> None:
        self._file.close()


def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, finalize=_finalize)
    env.globals.update(word=common.word, coverage_label=common.coverage_label, columns=COLUMNS,
                       severities=[(s, common.severity_label(s)) for s in common.SEVERITY_ORDER])
    env.filters["pct"] = lambda x: f"{round(100 * x)}%" if isinstance(x, (int, float)) else "—"
    return env


class HtmlWriter(Writer):
    """Renders each law's overview row and details (``templates/law.html.j2``) as it comes: the
    rows (a few hundred bytes each) with their sort keys stay in memory, the details are parked
    in a temporary file; the charts' counts are kept. At close fills ``templates/report.html.j2``
    and writes rows and details in the report's order."""

    fmt = "html"

    def start(self) -> None:
        self.env = _environment()
        self.law = self.env.get_template("law.html.j2").module
        self.details = _Parts()
        self._spools.append(self.details)  # closed with the writer's spools
        self.rows: list[tuple[tuple, str, tuple[int, int]]] = []
        self.stats = html_charts.CorpusStats()

    def document(self, entry: common.DocEntry) -> None:
        d = _doc_context(entry)
        ref = self.details.add(str(self.law.law_details(d)))
        self.rows.append((sort_key(d), str(self.law.law_row(d)), ref))
        v = d["verdict"]
        self.stats.add(d["status"], d["kind"], d["doc"].year, d["sector"], v.coverage if v else [],
                       d["review"], d["counts"]["error"])

    def finish(self) -> None:
        from markupsafe import Markup

        from lawscan.report.json_report import timestamp

        css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
        js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
        stats = self.stats
        text = self.env.get_template("report.html.j2").render(
            rows=Markup(ROWS), details=Markup(DETAILS), doc_count=self.count, summary=self.summary(),
            errors=[{"path": common.rel_path(e.path, self.base_dir), "e": e} for e in self.sorted_errors()],
            skipped=[{"path": common.rel_path(s.path, self.base_dir), "s": s} for s in self.sorted_skipped()],
            statuses=[(s, common.status_label(s)) for s in html_charts.ALL_STATUSES if stats.statuses[s]],
            kinds=[(k, _label("kind", k)) for k in common.labels()["kind"] if stats.kinds[k]],
            sectors=[(s, html_charts.sector_label(s)) for s in stats.sectors],
            years=stats.years, review=stats.review, with_errors=stats.with_errors,
            charts=html_charts.charts(stats) if self.count else None,
            version=self.tool_version, generated_at=timestamp(self.options.get("generated_at")),
            css=_markup(css), js=_markup(js),
            csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
                "img-src data:; base-uri 'none'; form-action 'none'",
        )
        self.rows.sort(key=lambda row: row[0])
        head, _, rest = text.partition(ROWS + "\n")
        middle, _, tail = rest.partition(DETAILS + "\n")
        self.write(head)
        for _, row, _ in self.rows:
            self.write(row)
        self.write(middle)
        for _, _, ref in self.rows:
            self.write(self.details.read(ref))
        self.write(tail)


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
