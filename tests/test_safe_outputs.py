"""Writes that never destroy, through the command line: a report never replaces a device, a pipe
or an input of the run; an output path that cannot be written is one line and exit 2; lawscan's
own reports and cache inside a scanned folder are never read back as laws (recognised by what
they hold, not by their names); temporary files of a killed run do not pile up; the workers of a
killed ``--jobs`` run end with it. Devices are made in temporary folders, never the real ones."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import generators as gen
from lawscan.cli import main

REPO = Path(__file__).resolve().parents[1]
GOOD = gen.GOOD_LAW
FORMATS = ("text", "json", "html", "sarif", "junit", "markdown", "github")


def cli(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def error_lines(res) -> list[str]:
    """The lines that say what went wrong: lawscan's own, or click's for a usage error (which
    comes after two lines of usage)."""
    return [ln for ln in res.stderr.splitlines() if ln.startswith(("lawscan: error", "Error: "))]


@pytest.fixture()
def drafts(tmp_path) -> Path:
    d = tmp_path / "drafts"
    d.mkdir()
    shutil.copy(GOOD, d / "du-thao.md")
    shutil.copy(gen.GOOD_LAW.parent / "luat-khong-co-gi.txt", d / "luat.txt")
    return d


def test_a_report_never_replaces_an_input(tmp_path, drafts):
    draft = drafts / "du-thao.md"
    before = draft.read_bytes()
    for args in (("scan", "--no-config", draft, "-o", draft),
                 ("scan", "--no-config", drafts, "--report", f"json={drafts / 'luat.txt'}"),
                 ("parse", drafts, "-o", drafts / "luat.txt"),
                 ("graph", draft, "-o", draft),
                 ("suggest", draft, "-o", draft),
                 ("convert", draft, "-o", draft),
                 ("diff", draft, drafts / "luat.txt", "-o", draft)):
        res = cli(*args)
        assert res.exit_code == 2, (args, res.stderr)
        (line,) = error_lines(res)
        assert "is an input of this run" in line, line
        assert "Traceback" not in res.stderr
    assert draft.read_bytes() == before
    assert (drafts / "luat.txt").read_bytes() == (GOOD.parent / "luat-khong-co-gi.txt").read_bytes()
    assert sorted(p.name for p in drafts.iterdir()) == ["du-thao.md", "luat.txt"]  # no temporary file


def test_a_report_never_replaces_a_device_or_a_pipe(tmp_path, drafts):
    """A FIFO and (as root) a character device made in the test's own folder; links to them too."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    targets = [fifo]
    device = tmp_path / "null.json"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
        targets.append(device)
    except (PermissionError, OSError):
        pass  # not root: the FIFO shows the same
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    targets.append(link)
    for target in targets:
        for args in (("scan", "--no-config", drafts, "-o", target),
                     ("scan", "--no-config", drafts, "--report", f"sarif={target}"),
                     ("parse", drafts, "-o", target), ("suggest", drafts / "luat.txt", "-o", target)):
            res = cli(*args)
            assert res.exit_code == 2, (args, res.stderr)
            (line,) = error_lines(res)
            assert "not a regular file" in line and str(target) in line
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
    if device in targets:
        assert stat.S_ISCHR(os.stat(device).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_output_that_cannot_be_written_is_one_line(tmp_path, drafts):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    targets = [afile / "x.json", tmp_path / "a-dir"]
    (tmp_path / "a-dir").mkdir()
    if Path("/sys/kernel").is_dir():
        targets.append(Path("/sys/x.json"))  # sysfs takes no new files, even from root
    for target in targets:
        for args in (("scan", "--no-config", drafts, "-f", "json", "-o", target),
                     ("graph", drafts, "-o", target), ("diff", drafts / "luat.txt", drafts / "du-thao.md",
                                                        "-o", target)):
            res = cli(*args)
            if target.name == "a-dir" and args[0] == "scan":
                assert res.exit_code in (0, 1)  # a folder gets the format's default file name
                continue
            assert res.exit_code == 2, (args, res.stderr)
            assert "Traceback" not in res.stderr
            lines = error_lines(res)
            assert len(lines) == 1 and str(target) in lines[0], res.stderr


def test_own_reports_in_a_scanned_folder_are_not_read_as_laws(tmp_path, drafts):
    first = tmp_path / "first.json"
    res = cli("scan", "--no-config", drafts, "-f", "json", "-o", first, "--fail-on", "never")
    data = json.loads(first.read_text(encoding="utf-8"))
    documents = sorted(Path(d["path"]).name for d in data["documents"])
    assert documents == ["du-thao.md", "luat.txt"]
    # every format, written into the scanned folder under names that say nothing of lawscan
    names = {fmt: drafts / f"ban-{i}.{'json' if fmt == 'sarif' else 'txt'}" for i, fmt in enumerate(FORMATS)}
    names["html"] = drafts / "trang.html"
    names["junit"] = drafts / "ket-qua.xml"
    names["markdown"] = drafts / "ghi-chu.md"
    reports = [arg for fmt, path in names.items() for arg in ("--report", f"{fmt}={path}")]
    res = cli("scan", "--no-config", drafts, *reports, "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
    assert all(path.is_file() for path in names.values())
    again = tmp_path / "again.json"
    res = cli("scan", "--no-config", drafts, *reports, "-f", "json", "-o", again, "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
    data = json.loads(again.read_text(encoding="utf-8"))
    assert sorted(Path(d["path"]).name for d in data["documents"]) == documents
    assert data["errors"] == []
    skipped = {Path(s["path"]).name: s["code"] for s in data["skipped"]}
    assert skipped == {path.name: "lawscan_output" for path in names.values()}  # named, not errors
    # named on the command line (as pre-commit passes changed files), a report is skipped too,
    # with a note and no error (a commit that only updates reports does not fail)
    res = cli("scan", "--no-config", names["json"], names["html"], "-f", "json", "-o", again)
    assert res.exit_code == 0, res.stderr
    data = json.loads(again.read_text(encoding="utf-8"))
    assert data["documents"] == [] and [s["code"] for s in data["skipped"]] == ["lawscan_output"] * 2


def test_a_cache_inside_the_scanned_folder_is_not_read_as_laws(tmp_path, drafts):
    cache = drafts / "bo-nho-dem"
    out = tmp_path / "r.json"
    for _ in range(2):  # the second run finds the cache (and hits it)
        res = cli("scan", "--no-config", drafts, "--cache", cache, "-f", "json", "-o", out,
                  "--fail-on", "never")
        assert res.exit_code == 0, res.stderr
        data = json.loads(out.read_text(encoding="utf-8"))
        assert sorted(Path(d["path"]).name for d in data["documents"]) == ["du-thao.md", "luat.txt"]
    assert (cache / "CACHEDIR.TAG").read_text(encoding="ascii").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


def test_temporary_files_of_a_killed_run_are_removed(tmp_path, drafts):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()  # a process id that is gone now
    stale = out / f".r.json.lawscan-{dead}-abc123.tmp"
    stale.write_text("half a report", encoding="utf-8")
    alive = out / f".r.json.lawscan-{os.getpid()}-def456.tmp"  # a run still going on
    alive.write_text("being written", encoding="utf-8")
    res = cli("scan", "--no-config", drafts, "-f", "json", "-o", out / "r.json", "--fail-on", "never")
    assert res.exit_code == 0
    assert not stale.exists() and alive.exists()
    assert sorted(p.name for p in out.iterdir()) == [alive.name, "r.json"]


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_end_when_a_jobs_run_is_killed(tmp_path):
    laws = tmp_path / "laws"
    laws.mkdir()
    text = GOOD.read_text(encoding="utf-8")
    for i in range(60):
        (laws / f"luat-{i:03d}.txt").write_text(text + f"\nBản sao số {i}.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lawscan", "scan", "--no-config", str(laws), "--jobs", "2",
                             "-f", "json", "-o", str(tmp_path / "r.json"), "--no-progress"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # a guard against a hang, not a measurement
    workers: set[int] = set()
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.02)
    assert len(workers) >= 2, "the workers did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 60
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, "workers outlived their killed parent"
