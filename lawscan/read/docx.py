"""Reader for Word .docx files: takes a path (or the file's bytes), gives a :class:`Source`
with ``format="docx"``.

What it gives
* One :class:`Line` per paragraph, in body order. ``Line.lineno`` is the 1-based number of the
  paragraph (``w:p``) in the order the body is walked: top-level paragraphs and the paragraphs of
  table cells (row by row, cell by cell, nested tables in place), content controls included.
  Every paragraph gets a number, also empty, skipped (table of contents) or dropped ones, so
  the numbers stay the same whatever is skipped; :func:`paragraph_elements` gives the
  paragraphs of a body in that order. Paragraphs of notes, headers, text boxes and deleted
  blocks (``w:del`` around paragraphs) are not numbered. A line break (``w:br``, ``w:cr``) splits a
  paragraph into several Lines with the same ``lineno``. Tabs become spaces.
* Text of runs, also inside hyperlinks, smart tags, custom XML, simple and complex fields (the
  shown result, not the instruction) and content controls (``w:sdt``); inserted text
  (``w:ins``, ``w:moveTo``) is taken, deleted text (``w:del``, ``w:moveFrom``) and hidden text
  (``w:vanish``) are not. Text boxes and drawings are not read (a warning Problem
  ``read.docx.textbox`` counts those that hold text).
* ``Line.raw`` is the paragraph's text as stored in the file; ``Line.text`` is what the paragraph
  shows: the label of Word's automatic numbering prefixed ("Điều 5. ", "2. ", "a) ") and the
  reference marks of notes removed.

Automatic numbering
  A paragraph whose label comes from a Word list (``w:numPr`` directly or through its style)
  has no label in its text. The label is rebuilt by running Word's counters: counters belong to
  the abstract list (``w:abstractNum``), so lists that share it continue each other unless a
  ``w:num`` restarts a level with ``w:lvlOverride/w:startOverride`` (applied the first time that
  ``numId`` is used); a level restarts when a higher level is used (or as ``w:lvlRestart`` says);
  ``%1``..``%9`` in ``w:lvlText`` are the counters of the levels, written in their ``w:numFmt``.
  Letters are Word's letters (a b c d e f ...), not the Vietnamese điểm alphabet
  (a b c d đ e g h ...): the reader gives what Word prints, so that a draft whose Word list
  would print "e)" where the law needs "đ)" can be found by a later rule. For that,
  ``Source.meta["numbering"]`` lists every rebuilt label as
  ``{"line", "label", "format", "level"}``, and one info Problem ``read.docx.auto_numbering``
  says labels came from automatic numbering.

Tables of contents
  Paragraphs inside a TOC field, a "Table of Contents" content control, paragraphs in TOC
  styles (``TOC1``.., "toc 1"..), and runs of three or more paragraphs that end in a tab or dot
  leader and a page number are not emitted (they would double every heading). One info Problem
  ``read.docx.toc_skipped`` names the lines.

Notes
  Footnotes and endnotes (``word/footnotes.xml``, ``word/endnotes.xml``) are not inlined: their
  reference marks are dropped and their texts are kept in ``Source.meta["footnotes"]`` as
  ``{"id", "text", "kind"}`` (kind ``footnote`` | ``endnote`` | ``trailing``). "trailing" notes
  are the notes of consolidated texts exported as plain paragraphs at the end of the body
  ("[1] Luật số ...", "[2] ..."), recognised when the body before them carries the same "[n]"
  marks; they are moved out of the body and their marks removed from ``Line.text``.

Safety
  The file must be a zip with ``word/document.xml``. Refused with :class:`ReadError` (one line,
  naming the problem): empty files, old binary .doc / encrypted files (OLE container), files that
  are not zips, truncated or corrupt zips, encrypted members, zips whose declared uncompressed
  size or compression ratio is too large (zip bombs; checked from the zip directory before
  anything is decompressed, and every member is read with a cap), a member named twice, XML
  that is not well formed or carries a DOCTYPE. XML is parsed with lxml,
  ``resolve_entities=False, no_network=True``. The parts read (document, numbering, styles,
  notes) may unzip to at most ``max_xml_bytes`` together: parsed, a byte of WordprocessingML
  takes up to 20 bytes of memory (one-letter paragraphs), so this bounds the memory a .docx
  can ask for whatever its size. Word's list numbering is read within Word's own bounds (start
  values up to 32767, letters up to 780, level texts of 64 characters).

``limits`` keys (all optional): ``max_bytes`` (size of the .docx, default 64 MiB),
``max_uncompressed_bytes`` (sum of the declared sizes of all members, default 200 MB),
``max_compression_ratio`` (per member bigger than 1 MiB, and the parts read together, default
100), ``max_xml_bytes`` (the parts read, unzipped, default 12 MiB; the corpus's largest is
5.2 MB). The names of :mod:`lawscan.read.limits`, ``max_zip_bytes`` and ``max_zip_ratio``, set
the same two limits.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source

DEFAULT_LIMITS = {
    "max_bytes": 64 * 1024 * 1024,
    "max_uncompressed_bytes": 200 * 1000 * 1000,
    "max_compression_ratio": 100,
    "max_xml_bytes": 12 * 1024 * 1024,
}
RATIO_MIN_MEMBER = 1024 * 1024  # tiny members may compress very well without harm

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT_PART = "word/document.xml"
PARTS = (("document", DOCUMENT_PART), ("numbering", "word/numbering.xml"), ("styles", "word/styles.xml"),
         ("footnotes", "word/footnotes.xml"), ("endnotes", "word/endnotes.xml"))
# Word's own bounds on list numbering: a start value is at most 32767 (its dialog refuses more),
# letters run to 780 ("zz…z", 30 letters); a level's text is a few characters ("Điều %1.")
MAX_NUMBER = 32767
MAX_LETTERS = 780
MAX_LEVEL_TEXT = 64
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

TOC_STYLE_RE = re.compile(r"^(toc ?\d|toc ?heading|table of contents)$", re.IGNORECASE)
PAGE_TAIL_RE = re.compile(r"(\t|\.{4,}|…{2,})\s*\d{1,4}\s*$")
NOTE_START_RE = re.compile(r"^\s*\[(\d{1,4})\]")
NOTE_MARK_RE = re.compile(r"\S\s*\[(\d{1,4})\]")
MAX_NOTE_TRIES = 16

# Word numFmt values written as letters or Roman numerals; anything else falls back to decimal.
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def read_docx(path: str, data: bytes | None = None, limits: dict | None = None) -> Source:
    """Read a .docx (from ``data`` when given, else from ``path``) into a :class:`Source`.
    Raises :class:`ReadError` with a one-line reason for anything that is not a readable .docx;
    no other exception escapes."""
    lim = dict(DEFAULT_LIMITS)
    for common, own in (("max_zip_ratio", "max_compression_ratio"),  # names of read.limits
                        ("max_zip_bytes", "max_uncompressed_bytes")):
        if (limits or {}).get(common) is not None:
            lim[own] = limits[common]
    lim.update({k: v for k, v in (limits or {}).items() if v is not None})
    try:
        if data is None:
            from lawscan.read.limits import read_bytes  # refuses pipes, devices, too large files

            data = read_bytes(path, lim)
        elif len(data) > lim["max_bytes"]:
            raise ReadError(path, f"file too large ({len(data)} bytes, limit {lim['max_bytes']})",
                            "input.too_large")
        parts = _open_parts(path, data, lim)
        return _build_source(path, parts)
    except ReadError:
        raise
    except Exception as exc:  # a reader never lets anything else escape
        raise ReadError(path, f"cannot read .docx: {type(exc).__name__}: {exc}".splitlines()[0],
                        "input.docx") from exc


# --------------------------------------------------------------------------- zip and XML safety

def _open_parts(path: str, data: bytes, lim: dict) -> dict:
    """Check the container and give the parsed XML parts the reader needs
    (document, and when present numbering, styles, footnotes, endnotes)."""
    if not data:
        raise ReadError(path, "empty file", "input.empty")
    if data.startswith(OLE_MAGIC):
        raise ReadError(path, "this is an old binary .doc or an encrypted file; save it as .docx",
                        "input.docx_ole")
    if not data.startswith(b"PK"):
        raise ReadError(path, "not a .docx file (not a zip container)", "input.docx_not_zip")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError,
            NotImplementedError) as exc:
        raise ReadError(path, f"truncated or corrupt .docx (zip): {exc}", "input.docx_corrupt") from exc
    names = {i.filename: i for i in infos}
    if len(names) != len(infos):
        twice = sorted({i.filename for i in infos if sum(j.filename == i.filename for j in infos) > 1})
        raise ReadError(path, f"the zip holds {', '.join(twice[:3])} more than once (a tampered "
                              "file: which one Word would open is not defined); refused",
                        "input.docx_duplicate")
    if DOCUMENT_PART not in names:
        raise ReadError(path, f"zip without {DOCUMENT_PART}: not a Word document",
                        "input.docx_not_word")
    total = sum(i.file_size for i in infos)
    if total > lim["max_uncompressed_bytes"]:
        raise ReadError(path, f"zip bomb suspected: declared uncompressed size {total} bytes "
                              f"exceeds the limit of {lim['max_uncompressed_bytes']}",
                        "input.docx_bomb")
    for info in infos:
        if info.file_size > RATIO_MIN_MEMBER:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > lim["max_compression_ratio"]:
                raise ReadError(path, f"zip bomb suspected: {info.filename} expands {ratio:.0f}:1 "
                                      f"(limit {lim['max_compression_ratio']:g}:1, --max-zip-ratio)",
                                "input.docx_bomb")
    wanted = {key: names[name] for key, name in PARTS if name in names}
    unzipped = sum(i.file_size for i in wanted.values())
    ratio = unzipped / max(sum(i.compress_size for i in wanted.values()), 1)
    if unzipped > lim["max_xml_bytes"]:
        raise ReadError(path, f"too large once unzipped: its text parts take {unzipped} bytes "
                              f"(the limit is {lim['max_xml_bytes']}, --max-unzipped-size)", "input.docx_too_large")
    if unzipped > RATIO_MIN_MEMBER and ratio > lim["max_compression_ratio"]:
        # members each under the per-member floor but together large (numbering, styles…)
        raise ReadError(path, f"zip bomb suspected: the parts read expand {ratio:.0f}:1 together "
                              f"(limit {lim['max_compression_ratio']:g}:1, --max-zip-ratio)",
                        "input.docx_bomb")
    parts = {}
    for key, info in wanted.items():
        name = info.filename
        raw = _read_member(path, zf, info)
        parts[key] = _parse_xml(path, name, raw)
        if key == "document":
            parts["no_properties"] = _has_no_properties(raw)
    return parts


_XML_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml\s[^<>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")


def _has_no_properties(raw: bytes) -> bool:
    """True when the document part is proved to hold no w:pStyle, w:numPr or w:vanish: it is
    UTF-8 (declared or by default) and those names are not in its bytes (an XML name is always
    written out, and in UTF-8 its ASCII letters are those bytes). The walker then skips its
    search for them (see _Walker.walk)."""
    decl = _XML_DECLARATION.match(raw)
    if decl is None:
        return False
    encoding = _DECLARED_ENCODING.search(decl.group())
    if encoding is not None and encoding.group(1).lower() != b"utf-8":
        return False
    return b"pStyle" not in raw and b"numPr" not in raw and b"vanish" not in raw


def _read_member(path: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.flag_bits & 0x1:
        raise ReadError(path, f"{info.filename} is encrypted; save the document without a password",
                        "input.docx_encrypted")
    cap = info.file_size
    try:
        with zf.open(info) as fh:
            chunks, got = [], 0
            while True:
                chunk = fh.read(min(1 << 20, cap + 1 - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                if got > cap:
                    raise ReadError(path, f"{info.filename} is larger than its zip directory says",
                                    "input.docx_bomb")
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ReadError(path, f"truncated or corrupt .docx: {info.filename}: {exc}",
                        "input.docx_corrupt") from exc
    return b"".join(chunks)


def _parse_xml(path: str, name: str, raw: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"{name} is not well-formed XML: {exc}".splitlines()[0],
                        "input.docx_corrupt") from exc
    if root is None:
        raise ReadError(path, f"{name} is empty", "input.docx_corrupt")
    if root.getroottree().docinfo.doctype:
        raise ReadError(path, f"{name} declares a DOCTYPE, which Word never writes; refused",
                        "input.docx_hostile")
    return root


# --------------------------------------------------------------------------- numbering

@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (None = after any higher level)
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass
class _Num:
    abstract: str
    start_overrides: dict = field(default_factory=dict)  # ilvl -> start
    level_overrides: dict = field(default_factory=dict)  # ilvl -> _Level


class _Numbering:
    """Word's list counters, run paragraph by paragraph in document order."""

    def __init__(self, root, w: str, styles: "_Styles | None" = None):
        self.w = w
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used_nums: set[str] = set()
        if root is None:
            return
        q = lambda tag: f"{{{w}}}{tag}"  # noqa: E731
        style_links = {}  # abstractNum defined by a list style (w:numStyleLink) -> style id
        for ab in root.iter(q("abstractNum")):
            ab_id = ab.get(q("abstractNumId"), "")
            self.abstracts[ab_id] = {
                int(lvl.get(q("ilvl"), "0")): self._level(lvl) for lvl in ab.findall(q("lvl"))}
            link = ab.find(q("numStyleLink"))
            if link is not None:
                style_links[ab_id] = link.get(q("val"), "")
        for num in root.iter(q("num")):
            ab_id = num.find(q("abstractNumId"))
            if ab_id is None:
                continue
            n = _Num(ab_id.get(q("val"), ""))
            for ov in num.findall(q("lvlOverride")):
                ilvl = int(ov.get(q("ilvl"), "0"))
                so = ov.find(q("startOverride"))
                if so is not None:
                    n.start_overrides[ilvl] = _int(so.get(q("val")), 1)
                lvl = ov.find(q("lvl"))
                if lvl is not None:
                    n.level_overrides[ilvl] = self._level(lvl)
            self.nums[num.get(q("numId"), "")] = n
        # A list-style link: the levels (and the counters) are those of the list the style uses.
        for num in self.nums.values():
            link = style_links.get(num.abstract)
            target = styles.num.get(link, (None, None))[0] if styles and link else None
            if target in self.nums and self.nums[target].abstract not in style_links:
                num.abstract = self.nums[target].abstract

    def _level(self, el) -> _Level:
        q = lambda tag: f"{{{self.w}}}{tag}"  # noqa: E731

        def val(tag):
            child = el.find(q(tag))
            return None if child is None else child.get(q("val"))

        restart = val("lvlRestart")
        legal = el.find(q("isLgl"))
        return _Level(start=_int(val("start"), 1), fmt=val("numFmt") or "decimal",
                      text=(val("lvlText") or "")[:MAX_LEVEL_TEXT],
                      restart=None if restart is None else _int(restart, 0),
                      suffix=val("suff") or "tab",
                      legal=legal is not None and legal.get(q("val"), "1") not in ("0", "false"),
                      style=val("pStyle"))

    def levels(self, num_id: str) -> dict[int, _Level]:
        num = self.nums.get(num_id)
        if num is None:
            return {}
        levels = dict(self.abstracts.get(num.abstract, {}))
        levels.update(num.level_overrides)
        return levels

    def level_for_style(self, num_id: str, style_id: str) -> int:
        for ilvl, lvl in self.levels(num_id).items():
            if lvl.style == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (num_id, ilvl); give (label with its suffix, numFmt) or None."""
        num = self.nums.get(num_id)
        levels = self.levels(num_id)
        if num is None or ilvl not in levels:
            return None
        counters = self.counters.setdefault(num.abstract, {})
        if num_id not in self.used_nums:
            self.used_nums.add(num_id)
            for lv, start in num.start_overrides.items():
                counters[lv] = start - 1  # the next use prints ``start``
        lvl = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lvl.start
        for deeper in range(ilvl + 1, 10):
            dl = levels.get(deeper)
            restart_after = deeper if dl is None or dl.restart is None else dl.restart
            if ilvl < restart_after:
                counters.pop(deeper, None)
        if lvl.fmt == "none":
            text = re.sub(r"%\d", "", lvl.text)
        else:
            def sub(m):
                k = int(m.group(1)) - 1
                other = levels.get(k, _Level())
                value = counters.get(k, other.start)
                fmt = "decimal" if lvl.legal and k != ilvl else other.fmt
                if fmt == "bullet":
                    fmt = "decimal"
                return _format_number(value, fmt)
            text = lvl.text if lvl.fmt == "bullet" else re.sub(r"%([1-9])", sub, lvl.text)
            if lvl.fmt == "bullet" and (not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text)):
                text = "•"  # symbol-font bullets live in the private use area
        text = text.strip()
        if not text:
            return None
        return text + ("" if lvl.suffix == "nothing" else " "), lvl.fmt


def _int(value, default: int) -> int:
    """A number of numbering.xml, within Word's bounds (0 to MAX_NUMBER)."""
    try:
        return min(max(int(value), 0), MAX_NUMBER)
    except (TypeError, ValueError):
        return default


def _int_hex(value) -> int:
    try:
        return int(value, 16)
    except (TypeError, ValueError):
        return 0


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out = ""
        for n, sym in ROMAN:
            while value >= n:
                out += sym
                value -= n
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < value <= MAX_LETTERS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word: y z aa bb
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# --------------------------------------------------------------------------- styles

class _Styles:
    """Paragraph styles: names (to spot TOC styles) and numbering inherited through basedOn."""

    def __init__(self, root, w: str):
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.default_para: str | None = None
        self._numbering: dict = {}  # style id -> numbering(style id)
        if root is None:
            return
        q = lambda tag: f"{{{w}}}{tag}"  # noqa: E731
        for st in root.iter(q("style")):
            sid = st.get(q("styleId"), "")
            name = st.find(q("name"))
            self.names[sid] = name.get(q("val"), sid) if name is not None else sid
            based = st.find(q("basedOn"))
            if based is not None:
                self.based_on[sid] = based.get(q("val"), "")
            if st.get(q("type")) == "paragraph" and st.get(q("default")) in ("1", "true"):
                self.default_para = sid
            numpr = st.find(f"{q('pPr')}/{q('numPr')}")
            if numpr is not None:
                num_id = numpr.find(q("numId"))
                ilvl = numpr.find(q("ilvl"))
                self.num[sid] = (None if num_id is None else num_id.get(q("val")),
                                 None if ilvl is None else _int(ilvl.get(q("val")), 0))

    def is_toc(self, sid: str | None) -> bool:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if TOC_STYLE_RE.match(sid) or TOC_STYLE_RE.match(self.names.get(sid, "")):
                return True
            sid = self.based_on.get(sid)
        return False

    def numbering(self, sid: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style that carries it) inherited by a paragraph style; worked out once
        per style (most paragraphs ask for the default style)."""
        found = self._numbering.get(sid)
        if found is None:
            found = self._numbering[sid] = self._inherited_numbering(sid)
        return found

    def _inherited_numbering(self, sid: str | None) -> tuple[str | None, int | None, str | None]:
        seen = set()
        sid = sid or self.default_para
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                num_id, ilvl = self.num[sid]
                return num_id, ilvl, sid
            sid = self.based_on.get(sid)
        return None, None, None


# --------------------------------------------------------------------------- body walk

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


@dataclass
class _Para:
    lineno: int
    raw: str  # text as stored (tabs kept as \t, breaks as \n)
    label: str = ""
    fmt: str = ""
    level: int = 0
    toc: bool = False
    in_table: bool = False


class _Walker:
    """Walks the body in order, numbering paragraphs and collecting their text. Call
    :meth:`walk` with the body (or a note); :meth:`block` called alone gives the same text,
    only slower (it looks at the properties of every paragraph and run)."""

    def __init__(self, w: str, numbering: _Numbering, styles: _Styles):
        self.w = w
        self.numbering = numbering
        self.styles = styles
        self.paras: list[_Para] = []
        self.fields: list[dict] = []  # complex fields open across runs and paragraphs
        self.lineno = 0
        self.tables = 0
        self.textboxes = 0  # text boxes / shapes holding text, which are not read
        self.alt_chunks = 0  # w:altChunk: another document (HTML, RTF, .docx) imported whole
        self._tags: dict = {}  # element tag -> short name (see tag)
        self.q = {name: f"{{{w}}}{name}" for name in  # short name -> "{w-namespace}name"
                  ("pPr", "pStyle", "numPr", "numId", "ilvl", "val", "rPr", "vanish")}
        # Paragraphs and runs whose properties may matter, found by walk; the others are not
        # searched. None (walk not called): search the properties of every one.
        self.with_props: set | None = None
        self.elements: list | None = None  # a list: every numbered w:p is kept (see paragraph_elements)

    def walk(self, root, no_properties: bool = False) -> None:
        """Read the block content of ``root``. First, one pass in lxml finds every style,
        numbering and hidden mark (w:pStyle, w:numPr, w:vanish) and keeps the element two levels
        up (the paragraph of a w:pPr, the run of a w:rPr): only those paragraphs and runs have
        their properties looked at. Most paragraphs have none of the three, and searching their
        properties one by one cost more than the rest of the walk. ``no_properties``: the
        caller has proved there are none (see _has_no_properties), so the pass is skipped."""
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
        self.lineno += 1
        if self.elements is not None:
            self.elements.append(p)
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
                ilvl = _int(i.get(q["val"]), 0) if i is not None else None
        if num_id is None:
            s_num, s_ilvl, s_style = self.styles.numbering(style_id)
            if s_num is not None:
                num_id = s_num
                ilvl = s_ilvl if s_ilvl is not None else self.numbering.level_for_style(s_num, s_style)
        toc_field_before = bool(self.fields) and self._in_toc_field()
        parts: list[str] = []
        saw_toc_field = self._inline(p, parts)
        para = _Para(self.lineno, "".join(parts), in_table=in_table)
        para.toc = toc or toc_field_before or saw_toc_field or self.styles.is_toc(style_id)
        if num_id not in (None, "0"):
            got = self.numbering.next_label(num_id, ilvl or 0)
            if got:
                para.label, para.fmt = got
                para.level = ilvl or 0
        self.paras.append(para)

    def _note_textbox(self, el) -> None:
        w = self.w
        for box in el.iter(f"{{{w}}}txbxContent"):
            if any((t.text or "").strip() for t in box.iter(f"{{{w}}}t")):
                self.textboxes += 1
                return

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
                self._note_textbox(child)
            elif t == "p":  # a paragraph nested in an inline sdt: keep it on its own line
                parts.append(BREAK)
                saw_toc |= self._inline(child, parts)
            # del, moveFrom, pPr, bookmarks, comments: nothing shown
        return saw_toc

    def _run(self, r, parts: list[str]) -> bool:
        w = self.w
        q = self.q
        tags = self._tags
        saw_toc = False
        with_props = self.with_props
        rpr = _properties(r, q["rPr"]) if with_props is None or r in with_props else None
        hidden = False
        if rpr is not None:
            v = _child(rpr, q["vanish"])
            hidden = v is not None and v.get(q["val"], "1") not in ("0", "false", "off")
        for child in r:
            t = tags.get(child.tag)
            if t is None:
                t = self.tag(child)
            if t == "fldChar":
                kind = child.get(f"{{{w}}}fldCharType")
                if kind == "begin":
                    self.fields.append({"instr": "", "result": False})
                elif kind == "separate" and self.fields:
                    self.fields[-1]["result"] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if t == "instrText":
                if self.fields and not self.fields[-1]["result"]:
                    self.fields[-1]["instr"] += child.text or ""
                    if self.fields[-1]["instr"].strip().upper().startswith("TOC"):
                        saw_toc = True
                continue
            if hidden or (self.fields and not self.fields[-1]["result"]):
                continue  # hidden text, or a field's instruction part
            if t == "t":
                parts.append(child.text or "")
            elif t in ("tab", "ptab"):
                parts.append("\t")
            elif t in ("br", "cr"):
                parts.append(BREAK)
            elif t == "noBreakHyphen":
                parts.append("-")
            elif t == "sym":
                ch = _int_hex(child.get(f"{{{w}}}char"))
                if ch and not 0xE000 <= ch <= 0xF8FF:  # symbol-font glyphs are not text
                    parts.append(chr(ch))
            elif t in ("m:oMath", "m:t"):
                parts.append(child.text or "")
            elif t in ("drawing", "pict", "object", "?AlternateContent"):
                self._note_textbox(child)
            # footnoteReference, endnoteReference, footnoteRef, separators, drawings: not text
        return saw_toc


def paragraph_elements(body) -> list:
    """The ``w:p`` elements of a document body (an lxml element, e.g. python-docx's
    ``Document.element.body``) in the order this reader numbers them: element ``k - 1`` is the
    paragraph of ``Line.lineno`` ``k`` (top-level paragraphs and those of table cells, nested
    tables and content controls in place, empty, hidden and table-of-contents ones too). Findings
    are put back on their paragraph with it (lawscan.drafting.annotate)."""
    tag = body.tag if isinstance(body.tag, str) else ""
    ns = tag[1:].partition("}")[0] if tag.startswith("{") else ""
    w = ns if ns in (W_TRANSITIONAL, W_STRICT) else W_TRANSITIONAL
    walker = _Walker(w, _Numbering(None, w), _Styles(None, w))
    walker.elements = []
    walker.walk(body)
    return walker.elements


# --------------------------------------------------------------------------- notes

def _notes(root, w: str, kind: str) -> list[dict]:
    if root is None:
        return []
    out = []
    for note in root:
        tag = note.tag if isinstance(note.tag, str) else ""
        if not tag.endswith("}" + kind) or note.get(f"{{{w}}}type") not in (None, "normal"):
            continue
        walker = _Walker(w, _Numbering(None, w), _Styles(None, w))
        walker.walk(note)
        text = "\n".join(_clean(p.raw) for p in walker.paras).strip()
        out.append({"id": note.get(f"{{{w}}}id", ""), "text": text, "kind": kind})
    return out


def _trailing_notes(paras: list[_Para]) -> tuple[int | None, list[dict]]:
    """Find notes exported as plain paragraphs at the end of the body: the first paragraph
    starting "[1]" after which paragraphs start with increasing "[n]", each "[n]" also used
    inside the body before. Gives (index where the notes start, notes) or (None, []).
    Linear in the paragraphs: the marks of the body grow as the search goes, and at most
    MAX_NOTE_TRIES paragraphs starting "[1]" are tried (a real document has one or two)."""
    marks: set[int] = set()  # the [n] marks of paras[:seen]
    seen = tries = 0
    for i, para in enumerate(paras):
        m = NOTE_START_RE.match(para.raw)
        if not m or m.group(1) != "1" or para.in_table or i < len(paras) // 3:
            continue
        tries += 1
        if tries > MAX_NOTE_TRIES:
            break
        for p in paras[seen:i]:
            marks.update(int(x) for x in NOTE_MARK_RE.findall(p.raw))
        seen = i
        if 1 not in marks:
            continue
        notes = _notes_from(paras, i)
        if notes and all(int(n["id"]) in marks for n in notes):
            return i, notes
    return None, []


def _notes_from(paras: list[_Para], start: int) -> list[dict] | None:
    """The notes "[1] …", "[2] …" from ``paras[start]`` on (a paragraph without a number goes on
    the note before), or None when a number is skipped."""
    notes, texts, expected = [], [], 1
    for para in paras[start:]:
        m = NOTE_START_RE.match(para.raw)
        if m and int(m.group(1)) == expected:
            notes.append({"id": m.group(1), "kind": "trailing"})
            texts.append([_clean(para.raw[m.end():]).strip()])
            expected += 1
        elif m and int(m.group(1)) > expected:
            return None
        elif notes:
            part = _clean(para.raw).rstrip()  # as (text + "\n" + part).strip(), without the copies
            if part:
                texts[-1].append(("\n" + part) if any(texts[-1]) else part.lstrip())
    for note, parts in zip(notes, texts):
        note["text"] = "".join(parts)
    return [{"id": n["id"], "text": n["text"], "kind": n["kind"]} for n in notes]


# --------------------------------------------------------------------------- assembling

def _clean(raw: str) -> str:
    return raw.replace("\t", " ")


def _manual_toc(paras: list[_Para]) -> None:
    """Mark runs of >= 3 paragraphs ending in a tab/dot leader and a page number as TOC."""
    run: list[_Para] = []

    def close():
        if len(run) >= 3:
            for p in run:
                p.toc = True
        run.clear()

    for p in paras:
        if p.in_table or p.toc:
            close()
            continue
        if not p.raw.strip():
            continue  # empty paragraphs do not break a run
        tail = p.raw.rstrip()[-1:]
        if tail.isdecimal() and PAGE_TAIL_RE.search(p.raw):  # a page number ends the line
            run.append(p)
        else:
            close()
    close()


def _build_source(path: str, parts: dict) -> Source:
    doc = parts["document"]
    ns = doc.tag[1:].partition("}")[0] if doc.tag.startswith("{") else ""
    w = ns if ns in (W_TRANSITIONAL, W_STRICT) else W_TRANSITIONAL
    body = doc.find(f"{{{w}}}body")
    if body is None:
        raise ReadError(path, f"{DOCUMENT_PART} has no w:body: not a Word document",
                        "input.docx_not_word")
    styles = _Styles(parts.get("styles"), w)
    walker = _Walker(w, _Numbering(parts.get("numbering"), w, styles), styles)
    walker.walk(body, parts.get("no_properties", False))
    paras = walker.paras
    _manual_toc(paras)

    source = Source(path=path, format="docx", encoding="utf-8")
    footnotes = _notes(parts.get("footnotes"), w, "footnote") + _notes(parts.get("endnotes"), w, "endnote")
    start, trailing = _trailing_notes(paras)
    note_marks: set[str] = set()
    if start is not None:
        first, last = paras[start].lineno, paras[-1].lineno
        paras = paras[:start]
        footnotes += trailing
        note_marks = {n["id"] for n in trailing}
        source.problems.append(Problem(
            "read.docx.trailing_notes",
            f"{len(trailing)} notes written at the end of the body (paragraphs {first}-{last}) "
            "were kept apart in meta['footnotes'] and their [n] marks removed", first, "info"))
    mark_re = re.compile(r"\s?\[(\d{1,4})\]") if note_marks else None

    numbering, toc = [], []
    for para in paras:
        if para.toc:
            toc.append(para.lineno)
            continue
        raw = _clean(para.raw)
        text = raw
        if mark_re is not None:
            text = mark_re.sub(lambda m: "" if m.group(1) in note_marks else m.group(0), text)
        if para.label:
            text = para.label + text.lstrip(" ")
            numbering.append({"line": para.lineno, "label": para.label.strip(),
                              "format": para.fmt, "level": para.level})
        if BREAK not in raw and BREAK not in text:  # one line, the usual case
            source.lines.append(Line(text=text, lineno=para.lineno, raw=raw))
            continue
        raws = raw.split(BREAK)
        texts = text.split(BREAK)
        if len(raws) != len(texts):  # cannot happen: labels and marks carry no breaks
            raws = [raw] * len(texts)
        for t, r in zip(texts, raws):
            source.lines.append(Line(text=t, lineno=para.lineno, raw=r))

    if toc:
        source.problems.append(Problem(
            "read.docx.toc_skipped",
            f"a table of contents was skipped ({len(toc)} paragraphs, {toc[0]}-{toc[-1]})",
            toc[0], "info"))
    if numbering:
        formats = sorted({n["format"] for n in numbering})
        source.problems.append(Problem(
            "read.docx.auto_numbering",
            f"{len(numbering)} paragraph labels came from Word automatic numbering "
            f"(formats: {', '.join(formats)}); they were rebuilt and prefixed to the text",
            numbering[0]["line"], "info"))
    if walker.textboxes:
        source.problems.append(Problem(
            "read.docx.textbox",
            f"text in {walker.textboxes} text boxes or shapes was not read", None, "warning"))
    if walker.alt_chunks:
        if not any(line.text.strip() for line in source.lines):
            raise ReadError(path, f"the body is {walker.alt_chunks} embedded document(s) (w:altChunk), "
                                  "which lawscan does not read; open the file in Word and save it "
                                  "as .docx again", "input.docx_altchunk")
        source.problems.append(Problem(
            "read.docx.altchunk",
            f"{walker.alt_chunks} embedded document(s) (w:altChunk: HTML, RTF or another .docx "
            "imported whole) were not read", None, "warning"))
    if footnotes:
        source.meta["footnotes"] = footnotes
    if numbering:
        source.meta["numbering"] = numbering
    source.meta["docx"] = {"paragraphs": walker.lineno, "tables": walker.tables}
    return source
