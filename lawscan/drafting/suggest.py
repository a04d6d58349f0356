"""Proposed digital-environment chapter for a law that lacks one (or whose chapter misses rubric
elements).

``suggest(doc, verdict=None)`` takes a parsed :class:`Document` (and its :class:`Verdict`, computed
when not given) and gives a :class:`Suggestion`: where to insert the chapter (before the final
provisions chapter), its number in the law's style (Roman / Arabic) and title, one article per
missing rubric element (model wording from ``data/model_articles.toml`` with the law's sector filled
in and ``[placeholders]`` for the drafter), the articles and chapters renumbered after it (old ->
new) and the internal cross-references whose target number shifts (from the ``refers_to`` edges of
:func:`lawscan.graph.build_graph`), with the new wording. A law with nothing to regulate digitally,
a digital law and an amending law get no proposal (``mode`` says why).

``render_markdown(s)``, ``render_text(s)`` give text; ``render_docx(s)`` gives .docx bytes;
``write_suggestion(s, path)`` picks the format by the suffix and writes atomically.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from lawscan.model import Document, Unit, Verdict

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
    mode: str  # new_chapter | add_to_chapter | not_applicable | digital_law | amending_law | complete
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

    @property
    def proposes(self) -> bool:
        return bool(self.articles)

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def model() -> dict:
    with open(DATA, "rb") as fh:
        data = tomllib.load(fh)
    data["by_element"] = {a["element"]: a for a in data["article"]}
    return data


def sector_of(doc: Document) -> str:
    """The law's field from its title: "Luật Thú y" -> "thú y"; else from Điều 1 (Phạm vi)."""
    title = unicodedata.normalize("NFC", (doc.title or "").strip())
    m = re.match(r"^(?:bộ luật|luật|pháp lệnh)\s+(.+)$", title, flags=re.I)
    if m:
        name = m.group(1).strip()
        return name[:1].lower() + name[1:]
    scope = scope_of(doc)
    return scope or "[lĩnh vực]"


def scope_of(doc: Document) -> str:
    """What Điều "Phạm vi điều chỉnh" says the law regulates ("Luật này quy định về X ...")."""
    from lawscan.analyse.fold import fold

    for art in doc.units("article"):
        if fold(art.heading).startswith("phạm vi điều chỉnh"):
            text = art.full_text().replace(art.heading, "", 1).strip()
            m = re.search(r"quy định (?:về )?(.+?)(?:[.;]|$)", text)
            return (m.group(1) if m else text.split("\n")[0]).strip()[:300]
    return ""


def _int(num: str) -> int | None:
    m = re.match(r"^(\d+)", num or "")
    return int(m.group(1)) if m else None


def _chapter_int(num: str) -> int | None:
    from lawscan.graph.refs import roman_to_int

    if _ROMAN.match(num or ""):
        return roman_to_int(num)
    return _int(num)


def _chapter_num(n: int, roman: bool) -> str:
    from lawscan.graph.refs import int_to_roman

    return int_to_roman(n) if roman else str(n)


def _fill(text: str, sector: str) -> str:
    return text.replace("{sector_upper}", sector.upper()).replace("{sector}", sector)


def suggest(doc: Document, verdict: Verdict | None = None) -> Suggestion:
    """The proposal for ``doc`` (see the module docstring)."""
    from lawscan.analyse import analyse
    from lawscan.analyse.matcher import is_amending_law, is_final_provisions

    verdict = verdict or analyse(doc)
    data = model()
    s = Suggestion(path=doc.path, title=doc.title, mode="new_chapter", status=verdict.status,
                   sector=sector_of(doc), scope=scope_of(doc))
    text = data["text"]
    if is_amending_law(doc):
        s.mode, s.message = "amending_law", text["amending_law"]
        return s
    if verdict.status == "digital_law":
        s.mode, s.message = "digital_law", text["digital_law"]
        return s
    if not verdict.applicable:
        s.mode, s.message = "not_applicable", text["not_applicable"]
        return s
    missing = [c.element for c in verdict.coverage if c.state == "absent"
               and c.element in data["by_element"]]
    if not missing:
        s.mode, s.message = "complete", text["complete"]
        return s

    articles = doc.units("article")
    chapters = doc.units("chapter")
    roman = any(_ROMAN.match(c.num or "") for c in chapters) or not chapters
    chapter_shift = 0
    if verdict.status == "dedicated_chapter" and verdict.chapters:
        # add the missing articles at the end of the (first) digital chapter
        s.mode = "add_to_chapter"
        chap = next((c for c in chapters if c.num == verdict.chapters[0]), None)
        own = [u for u in chap.walk(include_quoted=False) if u.kind == "article"] if chap else []
        last = own[-1] if own else None
        s.anchor_eid = (last or chap).eid if (last or chap) else ""
        s.placement = text["add_to_chapter"].format(
            label=f"{chap.label()}. {chap.heading}" if chap else "", last=last.label() if last else "")
        split = articles.index(last) + 1 if last else len(articles)
    else:
        final = next((c for c in chapters if is_final_provisions(c, doc)), None)
        if final is not None:
            s.chapter_num = final.num
            s.anchor_eid = final.eid
            s.placement = text["insert_before"].format(label=f"{final.label()}. {final.heading}")
            split = next((i for i, a in enumerate(articles) if _inside(a, final)), len(articles))
            chapter_shift = 1
        elif chapters:
            n = (_chapter_int(chapters[-1].num) or len(chapters)) + 1
            s.chapter_num = _chapter_num(n, roman)
            s.anchor_eid = chapters[-1].eid
            s.placement = text["insert_end"].format(label=f"{chapters[-1].label()}. {chapters[-1].heading}")
            split = len(articles)
        else:  # no chapters: articles go before the first final-provisions article
            split = next((i for i, a in enumerate(articles) if is_final_provisions(a, doc)), len(articles))
            anchor = articles[split - 1] if split else None
            s.anchor_eid = anchor.eid if anchor else ""
            s.placement = text["insert_no_chapter"].format(label=anchor.label() if anchor else "")
        if s.chapter_num is not None:
            s.chapter_title = _fill(data["chapter"]["title"], s.sector)
        s.existing_articles = [f"Điều {a}" for a in verdict.articles]

    before = [_int(a.num) for a in articles[:split] if _int(a.num) is not None]
    first_new = (max(before) if before else 0) + 1
    for i, element in enumerate(missing):
        entry = data["by_element"][element]
        s.articles.append(ProposedArticle(element, str(first_new + i), _fill(entry["title"], s.sector),
                                          [_fill(c, s.sector) for c in entry["clauses"]]))
    shift = len(s.articles)

    art_map: dict[str, str] = {}
    for a in articles[split:]:
        n = _int(a.num)
        if n is not None and n >= first_new:
            art_map[a.num] = f"{n + shift}{a.num[len(str(n)):]}"
    chap_map: dict[str, str] = {}
    if chapter_shift and s.chapter_num is not None:
        start = _chapter_int(s.chapter_num) or 0
        for c in chapters:
            n = _chapter_int(c.num)
            if n is not None and n >= start:
                chap_map[c.num] = _chapter_num(n + 1, bool(_ROMAN.match(c.num)))
    s.renumbering = [(f"Chương {k}", f"Chương {v}") for k, v in chap_map.items()] + \
                    [(f"Điều {k}", f"Điều {v}") for k, v in art_map.items()]
    s.shifted_refs = shifted_refs(doc, art_map, chap_map)
    return s


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
        text = re.sub(r"(Điều\s+)(\d+[a-zđ]?)\b",
                      lambda m: m.group(1) + art_map.get(m.group(2), m.group(2)), text)
        return re.sub(r"(Chương\s+)([IVXLCDM]+|\d+)\b",
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
    rows = [(t["law"], s.title or "?"), (t["file"], PurePath(s.path).name),
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
        out += [f"{h}# Chương {s.chapter_num}. {s.chapter_title}", ""]
    for a in s.articles:
        out += [f"{h}## Điều {a.num}. {a.title}", ""]
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
        out += [f"Chương {s.chapter_num}", s.chapter_title, ""]
    for a in s.articles:
        out.append(f"Điều {a.num}. {a.title}")
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
            d.add_heading(f"Chương {s.chapter_num}\n{s.chapter_title}", level=2)
        for a in s.articles:
            d.add_heading(f"Điều {a.num}. {a.title}", level=3)
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
    from lawscan.report.atomic import atomic_write

    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        data: bytes | str = render_docx(s)
    elif suffix == ".txt":
        data = render_text(s)
    else:
        data = render_markdown(s)
    atomic_write(path, data)
