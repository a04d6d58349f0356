"""Recognising the format of an input file by its content (the extension is only a hint).

``sniff_binary(data)`` looks at the first bytes: "docx" (a zip holding word/document.xml), "pdf",
"doc" (a legacy Word document: an OLE file with a WordDocument stream), "rtf" (Rich Text
Format), "odt" (a zip whose ``mimetype`` is OpenDocument text) or a refusal for other binary
formats (encrypted Office files, spreadsheets, images, archives), or None for text. ``sniff_text(text, suffix)`` looks at decoded text and gives one of
``json | akn | xml | html | mhtml | md | txt`` ("mhtml": a web page saved as one file, whose
MIME headers come first). ``html_flavour(text)`` tells vbpl.vn and
thuvienphapluat.vn pages from other HTML.
"""

from __future__ import annotations

import io
import re
import zipfile

from lawscan.errors import ReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = [
    (b"\x89PNG", "read.binary", "an image (PNG), not a law text"),
    (b"\xff\xd8\xff", "read.binary", "an image (JPEG), not a law text"),
    (b"GIF8", "read.binary", "an image (GIF), not a law text"),
    (b"\x1f\x8b", "read.binary", "a gzip archive, not a law text"),
    (b"7z\xbc\xaf", "read.binary", "a 7-Zip archive, not a law text"),
    (b"Rar!", "read.binary", "a RAR archive, not a law text"),
]
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def sniff_binary(path: str, data: bytes) -> str | None:
    """"docx" for a Word document, "doc" for a legacy binary Word document, "rtf", "odt", "pdf"
    for a PDF, None for anything that may be text; raises ReadError for other binary formats."""
    if data.startswith(b"%PDF-") or path.lower().endswith(".pdf") and b"%PDF-" in data[:1024]:
        return "pdf"  # PDF readers accept some bytes before the header
    if data.startswith(OLE_MAGIC):
        return _ole_kind(path, data)
    if data.startswith(b"{\\rtf"):
        return "rtf"
    for magic, code, reason in _MAGIC:
        if data.startswith(magic):
            raise ReadError(path, reason, code)
    if data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                mimetype = _mimetype(zf) if "mimetype" in names else ""
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                NotImplementedError) as exc:  # NotImplementedError: "zip file version 17.7"
            if path.lower().endswith((".docx", ".docm", ".dotx")):
                return "docx"  # the docx reader gives the precise reason (truncated, corrupt)
            raise ReadError(path, f"a broken zip archive ({exc})", "read.zip") from None
        if "word/document.xml" in names:
            return "docx"
        if mimetype:
            return _opendocument_kind(path, mimetype)
        raise ReadError(path, "a zip archive that is not a Word .docx (no word/document.xml)", "read.zip")
    return None


def _mimetype(zf: zipfile.ZipFile) -> str:
    """The ``mimetype`` member of an OpenDocument zip (its first 200 bytes, as text)."""
    with zf.open("mimetype") as fh:
        return fh.read(200).decode("ascii", "replace").strip()


def _opendocument_kind(path: str, mimetype: str) -> str:
    """"odt" for an OpenDocument text; another OpenDocument file (a spreadsheet, a
    presentation) is refused."""
    if mimetype == "application/vnd.oasis.opendocument.text":
        return "odt"
    kind = mimetype.rsplit(".", 1)[-1] if mimetype.startswith("application/vnd.oasis.opendocument.") else ""
    raise ReadError(path, f"an OpenDocument file that is not a text ({kind or mimetype[:60] or 'no type'})",
                    "read.binary")


def _ole_kind(path: str, data: bytes) -> str:
    """An OLE compound file: "doc" when it holds a WordDocument stream (the stream names are
    stored in UTF-16 in its directory); an encrypted .docx or another Office file is refused."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ReadError(path, "an encrypted (password-protected) Word file; save a copy without a "
                              "password", "read.encrypted")
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    raise ReadError(path, "an old Office file that is not a Word document (Excel, PowerPoint, ...)",
                    "read.binary")


_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|br|span|font|h[1-6])[\s/>]",
                       re.IGNORECASE)
_XML_ROOT = re.compile(r"<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)[\s/>]")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
# An MHTML archive's header block, before its first blank line: "MIME-Version: 1.0" and a
# multipart/related (or a lone text/html) Content-Type. Chrome's starts "From: <Saved by
# Blink>", Word's "MIME-Version: 1.0".
_HEADER_END = re.compile(r"\r?\n\r?\n")
_MIME_VERSION = re.compile(r"^mime-version[ \t]*:", re.IGNORECASE | re.MULTILINE)
_MIME_PAGE = re.compile(r"^content-type[ \t]*:[ \t]*(?:multipart/related|text/html)\b",
                        re.IGNORECASE | re.MULTILINE)


def _first_element(text: str) -> str | None:
    """Local name of the first element of an XML/HTML text (after prolog, comments, doctype)."""
    pos = 0
    n = len(text)
    while pos < n:
        pos = text.find("<", pos)
        if pos < 0:
            return None
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            pos = n if end < 0 else end + 3
        elif text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            pos = n if end < 0 else end + 2
        elif text.startswith("<!", pos):
            depth, i = 0, pos
            while i < n:  # a DOCTYPE may hold an internal subset in [...]
                c = text[i]
                if c == "[":
                    depth += 1
                elif c == "]":
                    depth -= 1
                elif c == ">" and depth <= 0:
                    break
                i += 1
            pos = i + 1
        else:
            m = _XML_ROOT.match(text, pos)
            return m.group(1) if m else None
    return None


def _after_comments(text: str) -> str:
    """``text`` without the comments (and blanks) it starts with; an unclosed comment leaves
    nothing."""
    while text.startswith("<!--"):
        end = text.find("-->", 4)
        if end < 0:
            return ""
        text = text[end + 3:].lstrip(" \t\r\n")
    return text


def sniff_text(text: str, suffix: str) -> str:
    """json | akn | xml | html | mhtml | md | txt for decoded text; ``suffix`` is the lower-case file
    extension (".txt", ".md", ...), used only when the content does not decide."""
    head = text.lstrip("\ufeff \t\r\n")
    if is_mhtml(head):
        return "mhtml"
    if head[:1] in "{[":
        return "json"  # the caller falls back to text when it does not parse
    if head.startswith("<!--"):
        rest = _after_comments(head)
        if not rest.startswith("<"):
            head = rest  # a comment above plain text or Markdown: what follows decides
    if head.startswith("<"):
        root = _first_element(head[:200_000])
        if root and root.lower() == "akomantoso":
            return "akn"
        if root and root.lower() == "html":
            return "html"
        if holds_html(head[:65536]):
            return "html"
        return "xml"
    if suffix in (".html", ".htm", ".xhtml", ".aspx", ".vbpl") and holds_html(head[:65536]):
        return "html"
    if suffix in (".md", ".markdown") or len(_MD_HEADING.findall(text[:200_000])) >= 3:
        return "md"
    return "txt"


def is_mhtml(head: str) -> bool:
    """Does ``head`` (a text's start) open with the MIME headers of an MHTML archive?"""
    end = _HEADER_END.search(head, 0, 16384)
    block = head[:end.start()] if end else ""
    return bool(_MIME_VERSION.search(block) and _MIME_PAGE.search(block))


def holds_html(text: str) -> bool:
    """Does ``text`` hold HTML markup (a tag of a page's elements: "<p>", "<div class=…>")?"""
    return bool(_HTML_TAG.search(text))


def html_flavour(text: str) -> str:
    """html-vbpl | html-tvpl | html, from the page's markers."""
    if re.search(r"""id\s*=\s*["']?toanvancontent""", text) or "vbpl.vn" in text[:20000].lower() \
            and "toanvancontent" in text:
        return "html-vbpl"
    if re.search(r"""id\s*=\s*["']?divContentDoc|class\s*=\s*["']?content1\b""", text) \
            or "thuvienphapluat.vn" in text[:50000].lower():
        return "html-tvpl"
    return "html"
