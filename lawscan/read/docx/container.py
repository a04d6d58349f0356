"""The .docx container, checked before anything is read: takes the file's bytes, gives the
parsed XML parts the reader needs (see :mod:`lawscan.read.docx`, "Safety"), or refuses the file
with a :class:`ReadError` naming the problem."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lawscan.errors import ReadError

RATIO_MIN_MEMBER = 1024 * 1024  # tiny members may compress very well without harm

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT_PART = "word/document.xml"
PARTS = (("document", DOCUMENT_PART), ("numbering", "word/numbering.xml"), ("styles", "word/styles.xml"),
         ("footnotes", "word/footnotes.xml"), ("endnotes", "word/endnotes.xml"))


def open_parts(path: str, data: bytes, lim: dict) -> dict:
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
            parts["no_properties"] = has_no_properties(raw)
    return parts


_XML_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml\s[^<>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")


def has_no_properties(raw: bytes) -> bool:
    """True when the document part is proved to hold no w:pStyle, w:numPr or w:vanish: it is
    UTF-8 (declared or by default) and those names are not in its bytes (an XML name is always
    written out, and in UTF-8 its ASCII letters are those bytes). The walker then skips its
    search for them (see Walker.walk)."""
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
