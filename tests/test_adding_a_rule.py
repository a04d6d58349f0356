"""docs/rules.md "Adding a rule, step by step", followed as written: every fenced block whose first
line names a file under ``myrules/`` is written to a temporary folder; the rule it makes loads
with its texts from its TOML file, its fixture passes, and the commands the page shows work.
Also what the page promises of a rule's texts file (a text set in the class body is kept; a key
that is no text fails the module's load, naming the file)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from test_rules_fixtures import check_fixture

from lawscan.cli import main
from lawscan.engine import load_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
BLOCK = re.compile(r"^```\w*\n(.*?)^```", re.MULTILINE | re.DOTALL)
PATH = re.compile(r"^(?:#|<!--)\s*(myrules/\S+?)\s*(?:-->)?$")


def write_walkthrough(root: Path) -> list[Path]:
    """The files the page's blocks name, written under ``root``."""
    written = []
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        first = block.split("\n", 1)[0]
        m = PATH.match(first)
        if m:
            path = root / m.group(1)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block, encoding="utf-8")
            written.append(path)
    return written


def test_the_walkthrough_gives_a_working_rule(tmp_path):
    written = write_walkthrough(tmp_path)
    names = sorted(str(p.relative_to(tmp_path)) for p in written)
    assert names == ["myrules/data/fees.toml", "myrules/fixtures/X901/le-phi.txt",
                     "myrules/x901_online_fees.py", "myrules/x901_online_fees.toml"]
    rules_dir = tmp_path / "myrules"
    ruleset = load_rules(extra_dirs=[rules_dir])
    assert ruleset.errors == []
    rule = ruleset.get("X901")
    assert rule.title == "Phí, lệ phí chưa cho phép thanh toán trực tuyến"  # from its TOML
    assert rule.messages["default"][1] == "{label} charges fees but provides no online payment."
    for fixture in sorted((rules_dir / "fixtures").glob("*/*.txt")):
        check_fixture(fixture, tmp_path, ruleset)


def test_the_walkthrough_commands(tmp_path):
    write_walkthrough(tmp_path)
    rules_dir = str(tmp_path / "myrules")
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "--rules", rules_dir])
    assert listed.exit_code == 0, listed.output
    assert re.search(r"^X901\s+warning\s+online-fee-payment\s+Phí, lệ phí", listed.output, re.M)
    assert re.search(r"^LS101\s", listed.output, re.M)  # with the built-in rules
    explained = runner.invoke(main, ["explain", "X901", "--rules", rules_dir])
    assert explained.exit_code == 0, explained.output
    assert "Lệ phí được nộp trực tiếp hoặc bằng phương thức thanh toán điện tử." in explained.output
    draft = tmp_path / "drafts" / "du-thao.txt"
    draft.parent.mkdir()
    draft.write_text("LUẬT THỬ NGHIỆM\n\nĐiều 1. Lệ phí\nNgười đề nghị nộp lệ phí tại cơ quan "
                     "cấp phép.\n", encoding="utf-8")
    scanned = runner.invoke(main, ["scan", str(draft.parent), "--rules", rules_dir, "--select",
                                   "X901", "--no-config", "-f", "json", "--fail-on", "never"])
    assert scanned.exit_code == 0, scanned.output
    assert '"rule_id": "X901"' in scanned.output
    assert "Điều 1 thu phí, lệ phí nhưng không quy định thanh toán trực tuyến." in scanned.output


def test_a_text_in_the_class_body_is_kept(tmp_path):
    (tmp_path / "x902_own.py").write_text(
        "from lawscan.engine import Rule\n\n\nclass Own(Rule):\n    id = 'X902'\n"
        "    name = 'own'\n    title = 'Tiêu đề trong mã'\n\n    def check(self, ctx):\n"
        "        return []\n", encoding="utf-8")
    (tmp_path / "x902_own.toml").write_text(
        '[X902]\ntitle = "Tiêu đề trong tệp"\ntitle_en = "Title from the file"\n', encoding="utf-8")
    rule = load_rules(extra_dirs=[tmp_path]).get("X902")
    assert (rule.title, rule.title_en) == ("Tiêu đề trong mã", "Title from the file")


def test_a_key_that_is_no_text_fails_the_load(tmp_path):
    (tmp_path / "x903_typo.py").write_text(
        "from lawscan.engine import Rule\n\n\nclass Typo(Rule):\n    id = 'X903'\n"
        "    name = 'typo'\n\n    def check(self, ctx):\n        return []\n", encoding="utf-8")
    (tmp_path / "x903_typo.toml").write_text('[X903]\ntitel = "Lỗi chính tả"\n', encoding="utf-8")
    ruleset = load_rules(extra_dirs=[tmp_path])
    assert ruleset.get("X903") is None
    assert [p.code for p in ruleset.errors] == ["rule.load_failed"]
    assert "x903_typo.toml" in ruleset.errors[0].message and "titel" in ruleset.errors[0].message


def test_a_rule_module_that_fails_to_load_is_a_rule_error_of_the_run(tmp_path):
    """A rule module with a syntax error: the run names it and exits 2, and every report counts
    it among the rule errors, not the input errors (the laws were read)."""
    import json

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x904_broken.py").write_text("def broken(:\n", encoding="utf-8")
    law = tmp_path / "luat.txt"
    law.write_text("LUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nLuật này quy định thử nghiệm.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    res = CliRunner().invoke(main, ["scan", "--no-config", str(law), "--rules", str(rules), "-f", "json",
                                    "-o", str(out), "--fail-on", "never", "--no-progress"])
    assert res.exit_code == 2 and "x904_broken.py" in res.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert (summary["rule_errors"], summary["input_errors"], summary["documents"]) == (1, 0, 1)
