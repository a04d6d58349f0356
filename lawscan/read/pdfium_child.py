"""What runs PDFium, in a child process of its own (started and kept by
:mod:`lawscan.read.pdfium_proc`): a PDF is data that PDFium, a large C library, decodes
and lays out, and a few hundred bytes of it can ask for gigabytes (Form XObjects that draw each
other a hundred times over, a stream that a filter expands a thousandfold, an image of
60,000 x 60,000 pixels) or crash it. In a child whose address space is capped, such a file
costs the child and becomes that file's error; lawscan's own process, its other documents and
its reports are untouched.

``python -I pdfium_child.py serve RETIRE_ABOVE`` reads requests, one JSON object a line, on
standard input and answers each with one JSON line on standard output (the process is kept for
the next PDF of the run: starting Python and PDFium costs about 0.1 s). Every request names a
``file`` (a copy of the input in a temporary folder) and ``memory``, the bytes of address space
the request may add to the process (``RLIMIT_AS``, lowered for the request and raised again
after it):

- ``{"command": "text", "file", "max_pages", "budget", "memory"}``: the text layer of every
  page, ``{"count": N, "pages": [{"number", "width", "height", "scanned", "lines": [[text,
  left, right, top, size, marks], ...]}, ...]}`` (``scanned``: fewer than ``SCANNED_LETTERS``
  letters and an image, a page for OCR);
- ``{"command": "render", "file", "page", "scale", "max_pixels", "out", "memory"}``: page
  ``page`` (1-based) as a greyscale PGM image written to ``out``, ``scale`` pixels per point (the
  parent chose it within its pixel budget, ``max_pixels``: more is refused); ``{"width",
  "height"}`` in pixels.

A file PDFium refuses gives ``{"error": [code, reason]}``: broken, password-protected, no pages,
more pages than ``max_pages``, more text than ``budget`` characters (each line counting
``LINE_COST`` more: a page drawn from a shared stream thousands of times must not give
gigabytes of text), more memory than its cap. An answer with ``"retire": true`` is the last:
the process ends after a request that ran out of memory or left it larger than ``RETIRE_ABOVE``
bytes beyond its start. PDFium crashing, or stopped by a memory allocation it cannot make,
ends the process without an answer; the parent names the file.

The file is run as a script in Python's isolated mode: nothing from the environment or the
current folder, only the standard library and pypdfium2 are imported (the child starts in about
0.1 s). PDFium's
form environment is never initialised: no JavaScript or action of the PDF runs.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys

SCANNED_LETTERS = 40  # a page with fewer letters in its text layer (and an image) is a scan
LINE_COST = 32  # characters a line counts for in the text budget, beside its own
SUPERSCRIPT = 0.8  # as pdflayout.SUPERSCRIPT (this script imports nothing of lawscan; a test keeps them equal)
_LINE_RE = re.compile(r"[^\r\n]+")
_MARK_RE = re.compile(r"(?<=[^\s\d])\d{1,3}(?!\d)")


class Refused(Exception):
    """A file PDFium cannot or must not read: (code, reason) for the parent's ReadError."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def open_pdf(pdfium, path: str):
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise Refused("read.pdf_encrypted", "a password-protected PDF; lawscan cannot open it (save "
                                                "a copy without a password)") from None
        raise Refused("read.pdf_broken", f"a broken PDF that cannot be opened "
                                         f"({' '.join(str(exc).split())[:120]})") from None


def text_layer(path: str, max_pages: int, budget: int) -> dict:
    """Every page's printed lines (see the module docstring)."""
    import pypdfium2 as pdfium

    pdf = open_pdf(pdfium, path)
    try:
        count = len(pdf)
        if count == 0:
            raise Refused("read.empty", "a PDF with no pages")
        if count > max_pages:
            raise Refused("read.too_large", f"too many pages ({count}; the limit is {max_pages} pages)")
        pages, left = [], Budget(budget)
        for index in range(count):
            page = pdf[index]
            try:
                got = _text_page(page, index + 1, left)
                got["scanned"] = _letters(got) < SCANNED_LETTERS and _has_image(pdfium, page)
            finally:
                page.close()
            pages.append(got)
    finally:
        pdf.close()
    return {"count": count, "pages": pages}


class Budget:
    """The characters of text a document may still give (each line counting ``LINE_COST``)."""

    def __init__(self, total: int):
        self.total = self.left = total

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise Refused("read.too_large", f"more text than a PDF of this size may hold (over {self.total} "
                                            f"characters, each line counting {LINE_COST}): the same text "
                                            "drawn again and again?")


def _letters(page: dict) -> int:
    return sum(ch.isalpha() for line in page["lines"] for ch in line[0])


def _has_image(pdfium, page) -> bool:
    image = pdfium.raw.FPDF_PAGEOBJ_IMAGE
    return any(True for _ in page.get_objects(filter=(image,), max_depth=4))


def _text_page(page, number: int, budget: Budget) -> dict:
    """The printed lines of a page's text layer, with their place and note marks taken off
    (Refused when they overrun the document's ``budget``)."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    out = {"number": number, "width": width, "height": height, "lines": []}
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return out
        if count > budget.left:
            budget.spend(count)
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # characters outside the BMP: no per-character places
            out["lines"] = [[t, 0.0, 0.0, height / 2, 0.0, []] for t in text.splitlines() if t.strip()]
            budget.spend(sum(len(line[0]) + LINE_COST for line in out["lines"]))
            return out
        handle = textpage.raw
        for m in _LINE_RE.finditer(text):
            line = m.group()
            stripped = line.strip()
            if not stripped:
                continue
            budget.spend(len(line) + LINE_COST)
            first = m.start() + (len(line) - len(line.lstrip()))
            last = m.start() + len(line.rstrip()) - 1
            left, _, _, top = textpage.get_charbox(first)
            _, _, right, _ = textpage.get_charbox(last)
            size = _font_size(handle, first, raw)
            marks = []
            if any(c.isdigit() for c in line):
                line, marks = _take_marks(line, m.start(), handle, raw)
            out["lines"].append([line, left, right, height - top, size, marks])
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


def render(path: str, number: int, scale: float, max_pixels: int, out: str) -> dict:
    """Page ``number`` as a greyscale PGM image in the file ``out`` at ``scale`` pixels per point
    (refused when that is more than ``max_pixels``)."""
    import pypdfium2 as pdfium

    pdf = open_pdf(pdfium, path)
    try:
        page = pdf[number - 1]
        try:
            width, height = page.get_size()
            pixels = width * height * scale * scale
            # whole pixels: the parent's scale puts a large page at its budget, give or take
            # the last bit of a float
            if not (math.isfinite(pixels) and 0 < round(pixels) <= max_pixels):
                raise Refused("read.too_large", f"page {number} would be {pixels / 1e6:.0f} million pixels "
                                                f"(at most {max_pixels / 1e6:g} million)")
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                w, h = bitmap.width, bitmap.height
                _write_pgm(out, memoryview(bitmap.buffer).cast("B"), w, h, bitmap.stride)
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        pdf.close()
    return {"width": w, "height": h}


def _write_pgm(out: str, buffer, w: int, h: int, stride: int) -> None:
    with open(out, "wb") as fh:
        fh.write(b"P5\n%d %d\n255\n" % (w, h))
        if stride == w:
            fh.write(buffer[:w * h])
        else:
            for row in range(h):
                fh.write(buffer[row * stride:row * stride + w])


def _address_space() -> int:
    """Bytes of address space this process uses now (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def answer(request: dict) -> dict:
    """Run one request (``text`` or ``render``) under its memory cap: its result or its error."""
    try:
        import resource
    except ImportError:  # no address-space limits on this platform
        resource = None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS) if resource else (0, 0)
    now = _address_space()
    if resource and now:
        cap = now + int(request["memory"])
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    try:
        if request["command"] == "text":
            return text_layer(request["file"], int(request["max_pages"]), int(request["budget"]))
        if request["command"] == "render":
            return render(request["file"], int(request["page"]), float(request["scale"]),
                          int(request["max_pixels"]), request["out"])
        raise ValueError(f"unknown command {request['command']!r}")
    except Refused as exc:
        return {"error": [exc.code, exc.reason]}
    except MemoryError:
        return {"error": ["read.too_large", "PDFium needs more memory than its limit to read this PDF "
                                            f"({int(request['memory']) >> 20} MB)"], "retire": True}
    finally:
        if resource and now:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def serve(requests, replies, retire_above: int) -> None:
    """Answer each JSON request line of ``requests`` with one JSON line on ``replies``, until the
    end of ``requests`` (the parent is gone) or until this process has grown beyond
    ``retire_above`` bytes of address space (the answer then says ``"retire": true`` and the
    process ends: the parent starts a fresh one for its next PDF)."""
    start = _address_space()
    for line in requests:
        result = answer(json.loads(line))
        if start and _address_space() > start + retire_above:
            result["retire"] = True
        # a lone surrogate (a broken font's text) goes through as its JSON escape
        replies.write(json.dumps(result, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n")
        replies.flush()
        if result.get("retire"):
            return


def main(argv: list[str]) -> int:
    """``serve RETIRE_ABOVE``: requests on standard input, answers on standard output."""
    # the answers go to a copy of standard output; what PDFium itself might print goes nowhere
    replies = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    _die_with_parent()
    serve(sys.stdin.buffer, replies, int(argv[1]))
    return 0


def _die_with_parent() -> None:
    """Linux: the kernel ends this process when the parent that started it ends (a parent
    killed outright cannot stop a PDF that takes long)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
