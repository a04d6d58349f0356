"""The data model every stage of the pipeline shares: plain dataclasses, no behaviour beyond
small helpers and ``to_dict`` for reports.

Pipeline:  read  ->  normalise  ->  structure  ->  graph  ->  analyse  ->  engine (rules)  ->  report

* a reader takes a path and gives a :class:`Source` (decoded lines with the line numbers of the
  file the user gave; readers of structured formats such as Akoma Ntoso may also fill
  ``Source.document`` directly);
* ``normalise`` gives the same :class:`Source` with NFC, folded text (``Line.text``), keeping
  ``Line.raw`` and ``Line.lineno`` as the map back to the original;
* ``structure`` gives a :class:`Document` whose ``root`` is a tree of :class:`Unit`;
* the engine gives a :class:`DocumentResult` (verdict + findings) and the run a :class:`ScanResult`.

Element ids (``Unit.eid``) follow the Akoma Ntoso naming convention, e.g.
``chp_XII__art_163__para_2__point_a``; they are the stable anchors of every finding.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from lawscan.datafiles import load_data_file

# Unit kinds, largest to smallest, with their Akoma Ntoso eId prefixes.
KIND_PREFIX = {
    "part": "part",  # Phần
    "chapter": "chp",  # Chương
    "section": "sec",  # Mục
    "subsection": "subsec",  # Tiểu mục
    "article": "art",  # Điều
    "paragraph": "para",  # khoản
    "point": "point",  # điểm
    "quoted": "qstr",  # quoted new text of an amending law (attached to its instruction)
    # a text issued with a decree, circular or decision ("Quy chế …", "Điều lệ …"), with its own
    # Chương and Điều numbered anew: a body of its own (Akoma Ntoso attachment)
    "attachment": "att",
}
STRUCTURE_KINDS = ("attachment", "part", "chapter", "section", "subsection", "article")
# What a document is, from its header (issuing body, number, the name line): the verdict and each
# rule may mean something different for each kind (RULES.md).
DOC_KINDS = ("law", "code", "constitution", "amending_law", "decree", "circular", "resolution",
             "decision", "consolidated", "foreign", "unknown")
STATUSES = ("digital_law", "dedicated_chapter", "section_only", "articles_only", "none")
SEVERITIES = ("error", "warning", "info")
# The structure vocabulary (Vietnamese, data): its [unit_names] table names each kind of unit.
VOCAB_PATH = Path(__file__).parent / "structure" / "vocab.toml"


@functools.lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """kind -> how lawscan writes it before a number: "part" -> "Phần", "paragraph" -> "khoản"
    (``structure/vocab.toml`` [unit_names]; shared: read-only)."""
    return load_data_file(VOCAB_PATH)["unit_names"]


def unit_name(kind: str) -> str:
    """"Chương" for "chapter", "khoản" for "paragraph"; the kind itself when it has no name."""
    return unit_names().get(kind, kind)


def display_path(path: str) -> str:
    """A file path as documents and errors carry it, safe to show anywhere: control and other
    invisible characters written as escapes ("\\x1b"), bytes that were not UTF-8 (kept by Python
    as surrogates) as "\\xff". A plain path is returned as it is."""
    path = str(path)
    if path.isprintable():
        return path
    out = []
    for ch in path:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ascii(ch)[1:-1])
    return "".join(out)


@dataclass
class Line:
    """One line of text. ``text`` is normalised (NFC, folded spaces); ``raw`` is what the file had;
    ``lineno`` is the 1-based line in the file the user gave (for .docx and .doc: the paragraph
    number; for .pdf: the printed line, counted from the first page without running headers, page
    numbers and footnotes, a line the layout wrapped having the number of its first printed line:
    ``Document.page_line`` turns it into page and line on the page)."""

    text: str
    lineno: int
    raw: str | None = None


@dataclass
class Problem:
    """Something odd, dropped or unresolved, with where it stands. Never fatal."""

    code: str  # dotted, e.g. "read.encoding", "structure.numbering_gap", "refs.unresolved"
    message: str
    line: int | None = None
    severity: str = "warning"  # error | warning | info

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "line": self.line,
                "severity": self.severity}


@dataclass
class Source:
    """What a reader gives: decoded lines of one input file, and what it noticed."""

    path: str
    format: str  # txt | md | html-vbpl | html-tvpl | html | mhtml | docx | json | akn | pdf | doc ...
    lines: list[Line] = field(default_factory=list)
    encoding: str | None = None
    problems: list[Problem] = field(default_factory=list)
    # What the reader found beside the lines (copied into Document.meta): hints (title, number,
    # ...), and for some formats:
    #   "footnotes": [{"id", "text", "kind", "page"?}] notes kept out of the body (.docx, .pdf);
    #   "page_starts": [int] (.pdf) the lineno of the first line of each page (Document.page_line);
    #   "ocr": {"pages": [3, 4], "engine": "tesseract 5.3.0", "language": "vie",
    #           "confidence": {3: 91.2}} (.pdf) the pages whose text was read by OCR, and the mean
    #           word confidence (0-100) Tesseract gave each: their text may hold recognition
    #           errors, so a verdict or finding resting on them deserves less confidence; absent
    #           when no page was OCR'd;
    #   "unread_pages": [int] (.pdf) scanned pages left unread (no OCR engine installed);
    #   "converter": "soffice" | "antiword" | "catdoc" (.doc) the program that converted it;
    #   "degraded": why the text is poorer than it would be with a missing system tool installed
    #           (no OCR engine, a .doc without LibreOffice): such a result is never cached.
    meta: dict = field(default_factory=dict)
    document: "Document | None" = None  # set by readers of already structured formats (AKN)


@dataclass
class Unit:
    """A structural unit: Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm (or the root / a quote).

    ``num`` is as printed ("XII", "9", "44a", "2a", "đ1"); ``heading`` is the title without the
    label; ``content`` holds the unit's own lines (not those of its children); ``line`` is the
    source line where the unit starts.
    """

    kind: str
    num: str = ""
    heading: str = ""
    eid: str = ""
    line: int | None = None
    content: list[Line] = field(default_factory=list)
    children: list["Unit"] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)  # e.g. {"instruction": "insert", "target": "Điều 16a"}

    def walk(self, include_quoted: bool = True) -> Iterator["Unit"]:
        """This unit and all below it, document order (iterative: trees are deep and wide)."""
        stack = [self]
        pop, push = stack.pop, stack.extend
        while stack:
            unit = pop()
            yield unit
            if unit.children:
                if include_quoted:
                    push(reversed(unit.children))
                else:
                    push(c for c in reversed(unit.children) if c.kind != "quoted")

    def own_text(self) -> str:
        return "\n".join(line.text for line in self.content)

    def full_text(self) -> str:
        """Heading, own lines and every descendant's text (document order, empty parts left out;
        one walk, not a recursion that joins each subtree's text again)."""
        parts = []
        for unit in self.walk():
            if unit.heading:
                parts.append(unit.heading)
            own = unit.own_text()
            if own:
                parts.append(own)
        return "\n".join(parts)

    def label(self) -> str:
        """Vietnamese label as a lawyer writes it: "Chương XII", "Điều 163", "khoản 2", "điểm a"."""
        if self.kind == "attachment":  # "Quy chế", "Điều lệ": the name it is printed under
            return self.attrs.get("name", "").capitalize() or self.heading
        return f"{unit_name(self.kind)} {self.num}".strip()

    def to_dict(self) -> dict:
        d = {"eid": self.eid, "kind": self.kind, "num": self.num, "heading": self.heading,
             "line": self.line}
        if self.attrs:
            d["attrs"] = self.attrs
        d["children"] = [c.to_dict() for c in self.children]
        return d


@dataclass
class Document:
    """A parsed law or bill: metadata, the structure tree and what was odd."""

    path: str
    format: str
    title: str = ""
    number: str | None = None  # "31/2024/QH15"
    year: int | None = None
    doc_kind: str = "unknown"
    date: str | None = None  # ISO date of adoption when found
    issuer: str | None = None  # "QUỐC HỘI"
    is_draft: bool = False
    sector: str = ""  # "land", "finance", … "other" (lawscan.structure.sector); "" = not derived
    root: Unit = field(default_factory=lambda: Unit(kind="root"))
    problems: list[Problem] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # the normalised source lines
    meta: dict = field(default_factory=dict)  # the reader's Source.meta (see there: "ocr", ...)
    frozen_counts: dict | None = None  # counts kept when a scan drops the text (see scan.slim)

    def units(self, kind: str | None = None, include_quoted: bool = False) -> list[Unit]:
        """Units of the document's own structure (quoted amendment text excluded by default)."""
        return [u for u in self.root.walk(include_quoted) if u.kind != "root"
                and (kind is None or u.kind == kind)]

    def counts(self) -> dict:
        if self.frozen_counts is not None:
            return dict(self.frozen_counts)
        plural = {"part": "parts", "chapter": "chapters", "section": "sections",
                  "subsection": "subsections", "article": "articles", "paragraph": "paragraphs",
                  "point": "points"}
        counts = dict.fromkeys(plural.values(), 0)
        for unit in self.root.walk(include_quoted=False):  # one pass, quoted text left out
            key = plural.get(unit.kind)
            if key is not None:
                counts[key] += 1
        return counts

    def title_line(self) -> int:
        """The source line of the title (1 when it cannot be found): ``meta["title_line"]`` when
        a reader or a scan recorded it, else the line holding the whole title, else the first
        line holding its larger part (a title broken over lines: "LUẬT" / "ĐẤT ĐAI")."""
        hint = self.meta.get("title_line")
        if isinstance(hint, int) and hint >= 1:
            return hint
        title = " ".join((self.title or "").split()).casefold()
        if title:
            part, shortest = None, max(4, len(title) // 2)
            # one pass: the line holding the whole title, else the first line holding its larger
            # part (a title broken over lines: "LUẬT" / "ĐẤT ĐAI")
            for line in self.lines:
                words = line.text.split(None, 1)
                if not words or words[0].casefold() not in title:
                    continue  # a cheap first look: the line's text must lie inside the title
                text = " ".join(line.text.split()).casefold()
                if text == title:
                    return max(line.lineno, 1)
                if part is None and len(text) >= shortest and text in title:
                    part = max(line.lineno, 1)
            if part is not None:
                return part
        return 1

    def page_line(self, lineno: int | None) -> tuple[int, int] | None:
        """(page, line on that page) of a source line of a document read from pages (PDF), from
        ``meta["page_starts"]``; None for other documents or no line."""
        starts = self.meta.get("page_starts")
        if not starts or not lineno or lineno < 1:
            return None
        import bisect

        page = bisect.bisect_right(starts, lineno)
        if page == 0:
            return None
        return page, lineno - starts[page - 1] + 1

    @property
    def ocr_pages(self) -> list[int]:
        """The pages whose text was read by OCR (``meta["ocr"]["pages"]``); [] when none."""
        return list((self.meta.get("ocr") or {}).get("pages") or [])

    def find(self, eid: str) -> Unit | None:
        for u in self.root.walk():
            if u.eid == eid:
                return u
        return None

    def to_dict(self, tree: bool = True) -> dict:
        d = {"path": self.path, "format": self.format, "title": self.title,
             "number": self.number, "year": self.year, "doc_kind": self.doc_kind,
             "sector": self.sector, "date": self.date, "is_draft": self.is_draft,
             "counts": self.counts()}
        if tree:
            d["tree"] = [c.to_dict() for c in self.root.children]
        d["problems"] = [p.to_dict() for p in self.problems]
        return d


@dataclass
class Evidence:
    """A real quote from the document, located at its unit and source line."""

    eid: str
    line: int | None
    quote: str

    def to_dict(self) -> dict:
        return {"eid": self.eid, "line": self.line, "quote": self.quote}


@dataclass
class CoverageItem:
    """One element of the rubric (rules/data/rubric.toml) and whether the law covers it."""

    element: str  # stable id, e.g. "database"
    label: str  # Vietnamese label
    state: str  # present | absent | not_applicable
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"element": self.element, "label": self.label, "state": self.state,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class Reason:
    """One reason for a verdict, in Vietnamese first and English beside it, pointing at the unit it
    is about ("" = the document as a whole)."""

    code: str  # stable, e.g. "title_topic", "chapter_title", "article_title", "none"
    vi: str
    en: str
    eid: str = ""

    def to_dict(self) -> dict:
        return {"code": self.code, "vi": self.vi, "en": self.en, "eid": self.eid}


@dataclass
class Verdict:
    """How the document governs the digital environment.

    ``confidence`` is the probability that ``status`` is right (0-1); ``review`` is True when it is
    too low to act on without a human look (every report format marks such a verdict); ``method``
    says how the status was decided: "trained" (the shipped classifier with the structural
    roll-up) or "rules" (lexicon and thresholds only)."""

    status: str  # one of STATUSES
    chapters: list[str] = field(default_factory=list)  # Chương numbers as printed
    sections: list[list[str]] = field(default_factory=list)  # [chapter, section]
    articles: list[str] = field(default_factory=list)  # Điều numbers as printed
    applicable: bool = True  # does the law have a digital dimension that needs a chapter?
    reasons: list[Reason] = field(default_factory=list)
    coverage: list[CoverageItem] = field(default_factory=list)
    eids: dict = field(default_factory=dict)  # unit number -> eid for the units above
    confidence: float = 1.0
    review: bool = False
    method: str = "rules"

    def to_dict(self) -> dict:
        return {"status": self.status, "chapters": list(self.chapters),
                "sections": [list(s) for s in self.sections], "articles": list(self.articles),
                "applicable": self.applicable, "reasons": [r.to_dict() for r in self.reasons],
                "coverage": [c.to_dict() for c in self.coverage], "eids": dict(self.eids),
                "confidence": self.confidence, "review": self.review, "method": self.method}


@dataclass
class Finding:
    """One result of one rule on one document, pointing at a stable place (eid + line)."""

    rule_id: str
    severity: str  # error | warning | info
    message: str  # Vietnamese
    message_en: str
    eid: str  # unit the finding is about ("" = the document as a whole)
    line: int | None
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: str = ""
    fingerprint: str = ""  # rule id + eid + document identity (no line number); set by the engine
    baseline_state: str | None = None  # new | unchanged (when a baseline is used)
    extra: dict = field(default_factory=dict)
    text_fingerprint: str = ""  # the same with the unit's text for its eid: survives renumbering

    def to_dict(self) -> dict:
        return {"rule_id": self.rule_id, "severity": self.severity, "message": self.message,
                "message_en": self.message_en, "eid": self.eid, "line": self.line,
                "evidence": [e.to_dict() for e in self.evidence], "suggestion": self.suggestion,
                "fingerprint": self.fingerprint, "baseline_state": self.baseline_state,
                "extra": copy.deepcopy(self.extra) if self.extra else {},
                "text_fingerprint": self.text_fingerprint}


@dataclass
class InputError:
    """A file that could not be read: reported, and the rest of the run goes on."""

    path: str
    message: str
    code: str = "input"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SkippedInput:
    """A file of the run that is not a legal document (no legal structure, no legal header): it is
    named once in the summary and never given a verdict."""

    path: str
    reason_vi: str
    reason_en: str
    code: str = "not_law"

    def to_dict(self) -> dict:
        return {"path": self.path, "reason_vi": self.reason_vi, "reason_en": self.reason_en,
                "code": self.code}


@dataclass
class ChapterSuggestion:
    """What the drafting stage proposes for a law that lacks a digital chapter, as the reports
    show it (``lawscan.drafting.suggest.add_suggestion`` fills it; the HTML report shows it)."""

    # the proposed chapter as Markdown (### headings): where it goes, its articles' titles, the
    # renumbering and the references it shifts, without the clauses (``lawscan suggest`` gives them)
    outline: str = ""
    href: str = ""  # a relative link to the full proposal written elsewhere (the HTML report links it)


@dataclass
class DocumentResult:
    """Everything the scan learned about one document."""

    document: Document
    digital: Verdict | None = None
    findings: list[Finding] = field(default_factory=list)
    rule_errors: list[Problem] = field(default_factory=list)  # a rule that crashed
    suggestion: ChapterSuggestion | None = None  # from the drafting stage, when the scan ran it

    def to_dict(self, tree: bool = False) -> dict:
        d = self.document.to_dict(tree=tree)
        d["digital"] = self.digital.to_dict() if self.digital else None
        d["findings"] = [f.to_dict() for f in self.findings]
        d["rule_errors"] = [p.to_dict() for p in self.rule_errors]
        return d


@dataclass
class RuleInfo:
    """Metadata of a rule, for reports (SARIF rules, RULES.md, ``lawscan rules``)."""

    id: str
    name: str
    severity: str
    title: str  # Vietnamese
    title_en: str
    why: str = ""  # rationale with legal basis
    suggestion: str = ""
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ScanResult:
    """A whole run: documents, input errors and the rule set that was applied."""

    documents: list[DocumentResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)
    tool_version: str = ""
