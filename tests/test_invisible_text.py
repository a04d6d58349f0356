"""What the eye does not see, through the command line: invisible format characters put after
"Điều" / "Chương" and inside "bản chính" change nothing a scan finds (in .txt, .docx and
.html); terminal control sequences in a law's text or its file name never reach the terminal
through parse, diff, suggest or graph."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from hostile import generators as gen
from lawscan.cli import main

DRAFT = SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt"  # LS101 error, LS105, LS106
INVISIBLE = ["\u200e", "\u2063", "\u034f", "\ufe0f", "\u3164", "\u202e", "\u00ad", "\U000e0041"]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    if path.suffix == ".docx":
        path.write_bytes(gen.docx_bytes(gen.document_xml(text)))
    elif path.suffix == ".html":
        path.write_text("<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in text.splitlines())
                        + "</body></html>", encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path, tmp_path: Path) -> tuple[dict, list]:
    out = tmp_path / "r.json"
    res = cli("scan", "--no-config", path, "-f", "json", "-o", out, "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    return doc["counts"], [(f["rule_id"], f["eid"], f["line"], [e["quote"] for e in f["evidence"]])
                           for f in doc["findings"]]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".html"])
def test_invisible_characters_hide_nothing(tmp_path, suffix):
    clean = unicodedata.normalize("NFC", DRAFT.read_text(encoding="utf-8"))
    expected = findings(write(tmp_path / f"clean{suffix}", clean), tmp_path)
    assert {"LS101", "LS105", "LS106"} <= {rule for rule, *_ in expected[1]}
    for ch in INVISIBLE:
        dirty = re.sub(r"(Điều|Chương)", lambda m: m.group(1) + ch, clean)
        dirty = dirty.replace("bản chính", f"bả{ch}n chính").replace("Bản chính", f"Bả{ch}n chính")
        assert dirty != clean
        got = findings(write(tmp_path / f"dirty{suffix}", dirty), tmp_path)
        assert got == expected, hex(ord(ch))  # same structure, findings, lines and quotes


ESC = "\x1b"
LAW = ("QUỐC HỘI\nLuật số: 1/2099/QH99\nLUẬT\n"
       f"GIAO DỊCH {ESC}]0;owned\x07 {ESC}[2J\n"
       f"Chương I\nNHỮNG QUY ĐỊNH CHUNG {ESC}[31mđỏ{ESC}[0m\n"
       f"Điều 1. Phạm vi {ESC}]8;;http://x\x07link{ESC}]8;;\x07\n"
       "1. Dữ liệu điện tử trên môi trường số \x9b31m.\n"
       "Điều 2. Hồ sơ\n1. Nộp bản chính tại khoản 5 Điều 1.\n"
       + "".join(f"Điều {n}. Điều thứ {n}\n1. Nội dung của điều này, không có ký tự lạ.\n" for n in range(5, 40)))


def test_control_sequences_never_reach_the_terminal(tmp_path):
    old = tmp_path / f"cu{ESC}[2J{ESC}]0;t\x07.txt"  # in the name too
    old.write_text(LAW, encoding="utf-8")
    new = tmp_path / "moi.txt"
    new.write_text(LAW.replace("Điều 2.", "Điều 3.").replace("Điều 5.", "Điều 4. Thêm\n1. Nội dung \x07mới.\nĐiều 5."),
                   encoding="utf-8")
    runs = [("parse", old, new), ("parse", "--format", "json", tmp_path), ("diff", old, new),
            ("diff", "--format", "json", old, new), ("suggest", old), ("graph", "--format", "dot", old),
            ("graph", "--format", "dot", tmp_path), ("graph", "--format", "json", tmp_path),
            ("graph", tmp_path), ("convert", old), ("scan", "--no-config", tmp_path)]
    for args in runs:
        res = cli(*args)
        assert res.exit_code in (0, 1), (args, res.stderr)
        for stream in (res.stdout, res.stderr):
            assert not CONTROL.search(stream), (args, CONTROL.findall(stream)[:5])
    res = cli("parse", old)
    assert "\\x1b[2J" in res.stdout  # the name is shown, escaped
