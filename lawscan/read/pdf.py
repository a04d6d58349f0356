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

PDFium runs in a child process of its own (:mod:`lawscan.read.pdfium_child`, kept for the next
PDF by :mod:`lawscan.read.pdfium_proc`) whose address space is capped for each file: 256 MiB
and 8 bytes per byte of the file. A PDF is data that a large C library decodes, and a few
hundred bytes of it can ask for gigabytes whatever the filter (a Flate or LZW stream expanding a
thousandfold, Form XObjects drawing each other, a shared content stream on thousands of pages):
such a file ends the child (``read.pdf_reader``: "PDFium could not read this PDF within N MB of
memory, or crashed on it"), never lawscan; the text it may give is bounded too (2 million
characters, or 4 per byte of the file, each line counting 32 more: ``read.too_large``). The
other files of the run are read as usual.

Scanned pages: a page whose text layer holds fewer than 40 letters and that carries an image is
read by OCR (:mod:`lawscan.read.ocr`, Tesseract with its Vietnamese data), rendered at 300 dpi,
less to stay within ``max_ocr_pixels`` (40 million) but not under 150 dpi: a larger page is not
OCR'd and is named in the warning ``read.pdf.ocr_missing`` ("page 1 is too large to OCR (200 x
200 inches: 900 million pixels at 150 dpi; the limit is 40 million)"). ``Source.meta["ocr"]``
says which pages were OCR'd (``{"pages": [3, 4], "engine": "tesseract 5.3.0", "language": "vie",
"confidence": {3: 91.2}}``) and a warning Problem ``read.pdf.ocr`` says the text comes from OCR.
When the OCR engine or its Vietnamese data is missing, a PDF with no text at all is refused with
how to install them, and a PDF with some scanned pages is read without them (warning
``read.pdf.ocr_missing``).

Limits (``limits``): ``max_bytes`` (checked by the caller), ``max_pages`` (default 2,000 pages),
``max_ocr_pages`` (default 300 pages), ``max_ocr_pixels``, ``ocr_timeout`` (seconds per page,
default 120), ``ocr`` (False: never run OCR). The document's ``timeout`` (``--timeout``) covers
the whole read, OCR included: the PDFium process and Tesseract are killed when it runs out (in
the main thread and in a Dask worker's thread alike). Broken, password-protected and empty PDFs
are refused with a one-line :class:`ReadError`.
"""

from __future__ import annotations

import math
import os
import tempfile
import time

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source
from lawscan.read import pdflayout
from lawscan.read.pdflayout import Page, PageLine

DEFAULT_LIMITS = {"max_pages": 2000, "max_ocr_pages": 300, "ocr_timeout": 120, "ocr": True,
                  "max_ocr_pixels": 40_000_000}
# address space a request may add to the process that runs PDFium: 256 MiB and 8 bytes per byte
# of the file (a corpus PDF needs at most 35 MB, 75 MB to render a page of 40 million pixels)
CHILD_MEMORY, CHILD_MEMORY_PER_BYTE = 256 * 1024 * 1024, 8
# characters of text a PDF may give, each line counting 32 more: 2 million, or 4 per byte of a
# larger file, at most 16 million (a corpus PDF gives at most 0.4 per byte)
TEXT_BUDGET, TEXT_PER_BYTE, TEXT_MOST = 2_000_000, 4, 16_000_000
# a scanned page is rendered for OCR at 300 dpi, or less to stay within ``max_ocr_pixels``, but
# not under 150 dpi (Tesseract reads little below): a larger page is left unread
OCR_DPI, OCR_MIN_DPI = 300, 150


def read_pdf(path: str, data: bytes, limits: dict | None = None) -> Source:
    """Read a PDF's bytes into a :class:`Source` (see the module docstring)."""
    lim = dict(DEFAULT_LIMITS)
    lim.update({k: v for k, v in (limits or {}).items() if v is not None})
    timeout = float(lim.get("timeout") or 0)
    lim["deadline"] = time.monotonic() + timeout if timeout > 0 else None
    budget = min(max(TEXT_BUDGET, TEXT_PER_BYTE * len(data)), TEXT_MOST)
    source = Source(path=path, format="pdf")
    with tempfile.TemporaryDirectory(prefix="lawscan-pdf-") as work:
        copy = os.path.join(work, "input.pdf")
        with open(copy, "wb") as fh:
            fh.write(data)
        got = _pdfium(path, lim, {"command": "text", "file": copy, "max_pages": int(lim["max_pages"]),
                                  "budget": budget})
        pages = [_page(raw) for raw in got["pages"]]
        scanned = [page for page, raw in zip(pages, got["pages"]) if raw["scanned"]]
        unread = _ocr(path, scanned, lim, source, copy) if scanned else None
    return _assemble(path, source, pages, got["count"], unread)


def _pdfium(path: str, lim: dict, message: dict) -> dict:
    """The answer of the PDFium process (:mod:`lawscan.read.pdfium_proc`) to ``message``, under
    the memory cap for the file it names and the document's deadline."""
    from lawscan.read.pdfium_proc import request

    message["memory"] = CHILD_MEMORY + CHILD_MEMORY_PER_BYTE * os.path.getsize(message["file"])
    return request(path, message, lim["deadline"], float(lim.get("timeout") or 0))


def _page(raw: dict) -> Page:
    return Page(number=raw["number"], width=raw["width"], height=raw["height"],
                lines=[PageLine(text, x0, x1, top, size, marks) for text, x0, x1, top, size, marks in raw["lines"]])


def _ocr(path: str, scanned: list[Page], lim: dict, source: Source, copy: str) -> str | None:
    """OCR the scanned pages into their lines; None, or why they could not be read. Each page is
    rendered by the PDFium process into an image next to ``copy``, read by Tesseract, removed;
    a page larger than the pixel budget allows is left unread."""
    from lawscan.read import ocr

    missing = None if lim.get("ocr", True) else "OCR is turned off"
    missing = missing or ocr.ocr_available()
    if missing is None and len(scanned) > int(lim["max_ocr_pages"]):
        missing = f"{len(scanned)} scanned pages are more than the limit of {int(lim['max_ocr_pages'])}"
    if missing is not None:
        _without_ocr([page.number for page in scanned], missing, source)
        return missing
    scales = {page.number: _ocr_scale(page, int(lim["max_ocr_pixels"])) for page in scanned}
    too_large = [page for page in scanned if scales[page.number] is None]
    if too_large:
        missing = _too_large(too_large[0], int(lim["max_ocr_pixels"]))
        _without_ocr([page.number for page in too_large], missing, source)
    image = os.path.join(os.path.dirname(copy), "page.pgm")
    confidence = {}
    for page in scanned:
        if scales[page.number] is not None:
            _pdfium(path, lim, {"command": "render", "file": copy, "page": page.number,
                                "scale": scales[page.number], "max_pixels": int(lim["max_ocr_pixels"]),
                                "out": image})
            confidence[page.number] = round(_ocr_page(path, image, scales[page.number], page, lim), 1)
            os.unlink(image)
    if confidence:
        source.meta["ocr"] = {"pages": sorted(confidence), "engine": ocr.tesseract_version(),
                              "language": ocr.LANGUAGE, "confidence": confidence}
        source.problems.append(Problem(
            "read.pdf.ocr", f"the text of {_pages_label(sorted(confidence))} was read by OCR (Tesseract, "
            "Vietnamese): it may hold recognition errors", None, "warning"))
    return missing


def _ocr_scale(page: Page, max_pixels: int) -> float | None:
    """Pixels per point to render ``page`` at for OCR: 300 dpi, less to stay within
    ``max_pixels``, None when even 150 dpi would exceed it (or the page has no size)."""
    area = page.width * page.height
    if not (math.isfinite(area) and area > 0):
        return None
    scale = min(OCR_DPI / 72, math.sqrt(max_pixels / area))
    return scale if scale >= OCR_MIN_DPI / 72 else None


def _too_large(page: Page, max_pixels: int) -> str:
    """Why ``page`` was not OCR'd: its size against the pixel budget."""
    pixels = page.width * page.height * (OCR_MIN_DPI / 72) ** 2
    if not (math.isfinite(pixels) and pixels > 0):
        return f"page {page.number} has no usable size ({page.width:g} x {page.height:g} points)"
    return (f"page {page.number} is too large to OCR ({page.width / 72:.0f} x {page.height / 72:.0f} "
            f"inches: {pixels / 1e6:.0f} million pixels at {OCR_MIN_DPI} dpi; the limit is "
            f"{max_pixels / 1e6:g} million)")


def _ocr_page(path: str, image: str, scale: float, page: Page, lim: dict) -> float:
    """Tesseract on one rendered page, for ``ocr_timeout`` seconds or the time left to the
    document (``--timeout``) when that is less: running out of it is the document's timeout."""
    from lawscan.read import ocr
    from lawscan.read.limits import DocumentTimeout

    seconds, left = float(lim["ocr_timeout"]), None
    if lim["deadline"] is not None:
        left = lim["deadline"] - time.monotonic()
        if left <= 0:
            raise DocumentTimeout(path, float(lim["timeout"]))
    try:
        return ocr.ocr_image(path, image, scale, page, seconds if left is None else min(seconds, left))
    except ReadError as exc:
        if exc.code == "read.tool_timeout" and left is not None and left < seconds:
            raise DocumentTimeout(path, float(lim["timeout"])) from None
        raise


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
