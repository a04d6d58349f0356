"""HTML reader: vbpl.vn pages, thuvienphapluat.vn pages, other HTML.

``read_html(path, text, flavour, encoding, limits)`` takes the decoded page and gives a
:class:`Source` whose lines are the visible text of the law, one per block element (``<p>``,
``<div>``, ``<li>``, headings...), with ``lineno`` = the source line of the block element;
``<br>`` starts a new line (numbered by the ``<br>``). Inline elements are joined as the
browser shows them, so an anchor inside a heading (``<strong>Chương <a name="…"></a>I</strong>``)
gives "Chương I". A table row is one line, its cells joined by " | " (header tables: "QUỐC HỘI |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …"); a layout table whose cells hold many paragraphs is read
as ordinary blocks instead. Scripts, styles, forms' controls, hidden elements and tooltips are
never text.

* ``html-vbpl``: the body is ``div#toanvancontent`` (plus the header tables just before it);
  ``div.vbInfo`` / ``div.vbProperties`` go to ``Source.meta["properties"]``.
* ``html-tvpl``: the body is the Vietnamese ``div.content1`` inside ``#divContentDoc`` (the
  English translation on the same page is skipped); editorial notes in brackets inside the
  text ("Chương V [Quy hoạch … được hướng dẫn bởi …] QUY HOẠCH …") are removed (Line.raw keeps
  them) with an info Problem each; the site's anchors are not trusted for anything.
* ``html``: the ``<main>``/``<article>`` element or the body, without navigation, header,
  footer and aside. A page with no line that starts like a heading of a law is refused.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source

BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "section", "article",
    "main", "header", "footer", "aside", "nav", "address", "figure", "figcaption", "center", "form",
    "fieldset", "legend", "hr", "body", "html", "details", "summary",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
             "object", "embed", "svg", "math", "button", "select", "option", "textarea", "input",
             "map", "canvas", "video", "audio"}
GENERIC_SKIP_TAGS = {"nav", "header", "footer", "aside"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TOOLTIP_CLASS = re.compile(r"tootip|tooltip", re.IGNORECASE)
_NAV_NAME = re.compile(r"\b(?:menu|nav|navbar|breadcrumbs?|footer|sidebar|banner|cookie)\b", re.IGNORECASE)
_WS = re.compile(r"[ \t\n\r\f]+")
# a paragraph that opens an article or a chapter ("Điều 3.", "Chương II"): a cell holding one
# among others is page layout, not a record of a data table
_OPENS_UNIT = re.compile(r"\s*(?:Điều\s+\d+|Chương\s+[IVXLCDM\d]+)\b", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag (first 4 KiB), if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def parse_html(path: str, text: str, limits: dict):
    from lxml import html as lhtml

    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    parser = lhtml.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                              default_doctype=False)
    try:
        root = lhtml.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(path, f"broken HTML: {exc}", "read.html") from None
    depth = max_depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        max_depth = max(max_depth, depth)
    if max_depth >= int(limits.get("max_depth", 256)) - 1:
        raise ReadError(path, f"HTML nested too deeply ({max_depth} levels)", "read.depth")
    return root


def _classes(el) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


class _Extractor:
    """Walks an element tree and collects lines (see the module docstring)."""

    def __init__(self, generic: bool = False):
        self.generic = generic
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.lineno: int | None = None
        self.pending: int | None = None
        self.row: list[str] | None = None  # cells of the table row being read
        self.cell: list[str] | None = None  # text of the cell being read
        self.row_el = self.cell_el = None
        self.row_line: int | None = None

    # text sinks -------------------------------------------------------
    def add(self, text: str | None, lineno: int | None) -> None:
        if not text:
            return
        if self.cell is not None:
            self.cell.append(text)
            return
        if self.row is not None:  # text between cells: ignore layout whitespace
            return
        if not self.parts and not text.strip():
            return
        if not self.parts:
            self.lineno = self.pending or lineno
        self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            text = _WS.sub(" ", "".join(self.parts)).strip()
            if text:
                self.lines.append(Line(text=text, lineno=self.lineno or 1))
        self.parts = []
        self.lineno = None

    def separate(self) -> None:
        """A block boundary inside a table cell: a space, not a new line."""
        if self.cell is not None:
            self.cell.append(" ")

    # decisions ----------------------------------------------------------
    def skipped(self, el) -> bool:
        tag = el.tag
        if tag in SKIP_TAGS:
            return True
        if _HIDDEN_STYLE.search(el.get("style") or "") or el.get("hidden") is not None:
            return True
        # a tooltip's note (thuvienphapluat.vn's <span class="lqhlTootip-1">), not a bookmark
        # anchor that holds the text itself (<a name="dieu_2" class="…Tootip…"><b>Điều 2. …</b>)
        if _TOOLTIP_CLASS.search(el.get("class") or "") and not (tag == "a" and el.get("name")):
            return True
        if self.generic and (tag in GENERIC_SKIP_TAGS or el.get("role") in ("navigation", "banner")
                             or _NAV_NAME.search(_classes(el))):
            return True
        return False

    @staticmethod
    def data_table(table) -> bool:
        """A table whose rows are records (header table, annex table), not page layout: no cell
        holds many paragraphs, much text, or paragraphs one of which opens an article or chapter
        (a page's layout table, or a cell left open that swallowed the rest of the law)."""
        for cell in table.iter("td", "th"):
            blocks = [e for e in cell.iter("p", "div", "li", "br", "tr") if e is not cell]
            if len(blocks) > 6 or len(cell.text_content()) > 1500:
                return False
            if len(blocks) > 1 and any(_OPENS_UNIT.match(unicodedata.normalize("NFC", "".join(e.itertext())))
                                       for e in blocks):
                return False
        return True

    # walk -----------------------------------------------------------------
    def run(self, root, skip=()) -> list[Line]:
        walker = etree.iterwalk(root, events=("start", "end"))
        layout_tables: set = set()  # elements (kept alive, so identity is stable)
        skipped = set(skip)
        for event, el in walker:
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.lower()
            if event == "end":
                self._end(el, tag)
                if el is not root:
                    self.add(el.tail, el.sourceline)
            elif el is not root and (el in skipped or self.skipped(el)):
                walker.skip_subtree()
                el.set("data-lawscan-skip", "1")
            else:
                if tag == "table" and self.row is None and not self.data_table(el):
                    layout_tables.add(el)
                self._start(el, tag, layout_tables)
                self.add(el.text, el.sourceline)
        self.flush()
        return self.lines

    def _start(self, el, tag: str, layout_tables: set) -> None:
        """An element opens: a table row of a data table, one of its cells, a line break or a
        block (a new line, or a space inside a row)."""
        if tag == "tr" and self.row is None and not self._in_layout(el, layout_tables) \
                and sum(1 for c in el if c.tag in ("td", "th")) > 1:  # one cell: plain blocks
            self.flush()
            self.row, self.row_el, self.row_line = [], el, el.sourceline
        elif tag in ("td", "th") and self.row is not None and self.cell is None:
            self.cell, self.cell_el = [], el
        elif tag == "br":
            if self.cell is not None:
                self.cell.append(" ")
            elif self.row is None:
                self.flush()
                self.pending = el.sourceline
        elif tag in BLOCK_TAGS:
            if self.row is not None:
                self.separate()
            else:
                self.flush()
                self.pending = el.sourceline

    def _end(self, el, tag: str) -> None:
        """An element closes: a skipped one is unmarked, a cell or row is written out, a block
        ends its line."""
        if el.get("data-lawscan-skip"):
            del el.attrib["data-lawscan-skip"]
        elif el is self.cell_el:
            self.row.append(_WS.sub(" ", "".join(self.cell)).strip())
            self.cell = self.cell_el = None
        elif el is self.row_el:
            cells = [c for c in self.row if c]
            if cells:
                self.lines.append(Line(text=" | ".join(cells), lineno=self.row_line or 1))
            self.row = self.row_el = None
        elif tag in BLOCK_TAGS and self.row is None:
            self.flush()
            self.pending = None
        elif tag in BLOCK_TAGS:
            self.separate()

    def _in_layout(self, tr, layout_tables) -> bool:
        table = next((a for a in tr.iterancestors("table")), None)
        return table is None or table in layout_tables


# ---------------------------------------------------------------- site specifics

_LAW_HEADING = None


def _law_heading_re():
    global _LAW_HEADING
    if _LAW_HEADING is None:
        from lawscan.read.encoding import vietnamese

        words = sorted(vietnamese()["law_markers"], key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        _LAW_HEADING = re.compile(rf"^\W*(?:{alt})\b", re.IGNORECASE)
    return _LAW_HEADING


def _annotation_re():
    from lawscan.read.encoding import vietnamese

    return re.compile("|".join(re.escape(p) for p in vietnamese()["annotation_phrases"]), re.IGNORECASE)


def strip_annotations(text: str) -> tuple[str, list[str]]:
    """Remove bracketed editorial notes (nested brackets allowed) that contain one of the
    annotation phrases; gives the cleaned text and the notes removed."""
    phrases = _annotation_re()
    notes: list[str] = []
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == "[":
            depth, j = 0, i
            while j < n:
                if text[j] == "[":
                    depth += 1
                elif text[j] == "]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j < n and phrases.search(text, i, j):
                notes.append(text[i:j + 1])
                i = j + 1
                continue
        out.append(text[i])
        i += 1
    cleaned = re.sub(r"\s{2,}", " ", "".join(out)).strip() if notes else text
    return cleaned, notes


def _properties(root) -> dict:
    """Label/value pairs of vbpl.vn's attribute boxes (div.vbInfo list items, div.vbProperties
    table rows)."""
    props: dict[str, str] = {}
    for box in root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " vbInfo ")'
                          ' or contains(concat(" ", normalize-space(@class), " "), " vbProperties ")]'):
        for li in box.iter("li"):
            text = _WS.sub(" ", li.text_content()).strip()
            if ":" in text:
                key, value = text.split(":", 1)
                if key.strip() and value.strip():
                    props[key.strip()] = value.strip()
        for tr in box.iter("tr"):
            cells = [_WS.sub(" ", c.text_content()).strip() for c in tr if c.tag in ("td", "th")]
            for k in range(0, len(cells) - 1, 2):
                key = cells[k].rstrip(":").strip()
                if key and cells[k + 1]:
                    props[key] = cells[k + 1]
    return props


def _vbpl_body(root):
    nodes = root.xpath('//*[@id="toanvancontent"]')
    if not nodes:
        nodes = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " toanvancontent ")]')
    if not nodes:
        return None, []
    body = nodes[0]
    parent = body.getparent()
    # the header tables (QUỐC HỘI / Số: … / date) stand just before the body in the same box
    extra = []
    if parent is not None:
        for sib in body.itersiblings(preceding=True):
            if isinstance(sib.tag, str) and len(sib.text_content()) < 3000:
                extra.insert(0, sib)
    return body, extra


def _tvpl_body(root):
    for xpath in ('//*[@id="divContentDoc"]//div[contains(concat(" ", normalize-space(@class), " "), " content1 ")]',
                  '//div[contains(concat(" ", normalize-space(@class), " "), " content1 ")]',
                  '//*[@id="divContentDoc"]'):
        nodes = [n for n in root.xpath(xpath)
                 if not any("ContentDocEn" in (a.get("class") or "") for a in n.iterancestors())]
        if nodes:
            return nodes[0]
    return None


def _generic_body(root):
    for xpath in ("//main", "//article", '//*[@role="main"]', "//body"):
        nodes = root.xpath(xpath)
        if nodes:
            return max(nodes, key=lambda n: len(n.text_content()))
    return root


def read_html(path: str, text: str, flavour: str, encoding: str | None, limits: dict) -> Source:
    root = parse_html(path, text, limits)
    source = Source(path=path, format=flavour, encoding=encoding)
    titles = root.xpath("//title")
    if titles and titles[0].text_content().strip():
        source.meta["html_title"] = _WS.sub(" ", titles[0].text_content()).strip()

    body, extra = None, []
    if flavour == "html-vbpl":
        body, extra = _vbpl_body(root)
        props = _properties(root)
        if props:
            source.meta["properties"] = props
    elif flavour == "html-tvpl":
        body = _tvpl_body(root)
    if body is None:
        if flavour != "html":
            source.problems.append(Problem("read.html_layout", f"no {flavour[5:]} text container found; "
                                           "read as ordinary HTML", severity="warning"))
            source.format = flavour = "html"
        body = _generic_body(root)

    lines: list[Line] = []
    for el in extra:
        lines.extend(_Extractor().run(el))
    lines.extend(_Extractor(generic=flavour == "html").run(body))

    if flavour == "html-tvpl":
        for line in lines:
            if "[" in line.text:
                cleaned, notes = strip_annotations(line.text)
                if notes:
                    line.raw = line.text
                    line.text = cleaned
                    for note in notes:
                        short = note if len(note) <= 160 else note[:157] + "…"
                        source.problems.append(Problem("read.annotation", f"editorial note removed: {short}",
                                                       line=line.lineno, severity="info"))
    source.lines = [ln for ln in lines if ln.text]
    if len(source.lines) > int(limits.get("max_lines", 2_000_000)):
        raise ReadError(path, f"too many lines ({len(source.lines)})", "read.too_large")
    heading = _law_heading_re()
    if not any(heading.match(ln.text) for ln in source.lines):
        where = "the law's text container" if flavour != "html" else "the page"
        raise ReadError(path, f"HTML page without law text: no heading (Điều, Chương, Article…) in {where}",
                        "read.no_text")
    return source
