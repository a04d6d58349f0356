"""Hostile and broken inputs through the command line (the catalogue is tests/hostile/README.md):
each bad file gets one clear error line naming it and the reason, exit code 2 when it is the only
input, and the good inputs next to it are scanned normally. TCVN3/VNI files and a law of 5,000
articles are not errors: they are converted / parsed. Also: the resource limits (--max-file-size,
--max-zip-ratio, --timeout) and hostile names and text that must not inject into any report."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import generators as gen
from lawscan.cli import main
from lawscan.model import display_path

GOOD = gen.GOOD_LAW
ERROR_CASES = [name for name, (_, (kind, _w)) in gen.CASES.items() if kind == "error"]
READ_CASES = [name for name, (_, (kind, _w)) in gen.CASES.items() if kind == "document"]


def scan(tmp_path, *args):
    out = tmp_path / "out.json"
    res = CliRunner().invoke(main, ["scan", "--no-config", *map(str, args), "-f", "json", "-o", str(out)],
                             catch_exceptions=False)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return res, data


def full(path: str) -> str:
    """A report path (relative to the working directory) as the absolute path given."""
    return os.path.normpath(os.path.join(os.getcwd(), path))


def error_lines(res) -> list[str]:
    return [ln for ln in res.stderr.splitlines() if ln.startswith("lawscan: error:")]


@pytest.fixture()
def bad_dir(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    return d


@pytest.mark.parametrize("name", ERROR_CASES)
def test_bad_input_alone_is_one_error_line_and_exit_2(tmp_path, bad_dir, name):
    build, (_, words) = gen.CASES[name]
    bad = build(bad_dir)
    res, data = scan(tmp_path, bad)
    assert res.exit_code == 2, res.stderr
    lines = error_lines(res)
    assert len(lines) == 1, res.stderr
    assert str(bad) in lines[0] and words.lower() in lines[0].lower()
    assert data["documents"] == [] and [full(e["path"]) for e in data["errors"]] == [str(bad)]


@pytest.mark.parametrize("name", ERROR_CASES)
def test_bad_input_does_not_stop_the_good_one(tmp_path, bad_dir, name):
    build, (_, words) = gen.CASES[name]
    bad = build(bad_dir)
    res, data = scan(tmp_path, bad, GOOD)
    assert res.exit_code == 2
    assert [full(d["path"]) for d in data["documents"]] == [str(GOOD)]
    assert data["documents"][0]["status"]  # analysed like any law
    (err,) = data["errors"]
    assert full(err["path"]) == str(bad) and words.lower() in err["message"].lower()
    assert "\n" not in err["message"]


@pytest.mark.parametrize("name", READ_CASES)
def test_legacy_encodings_and_long_laws_are_read(tmp_path, bad_dir, name):
    build, _ = gen.CASES[name]
    path = build(bad_dir)
    res, data = scan(tmp_path, path, "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
    assert data["errors"] == []
    (doc,) = data["documents"]
    assert full(doc["path"]) == str(path)


def test_legacy_encodings_are_converted_to_unicode(bad_dir):
    from lawscan.pipeline import load_document

    for build, name in ((gen.tcvn3, "tcvn3"), (gen.vni, "vni")):
        doc = load_document(build(bad_dir))
        assert any(p.code == "read.encoding" and name in p.message.lower() for p in doc.problems)
        arts = [u for u in doc.root.walk() if u.kind == "article"]
        assert [a.heading for a in arts] == ["Phạm vi điều chỉnh", "Đối tượng áp dụng"]
        assert any("giao dịch điện tử trên môi trường số" in ln.text for ln in doc.lines)
        assert any(p.code == "read.encoding" for p in doc.problems)


def test_law_of_5000_articles_is_parsed_whole(bad_dir):
    from lawscan.pipeline import load_document

    doc = load_document(gen.law_5000_articles(bad_dir))
    arts = [u for u in doc.root.walk() if u.kind == "article"]
    chapters = [u for u in doc.root.walk() if u.kind == "chapter"]
    assert len(arts) == 5000 and len(chapters) == 50
    assert [a.num for a in arts[:3]] == ["1", "2", "3"] and arts[-1].num == "5000"
    assert [u.kind for u in arts[-1].children] == ["paragraph", "paragraph"]
    assert [u.num for u in arts[-1].children[1].children] == ["a", "b"]


def test_directory_with_symlink_loops_is_walked_once(tmp_path):
    top = gen.symlink_loop_dir(tmp_path)
    res, data = scan(tmp_path, top)
    assert [full(d["path"]) for d in data["documents"]] == [str(top / "luat.txt")]
    messages = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert "loop" in messages["again"]
    assert set(messages) >= {"again", "a", "b"}  # the a <-> b pair cannot be resolved either
    assert res.exit_code == 2


def test_unreadable_file_in_a_directory(tmp_path, monkeypatch):
    """Tests run as root, for whom chmod 000 changes nothing: the file is made unreadable by
    making opening it fail with EACCES, as the kernel would for another user."""
    import lawscan.read.limits as limits

    d = tmp_path / "laws"
    d.mkdir()
    shutil.copy(GOOD, d / "a.txt")
    shutil.copy(GOOD, d / "b-secret.txt")
    real_open = os.open

    def guarded_open(path, flags, *args, **kw):
        if str(path).endswith("b-secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(limits.os, "open", guarded_open)
    res, data = scan(tmp_path, d)
    assert [Path(x["path"]).name for x in data["documents"]] == ["a.txt"]
    (err,) = data["errors"]
    assert err["path"].endswith("b-secret.txt") and "Permission denied" in err["message"]
    assert res.exit_code == 2


def test_a_dash_for_standard_input_is_named_as_such(tmp_path):
    """`lawscan scan -` (standard input, as other tools read it) says that lawscan reads files,
    not "-: no such file or directory"."""
    res, data = scan(tmp_path, "-", GOOD)
    assert res.exit_code == 2 and data["errors"][0]["message"].startswith("standard input is not read")
    assert len(data["documents"]) == 1


def test_fifo_in_a_directory_is_never_opened(tmp_path):
    d = tmp_path / "laws"
    d.mkdir()
    shutil.copy(GOOD, d / "a.txt")
    os.mkfifo(d / "pipe.txt")  # opening it for reading would wait for a writer for ever
    res, data = scan(tmp_path, d, "--fail-on", "never")
    assert [Path(x["path"]).name for x in data["documents"]] == ["a.txt"]
    # named in the summary (it used to be left out without a word)
    assert [(Path(x["path"]).name, x["code"]) for x in data["skipped"]] == [("pipe.txt", "not_regular")]
    assert res.exit_code == 0 and data["errors"] == []
    # given by name: an error that says what it is
    res, data = scan(tmp_path, d / "pipe.txt")
    assert res.exit_code == 2 and data["errors"][0]["message"].startswith("a named pipe, not a regular file")


def test_many_bad_inputs_and_one_good(tmp_path, bad_dir):
    bad = [gen.CASES[name][0](bad_dir) for name in ERROR_CASES]
    res, data = scan(tmp_path, *bad, GOOD)
    assert [full(d["path"]) for d in data["documents"]] == [str(GOOD)]
    assert sorted(full(e["path"]) for e in data["errors"]) == sorted(map(str, bad))
    assert len(error_lines(res)) == len(bad) and res.exit_code == 2


# --------------------------------------------------------------------------- limits


def test_max_file_size_flag(tmp_path):
    res, data = scan(tmp_path, GOOD, "--max-file-size", "100")
    assert res.exit_code == 2 and "too large" in data["errors"][0]["message"]
    res, data = scan(tmp_path, GOOD, "--max-file-size", str(10 * GOOD.stat().st_size), "--fail-on", "never")
    assert res.exit_code == 0 and len(data["documents"]) == 1


def test_max_zip_ratio_flag(tmp_path, bad_dir):
    bomb = gen.zip_bomb_docx(bad_dir, 3_000_000)  # about 1000:1, small enough for libxml2
    res, data = scan(tmp_path, bomb, "--max-zip-ratio", "5000", "--fail-on", "never")
    assert data["errors"] == [] and len(data["documents"]) == 1  # allowed: read as a law
    res, data = scan(tmp_path, bomb, "--max-zip-ratio", "50")
    assert "zip bomb" in data["errors"][0]["message"] and "50:1" in data["errors"][0]["message"]


def test_timeout_is_that_documents_error(tmp_path, monkeypatch):
    """A document that never finishes (here: a parser stuck in a loop) becomes an InputError
    after --timeout seconds; the other documents are scanned."""
    import time

    import lawscan.structure as structure

    real = structure.parse_source

    def stuck(source):
        if "stuck" in source.path:
            while True:
                time.sleep(0.01)
        return real(source)

    monkeypatch.setattr(structure, "parse_source", stuck)
    stuck_file = tmp_path / "stuck.txt"
    shutil.copy(GOOD, stuck_file)
    scan(tmp_path, GOOD)  # the first document also loads the language models: not timed here
    res, data = scan(tmp_path, stuck_file, GOOD, "--timeout", "3")
    assert [full(d["path"]) for d in data["documents"]] == [str(GOOD)]
    (err,) = data["errors"]
    assert full(err["path"]) == str(stuck_file) and err["code"] == "input.timeout"
    assert "--timeout 3" in err["message"] and res.exit_code == 2


def test_timeout_swallowed_by_analysis_still_counts(tmp_path, monkeypatch):
    """Code that catches every Exception (the guard around the analysis does) cannot hide the
    timeout: the document is still that error, not a result with an 'analysis crashed' note."""
    import time

    import lawscan.analyse as analyse

    def busy(doc, settings=None, classifier=None):  # check_document turns its exception into a problem
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(analyse, "analyse_document", busy)
    res, data = scan(tmp_path, GOOD, "--timeout", "1")
    assert data["documents"] == [] and data["errors"][0]["code"] == "input.timeout"
    from lawscan.read.limits import Clock, time_limit

    with time_limit(Clock("x", 30)) as clock:  # ample: a loaded machine may pause this process
        pass
    assert not clock.expired
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the alarm is off after the block


# --------------------------------------------------------------------------- injection in reports

HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"
ESC = "\x1b"
HOSTILE_LAW = (
    "QUỐC HỘI\nLuật số: 1/2099/QH99\nLUẬT\n"
    f"GIAO DỊCH <script>document.title='PWNED'</script> | --- | ::error::pwn {ESC}[2J{ESC}]0;owned{ESC}\\\n"
    "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi <b id='x'>điều chỉnh</b> ::error file=x::injected | --- | [x](javascript:alert(1))\n"
    "1. Dữ liệu điện tử <script>document.title='PWNED'</script> trên môi trường số "
    f"{ESC}[31mđỏ{ESC}[0m <img src=x onerror=\"document.body.dataset.pwned=1\">.\n"
    "::warning::fake\n%0A::error::encoded | --- |\n"
    "Điều 2. Giao dịch điện tử\nHệ thống thông tin, nền tảng số `rm -rf` **đậm** <b>b</b>.\n")


@pytest.fixture()
def hostile_law(tmp_path) -> Path:
    d = tmp_path / "evil"
    d.mkdir()
    path = d / HOSTILE_NAME
    path.write_text(HOSTILE_LAW, encoding="utf-8")
    for name in (f"{ESC}[2Jclear{ESC}[31m.txt", "a,line=1::error::pwn | --- |.txt"):
        (d / name).write_text(HOSTILE_LAW, encoding="utf-8")
    return d


def run_formats(tmp_path, hostile_law) -> dict[str, str]:
    out = {}
    runner = CliRunner()
    for fmt in ("text", "json", "html", "sarif", "junit", "markdown", "github"):
        res = runner.invoke(main, ["scan", "--no-config", str(hostile_law), "-f", fmt, "--fail-on", "never",
                                   "--no-color"], catch_exceptions=False)
        assert res.exit_code == 0, res.stderr
        out[fmt] = res.stdout
        assert ESC not in res.stderr
    return out


def test_hostile_names_and_text_do_not_inject(tmp_path, hostile_law):
    out = run_formats(tmp_path, hostile_law)
    for fmt, text in out.items():
        assert ESC not in text, fmt  # no terminal escape reaches any output
        assert "\x07" not in text
    html = out["html"]
    assert "<script>document" not in html and "<img src=x" not in html and "<b id='x'" not in html
    assert "&lt;img src=x onerror=" in html and "&lt;script&gt;document.title" in html  # as text
    # markdown: no raw HTML, no live javascript link, no table row broken by a "|"
    md = out["markdown"]
    assert "<script>" not in md and "<img src=x" not in md and "](javascript:" not in md
    for line in md.splitlines():
        if "pwn" in line and line.startswith("|"):
            assert "| --- |" not in line
    # GitHub annotations: only lawscan's own workflow commands, their properties escaped
    commands = [ln for ln in out["github"].splitlines() if ln.startswith("::")]
    assert commands
    for line in commands:
        assert re.match(r"::(error|warning|notice) file=[^,:]*(,[a-z]+=[^,:]*)*::", line), line
        assert "::error::pwn" not in line and "::warning::fake" not in line
    # JSON / SARIF / JUnit stay well-formed and keep the text faithfully
    data = json.loads(out["json"])
    paths = sorted(Path(d["path"]).name for d in data["documents"])
    assert HOSTILE_NAME in paths
    json.loads(out["sarif"])
    from lxml import etree

    etree.fromstring(out["junit"].encode("utf-8"))


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_hostile_html_report_runs_no_script_in_chromium(tmp_path, hostile_law):
    from lxml import html as lxml_html

    report = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["scan", "--no-config", str(hostile_law), "-o", str(report),
                                    "--fail-on", "never"], catch_exceptions=False)
    assert res.exit_code == 0
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000",
                           "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert "<html" in proc.stdout, proc.stderr[-2000:]
    tree = lxml_html.fromstring(proc.stdout)
    assert "PWNED" not in (tree.findtext(".//title") or "")
    assert tree.find(".//body").get("data-pwned") is None
    assert not tree.xpath("//img|//*[@onerror]|//a[starts-with(@href, 'javascript')]")
    assert len(tree.xpath("//script")) == 1  # lawscan's own
    text = tree.text_content()
    assert "document.title='PWNED'" in text and HOSTILE_NAME in text  # shown as text, not run


def test_error_lines_escape_control_characters(tmp_path):
    bad = tmp_path / f"{ESC}[2J{ESC}]0;t{ESC}\\.txt"
    bad.write_bytes(b"")
    res, data = scan(tmp_path, bad)
    assert ESC not in res.stderr and "\\x1b[2J" in res.stderr
    # every output names it the same way: escaped (a name with bytes that are not UTF-8 cannot
    # be written into JSON or XML as it is, and one with ESC must not reach a terminal)
    assert full(data["errors"][0]["path"]) == display_path(str(bad))
    assert "\\x1b[2J" in data["errors"][0]["path"]
