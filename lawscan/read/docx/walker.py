"""The walk of a body (or a note) in document order: :class:`Walker` numbers the paragraphs and
collects each one's shown text, its automatic label and whether it belongs to a table of
contents (see :mod:`lawscan.read.docx`, "What it gives")."""

from __future__ import annotations

from dataclasses import dataclass

from lawscan.read.docx.numbering import Numbering, Styles, bounded_int, hex_int

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
M_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math")

BREAK = "\n"  # inside the walk, a line break; Lines are split on it

# Containers whose children are read as if they stood in place of the container.
INLINE_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "ins", "moveTo", "dir",
                     "bdo", "sdtContent"}
SKIPPED_INLINE = {"del", "moveFrom", "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr",
                  "commentRangeStart", "commentRangeEnd", "permStart", "permEnd", "sdtPr",
                  "sdtEndPr"}


def namespace(root) -> str:
    """The WordprocessingML namespace ``root`` is written in (transitional or strict)."""
    tag = root.tag if isinstance(root.tag, str) else ""
    ns = tag[1:].partition("}")[0] if tag.startswith("{") else ""
    return ns if ns in (W_TRANSITIONAL, W_STRICT) else W_TRANSITIONAL


def clean(raw: str) -> str:
    """A paragraph's stored text as a line shows it: tabs as spaces."""
    return raw.replace("\t", " ")


def _child(el, tag: str):
    """The first child of ``el`` with this (Clark) tag, or None: ``el.find(tag)`` without the
    path machinery, which costs more than the walk itself on large documents."""
    for child in el.iterchildren(tag):
        return child
    return None


def _properties(el, tag: str):
    """The properties child (``w:pPr``, ``w:rPr``) of a paragraph or run. Word writes it as
    the first child, so that one is looked at before the children are searched."""
    if len(el) and el[0].tag == tag:
        return el[0]
    return _child(el, tag)


def _inside_box(box, top, box_tag: str) -> bool:
    """Whether ``box`` lies inside another text box below ``top``."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == box_tag:
            return True
        parent = parent.getparent()
    return False


@dataclass
class Para:
    lineno: int
    raw: str  # text as stored (tabs kept as \t, breaks as \n)
    label: str = ""
    fmt: str = ""
    level: int = 0
    toc: bool = False
    in_table: bool = False


class Walker:
    """Walks the body in order, numbering paragraphs and collecting their text. Call
    :meth:`walk` with the body (or a note); :meth:`block` called alone gives the same text,
    only slower (it looks at the properties of every paragraph and run)."""

    def __init__(self, w: str, numbering: Numbering, styles: Styles):
        self.w = w
        self.numbering = numbering
        self.styles = styles
        self.paras: list[Para] = []
        self.fields: list[dict] = []  # complex fields open across runs and paragraphs
        self.lineno = 0
        self.tables = 0
        self.textboxes = 0  # text boxes holding text, read where they are anchored
        self._boxes: list = []  # text boxes found in the paragraph being read (w:txbxContent)
        self.alt_chunks = 0  # w:altChunk: another document (HTML, RTF, .docx) imported whole
        self._tags: dict = {}  # element tag -> short name (see tag)
        self.q = {name: f"{{{w}}}{name}" for name in  # short name -> "{w-namespace}name"
                  ("pPr", "pStyle", "numPr", "numId", "ilvl", "val", "rPr", "vanish")}
        # Paragraphs and runs whose properties may matter, found by walk; the others are not
        # searched. None (walk not called): search the properties of every one.
        self.with_props: set | None = None
        self.elements: list | None = None  # a list: every numbered w:p is kept (see paragraph_elements)

    @classmethod
    def plain(cls, w: str) -> Walker:
        """A walker without Word's numbering and styles (for notes and paragraph_elements)."""
        return cls(w, Numbering(None, w), Styles(None, w))

    def walk(self, root, no_properties: bool = False) -> None:
        """Read the block content of ``root``. First, one pass in lxml finds every style,
        numbering and hidden mark (w:pStyle, w:numPr, w:vanish) and keeps the element two levels
        up (the paragraph of a w:pPr, the run of a w:rPr): only those paragraphs and runs have
        their properties looked at. Most paragraphs have none of the three, and searching their
        properties one by one cost more than the rest of the walk. ``no_properties``: the
        caller has proved there are none (see container.has_no_properties), so the pass is skipped."""
        q = self.q
        if self.with_props is None:
            self.with_props = set()
        if not no_properties:
            for el in root.iter(q["pStyle"], q["numPr"], q["vanish"]):
                props = el.getparent()
                if props is not None:
                    self.with_props.add(props.getparent())
        self.block(root)

    def tag(self, el) -> str:
        t = el.tag
        local = self._tags.get(t)
        if local is None:
            local = self._tags[t] = self._local(t)
        return local

    def _local(self, t) -> str:
        """"{w-namespace}p" -> "p", math -> "m:oMath", other namespaces -> "?name"."""
        if not isinstance(t, str):
            return ""
        if t.startswith("{"):
            ns, _, local = t[1:].partition("}")
            if ns == self.w:
                return local
            if ns in M_NS:
                return "m:" + local
            return "?" + local
        return t

    def block(self, el, in_table: bool = False, toc: bool = False) -> None:
        """Block-level content: paragraphs, tables, content controls."""
        for child in el:
            t = self.tag(child)
            if t == "p":
                self.paragraph(child, in_table, toc)
            elif t == "tbl":
                self.tables += 1
                self.table(child, toc)
            elif t == "sdt":
                is_toc = toc or self._sdt_is_toc(child)
                content = child.find(f"{{{self.w}}}sdtContent")
                if content is not None:
                    self.block(content, in_table, is_toc)
            elif t in ("customXml", "ins", "moveTo", "sdtContent"):
                self.block(child, in_table, toc)
            elif t == "altChunk":
                self.alt_chunks += 1
            # sectPr, del, moveFrom, bookmarks ...: nothing to read

    def table(self, el, toc: bool) -> None:
        """Rows in order, cells left to right; rows may sit inside content controls."""
        for child in el:
            t = self.tag(child)
            if t == "tr":
                for cell in child:
                    ct = self.tag(cell)
                    if ct == "tc":
                        self.block(cell, True, toc)
                    elif ct in ("sdt", "customXml"):
                        self.table_cells(cell, toc)
            elif t in ("sdt", "customXml"):
                self.table(self._content(child), toc)

    def table_cells(self, el, toc: bool) -> None:
        for cell in self._content(el):
            if self.tag(cell) == "tc":
                self.block(cell, True, toc)
            elif self.tag(cell) in ("sdt", "customXml"):
                self.table_cells(cell, toc)

    def _content(self, el):
        """The children of a content control (its w:sdtContent) or of custom XML."""
        content = el.find(f"{{{self.w}}}sdtContent")
        return content if content is not None else el

    def _sdt_is_toc(self, sdt) -> bool:
        gallery = sdt.find(f"{{{self.w}}}sdtPr/{{{self.w}}}docPartObj/{{{self.w}}}docPartGallery")
        return gallery is not None and "content" in (gallery.get(f"{{{self.w}}}val") or "").lower()

    def paragraph(self, p, in_table: bool, toc: bool) -> None:
        q = self.q
        with_props = self.with_props
        ppr = _properties(p, q["pPr"]) if with_props is None or p in with_props else None
        style_id = None
        num_id = ilvl = None
        if ppr is not None:
            ps = _child(ppr, q["pStyle"])
            style_id = ps.get(q["val"]) if ps is not None else None
            numpr = _child(ppr, q["numPr"])
            if numpr is not None:
                n = _child(numpr, q["numId"])
                i = _child(numpr, q["ilvl"])
                num_id = n.get(q["val"]) if n is not None else None
                ilvl = bounded_int(i.get(q["val"]), 0) if i is not None else None
        if num_id is None:
            s_num, s_ilvl, s_style = self.styles.numbering(style_id)
            if s_num is not None:
                num_id = s_num
                ilvl = s_ilvl if s_ilvl is not None else self.numbering.level_for_style(s_num, s_style)
        toc_field_before = bool(self.fields) and self._in_toc_field()
        parts: list[str] = []
        outer_boxes, self._boxes = self._boxes, []
        saw_toc_field = self._inline(p, parts)
        boxes, self._boxes = self._boxes, outer_boxes
        for box in boxes:  # a text box's paragraphs come before the one it is anchored in
            self.block(box, in_table, toc)
        self.lineno += 1
        if self.elements is not None:
            self.elements.append(p)
        para = Para(self.lineno, "".join(parts), in_table=in_table)
        para.toc = toc or toc_field_before or saw_toc_field or self.styles.is_toc(style_id)
        if num_id not in (None, "0"):
            got = self.numbering.next_label(num_id, ilvl or 0)
            if got:
                para.label, para.fmt = got
                para.level = ilvl or 0
        self.paras.append(para)

    def _take_textboxes(self, el) -> None:
        """Keep the text boxes of shape ``el`` that hold text, to be read before the paragraph
        they are anchored in. Each box once: Word writes a shape twice in
        ``mc:AlternateContent``, as a DrawingML text box (``mc:Choice``) and as VML
        (``mc:Fallback``); the fallback is read only when the choice has no box. A box inside
        another box is read with it."""
        box_tag = f"{{{self.w}}}txbxContent"
        parts = [el]
        if self.tag(el) == "?AlternateContent":
            parts = [c for c in el if self.tag(c) in ("?Choice", "?Fallback")]
        for part in parts:
            boxes = [b for b in part.iter(box_tag) if not _inside_box(b, part, box_tag)]
            if boxes:
                break
        else:
            return
        for box in boxes:
            if any((t.text or "").strip() for t in box.iter(f"{{{self.w}}}t")):
                self.textboxes += 1
                self._boxes.append(box)

    def _in_toc_field(self) -> bool:
        return any(f["instr"].strip().upper().startswith("TOC") for f in self.fields)

    def _inline(self, el, parts: list[str]) -> bool:
        """Append the shown text of ``el``'s inline children; True when a TOC field was seen."""
        saw_toc = False
        tags = self._tags
        for child in el:
            t = tags.get(child.tag)
            if t is None:
                t = self.tag(child)
            if t == "r":
                saw_toc |= self._run(child, parts)
            elif t in INLINE_CONTAINERS:
                saw_toc |= self._inline(child, parts)
            elif t == "sdt":
                if self._sdt_is_toc(child):
                    saw_toc = True
                content = child.find(f"{{{self.w}}}sdtContent")
                if content is not None:
                    saw_toc |= self._inline(content, parts)
            elif t in ("m:oMath", "m:oMathPara"):
                parts.extend(x.text or "" for x in child.iter(f"{{{M_NS[0]}}}t", f"{{{M_NS[1]}}}t"))
            elif t in ("?AlternateContent", "pict", "object"):
                self._take_textboxes(child)
            elif t == "p":  # a paragraph nested in an inline sdt: keep it on its own line
                parts.append(BREAK)
                saw_toc |= self._inline(child, parts)
            # del, moveFrom, pPr, bookmarks, comments: nothing shown
        return saw_toc

    def _run(self, r, parts: list[str]) -> bool:
        """Append the shown text of run ``r``; True when a TOC field's instruction was seen."""
        tags = self._tags
        fields = self.fields
        saw_toc = False
        hidden = self._hidden(r)
        for child in r:
            t = tags.get(child.tag)
            if t is None:
                t = self.tag(child)
            if t == "fldChar":
                self._field_char(child)
            elif t == "instrText":
                saw_toc |= self._instruction(child)
            elif hidden or (fields and not fields[-1]["result"]):
                continue  # hidden text, or a field's instruction part
            elif t == "t":  # the usual case, before the rarer ones
                parts.append(child.text or "")
            else:
                self._run_mark(t, child, parts)
        return saw_toc

    def _hidden(self, r) -> bool:
        """Whether run ``r`` is hidden (``w:vanish`` in its properties)."""
        q = self.q
        with_props = self.with_props
        rpr = _properties(r, q["rPr"]) if with_props is None or r in with_props else None
        if rpr is None:
            return False
        v = _child(rpr, q["vanish"])
        return v is not None and v.get(q["val"], "1") not in ("0", "false", "off")

    def _field_char(self, child) -> None:
        """A complex field begins, turns from its instruction to its shown result, or ends."""
        kind = child.get(f"{{{self.w}}}fldCharType")
        if kind == "begin":
            self.fields.append({"instr": "", "result": False})
        elif kind == "separate" and self.fields:
            self.fields[-1]["result"] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _instruction(self, child) -> bool:
        """Instruction text of the open field; True when it makes the field a TOC."""
        if self.fields and not self.fields[-1]["result"]:
            self.fields[-1]["instr"] += child.text or ""
            return self.fields[-1]["instr"].strip().upper().startswith("TOC")
        return False

    def _run_mark(self, t: str, child, parts: list[str]) -> None:
        """What a run's child other than ``w:t`` shows: a tab, a break, a hyphen, a symbol,
        math text; a drawing may hold a text box (read before the paragraph)."""
        if t in ("tab", "ptab"):
            parts.append("\t")
        elif t in ("br", "cr"):
            parts.append(BREAK)
        elif t == "noBreakHyphen":
            parts.append("-")
        elif t == "sym":
            ch = hex_int(child.get(f"{{{self.w}}}char"))
            if ch and not 0xE000 <= ch <= 0xF8FF:  # symbol-font glyphs are not text
                parts.append(chr(ch))
        elif t in ("m:oMath", "m:t"):
            parts.append(child.text or "")
        elif t in ("drawing", "pict", "object", "?AlternateContent"):
            self._take_textboxes(child)
        # footnoteReference, endnoteReference, footnoteRef, separators: not text

def paragraph_elements(body) -> list:
    """The ``w:p`` elements of a document body (an lxml element, e.g. python-docx's
    ``Document.element.body``) in the order this reader numbers them: element ``k - 1`` is the
    paragraph of ``Line.lineno`` ``k`` (top-level paragraphs and those of table cells, nested
    tables and content controls in place, empty, hidden and table-of-contents ones too). Findings
    are put back on their paragraph with it (lawscan.drafting.annotate)."""
    walker = Walker.plain(namespace(body))
    walker.elements = []
    walker.walk(body)
    return walker.elements
