"""Reader for PDF files (the Official Gazette's PDFs, exported drafts, scans): takes the file's
bytes, gives a :class:`Source` with ``format="pdf"``.

The text layer is read with pypdfium2 (PDFium, the PDF engine of Chromium; chosen over
pdfplumber and pdfminer.six for speed and fidelity on the Gazette PDFs: docs/pdf-libraries.md).
PDFium only reads: lawscan never initialises its form environment, so no JavaScript, form
action or launch action of a PDF is run (and the pypdfium2 wheels are built without a
JavaScript engine at all); no link, embedded file or remote resource is followed.

Each page gives its printed lines with their place (left and right edge, top, font size);
superscript digits glued to a word (note reference marks, printed smaller than the word before
them) are taken off the text. :mod:`lawscan.read.pdflayout` then removes running headers and
page numbers, keeps footnotes apart (``Source.meta["footnotes"]``) and joins the lines the
layout wrapped. Headings that still stand on two lines ("Chương I" / "QUY ĐỊNH CHUNG") are the
structure parser's usual two-line headings; the signature block and the annexes (Phụ lục, Mẫu
số) that follow the last article are the parser's closing text.

Line numbers: ``Line.lineno`` counts the printed body lines from the first page (running
headers, page numbers and footnotes not counted; a joined line has the number of its first
printed line); ``Source.meta["page_starts"]`` lists the number of the first line of each page,
so that ``Document.page_line(lineno)`` gives (page, line on the page) and reports write
"trang 3, dòng 12".

Scanned pages: a page whose text layer holds fewer than 40 letters and that carries an image is
read by OCR (:mod:`lawscan.read.ocr`, Tesseract with its Vietnamese data), rendered at 300 dpi
(at most 40 million pixels). ``Source.meta["ocr"]`` then says which pages
(``{"pages": [3, 4], "engine": "tesseract 5.3.0", "language": "vie", "confidence": {3: 91.2}}``)
and a warning Problem ``read.pdf.ocr`` says the text comes from OCR. When the OCR engine or its
Vietnamese data is missing, a PDF with no text at all is refused with how to install them, and a
PDF with some scanned pages is read without them (warning ``read.pdf.ocr_missing``).

Limits (``limits``): ``max_bytes`` (checked by the caller), ``max_stream_bytes`` and
``max_zip_ratio`` (decompression bombs: a compressed stream may not expand beyond both 256 MiB and
100 times its size; checked before PDFium opens the file), ``max_pages`` (default 2,000 pages),
``max_ocr_pages`` (default 300 pages), ``ocr_timeout`` (seconds per page, default 120), ``ocr``
(False: never run OCR). The document's ``timeout`` covers the whole read. Broken,
password-protected and empty PDFs are refused with a one-line :class:`ReadError`.
"""

from __future__ import annotations

import math
import re
import zlib

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source
from lawscan.read import pdflayout
from lawscan.read.pdflayout import SUPERSCRIPT, Page, PageLine

DEFAULT_LIMITS = {"max_pages": 2000, "max_ocr_pages": 300, "ocr_timeout": 120, "ocr": True,
                  "max_stream_bytes": 256 * 1024 * 1024, "max_zip_ratio": 100}
OCR_DPI = 300
OCR_MAX_PIXELS = 40_000_000
SCANNED_LETTERS = 40  # a page with fewer letters in its text layer (and an image) is a scan
_LINE_RE = re.compile(r"[^\r\n]+")
_STREAM_RE = re.compile(rb"stream\r?\n")
_MARK_RE = re.compile(r"(?<=[^\s\d])\d{1,3}(?!\d)")


def _pdfium(path: str):
    try:
        import pypdfium2
    except ImportError:
        raise ReadError(path, "reading PDF needs the Python package pypdfium2 (pip install pypdfium2)",
                        "read.pdf_missing") from None
    return pypdfium2


def read_pdf(path: str, data: bytes, limits: dict | None = None) -> Source:
    """Read a PDF's bytes into a :class:`Source` (see the module docstring)."""
    lim = dict(DEFAULT_LIMITS)
    lim.update({k: v for k, v in (limits or {}).items() if v is not None})
    pdfium = _pdfium(path)
    _check_streams(path, data, lim)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ReadError(path, "a password-protected PDF; lawscan cannot open it (save a copy "
                                  "without a password)", "read.pdf_encrypted") from None
        raise ReadError(path, f"a broken PDF that cannot be opened ({' '.join(str(exc).split())[:120]})",
                        "read.pdf_broken") from None
    source = Source(path=path, format="pdf")
    try:
        count = len(pdf)
        if count == 0:
            raise ReadError(path, "a PDF with no pages", "read.empty")
        if count > int(lim["max_pages"]):
            raise ReadError(path, f"too many pages ({count}; the limit is {int(lim['max_pages'])} pages)",
                            "read.too_large")
        pages = []
        scanned, unread = [], None
        for index in range(count):  # pages left open here are closed with the document
            page = pdf[index]
            got = _text_page(page, index + 1)
            if _letters(got) < SCANNED_LETTERS and _has_image(pdfium, page):
                scanned.append((got, page))  # rendered for OCR below
                continue
            pages.append(got)
            page.close()
        if scanned:
            unread = _ocr(path, scanned, lim, source)
            pages = sorted(pages + [got for got, _ in scanned], key=lambda p: p.number)
    finally:
        pdf.close()
    return _assemble(path, source, pages, count, unread)


def _check_streams(path: str, data: bytes, lim: dict) -> None:
    """Refuse a decompression bomb before PDFium inflates it: every zlib (FlateDecode) stream of
    the file is inflated here in 1 MiB pieces, nothing kept, and the file is refused as soon as
    one stream gives more than ``max_stream_bytes`` and more than ``max_zip_ratio`` times its
    compressed size (a PDF of 2 MB may otherwise ask for gigabytes of memory)."""
    cap, ratio = int(lim["max_stream_bytes"]), float(lim["max_zip_ratio"])
    for m in _STREAM_RE.finditer(data):
        start = m.end()
        if data[start:start + 1] != b"\x78":  # not a zlib stream (images, plain streams)
            continue
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        limit = max(cap, ratio * (end - start))
        inflater, size, pos = zlib.decompressobj(), 0, start
        try:
            while pos < end and not inflater.eof:
                piece, pos = data[pos:min(pos + 65536, end)], pos + 65536
                while piece and not inflater.eof:
                    size += len(inflater.decompress(piece, 1 << 20))
                    piece = inflater.unconsumed_tail
                    if size > limit:
                        raise ReadError(path, f"decompression bomb suspected: a stream of {end - start} "
                                              f"bytes expands to more than {size} bytes (limits: "
                                              f"{cap} bytes and {ratio:g}:1, --max-zip-ratio)", "read.pdf_bomb")
        except zlib.error:
            continue  # a damaged stream: PDFium decides what to do with it


def _letters(page: Page) -> int:
    return sum(ch.isalpha() for line in page.lines for ch in line.text)


def _has_image(pdfium, page) -> bool:
    image = pdfium.raw.FPDF_PAGEOBJ_IMAGE
    return any(True for _ in page.get_objects(filter=(image,), max_depth=4))


def _text_page(page, number: int) -> Page:
    """The printed lines of a page's text layer, with their place and note marks taken off."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    out = Page(number=number, width=width, height=height)
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return out
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # characters outside the BMP: no per-character places
            out.lines = [PageLine(t, 0.0, 0.0, height / 2, 0.0) for t in text.splitlines() if t.strip()]
            return out
        handle = textpage.raw
        for m in _LINE_RE.finditer(text):
            line = m.group()
            stripped = line.strip()
            if not stripped:
                continue
            first = m.start() + (len(line) - len(line.lstrip()))
            last = m.start() + len(line.rstrip()) - 1
            left, _, _, top = textpage.get_charbox(first)
            _, _, right, _ = textpage.get_charbox(last)
            size = _font_size(handle, first, raw)
            marks = []
            if any(c.isdigit() for c in line):
                line, marks = _take_marks(line, m.start(), handle, raw)
            out.lines.append(PageLine(line, left, right, height - top, size, marks))
    finally:
        textpage.close()
    return out


def _font_size(handle, index: int, raw) -> float:
    """The size a character is printed in: its font size times the scale of its text matrix
    (some producers set the font size to 1 and scale the matrix)."""
    import ctypes

    size = raw.FPDFText_GetFontSize(handle, index)
    matrix = raw.FS_MATRIX()
    if raw.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        size *= math.hypot(matrix.c, matrix.d) or 1.0
    return size


def _take_marks(line: str, offset: int, handle, raw) -> tuple[str, list[str]]:
    """Superscript note marks glued to a word ("lao động1"): digits printed smaller than the
    character before them are taken off the line."""
    marks, pieces, pos = [], [], 0
    for m in _MARK_RE.finditer(line):
        before = _font_size(handle, offset + m.start() - 1, raw)
        digit = _font_size(handle, offset + m.start(), raw)
        if before > 0 and digit <= SUPERSCRIPT * before:
            pieces.append(line[pos:m.start()])
            marks.append(m.group())
            pos = m.end()
    if not marks:
        return line, []
    pieces.append(line[pos:])
    return "".join(pieces), marks


def _ocr(path: str, scanned: list, lim: dict, source: Source) -> str | None:
    """OCR the scanned pages into their Page's lines; None, or why they could not be read."""
    from lawscan.read import ocr

    numbers = [got.number for got, _ in scanned]
    missing = None if lim.get("ocr", True) else "OCR is turned off"
    missing = missing or ocr.ocr_available()
    if missing is None and len(scanned) > int(lim["max_ocr_pages"]):
        missing = f"{len(scanned)} scanned pages are more than the limit of {int(lim['max_ocr_pages'])}"
    try:
        if missing is not None:
            _without_ocr(numbers, missing, source)
            return missing
        confidence = {}
        for got, page in scanned:
            pgm, scale = _render(page)
            confidence[got.number] = round(ocr.ocr_image(path, pgm, scale, got, float(lim["ocr_timeout"])), 1)
    finally:
        for _, page in scanned:
            page.close()
    source.meta["ocr"] = {"pages": numbers, "engine": ocr.tesseract_version(), "language": ocr.LANGUAGE,
                          "confidence": confidence}
    source.problems.append(Problem(
        "read.pdf.ocr", f"the text of {_pages_label(numbers)} was read by OCR (Tesseract, Vietnamese): "
        "it may hold recognition errors", None, "warning"))
    return None


def _without_ocr(numbers: list[int], reason: str, source: Source) -> None:
    """The scanned pages left as their text layer has them, with a warning saying why."""
    source.problems.append(Problem(
        "read.pdf.ocr_missing", f"{_pages_label(numbers)} hold(s) no text layer (scanned) and were "
        f"not read: {reason}", None, "warning"))
    source.meta["unread_pages"] = numbers
    source.meta["degraded"] = reason


def _pages_label(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"pages {', '.join(str(n) for n in numbers[:20])}" + (" ..." if len(numbers) > 20 else "")


def _render(page) -> tuple[bytes, float]:
    """The page as a greyscale PGM image at 300 dpi (fewer for huge pages); bytes, pixels per point."""
    width, height = page.get_size()
    scale = OCR_DPI / 72
    if width * height * scale * scale > OCR_MAX_PIXELS:
        scale = math.sqrt(OCR_MAX_PIXELS / max(width * height, 1.0))
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    rows = buffer if stride == w else b"".join(buffer[r * stride:r * stride + w] for r in range(h))
    return b"P5\n%d %d\n255\n" % (w, h) + rows, scale


def _assemble(path: str, source: Source, pages: list[Page], count: int, unread: str | None) -> Source:
    layout = pdflayout.lay_out(pages)
    if not layout.lines:
        if unread is not None and len(source.meta.get("unread_pages", ())) == count:
            raise ReadError(path, f"a scanned PDF (no text layer on its {count} page(s)) and {unread}",
                            "read.ocr_missing")
        raise ReadError(path, "a PDF with no text (no text layer, nothing recognised)", "read.empty")
    for text, lineno, raw in layout.lines:
        source.lines.append(Line(text=text, lineno=lineno, raw=raw))
    source.meta["page_starts"] = layout.page_starts
    source.meta["pdf"] = {"pages": count, "running_headers_removed": layout.headers,
                          "lines_joined": layout.joined}
    if layout.footnotes:
        source.meta["footnotes"] = layout.footnotes
        source.problems.append(Problem(
            "read.pdf.footnotes", f"{len(layout.footnotes)} footnotes at the foot of the pages were kept "
            "apart in meta['footnotes'] and their marks removed from the text", None, "info"))
    return source
