"""``--jobs N`` gives the same report as a serial run, document for document and in the same
order, on a mixed set: the sample drafts (every input format), a slice of the real corpus (large
.docx laws among them, and laws whose token patterns load spaCy in the workers), a broken .docx
and an empty file (input errors, reported in their place)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES, corpus_available, corpus_files
from lawscan.cli import main
from click.testing import CliRunner


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mixed")
    for p in sorted(SAMPLES.iterdir()):
        if p.name != "README.md":
            shutil.copy(p, d / p.name)
    if corpus_available():
        for p in corpus_files()[::10]:  # every format of the corpus, big and small laws
            shutil.copy(p, d / f"corpus-{p.name}")
    (d / "zz-broken.docx").write_bytes(b"PK\x03\x04 not a whole zip archive")
    (d / "zz-empty.txt").write_bytes(b"")
    return d


def scan_json(tmp_path: Path, folder: Path, *extra: str) -> tuple[int, dict]:
    out = tmp_path / f"r{'-'.join(extra)}.json"
    res = CliRunner().invoke(main, ["scan", "--no-config", "--no-progress", "--fail-on", "warning",
                                    "-f", "json", "-o", str(out), str(folder), *extra],
                             catch_exceptions=False)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return res.exit_code, data


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_jobs_equal_serial_on_mixed_inputs(tmp_path, mixed, jobs):
    code_serial, serial = scan_json(tmp_path, mixed)
    code_parallel, parallel = scan_json(tmp_path, mixed, "--jobs", jobs)
    expected_files = sum(1 for _ in mixed.iterdir())
    assert len(serial["documents"]) + len(serial["errors"]) == expected_files
    assert sorted(Path(e["path"]).name for e in serial["errors"]) == ["zz-broken.docx",
                                                                      "zz-empty.txt"]
    assert code_serial == code_parallel == 2  # input errors
    # same documents, findings, verdicts and errors, in the same (input) order
    assert [d["path"] for d in parallel["documents"]] == [d["path"] for d in serial["documents"]]
    assert parallel == serial
