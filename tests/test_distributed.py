"""Scanning on a Dask cluster (a LocalCluster here, as `--executor dask` without --scheduler
starts) gives the same results as a serial run; a document that fails on a worker comes back as
that document's error and the others are still scanned."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from lawscan.cli import main

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow


def _scan(tmp_path, name, *extra):
    out = tmp_path / f"{name}.json"
    res = CliRunner().invoke(main, ["scan", "--no-config", "--fail-on", "never", "-f", "json", "-o",
                                    str(out), *extra], catch_exceptions=False)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return res.exit_code, data


def test_dask_local_cluster_equals_serial(tmp_path):
    laws = tmp_path / "laws"
    laws.mkdir()
    for p in sorted(SAMPLES.glob("0[1-8]-*")):
        shutil.copy(p, laws)
    (laws / "09-hong.docx").write_bytes(b"PK\x03\x04 this is not a whole zip")  # fails on its worker
    (laws / "NOTES.tsv").write_text("file\tnumber\nx.html\t31/2024/QH15\n", encoding="utf-8")  # not a law
    code_serial, serial = _scan(tmp_path, "serial", str(laws))
    code_dask, dask = _scan(tmp_path, "dask", str(laws), "--executor", "dask", "--jobs", "2")
    assert code_serial == code_dask == 2  # the broken file is an input error
    assert dask == serial
    assert len(dask["documents"]) == 8
    assert [Path(e["path"]).name for e in dask["errors"]] == ["09-hong.docx"]
    assert [Path(e["path"]).name for e in dask["skipped"]] == ["NOTES.tsv"]
