"""Makes PDF files for the tests with pypdfium2: pages of Vietnamese text laid out like the
Official Gazette (running header, justified lines that fill the column, indented first lines,
small footnotes with superscript marks), and image-only pages (a scan) from a rendered page.

``font_path()`` is a TrueType font with Vietnamese glyphs (DejaVu, installed by .ci/system-deps)
or None: tests that make text PDFs skip without it.

A page is a list of ``Text`` items placed in points from the top-left corner; ``justify=True``
stretches the line horizontally to end exactly at the right edge of the column, as a justified
line the layout wrapped does.
"""

from __future__ import annotations

import ctypes
import io
import os
import zlib
from dataclasses import dataclass

LEFT, RIGHT, WIDTH, HEIGHT = 100.0, 538.0, 595.0, 842.0
INDENT = 28.0


def font_path() -> str | None:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                 "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/dejavu/DejaVuSans.ttf"):
        if os.path.isfile(path):
            return path
    return None


@dataclass
class Text:
    text: str
    x: float
    top: float
    size: float = 13.0
    justify: bool = False


def _add_text(pdf, page, font, item: Text, height: float, after: float) -> float:
    """Place one text item (``x < 0``: right after the item before, as a superscript note mark
    glued to its word); the item's right edge."""
    import pypdfium2.raw as raw

    obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(item.size))
    wide = (item.text + "\x00").encode("utf-16-le")
    raw.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(wide), ctypes.POINTER(raw.FPDF_WCHAR)))
    baseline = height - item.top - item.size
    x = after if item.x < 0 else item.x
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, baseline)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    if item.justify:
        scale = (RIGHT - x) / max(right.value - left.value, 1.0)
        raw.FPDFPageObj_Transform(obj, scale, 0, 0, 1, x * (1 - scale), 0)
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    raw.FPDFPage_InsertObject(page.raw, obj)
    return right.value


def make_pdf(pages: list[list[Text]], size: tuple[float, float] = (WIDTH, HEIGHT)) -> bytes:
    """A PDF whose pages hold the given text items (needs ``font_path()``)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    data = open(font_path(), "rb").read()
    pdf = pdfium.PdfDocument.new()
    buffer = ctypes.create_string_buffer(data, len(data))
    font = raw.FPDFText_LoadFont(pdf.raw, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_uint8)),
                                 len(data), raw.FPDF_FONT_TRUETYPE, 1)
    for items in pages:
        page = pdf.new_page(*size)
        after = 0.0
        for item in items:
            after = _add_text(pdf, page, font, item, size[1], after)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    raw.FPDFFont_Close(font)
    pdf.close()
    return out.getvalue()


def scan_of(pdf_bytes: bytes, index: int = 0, dpi: int = 200) -> bytes:
    """A one-page PDF that holds page ``index`` of ``pdf_bytes`` as an image only (no text
    layer): what a scanner gives."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf_bytes)
    page = src[index]
    width, height = page.get_size()
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    out_pdf = pdfium.PdfDocument.new()
    new_page = out_pdf.new_page(width, height)
    image = pdfium.PdfImage.new(out_pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    new_page.insert_obj(image)
    new_page.gen_content()
    out = io.BytesIO()
    out_pdf.save(out)
    return out.getvalue()


def gazette_page(number: int, body: list[Text]) -> list[Text]:
    """A page with the Gazette's running header ("CÔNG BÁO/Số 12/Ngày 05-01-2026 <n>") on top."""
    return [Text(f"CÔNG BÁO/Số 12/Ngày 05-01-2026 {number}", 210, 28, 13)] + body


def paragraph(lines: list[str], top: float, size: float = 13.0, indent: bool = True,
              step: float = 18.0) -> list[Text]:
    """A paragraph printed on several lines: the first indented, all but the last justified."""
    out = []
    for i, text in enumerate(lines):
        x = LEFT + (INDENT if indent and i == 0 else 0)
        out.append(Text(text, x, top + i * step, size, justify=i < len(lines) - 1))
    return out


def minimal_pdf(content: bytes, compress: bool = True, javascript: bool = False) -> bytes:
    """A hand-written one-page PDF (Helvetica text), optionally with an OpenAction JavaScript."""
    stream = zlib.compress(content, 9) if compress else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + (b" /OpenAction 5 0 R" if javascript else b"") + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(stream), b"/Filter /FlateDecode " if compress else b"")
        + stream + b"\nendstream",
        b"<< /Type /Action /S /JavaScript /JS (app.launchURL\\('http://example.invalid/'\\);) >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    from hostile.pdfs import raw_pdf

    return raw_pdf(objects)
