"""Kind of every document of the research corpus, against what its number says: the 133 corpus
files (MANIFEST.tsv), the 421 vbpl.vn records of pool/ (INDEX.tsv) and the headers of the 30
Official Gazette PDFs of pdf/ (SOURCES.tsv; read by the PDF reader when there is one, else by
poppler's pdftotext). Skipped when the corpus (or, for the PDFs, both readers) is absent.

The expected kind comes from the number the corpus lists, with this test's own table of type
codes (not lawscan's): "NĐ-CP" a decree, "TT-"/"TTLT-" a circular, "NQ-" a resolution, "QĐ-" a
decision, "VBHN-" a consolidated text; a "/QH" number is an act of the National Assembly, whose
kind (law, code, amending law, resolution) the listed title or the record's address tells.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_available
from lawscan.pipeline import load_document

pytestmark = pytest.mark.corpus

TYPES = {"NĐ": "decree", "ND": "decree", "TT": "circular", "TTLT": "circular", "NQ": "resolution",
         "QĐ": "decision", "QD": "decision", "VBHN": "consolidated"}
# an act of the National Assembly: "31/2024/QH15"; older ones "47-L/CTN", "21-LCT/HĐNN8"
ACT_NUMBER = re.compile(r"/QH\d+$|-L/CTN$|-LCT/|-SL/")
# what the title (MANIFEST) or the address of a record (sourceUrl) says of an act of the NA
ACT_STARTS = (("nghị quyết", "resolution"), ("nghi-quyet", "resolution"), ("nghi-dinh", "decree"),
              ("bộ luật", "code"), ("bo-luat", "code"), ("hiến pháp", "constitution"))
# pool records that hold another document than their id and address say (checked by reading them)
POOL_HOLDS_OTHER = {
    "09-2022-qh15.json": "decree",  # Nghị định 63/2023/NĐ-CP, filed under the law it details
    "03-2022-qh15.json": "unknown",  # a Hà Nội People's Committee plan (Kế hoạch), not a law
    "35-2024-qh15.json": "unknown",  # a Gia Lai plan for carrying out the Road Law
    "57-2024-qh15.json": "law",  # a draft law on food safety, not the amending law of its address
    "03-2016-qh14.json": "amending_law",  # its address names the annex of this amending law
}
# the Gazette PDFs of acts of the NA: the file name gives the number, not the title
PDF_ACTS = {"luat-so-51-2024-qh15-43559.pdf": "amending_law",  # sửa đổi … Luật Bảo hiểm y tế
            "luat-so-69-2020-qh14-32699.pdf": "law"}


def expected_kind(number: str, words: str) -> str | None:
    """The kind a listed number tells; for an act of the NA, refined by ``words`` (a title or an
    address); None when the number tells nothing (foreign acts, constitutions without one)."""
    for code in re.findall(r"(?:^|[/-])([A-ZĐ]+)", number or ""):
        if code in TYPES:
            return TYPES[code]
    if ACT_NUMBER.search(number or ""):
        low = words.lower()
        first = next((kind for word, kind in ACT_STARTS if low.startswith(word)), None)
        if first in ("resolution", "decree"):
            return first
        return "amending_law" if "sửa đổi" in low or "sua-doi" in low else first or "law"
    return None


def _pool_rows() -> list[dict]:
    path = CORPUS / "pool" / "INDEX.tsv"
    if not path.is_file():
        return []
    return list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))


def _manifest_rows() -> list[dict]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    return list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))


def _mismatches(rows):
    """[(file, number, expected, got)] and the count of each expected kind."""
    bad, seen = [], Counter()
    for name, number, want, got in rows:
        seen[want] += 1
        if got != want:
            bad.append((name, number, want, got))
    return bad, seen


def test_corpus_files_kind(corpus_dir):
    rows = []
    for row in _manifest_rows():
        if row["file"].startswith("akn/"):
            want = "foreign"  # the corpus's Akoma Ntoso acts are foreign ones (UK, US, IT, SV, ZA)
        else:
            want = expected_kind(row["law_number"], row["law_title"]) or \
                ("constitution" if row["law_title"].startswith("Hiến pháp") else None)
        assert want, f"no expected kind for {row['file']}"
        doc = load_document(corpus_dir / row["file"])
        rows.append((row["file"], row["law_number"], want, doc.doc_kind))
        if want == "consolidated":
            assert doc.meta.get("consolidates") == "law", row["file"]
    bad, seen = _mismatches(rows)
    assert len(rows) == 133 and not bad, (seen, bad)


def test_pool_records_kind(corpus_dir):
    rows = []
    for row in _pool_rows():
        path = corpus_dir / "pool" / row["file"]
        url = json.loads(path.read_text(encoding="utf-8")).get("sourceUrl", "")
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        want = POOL_HOLDS_OTHER.get(row["file"]) or expected_kind(row["number"], slug)
        rows.append((row["file"], row["number"], want, load_document(path).doc_kind))
    bad, seen = _mismatches(rows)
    assert len(rows) == 421 and seen["decree"] >= 119 and seen["circular"] >= 52
    assert not bad, bad


def _pdf_documents(pdf_dir: Path):
    """(file, Document) of every Gazette PDF: through lawscan's PDF reader when it exists, else
    from pdftotext's text of the first three pages (the header is on the first)."""
    from lawscan.model import Line, Source
    from lawscan.normalise import normalise
    from lawscan.structure import parse_source

    own_reader = importlib.util.find_spec("lawscan.read.pdf") is not None
    if not own_reader and shutil.which("pdftotext") is None:
        pytest.skip("no PDF reader: neither lawscan.read.pdf nor poppler's pdftotext")
    for path in sorted(pdf_dir.glob("*.pdf")):
        if own_reader:
            yield path.name, load_document(path)
            continue
        text = subprocess.run(["pdftotext", "-l", "3", str(path), "-"], capture_output=True,
                              text=True, check=True, timeout=60).stdout
        lines = [Line(t, i, t) for i, t in enumerate(text.split("\n"), start=1)]
        yield path.name, parse_source(normalise(Source(str(path), "txt", lines)))


def test_gazette_pdf_headers_kind(corpus_dir):
    sources = {r["file"]: r for r in csv.DictReader(
        (corpus_dir / "pdf" / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t")}
    rows = []
    for name, doc in _pdf_documents(corpus_dir / "pdf"):
        # the file name carries the number: "nghi-dinh-so-125-2026-nd-cp-469327.pdf"
        number = re.sub(r"^.*?-so-", "", name.rsplit("-", 1)[0]).upper().replace("-", "/", 2)
        number = number.replace("/ND/", "/NĐ-").replace("/NQ/", "/NQ-").replace("/TT/", "/TT-")
        want = PDF_ACTS.get(name) or expected_kind(number, name)
        assert want, name
        rows.append((name, number, want, doc.doc_kind))
        if want == "consolidated":
            base = "law" if "VPQH" in number else None
            assert doc.meta.get("consolidates") in ((base,) if base else ("decree", "circular")), name
    bad, seen = _mismatches(rows)
    assert len(rows) == len(sources) == 30 and not bad, (seen, bad)


@pytest.mark.skipif(not corpus_available(), reason=f"corpus not found at {CORPUS}")
def test_expected_kinds_cover_the_corpus():
    """The test's own table tells every kind the corpus holds (so the checks above mean something)."""
    kinds = Counter(expected_kind(r["number"], r["file"]) for r in _pool_rows())
    assert kinds["decree"] >= 119 and kinds["circular"] >= 52 and kinds["decision"] >= 10
