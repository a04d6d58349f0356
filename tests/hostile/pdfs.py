"""Hostile PDF files, written byte by byte (no library: the point is what a library would never
write). Each builder takes a directory and a size ``n`` and gives the path it wrote; the files
are small, what they ask of a reader is not.

``raw_pdf(objects)`` writes numbered objects with a cross-reference table; ``stream(data,
filters, extra)`` a stream object. The page text is ASCII Helvetica ("Dieu 1. ..."), enough for
the structure parser to find articles.
"""

from __future__ import annotations

import zlib
from pathlib import Path

LAW_TEXT = [b"LUAT THU NGHIEM", b"Dieu 1. Pham vi dieu chinh",
            b"Luat nay quy dinh ve giao dich dien tu tren moi truong so.", b"Dieu 2. Doi tuong ap dung"]
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 first), a cross-reference table and a trailer."""
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes, filters: bytes = b"", extra: bytes = b"") -> bytes:
    head = b"<< /Length %d " % len(data) + (b"/Filter " + filters + b" " if filters else b"") + extra + b">>"
    return head + b"\nstream\n" + data + b"\nendstream"


def text_ops(lines: list[bytes], size: int = 12, top: int = 780) -> bytes:
    """Content operators printing ``lines`` one under the other."""
    body = b" Tj T* ".join(b"(" + line + b")" for line in lines)
    return b"BT /F1 %d Tf 72 %d Td %d TL " % (size, top, size + 2) + body + b" Tj ET\n"


def one_page(content: bytes, filters: bytes = b"", extra_objects: list[bytes] = (),
             resources: bytes = b"/Font << /F1 4 0 R >>", mediabox: bytes = b"[0 0 595 842]") -> bytes:
    """A one-page PDF: 1 catalog, 2 pages, 3 page, 4 font, 5 content, then ``extra_objects``."""
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Contents 5 0 R /Resources << "
            + resources + b" >> >>")
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, FONT,
                    stream(content, filters), *extra_objects])


def _write(d, name: str, data: bytes) -> Path:
    path = Path(d) / name
    path.write_bytes(data)
    return path


def lzw_encode(data: bytes, space_runs: int = 0) -> bytes:
    """LZW as PDF writes it (9 to 12 bits, most significant bit first, EarlyChange 1), with a
    clear code whenever the table is full, and the end-of-data code. ``space_runs`` appends that
    many runs of spaces, each as long as one table allows (about 7.4 MB in 5.5 KB of codes: the
    codes of a run name ever longer strings of spaces)."""
    out, acc, bits = bytearray(), 0, 0

    def put(code: int, width: int) -> None:
        nonlocal acc, bits
        acc, bits = acc << width | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append(acc >> bits & 0xFF)

    table = {bytes([i]): i for i in range(256)}
    width, nxt = 9, 258

    def added() -> None:  # one more table entry: the code width grows one code early
        nonlocal width, nxt
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:
            width += 1

    put(256, width)
    w = b""
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        put(table[w], width)
        table[wc] = nxt
        added()
        if nxt >= 4094:
            put(256, width)
            table = {bytes([i]): i for i in range(256)}
            width, nxt = 9, 258
        w = bytes([byte])
    if w:
        put(table[w], width)
        added()
    for _ in range(space_runs):
        put(256, width)
        width, nxt = 9, 258
        put(0x20, width)  # " ", then "  " (code 258), "   " (259), ...
        while nxt < 4093:
            code = nxt
            added()
            put(code, width)
    put(257, width)
    if bits:
        put(0, 8 - bits)
    return bytes(out)


# --------------------------------------------------------------------------- shapes

def form_bomb(d, n: int = 200):
    """Three Form XObjects, each drawing the one below it ``n`` times, the last printing a letter
    ``n`` times: about 1.4 KB that ask PDFium for n**3 text objects (8 million for n = 200)."""
    inner = b"BT /F1 1 Tf 10 10 Td (x) Tj ET\n" * n
    forms = [stream(zlib.compress(inner, 9), b"/FlateDecode",
                    b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> ")]
    for level in (1, 2):  # object 6 is the first form, 6 + level the ones above it
        forms.append(stream(zlib.compress(b"/Y Do\n" * n, 9), b"/FlateDecode",
                            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject "
                            b"<< /Y %d 0 R >> >> " % (5 + level)))
    content = zlib.compress(text_ops(LAW_TEXT) + b"q /X Do Q\n")
    return _write(d, f"forms-{n}.pdf", one_page(content, b"/FlateDecode", forms,
                                                b"/Font << /F1 4 0 R >> /XObject << /X 8 0 R >>"))


def lzw_bomb(d, n: int = 100):
    """A page whose content stream is LZW-compressed: the law's text and ``n`` runs of about
    7.4 MB of spaces, each in 5.5 KB (1,300 times smaller than it expands)."""
    data = lzw_encode(text_ops(LAW_TEXT), space_runs=n)
    return _write(d, f"lzw-{n}.pdf", one_page(data, b"/LZWDecode"))


def small_window_flate(d, n: int = 100_000_000):
    """A FlateDecode content stream of ``n`` bytes (the law and spaces) written with a 16 KiB
    window, whose zlib header starts with 0x68 instead of the usual 0x78, and the words
    "endstream" in a stored block at its start."""
    out = zlib.compressobj(9, zlib.DEFLATED, 14)
    data = out.compress(b"% endstream\n" + text_ops(LAW_TEXT)) + out.flush(zlib.Z_FULL_FLUSH)
    data += out.compress(b" " * n) + out.flush()
    return _write(d, f"window-{n}.pdf", one_page(data, b"/FlateDecode"))


def hex_flate(d, n: int = 100_000_000):
    """A content stream of ``n`` bytes behind two filters: ASCIIHexDecode, then FlateDecode (the
    stored bytes are hex digits, not a zlib header)."""
    data = zlib.compress(text_ops(LAW_TEXT) + b" " * n, 9).hex().encode() + b">"
    return _write(d, f"hexflate-{n}.pdf", one_page(data, b"[/ASCIIHexDecode /FlateDecode]"))


def shared_pages(d, n: int = 2000, lines: int = 2000):
    """``n`` pages (under the page limit) that all draw one content stream of ``lines`` lines:
    a few kilobytes, ``n`` times ``lines`` lines of text."""
    content = zlib.compress(text_ops(LAW_TEXT + [b"Dieu %d. Ho so ban chinh nop tai co quan" % i
                                                 for i in range(3, lines + 3)], size=1, top=800), 9)
    kids = b" ".join(b"3 0 R" for _ in range(n))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    data = raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), page, FONT,
                    stream(content, b"/FlateDecode")])
    return _write(d, f"shared-{n}.pdf", data)


def wrapped_lines(d, n: int = 100_000, per_page: int = 600):
    """``n`` printed lines, ``per_page`` a page, that all reach the right edge of the column and
    start at its left edge (Helvetica's digits are all as wide): one paragraph the layout
    wrapped ``n`` times, across every page (each join used to copy the whole paragraph so far)."""
    def page_content(first: int, head: bytes = b"") -> bytes:
        lines = b" ".join(b"(ho so ban chinh nop tai co quan %07d va) Tj T*" % i
                          for i in range(first, first + per_page))
        return zlib.compress(head + b"BT /F1 1 Tf 72 800 Td 1.2 TL " + lines + b" ET\n", 9)

    pages = max(1, n // per_page)
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(pages))
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), b"<< >>", FONT]
    for i in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources "
                       b"<< /Font << /F1 4 0 R >> >> >>" % (6 + 2 * i))
        objects.append(stream(page_content(i * per_page, text_ops(LAW_TEXT, top=830) if i == 0 else b""),
                              b"/FlateDecode"))
    return _write(d, f"wrapped-{n}.pdf", raw_pdf(objects))


def long_line(d, n: int = 1_000_000):
    """A page whose text layer is a single line of ``n`` characters of words."""
    words = (b"ho so ban chinh nop truc tiep tai co quan " * (n // 42 + 1))[:n]
    content = zlib.compress(text_ops(LAW_TEXT) + b"BT /F1 1 Tf 10 100 Td (" + words + b") Tj ET\n", 9)
    return _write(d, f"line-{n}.pdf", one_page(content, b"/FlateDecode"))


def huge_page_scan(d, n: int = 14_400):
    """A scanned page (an image and no text) ``n`` points square: 200 inches, 3.6 billion pixels
    at 300 dpi; rendering it for OCR must stay within a pixel budget."""
    image = stream(zlib.compress(b"\xff" * 64 * 64, 9), b"/FlateDecode",
                   b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 ")
    content = b"q %d 0 0 %d 0 0 cm /Im1 Do Q\n" % (n, n)
    return _write(d, f"huge-page-{n}.pdf", one_page(content, b"", [image], b"/XObject << /Im1 6 0 R >>",
                                                    b"[0 0 %d %d]" % (n, n)))


def deep_objects(d, n: int = 20_000):
    """The law's page, its /Resources an array nested ``n`` deep inside a dictionary nested
    ``n`` deep, and an object stream whose objects each point at the next (``n`` // 100 of them)."""
    nested = b"<< /A " * n + b"[" * n + b"1" + b"]" * n + b" >>" * n
    chain = b" ".join(b"%d 0 R" % (8 + i) for i in range(n // 100))
    objstm_objects = b" ".join(b"<< /Next %d 0 R >>" % (9 + i) for i in range(n // 100))
    offsets = b" ".join(b"%d %d" % (8 + i, 0) for i in range(n // 100))
    objstm = stream(offsets + b" " + objstm_objects, b"", b"/Type /ObjStm /N %d /First %d " % (n // 100, len(offsets) + 1))
    return _write(d, f"deep-{n}.pdf", one_page(text_ops(LAW_TEXT), b"", [nested, objstm, b"[" + chain + b"]"],
                                               b"/Font << /F1 4 0 R >> /Deep 6 0 R"))


def tiny_pages(d, n: int = 1000):
    """``n`` pages of a hundredth of a point square, each printing the law's text, and one page
    whose MediaBox has no area (``[0 0 0 0]``)."""
    content = stream(b"BT /F1 0.001 Tf 0 0.009 Td 0.0012 TL (" + b") Tj T* (".join(LAW_TEXT) + b") Tj ET\n")
    kids = b" ".join(b"3 0 R" for _ in range(n)) + b" 6 0 R"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0.01 0.01] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    flat = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    data = raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n + 1), page, FONT, content, flat])
    return _write(d, f"tiny-{n}.pdf", data)


# name -> builder(d, n): the PDF shapes of benchmarks/bench_hostile_memory.py
SHAPES = {
    "pdf_form_bomb": form_bomb,
    "pdf_lzw_bomb": lzw_bomb,
    "pdf_small_window_flate": small_window_flate,
    "pdf_hex_flate": hex_flate,
    "pdf_shared_pages": shared_pages,
    "pdf_wrapped_lines": wrapped_lines,
    "pdf_long_line": long_line,
    "pdf_deep_objects": deep_objects,
    "pdf_tiny_pages": tiny_pages,
    "pdf_huge_page_scan": huge_page_scan,
}
