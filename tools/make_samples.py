"""Generate the non-text sample drafts in sample_laws/ from the plain-text sources in
tools/sample_sources/.

Takes: the NFC plain-text drafts in tools/sample_sources/*.txt (written by hand, one line per
paragraph, the usual Vietnamese layout: header, preamble, "Chương I" + title line, "Mục 1" +
title line, "Điều 1. Title", khoản "1.", điểm "a)", signature block).
Gives: the samples in sample_laws/ in the formats lawscan reads:

* 01 -> .docx (python-docx; header in a two-column table like a ministry draft; fixed core
  properties and zip timestamps so re-running gives identical bytes);
* 02 -> vbpl.vn-style .html (body in div#toanvancontent, one <p> per line, "Chương" label and
  title in two <p>s, the anchor inside the heading, a chapter title wrapped over two <p>s);
* 03 -> thuvienphapluat.vn-style .html (div.content1, anchors chuong_N / chuong_N_name /
  dieu_N, a bracketed site note inside a chapter heading, an unclosed tag);
* 04 -> Akoma Ntoso 3.0 .xml (a Vietnamese bill: FRBR /akn/vn/bill/..., chapters, sections,
  articles, paragraphs and points with eIds in the project's convention);
* 06 -> .txt in Unicode NFD (decomposed diacritics), the normalisation trap.

The samples 05, 07 and 08 are written by hand directly in sample_laws/ and are not touched.

Run from the repository root:  python tools/make_samples.py   (``--check`` only reports
whether the files on disk are up to date, exit 1 if not).
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_laws"
SRC = Path(__file__).resolve().parent / "sample_sources"

FIXED_TIME = datetime(2026, 3, 2, 8, 0, 0)  # docx core properties and zip entry dates
ZIP_TIME = (2026, 3, 2, 8, 0, 0)

CHAPTER = re.compile(r"^CHƯƠNG\s+([IVXLC]+)$", re.IGNORECASE)
SECTION = re.compile(r"^Mục\s+(\d+)$")
ARTICLE = re.compile(r"^([ĐÐ]iều)\s+(\d+[a-zđ]?)\.\s+(.+)$")
CLAUSE = re.compile(r"^(\d+[a-zđ]?)\.\s+(.+)$")
POINT = re.compile(r"^([a-zđ]\d?)\)\s+(.+)$")


# --------------------------------------------------------------------------- source model

@dataclass
class Node:
    kind: str  # chapter | section | article | paragraph | point
    num: str
    heading: str = ""
    label: str = ""  # "Điều" or "Ðiều" as written (the U+00D0 trap is kept)
    text: list[str] = field(default_factory=list)  # own lines (intro / content / continuation)
    children: list["Node"] = field(default_factory=list)
    heading_lines: list[str] = field(default_factory=list)  # title lines as written

    def eid(self, parent_eid: str) -> str:
        prefix = {"chapter": "chp", "section": "sec", "article": "art", "paragraph": "para",
                  "point": "point"}[self.kind]
        own = f"{prefix}_{self.num}"
        return f"{parent_eid}__{own}" if parent_eid else own


@dataclass
class Draft:
    header: list[str]
    preamble: list[str]
    body: list[Node]
    conclusion: list[str]


def read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path} must be NFC"
    return text.splitlines()


def parse_draft(lines: list[str]) -> Draft:
    """Split a hand-written source into header, preamble, structure tree and conclusion.
    Only handles the regular layout of the sources in tools/sample_sources/."""
    header: list[str] = []
    preamble: list[str] = []
    conclusion: list[str] = []
    body: list[Node] = []
    stage = "header"
    chapter = section = article = clause = point = None
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if line.startswith("Căn cứ ") and stage == "header":
            stage = "preamble"
        if line.startswith("Luật này được Quốc hội"):
            stage = "conclusion"
        if stage == "conclusion":
            conclusion.append(line)
            continue
        m_chp, m_sec, m_art = CHAPTER.match(line), SECTION.match(line), ARTICLE.match(line)
        if m_chp or m_sec:
            stage = "body"
            titles = []
            while i < len(lines) and lines[i].strip() and lines[i].strip().isupper():
                titles.append(lines[i].strip())
                i += 1
            node = Node("chapter" if m_chp else "section", (m_chp or m_sec).group(1),
                        heading=" ".join(titles), heading_lines=titles, label=line)
            if m_chp:
                chapter, section = node, None
                body.append(node)
            else:
                section = node
                chapter.children.append(node)
            article = clause = point = None
            continue
        if m_art:
            stage = "body"
            article = Node("article", m_art.group(2), heading=m_art.group(3), label=m_art.group(1))
            (section or chapter).children.append(article) if (section or chapter) else body.append(article)
            clause = point = None
            continue
        if stage == "header":
            header.append(line)
            continue
        if stage == "preamble":
            preamble.append(line)
            continue
        m_cl, m_pt = CLAUSE.match(line), POINT.match(line)
        if m_cl and article is not None:
            clause = Node("paragraph", m_cl.group(1), text=[m_cl.group(2)])
            article.children.append(clause)
            point = None
        elif m_pt and article is not None:
            point = Node("point", m_pt.group(1), text=[m_pt.group(2)])
            (clause or article).children.append(point)
        else:  # article text without khoản, or a continuation line
            (point or clause or article).text.append(line)
    return Draft(header, preamble, body, conclusion)


def iter_nodes(nodes, parent_eid=""):
    """(node, eid) in document order; articles are prefixed by their chapter only
    (chp_III__art_9 even inside chp_III__sec_2), as in ARCHITECTURE.md."""
    for node in nodes:
        if node.kind == "article" and "__sec_" in parent_eid:
            eid = node.eid(parent_eid.split("__sec_")[0])
        else:
            eid = node.eid(parent_eid)
        yield node, eid
        yield from iter_nodes(node.children, eid)


def node_lines(node: Node) -> list[str]:
    """The node's own text lines as printed (khoản/điểm with their labels)."""
    if node.kind == "paragraph":
        return [f"{node.num}. {node.text[0]}"] + node.text[1:]
    if node.kind == "point":
        return [f"{node.num}) {node.text[0]}"] + node.text[1:]
    return list(node.text)


# --------------------------------------------------------------------------- .docx

def make_docx(draft: Draft, author: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)

    def para(text, bold=False, italic=False, center=False, right=False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return p

    header = list(draft.header)
    stage = next(h for h in header if h.startswith("DỰ THẢO"))
    para(stage, bold=True, right=True)
    number = next(h for h in header if h.startswith("Luật số"))
    place = next(h for h in header if h.startswith("Hà Nội"))
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(header[0]).bold = True  # QUỐC HỘI
    left.add_paragraph(number)
    right.paragraphs[0].add_run(header[1]).bold = True
    right.add_paragraph(header[2]).runs[0].bold = True
    right.add_paragraph(place).runs[0].italic = True
    rest = [h for h in header[3:] if h not in (number, place, stage)]
    for h in rest:  # LUẬT / TITLE
        para(h, bold=True, center=True)
    for line in draft.preamble:
        para(line, italic=line.startswith("Căn cứ"))
    for node, _eid in iter_nodes(draft.body):
        if node.kind in ("chapter", "section"):
            para(node.label, bold=True, center=True)
            for t in node.heading_lines:
                para(t, bold=True, center=True)
        elif node.kind == "article":
            p = doc.add_paragraph()
            p.add_run(f"{node.label} {node.num}. ").bold = True
            p.add_run(node.heading).bold = True
            for line in node.text:
                para(line)
        else:
            for line in node_lines(node):
                para(line)
    for line in draft.conclusion:
        para(line, bold=line.isupper(), right=line.isupper(), italic=not line.isupper())

    props = doc.core_properties
    props.author = author
    props.last_modified_by = author
    props.title = " ".join(rest).strip()
    props.subject = "Dự thảo luật (mẫu của lawscan)"
    props.keywords = "lawscan; dự thảo; môi trường số"
    props.comments = "Văn bản mẫu do lawscan tạo, không phải văn bản pháp luật thật."
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _stable_zip(buf.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- vbpl.vn HTML

def make_vbpl(draft: Draft, title: str) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<head>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />",
        f"<title>{e(title)} - Cơ sở dữ liệu quốc gia về văn bản pháp luật</title>",
        "<script type=\"text/javascript\">var _gaq = _gaq || []; function ShowMenu() { return false; }</script>",
        "<style type=\"text/css\">.toanvancontent p { margin: 6pt 0; }</style>",
        "</head>",
        "<body>",
        "<div id=\"header\"><ul class=\"menu\"><li><a href=\"/TW/Pages/Home.aspx\">Trang chủ</a></li>"
        "<li><a href=\"/TW/Pages/vanban.aspx\">Văn bản pháp luật</a></li>"
        "<li><a href=\"/TW/Pages/hoidap.aspx\">Hỏi đáp</a></li></ul></div>",
        "<div class=\"vbInfo\"><ul><li>Hiệu lực: Chưa có hiệu lực</li>"
        "<li>Tình trạng: Dự thảo</li></ul></div>",
        "<div class=\"toanvancontent\" id=\"toanvancontent\">",
    ]
    h = draft.header
    number = next(x for x in h if x.startswith("Luật số"))
    place = next(x for x in h if x.startswith("Hà Nội"))
    stage = next(x for x in h if x.startswith("DỰ THẢO"))
    out += [
        "<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">",
        f"<tr><td width=\"35%\" align=\"center\"><p><strong>{e(h[0])}</strong></p></td>",
        f"<td align=\"center\"><p><strong>{e(h[1])}<br />{e(h[2])}</strong></p></td></tr>",
        f"<tr><td align=\"center\"><p>{e(number)}</p></td>",
        f"<td align=\"right\"><p><em>{e(place)}</em></p></td></tr>",
        "</table>",
        f"<p align=\"right\"><strong>{e(stage)}</strong></p>",
    ]
    for x in h:
        if x not in (h[0], h[1], h[2], number, place, stage):
            out.append(f"<p align=\"center\"><strong>{e(x)}</strong></p>")
    for line in draft.preamble:
        out.append(f"<p><em>{e(line)}</em></p>" if line.startswith("Căn cứ") else f"<p>{e(line)}</p>")
    chapter = ""
    for node, _eid in iter_nodes(draft.body):
        if node.kind == "chapter":
            chapter = f"Chuong_{node.num}"
            out.append(f"<p align=\"center\"><strong>Chương <a name=\"{chapter}\"></a>{e(node.num)}</strong></p>")
            titles = node.heading_lines
            if len(titles) == 1 and "CƠ SỞ DỮ LIỆU" in titles[0]:
                # the long title wraps over two <p>s on vbpl.vn (seen in Bộ luật Hình sự)
                cut = titles[0].index(" VỀ ")
                titles = [titles[0][:cut], titles[0][cut + 1:]]
            for t in titles:
                out.append(f"<p align=\"center\"><strong>{e(t)}</strong></p>")
        elif node.kind == "article":
            out.append(f"<p><strong>Điều <a name=\"{chapter}_Dieu_{node.num}\"></a>{e(node.num)}. "
                       f"{e(node.heading)}</strong></p>")
            out += [f"<p>{e(t)}</p>" for t in node.text]
        else:
            out += [f"<p>{e(t)}</p>" for t in node_lines(node)]
    for line in draft.conclusion:
        if line.isupper():
            out.append(f"<p align=\"right\"><strong>{e(line)}</strong></p>")
        else:
            out.append(f"<p><em>{e(line)}</em></p>")
    out += [
        "<p>&nbsp;</p>",
        "</div>",
        "<div id=\"footer\"><p>Bản quyền thuộc Bộ Tư pháp</p>"
        "<script type=\"text/javascript\">ShowMenu();</script></div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- thuvienphapluat.vn HTML

TVPL_NOTE = "[Chương này được chỉnh lý theo Báo cáo thẩm định số 45/BCTĐ-BTP ngày 10/3/2026]"


def make_tvpl(draft: Draft, title: str) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        "<html lang=\"vi\">",
        "<head>",
        "<meta charset=\"utf-8\">",
        f"<title>Dự thảo {e(title)} - Thư Viện Pháp Luật</title>",
        "<link rel=\"stylesheet\" href=\"/css/main.css\">",
        "</head>",
        "<body>",
        "<div class=\"header-menu\"><a href=\"/\">THƯ VIỆN PHÁP LUẬT</a> | <a href=\"/van-ban\">Văn bản</a></div>",
        "<div id=\"divContentDoc\">",
        "<div class=\"content1\">",
        "<div>",
    ]
    h = draft.header
    number = next(x for x in h if x.startswith("Luật số"))
    place = next(x for x in h if x.startswith("Hà Nội"))
    stage = next(x for x in h if x.startswith("DỰ THẢO"))
    out += [
        "<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\">",
        f"<tr><td width=\"223\" valign=\"top\"><p align=\"center\"><b>{e(h[0])}<br>--------</b></p></td>",
        f"<td width=\"367\" valign=\"top\"><p align=\"center\"><b>{e(h[1])}<br>{e(h[2])}<br>---------------</b></p></td></tr>",
        f"<tr><td valign=\"top\"><p align=\"center\">{e(number)}</p></td>",
        f"<td valign=\"top\"><p align=\"right\"><i>{e(place)}</i></p></td></tr>",
        "</table>",
        f"<p align=\"right\"><b>{e(stage)}</b></p>",
    ]
    for x in h:
        if x not in (h[0], h[1], h[2], number, place, stage):
            out.append(f"<p align=\"center\"><b><span style=\"font-size:12.0pt\">{e(x)}</span></b></p>")
    for line in draft.preamble:
        out.append(f"<p><i>{e(line)}</i></p>")
    k = 0
    for node, _eid in iter_nodes(draft.body):
        if node.kind == "chapter":
            k += 1
            note = ""
            if node.num == "IV":  # the site inlines its tooltip text inside the heading
                note = f" <span class=\"lqhl\">{e(TVPL_NOTE)}</span>"
            out.append(f"<p align=\"center\"><a name=\"chuong_{k}\"></a><b>Chương {e(node.num)}</b>{note}</p>")
            out.append(f"<p align=\"center\"><a name=\"chuong_{k}_name\"></a><b>{e(node.heading)}</b></p>")
        elif node.kind == "article":
            out.append(f"<p><a name=\"dieu_{node.num}\"></a><b>{e(node.label)} {e(node.num)}. "
                       f"{e(node.heading)}</b></p>")
            out += [f"<p>{e(t)}</p>" for t in node.text]
        else:
            for t in node_lines(node):
                if "lưu vết trên hệ thống" in t:
                    # an unclosed <span> as the site sometimes leaves them
                    out.append(f"<p><span style=\"color:#000000\">{e(t)}</p>")
                else:
                    out.append(f"<p>{e(t)}</p>")
    for line in draft.conclusion:
        out.append(f"<p align=\"right\"><b>{e(line)}</b></p>" if line.isupper() else f"<p><i>{e(line)}</i></p>")
    out += ["</div>", "</div>", "</div>",
            "<div class=\"footer\">© THƯ VIỆN PHÁP LUẬT</div>",
            "<script>window.tvplTooltip && tvplTooltip.init();</script>",
            "</body>", "</html>"]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Akoma Ntoso 3.0

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def make_akn(draft: Draft, slug: str, date: str, author_id: str, author_name: str) -> str:
    e = html.escape
    h = draft.header
    number = next(x for x in h if x.startswith("Luật số"))
    place = next(x for x in h if x.startswith("Hà Nội"))
    stage = next(x for x in h if x.startswith("DỰ THẢO"))
    doc_type, doc_title = [x for x in h if x not in (h[0], h[1], h[2], number, place, stage)]
    name = f"Luật {doc_title.capitalize()}"
    work = f"/akn/vn/bill/{date[:4]}/{slug}"
    expr = f"{work}/vie@{date}"
    ind = "  "
    out = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        f"<akomaNtoso xmlns=\"{AKN_NS}\">",
        f"{ind}<act contains=\"originalVersion\" name=\"{slug}\">",
        f"{ind*2}<meta>",
        f"{ind*3}<identification source=\"#{author_id}\">",
        f"{ind*4}<FRBRWork>",
        f"{ind*5}<FRBRthis value=\"{work}/!main\"/>",
        f"{ind*5}<FRBRuri value=\"{work}\"/>",
        f"{ind*5}<FRBRalias value=\"{e(name)}\" name=\"short\"/>",
        f"{ind*5}<FRBRdate date=\"{date}\" name=\"Generation\"/>",
        f"{ind*5}<FRBRauthor href=\"#quochoi\"/>",
        f"{ind*5}<FRBRcountry value=\"vn\"/>",
        f"{ind*5}<FRBRsubtype value=\"luat\"/>",
        f"{ind*5}<FRBRnumber value=\"{slug}\"/>",
        f"{ind*5}<FRBRname value=\"{e(name)}\"/>",
        f"{ind*5}<FRBRprescriptive value=\"true\"/>",
        f"{ind*4}</FRBRWork>",
        f"{ind*4}<FRBRExpression>",
        f"{ind*5}<FRBRthis value=\"{expr}/!main\"/>",
        f"{ind*5}<FRBRuri value=\"{expr}\"/>",
        f"{ind*5}<FRBRdate date=\"{date}\" name=\"Generation\"/>",
        f"{ind*5}<FRBRauthor href=\"#{author_id}\"/>",
        f"{ind*5}<FRBRlanguage language=\"vie\"/>",
        f"{ind*4}</FRBRExpression>",
        f"{ind*4}<FRBRManifestation>",
        f"{ind*5}<FRBRthis value=\"{expr}/!main.xml\"/>",
        f"{ind*5}<FRBRuri value=\"{expr}.akn\"/>",
        f"{ind*5}<FRBRdate date=\"{date}\" name=\"Generation\"/>",
        f"{ind*5}<FRBRauthor href=\"#{author_id}\"/>",
        f"{ind*4}</FRBRManifestation>",
        f"{ind*3}</identification>",
        f"{ind*3}<references source=\"#{author_id}\">",
        f"{ind*4}<TLCOrganization eId=\"quochoi\" href=\"/akn/ontology/organizations/vn/quochoi\" showAs=\"Quốc hội\"/>",
        f"{ind*4}<TLCOrganization eId=\"{author_id}\" href=\"/akn/ontology/organizations/vn/{author_id}\" "
        f"showAs=\"{e(author_name)}\"/>",
        f"{ind*4}<TLCLocation eId=\"hanoi\" href=\"/akn/ontology/locations/vn/hanoi\" showAs=\"Hà Nội\"/>",
        f"{ind*3}</references>",
        f"{ind*2}</meta>",
        f"{ind*2}<preface>",
        f"{ind*3}<p class=\"issuer\"><organization refersTo=\"#quochoi\">{e(h[0])}</organization></p>",
        f"{ind*3}<p class=\"motto\">{e(h[1])}</p>",
        f"{ind*3}<p class=\"motto\">{e(h[2])}</p>",
        f"{ind*3}<p><docNumber>{e(number)}</docNumber></p>",
        f"{ind*3}<p><docStage>{e(stage)}</docStage></p>",
    ]
    where, _, when = place.partition(", ")
    out += [
        f"{ind*3}<p><location refersTo=\"#hanoi\">{e(where)}</location>, "
        f"<docDate date=\"{date}\">{e(when)}</docDate></p>",
        f"{ind*3}<p><docType>{e(doc_type)}</docType></p>",
        f"{ind*3}<p><docTitle>{e(doc_title)}</docTitle></p>",
        f"{ind*2}</preface>",
        f"{ind*2}<preamble>",
    ]
    out += [f"{ind*3}<p>{e(line)}</p>" for line in draft.preamble]
    out += [f"{ind*2}</preamble>", f"{ind*2}<body>"]

    def emit(node: Node, eid: str, depth: int):
        pad = ind * depth
        tag = {"chapter": "chapter", "section": "section", "article": "article",
               "paragraph": "paragraph", "point": "point"}[node.kind]
        out.append(f"{pad}<{tag} eId=\"{eid}\">")
        if node.kind in ("chapter", "section"):
            out.append(f"{pad}{ind}<num>{e(node.label)}</num>")
            out.append(f"{pad}{ind}<heading>{e(node.heading)}</heading>")
        elif node.kind == "article":
            out.append(f"{pad}{ind}<num>{e(node.label)} {e(node.num)}.</num>")
            out.append(f"{pad}{ind}<heading>{e(node.heading)}</heading>")
        elif node.kind == "paragraph":
            out.append(f"{pad}{ind}<num>{e(node.num)}.</num>")
        else:
            out.append(f"{pad}{ind}<num>{e(node.num)})</num>")
        if node.children and node.kind in ("article", "paragraph"):
            if node.text:
                out.append(f"{pad}{ind}<intro>")
                out.extend(f"{pad}{ind*2}<p>{e(t)}</p>" for t in node.text)
                out.append(f"{pad}{ind}</intro>")
        elif node.kind in ("article", "paragraph", "point"):
            out.append(f"{pad}{ind}<content>")
            out.extend(f"{pad}{ind*2}<p>{e(t)}</p>" for t in node.text)
            out.append(f"{pad}{ind}</content>")
        for child, child_eid in child_eids(node, eid):
            emit(child, child_eid, depth + 1)
        out.append(f"{pad}</{tag}>")

    def child_eids(node: Node, eid: str):
        for child in node.children:
            if child.kind == "article" and node.kind == "section":
                yield child, child.eid(eid.split("__sec_")[0])
            else:
                yield child, child.eid(eid)

    for node in draft.body:
        emit(node, node.eid(""), 3)
    out += [f"{ind*2}</body>", f"{ind*2}<conclusions>"]
    for line in draft.conclusion:
        if line.isupper():
            out.append(f"{ind*3}<p class=\"signature\"><role refersTo=\"#chutich\">{e(line)}</role></p>")
        else:
            out.append(f"{ind*3}<p>{e(line)}</p>")
    out += [f"{ind*2}</conclusions>", f"{ind}</act>", "</akomaNtoso>"]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- the sample set

def build() -> dict[Path, bytes]:
    """Every generated sample: output path -> bytes."""
    files: dict[Path, bytes] = {}

    d01 = parse_draft(read_lines(SRC / "01-du-thao-luat-duong-thuy-noi-dia.txt"))
    files[SAMPLES / "01-du-thao-luat-duong-thuy-noi-dia.docx"] = make_docx(d01, author="Bộ Xây dựng")

    d02 = parse_draft(read_lines(SRC / "02-du-thao-luat-thu-y.txt"))
    files[SAMPLES / "02-du-thao-luat-thu-y-vbpl.html"] = make_vbpl(d02, "Luật Thú y").encode("utf-8")

    d03 = parse_draft(read_lines(SRC / "03-du-thao-luat-thua-phat-lai.txt"))
    files[SAMPLES / "03-du-thao-luat-thua-phat-lai-tvpl.html"] = make_tvpl(
        d03, "Luật Thừa phát lại").encode("utf-8")

    d04 = parse_draft(read_lines(SRC / "04-du-thao-luat-thu-vien.txt"))
    files[SAMPLES / "04-du-thao-luat-thu-vien.akn.xml"] = make_akn(
        d04, "thu-vien", "2026-03-20", "bvhttdl", "Bộ Văn hóa, Thể thao và Du lịch").encode("utf-8")

    text06 = (SRC / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do.txt").read_text(encoding="utf-8")
    files[SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt"] = unicodedata.normalize(
        "NFD", text06).encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the generated files are up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build().items():
        current = path.read_bytes() if path.exists() else None
        if current == data:
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(data)
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'} {path.relative_to(REPO)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
