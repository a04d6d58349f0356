"""outputs/ holds the reports that the quick start (`lawscan scan sample_laws/`, configured by the
repository's [tool.lawscan] table) produces for the samples. The quick start run in a copy of the
repository's tracked files must leave them byte-identical (no time: `timestamp = false`; paths
relative to the project root, wherever lawscan is run from), name every report it writes, and a
scan of one sample must leave them alone. Regenerate them with that one command."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import REPO, copy_tracked

CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["lawscan"]
REPORTS = [spec.split("=", 1) for spec in CONFIG["reports"]]
pytestmark = pytest.mark.slow


def _lawscan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawscan", *args, "--no-progress"], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the tracked files, as a fresh checkout has them."""
    work = tmp_path_factory.mktemp("clone")
    copy_tracked(work)
    return work


def _outputs(root: Path) -> dict[str, bytes]:
    return {target: (root / target).read_bytes() for _, target in REPORTS}


def test_quick_start_leaves_the_committed_outputs_byte_identical(clone):
    proc = _lawscan("scan", "sample_laws/", cwd=clone)
    assert proc.returncode == 1, proc.stderr  # two samples are designed to fail
    for _, target in REPORTS:
        assert f"lawscan: report written: {target}\n" in proc.stderr
        assert (clone / target).read_bytes() == (REPO / target).read_bytes(), (
            f"{target} is stale: run `lawscan scan sample_laws/` from the repository root to regenerate outputs/")


def test_quick_start_from_another_directory_writes_the_same(clone, tmp_path):
    before = _outputs(clone)
    proc = _lawscan("scan", str(clone / "sample_laws"), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert _outputs(clone) == before
    assert str(clone) not in "".join(before[t].decode("utf-8") for _, t in REPORTS)


def test_scanning_one_sample_leaves_the_project_reports_alone(clone):
    before = _outputs(clone)
    proc = _lawscan("scan", "sample_laws/06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt", cwd=clone)
    assert proc.returncode == 1, proc.stderr
    assert _outputs(clone) == before
    assert "report written" not in proc.stderr
    assert "lawscan: not written: outputs/lawscan-report.html" in proc.stderr
    # an explicit --report is this scan's own report
    proc = _lawscan("scan", "sample_laws/05-luat-nghi-le-nha-nuoc.txt", "--report", "json=one.json", cwd=clone)
    assert "lawscan: report written: one.json" in proc.stderr and (clone / "one.json").is_file()
    assert _outputs(clone) == before


def test_scan_without_paths_scans_the_configured_paths(clone):
    before = _outputs(clone)
    proc = _lawscan("scan", "-f", "json", "-o", "all.json", cwd=clone / "sample_laws")
    assert proc.returncode == 1, proc.stderr
    import json

    data = json.loads((clone / "sample_laws" / "all.json").read_text(encoding="utf-8"))
    samples = sorted(p.name for p in (REPO / "sample_laws").iterdir() if p.is_file() and p.name != "README.md")
    assert sorted(Path(d["path"]).name for d in data["documents"]) == samples
    assert all(d["path"].startswith("sample_laws/") for d in data["documents"])  # from the project root
    assert _outputs(clone) == before
