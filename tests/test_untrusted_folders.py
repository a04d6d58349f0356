"""A scanned folder is untrusted, through the command line: a configuration found above the
scanned path that is not the current project's cannot make lawscan import Python or write outside
(only --config or the current project's configuration can); a broken, unrelated pyproject.toml or
setup.cfg higher up does not stop a scan; a 5,000-deep TOML or baseline is one line and exit 2;
links out of the scanned folder are not followed; an empty folder says so; cache entries are data
(a planted pickle never runs, a wrong-typed or flipped entry is rebuilt, limits hold on a hit)."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import generators as gen
from lawscan.cli import main

GOOD = gen.GOOD_LAW
PAPER = GOOD.parent / "luat-khong-co-gi.txt"
RULE = '''
from pathlib import Path
Path({marker!r}).write_text("imported")
from lawscan.engine import Rule

class Planted(Rule):
    id = "X999"
    name = "planted"
    severity = "error"
    title = "planted"
    title_en = "planted"
    def check(self, ctx):
        yield self.finding(ctx, None)
'''


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def lines(res, prefix: str) -> list[str]:
    return [ln for ln in res.stderr.splitlines() if ln.startswith(prefix)]


@pytest.fixture()
def stranger(tmp_path) -> Path:
    """someone's branch: drafts/ with its own pyproject.toml asking for Python rules and a report
    outside the folder."""
    drafts = tmp_path / "branch" / "drafts"
    (drafts / ".x").mkdir(parents=True)
    shutil.copy(GOOD, drafts / "du-thao.txt")
    (drafts / ".x" / "planted.py").write_text(RULE.format(marker=str(tmp_path / "MARKER")), encoding="utf-8")
    (drafts / "pyproject.toml").write_text(
        '[tool.lawscan]\nrules = [".x"]\nreports = ["html=../owned.html"]\ntimeout = 0\n'
        'fail_on = "never"\n', encoding="utf-8")
    return drafts


def test_a_strangers_configuration_cannot_run_code_or_write_outside(tmp_path, stranger, monkeypatch):
    home = tmp_path / "ci"  # the current directory: a project of its own, without configuration
    home.mkdir()
    monkeypatch.chdir(home)
    out = tmp_path / "r.json"
    res = cli("scan", stranger, "-f", "json", "-o", out)
    assert not (tmp_path / "MARKER").exists()  # the planted rule module was never imported
    assert not (stranger.parent / "owned.html").exists()
    (note,) = lines(res, "lawscan: note:")
    assert str(stranger / "pyproject.toml") in note and "not trusted" in note
    assert "rules, reports, timeout ignored" in note
    assert res.exit_code == 0  # its data keys still apply: fail_on = "never"
    data = json.loads(out.read_text(encoding="utf-8"))
    rules = {f["rule_id"] for d in data["documents"] for f in d["findings"]}
    assert "X999" not in rules


def test_the_users_own_choice_is_trusted(tmp_path, stranger, monkeypatch):
    out = tmp_path / "r.json"
    # --config names it: trusted
    monkeypatch.chdir(tmp_path)
    res = cli("scan", stranger, "--config", stranger / "pyproject.toml", "-f", "json", "-o", out)
    assert (tmp_path / "MARKER").exists() and (stranger.parent / "owned.html").exists()
    assert not lines(res, "lawscan: note:")
    (tmp_path / "MARKER").unlink()
    (stranger.parent / "owned.html").unlink()
    # run from the project itself: its configuration is the current project's
    monkeypatch.chdir(stranger)
    res = cli("scan", ".", "-f", "json", "-o", out)
    assert (tmp_path / "MARKER").exists() and (stranger.parent / "owned.html").exists()
    assert res.exit_code == 0, res.stderr


@pytest.mark.parametrize("name, text, ours", [
    ("pyproject.toml", "[tool.black\nline-length = 1\n", False),
    ("setup.cfg", "[flake8\nmax-line-length = 1\n", False),
    ("pyproject.toml", "[tool.lawscan]\nfail_on = 'never\n", True),
    ("setup.cfg", "[lawscan]\nfail_on = never\n[lawscan\n", True),
])
def test_a_broken_configuration_higher_up(tmp_path, monkeypatch, name, text, ours):
    (tmp_path / name).write_text(text, encoding="utf-8")
    drafts = tmp_path / "a" / "drafts"
    drafts.mkdir(parents=True)
    shutil.copy(PAPER, drafts)
    monkeypatch.chdir(drafts)
    res = cli("scan", drafts, "--fail-on", "never")
    if ours:  # it mentions lawscan: it was meant for us, and saying so beats ignoring it
        assert res.exit_code == 2
        (line,) = lines(res, "lawscan: error:")
        assert str(tmp_path / name) in line and "invalid" in line
    else:
        assert res.exit_code == 0, res.stderr
        (note,) = lines(res, "lawscan: note:")
        assert str(tmp_path / name) in note and "passed over" in note
        assert "Luật" in res.stdout  # the scan went on


def test_deep_toml_and_baseline_are_one_line(tmp_path):
    deep_toml = tmp_path / "deep.toml"
    deep_toml.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    deep_json = tmp_path / "deep.json"
    deep_json.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    for args in (("--config", deep_toml), ("--no-config", "--baseline", deep_json)):
        res = cli("scan", PAPER, *args)
        assert res.exit_code == 2 and "Traceback" not in res.stderr
        (line,) = lines(res, "lawscan: error:")
        assert "nested too deeply" in line and str(args[-1]) in line


def test_links_out_of_the_scanned_folder_are_not_followed(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    text = GOOD.read_text(encoding="utf-8")
    for word, secret_word in (("tàu cá", "mật khẩu"), ("Tàu cá", "Mật khẩu"), ("TÀU CÁ", "MẬT KHẨU")):
        text = text.replace(word, secret_word)
    (secret / "mat.txt").write_text(text, encoding="utf-8")  # in its title: in every report
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(PAPER, drafts)
    (drafts / "link.txt").symlink_to(secret / "mat.txt")  # its text would be quoted (LS105)
    (drafts / "linkdir").symlink_to(secret)
    (drafts / "sub").mkdir()
    shutil.copy(GOOD, drafts / "sub" / "rieng.txt")
    (drafts / "inside.txt").symlink_to(drafts / "sub" / "rieng.txt")  # stays inside: read (once)
    out = tmp_path / "r.json"
    res = cli("scan", "--no-config", drafts, "--report", f"json={out}", "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
    assert "MẬT KHẨU" not in res.stdout.upper()  # the text report, with every title
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(Path(d["path"]).name for d in data["documents"]) == ["inside.txt", PAPER.name]
    assert sorted((Path(s["path"]).name, s["code"]) for s in data["skipped"]) == [
        ("link.txt", "link_outside"), ("linkdir", "link_outside")]
    assert "outside the scanned folder" in res.stdout  # the text report names them
    # named on the command line, a link is the user's choice: followed
    res = cli("scan", "--no-config", drafts / "link.txt", "--fail-on", "never")
    assert "MẬT KHẨU" in res.stdout.upper()


def test_an_empty_folder_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("# nothing here\n", encoding="utf-8")
    for command in (("scan", "--no-config"), ("parse",)):
        res = cli(*command, empty)
        assert res.exit_code == 2
        assert any("no files to scan in this folder" in ln and str(empty) in ln
                   for ln in res.stderr.splitlines()), res.stderr


# --------------------------------------------------------------------------- the cache

def _cache_run(tmp_path, cache, *extra):
    out = tmp_path / "r.json"
    res = cli("scan", "--no-config", PAPER, "--cache", cache, "-f", "json", "-o", out, "--fail-on", "never",
              *extra)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    if data:
        data.pop("generated_at", None)
    return res, data


def test_cache_entries_are_data_and_checked(tmp_path):
    cache = tmp_path / "cache"
    res, first = _cache_run(tmp_path, cache)
    (entry,) = cache.rglob("*.json")
    head, _, payload = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    assert header["sha256"] == hashlib.sha256(payload).hexdigest() and json.loads(payload)["doc"]
    assert b"\x80\x04" not in entry.read_bytes()  # no pickle anywhere

    # a planted pickle under the entry's name runs nothing
    marker = tmp_path / "PWNED"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Evil()))
    res, again = _cache_run(tmp_path, cache)
    assert not marker.exists() and again == first and res.exit_code == 0

    # a flipped byte (the title changed) fails the checksum: rebuilt, the report is right
    data = entry.read_bytes()
    title = first["documents"][0]["title"].encode("utf-8")
    assert title and title in data
    entry.write_bytes(data.replace(title, title[:-1] + b"X"))
    res, again = _cache_run(tmp_path, cache)
    assert again == first

    # the right checksum over the wrong types is refused by the validation, not by a crash
    bad = json.loads(payload)
    bad["lines"] = "not a list"
    bad_payload = json.dumps(bad).encode()
    entry.write_bytes(json.dumps({**header, "size": len(bad_payload),
                                  "sha256": hashlib.sha256(bad_payload).hexdigest()}).encode()
                      + b"\n" + bad_payload)
    res, again = _cache_run(tmp_path, cache)
    assert again == first and "Traceback" not in res.stderr


def test_limits_hold_on_a_cache_hit(tmp_path):
    cache = tmp_path / "cache"
    _cache_run(tmp_path, cache)
    res, data = _cache_run(tmp_path, cache, "--max-file-size", "100")
    assert res.exit_code == 2 and data["documents"] == []
    assert "file too large" in data["errors"][0]["message"]
    # a huge (sparse) file is refused from its size: never read whole to be hashed
    huge = gen.huge_text(tmp_path)
    res = cli("scan", "--no-config", huge, "--cache", cache, "-f", "json", "-o", tmp_path / "h.json")
    assert res.exit_code == 2 and "file too large" in res.stderr
