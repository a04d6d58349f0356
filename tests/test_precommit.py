"""The pre-commit recipe of docs/ci.md, run by pre-commit itself in a scratch git repository
(offline: a `repo: local` hook that runs the lawscan installed here). Its entry, files and exclude
are those of the shipped .pre-commit-hooks.yaml, so both are tested: drafts pass or fail as their
findings say, README.md and .lawscan-baseline.json are never scanned, and a tracked file named like
an option (`--rules=x.md`) is scanned as a file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SAMPLES

pytestmark = pytest.mark.slow
DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def documented_config() -> dict:
    """The `.pre-commit-config.yaml` block of docs/ci.md that uses `repo: local`."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOC, re.S)
    local = [b for b in blocks if "repo: local" in b]
    assert len(local) == 1, "docs/ci.md shows one local pre-commit recipe"
    return yaml.safe_load(local[0])


def test_documented_hook_is_the_shipped_one():
    shipped = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    local = documented_config()["repos"][0]["hooks"][0]
    for key in ("id", "entry", "files", "exclude", "require_serial"):
        assert local[key] == shipped[key], key
    assert shipped["entry"].split()[-1] == "--"  # file names are never options
    files, exclude = re.compile(shipped["files"]), re.compile(shipped["exclude"])

    def passed(name: str) -> bool:
        return bool(files.search(name)) and not exclude.search(name)

    assert passed("drafts/luat-dat-dai.docx") and passed("--rules=x.md") and passed("a/b.html")
    assert not passed("README.md") and not passed("drafts/README.md")
    assert not passed(".lawscan-baseline.json") and not passed("sub/.lawscan-baseline.json")
    assert not passed("CHANGELOG.md") and not passed("pyproject.toml")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def scratch(tmp_path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    config = documented_config()
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copy(SAMPLES / "01-du-thao-luat-duong-thuy-noi-dia.docx", repo)
    shutil.copy(SAMPLES / "08-du-thao-luat-dich-vu-dien-toan-dam-may.md", repo / "--rules=x.md")
    (repo / "README.md").write_text("# Dự thảo\n\nĐiều 1. Không phải luật.\n", encoding="utf-8")
    (repo / ".lawscan-baseline.json").write_text('{"format": "lawscan-baseline", "findings": {}}\n',
                                                 encoding="utf-8")
    _git(repo, "add", "-A")
    return repo


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
           # the hook runs the lawscan installed beside this interpreter
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


def test_hook_passes_clean_drafts_and_fails_a_draft_with_errors(scratch):
    done = _pre_commit(scratch, "run", "--all-files", "--verbose")
    if done.returncode != 0 and "lawscan" not in done.stdout:
        pytest.skip(f"pre-commit could not run the hook offline: {done.stdout[-500:]} {done.stderr[-500:]}")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "Văn bản / documents: 2" in out  # the two drafts, nothing else
    assert "--rules=x.md" in out  # a file, not an option
    assert "README.md" not in out and ".lawscan-baseline.json" not in out
    # a draft that lacks a digital chapter fails the commit
    shutil.copy(SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt", scratch)
    _git(scratch, "add", "-A")
    done = _pre_commit(scratch, "run", "--all-files", "--verbose")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "LS101" in done.stdout and "Văn bản / documents: 3" in done.stdout
