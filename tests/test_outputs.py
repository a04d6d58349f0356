"""outputs/ holds the reports that the quick start (`lawscan scan sample_laws/`, configured by the
repository's [tool.lawscan] table) produces for the samples. Regenerate them with that one
command; this test fails when they are stale (it writes the same reports to a temporary
directory and compares them, ignoring the generation time and the absolute checkout path)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["lawscan"]
REPORTS = [spec.split("=", 1) for spec in CONFIG["reports"]]
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")


def normalise(text: str) -> str:
    text = TIMESTAMP.sub("<time>", text)
    return re.sub(r'"uri": "file://[^"]*"', '"uri": "<checkout>"', text)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    args = [sys.executable, "-m", "lawscan", "scan", "sample_laws/", "--no-config", "--fail-on", "never",
            "--no-progress"]
    for fmt, target in REPORTS:
        args += ["--report", f"{fmt}={out / Path(target).name}"]
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("fmt,target", REPORTS, ids=[f for f, _ in REPORTS])
def test_committed_outputs_are_up_to_date(fresh, fmt, target):
    committed = REPO / target
    assert committed.is_file(), f"{target} is missing: run `lawscan scan sample_laws/` to regenerate outputs/"
    new = (fresh / Path(target).name).read_text(encoding="utf-8")
    assert normalise(committed.read_text(encoding="utf-8")) == normalise(new), (
        f"{target} is stale: run `lawscan scan sample_laws/` from the repository root to regenerate outputs/")


def test_quick_start_reports_cover_every_sample(fresh):
    import json

    data = json.loads((fresh / "lawscan-report.json").read_text(encoding="utf-8"))
    samples = sorted(p.name for p in (REPO / "sample_laws").iterdir() if p.is_file() and p.name != "README.md")
    assert sorted(Path(d["path"]).name for d in data["documents"]) == samples
