"""`lawscan scan` end to end on small real law texts: exit codes, outputs, configuration
discovery, baselines, parallel and cached runs giving the same results as a serial run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawscan.cli import main

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "scan"
DIGITAL = FIX / "luat-co-chuong-so.txt"
PAPER = FIX / "luat-khong-co-gi.txt"


def run(*args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def scan_json(tmp_path, *args) -> tuple[int, dict]:
    out = tmp_path / "r.json"
    res = run("scan", "--no-config", *args, "--format", "json", "-o", out)
    return res.exit_code, json.loads(out.read_text(encoding="utf-8"))


def strip_time(data: dict) -> dict:
    data = dict(data)
    data.pop("generated_at", None)
    return data


@pytest.fixture()
def laws(tmp_path) -> Path:
    d = tmp_path / "laws"
    d.mkdir()
    shutil.copy(DIGITAL, d)
    shutil.copy(PAPER, d)
    return d


def test_exit_code_follows_fail_on(tmp_path, laws):
    code, data = scan_json(tmp_path, laws)
    severities = [f["severity"] for d in data["documents"] for f in d["findings"]]
    assert len(data["documents"]) == 2
    assert code == (1 if "error" in severities else 0)
    code, _ = scan_json(tmp_path, laws, "--fail-on", "never")
    assert code == 0
    code, _ = scan_json(tmp_path, laws, "--fail-on", "info")
    assert code == (1 if severities else 0)


def test_paper_law_fails_and_digital_law_has_no_error(tmp_path):
    code, data = scan_json(tmp_path, PAPER)
    doc = data["documents"][0]
    assert doc["digital"]["status"] == "none"
    assert any(f["severity"] == "error" for f in doc["findings"])
    assert code == 1
    code, data = scan_json(tmp_path, DIGITAL)
    doc = data["documents"][0]
    assert doc["digital"]["status"] == "dedicated_chapter"
    assert doc["digital"]["chapters"] == ["III"]
    assert not [f for f in doc["findings"] if f["severity"] == "error"]


def test_missing_input_is_reported_and_others_still_scanned(tmp_path):
    out = tmp_path / "r.json"
    res = run("scan", "--no-config", tmp_path / "nope.docx", DIGITAL, "-f", "json", "-o", out)
    assert res.exit_code == 2
    assert "nope.docx" in res.stderr and "no such file" in res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in data["documents"]] == [DIGITAL.name]
    assert any("nope.docx" in e["path"] for e in data["errors"])


def test_only_a_missing_input_exits_2(tmp_path):
    res = run("scan", "--no-config", tmp_path / "nope.txt")
    assert res.exit_code == 2


def test_report_options_write_several_files_and_directory_gets_default_name(tmp_path, laws):
    outdir = tmp_path / "out"
    outdir.mkdir()
    res = run("scan", "--no-config", laws, "--report", f"json={tmp_path / 'a.json'}",
              "--report", f"sarif={tmp_path / 'a.sarif'}", "-f", "html", "-o", outdir,
              "--fail-on", "never")
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["documents"]
    assert json.loads((tmp_path / "a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    htmls = list(outdir.glob("*.html"))
    assert len(htmls) == 1 and "<html" in htmls[0].read_text(encoding="utf-8").lower()


def test_text_report_to_stdout_is_plain_when_piped(laws):
    res = run("scan", "--no-config", laws, "--fail-on", "never")
    assert res.exit_code == 0
    assert "\x1b[" not in res.stdout
    assert "Đăng ký tàu cá".upper() in res.stdout.upper()


def test_color_asked_for_colours_the_text_report_wherever_it_goes(tmp_path, laws):
    """--color colours the text report on a pipe (for ``less -R``, a CI log) and in a file;
    without it neither is coloured. (--color used to be dropped on a pipe and in a file.)"""
    piped = run("scan", "--no-config", laws, "--fail-on", "never", "--color")
    assert "\x1b[" in piped.stdout and "Đăng ký tàu cá".upper() in piped.stdout.upper()
    for flags, coloured in ((["--color"], True), ([], False), (["--no-color"], False)):
        out = tmp_path / "report.txt"
        assert run("scan", "--no-config", laws, "--fail-on", "never", "-o", out, *flags).exit_code == 0
        assert ("\x1b[" in out.read_text(encoding="utf-8")) is coloured, flags


def test_progress_asked_for_in_a_log_is_a_line_at_each_tenth(tmp_path, laws):
    """--progress where stderr is no terminal (a CI log) prints a line per tenth of the files,
    each with the count and the file; it used to print the bar's label alone."""
    for i in range(10):
        shutil.copy(PAPER, laws / f"ban-sao-{i}.txt")
    res = run("scan", "--no-config", laws, "--fail-on", "never", "--progress", "-f", "json",
              "-o", tmp_path / "r.json")
    lines = [ln for ln in res.stderr.splitlines() if " files (" in ln]
    assert len(lines) == 10 and lines[-1].startswith("lawscan: 12/12 files (100%), ")
    quiet = run("scan", "--no-config", laws, "--fail-on", "never", "-f", "json", "-o", tmp_path / "r.json")
    assert " files (" not in quiet.stderr  # off by default outside a terminal


def test_config_discovered_from_scanned_path_upwards(tmp_path, laws):
    (tmp_path / "pyproject.toml").write_text('[tool.lawscan]\nfail_on = "never"\n', encoding="utf-8")
    res = run("scan", laws / PAPER.name)
    assert res.exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.other]\nx = 1\n', encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[lawscan]\nfail_on = never\n", encoding="utf-8")
    assert run("scan", laws / PAPER.name).exit_code == 0
    (tmp_path / "setup.cfg").write_text("[lawscan]\nfail_on = sometimes\n", encoding="utf-8")
    res = run("scan", laws / PAPER.name)
    assert res.exit_code == 2 and "fail_on" in res.output


def test_config_selects_rules_and_changes_severity(tmp_path, laws):
    code, data = scan_json(tmp_path, laws / PAPER.name)
    first = data["documents"][0]["findings"][0]
    cfg = tmp_path / "lawscan.toml"
    cfg.write_text(f'select = ["{first["rule_id"]}"]\n[severity]\n{first["rule_id"]} = "info"\n',
                   encoding="utf-8")
    out = tmp_path / "c.json"
    res = run("scan", "--config", cfg, laws / PAPER.name, "-f", "json", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    findings = data["documents"][0]["findings"]
    assert findings and {f["rule_id"] for f in findings} == {first["rule_id"]}
    assert {f["severity"] for f in findings} == {"info"}
    assert res.exit_code == 0


def test_baseline_marks_known_findings_unchanged(tmp_path, laws):
    base = tmp_path / "base.json"
    res = run("baseline", "write", "--no-config", "-o", base, laws / PAPER.name)
    assert res.exit_code == 0, res.output
    code, data = scan_json(tmp_path, laws / PAPER.name, "--baseline", base, "--fail-on", "info")
    states = {f["baseline_state"] for d in data["documents"] for f in d["findings"]}
    assert states == {"unchanged"} and code == 0
    # a new law brings new findings, which fail
    shutil.copy(PAPER, laws / "ban-sao.txt")
    text = (laws / "ban-sao.txt").read_text(encoding="utf-8").replace("13/2026/QH15", "14/2026/QH15")
    (laws / "ban-sao.txt").write_text(text, encoding="utf-8")
    code, data = scan_json(tmp_path, laws / PAPER.name, laws / "ban-sao.txt", "--baseline", base,
                           "--fail-on", "info")
    by_doc = {Path(d["path"]).name: {f["baseline_state"] for f in d["findings"]} for d in data["documents"]}
    assert by_doc[PAPER.name] == {"unchanged"}
    assert by_doc["ban-sao.txt"] == {"new"}
    assert code == 1


def _renumbered(text: str) -> str:
    """The law with a new Điều 2 inserted: the articles after it move up one, as a drafter
    renumbers them (the reference to Điều 3 too)."""
    for n in range(5, 1, -1):
        text = text.replace(f"Điều {n}", f"Điều {n + 1}")
    return text.replace("Điều 3. Đối tượng", "Điều 2. Giải thích từ ngữ\nTrong Luật này, các từ ngữ được "
                        "hiểu như sau.\nĐiều 3. Đối tượng")


def test_baseline_findings_survive_renumbering(tmp_path, laws):
    """An article inserted before the articles with findings renumbers them (Điều 3 -> Điều 4):
    their findings are still those of the baseline, by the text of their unit; a unit both
    renumbered and reworded brings a new finding. (Fingerprints followed the eid alone, so every
    finding after the insertion was new.) A baseline of the older form (no text fingerprints)
    still matches by eid."""
    base = tmp_path / "base.json"
    assert run("baseline", "write", "--no-config", "-o", base, laws / PAPER.name).exit_code == 0
    law = laws / PAPER.name
    before = law.read_text(encoding="utf-8")
    law.write_text(_renumbered(before), encoding="utf-8")
    code, data = scan_json(tmp_path, law, "--baseline", base, "--fail-on", "info")
    findings = data["documents"][0]["findings"]
    assert sum("art_4" in f["eid"] for f in findings) == 2  # the findings of Điều 3 moved to Điều 4
    assert {f["baseline_state"] for f in findings} == {"unchanged"} and code == 0
    law.write_text(_renumbered(before).replace("b) Bản sao có chứng thực văn bằng chuyên môn;",
                                               "b) Bản sao có chứng thực văn bằng, chứng chỉ;"), encoding="utf-8")
    code, data = scan_json(tmp_path, law, "--baseline", base, "--fail-on", "info")
    states = {f["eid"]: f["baseline_state"] for f in data["documents"][0]["findings"]}
    assert states["chp_II__art_4__para_1"] == "new" and code == 1  # LS105 on khoản 1, reworded
    assert {s for e, s in states.items() if e != "chp_II__art_4__para_1"} == {"unchanged"}
    old = json.loads(base.read_text(encoding="utf-8"))
    for entry in old["findings"].values():
        del entry["text"]
    base.write_text(json.dumps(old), encoding="utf-8")
    law.write_text(before, encoding="utf-8")
    code, data = scan_json(tmp_path, law, "--baseline", base, "--fail-on", "info")
    assert {f["baseline_state"] for f in data["documents"][0]["findings"]} == {"unchanged"}


@pytest.mark.parametrize("flags", [["--select", "LS105"], ["--ignore", "LS101"], ["--verdict", "trained"]])
def test_baseline_is_written_with_the_scans_options(tmp_path, laws, flags):
    """`baseline write` takes the options that change what a scan finds, so a baseline written
    for `scan --verdict trained` (or a selection of rules) holds exactly that scan's findings."""
    base = tmp_path / "base.json"
    res = run("baseline", "write", "--no-config", "-o", base, *flags, laws)
    assert res.exit_code == 0, res.output
    written = json.loads(base.read_text(encoding="utf-8"))["findings"]
    _, data = scan_json(tmp_path, laws, *flags)
    found = {f["fingerprint"] for d in data["documents"] for f in d["findings"]}
    assert written and set(written) == found
    if flags[0] == "--select":
        assert {e["rule"] for e in written.values()} == {"LS105"}
    if flags[0] == "--ignore":
        assert "LS101" not in {e["rule"] for e in written.values()}


def test_baseline_fingerprints_ignore_line_numbers(tmp_path, laws):
    base = tmp_path / "base.json"
    run("baseline", "write", "--no-config", "-o", base, laws / PAPER.name)
    law = laws / PAPER.name
    law.write_text("\n\n\n" + law.read_text(encoding="utf-8"), encoding="utf-8")  # shift every line
    code, data = scan_json(tmp_path, law, "--baseline", base)
    assert {f["baseline_state"] for d in data["documents"] for f in d["findings"]} == {"unchanged"}


def test_init_writes_a_configuration_that_loads(tmp_path):
    from lawscan.config import load

    target = tmp_path / "pyproject.toml"
    target.write_text('[project]\nname = "x"\n', encoding="utf-8")
    res = run("init", "--path", target)
    assert res.exit_code == 0
    cfg = load(target)
    assert cfg.fail_on == "error" and cfg.exclude == ["outputs/*"]
    assert run("init", "--path", target).exit_code == 2  # does not write twice


@pytest.mark.parametrize("name", ["setup.cfg", "lawscan.toml"])
def test_init_writes_what_that_file_is_read_as(tmp_path, name):
    """setup.cfg gets a [lawscan] section, another .toml top-level keys: each loads, and its
    settings (here fail_on, edited as a user would) take effect; no placeholder URL."""
    from lawscan.config import load

    target = tmp_path / name
    if name == "setup.cfg":
        target.write_text("[metadata]\nname = x\n", encoding="utf-8")
    assert run("init", "--path", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "[tool.lawscan]" not in text and "https://" not in text
    cfg = load(target)
    assert cfg.fail_on == "error" and cfg.exclude == ["outputs/*"] and cfg.source == str(target)
    target.write_text(text.replace('fail_on = "error"', 'fail_on = "never"').replace(
        "fail_on = error", "fail_on = never"), encoding="utf-8")
    assert load(target).fail_on == "never"
    assert run("init", "--path", target).exit_code == 2  # does not write twice


@pytest.mark.parametrize("name, other_before, other_after", [
    ("pyproject.toml", '[project]\nname = "x"\n', '# black reads this\n[tool.black]\nline-length = 100\n'),
    ("setup.cfg", "[metadata]\nname = x\n", "; flake8 reads this\n[flake8]\nmax-line-length = 100\n")])
def test_init_force_replaces_the_configuration_and_keeps_the_rest(tmp_path, name, other_before, other_after):
    """``init --force`` on a file that has a lawscan configuration (edited by its user) replaces
    it: one configuration, which loads, with every other table and its comments kept as they
    were. (It used to add a second copy: pyproject.toml then failed to load at all.)"""
    from lawscan.config import load

    target = tmp_path / name
    target.write_text(other_before, encoding="utf-8")
    assert run("init", "--path", target).exit_code == 0
    edited = target.read_text(encoding="utf-8").replace('fail_on = "error"', 'fail_on = "never"').replace(
        "fail_on = error", "fail_on = never")
    target.write_text(edited + "\n" + other_after, encoding="utf-8")
    assert load(target).fail_on == "never"
    refused = run("init", "--path", target)
    assert refused.exit_code == 2 and "--force" in refused.output
    res = run("init", "--force", "--path", target)
    assert res.exit_code == 0 and "replaced" in res.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(other_before) and text.endswith(other_after)
    header = "[tool.lawscan]" if name == "pyproject.toml" else "[lawscan]"
    assert text.count(header + "\n") == 1 and text.count("# lawscan configuration") == 1
    assert load(target).fail_on == "error"


def test_parallel_and_cached_runs_equal_serial(tmp_path, laws):
    _, serial = scan_json(tmp_path, laws)
    _, parallel = scan_json(tmp_path, laws, "--jobs", "2")
    assert strip_time(parallel) == strip_time(serial)
    cache = tmp_path / "cache"
    _, first = scan_json(tmp_path, laws, "--cache", cache)
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_bytes(b"corrupt")  # a corrupt entry is rebuilt, never fatal
    _, second = scan_json(tmp_path, laws, "--cache", cache)
    assert strip_time(first) == strip_time(serial) == strip_time(second)


def test_limits_come_from_configuration(tmp_path, laws):
    from lawscan.config import load

    cfg_file = tmp_path / "lawscan.toml"
    cfg_file.write_text("max_file_size = 100\ntimeout = 30\nmax_zip_ratio = 20\n", encoding="utf-8")
    cfg = load(cfg_file)
    assert (cfg.max_file_size, cfg.timeout, cfg.max_zip_ratio) == (100, 30.0, 20.0)
    out = tmp_path / "l.json"
    res = run("scan", "--config", cfg_file, laws, "-f", "json", "-o", out)
    assert res.exit_code == 2  # both laws are larger than 100 bytes: refused, named, reported
    data = json.loads(out.read_text(encoding="utf-8"))
    assert not data["documents"] and len(data["errors"]) == 2
    assert all("100" in e["message"] or "large" in e["message"] for e in data["errors"])
    cfg_file.write_text("timeout = \"soon\"\n", encoding="utf-8")
    assert run("scan", "--config", cfg_file, laws).exit_code == 2


def test_console_entry_gives_main_s_exit_codes_and_whole_output(tmp_path, laws, monkeypatch):
    """``python -m lawscan`` goes through cli.run, which ends the process without the
    interpreter's teardown: the exit code and everything written to a pipe are still main()'s."""
    import subprocess
    import sys

    def console(*args):
        return subprocess.run([sys.executable, "-m", "lawscan", "scan", "--no-config", "--no-progress",
                               *map(str, args)], capture_output=True, text=True, cwd=tmp_path)

    monkeypatch.chdir(tmp_path)  # paths in the report are relative to the working directory
    in_process = run("scan", "--no-config", "--no-progress", laws, "-f", "json", "--fail-on", "info")
    proc = console(laws, "-f", "json", "--fail-on", "info")
    assert proc.returncode == in_process.exit_code == 1
    assert strip_time(json.loads(proc.stdout)) == strip_time(json.loads(in_process.output))
    assert console(laws, "-f", "json", "--fail-on", "never").returncode == 0
    # reports written to files are complete too (atomic writes finish before the process ends)
    report = tmp_path / "out" / "report.sarif"
    done = console(laws, "-f", "sarif", "-o", report, "--report", f"html={tmp_path / 'out' / 'r.html'}")
    assert done.returncode == 1
    sarif = json.loads(report.read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == sum(len(d["findings"])
                                                   for d in json.loads(in_process.output)["documents"])
    assert (tmp_path / "out" / "r.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    missing = console(tmp_path / "no-such-law.txt")
    assert missing.returncode == 2 and "no-such-law.txt" in missing.stdout + missing.stderr


def test_console_entry_under_a_profiler_exits_normally(tmp_path, laws):
    """cli.run skips the interpreter's teardown, but not under a profiler, which writes its data at
    exit: ``python -m cProfile -o FILE -m lawscan ...`` still leaves FILE."""
    import pstats
    import subprocess
    import sys

    prof = tmp_path / "scan.prof"
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "lawscan", "scan",
                           "--no-config", "--no-progress", "--fail-on", "never", str(laws)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    functions = {name for _file, _line, name in pstats.Stats(str(prof)).stats}
    assert "scan_file" in functions
