"""Hostile PDFs (tests/hostile/pdfs.py: a few kilobytes each, written byte by byte) through the
command line: PDFium runs in a child process whose memory is capped, so a decompression bomb
(Flate, LZW), Form XObjects drawing each other, a content stream shared by thousands of pages
become that file's one-line error and the other files are scanned; deep objects, tiny pages and
a line of a million characters are read. The child is reused between PDFs and replaced after a
crash; the document's --timeout stops PDFium and Tesseract; a page too large for the OCR pixel
budget is named."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import generators as gen
from hostile import pdfs
from lawscan.errors import ReadError
from lawscan.read import pdfium_proc, read_source

pytest.importorskip("pypdfium2")

CAP = 1500 * 1024 * 1024  # address space of the scan: lawscan and its PDFium child


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


REFUSED = {  # shape -> the error code its file gets
    pdfs.form_bomb: "read.pdf_reader",  # ends the child: more memory than its cap
    pdfs.lzw_bomb: "read.pdf_reader",
    pdfs.shared_pages: "read.too_large",  # the text budget
    pdfs.wrapped_lines: "read.too_large",
}
READ = [pdfs.small_window_flate, pdfs.hex_flate, pdfs.long_line, pdfs.deep_objects, pdfs.tiny_pages]


def test_hostile_pdfs_are_each_their_files_error_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    refused = {build(folder).name: code for build, code in REFUSED.items()}
    read = {build(folder).name for build in READ}
    (folder / "luat.txt").write_text(gen.GOOD_LAW.read_text(encoding="utf-8"), encoding="utf-8")
    assert all(p.stat().st_size < 600_000 for p in folder.iterdir())
    out = tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-m", "lawscan", "scan", "--no-config", str(folder), "-f", "json",
                           "-o", str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          preexec_fn=_limit)
    assert "Traceback" not in done.stderr and done.returncode == 2, done.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {Path(e["path"]).name: e["code"] for e in data["errors"]} == refused
    assert {Path(d["path"]).name for d in data["documents"]} == read | {"luat.txt"}
    errors = [line for line in done.stderr.splitlines() if line.startswith("lawscan: error:")]
    assert sorted(Path(line.split(": ")[2]).name for line in errors) == sorted(refused)
    for line in errors:
        if "PDFium" in line:
            assert "within" in line and "MB of memory" in line
    tiny = next(d for d in data["documents"] if d["path"].endswith(".pdf") and "tiny" in d["path"])
    assert tiny["findings"] is not None


def test_the_pdfium_child_is_kept_and_replaced_after_a_crash(tmp_path):
    pdfium_proc.close_idle()
    good = str(pdfs.long_line(tmp_path, 1000))
    read_source(good)
    (first,) = pdfium_proc._idle
    read_source(good)
    assert pdfium_proc._idle == [first] and first.proc.poll() is None  # the same process again
    with pytest.raises(ReadError) as err:
        read_source(str(pdfs.form_bomb(tmp_path)))
    assert err.value.code == "read.pdf_reader" and "forms-200.pdf" in str(err.value)
    assert first.proc.poll() is not None and pdfium_proc._idle == []  # it died on the bomb
    assert [line.text for line in read_source(good).lines][1] == "Dieu 1. Pham vi dieu chinh"
    assert pdfium_proc._idle and pdfium_proc._idle[0] is not first


@pytest.fixture
def sleeper(tmp_path, monkeypatch):
    """A child that never answers: it writes its process id and sleeps."""
    script = tmp_path / "sleeper.py"
    pid_file = tmp_path / "sleeper.pid"
    script.write_text(f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
                      "time.sleep(600)\n")
    pdfium_proc.close_idle()
    monkeypatch.setattr(pdfium_proc, "CHILD", str(script))
    yield pid_file
    pdfium_proc.close_idle()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_documents_timeout_stops_pdfium(tmp_path, sleeper):
    from click.testing import CliRunner

    from lawscan.cli import main

    pdf = pdfs.long_line(tmp_path, 1000)
    out = tmp_path / "r.json"
    # the first document of a process also loads the language models (a second or more on a
    # loaded machine): not timed here, where only the PDF is meant to run out of time
    CliRunner().invoke(main, ["scan", "--no-config", str(gen.GOOD_LAW), "-f", "json", "-o", str(out)])
    res = CliRunner().invoke(main, ["scan", "--no-config", str(pdf), str(gen.GOOD_LAW), "--timeout", "2",
                                    "-f", "json", "-o", str(out)], catch_exceptions=False)
    data = json.loads(out.read_text(encoding="utf-8"))
    (err,) = data["errors"]
    assert err["code"] == "input.timeout" and "--timeout 2" in err["message"] and err["path"].endswith(pdf.name)
    assert len(data["documents"]) == 1 and res.exit_code == 2
    assert _gone(int(sleeper.read_text()))  # killed, not left running
    assert pdfium_proc._idle == []


def test_the_deadline_stops_pdfium_in_any_thread(tmp_path, sleeper):
    """The wait for the child has its own deadline: a Dask worker's thread gets no SIGALRM."""
    import threading

    pdf = str(pdfs.long_line(tmp_path, 1000))
    got = []
    worker = threading.Thread(target=lambda: got.append(_error(pdf, {"timeout": 1})))
    worker.start()
    worker.join(60)
    assert got[0].code == "input.timeout" and got[0].path == pdf
    assert _gone(int(sleeper.read_text()))


def _error(path: str, limits: dict) -> ReadError:
    try:
        read_source(path, limits)
    except ReadError as exc:
        return exc
    raise AssertionError("no error")


def _fake_tesseract(tmp_path, monkeypatch) -> Path:
    """A Tesseract on PATH that has Vietnamese and takes forever on a page (its pid written)."""
    from lawscan.read import ocr

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pid_file = tmp_path / "tesseract.pid"
    tool = bin_dir / "tesseract"
    tool.write_text("#!/bin/sh\ncase \"$1\" in --list-langs) echo eng; echo vie; exit 0;; "
                    "--version) echo 'tesseract 0-fake'; exit 0;; esac\n"
                    f"echo $$ > {pid_file}\nexec sleep 600\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    ocr.ocr_available.cache_clear()
    monkeypatch.setattr(ocr, "ocr_available", ocr.ocr_available.__wrapped__)
    return pid_file


def test_ocr_respects_the_documents_timeout(tmp_path, monkeypatch):
    pid_file = _fake_tesseract(tmp_path, monkeypatch)
    scan = str(pdfs.huge_page_scan(tmp_path, 600))  # a scanned page of 8 x 8 inches
    err = _error(scan, {"timeout": 2})  # ocr_timeout is 120 s
    assert err.code == "input.timeout" and "--timeout 2" in err.reason
    assert _gone(int(pid_file.read_text()))


def test_a_raised_ocr_pixel_budget_is_the_one_the_pdf_reader_keeps(tmp_path, monkeypatch):
    """A page of 60 million pixels at the scale chosen for it is rendered when the user's
    ``max_ocr_pixels`` allows it: the PDFium child checks the budget it is sent, not one of its
    own (it refused anything above the default 40 million)."""
    from lawscan.read import pdf

    _fake_tesseract(tmp_path, monkeypatch)
    rendered = []

    def ocr_page(path, image, scale, page, lim):  # in place of Tesseract: what was rendered
        rendered.append(os.path.getsize(image))
        return 90.0

    monkeypatch.setattr(pdf, "_ocr_page", ocr_page)
    scan = str(pdfs.huge_page_scan(tmp_path, 3394))  # 47 inches: 50 million pixels at 150 dpi
    try:
        read_source(scan, {"max_ocr_pixels": 60_000_000})
    except ReadError as exc:
        assert exc.code != "read.too_large", exc.reason
    assert len(rendered) == 1 and 40_000_000 < rendered[0] <= 60_100_000  # PGM: a byte a pixel


def test_the_child_reads_note_marks_as_the_layout_does():
    """pdfium_child.py imports nothing of lawscan: its superscript share is a copy, kept equal."""
    from lawscan.read import pdfium_child, pdflayout

    assert pdfium_child.SUPERSCRIPT == pdflayout.SUPERSCRIPT


def test_a_page_beyond_the_ocr_pixel_budget_is_named_not_rendered(tmp_path, monkeypatch):
    _fake_tesseract(tmp_path, monkeypatch)  # never reached: the page is refused before
    err = _error(str(pdfs.huge_page_scan(tmp_path)), {})
    assert err.code == "read.ocr_missing" and err.path.endswith("huge-page-14400.pdf")
    assert ("page 1 is too large to OCR (200 x 200 inches: 900 million pixels at 150 dpi; the limit is "
            "40 million)") in err.reason
    assert not (tmp_path / "tesseract.pid").exists()
    err = _error(str(pdfs.huge_page_scan(tmp_path, 600)), {"max_ocr_pixels": 1_000_000})
    assert "page 1 is too large to OCR" in err.reason and "the limit is 1 million" in err.reason
