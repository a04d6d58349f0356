"""Proposed digital-environment chapter for a law that lacks one (or whose chapter misses rubric
elements).

``suggest(doc, verdict=None)`` takes a parsed :class:`Document` (and its :class:`Verdict`, computed
when not given) and gives a :class:`Suggestion`: where to insert the chapter (before the final
provisions chapter), its number in the law's style (Roman / Arabic) and title, one article per
missing rubric element (model wording from ``data/model_articles.toml`` with the law's sector filled
in and ``[placeholders]`` for the drafter), the articles and chapters renumbered after it (old ->
new) and the internal cross-references whose target number shifts (from the ``refers_to`` edges of
:func:`lawscan.graph.build_graph`), with the new wording. A law with nothing to regulate digitally,
a digital law, an amending law and a document of a kind not asked for such a chapter (a decree,
a circular: ``[chapter] not_asked_kinds``) get no proposal (``mode`` says why).

``render_markdown(s)``, ``render_text(s)`` give text; ``render_docx(s)`` gives .docx bytes;
``write_suggestion(s, path)`` picks the format by the suffix and writes atomically.

In a scan, ``add_suggestion(result)`` is the drafting stage (the scan command hands it to the
scan, which runs it on each document before the text is dropped): it fills
``DocumentResult.suggestion`` with what the HTML report shows of the proposal, its outline.

The wording, messages and the words that find the sector are data (``data/model_articles.toml``);
unit labels ("Chương", "Điều") come from :func:`lawscan.model.unit_name`. The number of an
article in a cross-reference keeps its letter in the pattern (``[a-zđ]``: "44a", "17đ").
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from lawscan.datafiles import load_data_file
from lawscan.model import ChapterSuggestion, Document, DocumentResult, Unit, Verdict, unit_name

DATA = Path(__file__).parent / "data" / "model_articles.toml"
_ROMAN = re.compile(r"^[IVXLCDM]+$")


@dataclass
class ProposedArticle:
    element: str  # rubric element id
    num: str
    title: str
    clauses: list[str] = field(default_factory=list)


@dataclass
class ShiftedRef:
    """An internal reference whose target number changes: where it stands and its new wording."""

    eid: str  # unit where the reference stands
    label: str  # "Điều 43 khoản 3" as a lawyer reads it
    line: int | None
    text: str
    new_text: str
    target: str  # eid of the unit it names


@dataclass
class Suggestion:
    path: str
    title: str
    mode: str  # new_chapter | add_to_chapter | not_asked | not_applicable | digital_law | amending_law | complete
    status: str = ""
    sector: str = ""
    scope: str = ""
    chapter_num: str | None = None  # number of the new chapter (None: no chapters / existing one)
    chapter_title: str = ""
    placement: str = ""  # Vietnamese sentence: where the text goes
    anchor_eid: str = ""  # unit the new text goes before (new chapter) or after (add to chapter)
    articles: list[ProposedArticle] = field(default_factory=list)
    renumbering: list[tuple[str, str]] = field(default_factory=list)  # ("Điều 17", "Điều 26")
    shifted_refs: list[ShiftedRef] = field(default_factory=list)
    existing_articles: list[str] = field(default_factory=list)
    message: str = ""  # why there is no proposal
    kind: str = "Luật"  # what the document is called: "Luật", "Nghị định" (engine.kinds.kind_name)

    @property
    def proposes(self) -> bool:
        return bool(self.articles)

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def model() -> dict:
    """The model wording (``data/model_articles.toml``) plus ``by_element``: rubric element id ->
    its article."""
    data = load_data_file(DATA)
    return {**data, "by_element": {a["element"]: a for a in data["article"]}}


def sector_of(doc: Document) -> str:
    """The law's field from its title: "Luật Thú y" -> "thú y"; else from Điều 1 (Phạm vi)."""
    words = model()["sector"]
    title = unicodedata.normalize("NFC", (doc.title or "").strip())
    kinds = "|".join(re.escape(k) for k in words["title_kinds"])
    m = re.match(rf"^(?:{kinds})\s+(.+)$", title, flags=re.I)
    if m:
        name = m.group(1).strip()
        return name[:1].lower() + name[1:]
    scope = scope_of(doc)
    return scope or words["unknown"]


def scope_of(doc: Document) -> str:
    """What Điều "Phạm vi điều chỉnh" says the law regulates ("Luật này quy định về X ...")."""
    from lawscan.fold import fold

    words = model()["sector"]
    for art in doc.units("article"):
        if fold(art.heading).startswith(words["scope_heading"]):
            text = art.full_text().replace(art.heading, "", 1).strip()
            m = re.search(words["scope_pattern"], text)
            return (m.group(1) if m else text.split("\n")[0]).strip()[:300]
    return ""


def _int(num: str) -> int | None:
    m = re.match(r"^(\d+)", num or "")
    return int(m.group(1)) if m else None


def _chapter_int(num: str) -> int | None:
    from lawscan.numerals import roman_to_int

    if _ROMAN.match(num or ""):
        return roman_to_int(num)
    return _int(num)


def _chapter_num(n: int, roman: bool) -> str:
    from lawscan.numerals import int_to_roman

    return int_to_roman(n) if roman else str(n)


def _fill(text: str, sector: str) -> str:
    return text.replace("{sector_upper}", sector.upper()).replace("{sector}", sector)


def suggest(doc: Document, verdict: Verdict | None = None) -> Suggestion:
    """The proposal for ``doc`` (see the module docstring): takes the parsed law and its verdict
    (computed when not given); gives a :class:`Suggestion`, with ``mode`` and ``message`` saying
    why when there is nothing to propose."""
    from lawscan.analyse import analyse

    verdict = verdict or analyse(doc)
    from lawscan.engine.kinds import kind_name

    s = Suggestion(path=doc.path, title=doc.title, mode="new_chapter", status=verdict.status,
                   sector=sector_of(doc), scope=scope_of(doc), kind=kind_name(doc)[0])
    missing = _missing_elements(verdict)
    reason = _why_no_proposal(doc, verdict, missing)
    if reason:
        s.mode, s.message = reason, model()["text"][reason].format(kind=s.kind)
        return s

    articles, chapters = doc.units("article"), doc.units("chapter")
    if verdict.status == "dedicated_chapter" and verdict.chapters:
        where = _place_in_chapter(verdict.chapters[0], chapters, articles)
    else:
        where = _place_new_chapter(doc, chapters, articles)
        s.existing_articles = [_label("article", a) for a in verdict.articles]
    s.mode, s.placement, s.anchor_eid = where.mode, where.text, where.anchor_eid
    s.chapter_num = where.chapter_num
    if s.chapter_num is not None:
        s.chapter_title = _fill(model()["chapter"]["title"], s.sector)

    first_new = _next_article_number(articles[:where.split])
    s.articles = _proposed_articles(missing, first_new, s.sector)
    art_map = _article_renumbering(articles[where.split:], first_new, len(s.articles))
    chap_map = _chapter_renumbering(chapters, s.chapter_num) if where.shifts_chapters else {}
    s.renumbering = _renumbering_rows(chap_map, art_map)
    s.shifted_refs = shifted_refs(doc, art_map, chap_map)
    return s


@dataclass
class _Placement:
    """Where the proposed text goes: ``mode`` (new_chapter / add_to_chapter), the sentence that
    says it, the unit it goes before or after, the index in the law's articles of the first
    article after it, the new chapter's number (None: no new chapter) and whether the chapters
    from that number on move down by one."""

    mode: str
    text: str
    anchor_eid: str
    split: int
    chapter_num: str | None = None
    shifts_chapters: bool = False


def _missing_elements(verdict: Verdict) -> list[str]:
    """The rubric elements the verdict finds absent and the model wording has an article for, in
    rubric order."""
    by_element = model()["by_element"]
    return [c.element for c in verdict.coverage if c.state == "absent" and c.element in by_element]


def _why_no_proposal(doc: Document, verdict: Verdict, missing: list[str]) -> str:
    """The mode of a document that gets no proposal (not_asked, amending_law, digital_law,
    not_applicable, complete), "" for one that does; the mode names its message in the model
    data."""
    from lawscan.analyse.outline import is_amending_law
    from lawscan.engine.kinds import judged_kind

    if judged_kind(doc) in model()["chapter"]["not_asked_kinds"]:
        return "not_asked"
    if is_amending_law(doc):
        return "amending_law"
    if verdict.status == "digital_law":
        return "digital_law"
    if not verdict.applicable:
        return "not_applicable"
    return "" if missing else "complete"


def _place_in_chapter(num: str, chapters: list[Unit], articles: list[Unit]) -> _Placement:
    """The missing articles go at the end of the existing digital chapter numbered ``num``."""
    chap = next((c for c in chapters if c.num == num), None)
    own = [u for u in chap.walk(include_quoted=False) if u.kind == "article"] if chap else []
    last = own[-1] if own else None
    anchor = last or chap
    text = model()["text"]["add_to_chapter"].format(
        label=f"{chap.label()}. {chap.heading}" if chap else "", last=last.label() if last else "")
    split = articles.index(last) + 1 if last else len(articles)
    return _Placement("add_to_chapter", text, anchor.eid if anchor else "", split)


def _place_new_chapter(doc: Document, chapters: list[Unit], articles: list[Unit]) -> _Placement:
    """A new chapter goes before the final-provisions chapter, else after the last chapter; in a
    law without chapters the new articles go before its first final-provisions article."""
    final = _first_final_provisions(chapters, doc)
    if final is not None:
        return _before_final_chapter(chapters[final], articles)
    if chapters:
        return _after_last_chapter(chapters, articles)
    return _before_final_articles(doc, articles)


def _first_final_provisions(units: list[Unit], doc: Document) -> int | None:
    """The index of the first of ``units`` that is (or is inside) the final provisions."""
    from lawscan.analyse.outline import Outline

    outline = Outline.of(doc)  # one walk for the whole list
    return next((i for i, u in enumerate(units) if outline.is_final(u)), None)


def _before_final_chapter(final: Unit, articles: list[Unit]) -> _Placement:
    """The new chapter takes the final-provisions chapter's number; that chapter and its articles
    move down."""
    text = model()["text"]["insert_before"].format(label=f"{final.label()}. {final.heading}")
    split = next((i for i, a in enumerate(articles) if _inside(a, final)), len(articles))
    return _Placement("new_chapter", text, final.eid, split, chapter_num=final.num, shifts_chapters=True)


def _after_last_chapter(chapters: list[Unit], articles: list[Unit]) -> _Placement:
    """No final-provisions chapter: the new chapter follows the last one, numbered in the law's
    style (Roman or Arabic)."""
    last = chapters[-1]
    roman = any(_ROMAN.match(c.num or "") for c in chapters)
    num = _chapter_num((_chapter_int(last.num) or len(chapters)) + 1, roman)
    text = model()["text"]["insert_end"].format(label=f"{last.label()}. {last.heading}")
    return _Placement("new_chapter", text, last.eid, len(articles), chapter_num=num)


def _before_final_articles(doc: Document, articles: list[Unit]) -> _Placement:
    """No chapters: the new articles go before the first final-provisions article (after the
    article before it)."""
    split = _first_final_provisions(articles, doc)
    split = len(articles) if split is None else split
    anchor = articles[split - 1] if split else None
    text = model()["text"]["insert_no_chapter"].format(label=anchor.label() if anchor else "")
    return _Placement("new_chapter", text, anchor.eid if anchor else "", split)


def _next_article_number(before: list[Unit]) -> int:
    """The number after the highest article number of ``before`` (1 when there is none)."""
    nums = [_int(a.num) for a in before if _int(a.num) is not None]
    return (max(nums) if nums else 0) + 1


def _proposed_articles(elements: list[str], first_num: int, sector: str) -> list[ProposedArticle]:
    """One article per rubric element, numbered from ``first_num``, in the model wording with the
    law's sector filled in."""
    by_element = model()["by_element"]
    return [ProposedArticle(element, str(first_num + i), _fill(by_element[element]["title"], sector),
                            [_fill(c, sector) for c in by_element[element]["clauses"]])
            for i, element in enumerate(elements)]


def _article_renumbering(after: list[Unit], first_new: int, shift: int) -> dict[str, str]:
    """Old -> new number of each article of ``after`` numbered ``first_new`` or more, moved down
    by ``shift`` ("17" -> "26", "17a" -> "26a")."""
    out: dict[str, str] = {}
    for a in after:
        n = _int(a.num)
        if n is not None and n >= first_new:
            out[a.num] = f"{n + shift}{a.num[len(str(n)):]}"
    return out


def _chapter_renumbering(chapters: list[Unit], new_num: str | None) -> dict[str, str]:
    """Old -> new number of each chapter from ``new_num`` on, moved down by one, each in its own
    style (Roman or Arabic)."""
    if new_num is None:
        return {}
    start = _chapter_int(new_num) or 0
    out: dict[str, str] = {}
    for c in chapters:
        n = _chapter_int(c.num)
        if n is not None and n >= start:
            out[c.num] = _chapter_num(n + 1, bool(_ROMAN.match(c.num)))
    return out


def _renumbering_rows(chap_map: dict[str, str], art_map: dict[str, str]) -> list[tuple[str, str]]:
    """("Chương V", "Chương VI"), …, ("Điều 17", "Điều 26"), …: chapters first."""
    return [(_label("chapter", k), _label("chapter", v)) for k, v in chap_map.items()] + \
           [(_label("article", k), _label("article", v)) for k, v in art_map.items()]


def _label(kind: str, num: str) -> str:
    """"Điều 17", "Chương V": how the law writes a unit of ``kind`` numbered ``num``."""
    return f"{unit_name(kind)} {num}"


def _inside(unit: Unit, ancestor: Unit) -> bool:
    return any(u is unit for u in ancestor.walk(include_quoted=False))


def shifted_refs(doc: Document, art_map: dict[str, str], chap_map: dict[str, str]) -> list[ShiftedRef]:
    """Every internal reference (``refers_to`` edge) whose wording names a renumbered article or
    chapter, with the wording after renumbering."""
    from lawscan.graph import build_graph

    if not art_map and not chap_map:
        return []
    g = build_graph(doc)
    out = []

    def renumber(text: str) -> str:
        text = re.sub(rf"({re.escape(unit_name('article'))}\s+)(\d+[a-zđ]?)\b",
                      lambda m: m.group(1) + art_map.get(m.group(2), m.group(2)), text)
        return re.sub(rf"({re.escape(unit_name('chapter'))}\s+)([IVXLCDM]+|\d+)\b",
                      lambda m: m.group(1) + chap_map.get(m.group(2), m.group(2)), text)

    for src, dst, data in g.edges(data=True):
        if data.get("kind") != "refers_to" or not data.get("text"):
            continue
        new = renumber(data["text"])
        if new != data["text"]:
            out.append(ShiftedRef(eid=src, label=_location(doc, src), line=data.get("line"),
                                  text=data["text"], new_text=new, target=dst))
    out.sort(key=lambda r: (r.line or 0, r.eid))
    return out


def _location(doc: Document, eid: str) -> str:
    """"khoản 3 Điều 43" for eid chp_VIII__art_43__para_3."""
    parts = []
    unit = doc.find(eid)
    chain = []
    for u in doc.root.walk(include_quoted=False):
        if u.eid and eid.startswith(u.eid) and (eid == u.eid or eid[len(u.eid):].startswith("__")):
            chain.append(u)
    for u in reversed(chain):
        if u.kind in ("point", "paragraph", "article"):
            parts.append(u.label())
    return " ".join(parts) or (unit.label() if unit else eid)


# --------------------------------------------------------------------------- rendering

def _header(s: Suggestion) -> list[tuple[str, str]]:
    t, status = model()["text"], model()["status"]
    # the file's name, not the path as typed: the proposal reads the same wherever lawscan ran
    rows = [(s.kind, s.title or "?"), (t["file"], PurePath(s.path).name),
            (t["status"], status.get(s.status, s.status))]
    if s.proposes:
        rows.append((t["sector"], s.sector))
        if s.scope:
            rows.append((t["scope"], s.scope))
        rows.append((t["placement"], s.placement))
    return rows


def _heading(s: Suggestion) -> str:
    t = model()["text"]
    return t["heading_complete"] if s.mode == "add_to_chapter" else t["heading"]


def render_markdown(s: Suggestion, level: int = 1) -> str:
    t = model()["text"]
    h = "#" * level
    out = [f"{h} {_heading(s)}: {s.title or PurePath(s.path).name}", ""]
    out += [f"- **{k}:** {v}" for k, v in _header(s)]
    out.append("")
    if not s.proposes:
        out += [s.message, ""]
        return "\n".join(out)
    if s.chapter_num is not None:
        out += [f"{h}# {_label('chapter', s.chapter_num)}. {s.chapter_title}", ""]
    for a in s.articles:
        out += [f"{h}## {_label('article', a.num)}. {a.title}", ""]
        out += [f"{i}. {c}" for i, c in enumerate(a.clauses, 1)] + [""]
    out += [f"_{t['note_placeholders']}_", ""]
    if s.existing_articles:
        out += [f"- **{t['existing_articles']}:** {', '.join(s.existing_articles)}", ""]
    if s.renumbering:
        out += [f"{h}# {t['renumbering']}", "", f"| {t['old']} | {t['new']} |", "|---|---|"]
        out += [f"| {a} | {b} |" for a, b in s.renumbering] + [""]
    out += [f"{h}# {t['shifted_refs']}", ""]
    if s.shifted_refs:
        out += [f"- {r.label} ({t['line']} {r.line or '-'}, `{r.eid}`): “{r.text}” → “{r.new_text}”"
                for r in s.shifted_refs]
    else:
        out.append(t["no_shifted_refs"])
    return "\n".join(out) + "\n"


def render_text(s: Suggestion) -> str:
    t = model()["text"]
    out = [f"{_heading(s).upper()}: {s.title or s.path}", ""]
    out += [f"{k}: {v}" for k, v in _header(s)] + [""]
    if not s.proposes:
        return "\n".join(out + [s.message]) + "\n"
    if s.chapter_num is not None:
        out += [_label("chapter", s.chapter_num), s.chapter_title, ""]
    for a in s.articles:
        out.append(f"{_label('article', a.num)}. {a.title}")
        out += [f"{i}. {c}" for i, c in enumerate(a.clauses, 1)] + [""]
    out += [t["note_placeholders"], ""]
    if s.existing_articles:
        out += [f"{t['existing_articles']}: {', '.join(s.existing_articles)}", ""]
    if s.renumbering:
        out += [f"{t['renumbering']}:"] + [f"  {a} -> {b}" for a, b in s.renumbering] + [""]
    out.append(f"{t['shifted_refs']}:")
    out += [f"  {r.label} ({t['line']} {r.line or '-'}): \"{r.text}\" -> \"{r.new_text}\""
            for r in s.shifted_refs] or [f"  {t['no_shifted_refs']}"]
    return "\n".join(out) + "\n"


def render_docx(s: Suggestion) -> bytes:
    """A Word document a drafter can paste from: headings, numbered articles and clauses."""
    import io

    import docx

    t = model()["text"]
    d = docx.Document()
    d.add_heading(f"{_heading(s)}: {s.title or s.path}", level=1)
    for k, v in _header(s):
        p = d.add_paragraph()
        p.add_run(f"{k}: ").bold = True
        p.add_run(v)
    if not s.proposes:
        d.add_paragraph(s.message)
    else:
        if s.chapter_num is not None:
            d.add_heading(f"{_label('chapter', s.chapter_num)}\n{s.chapter_title}", level=2)
        for a in s.articles:
            d.add_heading(f"{_label('article', a.num)}. {a.title}", level=3)
            for i, c in enumerate(a.clauses, 1):
                d.add_paragraph(f"{i}. {c}")
        d.add_paragraph(t["note_placeholders"]).runs[0].italic = True
        if s.renumbering:
            d.add_heading(t["renumbering"], level=2)
            table = d.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = t["old"], t["new"]
            for a, b in s.renumbering:
                row = table.add_row()
                row.cells[0].text, row.cells[1].text = a, b
        d.add_heading(t["shifted_refs"], level=2)
        for r in s.shifted_refs:
            d.add_paragraph(f"{r.label} ({t['line']} {r.line or '-'}): “{r.text}” → “{r.new_text}”",
                            style="List Bullet")
        if not s.shifted_refs:
            d.add_paragraph(t["no_shifted_refs"])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def write_suggestion(s: Suggestion, path: str | os.PathLike) -> None:
    """Write ``s`` to ``path`` atomically: .docx -> Word, .txt -> plain text, else Markdown."""
    from lawscan.atomic import atomic_write

    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        data: bytes | str = render_docx(s)
    elif suffix == ".txt":
        data = render_text(s)
    else:
        data = render_markdown(s)
    atomic_write(path, data)


# --------------------------------------------------------------------------- the scan's drafting stage

_CLAUSE = re.compile(r"^\d+\. ")


def outline_markdown(markdown: str) -> str:
    """The proposed chapter of ``render_markdown`` without the clauses of its articles (and the
    note on placeholders): where it goes, its articles' titles, the renumbering and the references
    it shifts. ``lawscan suggest FILE`` gives the full text."""
    lines = [ln for ln in markdown.splitlines()
             if not _CLAUSE.match(ln) and not (ln.startswith("_") and ln.endswith("_"))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def chapter_suggestion(dr: DocumentResult) -> ChapterSuggestion | None:
    """What the reports show of the proposal for ``dr``'s document (its outline, ### headings),
    None when there is no proposal or no verdict. A drafting aid never breaks a scan: a proposal
    that fails is no proposal."""
    if dr.digital is None:
        return None
    try:
        s = suggest(dr.document, dr.digital)
    except Exception:
        return None
    return ChapterSuggestion(outline=outline_markdown(render_markdown(s, level=3))) if s.proposes else None


def add_suggestion(dr: DocumentResult) -> None:
    """The drafting stage of a scan (``ScanOptions.later_stages``, run while the document's text
    is still there): fills ``dr.suggestion`` for the HTML report."""
    dr.suggestion = chapter_suggestion(dr)
