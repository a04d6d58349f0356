"""Shared test fixtures. Corpus tests read ../shared/corpus (or $LAWSCAN_CORPUS) and skip cleanly
when it is absent; nothing from the corpus is copied into the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: no per-example deadline (Hypothesis's default of 200 ms is a timed assertion;
# speed is measured in benchmarks/) and derandomized, so that every run draws the same examples
# and a failure seen on CI is seen again here.
settings.register_profile("lawscan", deadline=None, derandomize=True)
settings.load_profile("lawscan")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
SAMPLES = REPO / "sample_laws"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def parse_text(text: str):
    """A Document of ``text`` (one line per line, numbered from 1), read as a .txt file is:
    normalised, then parsed."""
    from lawscan.model import Line, Source
    from lawscan.normalise import normalise
    from lawscan.structure import parse_source

    lines = [Line(t, i, t) for i, t in enumerate(text.strip("\n").split("\n"), start=1)]
    return parse_source(normalise(Source("x.txt", "txt", lines)))


def corpus_available() -> bool:
    return (CORPUS / "MANIFEST.tsv").is_file()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not corpus_available():
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS


def load_labels() -> list[dict]:
    path = CORPUS / "labels-dev.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_files() -> list[Path]:
    if not corpus_available():
        return []
    return sorted(p for sub in ("akn", "docx", "html", "json", "txt") for p in (CORPUS / sub).glob("*")
                  if p.is_file())


@pytest.fixture(scope="session")
def labels() -> list[dict]:
    if not corpus_available():
        pytest.skip(f"corpus not found at {CORPUS}")
    return load_labels()


def copy_tracked(dest: Path) -> Path:
    """The repository's tracked files copied to ``dest``, as a fresh checkout has them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


def fake_tool(tmp_path, monkeypatch, name: str, body: str) -> None:
    """A converter ``name`` that runs the shell ``body``, alone on PATH (with the basic tools)."""
    import stat

    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir(exist_ok=True)
    tool = bin_dir / name
    tool.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setattr("lawscan.read.office.converters", lambda: [(name, str(tool))])


def pytest_unconfigure(config):
    """CI shows only the last line a run prints: when tests failed, that line names them (with
    pytest's counts and the first line of each failure), so a failure on CI can be found again."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    failed = [r for key in ("failed", "error") for r in reporter.stats.get(key, []) if getattr(r, "nodeid", "")]
    if not failed:
        return
    counts = ", ".join(f"{len(reporter.stats.get(k, []))} {k}" for k in ("failed", "error", "passed")
                       if reporter.stats.get(k))
    named = "; ".join(f"{r.nodeid} ({_first_line(r)})" for r in failed[:5])
    print(f"{counts}; FAILED: {named}", flush=True)


def _first_line(report) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr)
    return (text.strip().splitlines() or [""])[0][:300]


def pytest_make_parametrize_id(config, val, argname):
    """A long text or bytes parameter is named by its length, not spelt out: pytest 9.0 (9.0.3
    on CI) put the whole value in the id, and a 500,000-character id in PYTEST_CURRENT_TEST made
    every subprocess the test started fail ("Argument list too long")."""
    if isinstance(val, (str, bytes)) and len(val) > 80:
        return f"{argname}-{len(val)}-{'chars' if isinstance(val, str) else 'bytes'}"
    return None
