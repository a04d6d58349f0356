"""The command group: each command is imported when it is used; a command whose module cannot be
imported fails loudly with the import error (exit 2), never as "No such command"."""

from __future__ import annotations

import sys

from click.testing import CliRunner

from lawscan.cli import COMMANDS, main


def test_every_command_loads_and_has_help():
    for name in COMMANDS:
        res = CliRunner().invoke(main, [name, "--help"])
        assert res.exit_code == 0, (name, res.output)
        assert "Usage: " in res.output


def test_an_unknown_command_is_no_such_command():
    res = CliRunner().invoke(main, ["sugest"])
    assert res.exit_code == 2 and "No such command 'sugest'" in res.output


def test_a_command_whose_module_cannot_be_imported_says_why(monkeypatch):
    # None in sys.modules makes the import fail as a missing dependency would
    monkeypatch.setitem(sys.modules, "lawscan.cli.suggest_cmd", None)
    res = CliRunner().invoke(main, ["suggest", "law.txt"])
    assert res.exit_code == 2 and "No such command" not in res.output
    assert "command 'suggest' cannot be loaded (lawscan.cli.suggest_cmd): ModuleNotFoundError" in res.output
    # the list of commands does not hide it either
    res = CliRunner().invoke(main, ["--help"])
    assert res.exit_code == 2 and "cannot be loaded" in res.output


def test_a_module_that_raises_at_import_names_the_error(tmp_path, monkeypatch):
    (tmp_path / "broken_cmd.py").write_text("import click\nraise RuntimeError('half-installed')\n",
                                            encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(COMMANDS, "suggest", "broken_cmd:suggest")
    res = CliRunner().invoke(main, ["suggest", "law.txt"])
    assert res.exit_code == 2
    assert "command 'suggest' cannot be loaded (broken_cmd): RuntimeError: half-installed" in res.output


def test_every_command_names_an_unreadable_file_the_same_way(tmp_path):
    """Each command that reads a law says of a file it cannot read "lawscan: error: <path>:
    <reason>" on stderr and exits 2 (suggest, diff and convert used to leave out the prefix)."""
    import pytest

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fine = tmp_path / "law.txt"
    fine.write_text("LUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nLuật này quy định thử nghiệm.\n", encoding="utf-8")
    commands = [["parse"], ["graph"], ["suggest"], ["convert", "--to", "akn"], ["diff", str(fine)],
                ["scan", "--no-config", "--no-progress"]]
    for command in commands:
        res = CliRunner().invoke(main, [*command, str(empty)])
        assert res.exit_code == 2, (command, res.output)
        if f"lawscan: error: {empty}: empty file" not in res.stderr:
            pytest.fail(f"{command}: {res.stderr!r}")
