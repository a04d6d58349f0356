"""``--jobs N`` gives the same report as a serial run, document for document and in the same
order, on a mixed set: the sample drafts (every input format), a slice of the real corpus (large
.docx laws among them, and laws whose token patterns need spaCy), a broken .docx and an empty
file (input errors, reported in their place). A worker that dies (killed, out of memory) costs
the document it was scanning, named as that document's error, and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SAMPLES, corpus_available, corpus_files
from lawscan.cli import main
from lawscan.scan import WINDOW_PER_JOB

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
    while sum(1 for _ in d.iterdir()) < 3 * WINDOW_PER_JOB:  # more than one window of the pool
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


# a worker that dies on one file, as the kernel's out-of-memory killer would end it: the file
# whose name holds "chet" (each time, in whichever worker scans it)
DYING = """
import os, sys
import lawscan.scan as scan
real = scan.Scanner.scan_file
def scan_file(self, path, *args):
    if "chet" in os.path.basename(path):
        os._exit(137)
    return real(self, path, *args)
scan.Scanner.scan_file = scan_file
from lawscan.cli import main
sys.argv = ["lawscan", *sys.argv[1:]]
main()
"""


def test_a_dying_worker_costs_its_document_only(tmp_path, mixed, serial):
    folder = tmp_path / "laws"
    shutil.copytree(mixed, folder)
    shutil.copy(SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt", folder / "m-chet.txt")
    out, junit = tmp_path / "r.json", tmp_path / "j.xml"
    done = subprocess.run([sys.executable, "-c", DYING, *scan_args(folder, out, "--jobs", "4"),
                           "--report", f"junit={junit}"], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 2
    data = report(out)
    errors = {Path(e["path"]).name: e for e in data["errors"]}
    assert errors["m-chet.txt"]["code"] == "internal.worker" and "died" in errors["m-chet.txt"]["message"]
    # every other document is there, as a serial run gives it, and the other report is whole
    _, expected = serial
    assert [Path(d["path"]).name for d in data["documents"]] == \
        [Path(d["path"]).name for d in expected["documents"]]
    assert sorted(errors) == ["m-chet.txt", "zz-broken.docx", "zz-empty.txt"]
    from lxml import etree

    assert etree.parse(str(junit)).getroot().tag == "testsuites"
    assert any("m-chet.txt" in ln and "died" in ln for ln in done.stderr.splitlines())
