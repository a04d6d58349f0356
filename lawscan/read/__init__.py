"""Stage 1 — read. Takes a path, gives a :class:`lawscan.model.Source`.

``read_source(path)`` recognises the format by content (not only the extension) and hands the
file to one reader module: ``text`` (txt/md), ``html`` (vbpl.vn, thuvienphapluat.vn, other;
a page saved as one MHTML file through ``mhtml``), ``docx``, ``pdf`` (text layer, OCR of
scanned pages), ``office`` (legacy Word .doc, .rtf and .odt, through an installed converter),
``jsonrec`` (JSON records), ``akn`` (Akoma Ntoso 2.0/3.0); a table of contents printed as text
is then set apart (:mod:`lawscan.read.toc`). Bad input raises
:class:`lawscan.errors.ReadError` with a one-line reason; nothing else escapes.

``limits`` (optional dict, see :data:`lawscan.read.limits.DEFAULT_LIMITS`): ``max_bytes``
(file size, default 50 MB), ``max_zip_bytes`` / ``max_zip_ratio`` (.docx), ``max_depth``
(XML/HTML/JSON nesting), ``max_lines``; for PDF ``max_pages``, ``max_ocr_pages``, ``max_ocr_pixels``, ``ocr_timeout``,
``ocr`` (see :mod:`lawscan.read.pdf`); for .doc, .rtf and .odt ``convert_timeout``. The input file is only read, never written.
"""

from __future__ import annotations

import os

from lawscan.errors import ReadError
from lawscan.model import Source
from lawscan.read.limits import DEFAULT_LIMITS, merge_limits, read_bytes
from lawscan.read.toc import set_toc_apart

__all__ = ["read_source", "DEFAULT_LIMITS"]

LAW_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".xml", ".akn",
                ".docx", ".vbpl", ".aspx", ".pdf", ".doc", ".rtf", ".odt"}


def read_source(path: str, limits: "dict | None" = None, batches: "str | None" = None) -> Source:
    """Read one file (see the module docstring). ``batches``: the folder of the run's office
    conversions (lawscan.read.office_batch), if any."""
    path = str(path)
    try:
        source = _read(path, merge_limits(limits), batches)
        return set_toc_apart(source) if source.document is None else source
    except ReadError as exc:
        if any(c in exc.reason for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
            exc.reason = " ".join(exc.reason.split())  # a reason is always one line
            exc.args = (f"{exc.path}: {exc.reason}",)
        raise
    except MemoryError:
        raise ReadError(path, "not enough memory to read the file", "read.too_large") from None
    except RecursionError:
        raise ReadError(path, "nested too deeply to read", "read.depth") from None
    except Exception as exc:  # a reader bug must not stop the run: report it as this file's error
        raise ReadError(path, f"internal error while reading ({type(exc).__name__}: "
                              f"{' '.join(str(exc).split())[:300]})",
                        "read.internal") from exc


def _head_text(data: bytes) -> str:
    """The first 256 KiB as text, good enough to recognise the format (never for reading)."""
    from lawscan.read.encoding import sniff_bom, sniff_utf16

    bom, skip = sniff_bom(data)
    encoding = bom or sniff_utf16(data) or "utf-8"
    return data[skip:skip + 262144].decode(encoding, errors="replace")


def _read(path: str, limits: dict, batches: "str | None" = None) -> Source:
    from lawscan.read import detect
    from lawscan.read.encoding import decode

    data = read_bytes(path, limits)
    suffix = os.path.splitext(path)[1].lower()
    binary = detect.sniff_binary(path, data)
    if binary == "docx":
        from lawscan.read.docx import read_docx

        return read_docx(path, data, limits)
    if binary == "pdf":
        from lawscan.read.pdf import read_pdf

        return _checked(path, read_pdf(path, data, limits), limits)
    if binary in ("doc", "rtf", "odt"):
        from lawscan.read.office import read_office

        return _checked(path, read_office(path, data, limits, binary, batches), limits)

    fmt = detect.sniff_text(_head_text(data), suffix)
    if fmt in ("akn", "xml"):  # XML declares its own encoding: the safe parser decodes the bytes
        from lawscan.read.akn import read_akn

        return read_akn(path, data, limits)  # refuses hostile, broken and non-AKN XML

    declared, archive = None, fmt == "mhtml"
    if archive:  # a page saved as one file: its page is read as any HTML is
        from lawscan.read.mhtml import page

        data, declared = page(path, data)
        fmt = "html"
    if fmt == "html":
        from lawscan.read.html import declared_charset

        declared = declared or declared_charset(data)
    text, encoding, problems = decode(data, path, declared)
    if not text.strip():
        raise ReadError(path, "empty file (only white space)", "read.empty")
    if fmt in ("txt", "md"):  # the head may have been cut inside a multi-byte character
        fmt = detect.sniff_text(text, suffix)
    source = _dispatch(path, text, fmt, encoding, suffix, limits)
    source.problems[:0] = problems
    if archive:
        source.format = "mhtml"
    if source.encoding is None:
        source.encoding = encoding
    return source


def _checked(path: str, source: Source, limits: dict) -> Source:
    if len(source.lines) > int(limits["max_lines"]):
        raise ReadError(path, f"too many lines ({len(source.lines)})", "read.too_large")
    return source


def _dispatch(path, text, fmt, encoding, suffix, limits) -> Source:
    from lawscan.read import detect

    if fmt == "json":
        from lawscan.read.jsonrec import read_json

        try:
            return read_json(path, text, encoding, limits)
        except ReadError as exc:
            if exc.code != "read.json" or suffix == ".json":
                raise
            fmt = "md" if suffix in (".md", ".markdown") else "txt"  # "[Dự thảo] ..." is text
    if fmt == "html":
        from lawscan.read.html import read_html

        return read_html(path, text, detect.html_flavour(text), encoding, limits)
    from lawscan.read.text import read_text

    source = read_text(path, text, fmt, encoding)
    if len(source.lines) > int(limits["max_lines"]):
        raise ReadError(path, f"too many lines ({len(source.lines)})", "read.too_large")
    if not source.lines:
        raise ReadError(path, "empty file (only white space)", "read.empty")
    return source
