"""``lawscan parse``: text outline, JSON array, -o FILE, directories, unreadable inputs (reported
as "path: reason", exit code 2, the other files still parsed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from lawscan.cli import main

FIX = Path(__file__).parent / "fixtures" / "structure"


def run(*args):
    return CliRunner().invoke(main, ["parse", *args])


def test_text_outline():
    r = run(str(FIX / "amending_law.txt"))
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "title: Luật sửa đổi, bổ sung một số điều của Luật Đất đai" in out
    assert "number: 43/2024/QH15" in out and "kind: amending_law" in out
    assert "Điều 1. Sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15  (4 khoản, 2 điểm, 3 quoted)" in out
    assert "Điều 16a" not in out  # quoted articles are not the document's own outline
    lines = out.splitlines()
    art1 = next(ln for ln in lines if "Điều 1." in ln)
    assert art1.startswith("    Điều 1.") and "[art_1, line 10]" in art1


def test_json_array_and_output_file(tmp_path):
    target = tmp_path / "out.json"
    r = run("--format", "json", "-o", str(target), str(FIX / "constitution_1946.txt"), str(FIX / "draft_bill.md"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in data] == ["constitution_1946.txt", "draft_bill.md"]
    first = data[0]
    for key in ("path", "format", "title", "number", "year", "doc_kind", "counts", "tree", "problems"):
        assert key in first
    assert first["doc_kind"] == "constitution" and first["counts"]["articles"] == 4
    chapter = first["tree"][1]
    assert {"eid", "kind", "num", "heading", "line", "children"} <= set(chapter)
    assert chapter["eid"] == "chp_II" and chapter["children"][0]["eid"] == "chp_II__sec_A"
    assert data[1]["is_draft"] is True and data[1]["number"] is None


def test_directory_with_bad_and_missing_inputs(tmp_path):
    shutil.copy(FIX / "constitution_bare.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")  # empty file: a ReadError
    r = run("--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [Path(d["path"]).name for d in data] == ["a.txt"]
    err = r.stderr.splitlines()
    assert f"lawscan: error: {tmp_path / 'b.txt'}: empty file" in err
    assert any(ln.startswith(f"lawscan: error: {tmp_path / 'missing.txt'}: ") for ln in err)


def test_a_reader_that_stops_reading_ends_the_output_quietly(tmp_path):
    """``lawscan parse LAW | head -1``: the reader closes the pipe after one line; lawscan stops
    writing without a message and exits 0, like ``lawscan graph``. (It used to print
    "lawscan: error: Broken pipe" and exit 2.)"""
    import subprocess
    import sys

    from hostile import generators as gen

    law = gen.law_5000_articles(tmp_path)  # an outline of some 400 KB: more than a pipe holds
    for fmt in ("text", "json"):
        proc = subprocess.Popen([sys.executable, "-m", "lawscan", "parse", "--format", fmt, str(law)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout.readline()
        proc.stdout.close()  # what head does after its line
        err = proc.stderr.read().decode("utf-8", "replace")
        assert proc.wait(timeout=120) == 0, err
        assert err == ""
