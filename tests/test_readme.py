"""Every lawscan command in README.md works as written.

The commands run in a copy of the repository's tracked files. The README's example folders
(drafts/, corpus/, laws/, bills/) are made there from the sample drafts, and the example rule
module of "Writing a rule of your own" is written where the README says, so that example runs
too. Console blocks (`$ lawscan ...` followed by output) must also print what the README shows
first. Only the command that needs a real Dask scheduler on another host is left out (the
distributed executor is tested on a local cluster in test_distributed.py)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == kind]


def console_examples() -> list[tuple[str, str]]:
    out = []
    for body in blocks("console"):
        lines = body.splitlines()
        if lines and lines[0].startswith("$ lawscan"):
            shown = next((ln for ln in lines[1:] if ln.strip() and "…" not in ln), "")
            out.append((lines[0][2:], shown))
    return out


def shell_commands() -> list[str]:
    """lawscan commands of the sh blocks (also after `&&`) and of the CI recipes (yaml)."""
    cmds = []
    for body in blocks("sh") + blocks("yaml"):
        for line in body.splitlines():
            line = re.sub(r"^\s*-\s*(run:\s*)?", "", line.split("  #")[0]).strip()
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith("lawscan ") and "tcp://host" not in part:
                    cmds.append(part)
    return cmds


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("readme")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (REPO / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, work / name)
    for folder in ("drafts", "corpus", "laws", "bills"):
        shutil.copytree(REPO / "sample_laws", work / folder)
    for body in blocks("python"):
        first = body.splitlines()[0]
        if first.startswith("# ") and first.endswith(".py"):
            target = work / first[2:].strip()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
    return work


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    args = shlex.split(command)
    assert args[0] == "lawscan"
    return subprocess.run([sys.executable, "-m", "lawscan", *args[1:], *(
        ["--no-progress"] if args[1] == "scan" else [])], cwd=cwd, capture_output=True, text=True,
        timeout=600)


def test_readme_has_examples():
    assert len(console_examples()) >= 4 and len(shell_commands()) >= 4


@pytest.mark.parametrize("command,shown", console_examples(), ids=[c for c, _ in console_examples()])
def test_console_example_prints_what_the_readme_shows(workdir, command, shown):
    proc = _run(command, workdir)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    assert shown.strip() in proc.stdout


@pytest.mark.parametrize("command", shell_commands())
def test_shell_command_works(workdir, command):
    proc = _run(command, workdir)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
