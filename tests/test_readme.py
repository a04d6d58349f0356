"""Every lawscan command in README.md and docs/*.md works as written.

The commands run in a copy of the repository's tracked files. The example folders (drafts/,
corpus/, laws/, bills/) are made there from the sample drafts, and the example rule of
docs/rules.md (its module, texts, data and fixture) is written where it says, so that example runs
too. A console block (`$ lawscan
...` followed by output) must print the whole block: a line "…" alone stands for lines left out,
every other line must be printed as shown, in order and contiguous between the "…" lines (the
start and the end of the block are those of the output unless a "…" stands there). Only the
command that needs a real Dask scheduler on another host is left out (the distributed executor is
tested on a local cluster in test_distributed.py)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_tracked

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
TEXT = "\n".join(p.read_text(encoding="utf-8") for p in DOCS)
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
ELIDED = "…"
# a block whose first line names the file it is: "# myrules/x.py", "<!-- myrules/fixtures/X901/a.txt -->"
FILE_NAMED = re.compile(r"^(?:# |<!-- )([\w./-]+\.(?:py|toml|txt))(?: -->)?$")


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(TEXT) if lang == kind]


def console_examples() -> list[tuple[str, list[str]]]:
    out = []
    for body in blocks("console"):
        lines = body.splitlines()
        if lines and lines[0].startswith("$ lawscan"):
            out.append((lines[0][2:], lines[1:]))
    return out


def shows(output: str, shown: list[str]) -> str | None:
    """None when ``output`` prints the block ``shown`` (see the module docstring), else what
    is missing."""
    out = [line.rstrip() for line in output.splitlines()]
    while out and not out[-1]:
        out.pop()
    chunks: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == ELIDED:
            chunks.append([])
        else:
            chunks[-1].append(line.rstrip())
    pos = 0
    for i, chunk in enumerate(chunks):
        if not chunk:
            continue
        anchored_start, anchored_end = i == 0, i == len(chunks) - 1
        starts = [pos] if anchored_start else range(pos, len(out) - len(chunk) + 1)
        at = next((k for k in starts if out[k:k + len(chunk)] == chunk), None)
        if at is None or (anchored_end and at + len(chunk) != len(out)):
            return "\n".join(chunk)
        pos = at + len(chunk)
    return None


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
    copy_tracked(work)
    for folder in ("drafts", "corpus", "laws", "bills"):
        shutil.copytree(REPO / "sample_laws", work / folder)
    for body in blocks("python") + blocks("toml") + blocks("text"):
        m = FILE_NAMED.match(body.splitlines()[0])
        if m:  # the files of docs/rules.md's walk-through: its rule module, texts, data, fixture
            target = work / m.group(1)
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


def test_block_check_fails_on_a_wrong_line():
    output = "a\nb\nc\nd\n"
    assert shows(output, ["a", "b", ELIDED, "d"]) is None
    assert shows(output, ["a", ELIDED, "c", ELIDED]) is None
    assert shows(output, ["a", "c", ELIDED]) is not None  # b is printed between them
    assert shows(output, [ELIDED, "c"]) is not None  # the output goes on after c
    assert shows(output, ["a", "b", "x", ELIDED]) == "a\nb\nx"


@pytest.mark.parametrize("command,shown", console_examples(), ids=[c for c, _ in console_examples()])
def test_console_example_prints_what_the_docs_show(workdir, command, shown):
    proc = _run(command, workdir)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    missing = shows(proc.stdout, shown)
    assert missing is None, f"not printed as shown:\n{missing}\n--- printed:\n{proc.stdout[:3000]}"


@pytest.mark.parametrize("command", shell_commands())
def test_shell_command_works(workdir, command):
    proc = _run(command, workdir)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
