"""``--jobs N`` gives the same report as a serial run, document for document and in the same
order, on a mixed set: the sample drafts (every input format), a slice of the real corpus (large
.docx laws among them, and laws whose token patterns need spaCy), a broken .docx and an empty
file (input errors, reported in their place).

A parallel run in a fresh process also takes the path where the parent imports spaCy once for
its workers while an early worker scans the first files (lawscan.scan._EarlyWorker): that
worker never imports spaCy and leaves a law that needs it to the pool; it can die or be
interrupted without losing a file or hanging the run."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SAMPLES, corpus_available, corpus_files
from lawscan.cli import main
from lawscan.scan import WINDOW_PER_JOB, ScanOptions, Scanner, _EarlyWorker

HEAD = ("LUẬT THỬ NGHIỆM\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n"
        "Luật này quy định về thử nghiệm.\n")
AI_ARTICLE = ("\nĐiều 2. Xử lý hồ sơ\nCơ quan sử dụng hệ thống trí tuệ nhân tạo để ra quyết định tự "
              "động về hồ sơ đề nghị.\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mixed")
    for p in sorted(SAMPLES.iterdir()):
        if p.name != "README.md":
            shutil.copy(p, d / p.name)
    if corpus_available():
        for p in corpus_files()[::10]:  # every format of the corpus, big and small laws
            shutil.copy(p, d / f"corpus-{p.name}")
    copy = 0
    while sum(1 for _ in d.iterdir()) < 3 * WINDOW_PER_JOB:  # enough for the early worker's path
        copy += 1
        for p in sorted(SAMPLES.glob("0*")):
            shutil.copy(p, d / f"copy{copy}-{p.name}")
    (d / "zz-broken.docx").write_bytes(b"PK\x03\x04 not a whole zip archive")
    (d / "zz-empty.txt").write_bytes(b"")
    return d


def report(out: Path) -> dict:
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def scan_args(folder: Path, out: Path, *extra: str) -> list[str]:
    return ["scan", "--no-config", "--no-progress", "--fail-on", "warning", "-f", "json", "-o",
            str(out), str(folder), *extra]


@pytest.fixture(scope="module")
def serial(mixed, tmp_path_factory) -> tuple[int, dict]:
    out = tmp_path_factory.mktemp("serial") / "r.json"
    res = CliRunner().invoke(main, scan_args(mixed, out), catch_exceptions=False)
    return res.exit_code, report(out)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_jobs_equal_serial_on_mixed_inputs(tmp_path, mixed, serial, jobs):
    code_serial, expected = serial
    assert len(expected["documents"]) + len(expected["errors"]) == sum(1 for _ in mixed.iterdir())
    assert sorted(Path(e["path"]).name for e in expected["errors"]) == ["zz-broken.docx",
                                                                        "zz-empty.txt"]
    # a fresh interpreter, as a user runs it: spaCy is not loaded yet, so with enough files the
    # parent imports it for the workers and an early worker starts on the first files
    assert len(list(mixed.iterdir())) >= WINDOW_PER_JOB * int(jobs)
    out = tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-m", "lawscan", *scan_args(mixed, out, "--jobs", jobs)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == code_serial == 2  # input errors
    parallel = report(out)
    # same documents, findings, verdicts and errors, in the same (input) order
    assert [d["path"] for d in parallel["documents"]] == [d["path"] for d in expected["documents"]]
    assert parallel == expected


def test_jobs_report_on_piped_stdout_equals_serial(mixed):
    # the workers are forked while the parent's report is open: nothing of it may be written
    # twice (a forked process flushes the standard streams it inherited when it exits)
    def text(*extra: str) -> tuple[str, str]:
        done = subprocess.run([sys.executable, "-m", "lawscan", "scan", "--no-config", "--fail-on",
                               "never", "-f", "text", str(mixed), *extra], cwd=REPO,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 2, done.stderr[-3000:]  # the two input errors
        return done.stdout, done.stderr

    serial = text()
    assert serial[0].count("zz-broken.docx") == 1 and serial[1].count("zz-broken.docx") == 1
    assert text("--jobs", "2") == serial


def test_early_worker_leaves_laws_that_need_spacy(tmp_path):
    ai_law, plain_law = tmp_path / "ai.txt", tmp_path / "plain.txt"
    ai_law.write_text(HEAD + AI_ARTICLE, encoding="utf-8")
    plain_law.write_text(HEAD, encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04")
    # what the pool makes of the AI law: its token pattern matched (spaCy was needed)
    scanned = Scanner(ScanOptions()).scan_file(str(ai_law))
    assert any(r.eid.endswith("art_2") and "quyết định tự" in r.en for r in scanned.digital.reasons)
    paths = [str(ai_law), str(plain_law), str(broken)]
    code = ("import json, sys\n"
            "from lawscan.scan import ScanOptions, _early_scan\n"
            f"got = _early_scan(ScanOptions(slim=True), {paths!r}, lambda: False)\n"
            "print(json.dumps([type(r).__name__ for r in got] + ['spacy' in sys.modules]))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == ["NoneType", "DocumentResult", "InputError", False]


def test_early_worker_that_died_gives_its_files_back(mixed):
    paths = sorted(str(p) for p in mixed.iterdir())
    dead = _EarlyWorker(multiprocessing.get_context("fork"), ScanOptions(slim=True), paths)
    dead._process.kill()  # as the kernel's OOM killer would
    assert dead.finish() == []  # no results: the pool scans every one of its files


STOP_MIDWAY = """
import multiprocessing, pathlib, sys, time
from lawscan.scan import ScanOptions, _EarlyWorker
cache = pathlib.Path(sys.argv[1])
early = _EarlyWorker(multiprocessing.get_context("fork"), ScanOptions(cache_dir=str(cache)),
                     sys.argv[2:])
deadline = time.monotonic() + 120  # a guard, not a measurement
while len(list(cache.rglob("*.pickle"))) < 5 and time.monotonic() < deadline:
    time.sleep(0.02)
got = early.finish()  # as the run does when the pool is up, or when interrupted
print(early._process.exitcode, len(got), sum(r is None for r in got))
"""


def test_early_worker_stopped_midway_ends_its_file_and_does_not_hang(tmp_path):
    # stopped after four whole results (over 64 KB, more than a pipe holds, as whole documents
    # are): the worker ends its file, sends, exits; the parent gets them and does not hang
    paths = [str(p) for p in sorted(SAMPLES.glob("0[2-8]-*"))]
    cache = tmp_path / "cache"
    done = subprocess.run([sys.executable, "-c", STOP_MIDWAY, str(cache), *paths], cwd=REPO,
                          capture_output=True, text=True, timeout=180)  # a hang fails here
    assert done.returncode == 0, done.stderr[-3000:]
    exitcode, results, left = map(int, done.stdout.split())
    assert exitcode == 0 and 4 <= results <= len(paths) and left < results
    entries = list(cache.rglob("*.pickle"))
    assert 5 <= len(entries) <= len(paths)
    for entry in entries:  # every cache entry it wrote is whole
        with open(entry, "rb") as fh:
            assert pickle.load(fh).root is not None


ORPHAN = """
import multiprocessing, os, sys
from lawscan.scan import ScanOptions, _EarlyWorker
early = _EarlyWorker(multiprocessing.get_context("fork"), ScanOptions(slim=True), sys.argv[1:])
print(early._process.pid, flush=True)
os._exit(9)  # the parent dies (as with SIGKILL) without telling its early worker to stop
"""


def test_early_worker_ends_when_its_parent_dies():
    paths = [str(p) for p in sorted(SAMPLES.glob("0[2-8]-*"))]
    # (run() returns once the worker, which inherited the output pipe, has closed it: exited)
    done = subprocess.run([sys.executable, "-c", ORPHAN, *paths], cwd=REPO, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 9, done.stderr[-3000:]
    pid = int(done.stdout)
    deadline = time.monotonic() + 120  # a guard against a process left behind, not a measurement
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        if Path(f"/proc/{pid}/stat").is_file() and \
                Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
            break  # exited, waiting to be reaped by whoever adopted it
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        pytest.fail("the orphaned early worker kept running")
