"""Reader for Word .docx files: takes a path (or the file's bytes), gives a :class:`Source`
with ``format="docx"``.

What it gives
* One :class:`Line` per paragraph, in body order. ``Line.lineno`` is the 1-based number of the
  paragraph (``w:p``) in the order the body is walked: top-level paragraphs and the paragraphs of
  table cells (row by row, cell by cell, nested tables in place), content controls included.
  Every paragraph gets a number, also empty, skipped (table of contents) or dropped ones, so
  the numbers stay the same whatever is skipped; :func:`paragraph_elements` gives the
  paragraphs of a body in that order. The paragraphs of a text box are numbered and read
  before the paragraph the box is anchored in (a shape Word writes twice, as DrawingML and as
  VML, once). Paragraphs of notes, headers and deleted blocks (``w:del`` around paragraphs)
  are not numbered. A line break (``w:br``, ``w:cr``) splits a
  paragraph into several Lines with the same ``lineno``. Tabs become spaces.
* Text of runs, also inside hyperlinks, smart tags, custom XML, simple and complex fields (the
  shown result, not the instruction) and content controls (``w:sdt``); inserted text
  (``w:ins``, ``w:moveTo``) is taken, deleted text (``w:del``, ``w:moveFrom``) and hidden text
  (``w:vanish``) are not. An info Problem ``read.docx.textbox`` counts the text boxes read.
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

from lawscan.errors import ReadError
from lawscan.model import Source
from lawscan.read.docx.container import open_parts
from lawscan.read.docx.source import build_source
from lawscan.read.docx.walker import paragraph_elements

__all__ = ["DEFAULT_LIMITS", "paragraph_elements", "read_docx"]

DEFAULT_LIMITS = {
    "max_bytes": 64 * 1024 * 1024,
    "max_uncompressed_bytes": 200 * 1000 * 1000,
    "max_compression_ratio": 100,
    "max_xml_bytes": 12 * 1024 * 1024,
}


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
        parts = open_parts(path, data, lim)
        return build_source(path, parts)
    except ReadError:
        raise
    except Exception as exc:  # a reader never lets anything else escape
        raise ReadError(path, f"cannot read .docx: {type(exc).__name__}: {exc}".splitlines()[0],
                        "input.docx") from exc
