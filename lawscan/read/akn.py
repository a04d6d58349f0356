"""Akoma Ntoso reader (AKN 2.0 ``http://www.akomantoso.org/2.0`` and 3.0
``http://docs.oasis-open.org/legaldocml/ns/akn/3.0``, including its pre-release URIs and
prefixed elements).

``read_akn(path, data, limits)`` parses the XML safely (:mod:`lawscan.read.xmlsafe`) and gives a
:class:`Source` with ``document`` already built (the structure parser is not needed) and
``lines`` = the text of the act in document order.

Mapping of elements to :class:`Unit` kinds: part -> part, chapter -> chapter, section ->
section, subsection -> subsection, article -> article, paragraph/clause -> paragraph,
point/item -> point. ``quotedStructure``/``embeddedStructure`` (the new text carried by an
amending ``mod``) become ``quoted`` units: what they contain is kept under them but is not the
act's own structure. Other containers (``hcontainer`` such as schedules and cross-headings,
``subpart``, ``content``, lists) are transparent: their structural children hang on the
enclosing unit, so a Part inside a Schedule counts as a part; an ``hcontainer`` named
"attachment" (a regulation issued with the act, as lawscan writes it) is an attachment unit. Only the main body is structure;
``attachments``/``components`` are left out (Problem info). ``eid`` is the element's ``eId``
(3.0) or ``id`` (2.0); ``num``/``heading`` come from ``<num>``/``<heading>``; title, number,
year and date from the FRBR metadata and the preface (a Vietnamese act's title is the one its
preface prints, ``docType`` and ``docTitle``, before a catalogue's short name); ``doc_kind`` is
"foreign", except for a Vietnamese act (FRBRcountry vn / language vie: its kind from its
FRBRsubtype, read by its letters, else "law", "amending_law", "code", "decree" … by its title;
``is_draft`` for a bill).
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from lawscan.errors import ReadError
from lawscan.model import KIND_PREFIX, Document, Line, Problem, Source, Unit
from lawscan.read.xmlsafe import parse_xml

AKN2 = "http://www.akomantoso.org/2.0"
AKN3 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

STRUCT = {"part": "part", "chapter": "chapter", "section": "section", "subsection": "subsection",
          "article": "article", "paragraph": "paragraph", "clause": "paragraph", "point": "point",
          "item": "point"}
QUOTED = {"quotedStructure", "embeddedStructure"}
SKIP = {"authorialNote", "noteRef", "meta", "componentRef", "documentRef", "eol", "eop",
        "attachments", "components", "attachment", "component"}
BLOCK = {"p", "listIntroduction", "listWrapUp", "docTitle", "docNumber", "longTitle", "formula",
         "td", "th", "tblock", "block", "citation", "recital", "quotedText"}
TITLE_LIKE = {"num", "heading", "subheading"}
# FRBRsubtype of a Vietnamese act that names its kind (the plain "luat" is decided by the title),
# by its letters (:func:`_subtype_key`: "nghi-dinh", "nghiDinh", "nghi_dinh")
SUBTYPE_KINDS = {"boluat": "code", "hienphap": "constitution", "vanbanhopnhat": "consolidated",
                 "luatsuadoi": "amending_law", "nghidinh": "decree", "thongtu": "circular",
                 "thongtulientich": "circular", "nghiquyet": "resolution",
                 "nghiquyetlientich": "resolution", "quyetdinh": "decision"}
_WS = re.compile(r"\s+")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def akn_version(namespace: str | None) -> str | None:
    if not namespace:
        return None
    if namespace.startswith(AKN2):
        return "2.0"
    if namespace.startswith(AKN3) or namespace.startswith("http://docs.oasis-open.org/legaldocml/ns/akn/"):
        return "3.0"
    return None


def _local(el) -> str:
    """The local name of an element ("{ns}article" -> "article"); "" for comments and the like."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(el):
    return [c for c in el if isinstance(c.tag, str)]


def _text(el) -> str:
    """Text of an element without notes and without the structures nested in it."""
    parts: list[str] = []

    def walk(node):
        name = _local(node)
        if node is not el and (name in SKIP or name in QUOTED or name in STRUCT):
            if name == "eol":
                parts.append(" ")
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:
                parts.append(child.tail)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    return _WS.sub(" ", "".join(parts)).strip()


def _nested_units(el):
    """Structural or quoted elements inside a block element, outermost first."""
    found = []
    for child in _children(el):
        name = _local(child)
        if name in STRUCT or name in QUOTED:
            found.append(child)
        elif name not in SKIP:
            found.extend(_nested_units(child))
    return found


def _own_text(el) -> bool:
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


class _Builder:
    def __init__(self):
        self.lines: list[Line] = []
        self.counters: dict[str, int] = {}
        self.structure = True  # False outside the body: units there are read as text only

    def eid(self, el, parent: Unit, kind: str, num: str) -> str:
        given = el.get("eId") or el.get("id") or el.get("wId") or el.get("GUID")
        if given:
            return given
        label = re.sub(r"[^\w]+", "", num) or None
        if not label:
            key = f"{parent.eid}/{kind}"
            self.counters[key] = self.counters.get(key, 0) + 1
            label = str(self.counters[key])
        own = f"{KIND_PREFIX[kind]}_{label}"
        return f"{parent.eid}__{own}" if parent.eid else own

    def emit(self, unit: Unit, text: str, lineno: int | None, content: bool = True) -> None:
        if not text:
            return
        line = Line(text=text, lineno=lineno or 1)
        self.lines.append(line)
        if content:
            unit.content.append(line)

    def unit(self, el, parent: Unit, kind: str) -> Unit:
        num = heading = ""
        for child in _children(el):
            name = _local(child)
            if name == "num" and not num:
                num = bare_num(_text(child))
            elif name == "heading" and not heading:
                heading = _text(child)
        u = Unit(kind=kind, num=num, heading=heading, line=el.sourceline)
        u.eid = self.eid(el, parent, kind, num)
        if kind != "quoted":
            u.attrs["akn"] = _local(el)
        parent.children.append(u)
        self.emit(u, " ".join(p for p in (num, heading) if p), el.sourceline, content=False)
        return u

    def build(self, el, unit: Unit) -> None:
        for child in _children(el):
            name = _local(child)
            if name in SKIP:
                continue
            if name in STRUCT and self.structure:
                self.build(child, self.unit(child, unit, STRUCT[name]))
            elif name == "hcontainer" and child.get("name") == "attachment" and self.structure:
                self.build(child, self.unit(child, unit, "attachment"))  # lawscan's own export
            elif name in QUOTED and self.structure:
                self.build(child, self.unit(child, unit, "quoted"))
            elif name in TITLE_LIKE:
                if _local(el) not in STRUCT and _local(el) not in QUOTED:  # e.g. a schedule's title
                    self.emit(unit, _text(child), child.sourceline)
            elif name in BLOCK or _own_text(child):
                self.emit(unit, _text(child), child.sourceline)
                for nested in (_nested_units(child) if self.structure else ()):
                    kind = "quoted" if _local(nested) in QUOTED else STRUCT[_local(nested)]
                    self.build(nested, self.unit(nested, unit, kind))
            else:
                self.build(child, unit)


@functools.cache
def _unit_labels() -> list[tuple[str, str]]:
    """The unit labels ("Chương", "Điều", "Art." ...), longest first, each with its lower case."""
    from lawscan.read.encoding import vietnamese

    return [(word, word.lower()) for word in sorted(vietnamese()["unit_labels"], key=len, reverse=True)]


def bare_num(text: str) -> str:
    """"Chương I" -> "I", "Art. 1." -> "1", "(a)" -> "a", "1." -> "1"; anything else as printed."""
    text = text.strip()
    if text.startswith("Phần thứ "):  # "Phần thứ nhất": the number is "thứ nhất", as printed
        return text[len("Phần "):].rstrip(".:-–— ").strip()
    lowered = text.lower()
    for word, word_lower in _unit_labels():
        if lowered.startswith(word_lower) and len(text) > len(word) and \
                (not word[-1].isalpha() or not text[len(word)].isalpha()):
            text = text[len(word):].strip()
            break
    text = text.rstrip(".:-–— ").strip()
    m = re.fullmatch(r"\(([^()]+)\)|([^()]+)\)", text)
    if m:
        text = (m.group(1) or m.group(2)).strip()
    return text


# The elements _metadata reads, by local name (any namespace).
_META_NAMES = ("FRBRname", "FRBRnumber", "FRBRuri", "FRBRthis", "FRBRdate", "FRBRcountry",
               "FRBRlanguage", "FRBRsubtype", "FRBRalias", "shortTitle", "docTitle", "longTitle",
               "docNumber")


def _metadata(doc_el, doc: Document) -> None:
    # One pass (lxml matches the names) collects the elements below doc_el with these names,
    # in document order, instead of one search of the whole document per question.
    found: dict[str, list] = {name: [] for name in _META_NAMES}
    for el in doc_el.iterdescendants(*(f"{{*}}{name}" for name in _META_NAMES)):
        found.setdefault(_local(el), []).append(el)

    def elements(name: str) -> list:
        """The <name> elements below doc_el, in document order (searched for now when the
        name is not one of _META_NAMES)."""
        els = found.get(name)
        if els is None:
            els = found[name] = list(doc_el.iterdescendants(f"{{*}}{name}"))
        return els

    def children_of(where: str, name: str) -> list:
        """The <name> elements whose parent is a <where> below doc_el, in document order."""
        return [el for el in elements(name)
                if (parent := el.getparent()) is not doc_el and _local(parent) == where]

    def value(name: str, attr: str = "value", where: str = "FRBRWork") -> str:
        els = children_of(where, name)
        return (els[0].get(attr) or "").strip() if els else ""

    def text_of(name: str) -> str:
        els = elements(name)
        return _text(els[0]) if els else ""

    vietnamese = value("FRBRcountry").lower() in ("vn", "vnm", "vie") \
        or value("FRBRlanguage", "language", "FRBRExpression") == "vie"
    alias = next((el for el in children_of("FRBRWork", "FRBRalias")
                  if el.get("name") in ("title", "short", "shortTitle")), None)
    alias_title = (alias.get("value") or "").strip() if alias is not None else ""
    doc_type = text_of("docType")
    printed = _with_doc_type(text_of("docTitle"), doc_type)
    # a Vietnamese act's title is what its preface prints (kind and title), not a catalogue's
    # short name for it ("Dự thảo Nghị định về thuế nhà thầu nước ngoài")
    title = (printed if vietnamese and doc_type else "") or text_of("shortTitle") \
        or (alias_title if alias_title.lower() not in ("", "untitled") else "") or printed \
        or text_of("longTitle")
    doc.title = title[:300]
    number = ""
    for candidate in (value("FRBRname"), re.sub(r"^(?:No|N|Nr|Number)\.?\s*|^[^\d:]*:\s*", "", text_of("docNumber")),
                      value("FRBRnumber")):
        if re.search(r"\d", candidate) and not candidate.startswith("/"):  # "/2026/QH15": a draft, no number yet
            number = candidate
            break
    doc.number = number or None
    uri = value("FRBRuri") or value("FRBRthis")
    date = value("FRBRdate", "date")
    if value("FRBRdate", "name") == "unknown":  # a placeholder date (lawscan's writer)
        date = ""
    years = _YEAR.findall(uri) or _YEAR.findall(date)
    doc.year = int(years[0]) if years else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and (doc.year is None or date.startswith(str(doc.year))):
        doc.date = date
    if vietnamese:
        doc.doc_kind = SUBTYPE_KINDS.get(_subtype_key(value("FRBRsubtype"))) or _kind_from_title(
            f"{doc.title} {value('FRBRname')}".lower())
        doc.is_draft = "/bill/" in uri or _local(doc_el) == "bill"
    doc.meta.update({"frbr_uri": uri, "country": value("FRBRcountry"),
                     "language": value("FRBRlanguage", "language", "FRBRExpression"),
                     "akn_type": _local(doc_el), "akn_name": doc_el.get("name") or ""})


def _with_doc_type(title: str, doc_type: str) -> str:
    """A Vietnamese act's <docTitle> with the kind its <docType> prints apart in front, where the
    title does not begin with it ("NGHỊ ĐỊNH" + "Quy định về …" -> "Nghị định quy định về …";
    "LUẬT" + "AN NINH DỮ LIỆU" -> "Luật An ninh dữ liệu": a law's subject is its name,
    ``named_kinds``, but not an amending law's: "LUẬT" + "SỬA ĐỔI, BỔ SUNG …" -> "Luật sửa đổi,
    bổ sung …", ``amending_subjects``); any other title as it is."""
    from lawscan.read.encoding import vietnamese

    words = vietnamese()
    kind = " ".join(doc_type.split()).lower()
    kinds = [*words["title_kinds"], *words["named_kinds"]]
    if not title or not any(kind.startswith(k) for k in kinds) \
            or any(title.lower().startswith(k) for k in kinds):
        return title
    subject = title.lower() if title.isupper() else title
    amending = any(re.match(rf"{re.escape(w)}\b", subject, re.I) for w in words["amending_subjects"])
    named = kind in words["named_kinds"] and not amending
    first = subject[:1].upper() if named else subject[:1].lower()
    return f"{kind[:1].upper()}{kind[1:]} {first}{subject[1:]}"


def _subtype_key(subtype: str) -> str:
    """An FRBRsubtype by its letters alone, lower-cased ("nghiDinh" -> "nghidinh"): AKN names
    are camelCase, Indigo's subtypes hyphenated."""
    return re.sub(r"[^a-z]", "", subtype.lower())


def _kind_from_title(lowered: str) -> str:
    """A Vietnamese act's kind from its (lower-cased) title: the word it begins with, after a
    "dự thảo" ("thông tư liên tịch …" is a circular), else a word anywhere in it ("… sửa đổi …"),
    else a law."""
    from lawscan.read.encoding import vietnamese

    words = vietnamese()
    lowered = re.sub(r"^dự thảo\s+", "", lowered)
    for word, kind in words["title_kinds"].items():
        if lowered.startswith(word):
            return kind
    return next((kind for word, kind in words["doc_kinds"].items() if word in lowered), "law")


def read_akn(path: str, data: bytes, limits: dict) -> Source:
    root = parse_xml(path, data, limits)
    version = akn_version(etree.QName(root).namespace)
    if _local(root) != "akomaNtoso" or version is None:
        raise ReadError(path, "XML that is not Akoma Ntoso (root element "
                              f"{etree.QName(root).text!r})", "read.xml_unknown")
    doc_el = next((c for c in _children(root) if _local(c) not in ("components",)), None)
    if doc_el is None:
        raise ReadError(path, "Akoma Ntoso without a document element", "read.no_text")
    source = Source(path=path, format="akn", encoding="utf-8")
    doc = Document(path=path, format="akn", doc_kind="foreign")
    doc.meta["akn_version"] = version
    source.meta["akn_version"] = version
    _metadata(doc_el, doc)
    builder = _Builder()
    body = None
    for child in _children(doc_el):
        name = _local(child)
        if name in ("meta", "attachments", "components"):
            if name != "meta":
                source.problems.append(Problem("read.akn_attachments", "Akoma Ntoso attachments "
                                               "(schedules outside the body) are not read",
                                               line=child.sourceline, severity="info"))
            continue
        is_body = name in ("body", "mainBody", "debateBody", "judgmentBody", "amendmentBody",
                           "collectionBody")
        if is_body:
            body = child
        builder.structure = is_body
        builder.build(child, doc.root)
    if body is None or not doc.root.children and not builder.lines:
        raise ReadError(path, "Akoma Ntoso document without a body", "read.no_text")
    doc.lines = builder.lines
    source.lines = builder.lines
    source.document = doc
    source.meta.update({"title": doc.title, "number": doc.number or ""})
    return source
