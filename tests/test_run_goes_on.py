"""One file's trouble is that file's error, through the command line: a file name with bytes that
are not UTF-8, a JSON record holding a lone surrogate, text with a character XML forbids
(U+FFFE) under every report format, one report format that fails (the others are written whole),
a standard output that cannot encode Vietnamese. No traceback, every requested report whole.
(A worker process that dies: tests/test_parallel.py.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from hostile import generators as gen
from lawscan.cli import main

REPO = Path(__file__).resolve().parents[1]
GOOD = gen.GOOD_LAW
PAPER = GOOD.parent / "luat-khong-co-gi.txt"
FILES = {"json": "r.json", "html": "r.html", "sarif": "r.sarif", "junit": "j.xml", "markdown": "r.md",
         "text": "r.txt", "github": "g.txt"}


def scan_all(folder: Path, out: Path, *extra):
    """Every report format at once; the reports read back (JSON ones parsed, XML parsed)."""
    out.mkdir(exist_ok=True)
    reports = [a for fmt, name in FILES.items() for a in ("--report", f"{fmt}={out / name}")]
    res = CliRunner().invoke(main, ["scan", "--no-config", str(folder), *reports, "--fail-on", "never",
                                    *map(str, extra)], catch_exceptions=False)
    assert "Traceback" not in res.stderr
    written = {fmt: (out / name).read_bytes() if (out / name).exists() else None for fmt, name in FILES.items()}
    return res, written


def check_whole(written: dict) -> dict:
    for fmt, data in written.items():
        assert data is not None, f"{fmt} report missing"
        data.decode("utf-8")  # valid UTF-8, no lone surrogate
    etree.fromstring(written["junit"])
    json.loads(written["sarif"])
    return json.loads(written["json"])


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    shutil.copy(PAPER, folder)
    odd = os.fsencode(folder) + b"/lu\xe2t-\xff.txt"  # Latin-1 bytes in a name: not UTF-8
    with open(odd, "wb") as fh:
        fh.write(GOOD.read_bytes())
    res, written = scan_all(folder, tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    data = check_whole(written)
    names = sorted(Path(d["path"]).name for d in data["documents"])
    assert names == ["lu\\xe2t-\\xff.txt", PAPER.name]  # the bytes shown, the law scanned
    assert b"\\xff" in written["text"] and b"\\xff" in written["html"]


def test_a_json_record_with_a_lone_surrogate(tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    shutil.copy(PAPER, folder)
    record = {"id": "1", "title": "Luật thử \ud83d nghiệm", "chapters": [{"title": "CHƯƠNG I", "subtitle": "CHUNG",
              "articles": [{"number": "Điều 1", "heading": "Phạm vi \ud83d", "body": "1. Nộp bản chính \udc00."}]}]}
    (folder / "record.json").write_text(json.dumps(record), encoding="utf-8")  # "\ud83d" escaped
    res, written = scan_all(folder, tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    data = check_whole(written)
    assert sorted(Path(d["path"]).name for d in data["documents"]) == [PAPER.name, "record.json"]
    assert "\ufffd" in written["json"].decode("utf-8")


def test_text_with_characters_xml_forbids(tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    text = GOOD.read_text(encoding="utf-8").replace("Luật này quy định", "Luật \ufffe\uffff\x01này quy định")
    (folder / "luat.txt").write_text(text, encoding="utf-8")
    shutil.copy(PAPER, folder)
    res, written = scan_all(folder, tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    data = check_whole(written)
    assert len(data["documents"]) == 2


def test_one_failing_report_loses_only_itself(tmp_path, monkeypatch):
    """A report writer that raises (here JUnit, as a character XML forbids once made it do): its
    file is not written (an old one stays), the run goes on, every other report is whole, and
    the failure is one line naming the report, exit 2."""
    from lawscan.report import junit

    def broken(self, entry):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(junit.JunitWriter, "document", broken)
    out = tmp_path / "out"
    out.mkdir()
    (out / "j.xml").write_text("<old/>", encoding="utf-8")
    res, written = scan_all(GOOD.parent, out)
    assert res.exit_code == 2
    assert written["junit"] == b"<old/>"
    written["junit"] = b"<testsuites/>"
    data = check_whole(written)
    assert len(data["documents"]) >= 2
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("lawscan: error:")]
    assert len(lines) == 1 and "j.xml: report not written: ValueError" in lines[0]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_standard_output_that_cannot_encode_vietnamese(tmp_path, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    done = subprocess.run([sys.executable, "-m", "lawscan", "scan", "--no-config", str(PAPER)], cwd=tmp_path,
                          capture_output=True, env=env, timeout=300)
    assert b"Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 1)
    if encoding == "ascii":  # click takes an ASCII stream for a misconfigured one: it writes UTF-8
        assert "LS10" in done.stdout.decode("utf-8")
    else:  # the report, with "?" for what the terminal cannot show
        out = done.stdout.decode(encoding)
        assert "LS10" in out and "?" in out
