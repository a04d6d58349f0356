"""Limits and options, through the command line: values that would switch a limit off or break it
(nan, inf, negative, huge) are usage errors naming the option or key; --timeout holds under
--executor dask; a .docx whose body is an imported document (w:altChunk) says so; a .docx that
names word/document.xml twice is refused."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from hostile import generators as gen
from lawscan.cli import main

GOOD = gen.GOOD_LAW
PAPER = GOOD.parent / "luat-khong-co-gi.txt"


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("option, value", [("--timeout", "nan"), ("--timeout", "inf"), ("--timeout", "-5"),
                                           ("--timeout", "1e300"), ("--max-zip-ratio", "nan"),
                                           ("--max-zip-ratio", "0"), ("--max-zip-ratio", "-inf"),
                                           ("--max-unzipped-size", "0"), ("--max-unzipped-size", "nan")])
def test_options_that_would_switch_a_limit_off(option, value):
    res = cli("scan", "--no-config", PAPER, option, value)
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    (line,) = [ln for ln in res.stderr.splitlines() if ln.startswith("Error:")]
    assert option in line and value in line


@pytest.mark.parametrize("args, words", [(["--scheduler", "tcp://127.0.0.1:1"], "--executor dask"),
                                         (["--base-dir", "/nonexistent-lawscan-dir"], "--base-dir")])
def test_options_that_would_be_ignored_are_refused(args, words):
    """An option that would do nothing is refused, not ignored: a scheduler without the Dask
    executor (the scan would run here), a base directory that does not exist (every path in the
    reports would be relative to nothing)."""
    res = cli("scan", "--no-config", PAPER, *args)
    assert res.exit_code == 2 and words in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("setting", ["timeout = -5", "timeout = nan", "timeout = inf", "max_zip_ratio = nan",
                                     "max_zip_ratio = 0.5", "max_file_size = -1", "jobs = 0",
                                     "timeout = 'soon'", "jobs = true", "max_unzipped_size = 0",
                                     "max_unzipped_size = 1.5"])
def test_configuration_values_that_would_switch_a_limit_off(tmp_path, setting):
    cfg = tmp_path / "lawscan.toml"
    cfg.write_text(setting + "\n", encoding="utf-8")
    res = cli("scan", "--config", cfg, PAPER)
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    (line,) = [ln for ln in res.stderr.splitlines() if ln.startswith("lawscan: error:")]
    assert str(cfg) in line and setting.split()[0] in line


def test_the_docx_unzip_limit_is_set_from_the_command_line_or_a_trusted_configuration(tmp_path):
    docx = tmp_path / "luat.docx"
    docx.write_bytes(gen.docx_bytes(gen.document_xml()))
    out = tmp_path / "r.json"
    for how in (("--no-config", "--max-unzipped-size", "100"), ("--config", tmp_path / "lawscan.toml")):
        (tmp_path / "lawscan.toml").write_text("max_unzipped_size = 100\n", encoding="utf-8")
        res = cli("scan", *how, docx, "-f", "json", "-o", out)
        (err,) = json.loads(out.read_text(encoding="utf-8"))["errors"]
        assert res.exit_code == 2 and err["code"] == "input.docx_too_large"
        assert "(the limit is 100, --max-unzipped-size)" in err["message"]
    res = cli("scan", "--no-config", docx, "--fail-on", "never", "-f", "json", "-o", out)
    assert res.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["errors"] == []
    res = cli("annotate", "--config", tmp_path / "lawscan.toml", docx, "-o", tmp_path / "r.docx")
    assert res.exit_code == 2 and "--max-unzipped-size" in res.stderr


@pytest.mark.slow
def test_timeout_holds_under_dask(tmp_path):
    pytest.importorskip("dask.distributed")
    laws = tmp_path / "laws"
    laws.mkdir()
    shutil.copy(GOOD, laws)
    shutil.copy(PAPER, laws)
    out = tmp_path / "r.json"
    # no law is read, parsed and checked in a millisecond: every one runs out of time, on the
    # Dask workers' threads as in the main thread
    for extra in ((), ("--executor", "dask", "--jobs", "1")):
        res = cli("scan", "--no-config", laws, "--timeout", "0.001", "-f", "json", "-o", out, *extra)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert res.exit_code == 2, res.stderr
        assert data["documents"] == [], extra
        assert [e["code"] for e in data["errors"]] == ["input.timeout"] * 2


ALT_CHUNK = ('<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
             'r:id="htmlChunk"/>').encode()


def test_a_docx_body_that_is_an_imported_document(tmp_path):
    only = gen.document_xml("").replace(b"<w:body>", b"<w:body>" + ALT_CHUNK)
    beside = gen.document_xml(gen.LAW).replace(b"</w:body>", ALT_CHUNK + b"</w:body>")
    (tmp_path / "only.docx").write_bytes(gen.docx_bytes(only))
    (tmp_path / "beside.docx").write_bytes(gen.docx_bytes(beside))
    out = tmp_path / "r.json"
    res = cli("scan", "--no-config", tmp_path / "only.docx", tmp_path / "beside.docx", "-f", "json", "-o", out,
              "--fail-on", "never")
    data = json.loads(out.read_text(encoding="utf-8"))
    (err,) = data["errors"]
    assert err["path"].endswith("only.docx") and "altChunk" in err["message"] and res.exit_code == 2
    (doc,) = data["documents"]
    assert any(p["code"] == "read.docx.altchunk" for p in doc["problems"])


def test_a_docx_that_names_its_document_twice(tmp_path):
    first = gen.document_xml(gen.LAW)
    second = gen.document_xml(gen.LAW.replace("THỬ NGHIỆM", "KHÁC HẲN"))
    path = tmp_path / "hai.docx"
    path.write_bytes(gen.docx_parts({"word/document.xml": first}, again=("word/document.xml", second)))
    res = cli("scan", "--no-config", path)
    assert res.exit_code == 2
    (line,) = [ln for ln in res.stderr.splitlines() if ln.startswith("lawscan: error:")]
    assert str(path) in line and "word/document.xml more than once" in line

