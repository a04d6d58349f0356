"""The real Official Gazette PDFs of ../shared/corpus/pdf (skipped without the corpus): the
structure lawscan parses equals the one counted by eye (tests/fixtures/read/pdf_structure.tsv),
the Gazette's layout is gone from the text, a real page scanned and read back by OCR."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import CORPUS, FIXTURES

pdfium = pytest.importorskip("pypdfium2")

PDF_DIR = CORPUS / "pdf"
TABLE = FIXTURES / "read" / "pdf_structure.tsv"


def expected_rows() -> list[dict]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


@pytest.fixture(scope="module")
def pdf_dir():
    if not (PDF_DIR / "SOURCES.tsv").is_file():
        pytest.skip(f"Gazette PDFs not found at {PDF_DIR}")
    return PDF_DIR


def test_every_corpus_pdf_is_counted():
    if not PDF_DIR.is_dir():
        pytest.skip(f"Gazette PDFs not found at {PDF_DIR}")
    assert sorted(r["file"] for r in expected_rows()) == sorted(p.name for p in PDF_DIR.glob("*.pdf"))


@pytest.mark.parametrize("row", expected_rows(), ids=lambda r: r["file"][:40])
def test_structure_counted_by_eye(pdf_dir, row):
    from lawscan.pipeline import load_document

    doc = load_document(pdf_dir / row["file"])
    counts = doc.counts()
    got = {k: counts[k] for k in ("parts", "chapters", "sections", "articles")}
    assert got == {k: int(row[k]) for k in got}
    closing = doc.meta.get("closing_line")
    assert (closing is not None) == (row["signature"] == "yes")
    if closing is not None:  # the signature block and the annexes are out of the body
        assert all(u.line < closing for u in doc.units())
    assert not any(re.search(r"CÔNG BÁO\s*/\s*Số", line.text) for line in doc.lines)
    assert len(doc.meta["page_starts"]) == len(pdfium.PdfDocument(str(pdf_dir / row["file"])))


def test_consolidated_text_footnotes_kept_apart(pdf_dir):
    from lawscan.read import read_source

    source = read_source(str(pdf_dir / "van-ban-hop-nhat-so-14-vbhn-vpqh-42949.pdf"))
    notes = source.meta["footnotes"]
    assert notes[0]["id"] == "1" and notes[0]["page"] == 1
    assert notes[0]["text"].startswith("Luật Bảo hiểm xã hội số 41/2024/QH15")
    texts = [line.text for line in source.lines]
    assert "Quốc hội ban hành Luật An toàn, vệ sinh lao động." in texts  # the mark "1" taken off
    assert not any(t.startswith("1 Luật Bảo hiểm xã hội") for t in texts)


def test_gazette_pdfs_are_scanned_not_skipped(pdf_dir):
    from click.testing import CliRunner

    from lawscan.cli import main

    laws = [str(pdf_dir / "luat-so-69-2020-qh14-32699.pdf"), str(pdf_dir / "luat-so-51-2024-qh15-43559.pdf")]
    result = CliRunner().invoke(main, ["scan", *laws, "--no-config", "-f", "json"])
    report = json.loads(result.output)
    assert len(report["documents"]) == 2 and not report["errors"]
    assert not report.get("skipped")
    assert {d["doc_kind"] for d in report["documents"]} <= {"law", "amending_law"}


def test_real_page_scanned_and_read_back_by_ocr(pdf_dir, tmp_path):
    from pdfmaker import scan_of
    from test_read_pdf import word_recall

    from lawscan.read import read_source
    from lawscan.read.ocr import ocr_available

    reason = ocr_available()
    if reason:
        pytest.skip(f"OCR not available: {reason}")
    original = (pdf_dir / "nghi-dinh-so-136-2026-nd-cp-469355.pdf").read_bytes()
    page = pdfium.PdfDocument(original)
    one = pdfium.PdfDocument.new()
    one.import_pages(page, [1])  # page 2: khoản, điểm and two articles
    buf = io.BytesIO()
    one.save(buf)
    (tmp_path / "page.pdf").write_bytes(buf.getvalue())
    text_layer = read_source(str(tmp_path / "page.pdf"))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_of(buf.getvalue(), 0, dpi=300))
    ocr = read_source(str(scan))
    assert ocr.meta["ocr"]["pages"] == [1]
    expected = " ".join(line.text for line in text_layer.lines).split()
    got = " ".join(line.text for line in ocr.lines).split()
    assert word_recall(expected, got) >= 0.9
    assert [line.text.split(".")[0] for line in ocr.lines if line.text.startswith("Điều ")] == ["Điều 2", "Điều 3"]


def test_consolidated_texts_notes_numbered_in_order(pdf_dir):
    """The notes of consolidated texts name the amending acts: every one kept apart, numbered
    1, 2, 3 ... (a note that goes on at the foot of the next page stays one note), never empty."""
    from lawscan.read import read_source

    counts = {}
    for path in sorted(pdf_dir.glob("van-ban-hop-nhat-*.pdf")):
        notes = read_source(str(path)).meta.get("footnotes", [])
        assert [n["id"] for n in notes] == [str(i) for i in range(1, len(notes) + 1)], path.name
        assert all(n["text"] and n["kind"] == "footnote" for n in notes)
        counts[path.name[:30]] = len(notes)
    assert all(counts.values()), counts  # each of the five has notes
    assert counts["van-ban-hop-nhat-so-1798-vbhn-"] == 24
